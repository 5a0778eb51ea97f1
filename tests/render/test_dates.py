"""Plain-language labels for TIMEX3 values: every shape the time tagger emits, and a few odd ones."""

from __future__ import annotations

import re

import pytest

from storyline.render.dates import duration_label, pubdate_label, range_label, timex_label
from storyline.render.phrases import attribute_label, status_label

CASES = [
    # (value, type, earliest, latest, kind, label)
    ("2025-11-13", "DATE", None, None, None, "13 Nov 2025"),
    ("2025-05", "DATE", None, None, None, "May 2025"),
    ("2019", "DATE", None, None, None, "2019"),
    ("195", "DATE", None, None, None, "the 1950s"),
    ("201", "DATE", None, None, None, "the 2010s"),
    ("19", "DATE", None, None, None, "the 20th century"),
    ("2025-SU", "DATE", None, None, None, "summer 2025"),
    ("2023-WI", "DATE", None, None, None, "winter 2023–24"),
    ("2021-Q3", "DATE", None, None, None, "the third quarter of 2021"),
    ("2022-H1", "DATE", None, None, None, "the first half of 2022"),
    ("2025-W19", "DATE", None, None, None, "the week of 5 May 2025"),
    ("2025-W19-WE", "DATE", None, None, None, "the weekend of 10 May 2025"),
    ("2025-W19-3", "DATE", None, None, None, "Wednesday 7 May 2025"),
    ("XXXX-09", "DATE", "2024-09-01", "2025-09-30", None, "September (year not stated; 2024 or 2025)"),
    ("XXXX-09", "DATE", "2025-09-01", "2025-09-30", None, "September (year not stated; 2025)"),
    ("XXXX-10", "DATE", "2023-10-01", None, None, "October (year not stated; 2023 or later)"),
    ("XXXX-03", "DATE", None, "2026-03-31", None, "March (year not stated; 2026 or earlier)"),
    ("XXXX-11-10", "DATE", "2024-11-10", "2025-11-10", None, "10 November (year not stated; 2024 or 2025)"),
    ("XXXX-12-XX", "DATE", "2024-12-30", "2025-12-29", None, "December (year not stated; 2024 or 2025)"),
    ("XXXX-SU", "DATE", "2024-06-01", "2025-08-31", None, "summer (year not stated; 2024 or 2025)"),
    ("XXXX-WXX-1", "DATE", "2025-09-01", "2025-12-31", None, "a Monday in late 2025"),
    ("XXXX-WXX-1", "DATE", "2025-01-05", "2025-03-30", None, "a Monday in early 2025"),
    ("XXXX-WXX-5", "DATE", "2025-11-01", "2025-11-30", None, "a Friday in November 2025"),
    ("XXXX-WXX-4", "DATE", "2025-11-10", "2025-11-16", None, "Thursday 13 Nov 2025"),
    ("XXXX-WXX-2", "DATE", "2024-11-01", "2025-10-31", None, "a Tuesday between Nov 2024 and Oct 2025"),
    ("XXXX-WXX-3", "DATE", None, None, None, "a Wednesday (date not stated)"),
    ("XXXX", "DATE", "2025-11-13", None, None, "on or after 13 Nov 2025"),
    ("XXXX-XX-XX", "DATE", None, "2025-12-31", None, "on or before 31 Dec 2025"),
    ("XXXX-XX-XX", "DATE", None, None, None, "date not stated"),
    ("PRESENT_REF", "DATE", None, None, None, "now (at the time of writing)"),
    ("PRESENT_REF", "DATE", "2025-05-01", "2026-04-30", None, "now (between May 2025 and Apr 2026)"),
    ("PAST_REF", "DATE", None, "2025-12-31", None, "on or before 31 Dec 2025"),
    ("FUTURE_REF", "DATE", None, None, None, "in the future"),
    ("2025-05-05TEV", "TIME", None, None, None, "the evening of 5 May 2025"),
    ("2025-05-05TMO", "TIME", None, None, None, "the morning of 5 May 2025"),
    ("2025-05-05T18:04", "TIME", None, None, None, "5 May 2025, 6:04 pm"),
    ("2025-05-05T09:00", "TIME", None, None, None, "5 May 2025, 9 am"),
    ("2025-05-05T12:00", "TIME", None, None, None, "5 May 2025, noon"),
    ("XXXX-XX-XXT18:04", "TIME", None, None, None, "6:04 pm"),
    ("T00:00", "TIME", None, None, None, "midnight"),
    ("XXXX-WXX-4TNI", "TIME", "2025-11-10", "2025-11-16", None, "Thursday 13 Nov 2025, night"),
    ("P25Y", "DURATION", None, None, None, "25 years"),
    ("P1Y", "DURATION", None, None, None, "1 year"),
    ("P18M", "DURATION", None, None, None, "18 months"),
    ("P2W", "DURATION", None, None, None, "2 weeks"),
    ("P3D", "DURATION", None, None, None, "3 days"),
    ("PT2H15M", "DURATION", None, None, None, "2 hours 15 minutes"),
    ("PT90S", "DURATION", None, None, None, "90 seconds"),
    ("P1Y6M", "DURATION", None, None, None, "1 year 6 months"),
    ("P1.5Y", "DURATION", None, None, None, "1.5 years"),
    ("PXM", "DURATION", None, None, None, "some months"),
    ("PXY", "DURATION", None, None, None, "some years"),
    ("P1WE", "DURATION", None, None, None, "a weekend"),
    ("PXDE", "DURATION", None, None, None, "some decades"),
    ("P54Y", "DURATION", None, None, "age", "54 years old"),
    ("P1W", "SET", None, None, None, "every week"),
    ("P2W", "SET", None, None, None, "every 2 weeks"),
    ("P1D", "SET", None, None, None, "every day"),
    ("PT1H", "SET", None, None, None, "every hour"),
    ("XXXX-WXX-1", "SET", None, None, None, "every Monday"),
    ("XXXX-WXX-WE", "SET", None, None, None, "every weekend"),
    ("XXXX-XX-XXTMO", "SET", None, None, None, "every morning"),
    ("XXXX-SU", "SET", None, None, None, "every summer"),
    ("XXXX-XX", "SET", None, None, None, "every month"),
]


@pytest.mark.parametrize(("value", "type_", "lo", "hi", "kind", "label"), CASES)
def test_timex_label(value, type_, lo, hi, kind, label):
    assert timex_label(value, type=type_, earliest=lo, latest=hi, kind=kind) == label


# what no label may contain: the codes a reader cannot read
CODE = re.compile(r"X{2}|-W\d|W[X\d]{2}|T(?:EV|MO|AF|NI)\b|\bP\d|_REF|\bQ\d|\bH\d")


@pytest.mark.parametrize("value", [c[0] for c in CASES] + ["garbage", "", "2025-13", "XXXX-99",
                                                            "2025-W60", "P", "XXXX-WXX", "2025-XX"])
def test_no_label_shows_code(value):
    for type_ in ("DATE", "TIME", "DURATION", "SET"):
        label = timex_label(value, type=type_, earliest="2025-01-01", latest="2025-12-31")
        assert label and not CODE.search(label), (value, type_, label)
        assert not CODE.search(timex_label(value, type=type_)), (value, type_)


def test_approximate_dates_say_about_but_masked_ones_do_not():
    assert timex_label("2025-05-05", approximate=True) == "about 5 May 2025"
    assert timex_label("2024-06", approximate=True) == "about June 2024"
    assert timex_label("XXXX-09", earliest="2024-09-01", latest="2025-09-30",
                       approximate=True).startswith("September (year")


def test_ranges_and_publication_dates():
    assert range_label("2025-03-01", "2025-03-31") == "March 2025"
    assert range_label("2025-01-01", "2025-12-31") == "2025"
    assert range_label("2024-11-01", "2025-10-31") == "between Nov 2024 and Oct 2025"
    assert range_label("2025-03-12", "2025-03-20") == "between 12 Mar 2025 and 20 Mar 2025"
    assert range_label("2025-03-20", "2025-03-12") == "between 12 Mar 2025 and 20 Mar 2025"
    assert range_label(None, None) is None
    assert pubdate_label("2025-05-05", None, None, "text") == "5 May 2025 (stated in the text)"
    assert pubdate_label(None, "2024-01-01", None, "inferred") == \
        "on or after 1 Jan 2024 (inferred, not stated)"
    assert pubdate_label(None, None, None, "unknown") == "date unknown"
    assert duration_label("not a duration") is None


def test_attribute_phrases():
    assert attribute_label("convicted_by") == "who convicted"
    assert attribute_label("count:attempt to influence a witness") == \
        "number of counts of attempt to influence a witness"
    assert attribute_label("charge_count") == "number of charges"
    assert attribute_label("goal_count") == "number of goals"
    assert attribute_label("date_of:signed") == "when signed"
    assert attribute_label("held_at") == "where held"
    assert attribute_label("rescued_by") == "who rescued"
    assert attribute_label("measure:money|cost") == "amount of the cost"
    assert attribute_label("measure:duration|sentence|year", "term of the sentence") == "term of the sentence"
    for key in ("sentence_length", "amount:fine", "interval_of", "some_new_key", "measure:count|votes"):
        assert "_" not in attribute_label(key) and ":" not in attribute_label(key)
    assert status_label("consistent_over_time") == "changed over time (consistent)"
    assert status_label("single_source") == "single source"
