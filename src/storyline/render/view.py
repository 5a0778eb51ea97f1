"""What the human-readable renderers (HTML, Markdown, terminal) share: lookups and wording.

Nothing here writes text of its own about the story: it only names things (an article by its outlet,
an entity by its name), formats dates and dates' uncertainty honestly, diffs quote wordings word by
word, and works out which article carries which item (for the coverage matrix).
"""

from __future__ import annotations

import calendar
import datetime as dt
import difflib
import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from storyline.model import Article, Claim, Comparison, Dossier, EventDate, PubDate
from storyline.render.dates import day_label, pubdate_label, range_label, timex_label
from storyline.render.phrases import attribute_label, status_label

__all__ = [
    "Bounds",
    "DossierView",
    "Item",
    "date_bounds",
    "event_bounds",
    "as_of_text",
    "bounds_text",
    "entity_type",
    "format_event_date",
    "format_pubdate",
    "format_value",
    "word_diff",
]

NO_OUTLET = "no outlet named"  # the one chart row of articles whose outlet is unknown
_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def date_bounds(value: str | None) -> tuple[dt.date, dt.date] | None:
    """First and last day of an ISO date, month or year (``2025``, ``2025-05``, ``2025-05-05``).

    Anything else (weeks, ``PAST_REF``, durations, times) gives ``None``: the renderers then show the
    value as text rather than guess a place on the time axis.
    """
    if not value:
        return None
    m = _ISO.match(value.strip()[:10])
    if not m:
        return None
    year = int(m.group(1))
    try:
        if m.group(3):
            d = dt.date(year, int(m.group(2)), int(m.group(3)))
            return d, d
        if m.group(2):
            month = int(m.group(2))
            return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class Bounds:
    """Where an event can lie: ``start``..``end``; an open side means "not before/after" only."""

    start: dt.date
    end: dt.date
    open_start: bool = False
    open_end: bool = False


def event_bounds(d: EventDate) -> Bounds | None:
    """The range an event's date covers: its ``earliest``..``latest``, else the bounds of its value.

    When only one bound is known (an undated article gives "not before" without "not after"), the
    other side is marked open rather than silently closed, so the axis does not draw a false point.
    """
    lo, hi, own = date_bounds(d.earliest), date_bounds(d.latest), date_bounds(d.value)
    start = lo[0] if lo else (own[0] if own else None)
    end = hi[1] if hi else (own[1] if own else None)
    if start is None and end is None:
        return None
    if start is None:
        assert end is not None
        return Bounds(end, end, open_start=True)
    if end is None:
        return Bounds(start, start, open_end=True)
    return Bounds(start, end) if start <= end else Bounds(end, start)


ENTITY_TYPES = {"PERSON": "person", "ORG": "organization", "GPE": "place", "LOC": "place",
                "NORP": "group", "FAC": "facility", "EVENT": "event", "PRODUCT": "product",
                "WORK_OF_ART": "work", "LAW": "law"}


def entity_type(t: str) -> str:
    """spaCy's entity label as a word ("PERSON" → "person", "GPE" → "place")."""
    return ENTITY_TYPES.get(t, t.lower().replace("_", " "))


def format_pubdate(p: PubDate) -> str:
    """Publication date as a reader should see it: exact, a range (saying it is inferred), or unknown."""
    return pubdate_label(p.date, p.earliest, p.latest, p.basis)


def format_event_date(d: EventDate) -> str:
    """An event date in words, with its uncertainty: "13 Nov 2025", "September (year not stated;
    2024 or 2025)", "a Monday in late 2025", "on or after 1 Oct 2024" (see :mod:`.dates`)."""
    return timex_label(d.value, earliest=d.earliest, latest=d.latest, approximate=d.approximate)


def bounds_text(b: Bounds) -> str:
    """An axis bar's extent in words (for its tooltip)."""
    if b.open_end:
        return f"on or after {day_label(b.start)}"
    if b.open_start:
        return f"on or before {day_label(b.end)}"
    return range_label(b.start.isoformat(), b.end.isoformat()) or day_label(b.start)


def as_of_text(as_of: str | None, article: Article | None) -> str | None:
    """When a claim or role is said to hold, only as far as it is known.

    The extractors default ``as_of`` to the publication date, or to its earliest bound when the
    date is only inferred; showing that bound as "as of 1 Jan 2024" would state a precision nobody
    gave. So: the day when the article's date is known, the publication range when it is not, and a
    date from the text as its own label.
    """
    if not as_of:
        return None
    pub = article.published if article else None
    if pub is not None and not pub.date and as_of in (pub.earliest, pub.latest):
        rng = range_label(pub.earliest, pub.latest)
        return f"at publication, {rng}" if rng else None
    return "as of " + timex_label(as_of)


_COUNTABLE_UNITS = {"year", "month", "week", "day", "hour", "minute", "second", "count", "person",
                    "vote", "charge", "seat", "point", "game", "goal", "mile", "kilometer", "meter"}


def format_value(value: Any, unit: str | None = None) -> str:
    """A normalized claim/comparison value as short text (numbers without a spurious ``.0``)."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, bool):
        text = "yes" if value else "no"
    elif isinstance(value, (list, tuple)):
        text = ", ".join(format_value(v) for v in value)
    elif isinstance(value, dict):
        text = ", ".join(f"{k}: {format_value(v)}" for k, v in value.items())
    elif value is None:
        text = "—"
    elif isinstance(value, int) and abs(value) >= 10_000:
        text = f"{value:,}"  # 12,000,000 reads better than 12000000; years stay as they are
    else:
        text = str(value)
    return f"{text} {unit}" if unit else text


WordDiff = list[tuple[str, str]]


def _difflib_word_diff(a: str, b: str) -> WordDiff:
    """Word-level diff of two wordings with difflib (the standard library's sequence matcher).

    Fallback only: the story layer owns ``storyline.story.quotes.word_diff``; until it is importable,
    this gives the same shape (``equal`` / ``delete`` / ``insert`` runs of words).
    """
    wa, wb = a.split(), b.split()
    out: WordDiff = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, wa, wb, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(("equal", " ".join(wa[i1:i2])))
        else:
            if i2 > i1:
                out.append(("delete", " ".join(wa[i1:i2])))
            if j2 > j1:
                out.append(("insert", " ".join(wb[j1:j2])))
    return out


def word_diff(a: str, b: str) -> WordDiff:
    """How wording ``b`` differs from ``a``, word by word: ``[(op, text), ...]``.

    Uses the story layer's ``word_diff`` when present (imported lazily: it is written in parallel and
    the renderer must not depend on it being there), else difflib directly.
    """
    try:
        from storyline.story.quotes import word_diff as story_word_diff
    except ImportError:
        return _difflib_word_diff(a, b)
    return [(_norm_op(op), text) for op, text in story_word_diff(a, b)]


def _norm_op(op: str) -> str:
    op = str(op).lower()
    if op in ("equal", "eq", "=", " ", "same"):
        return "equal"
    if op in ("insert", "ins", "+", "added", "add"):
        return "insert"
    if op in ("delete", "del", "-", "removed", "remove"):
        return "delete"
    return "replace"


@dataclass(slots=True)
class Item:
    """One row of the coverage matrix: an event, a quote group or a compared claim."""

    id: str
    kind: str  # "event" | "quote" | "comparison"
    label: str
    articles: set[str] = field(default_factory=set)
    claims: set[str] = field(default_factory=set)  # for a comparison: the ids of its claims

    @property
    def anchor(self) -> str:
        """The HTML id of this item's entry in the dossier page."""
        return f"{ANCHOR_PREFIX[self.kind]}{slug(self.id)}"


STATUS_ORDER = {"conflict": 0, "consistent_over_time": 1, "compatible": 2, "agree": 3, "single_source": 4}

ANCHOR_PREFIX = {"event": "ev-", "quote": "q-", "comparison": "c-", "claim": "cl-", "entity": "e-"}


def slug(text: str) -> str:
    """An id made safe for an HTML id/fragment (ids here are hashes, but nothing forbids others)."""
    return re.sub(r"[^A-Za-z0-9_-]+", "-", str(text))


def _short(text: str | None, width: int = 32) -> str | None:
    """The start of a headline, cut at a word boundary, to name an article that has no outlet."""
    if not text:
        return None
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    return text[:width].rsplit(" ", 1)[0].rstrip(",;:—-") + "…"


class DossierView:
    """Lookups over one dossier: article labels, entity names, claims by id, items by article."""

    def __init__(self, d: Dossier) -> None:
        self.d = d
        self.articles: dict[str, Article] = {a.article.id: a.article for a in d.articles}
        self.entities = {e.id: e for e in d.entities}
        self.claims: dict[str, Claim] = {c.id: c for c in d.claims}
        self.coverage = {c.article: c for c in d.coverage}
        self.events = {e.id: e for e in d.timeline}
        self.groups = {g.id: g for g in d.quotes}
        self.comparisons = {c.id: c for c in d.comparisons}
        self.labels = self._article_labels()

    def _article_labels(self) -> dict[str, str]:
        """A short, unique label per article: its outlet, numbered in dossier order when an outlet
        has several ("Riverside Ledger 2"), never by its hash."""
        base = {aid: (a.outlet or _short(a.title) or "Untitled article") for aid, a in self.articles.items()}
        counts: dict[str, int] = {}
        for name in base.values():
            counts[name] = counts.get(name, 0) + 1
        seen: dict[str, int] = {}
        out = {}
        for aid, name in base.items():
            if counts[name] == 1:
                out[aid] = name
            else:
                seen[name] = seen.get(name, 0) + 1
                out[aid] = f"{name} {seen[name]}"
        return out

    def outlet_name(self, article_id: str) -> str:
        """The outlet of an article, or its short label when no outlet is known."""
        a = self.articles.get(article_id)
        return (a.outlet if a and a.outlet else None) or self.label(article_id)

    def source_name(self, article_id: str) -> str:
        """What a chart groups an article under: its outlet, else its web site, else one shared
        "no outlet named" — never its headline, which a row of outlets would pass off as a name."""
        a = self.articles.get(article_id)
        if a and a.outlet:
            return a.outlet
        host = (urlsplit(a.url).hostname or "") if a and a.url else ""
        return host.removeprefix("www.") or NO_OUTLET

    def label(self, article_id: str) -> str:
        return self.labels.get(article_id, article_id)

    def entity_name(self, ref: str | None) -> str:
        """The canonical name of an entity id; other strings (``reporter``, a plain label) as they are."""
        if not ref:
            return "unattributed"
        e = self.entities.get(ref)
        return e.name if e else ref

    def subject_name(self, ref: str | None) -> str:
        """What a comparison is about: an entity's name, a quotation, an event, or the plain label."""
        if ref and ref in self.groups:
            g = self.groups[ref]
            return f"quotation “{_short(g.text, 60)}”"
        if ref and ref in self.events:
            return f"event “{_short(self.events[ref].summary, 60)}”"
        return self.entity_name(ref)

    def subject_anchor(self, ref: str | None) -> str | None:
        """The HTML id of what a comparison or claim is about, when the page has an entry for it."""
        if not ref:
            return None
        for kind, table in (("entity", self.entities), ("quote", self.groups), ("event", self.events)):
            if ref in table:
                return f"{ANCHOR_PREFIX[kind]}{slug(ref)}"
        return None

    def describe(self, item_id: str) -> tuple[str, str, str | None]:
        """Any item id of the dossier as (kind, label, HTML anchor): for coverage's unique/omits lists."""
        if item_id in self.events:
            e = self.events[item_id]
            return "event", f"{format_event_date(e.date)}: {e.summary}", f"ev-{slug(item_id)}"
        if item_id in self.groups:
            g = self.groups[item_id]
            who = g.speaker_name or self.entity_name(g.speaker_entity)
            return "quote", f"{who}: “{g.text}”", f"q-{slug(item_id)}"
        if item_id in self.claims:
            c = self.claims[item_id]
            return ("claim", f"{self.subject_name(c.subject)} · {self.claim_attr(c)} = "
                             f"{self.value_text(c.value, c.unit)}", f"cl-{slug(item_id)}")
        if item_id in self.comparisons:
            k = self.comparisons[item_id]
            return ("comparison", f"{self.subject_name(k.subject)} · {self.comparison_attr(k)} "
                                  f"({status_label(k.status)})",
                    f"c-{slug(item_id)}")
        return "item", item_id, None

    def cell(self, item: Item, article_id: str) -> str:
        """Coverage matrix cell: ``unique`` (only this article), ``omits``, ``has`` or ``""``."""
        cov = self.coverage.get(article_id)
        if cov is not None:
            unique = set(cov.unique)
            if item.id in unique or (item.claims and item.claims & unique and article_id in item.articles):
                return "unique"
            if item.id in cov.omits:
                return "omits"
        return "has" if article_id in item.articles else ""

    def claim_attr(self, c: Claim) -> str:
        """A claim's attribute as a phrase ("who convicted"; a measure's own phrase when it has one)."""
        return attribute_label(c.attribute, c.measure)

    def comparison_attr(self, k: Comparison) -> str:
        """A comparison's attribute as a phrase, taking the measure phrase of its first claim."""
        for side in k.sides:
            for cid in side.claims:
                c = self.claims.get(cid)
                if c is not None and c.measure:
                    return attribute_label(k.attribute, c.measure)
        return attribute_label(k.attribute)

    def value_text(self, value: Any, unit: str | None = None) -> str:
        """A claim value for a reader: entity ids become names, ISO dates and TIMEX durations words."""
        if isinstance(value, str):
            if value in self.entities:
                return self.entities[value].name
            if re.match(r"^(\d{4}-\d{2}(-\d{2})?|XXXX-[\dXWSUPFAI-]+|P[\dX.]+[YMWD])$", value) and not unit:
                return timex_label(value)
        if isinstance(value, (list, tuple)):
            return ", ".join(self.value_text(v) for v in value)
        if unit in _COUNTABLE_UNITS and isinstance(value, (int, float)) and value != 1:
            unit += "s"
        return format_value(value, unit)

    def as_of(self, as_of: str | None, article_id: str | None) -> str | None:
        """:func:`as_of_text` for an article of this dossier."""
        return as_of_text(as_of, self.articles.get(article_id or ""))

    def voice_name(self, voice: str) -> str:
        return "reporter" if voice == "reporter" else self.entity_name(voice)

    def items(self) -> list[Item]:
        """Events, quote groups and comparisons with the articles that carry each, in dossier order."""
        out: list[Item] = []
        for e in self.d.timeline:
            out.append(Item(e.id, "event", f"{format_event_date(e.date)}: {e.summary}",
                            {s.article for s in e.sources}))
        for g in self.d.quotes:
            who = g.speaker_name or self.entity_name(g.speaker_entity)
            out.append(Item(g.id, "quote", f"{who}: “{g.text}”", {q.article for q in g.quotes}))
        for c in self.d.comparisons:
            arts: set[str] = set()
            claim_ids: set[str] = set()
            for side in c.sides:
                arts.update(side.articles)
                claim_ids.update(side.claims)
                arts.update(self.claims[cid].article for cid in side.claims if cid in self.claims)
            out.append(Item(c.id, "comparison",
                            f"{self.subject_name(c.subject)} · {self.comparison_attr(c)} "
                            f"({status_label(c.status)})", arts, claim_ids))
        return out

    def comparisons_by_status(self) -> list[Comparison]:
        """Comparisons with conflicts first, then explained differences, agreements, single sources.

        Stable: within one status the dossier's own (deterministic) order is kept.
        """
        return sorted(self.d.comparisons, key=lambda c: STATUS_ORDER.get(c.status, len(STATUS_ORDER)))

    def status_counts(self) -> dict[str, int]:
        """How many comparisons have each status, in :data:`STATUS_ORDER` (statuses absent: left out)."""
        counts: dict[str, int] = {}
        for c in self.comparisons_by_status():
            counts[c.status] = counts.get(c.status, 0) + 1
        return counts

    def conflicts(self) -> list[Any]:
        return [c for c in self.d.comparisons if c.status == "conflict"]
