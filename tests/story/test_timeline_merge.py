"""Merge rules of the timeline on hand-made mentions (no parse): which reports may share an entry."""

from __future__ import annotations

from datetime import date

import storyline.story.timeline as tl
from storyline.model import EventMention, TimeExpr
from storyline.options import TimelineOptions


def item(article: str, predicate: str, keys: list[str], lo: date | None, hi: date | None,
         value: str = "", undated: bool = False) -> tl._Item:
    ev = EventMention(article=article, start=0, end=10, text=" ".join(keys), timex=-1 if undated else 0,
                      predicate=predicate, keys=sorted(keys))
    tx = None if undated else TimeExpr(0, 4, value, "DATE", value, lo and lo.isoformat(), hi and hi.isoformat())
    return tl._Item(article, ev, tx, lo, hi, frozenset(), " ".join(keys), frozenset(keys),  # type: ignore[arg-type]
                    undated=undated)


def test_a_coarse_date_does_not_chain_reports_of_two_days() -> None:
    # a flood toll reported on Thursday and on Friday, and a weekly round-up that fits both days
    words = ["toll", "flood", "valley", "county", "rise"]
    thu = item("a1", "rise", words, date(2026, 4, 9), date(2026, 4, 9), "2026-04-09")
    fri = item("a2", "rise", words, date(2026, 4, 10), date(2026, 4, 10), "2026-04-10")
    week = item("a3", "rise", words, date(2026, 4, 6), date(2026, 4, 12), "2026-W15")
    items = sorted([thu, fri, week], key=lambda it: (it.key, it.article))
    groups = [{items[i].article for i in g} for g in tl._cluster(items, TimelineOptions())]
    assert len(groups) == 2  # the week joins one day, never both
    assert not any({"a1", "a2"} <= g for g in groups)
    assert any(g == {"a3", "a1"} or g == {"a3", "a2"} for g in groups)


def test_same_event_dated_differently_still_merges() -> None:
    # two outlets put one signing on different days: one entry (the dates conflict), as before
    words = ["treaty", "river", "minister", "border", "water"]
    a = item("b1", "sign", words + ["@ent-1"], date(2026, 2, 3), date(2026, 2, 3), "2026-02-03")
    b = item("b2", "sign", words + ["@ent-1"], date(2026, 2, 4), date(2026, 2, 4), "2026-02-04")
    a.entities = b.entities = frozenset({"ent-1"})
    groups = tl._cluster([a, b], TimelineOptions())
    assert groups == [[0, 1]]


def test_an_undated_report_without_a_time_joins_only_on_a_strong_match() -> None:
    opts = TimelineOptions()
    shared = ["referee", "stadium", "final", "whistle", "crowd", "pitch", "halt"]
    dated = item("c1", "halt", shared, date(2026, 6, 14), date(2026, 6, 14), undated=True)
    # the other article's publication is only known to be after 2025 (it mentions 2025)
    timeless = item("c2", "interrupt", shared, None, None, undated=True)
    timeless.published = (date(2025, 1, 1), None)
    assert tl._best_match(timeless, [dated], False, opts) is not None
    # a weak match (one shared word besides the verbs) does not date it
    weak = item("c3", "interrupt", ["referee", "halt", "interrupt", "rain", "delay", "training"], None, None,
                undated=True)
    weak.published = (date(2025, 1, 1), None)
    assert tl._best_match(weak, [dated], False, opts) is None
    # a publication range that ends before the other's time rules it out
    early = item("c4", "interrupt", shared, None, None, undated=True)
    early.published = (date(2024, 1, 1), date(2024, 12, 31))
    assert tl._best_match(early, [dated], False, opts) is None
    # with no publication range at all, nothing to go by
    bare = item("c5", "interrupt", shared, None, None, undated=True)
    assert tl._best_match(bare, [dated], False, opts) is None
