"""Calendar arithmetic for TIMEX3 values: bounds, granularity, anchoring, masking.

A TIMEX3 date value names a calendar unit (``2025``, ``2025-05``, ``2025-11-12``, ``2025-W46``,
``2025-W46-WE``, ``2025-Q4``, ``2025-FA``, ``2025-H1``, ``202`` for a decade, ``20`` for a century,
``2025-11-12TNI`` / ``2025-11-12T15:00`` for times). :func:`value_bounds` turns any of them into
first/last ISO days, :func:`granularity` names the unit. dateparser/dateutil do not know these
unit values (weeks-of-year, seasons, quarters, decades as TIMEX3 strings), hence this small module.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}  # meteorological seasons
REF_VALUES = ("PAST_REF", "PRESENT_REF", "FUTURE_REF")

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})(-WE|-\d)?$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_HALF = re.compile(r"^(\d{4})-H([12])$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")
_DECADE = re.compile(r"^(\d{3})$")
_CENTURY = re.compile(r"^(\d{2})$")


def iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def parse_iso(s: str | None) -> date | None:
    if not s:
        return None
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})", s)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def add_months(y: int, m: int, n: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + n
    return k // 12, k % 12 + 1


def week_value(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def week_monday(y: int, w: int) -> date:
    return date.fromisocalendar(y, w, 1)


def season_of(d: date) -> tuple[int, str]:
    """The (year, season) a day falls in; December belongs to that year's winter (WI of Dec–Feb)."""
    if d.month == 12:
        return d.year, "WI"
    if d.month <= 2:
        return d.year - 1, "WI"
    for s, (a, b) in SEASON_MONTHS.items():
        if s != "WI" and a <= d.month <= b:
            return d.year, s
    raise AssertionError(d)


def season_bounds(y: int, s: str) -> tuple[date, date]:
    a, b = SEASON_MONTHS[s]
    if s == "WI":
        return date(y, 12, 1), month_end(y + 1, 2)
    return date(y, a, 1), month_end(y, b)


def value_bounds(value: str) -> tuple[date | None, date | None]:
    """First and last day a TIMEX3 date/time value covers; (None, None) for masked or unknown values."""
    try:
        if m := _DAY.match(value):
            d = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            return d, d
        if m := _MONTH.match(value):
            y, mo = int(m.group(1)), int(m.group(2))
            return date(y, mo, 1), month_end(y, mo)
        if m := _YEAR.match(value):
            y = int(m.group(1))
            return date(y, 1, 1), date(y, 12, 31)
        if m := _WEEK.match(value):
            mon = week_monday(int(m.group(1)), int(m.group(2)))
            if m.group(3) == "-WE":
                return mon + timedelta(days=5), mon + timedelta(days=6)
            if m.group(3):
                d = mon + timedelta(days=int(m.group(3)[1:]) - 1)
                return d, d
            return mon, mon + timedelta(days=6)
        if m := _QUARTER.match(value):
            y, q = int(m.group(1)), int(m.group(2))
            return date(y, 3 * q - 2, 1), month_end(y, 3 * q)
        if m := _HALF.match(value):
            y, h = int(m.group(1)), int(m.group(2))
            return date(y, 6 * h - 5, 1), month_end(y, 6 * h)
        if m := _SEASON.match(value):
            return season_bounds(int(m.group(1)), m.group(2))
        if m := _DECADE.match(value):
            y = int(m.group(1)) * 10
            return date(y, 1, 1), date(y + 9, 12, 31)
        if m := _CENTURY.match(value):
            y = int(m.group(1)) * 100
            return date(max(y, 1), 1, 1), date(y + 99, 12, 31)
    except ValueError:
        pass
    return None, None


def granularity(value: str) -> str:
    """The calendar unit a value names: day, week, month, season, quarter, year, decade, unknown.

    Masked values keep their unit (``XXXX-WXX-1`` is a day, ``XXXX-SU`` a season)."""
    if value in REF_VALUES or value.startswith("P"):
        return "unknown"
    value = value.replace("X", "0")
    if _DAY.match(value):
        return "day"
    if _WEEK.match(value):
        return "day" if re.search(r"-W\d\d-\d$", value) else "week"
    if _MONTH.match(value):
        return "month"
    if _SEASON.match(value):
        return "season"
    if _QUARTER.match(value) or _HALF.match(value):
        return "quarter"
    if _YEAR.match(value):
        return "year"
    if _DECADE.match(value) or _CENTURY.match(value):
        return "decade"
    if re.match(r"^(\d{4}|XXXX)-(\d\d|XX)-(\d\d|XX)", value):
        return "day"
    if re.match(r"^(\d{4}|XXXX)-(\d\d|XX)$", value):
        return "month"
    return "unknown"


def mask_values(values: list[str]) -> str:
    """One value for several candidates: components that differ become X's (``2025-05``/``2026-05``
    → ``XXXX-05``). Used when an expression cannot be pinned because the anchor is only a range."""
    if not values:
        return "XXXX-XX-XX"
    first = values[0]
    if all(v == first for v in values):
        return first
    parts = [re.split(r"(-|T)", v) for v in values]
    if len({len(p) for p in parts}) != 1:
        # different shapes (e.g. a week crossing into another ISO year): keep the common shape loosely
        return re.sub(r"\d", "X", first)
    out = []
    for comps in zip(*parts, strict=False):
        c0 = comps[0]
        if all(c == c0 for c in comps):
            out.append(c0)
        else:
            out.append(re.sub(r"\d", "X", c0))
    return "".join(out)
