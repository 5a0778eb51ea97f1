"""A one-screen summary of the dossier for the terminal (rich).

What a user wants to see after ``storyline analyze``: which articles were read and how they are dated,
the first events of the timeline, how many quotes and entities, and the conflicts between outlets.
Every row is one line (cut with an ellipsis) and long lists are capped, so the summary fits one
screen on an 80-column terminal; the HTML and Markdown dossiers have everything.
"""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from storyline.model import Dossier, EventDate, PubDate
from storyline.render.dates import pubdate_label
from storyline.render.phrases import status_label
from storyline.render.view import DossierView, format_event_date

__all__ = ["render_summary"]

MAX_EVENTS = 8
MAX_CONFLICTS = 5
MAX_ARTICLES = 12


def _cut(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _pub(d: PubDate) -> str:
    """Publication date in words: the day, or the range it was inferred in, with its basis."""
    return pubdate_label(d.date, d.earliest, d.latest, d.basis, short=True)


def _when(d: EventDate) -> str:
    """Event date in words ("September (year not stated; 2024 or 2025)")."""
    return format_event_date(d)


def render_summary(d: Dossier, console: Console) -> None:
    """Print the summary of ``d`` on ``console`` (no markup from the articles is interpreted)."""
    v = DossierView(d)
    console.print(f"[bold]{escape(d.story_title or 'Untitled story')}[/bold]  "
                  f"[dim]story {escape(d.story_id)} · {len(d.articles)} article(s)[/dim]")

    shown_arts = f", first {MAX_ARTICLES}" if len(d.articles) > MAX_ARTICLES else ""
    arts = Table(title=f"Articles ({len(d.articles)}{shown_arts})", title_justify="left", pad_edge=False)
    arts.add_column("outlet (or headline)", no_wrap=True, overflow="ellipsis", max_width=24)
    arts.add_column("byline · dateline", no_wrap=True, overflow="ellipsis", max_width=26)
    arts.add_column("published", no_wrap=True, min_width=10, overflow="ellipsis", max_width=40)
    for a in d.articles[:MAX_ARTICLES]:
        art = a.article
        outlet = escape(art.outlet) if art.outlet else f"[dim]{escape(v.label(art.id))}[/dim]"
        if art.duplicate_of:
            outlet += f" (copy of {escape(v.label(art.duplicate_of))})"
        who = " · ".join(x for x in (", ".join(art.byline), art.dateline or "") if x) or "—"
        arts.add_row(outlet, escape(who), escape(_pub(art.published)))
    console.print(arts)

    if d.timeline:
        tl = Table(title=f"Timeline (first {min(MAX_EVENTS, len(d.timeline))} of {len(d.timeline)})",
                   title_justify="left", pad_edge=False, expand=True)
        tl.add_column("date", min_width=14, max_width=26)
        tl.add_column("event", no_wrap=True, overflow="ellipsis", ratio=1)
        tl.add_column("src", justify="right", no_wrap=True)
        for e in d.timeline[:MAX_EVENTS]:
            tl.add_row(escape(_when(e.date)), escape(_cut(e.summary, 200)), str(len(e.sources)))
        console.print(tl)
    else:
        console.print("Timeline: no dated events found.")

    multi = sum(1 for g in d.quotes if len({q.article for q in g.quotes}) > 1)
    status = v.status_counts()
    console.print(f"Entities: {len(d.entities)} · Quote groups: {len(d.quotes)} ({multi} carried by "
                  f"several articles) · Claims: {len(d.claims)} · Comparisons: "
                  + (", ".join(f"{n} {status_label(k)}" for k, n in status.items()) or "none"))

    conflicts = v.conflicts()
    if conflicts:
        shown = f", first {MAX_CONFLICTS}" if len(conflicts) > MAX_CONFLICTS else ""
        ct = Table(title=f"Conflicts ({len(conflicts)}{shown})", title_justify="left", pad_edge=False,
                   expand=True)
        ct.add_column("subject · what", max_width=36)
        ct.add_column("values (articles)", no_wrap=True, overflow="ellipsis", ratio=1)
        for c in conflicts[:MAX_CONFLICTS]:
            sides = "; ".join(f"{v.value_text(s.value)} ({', '.join(v.label(x) for x in s.articles)})"
                              for s in c.sides)
            ct.add_row(escape(f"{v.subject_name(c.subject)} · {v.comparison_attr(c)}"),
                       escape(_cut(sides, 300)))
        console.print(ct)
    else:
        console.print("Conflicts: none found.")
