"""Three small charts for the HTML dossier, as inline SVG (no script, no network, print-friendly).

* :func:`outlet_time_chart` — articles per outlet over time: one row per outlet (the busiest
  :data:`MAX_ROWS`, the rest in one "other outlets" row), one column per day, month or year
  (whichever gives at most :data:`MAX_COLUMNS`), a dot sized by the number of articles; a last
  column counts the articles whose publication day is not known.
* :func:`timeline_sources_chart` — the timeline with each event's sources: events along the time
  axis, a dot on the row of every outlet that reports the event, joined by a line; each event links
  to its entry in the timeline.
* :func:`quoted_by_chart` — who is quoted by whom: speakers (rows) × outlets (columns), a dot sized by
  the number of quotations the outlet carries from that speaker.

Each returns ``None`` when there is nothing to draw. Dates are plain labels (``3 Mar 2025``), names
are escaped, and every dot has a ``<title>`` that says in words what it counts. The SVG scales to the
width of its container (``viewBox``), so a phone shows it smaller, never wider.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from markupsafe import Markup, escape

from storyline.model import Dossier
from storyline.render.dates import MONTHS_SHORT, day_label, timex_label
from storyline.render.view import DossierView, date_bounds, event_bounds, slug

__all__ = ["MAX_COLUMNS", "MAX_ROWS", "charts", "outlet_time_chart", "quoted_by_chart",
           "timeline_sources_chart"]

MAX_ROWS = 15  # outlets or speakers drawn; the rest are summed in one row
MAX_COLUMNS = 40  # time buckets
MAX_EVENTS = 100  # events drawn on the sources chart (those with the most sources)
LABEL_W = 190  # px for row labels
ROW_H = 20
PLOT_W = 620
FONT = 'font-family="system-ui,sans-serif" font-size="11"'
OTHER = "other outlets"


def _short(name: str, width: int = 24) -> str:
    return name if len(name) <= width else name[:width - 1].rstrip() + "…"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _svg(width: int, height: int, label: str, body: Iterable[str]) -> Markup:
    return Markup(f'<svg class="chart" viewBox="0 0 {width} {height}" width="100%" role="img" '
                  f'aria-label="{escape(label)}" preserveAspectRatio="xMinYMin meet" {FONT}>'
                  + "".join(body) + "</svg>")


def _rows(counts: Counter[str], limit: int = MAX_ROWS) -> tuple[list[str], Callable[[str], str]]:
    """The row names (busiest first, ties by name) and a map from any name to its row."""
    ranked = sorted(counts, key=lambda k: (-counts[k], k.casefold()))
    if len(ranked) <= limit:
        return ranked, lambda k: k
    keep = set(ranked[:limit - 1])
    return ranked[:limit - 1] + [OTHER], lambda k: k if k in keep else OTHER


def _row_labels(rows: Sequence[str], top: int, counts: dict[str, int] | None = None) -> list[str]:
    out = []
    for i, name in enumerate(rows):
        y = top + i * ROW_H + ROW_H // 2 + 4
        shown = _short(name) + (f" ({counts[name]})" if counts and name in counts else "")
        out.append(f'<text x="{LABEL_W - 6}" y="{y}" text-anchor="end" class="ch-label">'
                   f'<title>{escape(name)}</title>{escape(shown)}</text>')
        if i % 2 == 0:
            out.append(f'<rect x="{LABEL_W}" y="{top + i * ROW_H}" width="{PLOT_W}" height="{ROW_H}" '
                       'class="ch-band"/>')
    return out


# ----------------------------------------------------------------------------- time buckets


def _buckets(lo: dt.date, hi: dt.date) -> tuple[str, list[tuple[dt.date, dt.date, str]]]:
    """Columns from ``lo`` to ``hi``: days, months or years (the finest with at most MAX_COLUMNS)."""
    days = (hi - lo).days + 1
    if days <= MAX_COLUMNS:
        cols = [lo + dt.timedelta(days=i) for i in range(days)]
        return "day", [(d, d, day_label(d)) for d in cols]
    months = (hi.year - lo.year) * 12 + hi.month - lo.month + 1
    if months <= MAX_COLUMNS:
        out = []
        y, m = lo.year, lo.month
        for _ in range(months):
            last = dt.date(y, m, calendar.monthrange(y, m)[1])
            out.append((dt.date(y, m, 1), last, f"{MONTHS_SHORT[m]} {y}"))
            y, m = y + (m == 12), m % 12 + 1
        return "month", out
    step = max(1, (hi.year - lo.year + 1 + MAX_COLUMNS - 1) // MAX_COLUMNS)
    out = []
    for y in range(lo.year, hi.year + 1, step):
        end_year = min(y + step - 1, hi.year)
        out.append((dt.date(y, 1, 1), dt.date(end_year, 12, 31), str(y) if step == 1 else f"{y}–{end_year}"))
    return "year", out


def _column_labels(cols: Sequence[tuple[dt.date, dt.date, str]], x0: float, cw: float, y: int,
                   extra: str | None = None) -> list[str]:
    every = max(1, int(80 // cw) + (80 % cw > 0))  # about 80 px per label
    out = []
    last = len(cols) - 1 if extra else len(cols)
    for i, (first, _, label) in enumerate(cols):
        if i % every == 0 and (i + every <= last or not extra):
            if i and first.year == cols[i - every][0].year and " " in label:  # the year once
                label = label.rsplit(" ", 1)[0]
            out.append(f'<text x="{x0 + i * cw + cw / 2:.1f}" y="{y}" text-anchor="middle" '
                       f'class="ch-axis">{escape(label)}</text>')
    if extra:
        out.append(f'<text x="{x0 + len(cols) * cw + cw / 2:.1f}" y="{y}" text-anchor="middle" '
                   f'class="ch-axis">{escape(extra)}</text>')
    return out


def _radius(n: int, top: int, cell: float) -> float:
    """A dot's radius: its area grows with ``n`` up to ``top`` (larger counts, e.g. of the summed
    "other" row, get the largest dot and say their number in the tooltip)."""
    return round(max(2.0, min(cell, ROW_H) * 0.45 * min(1.0, n / top) ** 0.5), 1) if top else 0.0


def _peak(counts: Mapping[tuple[str, Any], int]) -> int:
    """The count that gets the largest dot: the largest outside the summed "other" rows and columns."""
    own = [n for (r, c), n in counts.items() if OTHER not in (r, c) and r != "other speakers"]
    return max(own or list(counts.values()) or [1])


# ----------------------------------------------------------------------------- the charts


def outlet_time_chart(d: Dossier, view: DossierView) -> Markup | None:
    """Articles per outlet over time (see the module docstring)."""
    if not d.articles:
        return None
    days: dict[str, dt.date | None] = {}
    for a in d.articles:
        b = date_bounds(a.article.published.date)
        days[a.article.id] = b[0] if b else None
    known = [x for x in days.values() if x is not None]
    counts = Counter(view.source_name(a.article.id) for a in d.articles)
    rows, row_of = _rows(counts)
    undated: Counter[str] = Counter()
    cells: Counter[tuple[str, int]] = Counter()
    cols: list[tuple[dt.date, dt.date, str]] = []
    unit = "day"
    if known:
        unit, cols = _buckets(min(known), max(known))
    for aid, day in days.items():
        row = row_of(view.source_name(aid))
        if day is None:
            undated[row] += 1
            continue
        col = next(i for i, (lo, hi, _) in enumerate(cols) if lo <= day <= hi)
        cells[(row, col)] += 1
    n_cols = len(cols) + (1 if undated else 0)
    if not n_cols:
        return None
    cw = PLOT_W / n_cols
    top = 8
    height = top + len(rows) * ROW_H + 34
    row_counts = {r: sum(counts[k] for k in counts if row_of(k) == r) for r in rows}
    body = _row_labels(rows, top, row_counts)
    both: dict[tuple[str, Any], int] = {**cells, **{(r, -1): n for r, n in undated.items()}}
    peak = _peak(both)
    rindex = {r: i for i, r in enumerate(rows)}
    for (row, col), n in sorted(cells.items(), key=lambda kv: (rindex[kv[0][0]], kv[0][1])):
        cx, cy = LABEL_W + col * cw + cw / 2, top + rindex[row] * ROW_H + ROW_H / 2
        when = cols[col][2] if unit != "day" else f"on {cols[col][2]}"
        body.append(f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="{_radius(n, peak, cw)}" class="ch-dot">'
                    f'<title>{escape(row)}: {_plural(n, "article")} {"in " if unit != "day" else ""}'
                    f'{escape(when)}</title></circle>')
    if undated:
        x = LABEL_W + len(cols) * cw
        body.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{top}" y2="{top + len(rows) * ROW_H}" class="ch-rule"/>')
        for row, n in undated.items():
            cx, cy = x + cw / 2, top + rindex[row] * ROW_H + ROW_H / 2
            body.append(f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="{_radius(n, peak, cw)}" class="ch-dot ch-undated">'
                        f'<title>{escape(row)}: {_plural(n, "article")} whose day is not known</title></circle>')
    body += _column_labels(cols, LABEL_W, cw, top + len(rows) * ROW_H + 16, "undated" if undated else None)
    label = f"Articles per outlet over time, by {unit}"
    return _svg(LABEL_W + PLOT_W + 10, height, label, body)


def timeline_sources_chart(d: Dossier, view: DossierView) -> Markup | None:
    """The timeline with each event's sources (see the module docstring)."""
    placed = []
    for e in d.timeline:
        b = event_bounds(e.date)
        if b is None or not e.sources:
            continue
        day = b.end if b.open_start else b.start if b.open_end else b.start + (b.end - b.start) / 2
        placed.append((day, e))
    if not placed:
        return None
    placed.sort(key=lambda x: (-len({s.article for s in x[1].sources}), x[0], x[1].id))
    placed = sorted(placed[:MAX_EVENTS], key=lambda x: (x[0], x[1].id))
    counts = Counter(view.source_name(s.article) for _, e in placed for s in e.sources)
    rows, row_of = _rows(counts)
    rindex = {r: i for i, r in enumerate(rows)}
    lo, hi = placed[0][0], placed[-1][0]
    span = max((hi - lo).days, 1)
    top = 8
    height = top + len(rows) * ROW_H + 34
    body = _row_labels(rows, top)

    def x_of(day: dt.date) -> float:
        return LABEL_W + 8 + (PLOT_W - 16) * (day - lo).days / span

    for day, e in placed:
        ys = sorted({rindex[row_of(view.source_name(s.article))] for s in e.sources})
        x = x_of(day)
        when = timex_label(e.date.value, earliest=e.date.earliest, latest=e.date.latest,
                           approximate=e.date.approximate) or day_label(day)
        n = len({s.article for s in e.sources})
        tip = f"{when}: {_short(e.summary, 80)} ({_plural(n, 'report')})"
        parts = [f'<a href="#ev-{slug(e.id)}"><title>{escape(tip)}</title>']
        y_of = [round(top + y * ROW_H + ROW_H / 2) for y in ys]
        if len(ys) > 1:
            parts.append(f'<path d="M{x:.1f},{y_of[0]}V{y_of[-1]}" class="ch-link"/>')
        # each dot a zero-length stroke with round caps: one short path per event, not a circle each
        parts.append('<path d="' + "".join(f"M{x:.1f},{y}h0" for y in y_of) + '" class="ch-dots"/>')
        body.append("".join(parts) + "</a>")
    ticks = _buckets(lo, hi)[1] if span > 1 else [(lo, hi, day_label(lo))]
    every = max(1, len(ticks) // 6)
    for i, (first, _, label) in enumerate(ticks):
        if i % every == 0:
            body.append(f'<text x="{x_of(max(first, lo)):.1f}" y="{top + len(rows) * ROW_H + 16}" '
                        f'text-anchor="middle" class="ch-axis">{escape(label)}</text>')
    shown = "" if len(placed) == len(d.timeline) else f" (the {len(placed)} most reported dated events)"
    return _svg(LABEL_W + PLOT_W + 10, height, "Timeline events and the outlets reporting each" + shown, body)


def quoted_by_chart(d: Dossier, view: DossierView) -> Markup | None:
    """Who is quoted by whom (see the module docstring)."""
    pairs: Counter[tuple[str, str]] = Counter()
    for g in d.quotes:
        speaker = g.speaker_name or (view.entity_name(g.speaker_entity) if g.speaker_entity else None)
        if not speaker:
            continue
        for q in g.quotes:
            pairs[(speaker, view.source_name(q.article))] += 1
    if not pairs:
        return None
    speakers: Counter[str] = Counter()
    outlets: Counter[str] = Counter()
    for (sp, out), n in pairs.items():
        speakers[sp] += n
        outlets[out] += n
    rows, row_of = _rows(speakers)
    cols, col_of = _rows(outlets, 12)
    grid: dict[tuple[str, str], int] = defaultdict(int)
    for (sp, out), n in pairs.items():
        grid[(row_of(sp), col_of(out))] += n
    rows = [r if r != OTHER else "other speakers" for r in rows]
    grid = {(r if r != OTHER else "other speakers", c): n for (r, c), n in grid.items()}
    top = 96
    cw = min(52.0, PLOT_W / len(cols))
    height = top + len(rows) * ROW_H + 8
    body = _row_labels(rows, top, {r: sum(n for (rr, _), n in grid.items() if rr == r) for r in rows})
    for j, c in enumerate(cols):
        x = LABEL_W + j * cw + cw / 2
        body.append(f'<text x="{x:.1f}" y="{top - 6}" transform="rotate(-40 {x:.1f} {top - 6})" '
                    f'class="ch-axis"><title>{escape(c)}</title>{escape(_short(c, 18))}</text>')
    peak = _peak(grid)
    cindex = {c: j for j, c in enumerate(cols)}
    for i, r in enumerate(rows):
        for c in cols:
            n = grid.get((r, c), 0)
            if not n:
                continue
            cx, cy = LABEL_W + cindex[c] * cw + cw / 2, top + i * ROW_H + ROW_H / 2
            body.append(f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="{_radius(n, peak, cw)}" class="ch-dot ch-quote">'
                        f'<title>{escape(c)} quotes {escape(r)} {_plural(n, "time")}</title></circle>')
    return _svg(LABEL_W + PLOT_W + 70, height, "Who is quoted by which outlet", body)


def charts(d: Dossier, view: DossierView) -> list[tuple[str, str, Markup]]:
    """The charts that have something to show: (id, caption, svg)."""
    out = []
    for key, caption, make in (
            ("chart-outlets", "Articles per outlet over time (dot size: number of articles)", outlet_time_chart),
            ("chart-sources", "Timeline events and the outlets that report each (click a dot for the event)",
             timeline_sources_chart),
            ("chart-quoted", "Who is quoted by which outlet (dot size: number of quotations)", quoted_by_chart)):
        svg = make(d, view)
        if svg is not None:
            out.append((key, caption, svg))
    return out
