"""Rule-based finding and normalizing of English news time expressions (HeidelTime-style).

Why hand-written: dateparser's ``search_dates`` returns wrong spans on news text ("year, a",
"12, and", "may" the modal), knows no durations, sets or TIMEX3 units and ignores tense; ctparse
returns one future-biased parse per string (``Monday`` → next Monday) and no spans; timexy only
covers absolute dates and simple durations. None resolves tense-aware against a publication date or
a range. So extraction and normalization are rules here; dateparser parses the numeric absolute
date forms (``3/22/2013``) where its strict mode is reliable.

Each rule yields a :class:`Cand`: a span, a TIMEX3 type and either a fixed value (absolute dates,
durations, sets, ``*_REF``) or a ``rel`` function ``(anchor_day, tense) -> Resolved`` that
:mod:`storyline.analyze.time.expressions` calls with the publication date (or each end of a range).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from storyline.analyze.time.calendar import (
    add_months,
    season_bounds,
    season_of,
    value_bounds,
    week_value,
)
from storyline.lexicon.en.time import (
    FREQUENCY_ADVERBS,
    FUZZY_DURATIONS,
    FUZZY_REFS,
    HOLIDAYS,
    MONTH_PREFIXES,
    NUM_WORDS,
    ORDINALS,
    PARTS_OF_DAY,
    SEASONS,
    UNITS,
    WEEKDAYS,
)
from storyline.model import TimexType

Tense = str  # "past" | "present" | "future"


@dataclass(slots=True)
class Resolved:
    value: str
    earliest: date | None = None  # None: derive from value
    latest: date | None = None


@dataclass(slots=True)
class Cand:
    start: int
    end: int
    type: TimexType
    value: str | None = None  # fixed value (absolute, duration, set, ref)
    rel: Callable[[date, Tense], Resolved] | None = None  # relative to the anchor day
    context: bool = False  # anchored to the previous date in the text rather than publication
    check: str | None = None  # "year": drop when spaCy calls the number CARDINAL/MONEY/...
    priority: int = 0
    template: str | None = None  # the value when the anchor cannot pin it ("XXXX-WXX-1")
    kind: str | None = None  # "age": a person's age (TimeExpr.kind)


# ----------------------------------------------------------------------------- vocabulary

MONTH_FULL = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
MONTH_ABBR = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\."
MONTH_ANY = rf"(?:{MONTH_FULL}|{MONTH_ABBR}|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?=\s+\d))"
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
PART = rf"(?:{'|'.join(PARTS_OF_DAY)})"
SEASON = rf"(?:{'|'.join(SEASONS)})"
VAGUE = r"(?:a\s+few|few|several|many|some|a\s+couple\s+of|a\s+couple|couple\s+of|numerous|recent|the\s+past|the\s+last|the\s+next|the\s+coming)"
_NUMW = ("(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|"
         "six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
         "thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|a\\s+dozen|dozen|hundred|"
         "single)")
_HALF = r"(?:[\s-]+and[\s-]+a[\s-]+half)"
NUM = rf"(?:\d+(?:\s+1/2|½)|\d+(?:\.\d+)?|{_NUMW}{_HALF}?|\d+{_HALF})"
NUM_OR_A = rf"(?:{NUM}|an?(?:\s+and\s+a\s+half)?|a\s+half)"
UNIT = r"(?:second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|century)"
UNITS_PL = r"(?:seconds|minutes|hours|days|nights|weeks|months|quarters|years|decades|centuries)"


def parse_num(s: str) -> float | None:
    """A number written in digits or words ("nine", "twenty-five", "two and a half"); None if vague."""
    s = re.sub(r"\s+", " ", s.strip().lower().replace("-", " "))
    half = 0.0
    if s.endswith("and a half"):
        half, s = 0.5, s[: -len("and a half")].strip()
    elif s.endswith(" 1/2") or s.endswith("½"):
        half, s = 0.5, s.rstrip("½").removesuffix(" 1/2").strip()
    if s in ("a half",):
        return 0.5
    try:
        return float(s.replace(",", "")) + half
    except ValueError:
        pass
    total = 0.0
    for w in s.split():
        if w not in NUM_WORDS:
            return None
        total += NUM_WORDS[w]
    return total + half if total or half else None


def fmt_num(n: float) -> str:
    return str(int(n)) if n == int(n) else f"{n:g}"


def duration_value(n: float | None, unit: str) -> str:
    """TIMEX3 duration: P9Y, P18M, PT3H, PXD (vague), P10Y for a decade (as TempEval annotates)."""
    code = UNITS[unit]
    if code == "DE":
        code, n = ("Y", n * 10) if n is not None else ("DE", None)
    elif code == "CE":
        code, n = ("Y", n * 100) if n is not None else ("CE", None)
    if unit == "fortnight" and n is not None:
        n = n * 2
    q = "X" if n is None else fmt_num(n)
    if code.startswith("T"):
        return f"PT{q}{code[1]}"
    return f"P{q}{code}"


# ----------------------------------------------------------------------------- relative resolvers


def _pick(past: date | tuple, future: date | tuple, anchor: date | tuple, tense: Tense,
          past_le: bool = True):
    """Choose between the nearest occurrence on/before and on/after the anchor by tense."""
    if tense == "future":
        return future
    if tense == "past":
        return past
    # present: the nearer one (ties go to the past: news mostly reports what happened)
    return past if _dist(anchor, past) <= _dist(anchor, future) else future


def _dist(a, b) -> int:
    if isinstance(a, date):
        return abs((a - b).days)
    return abs((a[0] * 12 + a[1]) - (b[0] * 12 + b[1]))


def rel_weekday(wd: int, which: str | None, part: str | None = None):
    def f(anchor: date, tense: Tense) -> Resolved:
        back = anchor - timedelta(days=(anchor.isoweekday() - wd) % 7)
        fwd = anchor + timedelta(days=(wd - anchor.isoweekday()) % 7)
        if which == "last":
            d = back if back < anchor else back - timedelta(days=7)
        elif which == "next":
            d = fwd if fwd > anchor else fwd + timedelta(days=7)
        elif which == "this":
            d = anchor + timedelta(days=wd - anchor.isoweekday())
        else:
            d = _pick(back, fwd, anchor, tense)
        v = d.isoformat() + (f"T{part}" if part else "")
        return Resolved(v, d, d)
    return f


def rel_month(mo: int, which: str | None):
    def f(anchor: date, tense: Tense) -> Resolved:
        cur = (anchor.year, anchor.month)
        back = (anchor.year if mo <= anchor.month else anchor.year - 1, mo)
        fwd = (anchor.year if mo >= anchor.month else anchor.year + 1, mo)
        if which == "last":
            y, m = (anchor.year if mo < anchor.month else anchor.year - 1, mo)
        elif which == "next":
            y, m = (anchor.year if mo > anchor.month else anchor.year + 1, mo)
        elif which == "this":
            y, m = anchor.year, mo
        else:
            y, m = _pick(back, fwd, cur, tense)
        return Resolved(f"{y:04d}-{m:02d}")
    return f


def rel_month_day(mo: int, day: int, weekday: int | None = None):
    def f(anchor: date, tense: Tense) -> Resolved:
        def mk(y: int) -> date:
            try:
                return date(y, mo, day)
            except ValueError:  # Feb 29 in a common year
                return date(y, mo, 28)
        back = mk(anchor.year) if mk(anchor.year) <= anchor else mk(anchor.year - 1)
        fwd = mk(anchor.year) if mk(anchor.year) >= anchor else mk(anchor.year + 1)
        d = fwd if tense == "future" else back  # the most recent such date unless future tense
        if tense == "present":
            d = _pick(back, fwd, anchor, tense)
        if weekday is not None and d.isoweekday() != weekday:
            # "Thursday, Jan. 9": of the nearest occurrences before and after the anchor, the one
            # that falls on that weekday (else the tense's choice stands)
            d = next((x for x in (fwd, back) if x.isoweekday() == weekday), d)
        return Resolved(d.isoformat(), d, d)
    return f


def rel_unit(unit: str, offset: int, part: str | None = None):
    """last/this/next week, month, year, quarter, weekend, decade (offset -1/0/+1)."""
    def f(anchor: date, tense: Tense) -> Resolved:
        if unit == "day":
            d = anchor + timedelta(days=offset)
            return Resolved(d.isoformat() + (f"T{part}" if part else ""), d, d)
        if unit in ("week", "weekend"):
            d = anchor + timedelta(weeks=offset)
            return Resolved(week_value(d) + ("-WE" if unit == "weekend" else ""))
        if unit == "month":
            y, m = add_months(anchor.year, anchor.month, offset)
            return Resolved(f"{y:04d}-{m:02d}")
        if unit == "quarter":
            q = (anchor.month - 1) // 3 + offset
            y = anchor.year + q // 4
            return Resolved(f"{y:04d}-Q{q % 4 + 1}")
        if unit == "decade":
            return Resolved(f"{anchor.year // 10 + offset:03d}")
        if unit == "century":
            return Resolved(f"{anchor.year // 100 + offset:02d}")
        return Resolved(f"{anchor.year + offset:04d}")
    return f


def rel_part_of(unit: str, offset: int, part: str):
    """'earlier this year' (start..anchor), 'later this month' (anchor..end), 'early next year'."""
    base = rel_unit(unit, offset)

    def f(anchor: date, tense: Tense) -> Resolved:
        r = base(anchor, tense)
        lo, hi = value_bounds(r.value)
        if lo is None or hi is None:
            return r
        if offset == 0 and part == "earlier":
            return Resolved(r.value, lo, max(lo, anchor))
        if offset == 0 and part == "later":
            return Resolved(r.value, min(anchor, hi), hi)
        return r
    return f


def rel_season(season: str, which: str | None):
    def f(anchor: date, tense: Tense) -> Resolved:
        cy, cs = season_of(anchor)
        this_y = anchor.year if not (season == "WI" and anchor.month <= 2) else anchor.year - 1
        start_this, end_this = season_bounds(this_y, season)
        if which == "last":
            y = this_y if end_this < anchor else this_y - 1
            if (y, season) == (cy, cs):
                y -= 1
        elif which == "next":
            y = this_y if start_this > anchor else this_y + 1
        elif which == "this":
            y = this_y
        else:
            back = this_y if start_this <= anchor else this_y - 1
            fwd = this_y if end_this >= anchor else this_y + 1
            y = fwd if tense == "future" else back
        return Resolved(f"{y:04d}-{season}")
    return f


def rel_ago(n: float | None, unit: str, sign: int):
    """'two years ago' (unit granularity for years/months/decades; a day for days and weeks)."""
    def f(anchor: date, tense: Tense) -> Resolved:
        if n is None:
            return Resolved("PAST_REF" if sign < 0 else "FUTURE_REF", None if sign < 0 else anchor,
                            anchor if sign < 0 else None)
        k = int(round(n * sign))
        if unit in ("year",):
            return Resolved(f"{anchor.year + k:04d}")
        if unit == "decade":
            return Resolved(f"{anchor.year + 10 * k:04d}")
        if unit == "century":  # "a century earlier": the year a hundred years from the anchor's
            return Resolved(f"{anchor.year + 100 * k:04d}")
        if unit == "month":
            y, m = add_months(anchor.year, anchor.month, k)
            return Resolved(f"{y:04d}-{m:02d}")
        if unit == "quarter":
            y, m = add_months(anchor.year, anchor.month, 3 * k)
            return Resolved(f"{y:04d}-Q{(m - 1) // 3 + 1}")
        days = {"day": 1, "night": 1, "week": 7, "fortnight": 14}.get(unit)
        if days is None:  # hours/minutes ago: the anchor day itself
            return Resolved(anchor.isoformat(), anchor, anchor)
        d = anchor + timedelta(days=days * k)
        return Resolved(d.isoformat(), d, d)
    return f


def rel_quarter(q: int, year_offset: int | None):
    def f(anchor: date, tense: Tense) -> Resolved:
        if year_offset is not None:
            return Resolved(f"{anchor.year + year_offset:04d}-Q{q}")
        cq = (anchor.month - 1) // 3 + 1
        y = anchor.year
        if tense != "future" and q > cq:
            y -= 1
        if tense == "future" and q < cq:
            y += 1
        return Resolved(f"{y:04d}-Q{q}")
    return f


def rel_half(h: int, year_offset: int | None):
    """'the second half' (of this year unless it is still to come and the clause is past)."""
    def f(anchor: date, tense: Tense) -> Resolved:
        if year_offset is not None:
            return Resolved(f"{anchor.year + year_offset:04d}-H{h}")
        back = 1 if tense != "future" and h == 2 and anchor.month <= 6 else 0
        return Resolved(f"{anchor.year - back:04d}-H{h}")
    return f


def rel_holiday(mo: int, day: int | None, nth_weekday: tuple[int, int] | None = None):
    def on(y: int) -> date:
        if nth_weekday:
            wd, n = nth_weekday
            first = date(y, mo, 1)
            d = first + timedelta(days=(wd - first.isoweekday()) % 7 + 7 * (n - 1))
            return d
        return date(y, mo, day or 1)

    def f(anchor: date, tense: Tense) -> Resolved:
        back = on(anchor.year) if on(anchor.year) <= anchor else on(anchor.year - 1)
        fwd = on(anchor.year) if on(anchor.year) >= anchor else on(anchor.year + 1)
        d = _pick(back, fwd, anchor, tense)
        return Resolved(d.isoformat(), d, d)
    return f


def election_day(anchor: date, tense: Tense) -> Resolved:
    """US Election Day: the Tuesday after the first Monday of November (even years)."""
    def on(y: int) -> date:
        first = date(y, 11, 1)
        monday = first + timedelta(days=(1 - first.isoweekday()) % 7)
        return monday + timedelta(days=1)
    back = on(anchor.year) if on(anchor.year) <= anchor else on(anchor.year - 1)
    fwd = on(anchor.year) if on(anchor.year) >= anchor else on(anchor.year + 1)
    d = _pick(back, fwd, anchor, tense)
    return Resolved(d.isoformat(), d, d)


def ref(value: str):
    def f(anchor: date, tense: Tense) -> Resolved:
        if value == "PAST_REF":
            return Resolved(value, None, anchor)
        if value == "FUTURE_REF":
            return Resolved(value, anchor, None)
        return Resolved(value, anchor, anchor)
    return f


# ----------------------------------------------------------------------------- rules


_SENTENCE_START = re.compile(r"(?:^|[.!?][\"”’)]?\s+|\n\s*|[\"“(]\s*)$")
_NAME_AFTER = re.compile(r"\s+(?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\b)[A-Z][a-z]")


def _in_name(m: re.Match[str]) -> bool:
    """A capitalized time word that is part of a Title Case name ("USA Today", "Daily Mail",
    "The Kashmir Daily"): capitalized although not at the start of a sentence, or followed by a
    capitalized word (not a month or weekday)."""
    if not _SENTENCE_START.search(m.string[max(0, m.start() - 4):m.start()]):
        return True
    return bool(_NAME_AFTER.match(m.string, m.end()))


RULES: list[tuple[re.Pattern[str], Callable[[re.Match[str]], Cand | list[Cand] | None]]] = []


def rule(pattern: str, flags: int = 0):
    def deco(fn: Callable[[re.Match[str]], Cand | list[Cand] | None]):
        RULES.append((re.compile(pattern, flags), fn))
        return fn
    return deco


def _mon(s: str) -> int:
    return MONTH_PREFIXES[s.strip(".").lower()[:3]]


def _cand(m: re.Match[str], type_: TimexType, group: int | str = 0, **kw) -> Cand:
    return Cand(m.start(group), m.end(group), type_, **kw)


B = r"(?<![\w$£€.-])"  # not inside a word, number or amount
E = r"(?![\w%-]|\.\d|,\d)"

# absolute day: "March 22, 2013", "Friday, March 22, 2013", "Mar. 22 2013", "March 22nd, 2013"
@rule(rf"(?:{B}|(?<=[a-z]))(?:{WEEKDAY},?\s+)?(?P<mon>{MONTH_ANY})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>1[6-9]\d\d|20\d\d){E}")
def _abs_mdy(m):
    # (a full date glued to the word before it, "todayMarch 27, 2024", is a pasted line break)
    try:
        d = date(int(m["year"]), _mon(m["mon"]), int(m["day"]))
    except ValueError:
        return None
    return _cand(m, "DATE", value=d.isoformat(), priority=3)


# with a clock time: "March 5, 2025 at 9:15 AM ET", "Tue, 4 Mar 2025 14:23:46 GMT"
_WD_ANY = rf"(?:{WEEKDAY}|(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.?)"
_AT_TIME = r",?\s+(?:at\s+)?(?P<h>\d{1,2})[:.](?P<mi>\d\d)(?::(?P<sec>\d\d))?(?:\s*(?P<ap>[aApP])\.?\s?[mM]\.?)?(?![\w:])"


def _date_time(m: re.Match[str]):
    try:
        d = date(int(m["year"]), _mon(m["mon"]), int(m["day"]))
    except ValueError:
        return None
    h, mi = int(m["h"]), int(m["mi"])
    if m["ap"]:
        if not 1 <= h <= 12:
            return None
        h = h % 12 + (12 if m["ap"].lower() == "p" else 0)
    if h > 23 or mi > 59:
        return None
    sec = f":{m['sec']}" if m["sec"] else ""
    return _cand(m, "TIME", value=f"{d.isoformat()}T{h:02d}:{mi:02d}{sec}", priority=4)


@rule(rf"{B}(?:{_WD_ANY},?\s+)?(?P<mon>{MONTH_ANY})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>1[6-9]\d\d|20\d\d){_AT_TIME}")
def _abs_mdy_time(m):
    return _date_time(m)


@rule(rf"{B}(?:{_WD_ANY},?\s+)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{MONTH_ANY}),?\s+(?P<year>1[6-9]\d\d|20\d\d){_AT_TIME}")
def _abs_dmy_time(m):
    return _date_time(m)


# "22 March 2013", "the 22nd of March, 2013"
@rule(rf"{B}(?:the\s+)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{MONTH_ANY}),?\s+(?P<year>1[6-9]\d\d|20\d\d){E}")
def _abs_dmy(m):
    try:
        d = date(int(m["year"]), _mon(m["mon"]), int(m["day"]))
    except ValueError:
        return None
    return _cand(m, "DATE", value=d.isoformat(), priority=3)


# ISO dates "2025-05-05" and numeric US dates "3/22/2013" (dateparser in strict mode does the latter)
@rule(rf"{B}(?P<y>\d{{4}})-(?P<m>\d{{2}})-(?P<d>\d{{2}})(?![\w-])")
def _abs_iso(m):
    try:
        d = date(int(m["y"]), int(m["m"]), int(m["d"]))
    except ValueError:
        return None
    return _cand(m, "DATE", value=d.isoformat(), priority=3)


@rule(rf"{B}\d{{1,2}}/\d{{1,2}}/(?:\d{{4}}|\d{{2}})(?![\w/])")
def _abs_numeric(m):
    import dateparser

    parsed = dateparser.parse(m.group(0), languages=["en"],
                              settings={"DATE_ORDER": "MDY", "STRICT_PARSING": True})
    if parsed is None:
        return None
    return _cand(m, "DATE", value=parsed.date().isoformat(), priority=3)


# month + day without year: "Nov. 12", "Friday, March 22", "March 22nd", "the 22nd of March"
@rule(rf"{B}(?:(?P<wd>{WEEKDAY}),?\s+)?(?P<mon>{MONTH_ANY})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?![\w%]|\.\d|,\d|:\d|,?\s+(?:1[6-9]|20)\d\d)")
def _month_day(m):
    day, mo = int(m["day"]), _mon(m["mon"])
    if not 1 <= day <= 31:
        return None
    wd = WEEKDAYS.get(m["wd"].lower()) if m["wd"] else None
    return _cand(m, "DATE", rel=rel_month_day(mo, day, wd), priority=2)


@rule(rf"{B}(?:the\s+)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{MONTH_FULL})(?![\w]|,?\s+\d)")
def _day_month(m):
    day, mo = int(m["day"]), _mon(m["mon"])
    if not 1 <= day <= 31:
        return None
    return _cand(m, "DATE", rel=rel_month_day(mo, day), priority=2)


# month + year: "October 2024", "Oct. 2024", "early October 2024", "October of 2024"
@rule(rf"{B}(?:(?i:early|mid-?|late|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of)\s*)?(?P<mon>{MONTH_ANY}),?\s+(?:of\s+)?(?P<year>1[6-9]\d\d|20\d\d){E}")
def _month_year(m):
    return _cand(m, "DATE", value=f"{int(m['year']):04d}-{_mon(m['mon']):02d}", priority=2)


@rule(rf"{B}(?P<mon>{MONTH_FULL})\s+(?:of\s+)?(?P<which>(?i:last|this|next))\s+(?i:year)\b")
def _month_of_rel_year(m):
    off = {"last": -1, "this": 0, "next": 1}[m["which"].lower()]
    mo = _mon(m["mon"])
    return _cand(m, "DATE", rel=lambda a, t: Resolved(f"{a.year + off:04d}-{mo:02d}"), priority=2)


# month alone, only in a temporal context: "in May", "last October", "early December", "late last July"
_MONTH_PREP = r"(?:in|since|by|until|till|through|from|before|after|during|of|to|between|throughout|around|mid|as\s+of|and|or|its|their|his|her|the|a|an)"
@rule(rf"(?:(?P<prep>\b(?i:{_MONTH_PREP}))\s+)?{B}(?P<mod>(?i:(?:(?:early|mid-?|late|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of)\s*)?(?:last|this|next|past)?)\s*)(?P<mon>{MONTH_FULL})(?![\w-]|\s+\d)")
def _month(m):
    mod = (m["mod"] or "").strip().lower()
    if not mod and not m["prep"]:
        return None
    prep = re.sub(r"\s+", " ", (m["prep"] or "").lower())
    if m["mon"] == "May" and not mod and prep in ("of", "to", "between", "by", "and", "or", "the",
                                                  "its", "their", "his", "her", "a", "an"):
        return None  # "Theresa May", "... to May" the name; keep "in May", "since May"
    which = next((w for w in ("last", "next", "this") if re.search(rf"\b{w}\b", mod)), None)
    if "past" in mod:
        which = "last"
    rel = rel_month(_mon(m["mon"]), which)
    if not mod and prep == "the" and _SCHEDULED.match(m.string, m.end()) and \
            _BEFORE_THE.search(m.string[max(0, m.start() - 30):m.start("mon")]):
        # "the November election", "the June hearing": the nearest one, whatever the clause's
        # tense ("Polls closed weeks before the November election" written in September)
        rel = _coming_month(rel)
    return Cand(m.start("mod") if mod else m.start("mon"), m.end("mon"), "DATE", rel=rel,
                priority=1)


def _coming_month(month_rel: Callable[[date, Tense], Resolved]) -> Callable[[date, Tense], Resolved]:
    """The nearest occurrence of the month, the coming one when both are as near (a happening the
    text looks forward to: "before the November election" written in May is this year's)."""
    def f(anchor: date, tense: Tense) -> Resolved:
        back, ahead = month_rel(anchor, "past"), month_rel(anchor, "future")
        here = anchor.year * 12 + anchor.month
        months = [int(v[:4]) * 12 + int(v[5:7]) for v in (back.value, ahead.value)]
        return back if here - months[0] < months[1] - here else ahead
    return f


# scheduled happenings named by their month, looked forward to ("weeks before the November
# election"): the month is the nearest one, not the one the clause's tense points at
_BEFORE_THE = re.compile(r"(?i)\b(?:before|ahead\s+of|until|till|up\s+to|run-up\s+to|toward|towards)\s+the\s+$")
_SCHEDULED = re.compile(r"\s+(?:general\s+|presidential\s+|midterm\s+|local\s+)?(?:elections?|votes?|"
                        r"referendum|primary|primaries|runoff|ballot|polls|caucus(?:es)?|hearing|"
                        r"trial|summit|deadline|meeting|conference|launch|draft|auction|deadline)\b")


# years: "2024", "early 2011", "fiscal 2013", "the end of 2012"; checked against spaCy's NER later
@rule(rf"{B}(?P<mod>(?i:(?:early|mid-?|late|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of|fiscal(?:\s+year)?)\s*))?(?P<year>1[6-9]\d\d|20\d\d)(?![\w%]|\.\d|,\d|\s*(?:%|percent\b|per\s+cent\b))")
def _year(m):
    val = m["year"]
    if int(val) < 1900 and not m["mod"] and not re.search(
            r"(?i)\b(?:in|since|of|from|by|until|before|after|around|circa|c\.|year)\s+$",
            m.string[max(0, m.start() - 8):m.start()]):
        return None  # "1600 Pennsylvania Avenue": an older year needs a temporal preposition
    return _cand(m, "DATE", value=val, check=None if m["mod"] else "year", priority=1)


# decades and centuries: "the 1990s", "the '90s", "the early 2000s", "the 20th century"
@rule(rf"{B}(?:(?i:the)\s+)?(?:(?i:early|mid-?|late)\s*)?(?P<dec>(?:1[6-9]|20)\d)0'?s\b")
def _decade(m):
    return _cand(m, "DATE", value=m["dec"], priority=2)


@rule(r"(?i)\b(?:the\s+)?(?:early\s+|mid-?|late\s+)?'(?P<dec>\d)0s\b")
def _decade_short(m):
    d = int(m["dec"])
    return _cand(m, "DATE", value=("19" if d >= 2 else "20") + str(d), priority=2)


@rule(r"(?<![\w'’])(?P<x>(?:(?i:the)\s+)?(?:(?i:early|mid-?|late)\s*)?(?P<dec>[2-9])0s)\b")
def _decade_two_digit(m):
    # "the 70s" (not "in their 70s", an age); the 1900s are assumed for two-digit decades
    if re.search(r"(?i)\b(?:their|his|her|our|its|my|your|in)\s+$", m.string[max(0, m.start() - 8):m.start()]) \
            and not m["x"].lower().startswith("the"):
        return None
    return Cand(m.start("x"), m.end("x"), "DATE", value="19" + m["dec"], priority=1)


@rule(r"(?i)(?:\b(?:in|since|of|from|until|by|before|after|class\s+of)\s+)(?P<x>['’](?P<y>\d\d))\b(?!s)")
def _two_digit_year(m):
    y = int(m["y"])
    return Cand(m.start("x"), m.end("x"), "DATE", value=f"{1900 + y if y >= 30 else 2000 + y}", priority=1)


@rule(r"(?i)\b(?:the\s+)?(?P<n>\d{1,2})(?:st|nd|rd|th)[\s-]+century\b")
def _century(m):
    return _cand(m, "DATE", value=f"{int(m['n']) - 1:02d}", priority=2)


# weekdays: "Monday", "last Friday", "Monday night", "this Wednesday"
@rule(rf"{B}(?:(?P<which>(?i:last|this|next|past))\s+)?(?P<wd>{WEEKDAY})(?:\s+(?P<part>(?i:{PART})))?(?!\w|['’](?!s\b))")
def _weekday(m):
    part = PARTS_OF_DAY[m["part"].lower()] if m["part"] else None
    which = (m["which"] or "").lower() or None
    which = "last" if which == "past" else which
    wd = WEEKDAYS[m["wd"].lower()]
    rel = rel_weekday(wd, which, part)
    if which is None and re.search(r"(?i)\b(?:until|till|through)\s+$", m.string[max(0, m.start() - 10):m.start()]):
        # "suspended until Wednesday", "ran until Sunday": the end of a stretch, the nearest such
        # day whatever the tense (the clause's past tense is the stretch's start)
        weekday_rel = rel
        rel = lambda a, t: weekday_rel(a, "present")  # noqa: E731
    return _cand(m, "TIME" if part else "DATE", rel=rel, priority=1,
                 template=f"XXXX-WXX-{wd}" + (f"T{part}" if part else ""))


def _with_part(rel: Callable[[date, Tense], Resolved], part: str):
    def f(anchor: date, tense: Tense) -> Resolved:
        r = rel(anchor, tense)
        return Resolved(f"{r.value}T{part}", r.earliest, r.latest)
    return f


# "the morning of March 19", "the night of Aug. 3, 2021"
@rule(rf"(?i)\b(?:the\s+)?(?P<part>morning|afternoon|evening|night)\s+of\s+(?:(?-i:{WEEKDAY}),?\s+)?(?P<mon>(?-i:{MONTH_ANY}))\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<year>1[6-9]\d\d|20\d\d))?(?![\w%]|\.\d|,\d|:\d)")
def _part_of_date(m):
    part = PARTS_OF_DAY[m["part"].lower()]
    day, mo = int(m["day"]), _mon(m["mon"])
    if m["year"]:
        try:
            d = date(int(m["year"]), mo, day)
        except ValueError:
            return None
        return _cand(m, "TIME", value=f"{d.isoformat()}T{part}", priority=3)
    if not 1 <= day <= 31:
        return None
    return _cand(m, "TIME", rel=_with_part(rel_month_day(mo, day), part), priority=3)


@rule(rf"(?i)\bovernight\s+(?:on\s+)?(?P<wd>(?-i:{WEEKDAY}))\b")
def _overnight(m):
    wd = WEEKDAYS[m["wd"].lower()]
    return _cand(m, "TIME", rel=rel_weekday(wd, None, "NI"), priority=2, template=f"XXXX-WXX-{wd}TNI")


# today / yesterday / tomorrow / tonight, with an optional part of the day, "earlier today"
@rule(rf"(?i)\b(?:(?P<mod>earlier|later|late|early)\s+)?(?P<w>today|yesterday|tomorrow|tonight)(?:\s+(?P<part>{PART}))?(?![\w]|['’](?!s\b))")
def _deictic(m):
    if m["w"] == "Today" and _in_name(m):
        return None  # a title: "USA Today", "<Country> Today"
    w = m["w"].lower()
    off = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[w]
    part = PARTS_OF_DAY[m["part"].lower()] if m["part"] else ("NI" if w == "tonight" else None)
    return _cand(m, "TIME" if part else "DATE", rel=rel_unit("day", off, part), priority=1)


@rule(rf"(?i)\b(?:(?P<which>this|last|yesterday|tomorrow)\s+)(?P<part>{PART})\b")
def _part_of_day(m):
    which = m["which"].lower()
    part = PARTS_OF_DAY[m["part"].lower()]
    off = {"this": 0, "last": -1 if part == "NI" else 0, "yesterday": -1, "tomorrow": 1}[which]
    if which == "last" and part != "NI":
        return None
    return _cand(m, "TIME", rel=rel_unit("day", off, part), priority=1)


# last/this/next week|month|year|quarter|weekend|decade, with "early", "earlier", "later", "the end of"
_POS = r"(?:(?P<part>early|earlier|later|late|mid-?|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of|the\s+rest\s+of|the\s+remainder\s+of)\s*)?"
@rule(rf"(?i)\b{_POS}(?P<which>this\s+past|last|this|next|the\s+current|the\s+previous|the\s+coming|the\s+past|the\s+last|the\s+following|the\s+next)\s+(?:(?P<fiscal>fiscal|calendar)\s+)?(?P<unit>week|weekend|month|year|quarter|decade|century)\b(?!-|['’](?!s\b))")
def _rel_unit(m):
    which = re.sub(r"\s+", " ", m["which"].lower())
    unit = m["unit"].lower()
    part = (m["part"] or "").lower().strip()
    if which in ("the past", "the coming", "the following", "the next"):
        # "the past year", "the coming months": a stretch of time, not a calendar unit
        if part:
            return None
        n = 1.0
        return _cand(m, "DURATION", value=duration_value(n, "year" if unit == "year" else unit)
                     if unit != "weekend" else "P1WE", priority=1)
    if which == "this past" and unit == "weekend":
        return _cand(m, "DATE", rel=_recent_weekend, priority=2)
    if which == "this past" and unit == "week":
        # the week that is ending: the one the day before the anchor falls in
        return _cand(m, "DATE", rel=lambda a, t: Resolved(week_value(a - timedelta(days=1))),
                     priority=2)
    off = {"last": -1, "this": 0, "next": 1, "the current": 0, "the previous": -1, "the last": -1,
           "this past": -1}[which]
    if part in ("earlier", "later"):
        return _cand(m, "DATE", rel=rel_part_of(unit, off, part), priority=2)
    return _cand(m, "DATE", rel=rel_unit(unit, off), priority=2)


@rule(r"(?i)\b(?P<pos>the\s+end|the\s+beginning|the\s+start|the\s+middle)\s+of\s+the\s+(?P<unit>year|month|week)\b")
def _end_of_the(m):
    return _cand(m, "DATE", rel=rel_unit(m["unit"].lower(), 0), priority=1)


# seasons: "last fall", "this spring", "in the summer", "summer 2024", "the fall of 2024"
@rule(rf"(?i)\b(?:(?P<pos>early|late|mid-?)\s*)?(?:(?P<which>last|this|next|the\s+past)\s+)(?P<s>{SEASON})\b(?!['’-])")
def _season_rel(m):
    which = m["which"].lower()
    which = "last" if "past" in which else which
    return _cand(m, "DATE", rel=rel_season(SEASONS[m["s"].lower()], which), priority=1)


@rule(rf"(?i)\b(?:(?:early|late|mid-?)\s*)?(?:the\s+)?(?P<s>{SEASON})(?:\s+of)?\s+(?P<year>1[6-9]\d\d|20\d\d)\b")
def _season_abs(m):
    return _cand(m, "DATE", value=f"{m['year']}-{SEASONS[m['s'].lower()]}", priority=2)


@rule(rf"(?i)\b(?:in|during|over|through|until|by|since)\s+(?P<x>the\s+(?P<s>{SEASON}))\b(?!['’-]|\s+of\b)")
def _season_bare(m):
    return Cand(m.start("x"), m.end("x"), "DATE", rel=rel_season(SEASONS[m["s"].lower()], None),
                priority=1)


def _recent_weekend(anchor: date, tense: Tense) -> Resolved:
    """The weekend just past (or, in a future clause, the coming one)."""
    sat = anchor - timedelta(days=(anchor.isoweekday() - 6) % 7)  # Saturday on/before
    if tense == "future":
        sat = anchor + timedelta(days=(6 - anchor.isoweekday()) % 7)
    return Resolved(week_value(sat) + "-WE")


@rule(r"(?i)\b(?:over|during|on|at|for|this|last|next|past)\s+(?P<x>the\s+weekend)\b(?!['’-])")
def _the_weekend(m):
    return Cand(m.start("x"), m.end("x"), "DATE", rel=_recent_weekend, priority=1)


@rule(r"(?i)\b(?:after|over|during|through|following|since|from)\s+an?\s+(?:[a-z]+\s+){0,2}?(?P<x>weekend)\b(?!['’-]|\s+(?:trip|getaway|break|visit|retreat)s?\b)")
def _a_weekend(m):
    # "after a tumultuous weekend": the weekend just past (in a future clause the coming one)
    return Cand(m.start("x"), m.end("x"), "DATE", rel=_recent_weekend, priority=0)


@rule(r"(?i)\b(?:on|for|during|late\s+in|earlier\s+in|later\s+in|early\s+in|end(?:s|ed|ing)?|finish(?:es|ed|ing)?|clos(?:e|es|ed|ing))\s+(?P<x>the\s+day)\b(?!['’-]|\s+(?:before|after|when|that|of|on|in|he|she|they|it|we)\b)")
def _the_day(m):
    # "shares fell 3% on the day": the day of the nearest reported date, else publication
    return Cand(m.start("x"), m.end("x"), "DATE", rel=rel_unit("day", 0), context=True, priority=0)


# a bare "first half" is a half-year only among words of reporting periods and figures
_PERIOD_CONTEXT = re.compile(r"(?i)\b(?:fiscal|quarter(?:ly)?|profits?|revenues?|sales|earnings|"
                             r"growth|econom\w*|percent|output|inflation|gdp|forecasts?|budget|"
                             r"deficit|exports?|imports?|prices?|income)\b|%")


# quarters and halves: "the first quarter", "the fourth quarter of 2012", "Q3", "the second half"
@rule(r"(?i)\b(?:the\s+)?(?P<ord>first|second|third|fourth|final|1st|2nd|3rd|4th)[\s-]+(?P<u>quarter|half)(?:\s+of\s+(?P<rest>(?P<year>1[6-9]\d\d|20\d\d)|this\s+year|last\s+year|next\s+year|the\s+year))?\b(?!-)")
def _quarter(m):
    o = m["ord"].lower()
    n = 4 if o == "final" else ORDINALS[o]
    if m["u"].lower() == "half":
        if n > 2:
            return None
        if m["year"]:
            return _cand(m, "DATE", value=f"{m['year']}-H{n}", priority=2)
        if not m["rest"] and not _PERIOD_CONTEXT.search(
                m.string[max(0, m.start() - 150):m.end() + 150]):
            return None  # "a first-half goal", "in the second half" of a match: not a half-year
        off = {"this year": 0, "last year": -1, "next year": 1, "the year": 0}.get(
            re.sub(r"\s+", " ", (m["rest"] or "").lower()))
        return _cand(m, "DATE", rel=rel_half(n, off), priority=2)
    if m["year"]:
        return _cand(m, "DATE", value=f"{m['year']}-Q{n}", priority=2)
    rest = re.sub(r"\s+", " ", (m["rest"] or "").lower())
    off = {"this year": 0, "last year": -1, "next year": 1, "the year": 0}.get(rest)
    return _cand(m, "DATE", rel=rel_quarter(n, off), priority=2)


@rule(r"\bQ(?P<q>[1-4])(?:\s+(?P<year>(?:19|20)\d\d))?\b")
def _q(m):
    q = int(m["q"])
    if m["year"]:
        return _cand(m, "DATE", value=f"{m['year']}-Q{q}", priority=2)
    return _cand(m, "DATE", rel=rel_quarter(q, None), priority=2)


# holidays with a fixed date, Thanksgiving, Election Day
@rule(r"\b(?P<h>Christmas(?:\s+(?:Day|Eve))?|New\s+Year's\s+(?:Day|Eve)|Independence\s+Day|Halloween|Valentine's\s+Day|Veterans\s+Day|Juneteenth|Thanksgiving(?:\s+Day)?|Election\s+Day)(?!\s+(?:sales|season|period))\b")
def _holiday(m):
    h = re.sub(r"\s+", " ", m["h"].lower())
    if h.startswith("thanksgiving"):
        return _cand(m, "DATE", rel=rel_holiday(11, None, (4, 4)), priority=1)
    if h == "election day":
        return _cand(m, "DATE", rel=election_day, priority=1)
    mo, d = HOLIDAYS[h]
    return _cand(m, "DATE", rel=rel_holiday(mo, d), priority=1)


# "N units ago", "a year ago", "weeks ago"; "N units later/earlier" anchor on the previous date
@rule(rf"(?i)\b(?:(?:about|some|nearly|almost|more\s+than|less\s+than|just|only|roughly|around)\s+)?(?:(?P<n>{NUM_OR_A})\s+(?P<unit>{UNIT})s?|(?P<vague>{VAGUE}\s+)?(?P<units>{UNITS_PL}))\s+(?P<dir>ago|earlier|later|before|after|hence|from\s+now)\b")
def _ago(m):
    unit = (m["unit"] or m["units"][:-1] if m["unit"] or m["units"] else "day").lower()
    if unit == "centurie":
        unit = "century"
    n = parse_num(m["n"]) if m["n"] else None
    d = re.sub(r"\s+", " ", m["dir"].lower())
    if n is None and d in ("earlier", "later"):
        # "hours later", "a few days earlier": how long after, not a calendar date (TimeML)
        return Cand(m.start(), m.start("dir") - 1, "DURATION", value=duration_value(None, unit),
                    priority=2)
    if d in ("ago", "hence", "from now"):
        return _cand(m, "DATE", rel=rel_ago(n, unit, -1 if d == "ago" else 1), priority=3)
    if d in ("before", "after"):
        # "two days before the vote": a duration linked to an event, as TimeML annotates it
        return Cand(m.start(), m.start("dir") - 1, "DURATION", value=duration_value(n, unit), priority=2)
    return _cand(m, "DATE", rel=rel_ago(n, unit, -1 if d == "earlier" else 1), context=True,
                 priority=3)


# "earlier this year" etc. handled by _rel_unit; "the next day", "the day before", "that day"
# "the night prior", "the day before" at the end of a clause: counted from the date mentioned last
@rule(r"(?i)\bthe\s+(?P<unit>day|morning|evening|night)\s+(?:before|prior)(?=\s*[,.;)—–]|\s*$|\s+(?:and|but|when|as)\b)")
def _unit_prior(m):
    unit = m["unit"].lower()
    part = PARTS_OF_DAY.get(unit)
    return _cand(m, "TIME" if part else "DATE", rel=rel_unit("day", -1, part), context=True,
                 priority=1)


@rule(r"(?i)\b(?:the\s+(?P<rel>next|following|previous|prior|same)\s+(?P<unit>day|week|month|year|morning|evening|night)|(?P<that>that|the\s+same)\s+(?P<u2>day|week|month|year|morning|evening|night))\b(?!['’-])")
def _context_unit(m):
    unit = (m["unit"] or m["u2"]).lower()
    rel = (m["rel"] or "same").lower()
    off = {"next": 1, "following": 1, "previous": -1, "prior": -1, "same": 0}[rel]
    part = PARTS_OF_DAY.get(unit)
    if part:
        unit = "day"
    if unit == "day":
        return _cand(m, "TIME" if part else "DATE", rel=rel_unit("day", off, part), context=True,
                     priority=1)
    if off == 0:
        return _cand(m, "DATE", rel=rel_unit(unit, 0), context=True, priority=1)
    return _cand(m, "DATE", rel=rel_ago(1, unit, off), context=True, priority=1)


# durations: "nine-year", "69-year-old", "nine years", "a month", "18 months", "the past two years",
# "two and a half years", "almost seven years", "months-long", "decades-old"
_DUR_PRE = r"(?:(?:the\s+(?:past|last|next|first|coming|previous|following|entire|full|whole)\s+)|(?:a\s+mere|almost|nearly|more\s+than|less\s+than|over|at\s+least|at\s+most|up\s+to|just\s+over|just\s+under|just|only|another|an\s+additional|a\s+full|the\s+full|a\s+further)\s+)?"
@rule(rf"(?i)(?<![\w$£€.,-]){_DUR_PRE}(?P<n>{NUM_OR_A})[\s-]+(?P<extra>(?:straight|consecutive|full|long|more|additional|calendar|trading|business|working|school|[Ee]arth)\s+)?(?P<unit>{UNIT})(?P<pl>s)?(?P<adj>-old|-long|\s+old\b)?(?![\w'’]|-(?!old|long))")
def _duration(m):
    n = parse_num(m["n"])
    unit = m["unit"].lower()
    if n is None or (m["pl"] and m["n"].lower() in ("a", "an")):
        return None  # "a months-long": the adjective rule below takes "months-long"
    if unit == "second" and not re.match(r"\d", m["n"]) and not m["pl"] and n == 1:
        return None  # "a second term"
    if unit in ("night",) and n == 1 and m["n"].lower() in ("a", "an"):
        return None
    if unit == "quarter" and not m["pl"] and _FRACTION_OF.match(m.string, m.end()):
        return None  # "a quarter of the companies": a share, not three months
    return _cand(m, "DURATION", value=duration_value(n, unit), priority=2)


_FRACTION_OF = re.compile(rf"\s+of\s+(?!(?:an?|the|this|that|last|next)?\s*(?:{UNIT}s?|(?:19|20)\d\d)\b)", re.I)


@rule(rf"(?i)\b(?P<pre>the\s+(?:past|last|next|coming|previous|following|first)\s+|over\s+the\s+(?:past|last|next)\s+)?(?P<vague>a\s+few|few|several|many|some|a\s+couple\s+of|couple\s+of|recent|the\s+past\s+(?:few|several)|the\s+next\s+(?:few|several)|the\s+last\s+(?:few|several)|the\s+coming)\s+(?P<units>{UNITS_PL})\b(?!['’-])")
def _vague_duration(m):
    unit = m["units"].lower()[:-1]
    unit = "century" if unit == "centurie" else unit
    n = 2 if re.match(r"(?i)(?:a\s+)?couple\s+of", m["vague"]) else None  # "a couple of weeks": two
    return _cand(m, "DURATION", value=duration_value(n, unit), priority=1)


@rule(rf"(?i)\b(?P<units>{UNITS_PL})long\b")
def _units_long_solid(m):
    unit = m["units"].lower()[:-1]
    unit = "century" if unit == "centurie" else unit
    return _cand(m, "DURATION", value=duration_value(None, unit), priority=1)


# compound durations: "3 hours and 20 minutes", "two years, six months" → one value (PT3H20M)
_COMPOUND_ORDER = ("year", "month", "week", "day", "hour", "minute", "second")
_COMPOUND_CODE = {"year": "Y", "month": "M", "week": "W", "day": "D", "hour": "H", "minute": "M",
                  "second": "S"}


_COMPOUND_PART = rf"(?P<n>{NUM_OR_A})[\s-]+(?P<u>year|month|week|day|hour|minute|second)s?"
_COMPOUND_PART_RE = re.compile(rf"(?i){_COMPOUND_PART}")
_COMPOUND_SEP = r"(?:\s*,\s*(?:and\s+)?|\s+and\s+)"
_COMPOUND_ANY = _COMPOUND_PART.replace("?P<n>", "?:").replace("?P<u>", "?:")


# "3 hours and 20 minutes", "2 years, 4 months and 9 days" → one value (PT3H20M, P2Y4M9D)
@rule(rf"(?i)(?<![\w$£€.,-]){_COMPOUND_ANY}(?:{_COMPOUND_SEP}{_COMPOUND_ANY}){{1,3}}\b(?![\w'’-])")
def _compound_duration(m):
    parts = [(parse_num(p["n"]), p["u"].lower()) for p in _COMPOUND_PART_RE.finditer(m.group(0))]
    order = [_COMPOUND_ORDER.index(u) for _, u in parts]
    if any(n is None for n, _ in parts) or any(a >= b for a, b in zip(order, order[1:], strict=False)):
        return None  # units must run from larger to smaller ("10 days and 3 weeks" is two things)
    date_part = time_part = ""
    for n, u in parts:
        if u in ("hour", "minute", "second"):
            time_part += f"{fmt_num(n)}{_COMPOUND_CODE[u]}"  # type: ignore[arg-type]
        else:
            date_part += f"{fmt_num(n)}{_COMPOUND_CODE[u]}"  # type: ignore[arg-type]
    value = "P" + date_part + ("T" + time_part if time_part else "")
    return _cand(m, "DURATION", value=value, priority=3)


# ages: "Ruiz, 54, said", "two men aged 26 and 35", "at age 19" → P54Y (as TimeML annotates ages)
@rule(r"(?<=[A-Za-z.)]),\s(?P<n>\d{1,3}),(?=\s)")
def _age_appositive(m):
    n = int(m["n"])
    if not 1 <= n <= 120:
        return None
    return Cand(m.start("n"), m.end("n"), "DURATION", value=f"P{n}Y", check="age", priority=1,
                kind="age")


@rule(r"(?i)\b(?P<x>(?:aged?|ages)\s+(?P<n>\d{1,3}))(?:\s*(?:,|and|or|to|-|–)\s*(?P<m>\d{1,3}))?\b(?![\w%.,]\d)")
def _age_aged(m):
    out = [Cand(m.start("x"), m.end("x"), "DURATION", value=f"P{int(m['n'])}Y", priority=2,
                kind="age")]
    if m["m"]:
        out.append(Cand(m.start("m"), m.end("m"), "DURATION", value=f"P{int(m['m'])}Y", priority=2,
                        kind="age"))
    return out


# the first number of a range shares the unit: "17 to 20 years" → 17 is P17Y too
@rule(rf"(?i)(?<![\w$£€.,-])(?P<n>\d+|{_NUMW})\s+(?:to|or|-|–)\s+(?:{NUM})[\s-]+(?P<unit>{UNIT})s?\b(?![\w'’-])")
def _range_first(m):
    n = parse_num(m["n"])
    if n is None:
        return None
    return Cand(m.start("n"), m.end("n"), "DURATION", value=duration_value(n, m["unit"].lower()),
                priority=1)


# year ranges: "2031-40", "2019–20", "2019-2021" → two years
@rule(rf"{B}(?P<y1>(?:19|20)\d\d)[-–](?P<y2>(?:19|20)?\d\d)(?![-–/\d\w])")
def _year_range(m):
    y1 = int(m["y1"])
    y2 = int(m["y2"]) if len(m["y2"]) == 4 else y1 // 100 * 100 + int(m["y2"])
    if y2 <= y1 or y2 - y1 > 100:
        return None
    return [Cand(m.start("y1"), m.end("y1"), "DATE", value=str(y1), priority=2),
            Cand(m.start("y2"), m.end("y2"), "DATE", value=str(y2), priority=2)]


# ISO months "2023-08": a month where it cannot be a year range (the second number would end the
# range before it starts) or where a date marker announces it ("date 2011-12", "updated 2019-05")
_DATE_MARKER_BEFORE = re.compile(r"(?i)\b(?:date[d:]?|published|posted|updated|modified|as\s+of)\s*:?\s*$")


@rule(rf"{B}(?P<y>(?:19|20)\d\d)-(?P<m>0[1-9]|1[0-2])(?![-–/\d\w])")
def _iso_month(m):
    y, mo = int(m["y"]), int(m["m"])
    if mo > y % 100 and not _DATE_MARKER_BEFORE.search(m.string[max(0, m.start() - 20):m.start()]):
        return None  # "2011-12", "the 2007-08 season": a range (see _year_range)
    return _cand(m, "DATE", value=f"{y:04d}-{mo:02d}", priority=2)


@rule(rf"(?i)\b(?P<units>{UNITS_PL})(?P<adj>-long|-old|\s+long)\b")
def _units_long(m):
    unit = m["units"].lower()[:-1]
    unit = "century" if unit == "centurie" else unit
    return _cand(m, "DURATION", value=duration_value(None, unit), priority=1)


@rule(rf"(?i)\b(?:for|over|within|in|after|of|from|take|took|takes|lasting|last|lasted|spent|spend)\s+(?:(?:just|only|mere|a\s+matter\s+of)\s+)?(?P<units>{UNITS_PL})\b(?!['’-])")
def _bare_units(m):
    unit = m["units"].lower()[:-1]
    unit = "century" if unit == "centurie" else unit
    return Cand(m.start("units"), m.end("units"), "DURATION", value=duration_value(None, unit),
                priority=0)


# sets: "every Monday", "each year", "annually", "twice a year", "every morning"
@rule(rf"(?i)\b(?:every|each)\s+(?:(?P<other>other)\s+)?(?P<x>{WEEKDAY}|{PART}|day|week|month|year|quarter|season|decade|summer|winter|spring|fall|weekend)\b")
def _set_every(m):
    x = m["x"].lower()
    if x in WEEKDAYS:
        return _cand(m, "SET", value=f"XXXX-WXX-{WEEKDAYS[x]}", priority=2)
    if x in PARTS_OF_DAY:
        return _cand(m, "SET", value=f"XXXX-XX-XXT{PARTS_OF_DAY[x]}", priority=2)
    if x in SEASONS:
        return _cand(m, "SET", value=f"XXXX-{SEASONS[x]}", priority=2)
    if x == "season":
        return _cand(m, "SET", value="XXXX-XX", priority=2)
    if x == "weekend":
        return _cand(m, "SET", value="XXXX-WXX-WE", priority=2)
    k = 2 if m["other"] else 1
    return _cand(m, "SET", value=duration_value(k, x), priority=2)


@rule(rf"(?i)\b(?P<w>{'|'.join(FREQUENCY_ADVERBS)})\b(?!-)")
def _set_adverb(m):
    if m["w"][0].isupper() and _in_name(m):
        return None  # a newspaper: "Daily Mail", "The Kashmir Daily", "Publishers Weekly"
    return _cand(m, "SET", value=FREQUENCY_ADVERBS[m["w"].lower()], priority=1)


@rule(rf"(?i)\b(?:once|twice|three\s+times|\d+\s+times|several\s+times)\s+(?P<x>(?:a|an|per|each)\s+(?P<unit>{UNIT}))\b")
def _set_freq(m):
    # "twice a week": a set (TimeML freq="2X"), not the duration "a week"
    return Cand(m.start("x"), m.end("x"), "SET", value=duration_value(1, m["unit"].lower()), priority=4)


# times of day: "3 p.m.", "10:30 a.m. ET", "15:00 GMT", "noon", "midnight", "15:00 GMT Saturday"
_TZ = (r"(?:\s*\(?(?:UTC|GMT|ET|EST|EDT|CT|CST|CDT|MT|MST|MDT|PT|PST|PDT|BST|CET|CEST"
       r"|Greenwich\s+Mean\s+Time|Coordinated\s+Universal\s+Time)(?:\s*[+-]\s*\d{1,2})?\)?)?")
# the day after a clock time: a weekday or deictic, or a day and month ("16:18 GMT 28 March")
_CLOCK_DAY = (rf"(?:\s+(?:on\s+)?(?:(?P<wd>{WEEKDAY}|today|yesterday|tomorrow)"
              rf"|(?P<dd>\d{{1,2}})\s+(?P<dmon>{MONTH_FULL})(?![\w]|,?\s+\d)"
              rf"|(?P<dmon2>{MONTH_FULL})\s+(?P<dd2>\d{{1,2}})(?![\w]|,?\s+\d|:)))?")
@rule(rf"{B}(?P<h>\d{{1,2}})(?:[:.](?P<mi>\d{{2}}))?\s*(?P<ap>[aApP])\.?\s?[mM]\.?(?![\w])(?P<tz>{_TZ}){_CLOCK_DAY}")
def _clock_ampm(m):
    h, mi = int(m["h"]), int(m["mi"] or 0)
    if not (1 <= h <= 12 and mi < 60):
        return None
    h = h % 12 + (12 if m["ap"].lower() == "p" else 0)
    # a bare clock time belongs to the day last mentioned (context), else the publication day
    return Cand(m.start(), m.end(), "TIME", rel=_time_with_day(h, mi, m["wd"], m["tz"], _clock_date(m)),
                context=not _has_day(m), priority=2)


def _clock_date(m: re.Match[str]) -> Callable[[date, Tense], Resolved] | None:
    """The day and month written after a clock time ("16:18 GMT 28 March"), as a relative date."""
    day, mon = (m["dd"], m["dmon"]) if m["dd"] else (m["dd2"], m["dmon2"])
    if not day or not 1 <= int(day) <= 31:
        return None
    return rel_month_day(_mon(mon), int(day))


def _has_day(m: re.Match[str]) -> bool:
    return bool(m["wd"] or m["dd"] or m["dd2"])


@rule(rf"{B}(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)(?!:\d|\d)(?P<tz>{_TZ}){_CLOCK_DAY}(?!\s*[aApP]\.?[mM]\b)")
def _clock_24(m):
    if not m["tz"] and not _has_day(m):
        # "3:07" could be a score or a ratio; accept bare h:mm only with a time context
        pre = m.string[max(0, m.start() - 6):m.start()].lower()
        if not re.search(r"\b(at|by|until|from|since|before|after)\s+$", pre):
            return None
    return _cand(m, "TIME", rel=_time_with_day(int(m["h"]), int(m["mi"]), m["wd"], m["tz"], _clock_date(m)),
                 context=not _has_day(m), priority=2)


@rule(r"(?i)\b(?P<h>\d{2})(?P<mi>\d{2})\s*(?P<tz>UTC|GMT|hours|hrs|Z)\b")
def _clock_military(m):
    h, mi = int(m["h"]), int(m["mi"])
    if h > 23 or mi > 59:
        return None
    return _cand(m, "TIME", rel=_time_with_day(h, mi, None, m["tz"]), context=True, priority=1)


@rule(rf"(?i)\b(?:(?:at|after|before|around|about|until|by|past|since|near)\s+)(?P<x>(?P<w>noon|midnight|midday|dawn|dusk)(?:\s+(?:on\s+)?(?P<wd>(?-i:{WEEKDAY})|today|yesterday|tomorrow))?)\b")
def _noon(m):
    h = {"noon": 12, "midday": 12, "midnight": 0}.get(m["w"].lower())
    if h is None:
        part = {"dawn": "MO", "dusk": "EV"}[m["w"].lower()]
        return Cand(m.start("x"), m.end("x"), "TIME", rel=rel_unit("day", 0, part), priority=1)
    return Cand(m.start("x"), m.end("x"), "TIME", rel=_time_with_day(h, 0, m["wd"]),
                context=not m["wd"], priority=1)


def _time_with_day(h: int, mi: int, wd: str | None, tz: str | None = None,
                   day_rel: Callable[[date, Tense], Resolved] | None = None):
    """A clock time on the anchor day (or the weekday/today/yesterday or the relative day given);
    UTC/GMT/Z (also spelled out) → ``Z``."""
    zone = "Z" if tz and re.sub(r"[\s()]", "", tz).upper() in (
        "UTC", "GMT", "Z", "GREENWICHMEANTIME", "COORDINATEDUNIVERSALTIME") else ""
    if wd:
        w = wd.lower()
        day_rel = (rel_weekday(WEEKDAYS[w], None) if w in WEEKDAYS
                   else rel_unit("day", {"today": 0, "yesterday": -1, "tomorrow": 1}[w]))

    def f(anchor: date, tense: Tense) -> Resolved:
        d = anchor
        if day_rel:
            d = day_rel(anchor, tense).earliest or anchor
        return Resolved(f"{d.isoformat()}T{h:02d}:{mi:02d}{zone}", d, d)
    return f


# fuzzy references: now, currently, recently, the past, the future, at the time, these days, soon
# (lexicon.en.time.FUZZY_REFS), and vague durations: in recent years, over the decades (FUZZY_DURATIONS)
_FUZZY = "|".join(re.escape(w).replace(r"\ ", r"\s+")
                  for w in sorted([*FUZZY_REFS, *FUZZY_DURATIONS], key=len, reverse=True))


@rule(rf"(?i)\b(?P<w>{_FUZZY})\b(?!['’-])")
def _fuzzy(m):
    w = re.sub(r"\s+", " ", m["w"].lower())
    if w in FUZZY_DURATIONS:
        return _cand(m, "DURATION", value=duration_value(None, FUZZY_DURATIONS[w]), priority=1)
    value = FUZZY_REFS[w]
    lead = re.match(r"(?i)(?:at|in)\s+(?=th(?:e|at)\s)", m["w"])
    if lead:  # "at the time", "in the near future": the expression without its preposition
        return Cand(m.start() + lead.end(), m.end(), "DATE", value=value, rel=ref(value), priority=0)
    return _cand(m, "DATE", value=value, rel=ref(value), priority=0)


def find_candidates(text: str) -> Iterator[Cand]:
    """Every rule match in ``text`` (overlapping; :func:`select` keeps the best non-overlapping set)."""
    for pattern, handler in RULES:
        for m in pattern.finditer(text):
            if m.end() <= m.start():
                continue
            found = handler(m)
            for c in found if isinstance(found, list) else [] if found is None else [found]:
                if c.end > c.start:
                    yield c


def select(cands: list[Cand]) -> list[Cand]:
    """Greedy non-overlapping choice: longest span first, then rule priority, then position."""
    chosen: list[Cand] = []
    taken: list[tuple[int, int]] = []
    for c in sorted(cands, key=lambda c: (-(c.end - c.start), -c.priority, c.start)):
        if any(c.start < e and s < c.end for s, e in taken):
            continue
        chosen.append(c)
        taken.append((c.start, c.end))
    return sorted(chosen, key=lambda c: (c.start, c.end))
