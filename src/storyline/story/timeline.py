"""The story timeline: event mentions of all articles merged into dated, sourced entries.

Two mentions are the same event when their dates are compatible and their content is similar
(shared story entities, the same predicate lemma, similar words by rapidfuzz). Candidate pairs come
from a sweep over mentions sorted by date (blocking: only mentions whose date ranges lie within
``TimelineOptions.window_days`` of each other are compared, never all pairs). Pairs are merged best-first, and
never two mentions of the same article into one entry — except an undated sentence that retells
what its article's sentence in the entry reports (a lede and its detail; ``TimelineOptions.retellings``).
Event nouns count as their verbs ("the landing" as "landed": ``lexicon.en.events.NOMINALIZATIONS``).

A pair whose dates do not overlap is still merged when the content match is strong (same
predicate, mostly the same entities, similar words): the outlets disagree on the date. The entry's
date then spans both, its value keeps the calendar units they agree on ("2023-11" for the 19th and
the 20th), and a ``date_of:<predicate>`` conflict :class:`Comparison` records the sides.

A mention from an undated article ("She was sentenced last October", value ``XXXX-10`` with no
bounds) cannot be placed alone; it joins the dated entry with a compatible month and the same
predicate, so the other outlets date it. Otherwise it stays out of the timeline. A narrative time
(an estimate of the days an article tells of) pins or dates only day-level expressions: "last year"
or "in May" in the same entry are background, not the narrative's days.

Everything is deterministic: ids are content hashes, order is by date, granularity, then id.
"""

from __future__ import annotations

import bisect
import hashlib
import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache

from rapidfuzz import fuzz

from storyline.analyze.time import candidate_at, granularity, iso, mask_values, parse_iso, resolve_at
from storyline.lexicon.en.events import (
    HAPPENING_GROUPS,
    NOMINALIZATIONS,
    ONSET_CLASSES,
    PREDICATE_CLASSES,
    STATIVE_PREDICATES,
)
from storyline.model import (
    ArticleAnalysis,
    Comparison,
    ComparisonSide,
    Event,
    EventDate,
    EventMention,
    EventSource,
    PubDate,
    TimeExpr,
)
from storyline.options import TimelineOptions
from storyline.safedate import DATE_ERRORS, shift
from storyline.story.anchored import AnchoredPhrase, sentence_phrases
from storyline.unionfind import UnionFind

_GRAN_RANK = {"day": 0, "week": 1, "month": 2, "season": 3, "quarter": 4, "year": 5, "decade": 6,
              "unknown": 7}
_PRED_CLASS = {p: name for name, c in PREDICATE_CLASSES.items() for p in c}
# an event noun names its verb's class ("the landing" → land, "his ouster" → fire)
_PRED_CLASS.update({noun: _PRED_CLASS[verb] for noun, verb in NOMINALIZATIONS.items()})
# a happening noun → the nouns that name the same happening ("blaze" → fire, inferno ...)
_SYNONYMS = {w: group for group in HAPPENING_GROUPS.values() for w in group}


def predicate_class(predicate: str | None) -> str | None:
    """The class of a predicate phrase (:data:`PREDICATE_CLASSES`), else its lemma; None if none.
    A phrase not in the lexicon falls back to its verb ("slam into" → "slam" → strike)."""
    if not predicate:
        return None
    if predicate in _PRED_CLASS:
        return _PRED_CLASS[predicate]
    head = predicate.split(" ")[0]
    return _PRED_CLASS.get(head, predicate)


def same_predicate(a: str | None, b: str | None) -> bool:
    """Equal lemmas, or lemmas of one class in :data:`PREDICATE_CLASSES`."""
    if not a or not b:
        return False
    return a == b or predicate_class(a) == predicate_class(b)


_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+")


def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


@dataclass(slots=True)
class _Item:
    article: str
    mention: EventMention
    timex: TimeExpr
    lo: date | None
    hi: date | None
    entities: frozenset[str]
    words: str
    keys: frozenset[str] = frozenset()  # content lemmas (EventMention.keys)
    undated: bool = False  # no time expression of its own: timex/lo/hi are the narrative time
    idf: dict[str, float] | None = None  # the story's lemma weights (shared by all items)
    _weight: float | None = None  # sum of the weights of ``keys`` (computed once, on first use)
    # an undated mention without a narrative time: its article's publication range, when known
    published: tuple[date | None, date | None] | None = None
    # an undated mention: the years its sentence names outright ("the 2018 fire"), not its own date
    years: frozenset[int] = frozenset()
    # dated through another event of the story ("a day after the touchdown"): how, for the record
    basis: str | None = None

    @property
    def weight(self) -> float:
        if self._weight is None:
            idf = self.idf or {}
            self._weight = sum(idf.get(k, 1.0) for k in self.keys)
        return self._weight

    @property
    def key(self) -> date:
        return self.lo or self.hi or date.max

    @property
    def gran(self) -> str:
        return granularity(self.timex.value)


# year unknown: "XXXX-10", "XXXX", a weekday "XXXX-WXX-4", a clock time "XXXX-XX-XXT01:30"
_FLOATING = re.compile(r"^(?:XXXX(?:-(\d\d|XX)(?:-(\d\d|XX))?)?|XXXX-WXX-[1-7])(?:T[\dA-Z:]+)?$")


def _mention_keys(ev: EventMention, entity_map: dict[str, str]) -> frozenset[str]:
    """Content lemmas of a mention and its story entities (``@<id>``): the participants."""
    return frozenset(ev.keys) | {"@" + entity_map.get(k, k) for k in ev.entities}


def _key_weights(analyses: Sequence[ArticleAnalysis],
                 entity_map: dict[str, str]) -> dict[str, float]:
    """Inverse document frequency of each content lemma and entity over the story's event
    mentions: the story's own subject ("bridge", its main names) is in most sentences and says
    little about which event a sentence reports; a rarer one ("rescue", "mayday", "11 billion",
    a person named twice) says more."""
    df: Counter[str] = Counter()
    n = 0
    for a in analyses:
        for ev in a.events:
            n += 1
            df.update(_mention_keys(ev, entity_map))
    return {k: math.log((n + 1) / (c + 0.5)) for k, c in df.items()}


def _items(analyses: Sequence[ArticleAnalysis], entity_map: dict[str, str],
           idf: dict[str, float] | None = None, *, one_day: bool = False) -> tuple[list[_Item], list[_Item]]:
    """Dated event mentions (sorted by date), and *floating* ones: no calendar bound at all (an
    undated article), like "last October" → ``XXXX-10`` or "last year" → ``XXXX``.

    ``one_day``: a sentence that writes its day twice ("on Friday (Nov. 17)", "Sunday, 20 August")
    is one report of that day, not two: of its mentions with one predicate and the same bounds only
    the best-anchored is kept (absolute before relative to publication, then resolved, then the
    first). Two copies of it could never share an entry (one mention per article), so they split
    the event's other reports between two entries."""
    stop = _stop_words()
    out: list[_Item] = []
    floating: list[_Item] = []
    for a in analyses:
        if one_day:
            a = _one_per_day(a)
        for ev in a.events:
            if not 0 <= ev.timex < len(a.timexes):
                continue
            tx = a.timexes[ev.timex]
            lo, hi = parse_iso(tx.earliest), parse_iso(tx.latest)
            if lo is None and hi is None and not _FLOATING.match(tx.value):
                continue
            # content words without the time expression itself
            sent = ev.text[: max(0, tx.start - ev.start)] + " " + ev.text[max(0, tx.end - ev.start):]
            words = " ".join(sorted({w.lower() for w in _WORD.findall(sent)} - stop))
            ents = frozenset(entity_map.get(k, k) for k in ev.entities)
            item = _Item(a.article.id, ev, tx, lo, hi, ents, words, _mention_keys(ev, entity_map),
                         idf=idf)
            (out if lo or hi else floating).append(item)
    order = lambda it: (it.key, it.article, it.mention.start, it.mention.timex)  # noqa: E731
    return sorted(out, key=order), sorted(floating, key=lambda it: order(it)[1:])


def _one_per_day(a: ArticleAnalysis) -> ArticleAnalysis:
    """``a`` with at most one dated mention per sentence, predicate and day range (see :func:`_items`)."""
    best: dict[tuple, EventMention] = {}
    drop: set[int] = set()
    for ev in a.events:
        if not 0 <= ev.timex < len(a.timexes):
            continue
        tx = a.timexes[ev.timex]
        if tx.earliest is None or tx.latest is None:
            continue
        key = (ev.start, ev.end, ev.predicate, tx.earliest, tx.latest)
        rank = (tx.anchor != "absolute", not tx.resolved, ev.timex)
        held = best.get(key)
        if held is None:
            best[key] = ev
            continue
        h_tx = a.timexes[held.timex]
        if rank < (h_tx.anchor != "absolute", not h_tx.resolved, held.timex):
            drop.add(id(held))
            best[key] = ev
        else:
            drop.add(id(ev))
    if not drop:
        return a
    return replace(a, events=[ev for ev in a.events if id(ev) not in drop])


_WEEKDAY_PATTERN = re.compile(r"^XXXX-WXX-([1-7])")


def _value_fits(pattern: str, value: str) -> bool:
    """``XXXX-10`` fits ``2024-10`` and ``2024-10-03``: every known character agrees; an
    unresolved weekday ``XXXX-WXX-4`` fits every day that is a Thursday."""
    if "T" in pattern and "T" not in value:
        pattern = pattern.split("T")[0]  # a time of day fits its day ("1:30 a.m." on 2024-03-26)
    if m := _WEEKDAY_PATTERN.match(pattern):
        day = parse_iso(value) if re.match(r"^\d{4}-\d\d-\d\d", value) else None
        return day is not None and day.isoweekday() == int(m.group(1))
    if len(value) < len(pattern):
        return False
    return all(p == "X" or p == v for p, v in zip(pattern, value, strict=False))


def _pred_key(predicate: str | None) -> str | None:
    """One key per :func:`same_predicate` class: equal keys ⇔ the same predicate."""
    return predicate_class(predicate)


def _attach_floating(groups: list[list[_Item]], floating: list[_Item]) -> list[list[_Item]]:
    """Give each floating mention to the dated entry it matches best (same predicate, entities
    that do not contradict, similar words, a compatible month), or keep it out of the timeline:
    without any calendar bound it cannot be placed on its own.

    Indexed, not all groups × all members: only entries with a member of the same predicate class
    can take the mention, and inside an entry only its distinct member contents (value, predicate,
    entities, words) are scored — syndicated copies of one sentence are scored once, and each
    (floating, member) content pair once over the whole story (memo).
    """
    arts = [{it.article for it in g} for g in groups]
    # group -> predicate key -> distinct member contents (value, predicate, entities, words)
    contents: list[dict[str, dict[tuple, _Item]]] = []
    by_pred: dict[str, list[int]] = {}
    for gi, group in enumerate(groups):
        per_key: dict[str, dict[tuple, _Item]] = {}
        for it in group:
            key = _pred_key(it.mention.predicate)
            if key is not None:
                per_key.setdefault(key, {}).setdefault(_float_sig(it), it)
        contents.append(per_key)
        for key in per_key:
            by_pred.setdefault(key, []).append(gi)
    memo: dict[tuple[tuple, tuple], float | None] = {}
    for f in floating:
        key = _pred_key(f.mention.predicate)
        if key is None:
            continue  # without a predicate it never matches (same predicate required)
        fsig = _float_sig(f)
        best: tuple[float, int] | None = None
        for gi in by_pred.get(key, ()):  # ascending: ties go to the earlier entry, as before
            if f.article in arts[gi]:
                continue
            for msig, it in contents[gi][key].items():
                if (fsig, msig) not in memo:
                    memo[fsig, msig] = _float_score(f, it)
                score = memo[fsig, msig]
                if score is not None and (best is None or score > best[0]):
                    best = (score, gi)
        if best is not None:
            gi = best[1]
            groups[gi].append(f)
            arts[gi].add(f.article)
            contents[gi][key].setdefault(fsig, f)
    return groups


def _unattached(groups: list[list[_Item]], floating: list[_Item]) -> list[_Item]:
    """The floating mentions that :func:`_attach_floating` gave to no entry."""
    placed = {id(it) for g in groups for it in g}
    return [f for f in floating if id(f) not in placed]


def _float_sig(it: _Item) -> tuple:
    """Everything :func:`_float_score` reads of an item."""
    return (it.timex.value, it.mention.predicate, it.entities, it.words)


def _float_score(f: _Item, it: _Item) -> float | None:
    """The score of a floating mention against one entry member, None when it may not join."""
    if not _value_fits(f.timex.value, it.timex.value):
        return None
    score, same_pred, _jacc, words = _similarity(f, it)
    shared = bool(f.entities & it.entities) or not f.entities or not it.entities
    return score if same_pred and shared and words >= 0.5 else None


def _similarity(a: _Item, b: _Item) -> tuple[float, bool, float, float]:
    """(score, same predicate, entity Jaccard, word similarity 0..1)."""
    same_pred = same_predicate(a.mention.predicate, b.mention.predicate)
    union = a.entities | b.entities
    jacc = len(a.entities & b.entities) / len(union) if union else 0.0
    words = fuzz.token_set_ratio(a.words, b.words) / 100.0 if a.words and b.words else 0.0
    return 0.3 * same_pred + 0.35 * jacc + 0.35 * words, same_pred, jacc, words


def _overlap(a: _Item, b: _Item) -> bool:
    alo, ahi = a.lo or date.min, a.hi or date.max
    blo, bhi = b.lo or date.min, b.hi or date.max
    return alo <= bhi and blo <= ahi


def _pair_score(a: _Item, b: _Item, opts: TimelineOptions) -> tuple[float, bool] | None:
    """(score, dated differently) when two mentions may be merged, else None. ``a`` comes first
    in date order. The cheap tests (predicate, entities) run before the word similarity."""
    same_pred = same_predicate(a.mention.predicate, b.mention.predicate)
    union = a.entities | b.entities
    jacc = len(a.entities & b.entities) / len(union) if union else 0.0
    # entities must not contradict: shared, or one side names none ("She was sentenced")
    shared = bool(a.entities & b.entities) or not a.entities or not b.entities
    overlap = _overlap(a, b)
    if overlap and not _masks_agree(a, b):
        return None  # "in October" (year unknown) is not a day in May, whatever the range says
    if overlap and _clocks_apart(a, b, opts.clock_apart_minutes):
        return None  # one day, two clock times: a quake at 4:12 and its aftershock at 9:40
    if overlap:
        content = _content_match(a, b, opts) if a.keys and b.keys else None
        if content is not None:
            return content, False  # the same participants and happening, on compatible dates
        if _same_day_happening(a, b):
            return 0.5, False
        if opts.month_references and _same_month_reference(a, b):
            return 0.5, False
        # the word similarity is at most 1: skip rapidfuzz when even that cannot reach the bar
        if not shared or 0.3 * same_pred + 0.35 * jacc + 0.35 < opts.merge_score:
            return None
    elif not (same_pred and jacc >= 0.5):
        return None
    words = fuzz.token_set_ratio(a.words, b.words) / 100.0 if a.words and b.words else 0.0
    score = 0.3 * same_pred + 0.35 * jacc + 0.35 * words
    if overlap:
        if score >= opts.merge_score and (same_pred or words >= 0.6):
            return score, False
    elif words >= 0.6:
        return score, True  # same event, dated differently
    return None


def _masks_agree(a: _Item, b: _Item) -> bool:
    """A partly unknown value ("XXXX-10": October, year unknown) fits the other's value."""
    va, vb = a.timex.value, b.timex.value
    if "X" in va and "X" not in vb and granularity(vb) in ("day", "month"):
        return _value_fits(va, vb)
    if "X" in vb and "X" not in va and granularity(va) in ("day", "month"):
        return _value_fits(vb, va)
    return True


def _same_day_happening(a: _Item, b: _Item) -> bool:
    """Two reports of one known kind of happening (a lexicon class: launched / lifted off) on the
    same day, sharing a participant (an entity or a content lemma besides the verbs)."""
    if a.lo is None or a.lo != a.hi or b.lo != b.hi or a.lo != b.lo:
        return False
    ca = predicate_class(a.mention.predicate)
    if ca not in PREDICATE_CLASSES or ca != predicate_class(b.mention.predicate):
        return False
    verbs = {p.split(" ")[0] for p in (a.mention.predicate, b.mention.predicate) if p}
    return bool(a.entities & b.entities) or bool((a.keys & b.keys) - verbs)


_YEAR_WRITTEN = re.compile(r"\b(?:1[5-9]|20)\d\d\b")


def _same_month_reference(a: _Item, b: _Item) -> bool:
    """Two outlets' references to one past happening by the month they write out with its year
    ("when the grocery chain folded in March 2021" / "the chain's failure in March 2021"),
    sharing a story entity. Reports of the story's own days rarely write the year; a month
    written with it names background, and one participant's happening in one named month is
    taken to be one happening whatever the verb ("folded", "was charged after the failure",
    "lost her savings in the chain's failure") — unless the verbs name two different kinds of
    happening of the lexicon (convicted and sentenced in one month are two)."""
    if a.article == b.article or a.timex.value != b.timex.value or "X" in a.timex.value:
        return False
    if a.gran != "month" or not (a.entities & b.entities):
        return False
    ca, cb = predicate_class(a.mention.predicate), predicate_class(b.mention.predicate)
    if ca != cb and ca in PREDICATE_CLASSES and cb in PREDICATE_CLASSES:
        return False
    return all(_YEAR_WRITTEN.search(it.timex.text) for it in (a, b))


def _signature(it: _Item) -> tuple:
    """Everything the pair test reads of a mention: equal signatures score alike against all."""
    return (it.lo, it.hi, it.mention.predicate, it.entities, it.words, it.keys)


class _PairIndex:
    """Which later mentions a mention can merge with at all (:func:`_pair_score` is None for the
    rest): those of the same predicate class, those sharing a story entity, and those sharing
    two content lemmas (:func:`_min_shared`). Posting lists are in date order, so a date window
    is a slice of each; the sweep scores only these candidates instead of every mention in the
    window. Exact: the same pairs are merged as by scoring every pair in the window."""

    def __init__(self, reps: list[_Item], min_shared: int) -> None:
        self.min_shared = min_shared
        self.by_pred: dict[str, list[int]] = {}
        self.by_entity: dict[str, list[int]] = {}
        self.by_key: dict[str, list[int]] = {}
        for ci, it in enumerate(reps):
            pk = _pred_key(it.mention.predicate)
            if pk is not None:
                self.by_pred.setdefault(pk, []).append(ci)
            for e in it.entities:
                self.by_entity.setdefault(e, []).append(ci)
            for k in it.keys:
                self.by_key.setdefault(k, []).append(ci)

    @staticmethod
    def _window(bucket: list[int], lo: int, hi: int) -> list[int]:
        return bucket[bisect.bisect_left(bucket, lo):bisect.bisect_left(bucket, hi)]

    def candidates(self, a: _Item, lo: int, hi: int) -> list[int]:
        """Mentions ``lo <= j < hi`` that may merge with ``a``, ascending."""
        found: set[int] = set()
        pk = _pred_key(a.mention.predicate)
        if pk is not None:
            found.update(self._window(self.by_pred[pk], lo, hi))
        for e in a.entities:
            found.update(self._window(self.by_entity[e], lo, hi))
        shared: Counter[int] = Counter()
        for k in a.keys:
            shared.update(self._window(self.by_key[k], lo, hi))
        found.update(j for j, n in shared.items() if n >= self.min_shared)
        return sorted(found)


_Span = tuple[date, date]


def _common_span(members: list[_Item]) -> _Span | None:
    """The days all members' dates allow (open ends unbounded); None when they do not meet."""
    lo = max((it.lo for it in members if it.lo is not None), default=date.min)
    hi = min((it.hi for it in members if it.hi is not None), default=date.max)
    return (lo, hi) if lo <= hi else None


def _meet(a: _Span | None, b: _Span | None) -> _Span | None:
    if a is None or b is None:
        return None
    lo, hi = max(a[0], b[0]), min(a[1], b[1])
    return (lo, hi) if lo <= hi else None


def _hull(a: _Span | None, b: _Span | None) -> _Span:
    """Both spans (an entry whose outlets date it differently keeps the whole range)."""
    spans = [x for x in (a, b) if x is not None]
    if not spans:
        return (date.min, date.max)
    return (min(x[0] for x in spans), max(x[1] for x in spans))


def _cluster(items: list[_Item], opts: TimelineOptions) -> list[list[int]]:
    """Merge date-sorted mentions into entries (lists of item indices, by first index).

    Mentions with the same signature (syndicated or copied sentences: same date range, predicate,
    entities and content words) are one *class*; candidate pairs are scored between classes only,
    in a sweep over the date-sorted classes (blocking by date window), so the work grows with the
    number of distinct mentions, not with the number of copies. A class whose members may merge
    with each other (its pair test against itself passes — always true for a class that can merge
    with anything) is merged first, one unit per layer (an article's second copy of the same
    sentence goes to the second layer: one entry never holds two mentions of one article). Units
    are then merged best-first (score, then first index), as mention pairs were before; with no
    copies, units are mentions and the result is the pairwise greedy merge itself.
    """
    classes: dict[tuple, list[int]] = {}
    for i, it in enumerate(items):
        classes.setdefault(_signature(it), []).append(i)
    cls = list(classes.values())  # in order of first member: sorted by date, as the items are

    units: list[list[int]] = []  # item indices, ascending
    units_of: list[list[int]] = []  # class -> its units
    for members in cls:
        rep = items[members[0]]
        if len(members) > 1 and _pair_score(rep, rep, opts) is not None:
            layers: list[list[int]] = []
            seen: Counter[str] = Counter()
            for i in members:
                k = seen[items[i].article]
                seen[items[i].article] += 1
                if k == len(layers):
                    layers.append([])
                layers[k].append(i)
        else:
            layers = [[i] for i in members]
        units_of.append(list(range(len(units), len(units) + len(layers))))
        units.extend(layers)

    # (-score, first i, first j, unit, unit, dated differently)
    pairs: list[tuple[float, int, int, int, int, bool]] = []
    window = timedelta(days=opts.window_days)
    starts = [items[members[0]].key for members in cls]  # ascending
    index = _PairIndex([items[members[0]] for members in cls], _min_shared(opts))
    for ci, members in enumerate(cls):
        a = items[members[0]]
        # an open-ended date (undated article: "last October", after 2019-10-01) can be any later day
        reach = a.hi if a.hi is not None else date.max
        reach = reach + window if reach < date.max - window else date.max
        for cj in index.candidates(a, ci + 1, bisect.bisect_right(starts, reach)):
            b = items[cls[cj][0]]
            scored = _pair_score(a, b, opts)
            if scored is None:
                continue
            for u in units_of[ci]:
                for v in units_of[cj]:
                    fu, fv = units[u][0], units[v][0]
                    pairs.append((-scored[0], min(fu, fv), max(fu, fv), u, v, scored[1]))
    pairs.sort()

    uf = UnionFind(range(len(units)))
    arts = [{items[i].article for i in unit} for unit in units]  # by set representative
    # the days every member's date allows (by set representative): a coarse date ("this past
    # week") must not chain reports of different days (Thursday's count, Friday's) into one entry
    spans = [_common_span([items[i] for i in unit]) for unit in units]
    for _score, _fi, _fj, u, v, differently in pairs:
        ru, rv = uf.find(u), uf.find(v)
        if ru == rv or arts[ru] & arts[rv]:
            continue  # one entry never holds two mentions from the same article
        joint = _meet(spans[ru], spans[rv])
        if joint is None and not differently:
            continue  # compatible as a pair, but not with the dates the entries already hold
        root = uf.union(ru, rv)
        arts[root] = arts[ru] | arts[rv]
        spans[root] = joint if joint is not None else _hull(spans[ru], spans[rv])
    groups: dict[int, list[int]] = {}
    for u in range(len(units)):
        groups.setdefault(uf.find(u), []).extend(units[u])
    return sorted((sorted(g) for g in groups.values()), key=lambda g: g[0])


_DATELINE = re.compile(r"^(?:[A-Z][A-Z.'’ -]+(?:,\s*[A-Z][A-Za-z.]+)?\s*)?(?:\([^)]{1,40}\)\s*)?[—–]\s+")


def _summary(members: list[_Item]) -> str:
    """The clearest source sentence, trimmed: few quote marks, close to 25 words, a pinned date."""
    def badness(it: _Item) -> tuple[float, str, str]:
        t = it.mention.text
        n = len(t.split())
        quotes = sum(t.count(q) for q in "“”\"")
        dated = not it.undated and it.timex.resolved
        return (abs(n - 25) + 8 * quotes + (0 if dated else 5), it.article, t)

    best = min(members, key=badness)
    # a leading dateline or wire tag ("DENVER —", "(CNN) —") is not part of the statement
    text = _DATELINE.sub("", best.mention.text.strip(), count=1)
    if len(text) > 300:
        # cut at the first clause boundary after the time expression (still a substring)
        after = best.timex.end - best.mention.start if not best.undated else 0
        m = re.compile(r"(;|\s[—–-]\s|:\s)").search(text, max(after, 40))
        if m:
            text = text[: m.start()].rstrip(" ,")
    return text


_VALUE_PARTS = re.compile(r"^(\d{4})(?:-(\d\d|W\d\d))?(?:-(\d\d))?")


def _agreed_value(values: list[str]) -> str:
    """The value the outlets agree on when they date one event differently: the calendar units
    they share, coarser as TIMEX3 writes it ("2023-11-19" and "2023-11-20" → "2023-11"; "2022" and
    "2022-11" → "2022"); the bounds keep both days. Values that share no year are masked as before
    ("2024-10-03" and "2025-10-03" → "XXXX-10-03")."""
    parsed = [_VALUE_PARTS.match(v) for v in values]
    if not values or any(m is None for m in parsed):
        return mask_values(values)
    years = {m.group(1) for m in parsed if m is not None}
    if len(years) != 1:
        return mask_values(values)
    out = years.pop()
    for part in (2, 3):
        comps = {m.group(part) for m in parsed if m is not None}
        if len(comps) != 1 or None in comps:
            break
        out += "-" + comps.pop()
    return out


def _hash(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:12]


def _event(members: list[_Item],
           outlets: dict[str, str] | None = None) -> tuple[Event, Comparison | None]:
    members = sorted(members, key=lambda it: (it.article, it.mention.start, it.mention.timex))
    dated = [it for it in members if (it.lo or it.hi) and not it.undated]
    sources = []
    for it in members:
        if not it.undated:
            sources.append(EventSource(article=it.article, start=it.mention.start,
                                       end=it.mention.end, text=it.mention.text,
                                       time_text=it.timex.text, time_start=it.timex.start,
                                       time_end=it.timex.end, dated_by=it.basis))
        else:  # dated by the entry's other reports, else by its article's narrative time
            sources.append(EventSource(article=it.article, start=it.mention.start,
                                       end=it.mention.end, text=it.mention.text, time_text="",
                                       dated_by="other reports" if dated else "narrative time"))
    eid = _hash(*(f"{s.article}:{s.start}:{s.end}:{s.time_start}" for s in sources))
    preds = Counter(it.mention.predicate for it in members if it.mention.predicate)
    predicate = min(preds, key=lambda p: (-preds[p], p)) if preds else None
    ent_count = Counter(e for it in members for e in it.entities)
    entities = sorted(ent_count, key=lambda e: (-ent_count[e], e))
    if not dated:
        narrative = _narrative_date(members)
        assert narrative is not None  # _merge_undated keeps only groups that have one
        n_lo, n_hi, value = narrative
        value = n_lo.isoformat() if n_lo == n_hi else value
        date_ = EventDate(value=value, earliest=iso(n_lo), latest=iso(n_hi),
                          granularity=granularity(value), approximate=True)  # type: ignore[arg-type]
        return Event(id=eid, date=date_, summary=_summary(members), sources=sources,
                     entities=entities, predicate=predicate), None
    lo = max((it.lo for it in dated if it.lo), default=None)
    hi = min((it.hi for it in dated if it.hi), default=None)
    comparison = None
    if lo is None or hi is None or lo <= hi:
        # consistent: the most precise date that every source allows
        best = min(dated, key=lambda it: ((it.hi or date.max) - (it.lo or date.min),
                                            not it.timex.resolved, it.timex.value))
        date_ = EventDate(value=best.timex.value, earliest=iso(best.lo), latest=iso(best.hi),
                          granularity=best.gran,  # type: ignore[arg-type]
                          approximate=not best.timex.resolved)
        narrative = _narrative_date([it for it in members if it.undated])
        if not best.timex.resolved and narrative is not None and best.gran == "day":
            # "March 28" in an undated report, year unknown: the other reports' time pins it
            # (a day: "last year" or "in May" tell of background, not of the narrative's days)
            n_lo, n_hi, _value = narrative
            if n_lo == n_hi and (lo is None or lo <= n_lo) and (hi is None or n_hi <= hi) \
                    and _value_fits(best.timex.value, n_lo.isoformat()):
                value = n_lo.isoformat() + ("T" + best.timex.value.split("T")[1]
                                            if "T" in best.timex.value else "")
                date_ = EventDate(value=value, earliest=iso(n_lo), latest=iso(n_hi),
                                  granularity="day", approximate=True)
    else:
        values = sorted({it.timex.value for it in dated})
        lo_all = min((it.lo for it in dated if it.lo), default=None)
        hi_all = max((it.hi for it in dated if it.hi), default=None)
        coarsest = max((it.gran for it in dated), key=lambda g: _GRAN_RANK.get(g, 7))
        date_ = EventDate(value=_agreed_value(values), earliest=iso(lo_all), latest=iso(hi_all),
                          granularity=coarsest, approximate=True)  # type: ignore[arg-type]
        sides = []
        for v in values:
            arts = sorted({it.article for it in dated if it.timex.value == v})
            sides.append(ComparisonSide(value=v, claims=[], articles=arts))
        what = predicate or eid
        names = outlets or {}

        def said(s: ComparisonSide) -> str:
            who = ", ".join(sorted({names.get(a, "an article") for a in s.articles}))
            text = next(it.timex.text for it in dated if it.timex.value == s.value)
            return f"{who} (“{text}”)"

        explanation = "; ".join(said(s) for s in sides)
        comparison = Comparison(id=_hash("date_of", eid), subject=entities[0] if entities else "",
                                attribute=f"date_of:{what}", status="conflict", sides=sides,
                                explanation=f"Sources date this differently: {explanation}.")
    event = Event(id=eid, date=date_, summary=_summary(members), sources=sources,
                  entities=entities, predicate=predicate)
    return event, comparison


# ----------------------------------------------------------------------------- undated mentions


def _undated_items(analyses: Sequence[ArticleAnalysis], entity_map: dict[str, str],
                   idf: dict[str, float] | None, opts: TimelineOptions) -> list[_Item]:
    """Mentions without a time expression of their own, each with its article's *narrative time*:
    the date anchored last before it in the same paragraph, else the article's lead date (its
    first day-level anchored date, when that lies in the week before publication or the article
    has no known publication date). A mention with neither keeps no date (lo = hi = None): it can
    only join a dated report of the same event."""
    out: list[_Item] = []
    for a in analyses:
        text = a.article.text
        pub = parse_iso(a.article.published.date)
        anchored: list[tuple[EventMention, TimeExpr]] = []
        for ev in a.events:
            if 0 <= ev.timex < len(a.timexes):
                tx = a.timexes[ev.timex]
                if tx.earliest and tx.latest:
                    anchored.append((ev, tx))
        lead: TimeExpr | None = None
        for _ev, tx in anchored:
            day = parse_iso(tx.earliest)
            if granularity(tx.value) != "day" or tx.earliest != tx.latest or day is None:
                continue
            if pub is None or timedelta(0) <= pub - day <= timedelta(days=opts.narrative_lead_days):
                lead = tx
                break
        for ev in a.events:
            if ev.timex >= 0:
                continue
            ref = lead
            for prev, tx in anchored:
                if prev.start < ev.start and "\n" not in text[prev.start:ev.start]:
                    ref = tx
            lo = parse_iso(ref.earliest) if ref else None
            hi = parse_iso(ref.latest) if ref else None
            if ref is None and pub is not None and opts.narrative_pub_days is not None and \
                    pub > date.min + timedelta(days=opts.narrative_pub_days):
                # no date in the article to go by: a news report tells of the last days
                lo, hi = pub - timedelta(days=opts.narrative_pub_days), pub
            ents = frozenset(entity_map.get(k, k) for k in ev.entities)
            item = _Item(a.article.id, ev, ref, lo, hi, ents, "",  # type: ignore[arg-type]
                         _mention_keys(ev, entity_map), undated=True, idf=idf,
                         years=_named_years(a.timexes, ev) if opts.named_years else frozenset())
            if lo is None and hi is None:
                # no time to go by: the article's publication range (inferred), if it has one
                p_lo, p_hi = parse_iso(a.article.published.earliest), parse_iso(a.article.published.latest)
                if p_lo is not None or p_hi is not None:
                    item.published = (p_lo, p_hi)
            out.append(item)
    return out


@lru_cache(maxsize=4096)
def _key_classes(keys: frozenset[str]) -> frozenset[str]:
    return frozenset(c for k in keys if (c := _PRED_CLASS.get(k)) is not None)


def _related_predicates(u: _Item, m: _Item) -> bool:
    """The same predicate class, or one's predicate is of a class another verb (or noun) of the
    other sentence names: "The judge said he *committed* perjury" / "The jurist spotlighted
    instances in which he *committed* perjury"."""
    if same_predicate(u.mention.predicate, m.mention.predicate):
        return True
    if _stative(u) or _stative(m):
        return True  # a state ("were at the plant on Sunday") names no happening to differ
    cu, cm = predicate_class(u.mention.predicate), predicate_class(m.mention.predicate)
    return bool((cu and (cu in m.keys or cu in _key_classes(m.keys))) or
                (cm and (cm in u.keys or cm in _key_classes(u.keys))))


def _stative(it: _Item) -> bool:
    """The mention's predicate is a state or a copula (``STATIVE_PREDICATES``: "was", "had"), dated
    by its sentence: what it reports is told by its participants, not by its verb."""
    p = it.mention.predicate
    return p is not None and p.split(" ")[0] in STATIVE_PREDICATES


def _min_shared(opts: TimelineOptions) -> int:
    """No :func:`_content_match` with fewer shared lemmas than this."""
    return min(opts.attach_shared_same_class, opts.attach_shared_other)


def _enough_shared(shared: frozenset[str], verbs: set[str], opts: TimelineOptions) -> bool:
    """Whether lemmas ``shared`` by two mentions can make a :func:`_content_match` at all:
    ``opts.attach_shared_same_class`` besides the verbs, or ``opts.attach_shared_other`` in all.
    With only one side's verb known, a necessary condition (used to block candidates)."""
    return len(shared) >= opts.attach_shared_other or \
        len(shared - verbs) >= opts.attach_shared_same_class


def _verbs(*items: _Item) -> set[str]:
    """The verbs of the mentions' predicates ("slam into" → "slam")."""
    return {it.mention.predicate.split(" ")[0] for it in items if it.mention.predicate}


def _content_match(u: _Item, m: _Item, opts: TimelineOptions) -> float | None:
    """How well ``u`` matches mention ``m`` as a report of the same event (None: not).

    Lemmas count by their weight in the story (:func:`_key_weights`). With the same predicate
    class (or lemma): ``opts.attach_shared_same_class`` shared lemmas besides the verbs, holding
    ``opts.attach_overlap_same`` of the smaller mention's weight. With another predicate:
    ``opts.attach_shared_other`` shared lemmas that are not in most of the story's sentences,
    holding ``opts.attach_overlap_other`` of the weight. Names count as their lemmas: entities are
    not required to agree (one outlet names the judge, another the court)."""
    common = u.keys & m.keys
    if len(common) < _min_shared(opts):
        return None
    idf = u.idf or {}
    ov = sum(idf.get(k, 1.0) for k in common) / min(u.weight, m.weight)
    if _related_predicates(u, m):
        verbs = {p.split(" ")[0] for p in (u.mention.predicate, m.mention.predicate) if p}
        # a known kind of happening (lexicon class) needs less than a plain verb ("say", "tell")
        need = opts.attach_overlap_same if predicate_class(u.mention.predicate) in PREDICATE_CLASSES \
            or predicate_class(m.mention.predicate) in PREDICATE_CLASSES else opts.attach_overlap_plain
        # a short report all of whose participants the other names needs no more than it has
        # ("We are still trying to reach the probe", posted / "posted that they were still trying to reach it")
        own = min((u.keys - verbs, m.keys - verbs), key=len)
        enough = min(opts.attach_shared_same_class, len(own)) if own and own <= common \
            else opts.attach_shared_same_class
        if len(common - verbs) >= enough and ov >= need:
            return 0.5 + ov
        return None
    informative = [k for k in common if idf.get(k, 1.0) > 1.0]
    if len(informative) >= opts.attach_shared_other and ov >= opts.attach_overlap_other:
        return ov
    return None


def _named_years(timexes: Sequence[TimeExpr], ev: EventMention) -> frozenset[int]:
    """Years written out in the sentence of an undated mention ("the 2018 fire", "in 1960"): no
    time expression anchors its predicate, but the sentence may be about that year's happening
    rather than the days its paragraph tells of."""
    out = set()
    for t in timexes:
        if ev.start <= t.start and t.end <= ev.end and t.anchor == "absolute" and t.part == "text" \
                and re.fullmatch(r"\d{4}", t.value):
            out.add(int(t.value))
    return frozenset(out)


def _in_named_year(u: _Item, m: _Item) -> bool:
    """``m``'s date lies in a year ``u``'s sentence names: the two may report that year's event
    whatever ``u``'s narrative time says."""
    return m.lo is not None and m.hi is not None and m.lo.year == m.hi.year and m.lo.year in u.years


def _dates_compatible(u: _Item, m: _Item) -> bool:
    """Narrative time of ``u`` (or none) within the window of ``m``'s date."""
    if u.lo is None and u.hi is None:
        return True
    if m.lo is None and m.hi is None:
        return not m.undated  # floating dated mention: no bound to contradict
    return _overlap(u, m)


def _near(u: _Item, m: _Item, days: int) -> bool:
    """Both dated, and less than ``days`` apart."""
    if u.lo is None or u.hi is None or m.lo is None or m.hi is None:
        return False
    gap = max((u.lo - m.hi).days, (m.lo - u.hi).days)
    return gap <= days


class _Blocks:
    """Candidate units for the undated merge (blocking): an inverted index from content lemma and
    predicate class to the units (entries and undated mentions) that carry it. A key in more than
    ``1/opts.block_share`` of the units ("say", the story's main name) proposes nothing; one in
    more than ``opts.block_nearest`` units proposes the nearest in date only (the same event is
    reported near one date). A proposed unit must share enough lemmas with the mention
    (:func:`_enough_shared`), else no member of it can match (:func:`_content_match`). The work
    per mention is bounded by its number of keys, not by the size of the story."""

    def __init__(self, units: list[list[_Item]], opts: TimelineOptions) -> None:
        self.units = units
        self.opts = opts
        self.by_key: dict[str, list[int]] = {}
        self.keys: list[frozenset[str]] = []
        self.anchor: list[int | None] = []  # the unit's earliest date (ordinal), for nearness
        for unit_no, unit in enumerate(units):
            keys: set[str] = set()
            for it in unit:
                keys.update(it.keys)
                pc = predicate_class(it.mention.predicate)
                if pc:
                    keys.add("\x00" + pc)
            for key in keys:
                self.by_key.setdefault(key, []).append(unit_no)
            self.keys.append(frozenset(k for k in keys if not k.startswith("\x00")))
            days = [it.lo.toordinal() for it in unit if it.lo is not None]
            self.anchor.append(min(days) if days else None)
        self.cap = max(8, len(units) // opts.block_share)
        self._by_date: dict[str, tuple[list[int], list[int]]] = {}
        self._members: dict[int, dict[str, list[int]]] = {}

    def _nearest(self, key: str, day: int | None) -> list[int]:
        """The ``opts.block_nearest`` units of a large bucket nearest to ``day`` (none without)."""
        if day is None:
            return []
        if key not in self._by_date:
            dated = sorted((a, n) for n in self.by_key[key] if (a := self.anchor[n]) is not None)
            self._by_date[key] = ([a for a, _ in dated], [n for _, n in dated])
        days, ids = self._by_date[key]
        i = j = bisect.bisect_left(days, day)
        out: list[int] = []
        while len(out) < self.opts.block_nearest and (i > 0 or j < len(days)):
            if j < len(days) and (i == 0 or days[j] - day <= day - days[i - 1]):
                out.append(ids[j])
                j += 1
            else:
                i -= 1
                out.append(ids[i])
        return out

    def candidates(self, u: _Item, u_unit: int, n_groups: int) -> list[int]:
        """Units ``u`` may join, each once, ascending."""
        found: set[int] = set()
        day = u.lo.toordinal() if u.lo is not None else None
        small = min(self.cap, self.opts.block_nearest)
        for key in list(u.keys) + ["\x00" + (predicate_class(u.mention.predicate) or "")]:
            bucket = self.by_key.get(key, ())
            if len(bucket) <= small:
                found.update(bucket)
            elif len(bucket) <= self.cap:
                found.update(self._nearest(key, day))
        out = []
        verbs = _verbs(u)
        min_shared = _min_shared(self.opts)
        for vi in sorted(found):
            if vi == u_unit or (n_groups <= vi < u_unit):
                continue  # each undated pair once
            if vi >= n_groups and (not u.undated or not self.units[vi][0].undated):
                continue  # a floating date ("Tuesday", year unknown) only joins a dated entry
            shared = u.keys & self.keys[vi]
            if len(shared) < min_shared or not _enough_shared(shared, verbs, self.opts):
                continue  # no member can match
            out.append(vi)
        return out

    def members(self, vi: int, u: _Item) -> list[_Item]:
        """The members of unit ``vi`` sharing two lemmas with ``u`` (a large entry gets a lemma
        index of its own on first use), in unit order."""
        unit = self.units[vi]
        if len(unit) <= 8:
            return unit
        index = self._members.get(vi)
        if index is None:
            index = self._members[vi] = {}
            for i, it in enumerate(unit):
                for k in it.keys:
                    index.setdefault(k, []).append(i)
        hits: Counter[int] = Counter()
        for k in u.keys:
            hits.update(index.get(k, ()))
        min_shared = _min_shared(self.opts)
        sharing = [i for i, n in hits.items() if n >= min_shared]
        if len(sharing) > self.opts.block_members:  # the members sharing most lemmas, first in unit order
            sharing = sorted(sharing, key=lambda i: (-hits[i], i))[:self.opts.block_members]
        return [unit[i] for i in sorted(sharing)]


def _narratives_meet(u: _Item, m: _Item) -> bool:
    """Two undated reports may be of one event: their narrative times overlap, or one has none
    but its article's publication range (inferred: "after the 2022 collapse it mentions") allows
    the other's time, which then dates both."""
    if u.lo is not None and m.lo is not None:
        return _overlap(u, m)
    timeless, timed = (u, m) if u.lo is None else (m, u)
    if timed.lo is None or timed.hi is None or timeless.published is None:
        return False
    p_lo, p_hi = timeless.published
    return (p_lo is None or p_lo <= timed.hi) and (p_hi is None or timed.lo <= p_hi)


def _best_match(u: _Item, unit: list[_Item], entry: bool, opts: TimelineOptions) -> float | None:
    """The best :func:`_content_match` of ``u`` with a member of ``unit`` (an entry, or another
    undated mention) whose date allows it, None when no member may take it."""
    best: float | None = None
    min_shared = _min_shared(opts)
    for m in unit:
        if m.article == u.article:
            continue
        shared = u.keys & m.keys
        if len(shared) < min_shared or not _enough_shared(shared, _verbs(u, m), opts):
            continue  # (too few shared lemmas: no content match, whatever the dates)
        if not u.undated:
            if m.undated or not _value_fits(u.timex.value, m.timex.value):
                continue  # the floating value must fit the report's date
        elif not entry and not _narratives_meet(u, m):
            continue  # two undated reports need a common narrative time
        elif not entry and (u.lo is None or m.lo is None):
            # one has no time of its own: only a strong content match dates it by the other
            sc = _content_match(u, m, opts)
            if sc is not None and sc >= opts.strong_match and (best is None or sc > best):
                best = sc
            continue
        elif entry and not m.undated and u.timex is not None and not _masks_agree(u, m):
            continue
        elif entry and not _dates_compatible(u, m) and not _in_named_year(u, m):
            # the narrative time is an estimate: a near miss is forgiven on a strong match of
            # one kind of report (not a saying about one thing and a saying about another)
            if not _near(u, m, opts.narrative_slack_days) or not _same_report_kind(u, m):
                continue
            sc = _content_match(u, m, opts)
            if sc is not None and sc >= opts.strong_match and (best is None or sc > best):
                best = sc
            continue
        sc = _content_match(u, m, opts)
        if sc is not None and (best is None or sc > best):
            best = sc
    return best


def _same_report_kind(u: _Item, m: _Item) -> bool:
    """The same predicate (or lexicon class), or one of them a state: not a report related to
    the other only because its attribution ("…, the ministry said") names the other's saying."""
    return same_predicate(u.mention.predicate, m.mention.predicate) or _stative(u) or _stative(m) \
        or _head_class(u) is not None or _head_class(m) is not None


def _merge_undated(groups: list[list[_Item]], undated: list[_Item], opts: TimelineOptions) -> list[list[_Item]]:
    """Undated mentions join the entry with the best-matching report of the same event
    (:func:`_content_match`, compatible narrative time, one mention per article and entry unless
    the mention matches strongly or retells its article's sentence there: :func:`_retells`);
    the rest are grouped among themselves, and a group reported by two or more articles with a
    common narrative time becomes an entry of its own. Candidates come from an index on predicate
    class and content lemma (blocking, :class:`_Blocks`), never all pairs."""
    units: list[list[_Item]] = [list(g) for g in groups] + [[u] for u in undated]
    n_groups = len(groups)
    block = _Blocks(units, opts)
    pairs: list[tuple[float, int, int]] = []
    for k, ui in enumerate(undated):
        u_unit = n_groups + k
        for vi in block.candidates(ui, u_unit, n_groups):
            best = _best_match(ui, block.members(vi, ui), vi < n_groups, opts)
            if best is not None:
                pairs.append((-best, min(u_unit, vi), max(u_unit, vi)))
    pairs.sort()
    uf = UnionFind(range(len(units)))
    arts = [{it.article for it in unit} for unit in units]  # by set representative
    # by set representative: its members by article (to find an article's own sentence at once)
    members: list[dict[str, list[_Item]]] = []
    for unit in units:
        by_article: dict[str, list[_Item]] = {}
        for it in unit:
            by_article.setdefault(it.article, []).append(it)
        members.append(by_article)
    for _s, a, b in pairs:
        ra, rb = uf.find(a), uf.find(b)
        if ra == rb:
            continue
        if ra < n_groups and rb < n_groups:
            continue  # two dated entries are never joined through an undated mention
        if _same_sentence(members[ra], members[rb]):
            continue  # one sentence's two dates ("inked it on Monday, ending the walkout that began on May 4")
        common = arts[ra] & arts[rb]
        if common and not (opts.retellings and min(ra, rb) < n_groups and
                           all(len(members[ra][art]) + len(members[rb][art]) <= opts.retellings
                               for art in common) and
                           (-_s >= opts.strong_match or
                            _retells(members[max(ra, rb)], members[min(ra, rb)], common, opts))):
            continue  # one mention per article and entry, unless the article tells the event again
        root = uf.union(ra, rb)
        arts[root] = arts[ra] | arts[rb]
        small, large = sorted((members[ra], members[rb]), key=len)
        for art, its in small.items():
            large.setdefault(art, []).extend(its)
        members[root] = large
    merged: dict[int, list[_Item]] = {}
    for unit_no in range(len(units)):
        merged.setdefault(uf.find(unit_no), []).extend(units[unit_no])
    out: list[list[_Item]] = []
    for root in sorted(merged):
        group = merged[root]
        if root < n_groups:
            out.append(group)
        elif len({it.article for it in group}) >= 2 and _narrative_date(group) is not None:
            out.append(group)  # undated only: kept when two outlets report it at one time
        elif opts.single_happenings and len(group) == 1 and _happening(group[0]):
            out.append(group)
    return out


def _same_sentence(a: dict[str, list[_Item]], b: dict[str, list[_Item]]) -> bool:
    """Whether two units (by article) hold mentions of one sentence. A sentence that dates two
    clauses ("inked a contract on Monday, ending the walkout that began on May 4") makes one
    mention per date; their participants are the whole sentence's, so each matches the other's
    entry perfectly, but a sentence does not retell itself: it reports two happenings."""
    if len(b) < len(a):
        a, b = b, a
    for art, its in a.items():
        others = b.get(art)
        if others and {(it.mention.start, it.mention.end, it.mention.text) for it in its} & \
                {(it.mention.start, it.mention.end, it.mention.text) for it in others}:
            return True
    return False


def _retells(joining: dict[str, list[_Item]], entry: dict[str, list[_Item]], common: set[str],
             opts: TimelineOptions) -> bool:
    """Whether the undated reports ``joining`` (by article) may join ``entry`` (by article) although
    articles ``common`` have a sentence in both: each such report retells its own article's
    sentence in the entry (a happening of the same lexicon class, or the same participants by
    :func:`_content_match`). An article tells its main event in the lede and again in a detail;
    the one-mention rule would put those apart."""
    for u in (u for art in sorted(common) for u in joining[art]):
        own = entry[u.article]
        kind = predicate_class(u.mention.predicate)
        if not any((kind in PREDICATE_CLASSES and kind == predicate_class(m.mention.predicate)) or
                   _content_match(u, m, opts) is not None for m in own):
            return False
    return True


def _happening(it: _Item) -> bool:
    """An undated report of a known kind of happening (its predicate is in the lexicon: died,
    collapsed, rescued, sentenced ...) with a day-level narrative time: placed on the timeline
    even when only one outlet reports it."""
    return (it.mention.predicate is not None and predicate_class(it.mention.predicate) in
            PREDICATE_CLASSES and it.lo is not None and it.lo == it.hi)


def _narrative_date(group: list[_Item]) -> tuple[date, date, str] | None:
    """Common narrative time of undated mentions: (first day, last day, value), or None."""
    refs = [it for it in group if it.lo is not None and it.hi is not None]
    if not refs:
        return None
    lo = max(it.lo for it in refs if it.lo is not None)
    hi = min(it.hi for it in refs if it.hi is not None)
    if lo > hi:
        return None
    # the narrowest named window (not only publication windows), then the smallest value
    named = [(it.hi - it.lo, it.timex.value) for it in refs
             if it.timex is not None and it.lo is not None and it.hi is not None]
    if not named:
        return None
    return lo, hi, min(named)[1]


@dataclass(slots=True)
class TimelineDraft:
    """The story's event mentions merged into entries, before dating and ordering: the work that
    :func:`refine_publication` and :func:`build_timeline` share. It belongs to one list of
    analyses, one entity map and one options record (by identity): given other ones, the merge
    is made again."""

    analyses: Sequence[ArticleAnalysis]
    entity_map: dict[str, str]
    opts: TimelineOptions
    groups: list[list[_Item]]


def draft_timeline(analyses: Sequence[ArticleAnalysis], entity_map: dict[str, str],
                   opts: TimelineOptions | None = None) -> TimelineDraft:
    """Merge the event mentions of ``analyses``: dated ones by date and content, floating ones
    into dated entries, undated ones by content and narrative time."""
    opts = opts or TimelineOptions()
    idf = _key_weights(analyses, entity_map)
    groups = _merged(analyses, entity_map, idf, opts, [])
    if opts.anchored_dates:
        anchored = _anchored_items(groups, _undated_items(analyses, entity_map, idf, opts),
                                   sentence_phrases(analyses, opts.anchor_words), idf)
        if anchored:  # those sentences are dated now: the merge again, with them as dated reports
            groups = _merged(analyses, entity_map, idf, opts, anchored)
    return TimelineDraft(analyses, entity_map, opts, groups)


def _merged(analyses: Sequence[ArticleAnalysis], entity_map: dict[str, str], idf: dict[str, float],
            opts: TimelineOptions, anchored: list[_Item]) -> list[list[_Item]]:
    items, floating = _items(analyses, entity_map, idf, one_day=opts.one_day_per_sentence)
    if anchored:
        items = sorted(items + anchored, key=lambda it: (it.key, it.article, it.mention.start, it.mention.timex))
    groups = [[items[i] for i in group] for group in _cluster(items, opts)]
    groups = _attach_floating(groups, floating)
    taken = {(it.article, it.mention.start, it.mention.end) for it in anchored}
    undated = [u for u in _undated_items(analyses, entity_map, idf, opts)
               if (u.article, u.mention.start, u.mention.end) not in taken]
    groups = _merge_undated(groups, _unattached(groups, floating) + undated, opts)
    return _join_same_day(groups, opts.retellings, opts.clock_apart_minutes) if opts.same_day_happenings \
        else groups


def _head_class(it: _Item) -> str | None:
    """The lexicon class (a kind of happening) of the mention's predicate, None outside it."""
    cls = predicate_class(it.mention.predicate)
    return cls if cls in PREDICATE_CLASSES else None


_CLOCK = re.compile(r"T(\d\d):(\d\d)(?::\d\d)?(.*)$")
_MERIDIEM = re.compile(r"(?i)\b(?:[ap]\.?\s?m\b\.?|noon|midnight)|[ap]m\b|\d[ap]\.?m\b")


def _clock(it: _Item) -> tuple[int, str, bool] | None:
    """(minute of the day, time zone as written, whether it may be 12 hours off) of the clock time
    a dated report's own expression gives ("at 4:12 a.m."), else None. "6:04" without a.m./p.m. may
    be either."""
    if it.undated or it.timex is None or (m := _CLOCK.search(it.timex.value)) is None:
        return None
    hour = int(m.group(1))
    twelve = hour <= 12 and not _MERIDIEM.search(it.timex.text)
    return hour * 60 + int(m.group(2)), m.group(3), twelve


def _clocks_apart(a: _Item, b: _Item, minutes: int) -> bool:
    """Two reports of one day at clock times of one time zone more than ``minutes`` apart: two
    happenings (a clock time without a.m./p.m. is compared both ways)."""
    ca, cb = _clock(a), _clock(b)
    if ca is None or cb is None or a.lo != b.lo or ca[1] != cb[1]:
        return False
    gap = abs(ca[0] - cb[0])
    if ca[2] or cb[2]:
        gap = min(gap, abs(gap - 720))
    return gap > minutes


def _kinds(it: _Item) -> frozenset[str]:
    """The kinds of happening (``HAPPENING_GROUPS``) the report names."""
    return frozenset(name for name, words in HAPPENING_GROUPS.items() if it.keys & words)


def _tell_same_happening(a: _Item, b: _Item, *, day: bool = True) -> bool:
    """Two reports of one day tell of one happening: one's predicate is of a lexicon class the
    other names too (its own predicate, an event noun or another verb: "the lander *touched
    down*" / "the *landing* set off cheers" / "became the first to *land*") and
    they share a participant besides the verbs; or both name the same kind of disaster and one
    reports a lexicon happening ("the fire *began*" / "the flames moved closer")."""
    ka, kb = _kinds(a), _kinds(b)
    if ka and kb and not ka & kb:
        return False  # each names a kind of happening the other does not: "the quake" / "an aftershock"
    ha, hb = _head_class(a), _head_class(b)
    named_a = _key_classes(a.keys) | {ha}
    named_b = _key_classes(b.keys) | {hb}
    for cls in {c for c in (ha, hb) if c is not None and c in named_a and c in named_b}:
        # a participant: a shared word other than the verbs and the words that name the happening
        naming = _verbs(a, b) | {k for k in a.keys | b.keys if _PRED_CLASS.get(k) == cls}
        if a.entities & b.entities or (a.keys & b.keys) - naming:
            return True
    if ha is None and hb is None:
        return False
    for words in HAPPENING_GROUPS.values():
        if a.keys & words and b.keys & words:
            # in a whole year, one kind of disaster may strike twice: another shared participant
            return day or bool((a.keys & b.keys) - words - _verbs(a, b))
    return False


_YEAR_VALUE = re.compile(r"^\d{4}$")


def _group_unit(group: list[_Item]) -> tuple[str, bool] | None:
    """The one calendar unit an entry's reports put it on: a day (:func:`_group_day`), or a year
    every dated report's sentence writes out ("in 2019", "the 1918 fire"); with whether a report dates it
    by an expression of its own. None otherwise."""
    found = _group_day(group)
    if found is not None:
        return found[0].isoformat(), found[1]
    dated = [it for it in group if not it.undated]
    values = {it.timex.value for it in dated}
    if len(values) == 1 and _YEAR_VALUE.match(year := next(iter(values))) and \
            all(re.search(rf"\b{year}\b", it.mention.text) for it in dated):
        return year, True
    return None


def _join_same_day(groups: list[list[_Item]], retellings: int = 0,
                   clock_apart: int | None = None) -> list[list[_Item]]:
    """Entries of one day (or of one year written out, :func:`_group_unit`) that tell of one
    happening (:func:`_tell_same_happening` between a report of each) become one entry, when at
    least one of them is dated by an expression of its own and an article in both retells the
    happening there (:func:`_may_retell`; none may with ``retellings`` 0). The pair
    merge compares mentions one verb at a time, so outlets that tell the day's happening by
    different predicates ("touched down", "became the first to land", "the landing set off
    cheers") stay apart there; on one day, the happening they share is the event. Entries with
    reports at clock times more than ``clock_apart`` minutes apart stay two (:func:`_clocks_apart`)."""
    by_day: dict[str, list[int]] = {}
    firm: list[bool] = []
    for gi, group in enumerate(groups):
        found = _group_unit(group)
        firm.append(bool(found and found[1]))
        if found is not None:
            by_day.setdefault(found[0], []).append(gi)
    # an entry's distinct reports (copies of one sentence read alike: compared once); by group,
    # and by set representative as entries join
    distinct = [_distinct(g) for g in groups]
    joined_distinct = list(distinct)
    uf = UnionFind(range(len(groups)))
    members = [list(g) for g in groups]  # by set representative
    sure = list(firm)
    for day in sorted(by_day):
        ids = by_day[day]
        is_day = len(day) > 4
        for x, gi in enumerate(ids):
            for gj in ids[x + 1:]:
                ri, rj = uf.find(gi), uf.find(gj)
                if ri == rj or not (sure[ri] or sure[rj]):
                    continue
                if not any(_tell_same_happening(a, b, day=is_day) for a in distinct[gi] for b in distinct[gj]):
                    continue
                if not _may_retell(members[ri], members[rj], retellings, day=is_day):
                    continue
                if clock_apart is not None and any(_clocks_apart(a, b, clock_apart)
                                                   for a in joined_distinct[ri] for b in joined_distinct[rj]):
                    continue
                root = uf.union(ri, rj)
                members[root] = members[ri] + members[rj]
                joined_distinct[root] = _distinct(joined_distinct[ri] + joined_distinct[rj])
                sure[root] = sure[ri] or sure[rj]
    joined: dict[int, list[_Item]] = {}
    for gi, group in enumerate(groups):
        joined.setdefault(uf.find(gi), []).extend(group)
    return [joined[r] for r in sorted(joined)]


def _distinct(reports: list[_Item]) -> list[_Item]:
    """One report per distinct reading (predicate, content lemmas, entities, time expression):
    the copies of a syndicated sentence are compared once."""
    return list({(it.mention.predicate, it.keys, it.entities, it.undated,
                  (it.timex.value, it.timex.text) if it.timex else None): it for it in reports}.values())


def _may_retell(a: list[_Item], b: list[_Item], retellings: int, *, day: bool) -> bool:
    """Whether two entries may be one although an article has a report in both: each such
    article tells one happening in different sentences of both, and has at most ``retellings`` in
    all (a lede and its detail); with ``retellings`` 0, no article may be in both."""
    arts_a = Counter(it.article for it in a)
    arts_b = Counter(it.article for it in b)
    for art in arts_a.keys() & arts_b.keys():
        if arts_a[art] + arts_b[art] > retellings:
            return False
        own_a = [it for it in a if it.article == art]
        own_b = [it for it in b if it.article == art]
        if any(x.mention.text == y.mention.text for x in own_a for y in own_b):
            return False  # a repeated sentence is a copy, not a retelling: one copy per entry
        if not any(_tell_same_happening(x, y, day=day) for x in own_a for y in own_b):
            return False
    return True


def _group_day(group: list[_Item]) -> tuple[date, bool] | None:
    """The one day an entry's reports put it on, and whether a report dates it with an expression
    of its own (not only narrative time); None when the entry spans more than a day."""
    dated = [it for it in group if (it.lo or it.hi) and not it.undated]
    if dated:
        lo = max((it.lo for it in dated if it.lo), default=None)
        hi = min((it.hi for it in dated if it.hi), default=None)
        return (lo, True) if lo is not None and lo == hi else None
    narrative = _narrative_date(group)
    if narrative is None or narrative[0] != narrative[1]:
        return None
    return narrative[0], False


def _anchor_class(phrase: AnchoredPhrase, keys: frozenset[str]) -> str | None:
    """The predicate class the anchor phrase names: its first word that is a lexicon predicate or
    event noun ("the touchdown", "the collapse"), or a verb form of one of the sentence's lemmas
    ("he was fired" → fire); None when it names none ("the disaster")."""
    for w in phrase.words:
        if w in _PRED_CLASS:
            return _PRED_CLASS[w]
        for k in keys:
            stem = k[:-1] if k.endswith("e") else k
            if k in _PRED_CLASS and len(stem) >= 3 and w.startswith(stem) and len(w) - len(k) <= 3:
                return _PRED_CLASS[k]
    return None


def _mkey(it: _Item) -> tuple[str, int, int]:
    return it.article, it.mention.start, it.mention.end


def _anchored_items(groups: list[list[_Item]], undated: list[_Item],
                    phrases: dict[tuple[str, int, int], AnchoredPhrase], idf: dict[str, float]) -> list[_Item]:
    """Undated reports dated through the story event their sentence names as its anchor
    (:mod:`storyline.story.anchored`): the entries with a report of the anchor's class that shares
    the participants the anchor phrase names must all lie on one day, at least one of them dated
    by an expression of its own."""
    out: list[_Item] = []
    for it in undated:
        ph = phrases.get(_mkey(it))
        if ph is not None:
            cls = _anchor_class(ph, it.keys)
            onset: frozenset[str] = frozenset()
            if cls is None:
                # a noun outside the lexicon ("days after the disaster"): the day its onset is told
                # (its head: the phrase's first participant word; a synonym names the same happening)
                head = next((w for w in ph.words if w in it.keys and w not in _PRED_CLASS), None)
                if head is None:
                    continue
                onset = frozenset({head}) | _SYNONYMS.get(head, frozenset())
            named = frozenset(w for w in ph.words if w in it.keys and _PRED_CLASS.get(w) != cls) - onset
            days: set[date] = set()
            firm = False
            for other in groups:
                # (the sentence itself may sit in its anchor's entry: it names the anchor)
                if onset:
                    reports = [o for o in other if predicate_class(o.mention.predicate) in ONSET_CLASSES
                               and onset & o.keys and _mkey(o) != _mkey(it)]
                else:
                    reports = [o for o in other if predicate_class(o.mention.predicate) == cls
                               and _mkey(o) != _mkey(it)]
                if not reports or (named and not any(named & o.keys for o in reports)):
                    continue
                found = _group_day(other)
                if found is None:
                    days.add(date.min)  # an anchor entry of more than one day: which day?
                    continue
                days.add(found[0])
                firm = firm or found[1]
            if len(days) != 1 or not firm or date.min in days:
                continue  # no anchor, an ambiguous one, or only estimated days
            day = next(iter(days))
            lo, hi = ph.dates(day)
            value = lo.isoformat()
            tx = TimeExpr(start=ph.start, end=ph.end, text=ph.text, type="DATE", value=value,
                          earliest=lo.isoformat(), latest=hi.isoformat(), anchor="story", resolved=lo == hi)
            # the anchor is the report's time, not one of its participants
            keys = frozenset(k for k in it.keys if k not in ph.words and (cls is None or _PRED_CLASS.get(k) != cls)) \
                | {k for k in it.keys if k == it.mention.predicate}
            out.append(_Item(it.article, it.mention, tx, lo, hi, it.entities, it.words, keys, idf=idf,
                             basis=f"dated from {ph.anchor} ({day.isoformat()})"))
    return out


def _draft_groups(analyses: Sequence[ArticleAnalysis], entity_map: dict[str, str],
                  opts: TimelineOptions, draft: TimelineDraft | None) -> list[list[_Item]]:
    if draft is not None and draft.analyses is analyses and draft.entity_map is entity_map \
            and draft.opts is opts:
        return draft.groups
    return draft_timeline(analyses, entity_map, opts).groups


def build_timeline(analyses: Sequence[ArticleAnalysis], entity_map: dict[str, str],
                   opts: TimelineOptions | None = None, *,
                   draft: TimelineDraft | None = None) -> tuple[list[Event], list[Comparison]]:
    """Merge event mentions across articles into sorted timeline entries (+ date conflicts).
    A ``draft`` of the same analyses (:func:`draft_timeline`) saves the merge."""
    opts = opts or TimelineOptions()
    groups = _draft_groups(analyses, entity_map, opts, draft)
    events: list[Event] = []
    comparisons: list[Comparison] = []
    outlets = {a.article.id: a.article.outlet or a.article.path.rsplit("/", 1)[-1] or "an article"
               for a in analyses}
    for group in groups:
        ev, comp = _event(group, outlets)
        events.append(ev)
        if comp is not None:
            comparisons.append(comp)
    events.sort(key=lambda e: (e.date.earliest or e.date.latest or "9999-12-31",
                               _GRAN_RANK.get(e.date.granularity, 7), e.id))
    comparisons.sort(key=lambda c: c.id)
    return events, comparisons


# ----------------------------------------------------------------------------- cross-article dating

_SEARCH_DAYS = 3 * 366  # how far around the dated event a publication date is searched


def _firm(it: _Item, known: set[str]) -> bool:
    """A mention whose date does not depend on an unknown publication date (for an undated
    mention: its narrative time comes from such an expression of its own article)."""
    if it.timex is None:
        return False
    return it.timex.anchor == "absolute" or (it.article in known and it.timex.resolved)


def refine_publication(analyses: Sequence[ArticleAnalysis], entity_map: dict[str, str],
                       opts: TimelineOptions | None = None, *,
                       draft: TimelineDraft | None = None) -> dict[str, PubDate]:
    """Publication ranges of undated articles narrowed by other outlets' dates for the same event.

    An undated report says "Last year, a jury convicted her"; two dated reports put the conviction
    in October 2024; so the undated report was published in 2025. For every timeline entry with
    firmly dated sources, each mention from an article without a known date whose expression is
    relative to publication ("last year", "on Monday", "in May") is resolved against every
    candidate publication day; the days on which it lands on the entry's date bound the article's
    publication range. Returns only the articles whose range got narrower (``basis="inferred"``);
    re-resolve their expressions with :func:`storyline.analyze.time.expressions.reresolve`. A
    ``draft`` of the same analyses (:func:`draft_timeline`) saves the merge.
    """
    by_id = {a.article.id: a.article for a in analyses}
    known = {aid for aid, art in by_id.items() if art.published.basis in ("metadata", "text")}
    if len(known) == len(by_id):
        return {}  # every article dated: nothing to narrow
    opts = opts or TimelineOptions()
    groups = _draft_groups(analyses, entity_map, opts, draft)
    bounds: dict[str, tuple[date | None, date | None]] = {
        aid: (parse_iso(art.published.earliest), parse_iso(art.published.latest))
        for aid, art in by_id.items() if aid not in known}
    searched: dict[tuple, tuple[date, date] | None] = {}
    timexes = {a.article.id: a.timexes for a in analyses}
    for group in sorted(groups, key=lambda g: min((it.article, it.mention.start) for it in g)):
        firm = [it for it in group if _firm(it, known)]
        lo = max((it.lo for it in firm if it.lo), default=None)
        hi = min((it.hi for it in firm if it.hi), default=None)
        if lo is None or hi is None or lo > hi:
            continue  # no firm date, or the firm sources conflict: nothing to infer from
        estimated = all(f.undated for f in firm)  # only narrative times: the story's days
        for it in group:
            if it.article in known:
                continue
            if it.undated:
                # an undated report whose sentence names one day relative to its publication ("in
                # Sunday's final"): that day is the entry's firm day, which bounds the publication
                tx = _sentence_day(timexes[it.article], it.mention) if opts.sentence_days and not estimated \
                    else None
                if tx is None:
                    continue
            elif it.timex.anchor != "publication":
                continue
            else:
                tx = it.timex
            if estimated and granularity(tx.value) != "day":
                continue  # "last year", "in May": background, not what the narrative time tells of
            cur_lo, cur_hi = bounds[it.article]
            start = cur_lo or shift(lo, -_SEARCH_DAYS)
            end = cur_hi or shift(hi, _SEARCH_DAYS)
            # copies of one report (same text, same expression, same bounds) are searched once
            key = (by_id[it.article].text, tx.start, tx.end, tx.tense or "past", start, end, lo, hi,
                   _context_day(timexes[it.article], tx))
            if key not in searched:
                try:
                    searched[key] = _feasible_days(*key)
                except DATE_ERRORS:  # the search reaches past 0001/9999: nothing to infer
                    searched[key] = None
            feasible = searched[key]
            if feasible is None:
                continue  # not a relative expression, or it cannot match this date at all
            new_lo = feasible[0] if (feasible[0] > start or cur_lo) else cur_lo
            new_hi = feasible[1] if (feasible[1] < end or cur_hi) else cur_hi
            bounds[it.article] = (new_lo, new_hi)
    out: dict[str, PubDate] = {}
    for aid, (b_lo, b_hi) in sorted(bounds.items()):
        old = by_id[aid].published
        if (iso(b_lo), iso(b_hi)) == (old.earliest, old.latest):
            continue
        pinned = iso(b_lo) if b_lo is not None and b_lo == b_hi else None
        out[aid] = PubDate(date=pinned, earliest=iso(b_lo), latest=iso(b_hi), basis="inferred")
    return out


def _sentence_day(timexes: Sequence[TimeExpr], ev: EventMention) -> TimeExpr | None:
    """The one day-level expression relative to publication in a mention's sentence ("in Sunday's
    final", "Tuesday's storm"), None when there is none or more than one (which would it be?)."""
    days = [t for t in timexes if ev.start <= t.start and t.end <= ev.end and t.part == "text"
            and t.anchor == "publication" and t.type in ("DATE", "TIME") and granularity(t.value) == "day"]
    return days[0] if len(days) == 1 else None


def _context_day(timexes: Sequence[TimeExpr], tx: TimeExpr) -> tuple[int, int, str] | None:
    """(start, end, tense) of the day-level expression written last before ``tx`` in the body: the
    date a context expression ("the day before", "the same day") counts from."""
    found = None
    for t in timexes:
        if t.part == "text" and t.end <= tx.start and t.type in ("DATE", "TIME") and granularity(t.value) == "day":
            if found is None or t.end > found.end:
                found = t
    return None if found is None else (found.start, found.end, found.tense or "past")


def _feasible_days(text: str, t_start: int, t_end: int, tense: str, start: date, end: date,
                   lo: date, hi: date, context: tuple[int, int, str] | None = None) -> tuple[date, date] | None:
    """First and last publication day in ``start..end`` on which the relative expression at
    ``text[t_start:t_end]`` lands inside ``lo..hi``; None when it is not relative or never does.

    A relative expression lands on a later (or the same) date when the article is published
    later ("last year", "on Monday", "in May", "two days ago"), so the days whose resolution ends
    on or after ``lo`` are a suffix of the range and those whose resolution starts on or before
    ``hi`` a prefix: two binary searches instead of resolving against every day."""
    cand = candidate_at(text, t_start, t_end)
    if cand is None or cand.rel is None:
        return None
    # a day counted from the date the text gave before ("certified on Tuesday … had conceded the
    # day before"), not from publication: that date is resolved against the publication day, then
    # the expression against it (a clock time alone is the publication day's)
    counted = cand.context and cand.type == "DATE"
    before = candidate_at(text, context[0], context[1]) if counted and context is not None else None
    if counted and (before is None or before.rel is None or before.context):
        return None

    def resolve(day: date) -> tuple[date | None, date | None]:
        if before is None or context is None:
            return resolve_at(cand, day, tense)
        anchor = resolve_at(before, day, context[2])[0]
        return (None, None) if anchor is None else resolve_at(cand, anchor, tense)

    n = (end - start).days + 1
    if n <= 0:
        return None

    def first_true(test: Callable[[date], bool]) -> int:
        a, b = 0, n  # the first offset in [0, n) where test holds (n: none)
        while a < b:
            mid = (a + b) // 2
            if test(start + timedelta(days=mid)):
                b = mid
            else:
                a = mid + 1
        return a

    def ends_after_lo(day: date) -> bool:
        last_day = resolve(day)[1]
        return last_day is not None and lo <= last_day

    def starts_after_hi(day: date) -> bool:
        first_day = resolve(day)[0]
        return first_day is not None and first_day > hi

    first = first_true(ends_after_lo)
    last = first_true(starts_after_hi) - 1
    if first > last:
        return None
    d0, d1 = start + timedelta(days=first), start + timedelta(days=last)
    if None in resolve(d0) or None in resolve(d1):
        return None
    return d0, d1
