"""Comparing open-domain quantity claims (``measure:<key>``) across outlets.

Blocking: claims are grouped by their measure *family* (the dimension, counted noun + event class,
or clock event — never a bare number), then joined only when they are about the same thing: the
same subject, or one subject unknown; for dimensions the same measured object ("ship" and
"container ship" are one object; "it" joins an object of its own family). Each connected group is
one comparison.

Statuses, read off the intervals the written values cover (``Claim.low``/``high``, set from the
written precision and approximation words at extraction):

* ``agree`` — every report gives the same value;
* ``compatible`` — the values differ but their intervals overlap: rounding ("3 km" and "2.57 km"),
  an approximation ("about 4:15" and "4:13"), a bound ("more than 1,000" and 1,700), or different
  units of one value ("1.6 miles" and "2.57 km"); the explanation says which;
* ``consistent_over_time`` — a count that grows between dated reports (a toll, a number of
  rescues): the later report has the larger number;
* ``conflict`` — intervals that cannot both hold; confidence ``real`` when both values are stated
  exactly in the reporters' own voices about a resolved subject, else ``possible`` with the reason;
  a disagreement inside one article has ``scope = "within_article"``;
* ``single_source`` — one article only.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from datetime import date

from storyline.lexicon.en.measures import ZONE_OFFSETS
from storyline.model import Claim, Comparison, ComparisonSide
from storyline.options import CompareOptions
from storyline.unionfind import UnionFind


def family_of(c: Claim) -> str:
    """The blocking key: the measure without its object ("length|ship" → "length")."""
    key = c.attribute[len("measure:"):]
    kind = key.split("|", 1)[0]
    if kind in _KEYED:
        return key
    return kind


# measures whose key already names what is measured (counted noun + event, the clocked event,
# the thing a duration belongs to); physical dimensions name their object separately
_KEYED = ("count", "clock", "duration", "money", "minute")


def _thing(c: Claim) -> str | None:
    """The measured object of a physical dimension ("ship"; "it" for a pronoun; "" unnamed), or
    None when the key itself says what is measured."""
    key = c.attribute[len("measure:"):]
    kind, _, thing = key.partition("|")
    return None if kind in _KEYED else thing


def _same_thing(a: Claim, b: Claim) -> bool:
    if a.subject and b.subject and a.subject != b.subject:
        return False
    if a.unit != b.unit and not _same_clock_zone(a.unit, b.unit):
        return False
    ta, tb = _thing(a), _thing(b)
    if a.attribute.startswith("measure:money|"):
        # amounts of one act class name their payer or victim too loosely to block on: an amount
        # is set against another only when both are of one order of magnitude
        return _near(a, b, ratio=2.0)
    if ta is None or tb is None:
        return True
    if ta == tb and ta not in ("it", ""):
        return True
    if "+" in ta or "+" in tb:
        return False  # a sum of parts is checked against its parts, not merged with one (part_whole)
    if "it" in (ta, tb) or "" in (ta, tb):
        # a pronoun or an unnamed object: only when the values are of one order of magnitude, so
        # the length of "it" is never set against the length of something ten times bigger
        return _near(a, b)
    return ta.endswith(tb) or tb.endswith(ta)


def _half_day(c: Claim) -> bool:
    return bool(c.unit and c.unit.startswith("minute of half-day"))


def _zone_of(unit: str | None) -> str:
    return unit.split("day", 1)[1].strip() if unit and "day" in unit else ""


def _same_clock_zone(ua: str | None, ub: str | None) -> bool:
    """Clock times may be compared when both are in one zone, when one names no zone (the story's
    local time is assumed), or when both zones are known (then both are read in UTC)."""
    if not (ua and ub and ua.startswith("minute of") and ub.startswith("minute of")):
        return False
    za, zb = _zone_of(ua), _zone_of(ub)
    return not za or not zb or za == zb or za in ZONE_OFFSETS and zb in ZONE_OFFSETS


def _near(a: Claim, b: Claim, ratio: float = 1.5) -> bool:
    va, vb = abs(float(a.value)), abs(float(b.value))
    if not va or not vb:
        return False
    return max(va, vb) / min(va, vb) <= ratio


def _interval(c: Claim) -> tuple[float, float]:
    lo = -math.inf if c.low is None else float(c.low)
    hi = math.inf if c.high is None else float(c.high)
    return lo, hi


def overlaps(a: Claim, b: Claim) -> bool:
    la, ha = _interval(a)
    lb, hb = _interval(b)
    za, zb = _zone_of(a.unit), _zone_of(b.unit)
    if za and zb and za != zb and za in ZONE_OFFSETS and zb in ZONE_OFFSETS:
        # "6:30 pm CEST" and "12:30 pm EDT" are one instant: both in UTC, on a 24-hour circle
        shift_a, shift_b = ZONE_OFFSETS[za], ZONE_OFFSETS[zb]
        la, ha, lb, hb = la - shift_a, ha - shift_a, lb - shift_b, hb - shift_b
        day = 720 if _half_day(a) or _half_day(b) else 1440
        la, ha, lb, hb = (x % day for x in (la, ha, lb, hb))
        if ha < la or hb < lb:  # an interval across midnight: compare on the shifted circle
            la, ha, lb, hb = ((x + day / 2) % day for x in (la, ha, lb, hb))
        return _meet(la, ha, lb, hb)
    if _half_day(a) != _half_day(b):  # "9:17" (half of the day unknown) against "9:16 pm"
        la, ha, lb, hb = (x % 720 if not math.isinf(x) else x for x in (la, ha, lb, hb))
    return _meet(la, ha, lb, hb)


def _meet(la: float, ha: float, lb: float, hb: float) -> bool:
    """Closed intervals overlap — except two rounding intervals that only touch ("around 9:16" is
    9:15:30-9:16:30, "9:17" is 9:16:30-9:17:30: two different written minutes)."""
    if la > hb or lb > ha:
        return False
    touching = ha == lb or hb == la
    return not (touching and ha > la and hb > lb)


def compare_measures(claims: Sequence[Claim], *, outlet: Callable[[str], str],
                     published: Callable[[str], date | None], name: Callable[[str], str],
                     source: Callable[[str], str] = lambda a: a,
                     opts: CompareOptions | None = None) -> list[Comparison]:
    """One comparison per group of claims about the same measured thing. ``source`` maps a
    republished copy to its original (copies count once)."""
    opts = opts or CompareOptions()
    families: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        families[family_of(c)].append(c)
    out: list[Comparison] = []
    for fam in sorted(families):
        group = families[fam]
        uf = _same_things(group)
        clusters: dict[int, list[Claim]] = defaultdict(list)
        for i, c in enumerate(group):
            clusters[uf.find(i)].append(c)
        for members in clusters.values():
            out.append(_judge(members, outlet=outlet, published=published, name=name, source=source,
                              opts=opts))
    out.extend(part_whole(claims, outlet=outlet))
    return out


def _same_things(group: Sequence[Claim]) -> UnionFind[int]:
    """The claims of ``group`` (by position) joined when :func:`_same_thing` links them, directly
    or through others. :func:`_same_thing` reads only a claim's subject, unit, attribute and value,
    so claims alike in those four (an outlet's copy, the same figure repeated) are compared once:
    the pairs compared grow with the distinct claims of a family, not with its copies."""
    kinds: dict[tuple[object, ...], list[int]] = {}
    for i, c in enumerate(group):
        kinds.setdefault((c.subject, c.unit, c.attribute, repr(c.value)), []).append(i)
    firsts = [members[0] for members in kinds.values()]
    linked = UnionFind(range(len(firsts)))  # over the kinds
    joins = [_same_thing(group[i], group[i]) and len(kinds_members) > 1
             for i, kinds_members in zip(firsts, kinds.values(), strict=True)]
    for x, i in enumerate(firsts):
        for y in range(x + 1, len(firsts)):
            if _same_thing(group[i], group[firsts[y]]):
                linked.union(x, y)
                joins[x] = joins[y] = True
    uf = UnionFind(range(len(group)))
    by_root: dict[int, int] = {}
    for x, members in enumerate(kinds.values()):
        if not joins[x]:
            continue  # alike claims that are not the same thing (a zero value): each stays alone
        anchor = by_root.setdefault(linked.find(x), members[0])
        for i in members:
            uf.union(anchor, i)
    return uf


def part_whole(claims: Sequence[Claim], *, outlet: Callable[[str], str]) -> list[Comparison]:
    """A total of named parts ("the combined weight of the barge and the tug") against the parts as
    reported on their own, across the story: when the parts' values add up to the total (within
    the precision written) the reports are ``compatible``; when they cannot, ``conflict`` — e.g.
    one report gives the barge alone the weight another gives the barge and tug together."""
    out: list[Comparison] = []
    for whole in claims:
        dim, _, thing = whole.attribute[len("measure:"):].partition("|")
        if "+" not in thing or dim in _KEYED:
            continue
        parts: list[list[Claim]] = []
        for name in thing.split("+"):
            found = [c for c in claims if c.attribute == f"measure:{dim}|{name}" and c.unit == whole.unit]
            if not found:
                break
            parts.append(found)
        if len(parts) != len(thing.split("+")) or all(c.article == whole.article for p in parts for c in p):
            continue  # a part nobody reports, or only the total's own report: nothing to check
        lo = sum(min(_interval(c)[0] for c in p) for p in parts)
        hi = sum(max(_interval(c)[1] for c in p) for p in parts)
        wlo, whi = _interval(whole)
        members = [whole, *[c for p in parts for c in p]]
        sides = [ComparisonSide(value=whole.text.strip(), claims=[whole.id], articles=[whole.article])]
        for p in parts:
            side = ComparisonSide(value=p[0].text.strip())
            for c in p:
                side.claims.append(c.id)
                if c.article not in side.articles:
                    side.articles.append(c.article)
            sides.append(side)
        digest = hashlib.sha1("|".join(c.id for c in members).encode()).hexdigest()[:10]
        cmp = Comparison(id=f"cmp:{digest}", subject="", attribute=whole.attribute, status="compatible",
                         sides=sides)
        listed = "; ".join(f"{p[0].measure or p[0].attribute} {p[0].text.strip()!r} "
                           f"({', '.join(dict.fromkeys(outlet(c.article) for c in p))})" for p in parts)
        said = f"{whole.text.strip()!r} ({outlet(whole.article)}) for the {whole.measure or thing}"
        if _meet(lo, hi, wlo, whi):
            cmp.explanation = f"The parts add up to the total: {said}; {listed}."
        else:
            exact = all(c.voice == "reporter" and not c.qualifier and not c.hedged for c in members)
            cmp.status = "conflict"
            cmp.confidence = "real" if exact else "possible"
            cmp.scope = "within_article" if len({c.article for c in members}) == 1 else "between_articles"
            cmp.explanation = (f"The parts do not add up to the total: {said}, but {listed}; "
                               f"the parts come to {_amount(lo, hi, whole.unit)}, which the total "
                               f"cannot be at the precision written" +
                               ("" if exact else " (possible conflict: an approximate, hedged or "
                                                 "attributed figure)") + ".")
        out.append(cmp)
    return out


def _amount(lo: float, hi: float, unit: str | None) -> str:
    u = {"kilogram": "kg", "meter": "m", "meter ** 2": "m²", "meter / second": "m/s"}.get(unit or "", unit or "")
    if hi - lo < 1e-9 or math.isinf(hi):
        return f"{lo:,.6g} {u}".strip()
    return f"{lo:,.6g}–{hi:,.6g} {u}".strip()


def _fmt_value(c: Claim) -> str:
    """The value as the article writes it (its own words), e.g. "about 610 feet"."""
    return c.text.strip()


def _judge(group: list[Claim], *, outlet: Callable[[str], str],
           published: Callable[[str], date | None], name: Callable[[str], str],
           source: Callable[[str], str] = lambda a: a, opts: CompareOptions) -> Comparison:
    group = sorted(group, key=lambda c: (published(c.article) or date.max, c.article, c.start))
    sides: dict[str, ComparisonSide] = {}
    for c in group:
        # a count so far that equals another count is the same figure ("crews have pulled nine
        # hikers out so far" and "nine hikers were pulled out" agree)
        key = f"{c.value}|{c.low}|{c.low if c.qualifier == 'so_far' else c.high}"
        side = sides.setdefault(key, ComparisonSide(value=_fmt_value(c)))
        side.claims.append(c.id)
        if c.article not in side.articles:
            side.articles.append(c.article)
    measure = group[0].measure or group[0].attribute
    subject = next((c.subject for c in group if c.subject), "")
    about = f" of {name(subject)}" if subject and not measure.startswith("number") else ""
    topic = f"the {measure}{about}"
    digest = hashlib.sha1("|".join(sorted(c.id for c in group)).encode()).hexdigest()[:10]
    cmp = Comparison(id=f"cmp:{digest}", subject=subject, attribute=group[0].attribute,
                     status="agree", sides=list(sides.values()))
    articles = sorted({c.article for c in group})
    reps = [next(c for c in group if c.id in s.claims) for s in cmp.sides]

    def said(c: Claim) -> str:
        return f"{c.text.strip()!r} ({outlet(c.article)})"

    if len(cmp.sides) == 1:
        sources = {source(a) for a in articles}  # a republished copy is not a second source
        copies = [a for a in articles if source(a) != a]
        again = f"; republished by {', '.join(dict.fromkeys(outlet(a) for a in copies))}" if copies else ""
        if len(sources) == 1:
            cmp.status = "single_source"
            first = min(articles, key=lambda a: (source(a) != a, a))
            cmp.explanation = f"Only {outlet(first)} reports {topic}: {said(group[0])}{again}."
        else:
            cmp.explanation = (f"{len(sources)} articles agree on {topic}: "
                               f"{reps[0].text.strip()!r} ({', '.join(_outlets(group, outlet))}){again}.")
        return cmp
    clashes: list[tuple[Claim, Claim, str]] = []
    grown: list[tuple[Claim, Claim]] = []
    loose: list[tuple[Claim, Claim]] = []
    for i, a in enumerate(reps):
        for b in reps[i + 1:]:
            if overlaps(a, b):
                loose.append((a, b))
                continue
            if a.article == b.article and a.discrete:
                continue  # one report giving two counts: an update or two sub-events, not a clash
            da, db = published(a.article), published(b.article)
            if a.discrete and da and db and abs((db - da).days) >= opts.min_days_apart:
                early, late = (a, b) if da < db else (b, a)
                if float(late.value) > float(early.value):
                    grown.append((early, late))
                    continue
            clashes.append((a, b, _why_possible(a, b)))
    if clashes:
        real = [x for x in clashes if not x[2]]
        a, b, why = (real or clashes)[0]
        cmp.status = "conflict"
        cmp.confidence = "real" if real else "possible"
        cmp.scope = "within_article" if all(x.article == y.article for x, y, _ in clashes) \
            else "between_articles"
        where = f" within {outlet(a.article)}" if cmp.scope == "within_article" else ""
        reason = f" (possible conflict: {why})" if not real else ""
        cmp.explanation = (f"Reports differ{where} on {topic}: {said(a)} versus {said(b)}; the "
                           f"values cannot both hold at the precision written{reason}.")
        return cmp
    if grown:
        early, late = grown[0]
        cmp.status = "consistent_over_time"
        cmp.explanation = (f"{topic[0].upper()}{topic[1:]} grows from {said(early)}, "
                           f"{_day(published(early.article))}, to {said(late)}, "
                           f"{_day(published(late.article))}: a count that later reports update.")
        return cmp
    if not loose:  # only one report, giving two counts: an update or two parts of the event
        cmp.status = "compatible"
        cmp.explanation = (f"{outlet(reps[0].article)} gives {topic} as {said(reps[0])} and "
                           f"{said(reps[1])}: an update or two parts of the event in one report.")
        return cmp
    a, b = loose[0]
    cmp.status = "compatible"
    cmp.explanation = (f"Reports give {topic} differently but compatibly: {said(a)} and {said(b)}"
                       f" — {_why_compatible(a, b)}.")
    return cmp


def day_text(d: date) -> str:
    """A day as a reader writes it: "13 Nov 2025" (explanations never show ISO codes)."""
    return f"{d.day} {d:%b %Y}"


def _day(d: date | None) -> str:
    return day_text(d) if d else "undated"


def _why_possible(a: Claim, b: Claim) -> str:
    """Empty for a real conflict; else why it is only possible."""
    reasons = []
    if a.qualifier or b.qualifier:
        reasons.append("an approximate or bounded figure")
    if a.voice != "reporter" or b.voice != "reporter":
        reasons.append("one side is a quoted or attributed claim")
    if a.hedged or b.hedged:
        reasons.append("hedged in the text")
    if not (a.subject and b.subject) and (_thing(a) in ("it", "") or _thing(b) in ("it", "")):
        reasons.append("what is measured is not named in one report")
    return "; ".join(reasons)


def _why_compatible(a: Claim, b: Claim) -> str:
    za, zb = _zone_of(a.unit), _zone_of(b.unit)
    if za and zb and za != zb:
        return f"the same time of day given in two time zones ({za} and {zb})"
    if a.qualifier in ("about", "nearly") or b.qualifier in ("about", "nearly"):
        return "one figure is approximate"
    if a.qualifier in ("at_least", "at_most") or b.qualifier in ("at_least", "at_most"):
        return "one figure is a bound the other satisfies"
    if "so_far" in (a.qualifier, b.qualifier):
        return "one figure is a count so far, which later counts may exceed"
    ua, ub = _unit_words(a.text), _unit_words(b.text)
    if ua and ub and ua != ub:
        return (f"the same value in different units ({'/'.join(sorted(ua))} and "
                f"{'/'.join(sorted(ub))}), within the precision written")
    return "within the rounding of the figures as written"


def _unit_words(text: str) -> set[str]:
    from storyline.lexicon.en.measures import PHYSICAL_UNITS

    words = re.findall(r"[a-z/.]+", text.lower())
    return {PHYSICAL_UNITS[w] for w in words if w in PHYSICAL_UNITS}


def _outlets(group: list[Claim], outlet: Callable[[str], str]) -> list[str]:
    names: list[str] = []
    for c in group:
        if outlet(c.article) not in names:
            names.append(outlet(c.article))
    return names
