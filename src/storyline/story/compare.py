"""Claim comparison across outlets: agree, conflict, consistent over time, or single source.

Claims are blocked by (subject, attribute) — titles additionally by their core office, and the
``count:<charge>`` labels of one subject are merged when they name the same charge in other words
(rapidfuzz token-set ratio) — so the work is linear in the number of claims, never all-pairs over
the corpus. Within a block, claims with the same normalized value form one *side*; the status
follows from how the sides relate:

* numbers: equal, or compatible through a stated bound ("over $1.4 million" vs 1,500,000);
  a list of counts whose sum equals a stated total agrees with it;
* ages: a difference that matches the time between the articles' dates is ``consistent_over_time``;
* running counts ("so far"): a later, larger count is ``consistent_over_time``;
* dates: one ISO value a prefix of the other ("2024" vs "2024-10") agree (one is more precise);
* agents and places: same head noun with compatible modifiers ("jury" vs "state jury") agree,
  mutually exclusive kinds ("grand jury" vs "trial jury") conflict;
* titles: "former X" against "X" is a conflict when both are said at about the same time, and
  ``consistent_over_time`` when the articles are months apart or one says "was X during …".

A conflict inside one article (the reporter against a quote) is a conflict too. Each comparison's
``explanation`` is one sentence assembled from the evidence (values, outlets, dates, voices).
"""

from __future__ import annotations

import hashlib
import re
from calendar import monthrange
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from rapidfuzz import fuzz

from storyline.lexicon.en.claims import (
    AGENT_SYNONYMS,
    EXCLUSIVE_KINDS,
    JURISDICTION_WORDS,
    ONGOING_PREDICATES,
    PARTY_WORDS,
    PATIENT_EVENTS,
    REPEATED_SPEECH,
    TIME_UNITS,
)
from storyline.lexicon.en.measures import COLLECTIVE_NOUNS, IRREGULAR_PLURALS
from storyline.lexicon.en.names import ORG_HEAD_NOUNS
from storyline.lexicon.en.pronouns import PRONOUNS
from storyline.model import ArticleAnalysis, Claim, Comparison, ComparisonSide, Entity
from storyline.options import CompareOptions
from storyline.story.measures import compare_measures, day_text

# Agents that take part in the same act in different roles: an indictment is returned by a grand
# jury at a prosecutor's request, so "indicted by a prosecutor" and "by a grand jury" both hold.
COMPLEMENTARY: dict[str, set[frozenset[str]]] = {
    "indicted_by": {frozenset(("jury", "prosecutor"))},
    "charged_by": {frozenset(("jury", "prosecutor"))},
}


def compare_claims(analyses: Sequence[ArticleAnalysis], entity_map: dict[str, str],
                   entities: list[Entity], opts: CompareOptions | None = None
                   ) -> tuple[list[Claim], list[Comparison]]:
    """All claims with story-level subjects/voices, and one comparison per (subject, attribute)."""
    opts = opts or CompareOptions()
    kinds = {e.id: e.type for e in entities}
    claims = [c for c in _rewrite(analyses, entity_map) if _plausible(c, kinds)]
    ctx = _Ctx(analyses, entities, opts)
    groups: dict[tuple[str, str, str], list[Claim]] = defaultdict(list)
    measures: list[Claim] = []
    for c in claims:
        if c.attribute.startswith("measure:"):
            measures.append(c)
        else:
            groups[_group_key(c)].append(c)
    groups = _merge_count_labels(groups, opts.label_merge_ratio)
    comparisons: list[Comparison] = []
    used: set[str] = set()
    for key in sorted(groups):
        cmp = _compare_group(key, groups[key], ctx)
        base = cmp.id
        n = 1
        while cmp.id in used:
            n += 1
            cmp.id = f"{base}-{n}"
        used.add(cmp.id)
        comparisons.append(cmp)
    by_id = {c.id: c for c in claims}
    for cmp in comparisons:
        _confidence(cmp, by_id)
    kinds = {e.id: e.type for e in entities}
    # a minute of play belongs to a player: a surname the model typed as a place is the player
    # of that surname; subjects the story types otherwise (a team, a country) are dropped
    people = _surname_people(entities)
    measures = [replace(c, subject=people.get(c.subject, c.subject))
                if c.attribute.startswith("measure:minute") else c for c in measures]
    measures = [c for c in measures if not c.attribute.startswith("measure:minute")
                or kinds.get(c.subject) == "PERSON"]
    for cmp in compare_measures(measures, outlet=lambda a: ctx.outlets[a],
                                published=lambda a: ctx.pub.get(a, (None, None, False))[0]
                                if ctx.pub.get(a, (None, None, False))[2] else None,
                                name=ctx.name, source=lambda a: ctx.source.get(a, a), opts=opts):
        while cmp.id in used:
            cmp.id += "+"
        used.add(cmp.id)
        comparisons.append(cmp)
    _add_evidence(comparisons, claims, analyses)
    return claims, comparisons


def _add_evidence(comparisons: list[Comparison], claims: list[Claim],
                  analyses: Sequence[ArticleAnalysis]) -> None:
    """Give every side the sentence its first claim is read from: a value like "a mother of two"
    is checked by a reader in its sentence, with who said it and about whom."""
    texts = {a.article.id: a for a in analyses}
    by_id = {c.id: c for c in claims}
    for cmp in comparisons:
        for side in cmp.sides:
            c = next((by_id[i] for i in side.claims if i in by_id), None)
            a = texts.get(c.article) if c is not None else None
            if c is None or a is None:
                continue
            sent = next((s for s in a.sentences if s.start <= c.start < s.end), None)
            side.text = " ".join(a.article.text[sent.start:sent.end].split()) if sent else c.text


def _surname_people(entities: list[Entity]) -> dict[str, str]:
    """Entities of another type named by one word that is the surname of exactly one person of
    the story ("Okafor" typed as a place where "Daniel Okafor" is a person) → that person."""
    by_surname: dict[str, list[str]] = defaultdict(list)
    for e in entities:
        words = e.name.split()
        if e.type == "PERSON" and len(words) > 1:
            by_surname[words[-1].lower()].append(e.id)
    out: dict[str, str] = {}
    for e in entities:
        words = e.name.split()
        if e.type != "PERSON" and len(words) == 1 and len(by_surname.get(words[0].lower(), ())) == 1:
            out[e.id] = by_surname[words[0].lower()][0]
    return out


def review_event_dates(comparisons: Sequence[Comparison]) -> None:
    """Judge the timeline's date disagreements (one merged event dated differently by its reports)
    the way claim conflicts are judged: an activity that goes on over days ("rescue work
    continued") reported on different days is ``consistent_over_time``, and so is a statement
    ("the agency said on Wednesday" / "said on Monday": a source speaks again); any other stays a conflict
    of ``possible`` confidence — the reports were merged as one event by their wording, and two
    reports of similar acts on two days may be two acts."""
    for cmp in comparisons:
        if cmp.status != "conflict" or not cmp.attribute.startswith("date_of:"):
            continue
        if cmp.attribute[len("date_of:"):] in ONGOING_PREDICATES:
            cmp.status = "consistent_over_time"
            cmp.confidence = None
            cmp.explanation = ("An activity that goes on over days, reported on different days: "
                               + cmp.explanation.removeprefix("Sources date this differently: "))
        elif cmp.attribute[len("date_of:"):] in REPEATED_SPEECH:
            cmp.status = "consistent_over_time"
            cmp.confidence = None
            cmp.explanation = ("A source speaking again on another day, reported on different days: "
                               + cmp.explanation.removeprefix("Sources date this differently: "))
        elif cmp.confidence is None:
            cmp.confidence = "possible"
            if len({a for s in cmp.sides for a in s.articles}) == 1:
                cmp.scope = "within_article"


# attributes of a person (a sentence, an age, charges, who convicted them, where they are held)
_PERSON_ATTRIBUTES = ("age", "sentence_length", "charge_count", "convicted_by", "sentenced_by",
                      "indicted_by", "charged_by", "prosecuted_by", "held_at", "court")


def _plausible(c: Claim, kinds: dict[str, str]) -> bool:
    """Whether a claim's subject can bear its attribute: never a pronoun left unresolved ("it",
    "we"), a person's attributes only for a person ("the sentence length of New York" is a parse
    slip), an amount only for a named subject (open-domain amounts are measure claims)."""
    if c.attribute.startswith("measure:"):
        return True
    subject = c.subject.strip().lower()
    if subject in PRONOUNS or not subject:
        return False
    kind = kinds.get(c.subject)
    base = c.attribute.split(":", 1)[0]
    if (c.attribute in _PERSON_ATTRIBUTES or base == "count") and kind is not None and kind != "PERSON":
        return False
    if base == "amount" and kind is None:
        return False
    if base == "mode" and kind != "PERSON":
        return False  # how someone was convicted or left a post: only for a person of the story
    return True


def _confidence(cmp: Comparison, claims: dict[str, Claim]) -> None:
    """A conflict's confidence and scope: ``real`` when every side is stated in the reporters' own
    voices without hedging or bounds, else ``possible``; ``within_article`` when one article holds
    all the sides."""
    if cmp.status != "conflict":
        return
    members = [claims[i] for s in cmp.sides for i in s.claims if i in claims]
    if len({c.article for c in members}) == 1:
        cmp.scope = "within_article"
    if cmp.attribute.startswith("member_of:") and cmp.confidence is None:
        cmp.confidence = "possible"  # a listing may be loose about who belongs to which group
    if cmp.confidence is None:
        loose = any(c.voice != "reporter" or c.hedged or c.qualifier in ("about", "at_least", "at_most")
                    for c in members)
        cmp.confidence = "possible" if loose or not members else "real"


# ----------------------------------------------------------------------------- preparation


def _rewrite(analyses: Sequence[ArticleAnalysis], entity_map: dict[str, str]) -> list[Claim]:
    out: list[Claim] = []
    seen: set[str] = set()
    for a in analyses:
        for c in a.claims:
            value = c.value
            if c.attribute.endswith("_by") and isinstance(value, str):
                value = entity_map.get(value, value)
            new = replace(c, subject=entity_map.get(c.subject, c.subject),
                          voice=entity_map.get(c.voice, c.voice), value=value,
                          parts=list(c.parts))
            cid = new.id or f"{a.article.id}:c"
            n = 1
            while cid in seen:
                n += 1
                cid = f"{new.id}-{n}"
            new.id = cid
            seen.add(cid)
            out.append(new)
    out.sort(key=lambda c: (c.article, c.start, c.id))
    return out


def _group_key(c: Claim) -> tuple[str, str, str]:
    if c.attribute == "title":
        return (c.subject, "title", str(c.value))
    if c.attribute.startswith("amount:"):
        return (c.subject, c.attribute, c.unit or "")  # pounds are never set against dollars
    return (c.subject, c.attribute, "")


def _merge_count_labels(groups: dict[tuple[str, str, str], list[Claim]], ratio: int
                        ) -> dict[tuple[str, str, str], list[Claim]]:
    """Merge ``count:<charge>`` blocks of one subject that name the same charge differently."""
    by_subject: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for key in sorted(groups):
        if key[1].startswith("count:"):
            by_subject[key[0]].append(key)
    for keys in by_subject.values():
        canon: list[tuple[str, str, str]] = []
        for key in keys:
            label = key[1][len("count:"):]
            target = next((k for k in canon if fuzz.token_set_ratio(
                label, k[1][len("count:"):]) >= ratio), None)
            if target is None:
                canon.append(key)
            else:
                groups[target].extend(groups.pop(key))
    return groups


class _Ctx:
    def __init__(self, analyses: Sequence[ArticleAnalysis], entities: list[Entity], opts: CompareOptions) -> None:
        self.opts = opts
        self.names = {e.id: e.name for e in entities}
        self.outlets: dict[str, str] = {}
        self.dates: dict[str, str | None] = {}
        self.page_dates: dict[str, str | None] = {}  # as the page states it (before any correction)
        self.pub: dict[str, tuple[date | None, date | None, bool]] = {}
        self.source: dict[str, str] = {}  # article id -> the original it republishes (itself if none)
        for n, a in enumerate(analyses, 1):
            art = a.article
            self.source[art.id] = art.duplicate_of or art.id
            self.outlets[art.id] = _outlet_name(art.outlet, art.url, n)
            pub = art.published
            self.dates[art.id] = self.page_dates[art.id] = pub.date or pub.earliest
            filed = _url_date(art.url)
            stated = _parse_date(pub.date)
            if filed and stated and abs((stated - filed).days) > opts.republished_days:
                # a page dated long after the date in its own address is a republication (or
                # an update): its figures are as of the day the story was filed
                self.dates[art.id] = filed.isoformat()
                self.pub[art.id] = (filed, filed, True)
            elif pub.date:
                self.pub[art.id] = (stated, stated, True)
            else:
                self.pub[art.id] = (_parse_date(pub.earliest), _parse_date(pub.latest), False)

    def interval(self, c: Claim) -> tuple[date | None, date | None, bool]:
        """When a claim holds: its own stated time, else its article's publication (range)."""
        pub = self.pub.get(c.article, (None, None, False))
        defaults = (self.dates.get(c.article), self.page_dates.get(c.article))
        if c.as_of and c.as_of not in defaults:
            lo = _parse_date(c.as_of)
            hi = _period_end(c.as_of)
            return lo, hi, len(c.as_of) == 10
        return pub

    def name(self, ident: str) -> str:
        return self.names.get(ident, ident)

    def voice(self, c: Claim) -> str:
        if c.voice == "reporter":
            return "in its own voice"
        if c.voice == "quoted":
            return "in a quote"
        name = self.name(c.voice)
        if name.lower() in PRONOUNS:
            return "in reported speech"  # "it said that …": a source the sentence does not name
        if c.voice not in self.names and name.islower():
            return f"attributed to the {name}"  # a source named by a noun ("the agency said")
        return f"attributed to {name}"


# ----------------------------------------------------------------------------- values


def _side_value(c: Claim) -> Any:
    if c.attribute == "title":
        return f"{c.qualifier} {c.value}" if c.qualifier in ("former", "past", "then") else c.value
    if isinstance(c.value, float) and c.value.is_integer():
        return int(c.value)
    return c.value


def _parse_date(value: str | None) -> date | None:
    if not value:
        return None
    parts = value.split("-")
    try:
        y = int(parts[0])
        m = int(parts[1]) if len(parts) > 1 else 1
        d = int(parts[2][:2]) if len(parts) > 2 else 1
        return date(y, m, d)
    except (ValueError, IndexError):
        return None


_URL_DATE = re.compile(r"/((?:19|20)\d{2})/(\d{1,2})/(\d{1,2})(?:/|$)")


def _url_date(url: str | None) -> date | None:
    """The date a page's address carries ("/2023/08/10/"), if any."""
    m = _URL_DATE.search(url or "")
    if m is None:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _outlet_name(outlet: str | None, url: str | None, number: int) -> str:
    """How an explanation names an article: its outlet, else its web site, else its place in the
    dossier's list of articles ("article 3, no outlet named") — never its headline (a headline read
    as the name of an outlet misleads), its file name or an internal id."""
    if outlet:
        return outlet
    if url:
        from urllib.parse import urlsplit

        host = urlsplit(url).hostname or ""
        if host:
            return host.removeprefix("www.")
    return f"article {number} (no outlet named)"


def _period_end(value: str) -> date | None:
    start = _parse_date(value)
    if start is None:
        return None
    n = len(value.split("-"))
    if n == 1:
        return date(start.year, 12, 31)
    if n == 2:
        return date(start.year, start.month, monthrange(start.year, start.month)[1])  # 9999-12 too
    return start


def _delta_range(ia: tuple[date | None, date | None, bool],
                 ib: tuple[date | None, date | None, bool]) -> tuple[float, float]:
    """The smallest and largest number of years that can separate two time intervals (b − a)."""
    lo_a, hi_a, _ = ia
    lo_b, hi_b, _ = ib
    inf = float("inf")
    low = (lo_b - hi_a).days / 365.25 if lo_b and hi_a else -inf
    high = (hi_b - lo_a).days / 365.25 if hi_b and lo_a else inf
    return low, high


def _numbers_compatible(a: Claim, b: Claim) -> bool:
    va, vb = float(a.value), float(b.value)
    if va == vb:
        return True
    for x, y in ((a, b), (b, a)):
        vx, vy = float(x.value), float(y.value)
        if x.qualifier == "at_least" and vy >= vx:
            return True
        if x.qualifier == "at_most" and vy <= vx:
            return True
        if x.qualifier == "about" and abs(vy - vx) <= 0.15 * max(abs(vx), 1):
            return True
    return False


def _np_words(value: str) -> tuple[str, set[str]]:
    """(head, modifiers) of an agent/place value, synonyms folded ("district attorney" → prosecutor)."""
    words = value.lower().split()
    text = " ".join(words)
    for syn, canon in sorted(AGENT_SYNONYMS.items(), key=lambda x: -len(x[0])):
        if text.endswith(syn):
            return canon, set(text[: -len(syn)].split())
    return (words[-1] if words else ""), set(words[:-1])


def _phrases_compatible(a: str, b: str, attribute: str = "") -> bool:
    if a == b:
        return True
    ha, ma = _np_words(a)
    hb, mb = _np_words(b)
    if ha != hb:
        return frozenset((ha, hb)) in COMPLEMENTARY.get(attribute, ())
    for facet in (EXCLUSIVE_KINDS, PARTY_WORDS):  # "grand" vs "trial", "republican" vs "democratic"
        ka, kb = ma & facet, mb & facet
        if ka and kb and ka != kb:
            return False
    ja = ma & JURISDICTION_WORDS
    jb = mb & JURISDICTION_WORDS
    # "state" vs "federal" is a contradiction; named places are not checked against each other
    return not ({"state", "federal"} <= (ja | jb) and ja != jb and ja and jb)


def _dates_compatible(a: str, b: str) -> bool:
    return a.startswith(b) or b.startswith(a)


# ----------------------------------------------------------------------------- status


def _compare_group(key: tuple[str, str, str], group: list[Claim], ctx: _Ctx) -> Comparison:
    subject, attribute, extra = key
    group = sorted(group, key=lambda c: (ctx.dates.get(c.article) or "", c.article, c.start))
    sides_map: dict[str, ComparisonSide] = {}
    for c in group:
        v = _side_value(c)
        side = sides_map.setdefault(repr(v), ComparisonSide(value=v))
        side.claims.append(c.id)
        if c.article not in side.articles:
            side.articles.append(c.article)
    sides = list(sides_map.values())
    articles = sorted({c.article for c in group})
    digest = hashlib.sha1(f"{subject}|{attribute}|{extra}".encode()).hexdigest()[:10]
    cmp = Comparison(id=f"cmp:{digest}", subject=subject, attribute=attribute, status="agree",
                     sides=sides)
    status, explanation = _judge(attribute, group, sides, articles, ctx, subject, extra)
    cmp.status = status  # type: ignore[assignment]
    cmp.explanation = explanation
    return cmp


def _judge(attribute: str, group: list[Claim], sides: list[ComparisonSide],
           articles: list[str], ctx: _Ctx, subject: str, extra: str) -> tuple[str, str]:
    what = _attr_phrase(attribute, extra, group)
    who = ctx.name(subject)
    topic = _topic(_as_written(attribute, group), what, who)
    Topic = topic[0].upper() + topic[1:]  # noqa: N806 (sentence-initial form)
    # A republished copy is not a second source: copies count once with their original.
    sources = sorted({ctx.source.get(a, a) for a in articles})
    if len(sides) == 1:
        value = _fmt(group[0])
        if len(sources) == 1:
            original = min(articles, key=lambda a: (ctx.source.get(a, a) != a, a))
            copies = [a for a in articles if a != original]
            again = f" (republished by {_outlets(ctx, copies)})" if copies else ""
            return "single_source", (f"Only {ctx.outlets[original]} reports {topic}: "
                                     f"{value}{again}.")
        lists = [c for c in group if c.qualifier == "list"]
        note = ""
        if lists and len(lists) < len(group):
            note = (f"; the counts listed in {_outlets(ctx, [lists[0].article])} add up to the "
                    f"total the others state")
        return "agree", (f"{len(sources)} articles agree on {topic}: {value} "
                         f"({_with_copies(ctx, articles)}){note}.")
    if attribute == "age":
        return _judge_age(group, ctx, what, who)
    if attribute == "title":
        return _judge_title(group, ctx, what, who)
    reps = [next(c for c in group if c.id in s.claims) for s in sides]
    if attribute.startswith("mode:"):
        both = next((a for a in articles if len({str(c.value) for c in group if c.article == a}) > 1), None)
        if both is not None:  # one report gives both ways: a plea to some charges, a verdict on others
            return "compatible", (f"{Topic} is given both ways within {ctx.outlets[both]}, so the "
                                  f"ways need not exclude each other here (different charges or posts): "
                                  f"{_sides_text(sides, group, ctx)}.")
    if attribute.startswith("date_of:"):
        ok = all(_dates_compatible(str(a.value), str(b.value)) for a in reps for b in reps)
        if ok:
            return "agree", (f"{Topic} agrees across {len(sources)} articles, "
                             f"differing only in precision: {_sides_text(sides, group, ctx)}.")
    elif all(isinstance(c.value, (int, float)) for c in reps):
        if _running_count(group, ctx):
            first, last = group[0], group[-1]
            return "consistent_over_time", (
                f"{Topic} grows from {_fmt(first)} ({_when(ctx, first)}) to "
                f"{_fmt(last)} ({_when(ctx, last)}), a running count that later reports update.")
        if all(_numbers_compatible(a, b) for a in reps for b in reps):
            return "agree", (f"{Topic} is consistent across {_outlets(ctx, articles)}"
                             f" once stated bounds are read: {_sides_text(sides, group, ctx)}.")
    elif all(isinstance(c.value, str) for c in reps):
        if all(_phrases_compatible(str(a.value), str(b.value), attribute)
               for a in reps for b in reps):
            return "agree", (f"{Topic} is described compatibly, some more "
                             f"specifically than others: {_sides_text(sides, group, ctx)}.")
    pair = _first_clash(attribute, reps)
    if pair is None or len(reps) == 2:
        where = f" within {ctx.outlets[articles[0]]}" if len(articles) == 1 else ""
        return "conflict", (f"{Topic} differs{where}: "
                            f"{_sides_text(sides, group, ctx)}.")
    a, b = pair
    others = [c for c in reps if c.id not in (a.id, b.id)]
    rest = "; ".join(f"{_fmt(c)} in {ctx.outlets[c.article]}" for c in others)
    return "conflict", (f"{Topic} differs: {_fmt(a)} in {ctx.outlets[a.article]} "
                        f"({ctx.voice(a)}) versus {_fmt(b)} in {ctx.outlets[b.article]} "
                        f"({ctx.voice(b)}); other accounts: {rest}.")


def _first_clash(attribute: str, reps: list[Claim]) -> tuple[Claim, Claim] | None:
    """The first pair of sides that cannot both hold (for the explanation's lead)."""
    for i, a in enumerate(reps):
        for b in reps[i + 1:]:
            if isinstance(a.value, str) and isinstance(b.value, str):
                ok = (_dates_compatible(a.value, b.value) if attribute.startswith("date_of:")
                      else _phrases_compatible(a.value, b.value, attribute))
            elif isinstance(a.value, (int, float)) and isinstance(b.value, (int, float)):
                ok = _numbers_compatible(a, b)
            else:
                ok = a.value == b.value
            if not ok:
                return a, b
    return None


def _running_count(group: list[Claim], ctx: _Ctx) -> bool:
    if not any(c.qualifier == "so_far" for c in group):
        return False
    dated = [(ctx.dates.get(c.article) or "", float(c.value)) for c in group]
    if any(not d for d, _ in dated):
        return False
    dated.sort()
    return all(v1 <= v2 for (_, v1), (_, v2) in zip(dated, dated[1:], strict=False)) and \
        len({d for d, _ in dated}) > 1


def _judge_age(group: list[Claim], ctx: _Ctx, what: str, who: str) -> tuple[str, str]:
    """Ages fit when their difference matches the time between the reports (±1 year for birthdays).

    With exact dates this is a check; when a report's date is only a range (inferred, open-ended),
    a one-year difference that the range allows is reported as consistent, and the explanation says
    the date is not stated."""
    exact_ok = True
    possible = True
    for i, a in enumerate(group):
        for b in group[i + 1:]:
            if a.value == b.value:
                continue
            dv = float(b.value) - float(a.value)
            low, high = _delta_range(ctx.interval(a), ctx.interval(b))
            fits = high > dv - 1 and low < dv + 1
            bounded = low != float("-inf") and high != float("inf")
            if not fits:
                possible = False
            elif not bounded:
                exact_ok = False
                if abs(dv) > 1:
                    possible = False
    ordered = sorted(group, key=lambda c: (ctx.interval(c)[0] or date.max, c.value))
    by_value: dict[Any, list[str]] = {}
    for c in ordered:
        entry = f"{ctx.outlets[c.article]} ({_date_text(ctx, c)})"
        if entry not in by_value.setdefault(c.value, []):
            by_value[c.value].append(entry)
    listing = "; ".join(f"{v} in {' and '.join(entries)}" for v, entries in by_value.items())
    if possible and exact_ok:
        return "consistent_over_time", (
            f"{who} is given as {listing}: the difference matches the time between the reports.")
    if possible:
        return "consistent_over_time", (
            f"{who} is given as {listing}: a one-year difference that the reports' dates allow, "
            f"though not every report states its date.")
    return "conflict", (f"The {what} of {who} differs and the articles' dates do not explain it: "
                        f"{listing}.")


def _date_text(ctx: _Ctx, c: Claim) -> str:
    lo, hi, exact = ctx.interval(c)
    if exact and lo:
        return day_text(lo)
    if lo and hi:
        return f"between {day_text(lo)} and {day_text(hi)}"
    if lo:
        return f"undated, after {day_text(lo)}"
    if hi:
        return f"undated, before {day_text(hi)}"
    return "undated"


def _title_class(c: Claim) -> str:
    if c.qualifier in ("former",):
        return "former"
    if c.qualifier in ("past", "then"):
        return "past"
    return "current"


def _judge_title(group: list[Claim], ctx: _Ctx, what: str, who: str) -> tuple[str, str]:
    current = [c for c in group if _title_class(c) == "current"]
    former = [c for c in group if _title_class(c) == "former"]
    clash: tuple[Claim, Claim] | None = None
    for cur in current:
        for old in former:
            low, high = _delta_range(ctx.interval(cur), ctx.interval(old))
            apart = low * 365.25 > ctx.opts.same_time_days or high * 365.25 < -ctx.opts.same_time_days
            # both reports dated to the day and "former" said later: the title may have changed
            # in between (a resignation, a firing) — that is a change over time, not a clash
            ic, io = ctx.interval(cur), ctx.interval(old)
            if ic[2] and io[2] and ic[0] and io[0] and io[0] > ic[0]:
                apart = True
            if not apart:
                clash = (cur, old)
                break
        if clash:
            break
    if clash:
        cur, old = clash
        both = ctx.interval(cur)[2] and ctx.interval(old)[2]
        same = "at about the same time" if both else "and the reports' dates do not separate them"
        others = len({c.article for c in current}) - 1
        also = f" (as do {others} more article{'s' if others > 1 else ''})" if others > 0 else ""
        return "conflict", (f"{ctx.outlets[cur.article]} ({_date_text(ctx, cur)}) calls {who} "
                            f"{cur.text.strip()!r} ({ctx.voice(cur)}){also} while "
                            f"{ctx.outlets[old.article]} ({_date_text(ctx, old)}) says "
                            f"{old.text.strip()!r} ({ctx.voice(old)}), {same}.")
    return "consistent_over_time", (
        f"The {what} of {who} differs only with time: {_title_sides(group, ctx)}.")


def _title_sides(group: list[Claim], ctx: _Ctx) -> str:
    """Each distinct title with the outlets (and the stated time, for a past title) using it."""
    by_value: dict[str, list[Claim]] = {}
    for c in group:
        by_value.setdefault(str(_side_value(c)), []).append(c)
    chunks = []
    for value, cs in by_value.items():
        where = _outlets(ctx, [c.article for c in cs])
        when = {c.as_of for c in cs if _title_class(c) == "past" and c.as_of}
        at = f", for {', '.join(sorted(when))}" if when else ""  # a year or a month, as written
        chunks.append(f"'{value}' ({where}{at})")
    return " versus ".join(chunks)


# ----------------------------------------------------------------------------- wording


def _topic(attribute: str, what: str, who: str) -> str:
    """The noun phrase an explanation is about: "the sentence length of X", "who convicted X"."""
    if attribute.endswith("_by"):
        return f"who {attribute[:-3].replace('_', ' ')} {who}"
    if attribute.startswith("member_of:"):
        whole, _, part = attribute[len("member_of:"):].partition("|")
        return f"whether the {_plural(part)} are counted among the {_plural(whole)}"
    if attribute.startswith("opponent:"):
        return f"whom {who} beat in the {attribute.split(':', 1)[1]}"
    if attribute == "mode:conviction":
        return f"how {who} came to be convicted"
    if attribute.startswith("mode:departure|"):
        post = attribute.split("|", 1)[1]
        return f"how {who} left the {post}" if post in ORG_HEAD_NOUNS else f"how {who} left the post of {post}"
    if attribute.startswith("date_of:"):
        event = attribute[len("date_of:"):].replace("_", " ")
        done_to = event in PATIENT_EVENTS
        if who.islower():
            who = f"the {who}"  # a thing or an activity, not a name: "the date the recall began"
        return f"the date {who} {'was ' if done_to else ''}{event}"
    return f"the {what} of {who}"




def _plural(noun: str) -> str:
    """A group noun in the plural for a sentence ("child" → "children", "crew" stays "crew")."""
    if noun in IRREGULAR_PLURALS or noun in COLLECTIVE_NOUNS:
        return IRREGULAR_PLURALS.get(noun, noun)
    if noun.endswith(("s", "x", "ch", "sh")):
        return noun + "es"
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + "s"


def _as_written(attribute: str, group: list[Claim]) -> str:
    """An attribute whose key is words of the text ("date_of:joined the united states") with the
    words as a report writes them ("joined the United States")."""
    if not attribute.startswith("date_of:"):
        return attribute
    key = attribute[len("date_of:"):]
    for c in group:
        i = c.text.lower().find(key)
        if i >= 0:
            return "date_of:" + c.text[i:i + len(key)]
    return attribute


def _attr_phrase(attribute: str, extra: str, group: list[Claim]) -> str:
    if attribute == "title":
        return f"title ({extra})"
    if attribute.startswith("count:"):
        return f"number of counts of {attribute[len('count:'):]}"
    if attribute.startswith("amount:"):
        return f"amount ({attribute[len('amount:'):]})"
    if attribute.startswith("date_of:"):
        return f"date {attribute[len('date_of:'):].replace('_', ' ')}"
    if attribute.endswith("_by"):
        return f"agent ({attribute.replace('_', ' ')})"
    return {"sentence_length": "sentence length", "charge_count": "number of charges",
            "held_at": "place of detention", "court": "court", "age": "age"}.get(
                attribute, attribute.replace("_", " "))


def partial_date_text(value: str) -> str:
    """"2024" → "2024", "2024-10" → "October 2024", "2024-10-03" → "3 Oct 2024"; else as is."""
    parts = value.split("-")
    try:
        if len(parts) == 2:
            return f"{date(int(parts[0]), int(parts[1]), 1):%B %Y}"
        if len(parts) == 3:
            return day_text(date(int(parts[0]), int(parts[1]), int(parts[2][:2])))
    except ValueError:
        return value
    return value


def _fmt(c: Claim) -> str:
    if c.attribute.startswith("date_of:") and isinstance(c.value, str):
        return partial_date_text(c.value)
    v = _side_value(c)
    bound = {"at_least": "at least ", "at_most": "at most ", "about": "about "}.get(
        c.qualifier or "", "")
    if c.unit == "USD" and isinstance(v, (int, float)):
        return f"{bound}${v:,.0f}" if float(v).is_integer() else f"{bound}${v:,}"
    if c.unit in TIME_UNITS and isinstance(v, (int, float)):
        return f"{bound}{v:g} {c.unit}{'' if v == 1 else 's'}"
    if c.qualifier == "list" and c.parts:
        items = " + ".join(f"{p['value']} {p['item']}" for p in c.parts)
        return f"{v} (listed: {items})"
    if isinstance(v, float):
        return f"{bound}{v:g}"
    return f"{bound}{v}"


def _when(ctx: _Ctx, c: Claim) -> str:
    raw = c.as_of or ctx.dates.get(c.article)
    parsed = _parse_date(raw) if raw and len(raw) == 10 else None
    date_text = day_text(parsed) if parsed else (raw or "undated")
    return f"{ctx.outlets[c.article]}, {date_text}"


def _outlets(ctx: _Ctx, articles: Sequence[str]) -> str:
    names: list[str] = []
    for a in articles:
        if ctx.outlets[a] not in names:
            names.append(ctx.outlets[a])
    return ", ".join(names)


def _with_copies(ctx: _Ctx, articles: Sequence[str]) -> str:
    """The outlets of the originals, then the outlets that republished them: "A, B; republished by C"."""
    originals = [a for a in articles if ctx.source.get(a, a) == a]
    copies = [a for a in articles if ctx.source.get(a, a) != a]
    text = _outlets(ctx, originals or articles[:1])
    rest = [a for a in copies if originals or a != articles[0]]
    return f"{text}; republished by {_outlets(ctx, rest)}" if rest else text


def _sides_text(sides: list[ComparisonSide], group: list[Claim], ctx: _Ctx) -> str:
    by_id = {c.id: c for c in group}
    chunks = []
    for s in sides:
        cs = [by_id[i] for i in s.claims]
        voices = sorted({ctx.voice(c) for c in cs if c.voice != "reporter"})
        if all(c.hedged for c in cs):
            voices.append("hedged in the text")
        said = f", {' and '.join(voices)}" if voices else ""
        chunks.append(f"{_fmt(cs[0])} ({_outlets(ctx, s.articles)}{said})")
    return " versus ".join(chunks)


__all__ = ["compare_claims", "review_event_dates"]
