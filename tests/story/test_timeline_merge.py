"""Merge rules of the timeline on hand-made mentions (no parse): which reports may share an entry."""

from __future__ import annotations

from datetime import date, timedelta

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


def month_item(article: str, predicate: str, keys: list[str], written: str, month: str,
               entities: set[str]) -> tl._Item:
    """A mention dated by a month (``2021-03``) written as ``written`` in the text."""
    year, mon = (int(x) for x in month.split("-"))
    lo, hi = date(year, mon, 1), date(year + mon // 12, mon % 12 + 1, 1) - timedelta(days=1)
    it = item(article, predicate, keys, lo, hi, month)
    it.timex = TimeExpr(0, len(written), written, "DATE", month, lo.isoformat(), hi.isoformat())
    it.entities = frozenset(entities)
    return it


def test_background_references_to_one_named_month_merge_whatever_the_verb() -> None:
    opts = TimelineOptions()
    # business: a retailer's collapse, told by three outlets with three verbs
    a = month_item("d1", "collapse", ["chain", "store", "debt"], "March 2021", "2021-03", {"ent-orbis"})
    b = month_item("d2", "face", ["founder", "charge", "fraud", "failure"], "March 2021", "2021-03",
                   {"ent-orbis", "ent-kell"})
    c = month_item("d3", "see", ["saving", "lose", "failure"], "March 2021", "2021-03", {"ent-orbis"})
    assert tl._cluster([a, b, c], opts) == [[0, 1, 2]]
    # science: a probe's launch referred to as background in two reports of its arrival
    p = month_item("e1", "leave", ["probe", "earth", "orbit"], "October 2019", "2019-10", {"ent-tern"})
    q = month_item("e2", "travel", ["probe", "mission", "kilometres"], "Oct. 2019", "2019-10", {"ent-tern"})
    assert tl._cluster([p, q], opts) == [[0, 1]]
    # switched off, they stay apart (the verbs and words differ)
    off = TimelineOptions(month_references=False)
    assert tl._cluster([a, b, c], off) == [[0], [1], [2]]


def test_month_references_need_the_year_written_a_shared_participant_and_two_outlets() -> None:
    # health: "last March" is relative — the story's own recent past, not a named background month
    a = month_item("f1", "recall", ["batch", "clinic", "vaccine"], "last March", "2025-03", {"ent-mavro"})
    b = month_item("f2", "open", ["ward", "hospital", "wing"], "March 2025", "2025-03", {"ent-mavro"})
    assert tl._same_month_reference(a, b) is False
    # elections: two parties' congresses in one named month share no participant
    c = month_item("g1", "elect", ["party", "leader", "congress"], "June 2024", "2024-06", {"ent-greens"})
    d = month_item("g2", "expel", ["party", "member", "vote"], "June 2024", "2024-06", {"ent-unity"})
    assert tl._same_month_reference(c, d) is False
    # one outlet's two sentences about the month are not merged by this rule
    e = month_item("h1", "sign", ["striker", "club", "contract"], "July 2023", "2023-07", {"ent-brack"})
    f = month_item("h1", "injure", ["striker", "knee", "training"], "July 2023", "2023-07", {"ent-brack"})
    assert tl._same_month_reference(e, f) is False
    # a day or a year is not a named month
    g = month_item("k1", "rule", ["court", "appeal"], "2022", "2022-05", {"ent-ferra"})
    g.timex = TimeExpr(0, 4, "2022", "DATE", "2022", "2022-01-01", "2022-12-31")
    h = month_item("k2", "file", ["court", "appeal"], "2022", "2022-05", {"ent-ferra"})
    h.timex = g.timex
    assert tl._same_month_reference(g, h) is False
    # different months never merge by it
    i = month_item("m1", "merge", ["bank", "lender"], "May 2020", "2020-05", {"ent-cova"})
    j = month_item("m2", "fail", ["bank", "deposit"], "June 2020", "2020-06", {"ent-cova"})
    assert tl._same_month_reference(i, j) is False
    # courts: a conviction and a sentencing in one named month are two happenings of the lexicon
    k = month_item("n1", "convict", ["jury", "clerk", "count"], "October 2024", "2024-10", {"ent-vale"})
    m = month_item("n2", "sentence", ["judge", "clerk", "prison"], "October 2024", "2024-10", {"ent-vale"})
    assert tl._same_month_reference(k, m) is False
    # ... while a lexicon happening and a plain verb about it ("faced", "saw") may be one
    n = month_item("n3", "face", ["clerk", "count", "fraud"], "October 2024", "2024-10", {"ent-vale"})
    assert tl._same_month_reference(k, n) is True
