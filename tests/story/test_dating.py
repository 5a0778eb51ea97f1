"""Story-level dating of open day expressions from the timeline (invented stories)."""

from __future__ import annotations

from datetime import date

import pytest

from storyline.model import Article, ArticleAnalysis, Event, EventDate, EventSource, TimeExpr
from storyline.story.dating import date_from_timeline, day_fits


@pytest.mark.parametrize("value, day, expected", [
    ("XXXX-WXX-4", date(2025, 6, 12), "2025-06-12"),  # a Thursday
    ("XXXX-WXX-4", date(2025, 6, 13), None),
    ("XXXX-WXX-2TMO", date(2025, 6, 10), "2025-06-10TMO"),
    ("XXXX-06-09", date(2022, 6, 9), "2022-06-09"),
    ("XXXX-06-09", date(2022, 6, 10), None),
    ("XXXX-XX-XXT02:40", date(2022, 11, 8), "2022-11-08T02:40"),
    ("2025-06-XX", date(2025, 6, 3), "2025-06-03"),
    ("2025-06-12", date(2025, 6, 12), None),  # already a day: nothing to fill
    ("XXXX-10", date(2024, 10, 3), None),  # a month stays a month
])
def test_day_fits(value, day, expected):
    assert day_fits(value, day) == expected


TEXT_A = "The ferry ran aground on Thursday near the harbor, the coast guard said."
TEXT_B = "Crews refloated the ferry on Wednesday. The ferry ran aground on Thursday, officials said."


def _timex(text: str, needle: str, value: str, resolved: bool, **kw) -> TimeExpr:
    start = text.index(needle)
    return TimeExpr(start, start + len(needle), needle, "DATE", value, resolved=resolved,
                    anchor="publication", **kw)


def _event(day: str, *sources: tuple[str, str, TimeExpr], approximate: bool = False) -> Event:
    return Event(id="e" + day, date=EventDate(value=day, earliest=day, latest=day, granularity="day",
                                              approximate=approximate),
                 summary="", sources=[EventSource(article=aid, start=0, end=len(text), text=text,
                                                  time_text=t.text, time_start=t.start, time_end=t.end)
                                      for aid, text, t in sources])


def test_an_open_weekday_takes_the_day_the_other_reports_give():
    dated = _timex(TEXT_A, "Thursday", "2025-06-12", True, earliest="2025-06-12", latest="2025-06-12")
    open_thu = _timex(TEXT_B, "Thursday", "XXXX-WXX-4", False)
    open_wed = _timex(TEXT_B, "Wednesday", "XXXX-WXX-3", False)
    a = ArticleAnalysis(article=Article(id="a", text=TEXT_A), timexes=[dated])
    b = ArticleAnalysis(article=Article(id="b", text=TEXT_B), timexes=[open_wed, open_thu])
    timeline = [_event("2025-06-12", ("a", TEXT_A, dated), ("b", TEXT_B, open_thu)),
                _event("2025-06-13", ("b", TEXT_B, open_wed))]  # a Friday: "Wednesday" does not fit
    out = date_from_timeline([a, b], timeline)
    assert out[0] is a
    wed, thu = out[1].timexes
    assert (thu.value, thu.earliest, thu.latest, thu.anchor, thu.resolved) == \
        ("2025-06-12", "2025-06-12", "2025-06-12", "story", True)
    assert wed is open_wed
    assert b.timexes[1] is open_thu  # the input is left alone


def test_estimates_and_disagreeing_entries_date_nothing():
    open_thu = _timex(TEXT_B, "Thursday", "XXXX-WXX-4", False)
    b = ArticleAnalysis(article=Article(id="b", text=TEXT_B), timexes=[open_thu])
    assert date_from_timeline([b], [_event("2025-06-12", ("b", TEXT_B, open_thu), approximate=True)])[0] is b
    two = [_event("2025-06-12", ("b", TEXT_B, open_thu)), _event("2025-06-19", ("b", TEXT_B, open_thu))]
    assert date_from_timeline([b], two)[0] is b
    masked = _timex(TEXT_B, "Thursday", "2025-06-XX", False)
    m = ArticleAnalysis(article=Article(id="b", text=TEXT_B), timexes=[masked])
    assert date_from_timeline([m], [_event("2025-06-11", ("b", TEXT_B, masked))])[0] is m  # a Wednesday
