"""The one-screen terminal summary."""

from __future__ import annotations

import io

from rich.console import Console

from storyline.model import Comparison, ComparisonSide, Event, EventDate
from storyline.render.terminal import MAX_EVENTS, render_summary


def _text(d, width: int = 110) -> str:
    console = Console(file=io.StringIO(), width=width, record=True, color_system=None)
    render_summary(d, console)
    return console.export_text()


def test_summary_has_articles_timeline_quotes_and_conflicts(dossier):
    out = _text(dossier)
    assert "Millbrook bridge <vote>" in out
    assert "Riverside Ledger" in out and "Valley Post & Courier" in out
    assert "between 12 Mar 2024 and 20 Mar 2024" in out and "14 Mar 2024 (metadata)" in out
    assert "Timeline (first 3 of 3)" in out and "about June 2024" in out and "12 Mar 2024 " in out
    assert "Quote groups: 3 (1 carried by several articles)" in out
    assert "Conflicts (2)" in out and "number of" in out and "5-2" in out and "4-3" in out
    assert "vote_count" not in out


def test_markup_in_the_data_is_not_interpreted(dossier):
    dossier.story_title = "[bold red]Breaking[/bold red] [link]"
    assert "[bold red]Breaking[/bold red] [link]" in _text(dossier)


def test_long_stories_still_fit_one_screen(dossier):
    for i in range(40):
        dossier.timeline.append(Event(f"X{i}", EventDate(f"2024-04-{i % 28 + 1:02d}", None, None, "day"),
                                      f"Event number {i} happened."))
        dossier.comparisons.append(Comparison(f"K{i + 10}", "E3", f"count_{i}", "conflict",
                                              [ComparisonSide(i, [], ["aaaa1111"]),
                                               ComparisonSide(i + 1, [], ["bbbb2222"])]))
    out = _text(dossier)
    assert f"Timeline (first {MAX_EVENTS} of 43)" in out and "Conflicts (42, first 5)" in out
    assert "Event number 39" not in out
    assert len(out.splitlines()) <= 45


def test_eighty_columns_one_line_per_row(dossier):
    dossier.timeline[1].summary = "A very long sentence " * 20
    dossier.timeline[1].date = EventDate("XXXX-06", "2023-06-01", None, "month", True)
    out = _text(dossier, width=80)
    assert max(len(line) for line in out.splitlines()) <= 80
    assert "June (year not stated;" in out
    [row] = [line for line in out.splitlines() if "A very long sentence" in line]
    assert row.rstrip().endswith("│") and "…" in row
