"""The HTML dossier: self-contained, escaped, every citation lands on its exact span."""

from __future__ import annotations

import html
import re
from collections import defaultdict
from html.parser import HTMLParser

import pytest

from storyline.model import Dossier, Event, EventDate
from storyline.render.html import _axis, _Mark, mark_text, render_html, word_diff
from storyline.render.view import _difflib_word_diff


@pytest.fixture()
def page(dossier) -> str:
    return render_html(dossier)


class _Segments(HTMLParser):
    """Collects ids, citation targets, and the text under each span id (via ``data-s`` segments)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.targets: list[str] = []
        self.text: dict[str, str] = defaultdict(str)
        self.stack: list[list[str]] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append(tag)
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "a" and (a.get("href") or "").startswith("#"):
            self.targets.append(a["href"][1:])
        if tag == "span":
            self.stack.append((a.get("data-s") or "").split() if "seg" in (a.get("class") or "") else [])

    def handle_endtag(self, tag):
        if tag == "span" and self.stack:
            self.stack.pop()

    def handle_data(self, data):
        for ids in self.stack:
            for i in ids:
                self.text[i] += data


def test_no_network_resource_of_any_kind(page):
    # nothing is loaded: the only absolute URLs are the articles' own, as links a reader may follow
    outside = re.sub(r'<a class="ext" href="https?://[^"]*" rel="noopener noreferrer nofollow">', "", page)
    assert not re.search(r"""(?:src|href|action)\s*=\s*["']?\s*(?:https?:)?//""", outside, re.I)
    assert not re.search(r"@import|url\(\s*['\"]?(?:https?:)?//", page, re.I)
    assert "<link" not in page.lower()
    assert not re.search(r"<script[^>]+src", page, re.I)
    assert ">https://example.invalid/ledger/bridge</a>" in page  # the article URL, as a link


def test_only_web_urls_become_links():
    from storyline.render.html import web_url
    assert web_url("https://example.invalid/a?b=1") == "https://example.invalid/a?b=1"
    assert web_url("javascript:alert(1)") is None and web_url("file:///etc/passwd") is None
    assert web_url(" HTTP://x.invalid/ ") == "HTTP://x.invalid/" and web_url(None) is None


def test_expected_sections(page):
    for section in ("articles", "timeline", "quotes", "entities", "comparisons", "claims", "coverage",
                    "sources"):
        assert f'<section id="{section}">' in page
    assert page.count("<style>") == 1 and page.count("<script>") == 1


def test_article_text_and_metadata_are_escaped(page):
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in page
    assert "<b>not bold</b>" not in page
    assert "Council backs &lt;new&gt; bridge" in page
    assert "<title>Millbrook bridge &lt;vote&gt;" in page
    assert "Valley Post &amp; Courier" in page


def test_article_headers_show_outlet_byline_dateline_and_honest_dates(page):
    assert "By Jane Roe, Sam Poe" in page and "Dateline MILLBROOK" in page
    assert "14 Mar 2024 (from the page&#39;s metadata)" in page
    assert "between 12 Mar 2024 and 20 Mar 2024 (inferred, not stated)" in page
    assert "date unknown" in page
    assert "Republished copy of Riverside Ledger 1" in page
    assert "Republished by " in page


def test_every_citation_targets_an_anchor_whose_segments_spell_the_span(page, dossier):
    parser = _Segments()
    parser.feed(page)
    texts = {a.article.id: a.article.text for a in dossier.articles}
    span_targets = [t for t in parser.targets if t.startswith("a-")]
    assert len(set(span_targets)) >= 15
    for target in parser.targets:
        assert target in parser.ids, target
    for target in set(span_targets):
        _, art, start, end = target.rsplit("-", 3)[0], *target[2:].rsplit("-", 2)
        assert parser.text[target] == texts[art][int(start):int(end)], target


def test_quote_citations_and_speakers(page):
    assert 'href="#a-aaaa1111-194-224"' in page and 'href="#a-bbbb2222-110-142"' in page
    assert "Mayor Dana Whitfield" in page and "statement" in page and "fragment" in page


def test_quote_variants_are_diffed_word_by_word(page):
    [variants] = re.findall(r"Wordings \(2\).*?</ul>", page, re.S)
    assert "<del>" in variants and "<ins>" in variants
    assert "winter," in variants


def test_difflib_fallback_word_diff():
    ops = _difflib_word_diff("We cannot wait another winter", "We can not wait one more winter")
    assert ops[0] == ("equal", "We")
    assert ("delete", "cannot") in ops and ("insert", "can not") in ops
    assert ("delete", "another") in ops and ("insert", "one more") in ops
    assert all(op in ("equal", "insert", "delete", "replace") for op, _ in word_diff("a b", "a c"))


def test_comparisons_show_both_sides_with_evidence(page):
    [card] = re.findall(r'<div class="card f" id="c-K1".*?</table>', page, re.S)
    assert "conflict" in card and "5-2" in card and "4-3" in card
    assert 'href="#a-aaaa1111-39-48"' in card and 'href="#a-bbbb2222-66-79"' in card
    assert "Riverside Ledger gives 5-2; Valley Post &amp; Courier gives 4-3." in page


def test_entities_with_roles_and_qualifiers(page):
    [row] = re.findall(r'<tr class="f" id="e-E2"[^>]*>.*?</tr>', page, re.S)
    assert "Owen Pratt" in row and "Council member" in row and "current" in row
    assert 'href="#a-aaaa1111-258-272"' in row


def test_coverage_matrix_marks_unique_and_omitted_items(page):
    [matrix] = re.findall(r'<table class="matrix">.*?</table>', page, re.S)
    assert matrix.count("<th class=\"c\">") == 3
    assert 'class="c unique"' in matrix and 'class="c omits"' in matrix and 'class="c has"' in matrix
    assert "Timeline events" in matrix and "Quotes" in matrix and "Compared claims" in matrix
    assert "“boondoggle”" in page and "quoted" in page


def test_time_axis_places_events_with_their_uncertainty():
    day = Event("d", EventDate("2024-03-12", "2024-03-12", "2024-03-12", "day"), "a")
    month = Event("m", EventDate("2024-06", "2024-06-01", "2024-06-30", "month"), "b")
    year = Event("y", EventDate("2023", None, None, "year"), "c")
    fuzzy = Event("f", EventDate("PAST_REF", None, None, "unknown", True), "d")
    axis = _axis([year, day, month, fuzzy])
    rows = {r["event"].id: r for r in axis["rows"]}
    assert axis["undated"] == [fuzzy]
    assert rows["y"]["left"] == 0 and rows["y"]["width"] > rows["m"]["width"] > rows["d"]["width"]
    assert rows["y"]["left"] < rows["d"]["left"] < rows["m"]["left"]
    assert axis["start"] == "1 Jan 2023" and axis["end"] == "30 Jun 2024"
    assert [t["label"] for t in axis["ticks"]][:3] == ["Jan 2023", "Mar", "May"]  # every other month


def test_timeline_section_shows_granularity_sources_and_undated(page):
    [tl] = re.findall(r'<section id="timeline">.*?</section>', page, re.S)
    assert "about June 2024" in tl and 'class="bar closed approx"' in tl
    assert "dated by “Tuesday”" in tl and "dated by “March 12”" in tl
    assert "Not placed on the axis" in tl and "in the past" in tl and "PAST_REF" not in tl


def test_overlapping_spans_are_cut_into_segments():
    text = "He said <it> was over."
    marks = [_Mark(0, 22, "event", "e"), _Mark(8, 12, "quote", "q"), _Mark(3, 12, "claim", "c")]
    out = str(mark_text("x", text, marks))
    assert out.count('class="anchor"') == 3
    assert html.unescape(re.sub(r"<[^>]+>", "", out)) == text
    assert '<span class="seg k-claim k-event k-quote" data-s="a-x-0-22 a-x-3-12 a-x-8-12"' in out
    assert "&lt;it&gt;" in out


def test_empty_dossier_renders():
    out = render_html(Dossier(story_id="s", story_title="", articles=[]))
    assert "Untitled story" in out and "No dated events were found." in out


def test_one_sided_dates_fade_out_instead_of_becoming_points():
    closed = Event("c", EventDate("2024-03-12", "2024-03-12", "2024-03-12", "day"), "a")
    open_end = Event("o", EventDate("XXXX-10", "2023-10-01", None, "month", True), "b")
    axis = _axis([closed, open_end])
    rows = {r["event"].id: r for r in axis["rows"]}
    assert rows["o"]["shape"] == "open-end" and rows["o"]["left"] == 0
    assert rows["o"]["left"] + rows["o"]["width"] == pytest.approx(100)
    assert rows["o"]["range"] == "on or after 1 Oct 2023"
    assert rows["o"]["mini_width"] == 2.5 and rows["c"]["mini_width"] == rows["c"]["width"]
    from storyline.render.view import format_event_date
    assert format_event_date(open_end.date) == "October (year not stated; 2023 or later)"


def test_coverage_cards_list_unique_and_omitted_items_with_links(page):
    pattern = r'<div class="cards">\s*<div class="card f"[^>]*>\s*<h3>Riverside Ledger 1.*?</section>'
    [cards] = re.findall(pattern, page, re.S)
    assert '<a href="#cl-C5">Dana Whitfield · age = 58 years</a>' in cards
    assert '<a href="#q-Q2">Owen Pratt: “ignored cheaper options.”</a>' in cards
    assert "Omits what most others carry:" in cards and '<a href="#ev-T1">' in cards


def test_comparison_rows_count_claims_only_one_article_has_as_unique(page):
    [row] = re.findall(r'<tr><td><a href="#c-K3">.*?</tr>', page, re.S)
    assert re.findall(r'class="c ([a-z]*)"', row) == ["unique", "", ""]


def test_comparison_about_a_quotation_links_to_the_quote_group(page):
    [card] = re.findall(r'<div class="card f" id="c-K4".*?</table>', page, re.S)
    assert '<a href="#q-Q1">quotation “We cannot wait another winter,”</a>' in card


def test_at_a_glance_counts_and_links_conflicts(page):
    [glance] = re.findall(r'<section id="glance".*?</section>', page, re.S)
    text = re.sub(r"<[^>]+>", "", glance)
    assert ("3 timeline events, placed between 12 Mar 2024 and 30 Jun 2024; 1 reported by more than "
            "one") in text
    assert "3 quotation groups; 1 carried by more than one article, 1 in more than one wording." in text
    assert "4 compared facts: 2 conflict, 1 agree, 1 single source." in text
    assert '<a href="#c-K1">Millbrook City Council · number of votes</a>' in glance


def test_conflicts_come_first(page):
    order = re.findall(r'<div class="card f" id="c-(K\d)"', page)
    assert order == ["K1", "K4", "K2", "K3"]
