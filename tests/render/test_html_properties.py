"""Property tests: whatever the text and however spans overlap, the marked text spells each span."""

from __future__ import annotations

import html
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.model import Article, ArticleAnalysis, Claim, Dossier, TimeExpr
from storyline.render.html import _Mark, anchor_id, mark_text, render_html

from .test_html import _Segments

TEXT = st.lists(st.sampled_from(list("ab <>&\"'\n—é") + ["</span>", "<script>", "&amp;"]), min_size=1,
               max_size=40).map("".join)


@st.composite
def text_and_marks(draw):
    text = draw(TEXT)
    n = len(text)
    marks = []
    for _ in range(draw(st.integers(0, 8))):
        start = draw(st.integers(0, n - 1))
        end = draw(st.integers(start + 1, n))
        marks.append(_Mark(start, end, draw(st.sampled_from(["quote", "claim", "timex", "event"])), "n"))
    return text, marks


@settings(max_examples=60, deadline=None)
@given(text_and_marks())
def test_marked_text_spells_every_span_and_the_whole_text(case):
    text, marks = case
    out = str(mark_text("art", text, marks))
    assert html.unescape(re.sub(r"<[^>]+>", "", out)) == text
    parser = _Segments()
    parser.feed(f"<div>{out}</div>")
    for m in marks:
        aid = anchor_id("art", m.start, m.end)
        assert aid in parser.ids
        assert parser.text[aid] == text[m.start:m.end]
    assert set(parser.tags) <= {"div", "a", "span"}


@settings(max_examples=15, deadline=None)
@given(text_and_marks(), st.text(max_size=30), st.none() | st.text(max_size=20))
def test_any_dossier_renders_with_its_text_escaped(case, title, outlet):
    text, marks = case
    art = Article(id="a1", text=text, title=title or None, outlet=outlet)
    timexes = [TimeExpr(m.start, m.end, text[m.start:m.end], "DATE", "2024") for m in marks[:3]]
    claims = [Claim(f"c{i}", "x", "attr", i, "a1", m.start, m.end, text[m.start:m.end])
              for i, m in enumerate(marks[3:])]
    d = Dossier(story_id="s", story_title=title, articles=[ArticleAnalysis(art, timexes=timexes)],
                claims=claims)
    page = render_html(d)
    parser = _Segments()
    parser.feed(page)
    assert page.count("<script") == 1
    for target in parser.targets:
        assert target in parser.ids
