"""The HTML dossier: one self-contained file (inline CSS and JS, no network) to read, print or mail.

Python prepares a view of the dossier (positions on the time axis, word diffs of quote variants, the
article texts with every cited span wrapped); the Jinja2 template ``templates/dossier.html.j2`` only
lays it out. Autoescaping is on: every string from the articles is escaped, and the only markup built
here is made with :class:`markupsafe.Markup` from escaped parts.

Every cited span links to ``#a-<article>-<start>-<end>``, an anchor placed at that offset in the
article's text; the text between anchors is cut into segments that carry the ids of all spans covering
them (``data-s``), so overlapping spans (a claim inside a quote inside an event sentence) highlight
exactly, and a click on a citation scrolls to the span and highlights it.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup, escape

from storyline.model import Dossier, Entity, Event
from storyline.render.changes import whats_new
from storyline.render.charts import charts
from storyline.render.dates import MONTHS_SHORT, day_label, iso_day_label, timex_label
from storyline.render.phrases import status_label
from storyline.render.view import (
    DossierView,
    bounds_text,
    date_bounds,
    entity_type,
    event_bounds,
    format_event_date,
    format_pubdate,
    format_value,
    slug,
    word_diff,
)
from storyline.safedate import month_start, year_start

__all__ = ["anchor_id", "mark_text", "render_html", "web_url", "word_diff"]


def anchor_id(article: str, start: int, end: int) -> str:
    """The HTML id of a span in the article text (the target of every citation of that span)."""
    return f"a-{article}-{start}-{end}"


def web_url(url: str | None) -> str | None:
    """An article URL a reader may follow: http(s) only (never ``javascript:`` or ``file:``)."""
    url = (url or "").strip()
    return url if re.match(r"^https?://[^\s\"<>]+$", url, re.I) else None


# ----------------------------------------------------------------------------- article text


@dataclass(frozen=True, slots=True)
class _Mark:
    start: int
    end: int
    kind: str  # quote, timex, claim, event, role, label
    note: str


def _collect_marks(d: Dossier, view: DossierView) -> dict[str, set[_Mark]]:
    """Every span the dossier cites, per article, with what cites it (for the hover title)."""
    marks: dict[str, set[_Mark]] = defaultdict(set)
    for a in d.articles:
        for t in a.timexes:
            marks[a.article.id].add(_Mark(t.start, t.end, "timex", "time: " + timex_label(
                t.value, type=t.type, earliest=t.earliest, latest=t.latest, kind=t.kind)))
    for e in d.entities:
        for r in e.roles:
            for s in r.spans:
                marks[s.article].add(_Mark(s.start, s.end, "role", f"role of {e.name}: {r.title}"))
    for g in d.quotes:
        who = g.speaker_name or view.entity_name(g.speaker_entity)
        for q in g.quotes:
            marks[q.article].add(_Mark(q.start, q.end, "quote", f"quote ({q.kind}) by {who}"))
    for ev in d.timeline:
        for src in ev.sources:
            marks[src.article].add(_Mark(src.start, src.end, "event", f"event {format_event_date(ev.date)}"))
            if src.time_start is not None and src.time_end is not None:
                marks[src.article].add(_Mark(src.time_start, src.time_end, "timex",
                                             f"dates the event of {format_event_date(ev.date)}"))
    for c in d.claims:
        marks[c.article].add(_Mark(c.start, c.end, "claim",
                                   f"claim: {view.claim_attr(c)} = {view.value_text(c.value, c.unit)}"))
    for cov in d.coverage:
        for lb in cov.labels:
            for s in lb.spans:
                voice = "own voice" if lb.voice == "reporter" else "in a quote"
                marks[s.article].add(_Mark(s.start, s.end, "label", f"label “{lb.term}” ({voice})"))
    return marks


def mark_text(article_id: str, text: str, marks: Iterable[_Mark]) -> Markup:
    """The article text, escaped, with an anchor at every cited span and highlightable segments.

    Spans may overlap or nest, which HTML elements cannot express directly; so the text is cut at
    every span boundary and each piece lists the ids of the spans covering it.
    """
    valid = sorted({m for m in marks if 0 <= m.start < m.end <= len(text)},
                   key=lambda m: (m.start, -m.end, m.kind, m.note))
    cuts = sorted({0, len(text), *(m.start for m in valid), *(m.end for m in valid)})
    starts: dict[int, list[str]] = defaultdict(list)
    for m in valid:
        aid = anchor_id(article_id, m.start, m.end)
        if aid not in starts[m.start]:
            starts[m.start].append(aid)
    parts: list[str] = []
    for lo, hi in zip(cuts, cuts[1:], strict=False):
        for aid in starts.get(lo, ()):
            parts.append(f'<a class="anchor" id="{escape(aid)}"></a>')
        covering = [m for m in valid if m.start <= lo and hi <= m.end]
        piece = escape(text[lo:hi])
        if not covering:
            parts.append(str(piece))
            continue
        ids = " ".join(dict.fromkeys(anchor_id(article_id, m.start, m.end) for m in covering))
        kinds = " ".join(sorted({f"k-{m.kind}" for m in covering}))
        notes = "; ".join(dict.fromkeys(m.note for m in covering))
        parts.append(f'<span class="seg {kinds}" data-s="{escape(ids)}" title="{escape(notes)}">'
                     f"{piece}</span>")
    return Markup("".join(parts))


MARK_KINDS = ["event", "timex", "quote", "claim", "role", "label"]


def marks_json(text: str, marks: Iterable[_Mark], notes: dict[str, int]) -> str:
    """The spans of one article as compact JSON, ``[[start, end, kind, note], ...]`` (kind: a
    position in :data:`MARK_KINDS`; note: a position in the page's table of notes, which ``notes``
    collects), in the order :func:`mark_text` uses. The page's script builds the same anchors and
    segments from it when the article is opened: a long story's source texts are built on demand."""
    valid = sorted({m for m in marks if 0 <= m.start < m.end <= len(text)},
                   key=lambda m: (m.start, -m.end, m.kind, m.note))
    rows = [[m.start, m.end, MARK_KINDS.index(m.kind) if m.kind in MARK_KINDS else 0,
             notes.setdefault(m.note, len(notes))] for m in valid]
    return json.dumps(rows, separators=(",", ":"))


# ----------------------------------------------------------------------------- time axis


def _axis(events: list[Event]) -> dict[str, Any]:
    """Rows of the visual timeline: each event as a bar from its earliest to its latest day.

    Positions are percentages of the story's whole span; a day-precise event is a narrow mark, a
    month or a year a visibly wider bar, so granularity and uncertainty show at a glance. An event
    known only to be "not before" (or "not after") a day gets a bar that fades out towards the end
    (start) of the axis instead of a false point.
    """
    dated = [(e, event_bounds(e.date)) for e in events]
    bounds = [b for _, b in dated if b]
    if not bounds:
        return {"ticks": [], "rows": [], "undated": list(events)}
    lo = min(b.start for b in bounds)
    hi = max(b.end for b in bounds)
    total = max((hi - lo).days + 1, 1)

    def pct(day: dt.date) -> float:
        return round(100.0 * (day - lo).days / total, 3)

    rows = []
    for e, b in dated:
        if not b:
            continue
        where = bounds_text(b)
        if b.open_end:
            left, width, shape = pct(b.start), 100.0 - pct(b.start), "open-end"
        elif b.open_start:
            left, width, shape = 0.0, pct(b.end) + 100.0 / total, "open-start"
        else:
            left = pct(b.start)
            width = round(100.0 * ((b.end - b.start).days + 1) / total, 3)
            shape = "closed"
        width = max(width, 0.8)
        left = min(left, 99.2)
        width = round(min(width, 100.0 - left), 3)
        # The one-line overview shows a one-sided bound as a short fading stub at the known end,
        # so a handful of "not before" events do not paint the whole line.
        stub = min(width, 2.5)
        mini_left = left + width - stub if shape == "open-start" else left
        mini_width = width if shape == "closed" else stub
        rows.append({"event": e, "left": left, "width": width, "shape": shape, "range": where,
                     "mini_left": round(mini_left, 3), "mini_width": round(mini_width, 3)})
    return {"ticks": _ticks(lo, hi, pct), "rows": rows,
            "undated": [e for e, b in dated if not b], "start": day_label(lo), "end": day_label(hi)}


def _ticks(lo: dt.date, hi: dt.date, pct: Callable[[dt.date], float]) -> list[dict[str, Any]]:
    """Year ticks for spans over two years, else month ticks; at most about a dozen."""
    ticks: list[tuple[dt.date, str]] = []
    if (hi - lo).days > 730:
        step = max(1, (hi.year - lo.year + 1) // 12)
        for y in range(lo.year + (lo.month > 1 or lo.day > 1), hi.year + 1, step):
            ticks.append((year_start(y), str(y)))
    else:
        months = (hi.year - lo.year) * 12 + hi.month - lo.month + 1
        step = max(1, months // 12 + (months % 12 > 0 and months > 12))
        y, m = lo.year, lo.month
        if lo.day > 1:
            y, m = (y + (m == 12), m % 12 + 1)
        while (first := month_start(y, m)) is not None and first <= hi:  # stops at 9999-12
            ticks.append((first, f"{MONTHS_SHORT[m]} {y}" if m == 1 or not ticks else MONTHS_SHORT[m]))
            for _ in range(step):
                y, m = (y + (m == 12), m % 12 + 1)
    if not ticks:
        ticks.append((lo, day_label(lo)))
    return [{"left": pct(day), "label": label} for day, label in ticks]


# ----------------------------------------------------------------------------- view model


def _context(d: Dossier) -> dict[str, Any]:
    view = DossierView(d)
    marks = _collect_marks(d, view)
    on_demand = len(d.articles) > MATRIX_MAX_COLUMNS  # source texts built by the page when opened
    notes: dict[str, int] = {}

    articles = []
    for a in d.articles:
        art = a.article
        articles.append({
            "id": art.id, "label": view.label(art.id), "title": art.title, "outlet": art.outlet,
            "byline": art.byline, "dateline": art.dateline, "url": art.url, "path": art.path,
            "href": web_url(art.url),
            "published": format_pubdate(art.published), "basis": art.published.basis,
            "updated": iso_day_label(art.updated), "date_note": art.published.note,
            "duplicate_of": view.label(art.duplicate_of) if art.duplicate_of else None,
            "republished_by": [view.label(c.article.id) for c in d.articles
                               if c.article.duplicate_of == art.id],
            "boilerplate": art.boilerplate, "n_timexes": len(a.timexes),
            "body": art.text if on_demand else mark_text(art.id, art.text, marks.get(art.id, ())),
            "marks": marks_json(art.text, marks.get(art.id, ()), notes) if on_demand else None,
        })

    quote_groups = []
    for g in d.quotes:
        variants = []
        for v in g.variants:
            variants.append({"text": v.text, "articles": [view.label(x) for x in v.articles],
                             "diff": word_diff(g.text, v.text) if v.text != g.text else None})
        quote_groups.append({"group": g, "speaker": g.speaker_name or view.entity_name(g.speaker_entity),
                             "variants": variants})

    comparisons = []
    for c in view.comparisons_by_status():
        sides = []
        for s in c.sides:
            evidence = [view.claims[cid] for cid in s.claims if cid in view.claims]
            cited = {e.article for e in evidence}
            sides.append({"value": view.value_text(s.value), "evidence": evidence,
                          "articles": [view.label(x) for x in s.articles if x not in cited]})
        arts = {x for s in c.sides for x in s.articles}
        arts.update(view.claims[cid].article for s in c.sides for cid in s.claims if cid in view.claims)
        comparisons.append({"c": c, "subject": view.entity_name(c.subject), "sides": sides, "articles": arts,
                            "attr": view.comparison_attr(c), "status": status_label(c.status)})

    entities = [{"e": e, "roles": _grouped_roles(e, view), "type": entity_type(e.type),
                 "outlets": list(dict.fromkeys(view.outlet_name(x) for x in e.articles))}
                for e in d.entities]

    items = view.items()
    columns = [(a.article.id, view.label(a.article.id)) for a in d.articles]
    # the article × item matrix only while it fits a screen; the outlet views below always
    matrix = ([{"item": it, "cells": [view.cell(it, aid) for aid, _ in columns]} for it in items]
              if len(columns) <= MATRIX_MAX_COLUMNS else [])
    coverage = []
    for cov in d.coverage:
        coverage.append({"cov": cov, "unique": [view.describe(x) for x in cov.unique],
                         "omits": [view.describe(x) for x in cov.omits]})

    glance = {
        "multi_quotes": sum(1 for g in d.quotes if len({q.article for q in g.quotes}) > 1),
        "reworded": sum(1 for g in d.quotes if len(g.variants) > 1),
        "multi_events": sum(1 for e in d.timeline if len({s.article for s in e.sources}) > 1),
        "conflicts": [(c, view.subject_name(c.subject)) for c in d.comparisons if c.status == "conflict"],
    }
    return {
        "d": d, "view": view, "articles": articles, "axis": _axis(d.timeline), "entities": entities,
        "quote_groups": quote_groups, "comparisons": comparisons, "columns": columns,
        "matrix": matrix, "coverage": coverage, "glance": glance, "status_counts": view.status_counts(),
        "f": _filters(d, view), "by_outlet": _by_outlet(d, view, items), "by_item": _by_item(d, view, items),
        "collapse": len(d.articles) > MATRIX_MAX_COLUMNS, "whats_new": whats_new(d, view),
        "charts": charts(d, view),
        "notes_json": json.dumps(list(notes), ensure_ascii=False, separators=(",", ":")) if notes else "",
    }


MATRIX_MAX_COLUMNS = 12  # more articles than this: the coverage matrix gives way to outlet views


class _Filters:
    """What the dossier's search and filters need: short keys for articles and people on every
    filterable element (``data-a``, ``data-p``, ``data-st``, ``data-x``), and the choices offered.

    Keys are positions in the dossier (``3``), not ids, so a 300-article page stays small.
    """

    def __init__(self, d: Dossier, view: DossierView) -> None:
        self.aidx = {a.article.id: str(i) for i, a in enumerate(d.articles)}
        people = [e for e in d.entities if e.type in ("PERSON", "ORG") and e.articles]
        people.sort(key=lambda e: (-len(set(e.articles)), e.name.casefold()))
        self.pidx = {e.id: str(i) for i, e in enumerate(d.entities)}
        self.people = [(self.pidx[e.id], e.name, len(set(e.articles))) for e in people]
        self.person_articles = {self.pidx[e.id]: sorted({int(self.aidx[a]) for a in e.articles
                                                         if a in self.aidx}) for e in people}
        groups: dict[str, list[str]] = {}
        for a in d.articles:
            groups.setdefault(a.article.outlet or "Outlet not stated", []).append(self.aidx[a.article.id])
        self.outlets = sorted(((name, " ".join(ix), len(ix)) for name, ix in groups.items()),
                              key=lambda o: (-o[2], o[0].casefold()))
        self.claim_status: dict[str, str] = {}
        self.conflict: set[str] = set()
        for c in d.comparisons:
            for side in c.sides:
                for cid in side.claims:
                    self.claim_status.setdefault(cid, c.status)
                    if c.status == "conflict":
                        self.conflict.add(cid)
            if c.status == "conflict":
                self.conflict.update({c.id, c.subject})
        self.statuses = [(s, status_label(s), n) for s, n in view.status_counts().items()]
        self.article_dates: list[list[str] | None] = []
        for a in d.articles:
            pub = a.article.published
            lo = date_bounds(pub.date or pub.earliest)
            hi = date_bounds(pub.date or pub.latest)
            self.article_dates.append([lo[0].isoformat() if lo else "", hi[1].isoformat() if hi else ""]
                                      if lo or hi else None)
        known = sorted(x for r in self.article_dates if r for x in r if x)
        self.first_day, self.last_day = (known[0], known[-1]) if known else ("", "")

    def a(self, article_ids: Any) -> str:
        """``data-a``: the positions of these articles."""
        # sorted: callers pass sets too, whose order changes from one process to the next
        return " ".join(dict.fromkeys(sorted((self.aidx[x] for x in article_ids if x in self.aidx), key=int)))

    def p(self, entity_ids: Any) -> str:
        """``data-p``: the positions of these entities."""
        return " ".join(dict.fromkeys(sorted((self.pidx[x] for x in entity_ids if x and x in self.pidx), key=int)))

    def d(self, event: Event) -> str:
        """``data-d``: the first and last day an event can lie on (``-`` for an open side)."""
        b = event_bounds(event.date)
        if b is None:
            return "- -"
        return f"{'-' if b.open_start else b.start.isoformat()} {'-' if b.open_end else b.end.isoformat()}"

    def dates_json(self) -> str:
        """Each article's publication range by position, ``[first, last]`` ISO days (``""`` for an open
        side), or null when nothing is known: the date-range filter of everything cited from it."""
        return json.dumps(self.article_dates, separators=(",", ":"))

    def person_map_json(self) -> str:
        """Which articles mention each person (for filtering articles and source texts by person);
        a plain string, escaped by the template like any attribute value."""
        return json.dumps(self.person_articles, separators=(",", ":"))


def _filters(d: Dossier, view: DossierView) -> _Filters:
    return _Filters(d, view)


def _outlet_of(d: Dossier) -> dict[str, str]:
    return {a.article.id: a.article.outlet or "Outlet not stated" for a in d.articles}


def _by_outlet(d: Dossier, view: DossierView, items: list[Any]) -> list[dict[str, Any]]:
    """One row per outlet: its articles, how many items it carries, has alone, omits; whom it quotes."""
    outlet_of = _outlet_of(d)
    rows: dict[str, dict[str, Any]] = {}
    for a in d.articles:
        name = outlet_of[a.article.id]
        row = rows.setdefault(name, {"name": name, "articles": [], "items": 0, "unique": 0, "omits": 0,
                                     "voices": {}})
        row["articles"].append(a.article.id)
    for cov in d.coverage:
        found = rows.get(outlet_of.get(cov.article, ""))
        if found is None:
            continue
        found["unique"] += len(cov.unique)
        found["omits"] += len(cov.omits)
        for ref, n in cov.voices.items():
            found["voices"][ref] = found["voices"].get(ref, 0) + n
    for it in items:
        for name in {outlet_of[x] for x in it.articles if x in outlet_of}:
            rows[name]["items"] += 1
    out = sorted(rows.values(), key=lambda r: (-len(r["articles"]), r["name"].casefold()))
    for r in out:
        top = sorted(r["voices"].items(), key=lambda kv: -kv[1])
        r["top_voices"] = [(view.entity_name(ref), n) for ref, n in top[:3]]
        r["more_voices"] = max(0, len(top) - 3)
    return out


ITEM_KINDS = (("event", "Timeline events"), ("quote", "Quotes"), ("comparison", "Compared claims"))
MAX_NAMES = 6


def _by_item(d: Dossier, view: DossierView, items: list[Any]) -> list[dict[str, Any]]:
    """Items grouped by kind, each with the outlets that carry it (most widely carried first)."""
    outlet_of = _outlet_of(d)
    n_outlets = max(len(set(outlet_of.values())), 1)
    groups = []
    for kind, title in ITEM_KINDS:
        rows = []
        for it in (x for x in items if x.kind == kind):
            names = sorted({outlet_of[x] for x in it.articles if x in outlet_of}, key=str.casefold)
            rows.append({"item": it, "n": len(names), "pct": round(100.0 * len(names) / n_outlets, 1),
                         "names": names[:MAX_NAMES], "more": names[MAX_NAMES:]})
        rows.sort(key=lambda r: -r["n"])
        if rows:
            groups.append({"kind": kind, "title": title, "rows": rows})
    return groups


def _grouped_roles(e: Entity, view: DossierView) -> list[dict[str, Any]]:
    """An entity's roles with the same wording (case aside) and qualifier shown once, all spans kept."""
    groups: dict[tuple[str, str, str], dict[str, Any]] = {}
    for r in e.roles:
        key = ((r.qualifier or "").casefold(), " ".join(r.title.split()).casefold(), r.voice)
        g = groups.setdefault(key, {"title": r.title, "qualifier": r.qualifier, "voice": r.voice,
                                    "as_of": [], "spans": []})
        when = view.as_of(r.as_of, r.spans[0].article if r.spans else None)
        if when and when not in g["as_of"]:
            g["as_of"].append(when)
        g["spans"].extend(r.spans)
    for g in groups.values():
        g["as_of"].sort()
    return list(groups.values())


# ----------------------------------------------------------------------------- rendering


@lru_cache(maxsize=1)
def _env() -> Environment:
    env = Environment(loader=PackageLoader("storyline.render", "templates"), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.globals["anchor_id"] = anchor_id
    env.globals["format_event_date"] = format_event_date
    env.globals["format_value"] = format_value
    env.globals["status_label"] = status_label
    env.filters["slug"] = slug
    return env


def render_html(d: Dossier) -> str:
    """The whole dossier as one self-contained HTML page (no external resource of any kind)."""
    return _env().get_template("dossier.html.j2").render(**_context(d))
