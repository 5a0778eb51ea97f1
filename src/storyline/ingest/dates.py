"""Publication dates as printed in metadata or in an article's header: find them, parse them to ISO.

Parsing is dateparser's job (it knows month names, weekdays, time zones, "a.m."); what it cannot do is
say *where* a date ends inside a line such as ``date 2025-05-05 DENVER — ...``, so :data:`DATE_EXPR`
(a regex over the usual news date forms) finds the span and dateparser reads it. Only full dates
(day, month and year) count as a date; a marker that gives the month only (``date 2023-08``) is read
by :data:`MONTH_MARKER_RE` into a month-long range.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache

from storyline.lexicon.en.time import MONTH_PREFIXES, WEEKDAYS
from storyline.options import IngestOptions

# A month name, full or abbreviated (with or without the period); ingest/meta.py uses it too.
MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
          r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_WEEKDAY = (r"(?:Mon(?:day)?|Tue(?:s(?:day)?)?|Wed(?:nesday)?|Thu(?:r(?:s(?:day)?)?)?|Fri(?:day)?"
            r"|Sat(?:urday)?|Sun(?:day)?)\.?,?")
_TIME = (r"\d{1,2}(?::\d{2}){1,2}\s*(?:[ap]\.?m\.?|[AP]\.?M\.?)?(?:\s*(?:[A-Z]{2,4}|UTC[+-]\d{1,2}))?"
         r"|\d{1,2}\s*(?:[ap]\.m\.|[AP]M)(?:\s*[A-Z]{2,4})?")
_DAY_FIRST = rf"\d{{1,2}}\s+{MONTH},?\s+\d{{4}}"
_MONTH_FIRST = rf"{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
_ISO = r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
_NUMERIC = r"\d{1,2}/\d{1,2}/\d{4}"
_CALENDAR = rf"(?:{_WEEKDAY}\s+)?(?:{_MONTH_FIRST}|{_DAY_FIRST}|{_NUMERIC})"

#: A full date as printed in a news header, with an optional clock time before or after it:
#: ``2025-05-05``, ``May 5, 2025``, ``Tue May 6, 2025``, ``3:04 PM EDT, Tue May 6, 2025``,
#: ``Monday, May 5, 2025 at 10:30 a.m. MDT``, ``5 May 2025``, ``05/06/2025``.
DATE_EXPR = (rf"(?:{_ISO}"
             rf"|(?:(?:{_TIME}),?\s+(?:on\s+)?)?{_CALENDAR}(?:,?\s+(?:at\s+)?(?:{_TIME}))?)")
DATE_RE = re.compile(DATE_EXPR)

_MARKER_WORD = (r"(?:(?:first\s+|originally\s+)?published(?:\s+on)?|posted(?:\s+on)?"
                r"|(?:last\s+)?updated(?:\s+on)?|modified(?:\s+on)?|dated?)")
#: A date marker as printed in a header: ``date 2025-05-05``, ``Published May 5, 2025``,
#: ``Updated: 3:04 PM EDT, Tue May 6, 2025`` (group ``kind`` is the marker word, ``date`` the date).
MARKER_RE = re.compile(rf"(?i:(?P<kind>{_MARKER_WORD}))\s*:?\s*(?P<date>{DATE_EXPR})\s*(?:[|•·/,;]\s*)?")

#: A month-only date marker: ``date 2023-08``, ``Published: August 2023`` (group ``month``).
MONTH_MARKER_RE = re.compile(rf"(?i:(?P<kind>{_MARKER_WORD}))\s*:?\s*(?P<month>\d{{4}}-\d{{2}}|{MONTH}\s+\d{{4}})"
                             rf"(?![\w-])\s*(?:[|•·/,;]\s*)?")


def parse_month(value: str) -> str | None:
    """``YYYY-MM`` of a printed month (``2023-08``, ``August 2023``, ``Sept. 2023``); else None."""
    iso = re.fullmatch(r"(\d{4})-(\d{2})", value.strip())
    if iso:
        year, month = int(iso[1]), int(iso[2])
    else:
        words = value.strip().split()
        if len(words) != 2 or not words[1].isdigit():
            return None
        year, month = int(words[1]), MONTH_PREFIXES.get(words[0][:3].lower(), 0)
    return f"{year:04d}-{month:02d}" if 1 <= month <= 12 and 1000 <= year <= 2999 else None


_SETTINGS = {"REQUIRE_PARTS": ["day", "month", "year"], "STRICT_PARSING": True,
             "PREFER_DATES_FROM": "past"}


@lru_cache(maxsize=1024)
def parse_date(value: str) -> str | None:
    """ISO date (``YYYY-MM-DD``) of a printed full date, in the time zone it is printed in; else None."""
    value = value.strip()
    if not value:
        return None
    iso = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?", value)
    if iso:  # ISO dates and timestamps: no need for dateparser (and no ambiguity)
        try:
            return date(int(iso[1]), int(iso[2]), int(iso[3])).isoformat()
        except ValueError:
            return None
    import dateparser  # slow import; only when a non-ISO date is met

    # dateparser does not read "at" before a clock time ("May 5, 2025 at 10:30 a.m.")
    cleaned = re.sub(r"\s+at\s+(?=\d)", " ", value)
    parsed = dateparser.parse(cleaned, languages=["en"], settings=_SETTINGS)
    return parsed.date().isoformat() if isinstance(parsed, datetime) else None


# Publication dates given as metadata must fall in these years: outside them the value is a typo or
# a placeholder (0001-01-01, 9999-12-31), never a news article's date.
METADATA_YEARS = (1000, 2999)
_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")


def as_iso_date(value: object) -> str | None:
    """A metadata value (ISO string, date, datetime, printed date) → ISO date, or None when it is
    not a usable publication date (see :func:`date_problem`)."""
    if date_problem(value):
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return parse_date(value) if isinstance(value, str) else None


def date_problem(value: object) -> str | None:
    """Why ``value`` is not a usable metadata publication date, or None. A metadata date must be a
    full date with its year written out: a relative word ("yesterday", "2 days ago") would be read
    against the day of the run, which is not the day the article was published."""
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        iso = value.isoformat()
    elif isinstance(value, str):
        if not _YEAR.search(value):
            return f"unparsable published date {value!r} (no year; relative dates are not accepted)"
        parsed = parse_date(value)
        if parsed is None:
            return f"unparsable published date {value!r}"
        iso = parsed
    else:
        return f"published date must be a string, found {type(value).__name__}"
    lo, hi = METADATA_YEARS
    if not lo <= int(iso[:4]) <= hi:
        return f"implausible published date {iso} (years {lo}-{hi} are accepted)"
    return None


# A date in an article's address, as CMSs write it: /2023/08/10/, /2023-08-10-, /20230810/, and
# /2023/08/ (the month only).
_URL_DAY = re.compile(r"/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?=[/_.-]|$)"
                      r"|/((?:19|20)\d{2})(\d{2})(\d{2})(?=[/_.-]|$)")
_URL_MONTH = re.compile(r"/((?:19|20)\d{2})/(\d{1,2})(?=/)")


def url_date(url: str | None) -> tuple[str, str] | None:
    """The earliest and latest day an article's own URL dates it to (the same day for
    ``/2023/08/10/``, the month's bounds for ``/2023/08/``), or None."""
    if not url:
        return None
    path = re.sub(r"^[a-z]+://[^/]+", "", url.strip(), flags=re.I).split("?")[0]
    m = _URL_DAY.search(path)
    if m:
        y, mo, d = (m[1], m[2], m[3]) if m[1] else (m[4], m[5], m[6])
        try:
            day = date(int(y), int(mo), int(d)).isoformat()
        except ValueError:
            return None
        return day, day
    m = _URL_MONTH.search(path)
    if m and 1 <= int(m[2]) <= 12:
        first = date(int(m[1]), int(m[2]), 1)
        nxt = date(first.year + first.month // 12, first.month % 12 + 1, 1)
        return first.isoformat(), date.fromordinal(nxt.toordinal() - 1).isoformat()
    return None


def later_than_url(iso: str | None, url: str | None,
                   slack_days: int = IngestOptions().url_date_slack_days) -> tuple[str, str] | None:
    """The URL's date bounds when the stated publication date ``iso`` is later than the date in
    the article's own URL (beyond ``slack_days`` of time-zone slack), else None. A CMS writes the day it
    first published into the address and keeps it; a later stamp on the page is a copy's, a
    re-post's or an update's date, not the article's publication date."""
    bounds = url_date(url)
    if not iso or not bounds:
        return None
    try:
        late = date.fromisoformat(iso).toordinal() - date.fromisoformat(bounds[1]).toordinal()
    except ValueError:
        return None
    return bounds if late > slack_days else None


# "Tuesday, Aug. 8" / "on Tuesday, August 8" with no year: the AP style for a day near the article's
# own date, whose weekday pins the year.
_WEEKDAY_DAY = re.compile(
    r"\b(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
    r"\s+(\d{1,2})(?:st|nd|rd|th)?\b(?!,?\s*\d{4})")


def weekday_year_conflict(iso: str | None, text: str,
                          min_conflicts: int = IngestOptions().min_weekday_conflicts) -> tuple[int, int] | None:
    """(the stated date's year, the year the text's own days fit) when the weekdays the article
    gives with month-days ("Tuesday, Aug. 8", no year) fit none of them in the year of the stated
    publication date ``iso`` (nor the year before for a day later in the year, nor the year after
    for an earlier one), at
    least ``min_conflicts`` times (one mismatch may be a typo), and all fit one earlier year: the date is a later
    copy's. None otherwise."""
    if not iso:
        return None
    try:
        stated = date.fromisoformat(iso)
    except ValueError:
        return None
    fits_stated = misfits = 0
    years: set[int] | None = None
    for m in _WEEKDAY_DAY.finditer(text):
        weekday = next(n - 1 for w, n in WEEKDAYS.items() if w.startswith(m[1].lower()))
        month, day = MONTH_PREFIXES[m[2].lower()[:3]], int(m[3])
        fitting = set()
        for year in range(stated.year - 6, stated.year + 2):
            try:
                if date(year, month, day).weekday() == weekday:
                    fitting.add(year)
            except ValueError:
                continue
        # a day later in the year than the stated date: this year's (ahead) or last year's; an
        # earlier one: this year's or next year's (an event announced ahead)
        later = (month, day) > (stated.month, stated.day)
        near = {stated.year, stated.year - 1} if later else {stated.year, stated.year + 1}
        if fitting & near:
            fits_stated += 1
        else:
            misfits += 1
            years = fitting if years is None else years & fitting
    years = {y for y in years or set() if y < stated.year}
    if fits_stated or misfits < min_conflicts or not years:
        return None
    return stated.year, max(years)
