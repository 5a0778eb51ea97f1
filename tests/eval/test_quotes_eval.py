"""PolNeAR loader and quote scorer on a tiny brat-format folder written by the test (no dataset text)."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.errors import DatasetError
from storyline.eval.polnear import Attribution, gold_direct_quotes, load_split
from storyline.eval.quotes import Predicted, evaluate, score_doc

TEXT = ("“We will appeal the ruling,” Mayor Ellen Park said on Friday.\n\n"
        "Park called the decision “reckless” and said officials had not been told.\n\n"
        "The city has 30 days to respond, a spokesman said.\n")


def _offsets(sub: str, length: int | None = None) -> tuple[int, int]:
    """Offsets of ``sub`` in TEXT (of its first ``length`` characters when given)."""
    start = TEXT.index(sub)
    return start, start + (len(sub) if length is None else length)


def write_dataset(root: Path) -> Path:
    base = root / "polnear" / "dev"
    (base / "text").mkdir(parents=True)
    (base / "attributions").mkdir()
    (base / "text" / "city-paper_2025-01-01_appeal.txt").write_text(TEXT, encoding="utf-8")
    lines = []
    spans = {
        "T1": ("Content", _offsets("“We will appeal the ruling,”")),
        "T2": ("Source", _offsets("Mayor Ellen Park")),
        "T3": ("Cue", _offsets("said on", 4)),
        "T4": ("Content", _offsets("the decision “reckless”")),
        "T5": ("Source", _offsets("Park called", 4)),
        "T6": ("Cue", _offsets("called the", 6)),
        "T7": ("Content", _offsets("The city has 30 days to respond")),
        "T8": ("Source", _offsets("a spokesman")),
        "T9": ("Cue", _offsets("said.\n", 4)),
    }
    for tid, (label, (a, b)) in spans.items():
        lines.append(f"{tid}\t{label} {a} {b}\t{TEXT[a:b]}")
    lines += ["E1\tAttribution:T3 Content:T1 Cue:T3 Source:T2",
              "E2\tAttribution:T6 Content:T4 Cue:T6 Source:T5",
              "E3\tAttribution:T9 Content:T7 Cue:T9 Source:T8"]
    ann = base / "attributions" / "city-paper_2025-01-01_appeal_ab12.ann"
    ann.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root


def test_loader_and_gold(tmp_path):
    root = write_dataset(tmp_path)
    docs = load_split(root, "dev")
    assert [d.name for d in docs] == ["city-paper_2025-01-01_appeal"]
    gold = docs[0].direct_quotes()
    assert [(TEXT[g.start:g.end], g.kind) for g in gold] == [
        ("We will appeal the ruling,", "full"), ("reckless", "fragment")]  # paraphrase is not a quote
    assert TEXT[gold[0].source[0][0]:gold[0].source[0][1]] == "Mayor Ellen Park"
    assert gold_direct_quotes(TEXT, []) == []


def test_loader_errors(tmp_path):
    with pytest.raises(DatasetError, match="not a PolNeAR folder"):
        load_split(tmp_path, "dev")
    root = write_dataset(tmp_path)
    with pytest.raises(DatasetError, match="unknown split"):
        load_split(root, "train")


def test_score_doc_exact_overlap_speaker():
    gold = gold_direct_quotes(TEXT, [Attribution(content=[_offsets("“We will appeal the ruling,”")],
                                                 source=[_offsets("Mayor Ellen Park")])])
    a, b = _offsets("We will appeal the ruling")
    good = Predicted(a, b + 1, "full", _offsets("Ellen Park"))
    counts = score_doc(TEXT, gold, [good])
    assert (counts.exact, counts.overlap, counts.speaker_ok, counts.joint) == (1, 1, 1, 1)
    partial = Predicted(a, a + 7, "full", _offsets("Friday"))
    counts = score_doc(TEXT, gold, [partial])
    assert (counts.exact, counts.overlap, counts.speaker_ok) == (0, 1, 0)


def test_evaluate_side_by_side(tmp_path, nlp):
    pytest.importorskip("textacy")
    report = evaluate(write_dataset(tmp_path), split="dev", nlp=nlp)
    systems = [(row[0], row[1]) for row in report.rows]
    assert systems == [("storyline", "all"), ("textacy", "all"), ("storyline", "full"),
                       ("textacy", "full")]
    storyline_all = report.rows[0]
    assert storyline_all[2] == 2  # gold quotes
    assert storyline_all[7] == 1.0 and storyline_all[8] == 1.0  # overlap P and R
    assert storyline_all[10] == 1.0  # speaker accuracy
    assert any("exact" in n for n in report.notes)
    assert "textacy" in report.to_markdown()
