"""Story-level dating of time expressions: an undated report's "Thursday" is the day the others give.

An article without a publication date can only leave its relative expressions open ("Thursday" →
``XXXX-WXX-4``, "Tuesday morning" → ``XXXX-WXX-2TMO``, "2:40 a.m." → ``XXXX-XX-XXT02:40``,
"June 9" → ``XXXX-06-09``). Once the timeline has put its sentence in one entry with other
outlets' reports of the same event, and that entry has a firm day (not a narrative-time estimate),
the expression that dates the sentence takes that day when its own shape allows it: every digit it
does know agrees, an unresolved weekday is that weekday (also when the value was masked to a
month: the words still name the day of the week), and its own bounds (if any) contain the day.
The record says how: ``anchor = "story"`` (dated by the other reports of the same event).

This runs after :func:`storyline.story.timeline.build_timeline` and leaves the timeline alone; only
the articles' expressions change (new objects). An expression that two entries would date
differently keeps its open value.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from storyline.analyze.time import parse_iso
from storyline.lexicon.en.time import WEEKDAYS
from storyline.model import ArticleAnalysis, Event, TimeExpr

__all__ = ["date_from_timeline", "day_fits"]

# the day part of a value: a masked calendar day or an unresolved weekday, then the rest ("TMO", "T02:40")
_DAY_PART = re.compile(r"^(?P<day>[\dX]{4}-[\dX]{2}-[\dX]{2}|XXXX-WXX-(?P<wd>[1-7]))(?P<rest>(?:T[\w:.]+)?)$")


def day_fits(value: str, day: date) -> str | None:
    """The value ``value`` takes on ``day`` when its shape allows it (see the module doc), else None:
    ``day_fits("XXXX-WXX-2TMO", 2024-03-26) == "2024-03-26TMO"``."""
    m = _DAY_PART.match(value)
    if m is None or "X" not in m["day"]:
        return None
    if m["wd"]:
        fits = day.isoweekday() == int(m["wd"])
    else:
        fits = all(p == "X" or p == d for p, d in zip(m["day"], day.isoformat(), strict=True))
    return day.isoformat() + m["rest"] if fits else None


def _firm_day(ev: Event) -> date | None:
    d = ev.date
    if d.approximate or d.earliest is None or d.earliest != d.latest:
        return None
    return parse_iso(d.earliest)


def date_from_timeline(analyses: Sequence[ArticleAnalysis], timeline: Sequence[Event]) -> list[ArticleAnalysis]:
    """The analyses with open day expressions dated by their timeline entry (see the module doc)."""
    found: dict[tuple[str, int, int], set[date]] = {}
    for ev in timeline:
        day = _firm_day(ev)
        if day is None:
            continue
        for src in ev.sources:
            if src.time_start is not None and src.time_end is not None:
                found.setdefault((src.article, src.time_start, src.time_end), set()).add(day)
    out: list[ArticleAnalysis] = []
    for a in analyses:
        changed = False
        timexes: list[TimeExpr] = []
        for t in a.timexes:
            days = found.get((a.article.id, t.start, t.end))
            new = _dated(t, next(iter(days))) if days and len(days) == 1 and not t.resolved else None
            timexes.append(new or t)
            changed = changed or new is not None
        out.append(replace(a, timexes=timexes) if changed else a)
    return out


def _dated(t: TimeExpr, day: date) -> TimeExpr | None:
    value = day_fits(t.value, day)
    if value is None:
        return None
    named = [n for w, n in WEEKDAYS.items() if w in t.text.lower()]
    if named and day.isoweekday() not in named:
        return None  # "Wednesday" masked to "2024-03-XX" still says which day of the week
    lo, hi = parse_iso(t.earliest), parse_iso(t.latest)
    if (lo is not None and day < lo) or (hi is not None and day > hi):
        return None
    return replace(t, value=value, earliest=day.isoformat(), latest=day.isoformat(), anchor="story",
                   resolved=True)
