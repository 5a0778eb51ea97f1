"""Each input format → Article records (tmp_path files written by the tests)."""

from __future__ import annotations

import io
import json
import os
import unicodedata

from storyline.errors import IngestError
from storyline.ingest import iter_articles
from storyline.ingest.textio import content_id
from storyline.model import Article

from .conftest import ATOM_FEED, HTML_PAGE, RSS_FEED


def read(paths, meta_file=None):
    items = list(iter_articles([str(p) for p in paths], meta_file))
    return ([i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, IngestError)])


def test_plain_text_article(write):
    path = write("story.txt", "Dam repair finished early\r\nBy Ruth Mendel, The Valley Courier\r\n\r\n"
                              "ALAMOSA — Crews finished repairs to the Rio Grande dam a month early, "
                              "officials said Tuesday.\r\n\r\n“We got lucky with the weather,” the "
                              "engineer said.   \r\n")
    [a], errors = read([path])
    assert errors == []
    assert a.path == path
    assert a.title == "Dam repair finished early"
    assert a.byline == ["Ruth Mendel"]
    assert a.outlet == "The Valley Courier"
    assert a.dateline == "ALAMOSA"
    assert a.text == ("ALAMOSA — Crews finished repairs to the Rio Grande dam a month early, officials "
                      "said Tuesday.\n\n“We got lucky with the weather,” the engineer said.")
    assert a.id == content_id(a.text) and len(a.id) == 16
    assert a.published.basis == "unknown" and a.published.date is None
    assert a.source_format == "txt"


def test_text_is_nfc_with_newline_endings(write):
    decomposed = unicodedata.normalize("NFD", "Café owner José Núñez reopened on Monday.")
    [a], _ = read([write("nfd.txt", decomposed + "\r" + "Second line here.")])
    assert a.text == "Café owner José Núñez reopened on Monday.\nSecond line here."
    assert unicodedata.is_normalized("NFC", a.text)


def test_same_text_same_id_across_runs_and_names(write):
    body = "The library will close for renovations in June, the board said.\n\nIt reopens in 2026."
    [a], _ = read([write("a.txt", body)])
    [b], _ = read([write("copy/b.txt", body + "\n\n\n")])
    assert a.id == b.id


def test_markdown_article(write):
    path = write("note.md", "# Port strike ends after 12 days\n\n**By Lena Park, Reuters**\n\n"
                            "Dock workers returned to work on Monday.")
    [a], _ = read([path])
    assert a.title == "Port strike ends after 12 days"
    assert a.byline == ["Lena Park"]
    assert a.outlet == "Reuters"
    assert a.text == "Dock workers returned to work on Monday."
    assert a.source_format == "md"


def test_html_page_with_trafilatura_metadata(write):
    [a], errors = read([write("page.html", HTML_PAGE)])
    assert errors == []
    assert a.title == "City council approves transit budget"
    assert a.outlet == "The Springfield Ledger"
    assert a.byline == ["Jane Doe", "Carlos Vega"]
    assert a.url == "https://www.springfieldledger.example/news/2024/03/14/transit-budget"
    assert a.published.date == "2024-03-14" and a.published.basis == "metadata"
    assert a.dateline == "SPRINGFIELD"
    assert a.text.startswith("SPRINGFIELD — The city council voted 7-2")
    assert "Home" not in a.text and "All rights reserved" not in a.text
    assert "\n\n" in a.text  # paragraphs kept apart
    assert a.source_format == "html"


def test_html_without_main_text_is_an_error(write):
    path = write("empty.htm", "<html><head><title>Nothing</title></head><body><nav>Home</nav></body></html>")
    articles, [err] = read([path])
    assert articles == []
    assert str(err).startswith(f"{path}: no main text found in the HTML page")


def test_jsonl_articles_with_metadata(write):
    lines = [
        {"text": "WASHINGTON (Reuters) - The Senate passed the bill 68-31 late Thursday.",
         "title": "Senate passes stopgap", "url": "https://www.reuters.com/x", "outlet": "Reuters",
         "published": "2025-03-14T22:10:00Z", "byline": "Lena Park and Omar Haddad"},
        {"text": "By Ines Alvarez, Valley Courier\n\nThe county fair opened Thursday.",
         "byline": ["Ines Alvarez"], "published": "Aug. 1, 2025"},
        {"text": "(AP) — A quake shook the coast on Sunday.", "url": "https://apnews.com/article/quake"},
    ]
    path = write("batch.jsonl", "\n".join(json.dumps(x) for x in lines) + "\n\n")
    articles, errors = read([path])
    assert errors == []
    a, b, c = articles
    assert (a.title, a.outlet, a.byline, a.dateline) == ("Senate passes stopgap", "Reuters",
                                                         ["Lena Park", "Omar Haddad"], "WASHINGTON")
    assert a.published.date == "2025-03-14" and a.published.basis == "metadata"
    assert b.byline == ["Ines Alvarez"] and b.outlet == "Valley Courier"
    assert b.text == "The county fair opened Thursday."
    assert b.published.date == "2025-08-01"
    assert c.outlet == "AP"  # the tag as printed (the agency's own short name)
    assert all(x.path == path and x.source_format == "json" for x in articles)


def test_json_object_and_list(write):
    one = write("one.json", json.dumps({"text": "The mill closed Friday.", "title": "Mill closes"}))
    many = write("many.json", json.dumps([{"text": "First story text here."},
                                          {"text": "Second story text here.", "outlet": "KOAA"}]))
    articles, errors = read([one, many])
    assert errors == []
    assert [a.title for a in articles] == ["Mill closes", None, None]
    assert articles[2].outlet == "KOAA"


def test_rss_feed_items(write):
    articles, errors = read([write("local.rss", RSS_FEED)])
    assert errors == []
    first, second = articles
    assert first.title == "Reservoir levels hit 20-year low"
    assert first.byline == ["Ines Alvarez"]
    assert first.url == "https://valleycourier.example/2025/08/02/reservoir"
    assert first.published.date == "2025-08-02"  # the date as printed (-0600), not UTC
    assert first.published.basis == "metadata"
    assert first.outlet == "Valley Courier"  # the feed title without its section
    assert first.dateline == "ALAMOSA"
    assert first.text.startswith("ALAMOSA — Water in the valley's main reservoir")
    assert "\n\nFarmers have been asked" in first.text  # full content, not the summary
    assert second.text == "The county fair opened Thursday with more than 12,000 visitors, organizers said."
    assert all(a.source_format == "feed" for a in articles)


def test_atom_feed_in_an_xml_file(write):
    [a], errors = read([write("harbor.xml", ATOM_FEED)])
    assert errors == []
    assert a.title == "Port strike ends after 12 days"
    assert a.byline == ["Lena Park"]
    assert a.outlet == "Reuters"  # well-known domain of the link
    assert a.published.date == "2025-03-10"
    assert a.text.endswith("raises wages 20% over six years.")


def test_xml_that_is_not_a_feed(write):
    path = write("data.xml", "<?xml version='1.0'?><records><r>1</r></records>")
    _, [err] = read([path])
    assert str(err) == f"{path}: XML file that is not an RSS or Atom feed (unsupported)"


def _warc_bytes(records, gzip: bool) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gzip)
    for url, ctype, body in records:
        headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                      http_headers=headers))
    return out.getvalue()


def test_warc_html_responses(write):
    records = [
        ("https://www.springfieldledger.example/news/transit", "text/html; charset=utf-8",
         HTML_PAGE.encode("utf-8")),
        ("https://www.springfieldledger.example/logo.png", "image/png", b"\x89PNG\r\n\x1a\n\x00\x00"),
        ("https://www.springfieldledger.example/empty", "text/html", b"<html><body></body></html>"),
    ]
    for name, gz in (("crawl.warc.gz", True), ("crawl.warc", False)):
        path = write(name, _warc_bytes(records, gzip=gz))
        articles, errors = read([path])
        [a] = articles
        assert a.title == "City council approves transit budget"
        assert a.source_format == "warc" and a.path == path
        assert a.url.endswith("/transit-budget")  # the page's canonical URL
        [err] = errors  # the HTML record without text, named by number and URL
        assert str(err) == (f"{path}: record 3 (https://www.springfieldledger.example/empty): "
                            "no main text found in the HTML page")


def test_not_a_warc(write):
    path = write("broken.warc", b"this is not a web archive at all\n" * 3)
    _, [err] = read([path])
    assert str(err) == f"{path}: not a WARC file (it does not start with a 'WARC/' record header)"


def test_folder_recursive_sorted_with_paths_as_given(write, tmp_path):
    write("corpus/b.txt", "Second story, about the budget vote on Tuesday.")
    write("corpus/a.txt", "First story, about the school board meeting on Monday.")
    write("corpus/sub/c.txt", "Third story, about the new bridge opening downtown.")
    write("corpus/.hidden.txt", "not read")
    given = str(tmp_path / "corpus") + os.sep
    articles, errors = read([given])
    assert errors == []
    assert [a.path for a in articles] == [os.path.join(given, "a.txt"), os.path.join(given, "b.txt"),
                                          os.path.join(given, "sub", "c.txt")]


def test_relative_paths_are_kept_as_given(write, tmp_path, monkeypatch):
    write("news/one.txt", "The mill closed Friday after 80 years.")
    monkeypatch.chdir(tmp_path)
    [a], _ = read(["news"])
    assert a.path == os.path.join("news", "one.txt")
    [b], _ = read(["./news/one.txt"])
    assert b.path == "./news/one.txt"


def test_markdown_front_matter(write):
    path = write("post.md", "---\ntitle: \"Council passes budget\"\ndate: 2025-04-02\n"
                            "author: [Ana Ruiz, Ben Cole]\nsource: The Valley Courier\n"
                            "tags:\n  - budget\n---\n\nThe council passed the budget 6-1 on Tuesday.")
    [a], errors = read([path])
    assert errors == []
    assert a.title == "Council passes budget"
    assert a.byline == ["Ana Ruiz", "Ben Cole"]
    assert a.outlet == "The Valley Courier"
    assert (a.published.date, a.published.basis) == ("2025-04-02", "metadata")
    assert a.text == "The council passed the budget 6-1 on Tuesday."


def test_markdown_front_matter_bad_date(write):
    path = write("post.md", "---\ndate: next spring\n---\nText of the post goes here.")
    _, [err] = read([path])
    assert str(err) == (f"{path}: front matter: unparsable published date 'next spring'"
                        " (no year; relative dates are not accepted)")


def test_header_line_of_date_time_and_outlet(write):
    [a], _ = read([write("cbs.txt", "Storm topples power lines\nUpdated on: May 6, 2025 / 3:04 PM EDT / "
                                    "CBS Colorado\n\n3 min read\n\nThe storm knocked out power to 40,000 homes.")])
    assert a.outlet == "CBS Colorado"
    # only an update stamp: its day is the date, and the latest it can be
    assert (a.published.date, a.published.latest, a.published.basis) == ("2025-05-06", "2025-05-06", "text")
    assert a.text == "The storm knocked out power to 40,000 homes."
    assert a.boilerplate == ["3 min read"]


def test_html_in_a_declared_legacy_charset(write):
    page = HTML_PAGE.replace('<meta charset="utf-8">', '<meta charset="windows-1252">').replace(
        "Maria Lopez", "María López")
    [a], errors = read([write("legacy.html", page.encode("cp1252"))])
    assert errors == []
    assert "council member María López said" in a.text
    assert "“This is the most significant" in a.text


def test_a_single_path_or_pathlike_is_accepted(write, tmp_path):
    path = write("one.txt", "The mill closed Friday after 80 years.")
    [a] = list(iter_articles(path))
    [b] = list(iter_articles([tmp_path / "one.txt"]))
    assert a.path == path and b.path == path


def test_month_only_date_line_gives_a_month_long_range():
    from storyline.ingest.build import build_article

    art = build_article(" date 2024-02 Regulators fined the dairy cooperative for mislabeling its cheese. "
                        "The cooperative said it would appeal the decision in court.", path="x.txt",
                        source_format="txt")
    assert (art.published.date, art.published.earliest, art.published.latest, art.published.basis) == \
        (None, "2024-02-01", "2024-02-29", "text")
    assert art.stamps == ["date 2024-02"] and art.text.startswith("Regulators fined")
