"""Plain-language labels for TIMEX3 values, date ranges and publication dates.

The dossier keeps every time value in TIMEX3 form (``XXXX-09``, ``2025-05-05TEV``, ``XXXX-WXX-1``,
``P25Y``, ``195``) because that is what can be compared and scored. A reader needs words:
"September (year not stated; 2024 or 2025)", "the evening of 5 May 2025", "a Monday in late 2025",
"25 years", "the 1950s". :func:`timex_label` is that translation; it is pure (value and bounds in,
text out) and never invents precision: when the year is masked, the years the bounds allow are named;
when only one bound is known the label says "on or after".

The unit names follow TimeML's TIMEX3 guidelines (ISO-TimeML, ISO 24617-1): ``SP/SU/FA/WI`` seasons,
``MO/AF/EV/NI/DT/MI`` parts of day, ``Q``/``H`` quarters and halves, ``WE`` weekends, ``DE``/``CE``
decades and centuries, ``*_REF`` for now/past/future.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable

__all__ = [
    "day_label",
    "duration_label",
    "pubdate_label",
    "range_label",
    "timex_label",
]

MONTHS = list(calendar.month_name)  # "", "January", ...
MONTHS_SHORT = ["", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
SEASONS = {"SP": "spring", "SU": "summer", "FA": "fall", "WI": "winter"}
PARTS_OF_DAY = {"MO": "morning", "AF": "afternoon", "EV": "evening", "NI": "night", "DT": "daytime",
                "MI": "midday"}
ORDINALS = ["", "first", "second", "third", "fourth"]
_UNITS = {"Y": "year", "M": "month", "W": "week", "D": "day", "H": "hour", "S": "second",
          "DE": "decade", "CE": "century", "WE": "weekend", "Q": "quarter"}
_REFS = {"PRESENT_REF": "now (at the time of writing)", "PAST_REF": "in the past",
         "FUTURE_REF": "in the future"}

_ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_DURATION = re.compile(r"^P(?:(?P<date>(?:[\dX.]+(?:DE|CE|WE|[YMWDQ]))*))(?:T(?P<time>(?:[\dX.]+[HMS])*))?$")
_DUR_PART = re.compile(r"([\dX.]+)(DE|CE|WE|[YMWDHSQ])")


def _parse_day(s: str | None) -> dt.date | None:
    if not s:
        return None
    m = _ISO_DAY.match(s)
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def day_label(d: dt.date) -> str:
    """``13 Nov 2025``."""
    return f"{d.day} {MONTHS_SHORT[d.month]} {d.year}"


def iso_day_label(iso: str | None) -> str | None:
    """``2025-11-13`` → ``13 Nov 2025``; None (or what is not an ISO day) passes through."""
    day = _parse_day(iso)
    return day_label(day) if day else iso


def _plural(n: str, unit: str) -> str:
    if n == "X":
        return f"some {'centuries' if unit == 'century' else unit + 's'}"
    num = float(n)
    text = str(int(num)) if num.is_integer() else f"{num:g}"
    if num == 1:
        return f"1 {unit}"
    return f"{text} {'centuries' if unit == 'century' else unit + 's'}"


def duration_label(value: str) -> str | None:
    """``P25Y`` → "25 years", ``PT2H15M`` → "2 hours 15 minutes", ``PXM`` → "some months"."""
    m = _DURATION.match(value)
    if not m or not (m.group("date") or m.group("time")):
        return None
    parts = []
    for n, code in _DUR_PART.findall(m.group("date") or ""):
        if code == "WE" and n == "1":
            parts.append("a weekend")
            continue
        parts.append(_plural(n, _UNITS[code]))
    for n, code in _DUR_PART.findall(m.group("time") or ""):
        parts.append(_plural(n, {"H": "hour", "M": "minute", "S": "second"}[code]))
    return " ".join(parts) if parts else None


def _set_label(value: str) -> str | None:
    """A TIMEX3 SET: ``P1W`` → "every week", ``XXXX-WXX-1`` → "every Monday"."""
    if value.startswith("P"):
        d = duration_label(value)
        if d is None:
            return None
        if d.startswith("1 "):
            return "every " + d[2:]
        if d == "a weekend":
            return "every weekend"
        return "every " + d
    if m := re.match(r"^XXXX-WXX-(\d)$", value):
        return f"every {WEEKDAYS[int(m.group(1)) - 1]}"
    if value == "XXXX-WXX-WE":
        return "every weekend"
    if m := re.match(r"^XXXX-XX-XXT(\w\w)$", value):
        part = PARTS_OF_DAY.get(m.group(1))
        return f"every {part}" if part else None
    if m := re.match(r"^XXXX-(SP|SU|FA|WI)$", value):
        return f"every {SEASONS[m.group(1)]}"
    if value == "XXXX-XX":
        return "every month"
    if value == "XXXX":
        return "every year"
    return None


def _clock(hh: int, mm: int) -> str:
    """18:04 → "6:04 pm"; 12:00 → "noon"; 0:00 → "midnight"."""
    if (hh, mm) == (12, 0):
        return "noon"
    if (hh, mm) in ((0, 0), (24, 0)):
        return "midnight"
    suffix = "am" if hh < 12 else "pm"
    h12 = hh % 12 or 12
    return f"{h12}:{mm:02d} {suffix}" if mm else f"{h12} {suffix}"


def _time_part(t: str) -> str | None:
    """The part after ``T``: ``EV`` → "evening", ``18:04`` → "6:04 pm"."""
    if t in PARTS_OF_DAY:
        return PARTS_OF_DAY[t]
    m = re.match(r"^(\d{2}):?(\d{2})?", t)
    if m:
        return _clock(int(m.group(1)), int(m.group(2) or 0))
    return None


def range_label(earliest: str | None, latest: str | None) -> str | None:
    """Bounds as words: "13 Nov 2025", "Nov 2025", "2025", "between Nov 2024 and Oct 2025",
    "on or after 13 Nov 2025", "on or before 31 Dec 2025"; None when neither bound is a day."""
    lo, hi = _parse_day(earliest), _parse_day(latest)
    if lo and hi:
        if hi < lo:
            lo, hi = hi, lo
        if lo == hi:
            return day_label(lo)
        whole_months = lo.day == 1 and hi.day == calendar.monthrange(hi.year, hi.month)[1]
        if whole_months and (lo.year, lo.month) == (hi.year, hi.month):
            return f"{MONTHS[lo.month]} {lo.year}"
        if whole_months and lo.month == 1 and hi.month == 12:
            return str(lo.year) if lo.year == hi.year else f"between {lo.year} and {hi.year}"
        if whole_months:
            return f"between {MONTHS_SHORT[lo.month]} {lo.year} and {MONTHS_SHORT[hi.month]} {hi.year}"
        return f"between {day_label(lo)} and {day_label(hi)}"
    if lo:
        return f"on or after {day_label(lo)}"
    if hi:
        return f"on or before {day_label(hi)}"
    return None


def _years_between(lo: dt.date | None, hi: dt.date | None, fits: Callable[[int], bool]) -> str:
    """Which years a masked value can fall in, as "2024 or 2025", "2023, 2024 or 2025", "2024 or later"."""
    if lo is None and hi is None:
        return "year not stated"
    if lo is None:
        assert hi is not None
        return f"year not stated; {hi.year} or earlier"
    if hi is None:
        return f"year not stated; {lo.year} or later"
    years = [y for y in range(lo.year, hi.year + 1) if fits(y)] or list(range(lo.year, hi.year + 1))
    if len(years) == 1:
        return f"year not stated; {years[0]}"
    if len(years) > 4:
        return f"year not stated; between {years[0]} and {years[-1]}"
    return "year not stated; " + ", ".join(map(str, years[:-1])) + f" or {years[-1]}"


def _month_fits(month: int, lo: dt.date | None, hi: dt.date | None,
                day: int | None = None) -> Callable[[int], bool]:
    def fits(y: int) -> bool:
        first = dt.date(y, month, day or 1)
        last = dt.date(y, month, day or calendar.monthrange(y, month)[1])
        return (lo is None or last >= lo) and (hi is None or first <= hi)
    return fits


def _part_of_year(lo: dt.date, hi: dt.date) -> str:
    """Where a range lies, in words: "November 2025", "late 2025", "2025", "between Nov 2024 and …"."""
    if (lo.year, lo.month) == (hi.year, hi.month):
        return f"{MONTHS[lo.month]} {lo.year}"
    if lo.year == hi.year:
        for name, a, b in (("early", 1, 4), ("mid-", 5, 8), ("late", 9, 12)):
            if a <= lo.month and hi.month <= b:
                return f"{name}{'' if name.endswith('-') else ' '}{lo.year}"
        return str(lo.year)
    return f"between {MONTHS_SHORT[lo.month]} {lo.year} and {MONTHS_SHORT[hi.month]} {hi.year}"


def _weekday_label(wd: int, lo: dt.date | None, hi: dt.date | None) -> str:
    """``XXXX-WXX-<wd>``: the day itself when the bounds allow only one, else "a Monday in late 2025"."""
    name = WEEKDAYS[wd - 1]
    if lo and hi and (hi - lo).days <= 62:
        days = [lo + dt.timedelta(days=i) for i in range((hi - lo).days + 1)]
        hits = [d for d in days if d.isoweekday() == wd]
        if len(hits) == 1:
            return f"{name} {day_label(hits[0])}"
    if lo and hi:
        where = _part_of_year(lo, hi)
        return f"a {name} {where}" if where.startswith("between") else f"a {name} in {where}"
    if lo:
        return f"a {name} on or after {day_label(lo)}"
    if hi:
        return f"a {name} on or before {day_label(hi)}"
    return f"a {name} (date not stated)"


def _ordinal_century(c: int) -> str:
    n = c + 1
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"the {n}{suffix} century"


def _date_label(value: str, lo: dt.date | None, hi: dt.date | None) -> str | None:
    """A DATE (or the date part of a TIME) value in words, or None if its shape is unknown."""
    if value in _REFS:
        return _REFS[value]
    if m := re.match(r"^(\d{4})-(\d{2})-(\d{2})$", value):
        d = _parse_day(value)
        return day_label(d) if d else None
    if m := re.match(r"^(\d{4})-(\d{2})$", value):
        mo = int(m.group(2))
        return f"{MONTHS[mo]} {m.group(1)}" if 1 <= mo <= 12 else None
    if re.match(r"^\d{4}$", value):
        return value
    if m := re.match(r"^(\d{3})$", value):
        return f"the {m.group(1)}0s"
    if m := re.match(r"^(\d{2})$", value):
        return _ordinal_century(int(m.group(1)))
    if m := re.match(r"^(\d{4})-(SP|SU|FA|WI)$", value):
        y = int(m.group(1))
        return f"winter {y}–{str(y + 1)[2:]}" if m.group(2) == "WI" else f"{SEASONS[m.group(2)]} {y}"
    if m := re.match(r"^(\d{4})-Q([1-4])$", value):
        return f"the {ORDINALS[int(m.group(2))]} quarter of {m.group(1)}"
    if m := re.match(r"^(\d{4})-H([12])$", value):
        return f"the {ORDINALS[int(m.group(2))]} half of {m.group(1)}"
    if m := re.match(r"^(\d{4})-W(\d{2})(-WE|-\d)?$", value):
        try:
            monday = dt.date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
        except ValueError:
            return None
        if m.group(3) == "-WE":
            return f"the weekend of {day_label(monday + dt.timedelta(days=5))}"
        if m.group(3):
            d = monday + dt.timedelta(days=int(m.group(3)[1:]) - 1)
            return f"{WEEKDAYS[d.weekday()]} {day_label(d)}"
        return f"the week of {day_label(monday)}"
    # masked values: the unit is known, the year (or more) is not
    if m := re.match(r"^XXXX-(\d{2})-(\d{2})$", value):
        mo, day = int(m.group(1)), int(m.group(2))
        if not 1 <= mo <= 12:
            return None
        return f"{day} {MONTHS[mo]} ({_years_between(lo, hi, _month_fits(mo, lo, hi, day))})"
    if m := re.match(r"^XXXX-(\d{2})(?:-XX)?$", value):
        mo = int(m.group(1))
        if not 1 <= mo <= 12:
            return None
        return f"{MONTHS[mo]} ({_years_between(lo, hi, _month_fits(mo, lo, hi))})"
    if m := re.match(r"^XXXX-(SP|SU|FA|WI)$", value):
        s = m.group(1)
        first_month = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[s]
        return f"{SEASONS[s]} ({_years_between(lo, hi, _month_fits(first_month, lo, hi))})"
    if m := re.match(r"^XXXX-WXX-(\d)$", value):
        return _weekday_label(int(m.group(1)), lo, hi)
    if value in ("XXXX-WXX-WE",):
        where = _part_of_year(lo, hi) if lo and hi else None
        if where:
            return f"a weekend {where}" if where.startswith("between") else f"a weekend in {where}"
        return "a weekend (date not stated)"
    if re.match(r"^XXXX(-XX){0,2}$", value) or value == "XXXX-WXX":
        return None  # nothing but the unit is known: the bounds say more
    if m := re.match(r"^(\d{4})-XX(-XX)?$", value):
        return m.group(1)
    return None


def timex_label(value: str | None, *, type: str | None = None, earliest: str | None = None,
                latest: str | None = None, kind: str | None = None, approximate: bool = False) -> str:
    """A TIMEX3 value (with its bounds, when known) as words a reader understands.

    Never returns TIMEX3 code: a value of an unknown shape falls back to its bounds ("between …"),
    and with no bounds either to "date not stated".
    """
    value = (value or "").strip()
    lo, hi = _parse_day(earliest), _parse_day(latest)
    label: str | None = None
    if type == "SET":
        label = _set_label(value)
    elif value.startswith("P") and not value.endswith("_REF"):
        label = duration_label(value)
        if label and kind == "age":
            label = f"{label} old"
    else:
        date_part, _, time_part = value.partition("T") if value not in _REFS else (value, "", "")
        if date_part in ("", "XXXX-XX-XX") and time_part:
            label = _time_part(time_part)
        elif re.match(r"^XXXX-WXX-\d$", date_part) and time_part:
            day = _date_label(date_part, lo, hi)
            part = _time_part(time_part)
            label = f"{day}, {part}" if day and part else day
        else:
            day = _date_label(date_part, lo, hi)
            part = _time_part(time_part) if time_part else None
            if day and part:
                label = f"the {part} of {day}" if time_part in PARTS_OF_DAY else f"{day}, {part}"
            else:
                label = day
        if label is None or value in _REFS:
            # unknown shape, or a "now"/"in the past" that the bounds make concrete
            rng = range_label(earliest, latest)
            if rng and value in _REFS:
                label = f"now ({rng})" if value == "PRESENT_REF" else rng
            elif rng:
                label = rng
    if label is None:
        label = "time not stated" if type in ("DURATION", "SET") else "date not stated"
    if approximate and "X" not in value and value not in _REFS and not label.startswith(("on or", "between")):
        label = "about " + label
    return label


_BASIS = {"metadata": "from the page's metadata", "text": "stated in the text",
          "inferred": "inferred, not stated", "unknown": "not stated"}


def pubdate_label(date: str | None, earliest: str | None, latest: str | None, basis: str,
                  short: bool = False) -> str:
    """A publication date: "5 May 2025 (stated in the text)", "between Nov 2024 and Oct 2025
    (inferred, not stated)", "date unknown"; ``short`` names the basis in one word."""
    why = basis if short else _BASIS.get(basis, basis)
    d = _parse_day(date)
    if d:
        return f"{day_label(d)} ({why})"
    rng = range_label(earliest, latest)
    if rng:
        return f"{rng} ({why})"
    return "date unknown"
