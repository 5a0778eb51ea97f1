"""A one-screen summary of the dossier for the terminal (rich).

What a user wants to see after ``storyline analyze``: which articles were read and how they are dated,
the first events of the timeline, how many quotes and entities, and the conflicts between outlets.
Long lists are cut to keep it to one screen; the HTML and Markdown dossiers have everything.
"""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from storyline.model import Dossier, PubDate
from storyline.render.view import DossierView, format_event_date, format_value

__all__ = ["render_summary"]

MAX_EVENTS = 8
MAX_CONFLICTS = 5


def _cut(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _pub(d: PubDate) -> str:
    """Compact publication date: the day, or the range it was inferred in, with its basis."""
    if d.date:
        return f"{d.date} ({d.basis})"
    if d.earliest or d.latest:
        return f"{d.earliest or '?'}…{d.latest or '?'} ({d.basis})"
    return "unknown"


def render_summary(d: Dossier, console: Console) -> None:
    """Print the summary of ``d`` on ``console`` (no markup from the articles is interpreted)."""
    v = DossierView(d)
    console.print(f"[bold]{escape(d.story_title or 'Untitled story')}[/bold]  "
                  f"[dim]story {escape(d.story_id)} · {len(d.articles)} article(s)[/dim]")

    arts = Table(title="Articles", title_justify="left", expand=False, show_lines=False)
    arts.add_column("outlet", overflow="fold")
    arts.add_column("byline", overflow="fold", max_width=30)
    arts.add_column("dateline", overflow="fold", max_width=24)
    arts.add_column("published", no_wrap=True)
    arts.add_column("id", no_wrap=True)
    for a in d.articles:
        art = a.article
        outlet = art.outlet or "—"
        if art.duplicate_of:
            outlet += f" (copy of {art.duplicate_of[:10]})"
        arts.add_row(escape(outlet), escape(_cut(", ".join(art.byline), 30) or "—"),
                     escape(art.dateline or "—"), escape(_pub(art.published)), art.id[:10])
    console.print(arts)

    if d.timeline:
        tl = Table(title=f"Timeline (first {min(MAX_EVENTS, len(d.timeline))} of {len(d.timeline)})",
                   title_justify="left")
        tl.add_column("date", no_wrap=True)
        tl.add_column("event")
        tl.add_column("sources", justify="right")
        for e in d.timeline[:MAX_EVENTS]:
            tl.add_row(escape(format_event_date(e.date)), escape(_cut(e.summary, 80)), str(len(e.sources)))
        console.print(tl)
    else:
        console.print("Timeline: no dated events found.")

    multi = sum(1 for g in d.quotes if len({q.article for q in g.quotes}) > 1)
    status: dict[str, int] = {}
    for c in d.comparisons:
        status[c.status] = status.get(c.status, 0) + 1
    console.print(f"Entities: {len(d.entities)} · Quote groups: {len(d.quotes)} ({multi} carried by "
                  f"several articles) · Claims: {len(d.claims)} · Comparisons: "
                  + (", ".join(f"{n} {k.replace('_', ' ')}" for k, n in sorted(status.items())) or "none"))

    conflicts = v.conflicts()
    if conflicts:
        ct = Table(title=f"Conflicts ({len(conflicts)})", title_justify="left")
        ct.add_column("subject · attribute")
        ct.add_column("values (articles)")
        for c in conflicts[:MAX_CONFLICTS]:
            sides = "; ".join(f"{format_value(s.value)} ({', '.join(v.label(x) for x in s.articles)})"
                              for s in c.sides)
            ct.add_row(escape(f"{v.entity_name(c.subject)} · {c.attribute}"), escape(_cut(sides, 100)))
        console.print(ct)
    else:
        console.print("Conflicts: none found.")
