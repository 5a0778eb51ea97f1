"""ECB+ coreference evaluation: the CoNLL scorer on textbook cases, the loader and ``evaluate`` on a
tiny ECB+-shaped folder written here (no dataset text)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from storyline.errors import DatasetError
from storyline.eval.coref_scores import clusters_from_labels, conll_scores
from storyline.eval.ecbplus import load_split, parse_doc

# scorch is a dependency in pyproject.toml; skip (not fail) the scoring tests where an older
# environment lacks it, the loader tests still run.
needs_scorch = pytest.mark.skipif(importlib.util.find_spec("scorch") is None,
                                  reason="scorch not installed")


@needs_scorch
def test_scores_bagga_baldwin_example():
    # Key {1..5} {6,7} {8..12}; the response wrongly merges the last two clusters.
    # MUC: R = 9/9, P = 9/10. B³: R = 1, P = (5 + 2·2/7 + 5·5/7)/12 = 64/84.
    # CEAF-e: best alignment {1..5}↔{1..5} (φ4 = 1) and {8..12}↔{6..12} (φ4 = 10/12):
    # R = (1 + 10/12)/3, P = (1 + 10/12)/2.
    key = [{1, 2, 3, 4, 5}, {6, 7}, {8, 9, 10, 11, 12}]
    response = [{1, 2, 3, 4, 5}, {6, 7, 8, 9, 10, 11, 12}]
    s = conll_scores(key, response)
    assert s["muc_r"] == pytest.approx(100.0) and s["muc_p"] == pytest.approx(90.0)
    assert s["muc_f"] == pytest.approx(100 * 2 * 0.9 / 1.9)
    assert s["b3_r"] == pytest.approx(100.0) and s["b3_p"] == pytest.approx(100 * 64 / 84)
    ceaf = 1 + 10 / 12
    assert s["ceafe_r"] == pytest.approx(100 * ceaf / 3)
    assert s["ceafe_p"] == pytest.approx(100 * ceaf / 2)
    assert s["conll"] == pytest.approx((s["muc_f"] + s["b3_f"] + s["ceafe_f"]) / 3)


@needs_scorch
def test_scores_muc_partition_example():
    # Key {a,b,c} {d,e,f,g}; response {a,b} {c,d} {f,g,h,i} (Pradhan et al. 2014's example):
    # MUC R = ((3-2) + (4-3)) / (2+3) = 2/5, P = ((2-1) + (2-2) + (4-3)) / (1+1+3) = 2/5.
    s = conll_scores([set("abc"), set("defg")], [set("ab"), set("cd"), set("fghi")])
    assert s["muc_r"] == pytest.approx(40.0) and s["muc_p"] == pytest.approx(40.0)


@needs_scorch
def test_perfect_and_all_singletons():
    key = [{1, 2, 3}, {4, 5}, {6}]
    perfect = conll_scores(key, key)
    assert perfect["conll"] == pytest.approx(100.0)
    singletons = conll_scores(key, [{i} for i in range(1, 7)])
    assert singletons["muc_f"] == pytest.approx(0.0)
    assert singletons["b3_p"] == pytest.approx(100.0)


def test_clusters_from_labels():
    assert clusters_from_labels({"m1": "A", "m2": "B", "m3": "A"}) == [{"m1", "m3"}, {"m2"}]


# ----------------------------------------------------------------------------- a tiny ECB+ folder

_DOC = """<?xml version="1.0" encoding="UTF-8"?>
<Document doc_name="{name}" doc_id="D{n}">
{tokens}
<Markables>
{markables}
<ACTION_OCCURRENCE m_id="90" RELATED_TO="" TAG_DESCRIPTOR="t36_quake" instance_id="ACT1" />
<HUMAN_PART_PER m_id="91" RELATED_TO="" TAG_DESCRIPTOR="t36_mayor" instance_id="HUM1" />
</Markables>
<Relations>
{relations}
</Relations>
</Document>
"""


def _write_doc(folder: Path, name: str, n: int, sentences: list[str], markables: str,
               relations: str) -> None:
    toks = []
    t_id = 1
    for s_no, sent in enumerate(sentences):
        for k, word in enumerate(sent.split()):
            toks.append(f'<token t_id="{t_id}" sentence="{s_no}" number="{k}">{word}</token>')
            t_id += 1
    (folder / name).write_text(_DOC.format(name=name, n=n, tokens="\n".join(toks),
                                           markables=markables, relations=relations),
                               encoding="utf-8")


@pytest.fixture()
def tiny_ecb(tmp_path: Path) -> Path:
    root = tmp_path / "ecbplus"
    topic = root / "ECB+" / "36"
    topic.mkdir(parents=True)
    # doc 1: "Mayor Ana Ruiz said an earthquake struck Lima ." (tokens 1..9); sentence 1 unchecked
    _write_doc(topic, "36_1ecb.xml", 1,
               ["Mayor Ana Ruiz said an earthquake struck Lima .", "Ruiz visited the city ."],
               '<HUMAN_PART_PER m_id="1"><token_anchor t_id="2"/><token_anchor t_id="3"/></HUMAN_PART_PER>\n'
               '<ACTION_OCCURRENCE m_id="2"><token_anchor t_id="6"/></ACTION_OCCURRENCE>\n'
               '<ACTION_OCCURRENCE m_id="3"><token_anchor t_id="7"/></ACTION_OCCURRENCE>\n'
               '<HUMAN_PART_PER m_id="4"><token_anchor t_id="10"/></HUMAN_PART_PER>',
               '<CROSS_DOC_COREF r_id="1" note="HUM1"><source m_id="1"/>'
               '<target m_id="91"/></CROSS_DOC_COREF>\n'
               '<CROSS_DOC_COREF r_id="2" note="ACT1"><source m_id="2"/><source m_id="3"/>'
               '<target m_id="90"/></CROSS_DOC_COREF>')
    # doc 2: "Ruiz described the earthquake ." + an intra-doc chain
    _write_doc(topic, "36_2ecb.xml", 2,
               ["Ruiz described the earthquake .", "She said the quake was strong ."],
               '<HUMAN_PART_PER m_id="1"><token_anchor t_id="1"/></HUMAN_PART_PER>\n'
               '<ACTION_OCCURRENCE m_id="2"><token_anchor t_id="4"/></ACTION_OCCURRENCE>\n'
               '<HUMAN_PART_PER m_id="3"><token_anchor t_id="6"/></HUMAN_PART_PER>\n'
               '<ACTION_OCCURRENCE m_id="5"><token_anchor t_id="9"/></ACTION_OCCURRENCE>',
               '<CROSS_DOC_COREF r_id="1" note="HUM1"><source m_id="1"/>'
               '<target m_id="91"/></CROSS_DOC_COREF>\n'
               '<CROSS_DOC_COREF r_id="2" note="ACT1"><source m_id="2"/><source m_id="5"/>'
               '<target m_id="90"/></CROSS_DOC_COREF>\n'
               '<INTRA_DOC_COREF r_id="3"><source m_id="3"/><target m_id="92"/></INTRA_DOC_COREF>')
    # doc 3: another story of the same topic (so words shared by docs 1 and 2 weigh something)
    _write_doc(topic, "36_1ecbplus.xml", 3, ["Floods hit Dhaka on Monday ."],
               '<ACTION_OCCURRENCE m_id="1"><token_anchor t_id="2"/></ACTION_OCCURRENCE>', "")
    (root / "ECBplus_coreference_sentences.csv").write_text(
        "Topic,File,Sentence Number\n36,1ecb,0\n36,2ecb,0\n36,2ecb,1\n36,1ecbplus,0\n", encoding="utf-8")
    return root


def test_loader_clusters_and_checked_sentences(tiny_ecb: Path):
    docs = load_split(tiny_ecb.parent, "test", limit=1)  # the datasets folder works too
    assert [d.name for d in docs] == ["36_1ecb.xml", "36_1ecbplus.xml", "36_2ecb.xml"]
    d1, _, d2 = docs
    assert [m.m_id for m in d1.mentions] == ["1", "2", "3"]  # m_id 4 is in an unchecked sentence
    assert d1.mentions[1].cluster == d1.mentions[2].cluster == d2.mentions[1].cluster == "36:ACT1"
    assert d1.mentions[0].kind == "entity" and d1.mentions[1].kind == "event"
    assert d2.mentions[2].cluster == "36_2ecb.xml:92"  # the intra-doc chain's target
    everything = parse_doc(tiny_ecb / "ECB+" / "36" / "36_1ecb.xml", 36)
    assert len(everything.mentions) == 4 and everything.mentions[3].cluster.endswith(":single")


@needs_scorch
def test_evaluate_on_tiny_folder(tiny_ecb: Path, nlp):
    from storyline.eval.entities import evaluate

    report = evaluate(tiny_ecb, split="test", limit=1, nlp=nlp)
    tasks = {(r[0], r[1]) for r in report.rows}
    assert ("events", "same-lemma") in tasks and ("entities", "storyline") in tasks
    scores = report.details["scores"]
    # "earthquake" ×2 + "quake" + "struck": same lemma cannot link "quake"; both systems score < 100
    assert 0 < scores["events"]["same-lemma"]["conll"] < 100
    # the two earthquake reports form one sub-story, the flood report another
    assert report.details["counts"]["sub_stories"] == 2
    # our name rules link "Ana Ruiz" and "Ruiz" across documents
    assert scores["entities"]["storyline"]["muc_r"] == pytest.approx(100.0)
    assert "Gold mentions" in " ".join(report.notes)


def test_dataset_errors(tmp_path: Path, tiny_ecb: Path):
    with pytest.raises(DatasetError):
        load_split(tmp_path / "nowhere", "test")
    with pytest.raises(DatasetError, match="unknown split"):
        load_split(tiny_ecb, "validation")
    with pytest.raises(DatasetError, match="topic folder missing"):
        load_split(tiny_ecb, "test", limit=2)
    bad = tiny_ecb / "ECB+" / "36" / "36_3ecb.xml"
    bad.write_text("<Document><token", encoding="utf-8")
    with pytest.raises(DatasetError, match="malformed XML"):
        load_split(tiny_ecb, "test", limit=1)
