"""A page's update date kept apart from its publication date, and a copy's late date not trusted.

Every article and page here is written for the test (invented people, places and outlets).
"""

from __future__ import annotations

import json

import pytest

from storyline.ingest.build import Fields, build_article, check_against_url
from storyline.ingest.dates import later_than_url, url_date
from storyline.model import PubDate

BODY = ("The county water board voted 5-2 on Tuesday to raise rates for the first time in six years, "
        "citing the cost of replacing pipes laid in the 1950s. Board chair Mirela Kostas said the "
        "increase would average four dollars a month for a household. Residents who spoke at the "
        "meeting asked the board to phase the increase in over two years.")


@pytest.mark.parametrize("url, bounds", [
    ("https://news.example.org/2023/08/10/water-rates-rise/", ("2023-08-10", "2023-08-10")),
    ("https://example.org/local/2023-08-10-water-rates", ("2023-08-10", "2023-08-10")),
    ("https://example.org/story/20230810/water", ("2023-08-10", "2023-08-10")),
    ("https://example.org/2024/02/water-rates.html", ("2024-02-01", "2024-02-29")),
    ("https://example.org/water-rates-rise-4412", None),
    ("https://example.org/2023/13/45/x", None),
    (None, None),
])
def test_dates_in_article_addresses(url, bounds):
    assert url_date(url) == bounds


def test_a_date_a_day_after_the_url_is_time_zone_slack_not_a_conflict():
    assert later_than_url("2023-08-11", "https://example.org/2023/08/10/x") is None
    assert later_than_url("2023-08-09", "https://example.org/2023/08/10/x") is None  # earlier: no rule
    assert later_than_url("2024-08-12", "https://example.org/2023/08/10/x") == ("2023-08-10", "2023-08-10")


def test_copying_sites_later_text_date_gives_way_to_the_urls_date():
    text = f"Water rates rise in Ellery County\n\nPosted on 08/12/2024\n\n{BODY}"
    art = build_article(text, path="copy.txt", source_format="txt",
                        fields=Fields(url="https://www.ellerygazette.example/2023/08/10/water-rates/"))
    assert art.published.date == "2023-08-10" and art.published.basis == "metadata"
    assert "2024-08-12" in (art.published.note or "") and "URL" in (art.published.note or "")


def test_text_date_that_agrees_with_the_url_is_kept_without_a_note():
    text = f"Water rates rise in Ellery County\n\nPosted on 08/10/2023\n\n{BODY}"
    art = build_article(text, path="own.txt", source_format="txt",
                        fields=Fields(url="https://www.ellerygazette.example/2023/08/10/water-rates/"))
    assert (art.published.date, art.published.basis, art.published.note) == ("2023-08-10", "text", None)


def test_month_only_url_bounds_the_date_when_the_stamp_is_later():
    pub = check_against_url(PubDate(date="2024-05-20", earliest="2024-05-20", latest="2024-05-20", basis="text"),
                            "https://example.org/2024/03/festival-returns")
    assert (pub.date, pub.earliest, pub.latest) == (None, "2024-03-01", "2024-03-31") and pub.note


def test_updated_stamp_is_kept_apart_from_the_published_date():
    text = (f"Water rates rise in Ellery County\n\nPublished April 30, 2024 | "
            f"Updated May 2, 2024 at 6:23 PM ET\n\n{BODY}")
    art = build_article(text, path="a.txt", source_format="txt")
    assert art.published.date == "2024-04-30" and art.updated == "2024-05-02"


def test_html_page_modified_date_becomes_updated_not_published(tmp_path):
    from storyline.ingest import iter_articles
    from storyline.model import Article

    ld = json.dumps({"@type": "NewsArticle", "headline": "Water rates rise in Ellery County",
                     "datePublished": "2024-04-30T09:00:00-04:00", "dateModified": "2024-05-02T18:23:00-04:00"})
    page = (f'<html><head><script type="application/ld+json">{ld}</script></head><body><article>'
            f"<h1>Water rates rise in Ellery County</h1><p>{BODY}</p></article></body></html>")
    path = tmp_path / "p.html"
    path.write_text(page, encoding="utf-8")
    [art] = [a for a in iter_articles([str(path)]) if isinstance(a, Article)]
    assert art.published.date == "2024-04-30" and art.updated == "2024-05-02"


def test_sidecar_url_checks_the_text_date(tmp_path):
    from storyline.ingest.sidecar import apply_meta

    text = f"Water rates rise in Ellery County\n\nPosted on 08/12/2024\n\n{BODY}"
    art = build_article(text, path="copy.txt", source_format="txt")
    assert art.published.date == "2024-08-12"
    apply_meta(art, {"url": "https://www.ellerygazette.example/2023/08/10/water-rates/"})
    assert art.published.date == "2023-08-10" and art.published.note


EVENTS = ("Crews contained the Pinecrest fire on Tuesday, Aug. 8, after it burned 900 acres, and "
          "evacuation orders were lifted on Thursday, Aug. 10, officials said. Fire chief Dana Holt "
          "said the cause was a downed power line.")


def test_weekdays_of_the_articles_own_days_unmask_a_copys_later_year():
    from storyline.ingest.dates import weekday_year_conflict

    # Aug. 8 was a Tuesday and Aug. 10 a Thursday in 2023, not in 2024
    assert weekday_year_conflict("2024-08-12", EVENTS) == (2024, 2023)
    assert weekday_year_conflict("2023-08-11", EVENTS) is None
    assert weekday_year_conflict("2024-08-12", "It burned on Tuesday, Aug. 8, crews said.") is None  # one only


def test_copy_with_a_later_posted_date_is_left_to_the_time_stage():
    text = f"Pinecrest fire contained\n\nPosted on 08/12/2024\n\n{EVENTS} {BODY}"
    art = build_article(text, path="copy.txt", source_format="txt")
    assert art.published.date is None and art.published.basis == "unknown"
    assert "2023" in (art.published.note or "")
    own = build_article(text.replace("08/12/2024", "08/11/2023"), path="own.txt", source_format="txt")
    assert own.published.date == "2023-08-11" and own.published.note is None


def test_updated_day_in_words_for_readers():
    from storyline.render.dates import iso_day_label

    assert iso_day_label("2024-05-02") == "2 May 2024" and iso_day_label(None) is None
