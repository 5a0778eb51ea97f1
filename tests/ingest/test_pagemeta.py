"""The page's own metadata: JSON-LD, OpenGraph/article:*, microdata, <time>, <h1>/<title>.

Every page here is written for the test (invented outlets, people and stories).
"""

from __future__ import annotations

import json
from datetime import date

import pytest

from storyline.ingest.byline import split_author_names
from storyline.ingest.pagemeta import normalize_site_name, page_metadata, strip_site_name

TODAY = date(2025, 6, 1)


def page(head: str = "", body: str = "") -> str:
    return f"<html><head>{head}</head><body>{body}</body></html>"


def ld(obj: object) -> str:
    return f'<script type="application/ld+json">{json.dumps(obj)}</script>'


def test_jsonld_article_gives_headline_authors_dates_and_publisher():
    html = page(ld({"@context": "https://schema.org", "@graph": [
        {"@type": "WebSite", "@id": "#site", "name": "Harbor Tribune"},
        {"@type": "Person", "@id": "#p1", "name": "Ines Carvalho"},
        {"@type": "NewsArticle", "headline": "Port authority approves dredging plan",
         "author": [{"@id": "#p1"}, {"@type": "Person", "name": "Tom Becker"}],
         "publisher": {"@type": "NewsMediaOrganization", "name": "Harbor Tribune"},
         "datePublished": "2024-02-03T08:00:00-05:00", "dateModified": "2024-02-05T10:00:00-05:00"},
    ]}), "<h1>Port authority approves dredging plan</h1>")
    m = page_metadata(html, today=TODAY)
    assert m.title == "Port authority approves dredging plan"
    assert m.authors == ["Ines Carvalho", "Tom Becker"]
    assert (m.published, m.modified) == ("2024-02-03", "2024-02-05")  # kept apart
    assert m.site_name == "Harbor Tribune"
    assert m.date_source == "jsonld"


def test_opengraph_and_article_meta_when_there_is_no_jsonld():
    html = page('<meta property="og:title" content="Rail strike ends after nine days">'
                '<meta property="og:site_name" content="Midland Courier">'
                '<meta property="article:published_time" content="2023-10-12T19:40:00+02:00">'
                '<meta property="article:modified_time" content="2023-10-14T09:00:00+02:00">'
                '<meta name="author" content="By Lara Novak and Sam Ortiz">'
                '<title>Rail strike ends after nine days | Midland Courier</title>')
    m = page_metadata(html, today=TODAY)
    assert m.title == "Rail strike ends after nine days"
    assert m.authors == ["Lara Novak", "Sam Ortiz"]
    assert m.published == "2023-10-12" and m.modified == "2023-10-14"
    assert m.site_name == "Midland Courier"


def test_modified_date_is_never_the_publication_date():
    html = page('<meta property="article:modified_time" content="2022-01-09T10:00:00Z">')
    m = page_metadata(html, today=TODAY)
    assert m.published is None and m.modified == "2022-01-09"


def test_utc_instant_gives_way_to_the_local_clock_time_of_the_same_moment():
    html = page(ld({"@type": "NewsArticle", "datePublished": "2023-11-09T03:30:00Z"})
                + '<meta name="pubdate" content="2023-11-08 22:30:00">')
    assert page_metadata(html, today=TODAY).published == "2023-11-08"


def test_future_and_implausible_dates_are_ignored():
    html = page('<meta property="article:published_time" content="2031-01-01">'
                '<meta name="date" content="2020-04-04">')
    assert page_metadata(html, today=TODAY).published == "2020-04-04"


def test_time_element_and_microdata_author():
    html = page("", '<article><h1>Library opens new wing</h1>'
                    '<time itemprop="datePublished" datetime="2021-05-06">May 6</time>'
                    '<span itemprop="author" itemscope><span itemprop="name">Priya Shah</span></span>'
                    '</article>')
    m = page_metadata(html, today=TODAY)
    assert m.published == "2021-05-06" and m.authors == ["Priya Shah"]


def test_cms_name_as_title_is_skipped_and_h1_confirmed_by_og_title_wins():
    html = page('<title>escenic</title><meta property="og:title" content="Storm closes mountain pass">',
                "<h1>Storm closes mountain pass</h1>")
    assert page_metadata(html, today=TODAY).title == "Storm closes mountain pass"


@pytest.mark.parametrize("title, sites, expected", [
    ("Dam repairs finish early | DW | 19.01.2020", {"dw"}, "Dam repairs finish early"),
    ("Valley Ledger - Council delays vote", {"valleyledger"}, "Council delays vote"),
    ("Council delays vote", {"valleyledger"}, "Council delays vote"),
    ("Q&A: What the new rules mean - Valley Ledger", {"valleyledger"}, "Q&A: What the new rules mean"),
])
def test_site_name_removed_from_titles(title, sites, expected):
    assert strip_site_name(title, sites) == expected


@pytest.mark.parametrize("name, expected", [
    ("DW.COM", "DW"), ("axios.com", "Axios"), ("www.example-news.org", "Example-news"),
    ("Harbor Tribune", "Harbor Tribune"),
])
def test_site_names_from_domains(name, expected):
    assert normalize_site_name(name) == expected


@pytest.mark.parametrize("value, names", [
    ("By Jane Doe", ["Jane Doe"]),
    ("Jane Doe, Ken Roe", ["Jane Doe", "Ken Roe"]),
    ("https://example.org/staff/jane", []),
    ("Editorial Staff", []),
    ("jane@example.org", []),
    ("Posted by Omar Haddad - Staff Writer", ["Omar Haddad"]),
    ("Written by: Greta Lind | May 2, 2024", ["Greta Lind"]),
    ("Tomas Weller (@tweller)", ["Tomas Weller"]),
    ("Nadia Perez Senior Reporter", ["Nadia Perez"]),
    ("Senior Correspondent Ayo Bello", ["Ayo Bello"]),
    ("Ruth Guest", ["Ruth Guest"]),  # a surname that is also a role word stays
    ("Hana Ito is a science reporter based in Osaka", ["Hana Ito"]),
    ("Newsroom", []),
    ("Lena Ortiz, Updated March 3, 2023", ["Lena Ortiz"]),
])
def test_author_values(value, names):
    assert split_author_names(value) == names


def test_broken_jsonld_does_not_stop_the_rest():
    html = page('<script type="application/ld+json">{"@type": "NewsArticle", "headline": "x",,}</script>'
                '<meta property="og:title" content="Ferry fares rise in June">')
    assert page_metadata(html, today=TODAY).title == "Ferry fares rise in June"


@pytest.mark.parametrize("url, name", [
    ("https://www.harborledger.com/2024/05/ferry", "Harborledger"),
    ("https://wtx.com/news/1", "WTX"),  # up to three letters: an acronym
    ("https://news.valleypost.co.uk/a", "Valleypost"),
    ("http://127.0.0.1:8000/page.html", None),
])
def test_outlet_from_the_domain_when_nothing_names_it(url, name):
    from storyline.ingest.outlets import outlet_from_domain

    assert outlet_from_domain(url) == name


def test_html_page_without_site_name_takes_the_domain(tmp_path):
    from storyline.ingest import iter_articles
    from storyline.model import Article

    body = " ".join(["The harbor board voted on Tuesday to extend the ferry season by three weeks."] * 3)
    page_html = (f'<html><head><link rel="canonical" href="https://www.harborledger.com/a/1">'
                 f"<title>Ferry season extended</title></head><body><article><h1>Ferry season extended</h1>"
                 f"<p>{body}</p></article></body></html>")
    path = tmp_path / "p.html"
    path.write_text(page_html, encoding="utf-8")
    [a] = [x for x in iter_articles([str(path)]) if isinstance(x, Article)]
    assert a.outlet == "Harborledger" and a.url == "https://www.harborledger.com/a/1"


@pytest.mark.parametrize("html", ["", " ", "<html>", "\x00\x01",
                                  ld([[[[[[[[[[[[1]]]]]]]]]]]]),
                                  ld({"@type": "NewsArticle", "author": "A" * 5000}),
                                  '<meta property="article:published_time" content="0000-00-00">'])
def test_odd_pages_give_nothing_rather_than_fail(html):
    m = page_metadata(html, today=TODAY)
    assert m.authors == [] and m.published is None


def test_h1_with_a_kicker_gives_way_to_the_declared_headline():
    html = page('<meta property="og:title" content="Glacier lake drains overnight">',
                '<article><h1><span class="kicker">Exclusive</span> Glacier lake drains overnight</h1></article>')
    assert page_metadata(html, today=TODAY).title == "Glacier lake drains overnight"


def test_declared_title_with_an_undeclared_site_suffix_gives_way_to_the_h1():
    html = page("<title>Glacier lake drains overnight – Ridgeback Weekly Online</title>",
                "<h1>Glacier lake drains overnight</h1>")
    assert page_metadata(html, today=TODAY).title == "Glacier lake drains overnight"


def test_h1_that_shortens_the_declared_headline_gives_way_to_it():
    html = page('<meta property="og:title" content="Mayor Ilsa Brandt resigns after audit finds missing funds">',
                "<h1>Mayor Ilsa Brandt resigns</h1><h1>Latest news</h1>")
    assert page_metadata(html, today=TODAY).title == "Mayor Ilsa Brandt resigns after audit finds missing funds"


def test_single_marked_h1_beats_a_social_media_title():
    html = page('<meta property="og:title" content="You will not believe what the orchard found">',
                '<main><h1 class="entry-title">Orchard owners find rare pear variety thought extinct</h1></main>')
    m = page_metadata(html, today=TODAY)
    assert (m.title, m.title_source) == ("Orchard owners find rare pear variety thought extinct", "h1")


def test_logo_h1_outside_the_article_does_not_beat_the_declared_title():
    html = page('<meta property="og:title" content="Tidal power plant opens in the north">',
                '<header><h1>The Coastal Observer Daily</h1></header><h1>Menu</h1>')
    assert page_metadata(html, today=TODAY).title == "Tidal power plant opens in the north"


def test_without_h1_an_h2_tells_where_the_headline_ends_in_the_title():
    html = page("<title>Seed bank doubles its vault | Science | Greenleaf Courier</title>",
                "<h2>Seed bank doubles its vault</h2>")
    assert page_metadata(html, today=TODAY).title == "Seed bank doubles its vault"


def test_microdata_headline_is_a_declared_title():
    html = page("", '<div itemscope><span itemprop="headline">Ferry line adds night crossings</span></div>'
                    "<h1>Ferry line adds night crossings</h1>")
    assert page_metadata(html, today=TODAY).title == "Ferry line adds night crossings"


def test_organisation_author_is_skipped_for_the_person_in_meta():
    html = page(ld({"@type": "NewsArticle", "author": {"@type": "Organization", "name": "Valley Wire"}})
                + '<meta name="author" content="Marek Dvorak">')
    m = page_metadata(html, today=TODAY)
    assert (m.authors, m.author_source) == (["Marek Dvorak"], "meta:author")


def test_opengraph_author_url_is_not_a_name():
    html = page('<meta property="article:author" content="https://www.example.org/people/marek">'
                '<meta name="parsely-author" content="Marek Dvorak">')
    assert page_metadata(html, today=TODAY).authors == ["Marek Dvorak"]


def test_several_jsonld_articles_the_pages_own_one_gives_the_byline():
    html = page('<link rel="canonical" href="https://news.example.org/2024/05/02/dam-opens/">'
                + ld({"@graph": [
                    {"@type": "NewsArticle", "url": "https://news.example.org/related/other",
                     "author": {"@type": "Person", "name": "Ken Roe"}},
                    {"@type": "NewsArticle", "mainEntityOfPage": {"@id": "https://news.example.org/2024/05/02/dam-opens"},
                     "author": {"@type": "Person", "name": "Ida Sorensen"}}]}))
    assert page_metadata(html, today=TODAY).authors == ["Ida Sorensen"]


@pytest.mark.parametrize("body, names", [
    ('<p class="byline author vcard">By <span class="fn">Lucia Marin</span></p>', ["Lucia Marin"]),
    ('<div class="article-byline">By <a href="/author/pat-ng">Pat Ng</a> and '
     '<a href="/author/ravi-rao">Ravi Rao</a></div>', ["Pat Ng", "Ravi Rao"]),
    ('<div class="byline">Story by Quinn Abara, Staff Writer</div>', ["Quinn Abara"]),
    ('<div class="sidebar"><a href="/about">Anna Berg</a></div>', []),
])
def test_byline_markup_after_structured_data_and_meta(body, names):
    m = page_metadata(page("", body), today=TODAY)
    assert m.authors == names and m.author_source == ("byline" if names else None)


def test_author_of_another_creative_work_when_no_article_names_one():
    html = page(ld({"@graph": [{"@type": "WebPage", "author": {"@type": "Person", "name": "Colm Byrne"}},
                               {"@type": "Organization", "name": "Valley Wire"}]}))
    m = page_metadata(html, today=TODAY)
    assert (m.authors, m.author_source) == (["Colm Byrne"], "jsonld:other")
