"""Article authors from a page's markup: the conventions one by one, and their precedence.

Every page and name here is written for the test (invented outlets, people and stories).
"""

from __future__ import annotations

import json
from datetime import date

import pytest

from storyline.ingest.byline import clean_author, split_author_names
from storyline.ingest.html import read_page
from storyline.ingest.pagemeta import page_metadata

TODAY = date(2025, 6, 1)
BODY = "<p>" + "The harbor board voted on Tuesday to extend the ferry schedule through the winter. " * 6 + "</p>"


def page(head: str = "", body: str = "") -> str:
    return f"<html><head>{head}</head><body>{body}</body></html>"


def ld(obj: object) -> str:
    return f'<script type="application/ld+json">{json.dumps(obj)}</script>'


def authors(html: str) -> tuple[list[str], str | None]:
    m = page_metadata(html, today=TODAY)
    return m.authors, m.author_source


# ----------------------------------------------------------------------------- cleaning


@pytest.mark.parametrize("value, names", [
    ("Mara Quist and Dev Anand", ["Mara Quist", "Dev Anand"]),
    ("Mara Quist, Dev Anand and Ola Berg", ["Mara Quist", "Dev Anand", "Ola Berg"]),
    ("Mara Quist; Dev Anand", ["Mara Quist", "Dev Anand"]),
    ("Mara Quist | Staff writer", ["Mara Quist"]),
    ("Mara Quist, Reuters", ["Mara Quist"]),
    ("Mara Quist, Associated Press", ["Mara Quist"]),
    ("Mara Quist, Night Editor, Coastline Weekly", ["Mara Quist"]),
    ("Mara Quist May 2, 2024", ["Mara Quist"]),
    ("Mara Quist mara.quist@example.org", ["Mara Quist"]),
    ("Mara Quist https://example.org/mq", ["Mara Quist"]),
    ("Mara Quist @maraq", ["Mara Quist"]),
    ("Quist, Mara", ["Mara Quist"]),  # the catalogue form
    ("Quist, Mara J.", ["Mara J. Quist"]),
    ("Mara Quist, PhD", ["Mara Quist, PhD"]),  # a credential stays with its name, not a second person
    ("Mara Quist, Jr.", ["Mara Quist Jr."]),
    ("Von Lukas Brenner", ["Lukas Brenner"]),
    ("Por Inés Calvo", ["Inés Calvo"]),
    ("mara quist", ["Mara Quist"]),
    ("Ana de la Vega", ["Ana de la Vega"]),
    ("Mara Quist and Mara Quist", ["Mara Quist"]),
    ("Dev Anand, Mara Quist", ["Dev Anand", "Mara Quist"]),  # order kept
    ("Staff", []),
    ("Admin", []),
    ("WEBDESK", []),
    ("Coastline Media Group", []),
    ("The Harbor Gazette", []),
    ("Transit Reporter", []),
    ("By the time the ferry docked, the crowd had left", []),
])
def test_markup_values_give_names(value, names):
    assert split_author_names(value) == names


def test_single_words_only_where_markup_says_it_is_a_name():
    assert split_author_names("Kestrel") == []
    assert split_author_names("Kestrel", min_words=1) == ["Kestrel"]
    assert clean_author("ADMIN", min_words=1) is None  # an all-caps CMS account
    assert clean_author("admin", min_words=1) is None


# ----------------------------------------------------------------------------- structured data


def test_jsonld_author_as_string_object_and_list():
    for value, names in [("Ivo Marsh", ["Ivo Marsh"]),
                         ({"@type": "Person", "name": "Ivo Marsh"}, ["Ivo Marsh"]),
                         ([{"@type": "Person", "name": "Ivo Marsh"}, {"@type": "Person", "name": "Lea Park"}],
                          ["Ivo Marsh", "Lea Park"]),
                         ({"@type": "Person", "givenName": "Ivo", "additionalName": "T.", "familyName": "Marsh"},
                          ["Ivo T. Marsh"])]:
        assert authors(page(ld({"@type": "NewsArticle", "author": value}))) == (names, "jsonld")


def test_jsonld_author_by_id_in_a_graph_and_creator():
    html = page(ld({"@graph": [
        {"@type": "Person", "@id": "#ivo", "name": "Ivo Marsh"},
        {"@type": "BlogPosting", "headline": "Ferry schedule", "author": {"@id": "#ivo"}}]}))
    assert authors(html) == (["Ivo Marsh"], "jsonld")
    html = page(ld({"@type": "Article", "creator": {"@type": "Person", "name": "Lea Park"}}))
    assert authors(html) == (["Lea Park"], "jsonld")


def test_organization_beside_a_person_is_not_an_author():
    html = page(ld({"@type": "NewsArticle", "author": [{"@type": "Organization", "name": "Harbor Wire"},
                                                        {"@type": "Person", "name": "Lea Park"}]}))
    assert authors(html) == (["Lea Park"], "jsonld")


def test_organization_alone_is_the_last_fallback(tmp_path):
    html = page(ld({"@type": "NewsArticle", "author": {"@type": "Organization", "name": "Harbor Wire"},
                    "publisher": {"@type": "Organization", "name": "Coastline Weekly"}}), BODY)
    fields, _ = read_page(html, path="p.html")
    assert (fields.byline, fields.byline_source) == (["Harbor Wire"], "jsonld:organization")
    own = page(ld({"@type": "NewsArticle", "author": {"@type": "Organization", "name": "Coastline Weekly"},
                   "publisher": {"@type": "Organization", "name": "Coastline Weekly"}}), BODY)
    assert read_page(own, path="p.html")[0].byline == []  # the publisher itself is no byline


def test_microdata_and_rdfa():
    html = page("", '<article itemscope itemtype="https://schema.org/NewsArticle"><h1>Ferry schedule</h1>'
                    '<span itemprop="author" itemscope itemtype="https://schema.org/Person">by '
                    '<span itemprop="name">Ivo Marsh</span></span></article>')
    assert authors(html) == (["Ivo Marsh"], "microdata")
    html = page("", '<article vocab="https://schema.org/" typeof="NewsArticle"><h1>Ferry schedule</h1>'
                    '<span property="author" typeof="Person"><span property="name">Lea Park</span></span></article>')
    assert authors(html) == (["Lea Park"], "rdfa")


def test_microdata_author_of_a_comment_is_not_the_articles():
    html = page("", '<h1>Ferry schedule</h1><div class="comments"><div itemscope itemtype="https://schema.org/Comment">'
                    '<span itemprop="author">Rolf Dahl</span></div></div>')
    assert authors(html) == ([], None)


# ----------------------------------------------------------------------------- meta tags


@pytest.mark.parametrize("meta, names", [
    ('<meta name="author" content="Ivo Marsh">', ["Ivo Marsh"]),
    ('<meta name="byl" content="By Ivo Marsh and Lea Park">', ["Ivo Marsh", "Lea Park"]),
    ('<meta name="DC.creator" content="Ivo Marsh">', ["Ivo Marsh"]),
    ('<meta property="dc:creator" content="Ivo Marsh">', ["Ivo Marsh"]),
    ('<meta name="parsely-author" content="Ivo Marsh">', ["Ivo Marsh"]),
    ('<meta name="sailthru.author" content="Ivo Marsh">', ["Ivo Marsh"]),
    ('<meta name="citation_author" content="Marsh, Ivo"><meta name="citation_author" content="Park, Lea">',
     ["Ivo Marsh", "Lea Park"]),
    ('<meta property="article:author" content="https://example.org/people/ivo-marsh">', []),
    ('<meta name="twitter:creator" content="@ivomarsh">', []),
    ('<meta property="og:site_name" content="Coastline Weekly"><meta name="author" content="Coastline Weekly">', []),
])
def test_meta_tags(meta, names):
    assert authors(page(meta))[0] == names


# ----------------------------------------------------------------------------- visible byline


@pytest.mark.parametrize("body, names", [
    ('<h1>Ferry schedule</h1><p>By Ivo Marsh and Lea Park</p>', ["Ivo Marsh", "Lea Park"]),
    ('<h1>Ferry schedule</h1><p class="meta">Posted on May 2, 2024 by Ivo Marsh</p>', ["Ivo Marsh"]),
    ('<h1>Ferry schedule</h1><div class="author-name">Ivo Marsh</div>', ["Ivo Marsh"]),
    ('<h1>Ferry schedule</h1><span class="contributor">Lea Park | Contributor</span>', ["Lea Park"]),
    ('<h1>Ferry schedule</h1><div class="byline">Von Lukas Brenner</div>', ["Lukas Brenner"]),
    ('<h1>Ferry schedule</h1><div class="post-author">Posted by Kestrel</div>', ["Kestrel"]),
    ('<h1>Ferry schedule</h1><div class="byline"><span>By</span> <a href="/author/ivo-marsh">Ivo Marsh</a>'
     '<time>May 2, 2024</time></div>', ["Ivo Marsh"]),
    ('<h1>Ferry schedule</h1><p>Photo by Rolf Dahl</p>', []),
    ('<h1>Ferry schedule</h1><aside class="related"><p class="byline">By Rolf Dahl</p></aside>', []),
])
def test_visible_bylines(body, names):
    assert authors(page("", body))[0] == names


def test_the_byline_under_the_headline_not_a_teaser_above_it():
    html = page("", '<div class="top"><p class="byline">By Rolf Dahl</p></div><h1>Ferry schedule</h1>'
                    '<p class="byline">By Ivo Marsh</p>')
    assert authors(html) == (["Ivo Marsh"], "byline")


def test_rel_author_link():
    assert authors(page("", '<h1>Ferry schedule</h1><a rel="author" href="/u/7">Lea Park</a>')) == \
        (["Lea Park"], "rel-author")


# ----------------------------------------------------------------------------- precedence


def test_structured_data_then_meta_then_visible_byline():
    visible = '<h1>Ferry schedule</h1><p class="byline">By Rolf Dahl</p>'
    meta = '<meta name="author" content="Lea Park">'
    jsonld = ld({"@type": "NewsArticle", "author": {"@type": "Person", "name": "Ivo Marsh"}})
    assert authors(page(jsonld + meta, visible)) == (["Ivo Marsh"], "jsonld")
    assert authors(page(meta, visible)) == (["Lea Park"], "meta:author")
    assert authors(page("", visible)) == (["Rolf Dahl"], "byline")


def test_trafilatura_is_the_fallback_and_its_names_are_cleaned():
    html = page("", "<article>" + BODY + '<p><span class="writer-box">Ivo Marsh, Metro Writer</span></p></article>')
    fields, _ = read_page(html, path="p.html")
    assert fields.byline == ["Ivo Marsh"] and fields.byline_source in ("byline", "trafilatura")


def test_a_personal_site_named_after_its_author_keeps_the_author():
    head = '<meta property="og:site_name" content="Ivo Marsh">'
    assert authors(page(head, '<h1>Ferry schedule</h1><p class="byline">By Ivo Marsh</p>')) == (["Ivo Marsh"], "byline")
    head = '<meta property="og:site_name" content="Harbor Gazette">'
    assert authors(page(head, '<h1>Ferry schedule</h1><p class="byline">By Harbor Gazette</p>')) == ([], None)


@pytest.mark.parametrize("wrapper, found", [
    ('<div class="elementor-widget-container">{}</div>', True),  # a page builder wraps the article too
    ('<div class="layout has-sidebar">{}</div>', True),
    ('<section class="gallery--wrapper__with-sidebar">{}</section>', True),
    ('<article><aside class="meta">{}</aside></article>', True),  # an aside inside the article
    ('<div class="post-comments">{}</div>', False),
    ('<section class="related-posts">{}</section>', False),
    ('<aside>{}</aside>', False),
])
def test_what_counts_as_another_texts_part_of_the_page(wrapper, found):
    html = page("", "<h1>Ferry schedule</h1>" + wrapper.format('<p class="byline">By Ivo Marsh</p>'))
    assert authors(html)[0] == (["Ivo Marsh"] if found else [])


@pytest.mark.parametrize("line", [
    "By noon, crews had cleared the road.",
    "By Tuesday evening, the ferry had left.",
    "By Tuesday Morning the ferry had left port",
    "By March, the board will vote again.",
    "By the time the ferry docked, the crowd had left.",
])
def test_a_sentence_that_starts_with_by_is_no_byline(line):
    assert authors(page("", f"<h1>Ferry schedule</h1><p>{line}</p>")) == ([], None)


def test_a_by_line_with_a_date_and_section_run_on():
    html = page("", "<h1>Ferry schedule</h1><p>By Ivo Marsh on May 2, 2024 in Local News</p>")
    assert authors(html) == (["Ivo Marsh"], "byline")
    assert authors(page("", "<h1>Ferry schedule</h1><p>By Kestrel | May 2, 2024</p>")) == (["Kestrel"], "byline")
    assert authors(page("", "<h1>Ferry schedule</h1><p>By March</p>")) == ([], None)


def test_an_address_inside_the_article_names_its_author():
    html = page("", '<article><h1>Ferry schedule</h1><address>Lea Park</address></article>')
    assert authors(html) == (["Lea Park"], "byline")
    assert authors(page("", '<h1>Ferry schedule</h1><address>12 Harbor Road</address>')) == ([], None)
