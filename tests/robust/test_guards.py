"""Every article is parsed and analysed inside its own guard (issue 12, "runs that crash").

Texts are written for these tests; long ones are made by repeating invented sentences.
"""

from __future__ import annotations

import time

import pytest

from storyline.analyze.nlp import MAX_RUN, TextTooLong, chunk_bounds, parse_text
from storyline.model import Article, ArticleAnalysis
from storyline.run import local
from storyline.run.budget import OverBudget, time_budget

PARA = ("Rescue crews from Port Avel reached the flooded valley on Tuesday. \"We found 14 families "
        "on the roofs,\" said Captain Lena Morrow of the coast guard.  The river crested at 6.2 "
        "meters, the highest since 1998.\n\n")


def test_nested_parentheses_are_one_token_and_fast(nlp):
    run = "(" * 10_000 + ")" * 10_000
    text = f"The filing quoted {run} in full. Judge Ivo Sand adjourned.\n"
    t0 = time.perf_counter()
    doc = nlp(text)
    assert time.perf_counter() - t0 < 5  # unguarded: ~20 s on this machine, quadratic in the length
    assert doc.text == text
    assert run in [t.text for t in doc]
    assert [t.text for t in doc][:3] == ["The", "filing", "quoted"]


def test_long_run_guard_keeps_ordinary_tokenization(nlp):
    text = "Shares fell 4% (to $12.50) on Monday, the exchange said."
    assert [t.text for t in nlp(text)] == [t.text for t in nlp.tokenizer.tokenizer(text)]
    long_url = "https://example.org/" + "a" * (MAX_RUN + 50)
    text = f"See {long_url}  and\n{long_url}\nfor details."
    doc = nlp(text)
    assert doc.text == text
    assert sum(t.text == long_url for t in doc) == 2


def test_chunk_bounds_cover_the_text_and_prefer_paragraphs():
    text = PARA * 40
    bounds = chunk_bounds(text, 1000)
    assert bounds[0][0] == 0 and bounds[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(bounds, bounds[1:], strict=False))
    assert all(b - a <= 1000 for a, b in bounds)
    assert all(text[b - 1] == "\n" for _, b in bounds[:-1])
    assert chunk_bounds("x" * 2500, 1000) == [(0, 1000), (1000, 2000), (2000, 2500)]


def test_text_past_max_length_is_parsed_in_chunks_with_exact_spans(nlp, monkeypatch):
    from storyline.analyze import analyze_doc
    from storyline.render.json import check_spans, dossier_to_dict
    from storyline.story import build_dossier

    text = (PARA * 12).strip()
    monkeypatch.setattr(nlp, "max_length", 1500)
    with pytest.raises(ValueError, match="E088"):
        nlp(text)
    doc = parse_text(text, nlp)
    assert doc.text == text
    assert all(text[e.start_char:e.end_char] == e.text for e in doc.ents)
    assert sum(1 for _ in doc.sents) >= 24
    art = Article(id="long", text=text, path="long.txt")
    analysis = analyze_doc(art, doc)
    assert len(analysis.quotes) == 12
    assert check_spans(dossier_to_dict(build_dossier([analysis]))) == []


def test_text_too_long_is_refused_in_one_line(nlp, monkeypatch):
    import storyline.analyze.nlp as nlp_module

    monkeypatch.setattr(nlp, "max_length", 1000)
    monkeypatch.setattr(nlp_module, "MAX_TEXT_CHARS", 3000)
    with pytest.raises(TextTooLong, match="too long"):
        parse_text(PARA * 30, nlp)


def test_time_budget_interrupts_python_code():
    with pytest.raises(OverBudget):
        with time_budget(0.2):
            while True:
                pass
    with time_budget(5):  # disarmed at the end of the block: nothing fires later
        pass
    time.sleep(0.1)


def test_time_budgets_nest_and_name_the_one_that_ran_out():
    with pytest.raises(OverBudget) as info:
        with time_budget(0.3) as outer:
            with time_budget(5):
                while True:
                    pass
    assert info.value.budget is outer
    with time_budget(5) as outer:
        with pytest.raises(OverBudget) as info:
            with time_budget(0.2) as inner:
                while True:
                    pass
        assert info.value.budget is inner
        time.sleep(0.3)  # the outer budget is still armed and has not fired


def _articles(*texts: str) -> list[Article]:
    return [Article(id=f"a{i}", text=t, path=f"a{i}.txt") for i, t in enumerate(texts)]


def test_one_slow_or_broken_article_does_not_sink_the_chunk(nlp, monkeypatch):
    from storyline import analyze

    real = analyze.analyze_doc

    def fake(article, doc, options=None):
        if "SLOW" in article.text:
            while True:
                pass
        if "BROKEN" in article.text:
            raise KeyError("boom")
        return real(article, doc, options)

    monkeypatch.setattr(analyze, "analyze_doc", fake)
    monkeypatch.setattr(local, "article_budget", lambda chars: 0.5)
    local._init_worker(None)
    arts = _articles("The council met on Monday.", "SLOW text here.", "BROKEN text here.",
                     "The mayor, Ann Blick, spoke.")
    out = local._analyze_chunk(arts)
    assert isinstance(out[0], ArticleAnalysis) and isinstance(out[3], ArticleAnalysis)
    assert isinstance(out[1], local.Failure) and "time budget" in out[1].error
    assert isinstance(out[2], local.Failure) and "KeyError" in out[2].error


def test_parse_failure_in_a_batch_names_only_its_article(nlp, monkeypatch):
    import storyline.analyze.nlp as nlp_module

    local._init_worker(None)
    monkeypatch.setattr(nlp_module, "MAX_TEXT_CHARS", 2000)
    monkeypatch.setattr(nlp, "max_length", 1000)
    arts = _articles("The council met on Monday.", PARA * 10, "Voters approved the levy.")
    out = local._analyze_chunk(arts)
    assert isinstance(out[0], ArticleAnalysis) and isinstance(out[2], ArticleAnalysis)
    assert isinstance(out[1], local.Failure) and "too long" in out[1].error
