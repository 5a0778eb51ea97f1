"""The Markdown dossier: same content as the HTML, citations as [A<n>:start-end]."""

from __future__ import annotations

import re

from storyline.model import Dossier
from storyline.render.markdown import md_escape, render_markdown


def test_sections_and_key_items(dossier):
    md = render_markdown(dossier)
    for heading in ("## Articles", "## Timeline", "## Quotes", "## People and organizations",
                    "## Where the outlets agree and differ", "## Claims", "## Coverage"):
        assert heading in md
    assert "between 12 Mar 2024 and 20 Mar 2024 (inferred, not stated)" in md
    assert "- **12 Mar 2024**: The Millbrook City Council voted 5-2" in md
    assert "**Dana Whitfield**: “We cannot wait another winter,”" in md
    assert "“We ~~cannot~~ **can not** wait ~~another~~ **one more** winter,” — Valley Post & Courier" in md
    assert "“We cannot wait another winter,” — Riverside Ledger 1" in md
    assert "**conflict**: Millbrook City Council · number of votes" in md
    assert "12,000,000" in md
    assert "current Council member (as of 14 Mar 2024) [A1:258-272]" in md
    assert "[A1:194-224] (cue: said; medium: statement; full, named as “Whitfield”)" in md
    assert "| quote: Owen Pratt: “boondoggle.” |  | only |  |" in md
    assert "label “boondoggle” (in a quote) ×1 [A2:295-305]" in md
    assert "  - only here: claim Dana Whitfield · age = 58 years" in md
    assert "| comparison: Dana Whitfield · age (single source) | only |  |  |" in md
    assert "**conflict**: quotation “We cannot wait another winter,” · where it was said" in md


def test_every_citation_points_at_a_real_span(dossier):
    md = render_markdown(dossier)
    texts = {a.article.id: a.article.text for a in dossier.articles}
    numbered = {f"A{i}": a.article.id for i, a in enumerate(dossier.articles, 1)}
    cites = [(numbered[n], s, e) for n, s, e in re.findall(r"\[(A\d+):(\d+)-(\d+)\]", md)]
    assert len(cites) >= 20
    spans = {(s.article, s.start, s.end) for g in dossier.quotes for s in g.quotes}
    spans |= {(c.article, c.start, c.end) for c in dossier.claims}
    spans |= {(s.article, s.start, s.end) for e in dossier.timeline for s in e.sources}
    spans |= {(s.article, s.start, s.end) for e in dossier.entities for r in e.roles for s in r.spans}
    spans |= {(s.article, s.start, s.end) for c in dossier.coverage for lb in c.labels for s in lb.spans}
    for art, start, end in cites:
        assert (art, int(start), int(end)) in spans
        assert int(end) <= len(texts[art])


def test_source_text_stays_literal():
    assert md_escape("a *b* <script>\n[x](y) | z_") == r"a \*b\* \<script\> \[x\](y) \| z\_"
    d = Dossier(story_id="s", story_title="**Big** <news>", articles=[])
    md = render_markdown(d)
    assert md.startswith(r"# \*\*Big\*\* \<news\>")
    assert "No dated events were found." in md


def test_article_text_with_markup_is_escaped(dossier):
    dossier.timeline[0].summary = "<script>alert('x')</script>"
    md = render_markdown(dossier)
    assert "<script>" not in md and r"\<script\>" in md


def test_at_a_glance(dossier):
    md = render_markdown(dossier)
    assert "- 3 timeline event(s); 1 reported by more than one article" in md
    assert "- 4 compared fact(s): 2 conflict, 1 agree, 1 single source" in md
    assert ("- conflicts: Millbrook City Council · number of votes; "
            "quotation “We cannot wait another winter,” · where it was said") in md
