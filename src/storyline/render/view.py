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

from storyline.model import Article, Claim, Comparison, Dossier, EventDate, PubDate

__all__ = [
    "Bounds",
    "DossierView",
    "Item",
    "date_bounds",
    "event_bounds",
    "format_event_date",
    "format_pubdate",
    "format_value",
    "word_diff",
]

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


def format_pubdate(p: PubDate) -> str:
    """Publication date as a reader should see it: exact, a range (saying it is inferred), or unknown."""
    if p.date:
        return f"{p.date} ({p.basis})"
    if p.earliest or p.latest:
        if p.earliest and p.latest and p.earliest != p.latest:
            rng = f"between {p.earliest} and {p.latest}"
        elif p.earliest and p.latest:
            rng = p.earliest
        elif p.earliest:
            rng = f"not before {p.earliest}"
        else:
            rng = f"not after {p.latest}"
        return f"{rng} ({p.basis}, not stated)" if p.basis == "inferred" else f"{rng} ({p.basis})"
    return "date unknown"


def format_event_date(d: EventDate) -> str:
    """An event date with its granularity and uncertainty.

    ``≈ 2025-05 (month)``, ``2025-W19 [2025-05-05 … 2025-05-11]``, ``XXXX-10 [not before 2024-10-01]``.
    """
    text = d.value
    b = event_bounds(d)
    own = date_bounds(d.value)
    if b and b.open_end:
        text += f" [not before {b.start.isoformat()}]"
    elif b and b.open_start:
        text += f" [not after {b.end.isoformat()}]"
    elif b and b.start != b.end and (b.start, b.end) != own:
        text += f" [{b.start.isoformat()} … {b.end.isoformat()}]"
    if d.granularity not in ("day", "unknown"):
        text += f" ({d.granularity})"
    if d.approximate:
        text = "≈ " + text
    return text


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
        """A short, unique label per article: its outlet, disambiguated by id when outlets repeat."""
        base = {aid: (a.outlet or _short(a.title) or aid[:10]) for aid, a in self.articles.items()}
        counts: dict[str, int] = {}
        for name in base.values():
            counts[name] = counts.get(name, 0) + 1
        return {aid: (name if counts[name] == 1 else f"{name} · {aid[:6]}") for aid, name in base.items()}

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
            return ("claim", f"{self.subject_name(c.subject)} · {c.attribute} = "
                             f"{format_value(c.value, c.unit)}", f"cl-{slug(item_id)}")
        if item_id in self.comparisons:
            k = self.comparisons[item_id]
            return ("comparison", f"{self.subject_name(k.subject)} · {k.attribute} ({k.status})",
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
                            f"{self.subject_name(c.subject)} · {c.attribute} ({c.status})", arts, claim_ids))
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
