"""Merge rules of the timeline on hand-made mentions (no parse): which reports may share an entry."""

from __future__ import annotations

from datetime import date, timedelta

import storyline.story.timeline as tl
from storyline.model import Article, ArticleAnalysis, EventMention, PubDate, TimeExpr
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


def test_an_article_retelling_its_event_joins_the_entry_that_holds_its_lede() -> None:
    # disasters: outlet a1 tells the dam failure in its lede (in the entry) and again in a detail
    day = date(2026, 5, 2)
    b1 = item("b1", "collapse", ["dam", "spillway", "valley", "collapse", "flood", "town", "river", "gate",
                                 "concrete", "evening", "siren", "county"], day, day, "2026-05-02")
    a1 = item("a1", "collapse", ["reservoir", "collapse", "burst", "engineer", "warning"], day, day, "2026-05-02")
    detail = item("a1", "crumble", ["crumble", "spillway", "gate", "night", "rain", "wall", "water", "farm",
                                    "road", "bridge"], day, day, undated=True)
    assert tl._best_match(detail, [b1], True, TimelineOptions()) is not None  # it reports b1's event
    [entry, *_] = tl._merge_undated([[a1, b1]], [detail], TimelineOptions())
    assert detail in entry  # "crumbled" retells a1's "collapsed" (one lexicon class)
    [entry, *_] = tl._merge_undated([[a1, b1]], [detail], TimelineOptions(retellings=0))
    assert detail not in entry  # one mention per article and entry, as before
    # a third sentence of a1 retelling the failure stays out: two of one article per entry at most
    again = item("a1", "collapse", list(detail.keys) + ["dam"], day, day, undated=True)
    [entry, *_] = tl._merge_undated([[a1, b1]], [detail, again], TimelineOptions())
    assert sum(it.article == "a1" for it in entry) == 2
    # a sentence of a1 on something else (the repair budget) does not join on a weak match ...
    aside = item("a1", "say", ["say", "collapse", "spillway", "gate", "mayor", "cost", "repair", "budget",
                               "council", "week", "tax", "vote"], day, day, undated=True)
    [entry, *_] = tl._merge_undated([[a1, b1]], [aside], TimelineOptions())
    assert aside not in entry
    # ... while the same sentence from an outlet not yet in the entry does
    other = item("c1", "say", list(aside.keys), day, day, undated=True)
    [entry, *_] = tl._merge_undated([[a1, b1]], [other], TimelineOptions())
    assert other in entry


def test_event_nouns_name_the_class_of_their_verb() -> None:
    assert tl.predicate_class("landing") == tl.predicate_class("land") == tl.predicate_class("touch down")
    assert tl.predicate_class("ouster") == tl.predicate_class("fire") == tl.predicate_class("removal")
    assert tl.predicate_class("victory") == tl.predicate_class("beat")
    assert tl.predicate_class("conviction") == tl.predicate_class("convict")
    # space: "the landing set off cheers" reports the landing that "touched down" reports
    day = date(2026, 9, 1)
    noun = item("p1", "ignite", ["ignite", "landing", "probe", "celebration", "nation"], day, day, "2026-09-01")
    verb = item("p2", "touch down", ["touch", "probe", "crater", "surface"], day, day, "2026-09-01")
    assert tl._related_predicates(noun, verb)
    plain = item("p3", "ignite", ["ignite", "probe", "celebration", "nation"], day, day, "2026-09-01")
    assert not tl._related_predicates(plain, verb)


def test_outlets_dating_one_event_differently_share_the_units_they_agree_on() -> None:
    assert tl._agreed_value(["2026-02-03", "2026-02-04"]) == "2026-02"
    assert tl._agreed_value(["2026-02-03T23:10", "2026-02-04"]) == "2026-02"
    assert tl._agreed_value(["2022", "2022-11"]) == "2022"
    assert tl._agreed_value(["2024-10-03", "2025-10-03"]) == "XXXX-10-03"  # no common year: masked
    # business: a merger signed on the 3rd by one outlet, on the 4th by another
    words = ["merger", "bank", "lender", "board", "share"]
    a = item("s1", "sign", words, date(2026, 2, 3), date(2026, 2, 3), "2026-02-03")
    b = item("s2", "sign", words, date(2026, 2, 4), date(2026, 2, 4), "2026-02-04")
    event, comparison = tl._event([a, b])
    assert (event.date.value, event.date.earliest, event.date.latest) == ("2026-02", "2026-02-03", "2026-02-04")
    assert comparison is not None and sorted(s.value for s in comparison.sides) == ["2026-02-03", "2026-02-04"]


def test_a_narrative_time_does_not_pin_a_background_year() -> None:
    # sports: "fifteen riders quit last year" in an undated article (year unknown, after 1990) and
    # another outlet's undated sentence on it, whose narrative time is the day of the race
    race = date(2026, 7, 12)
    last_year = item("r1", "quit", ["rider", "team", "fifteen", "quit"], date(1990, 1, 1), None, "XXXX")
    last_year.timex.resolved = False
    told = item("r2", "quit", ["rider", "team", "fifteen", "quit"], race, race, undated=True)
    told.timex = TimeExpr(0, 4, "Sunday", "DATE", "2026-07-12", "2026-07-12", "2026-07-12")
    event, _ = tl._event([last_year, told])
    assert event.date.value == "XXXX"  # not the race day
    # a day of unknown year is pinned by it ("July 12" in the undated article)
    july = item("r1", "quit", ["rider", "team", "fifteen", "quit"], date(1990, 1, 1), None, "XXXX-07-12")
    july.timex.resolved = False
    event, _ = tl._event([july, told])
    assert event.date.value == "2026-07-12"


def test_an_undated_article_is_not_dated_by_a_narrative_time_through_a_background_year() -> None:
    # the only date of the entry is the other outlet's narrative time (the race day): "last year"
    # tells of background, so it says nothing about when the undated article was published
    race = date(2026, 7, 12)
    text = "Fifteen riders quit last year."
    known = Article(id="k1", text="Riders.", published=PubDate("2026-07-13", "2026-07-13", "2026-07-13", "metadata"))
    unknown = Article(id="u1", text=text)
    start = text.index("last year")
    last_year = item("u1", "quit", ["rider", "fifteen", "quit"], date(1990, 1, 1), None, "XXXX")
    last_year.timex = TimeExpr(start, start + 9, "last year", "DATE", "XXXX", "1990-01-01", None,
                               anchor="publication", resolved=False)
    told = item("k1", "quit", ["rider", "fifteen", "quit"], race, race, undated=True)
    told.timex = TimeExpr(0, 6, "Sunday", "DATE", "2026-07-12", "2026-07-12", "2026-07-12", anchor="publication")
    analyses = [ArticleAnalysis(article=known), ArticleAnalysis(article=unknown)]
    opts, emap = TimelineOptions(), {}
    draft = tl.TimelineDraft(analyses, emap, opts, [[last_year, told]])
    assert tl.refine_publication(analyses, emap, opts, draft=draft) == {}


def test_an_undated_sentence_naming_a_year_joins_that_years_report() -> None:
    # health: "the toll surpassed that of the 2019 outbreak, which sickened 340" in a report of this
    # week, and another outlet's "the outbreak sickened 340 people in 2019"
    opts = TimelineOptions()
    now = date(2026, 3, 9)
    past = item("v1", "sicken", ["outbreak", "340", "people", "sicken", "province"], date(2019, 1, 1),
                date(2019, 12, 31), "2019")
    toll = item("v2", "surpass", ["toll", "outbreak", "340", "province", "surpass", "clinic"], now, now, undated=True)
    past.idf = toll.idf = {"outbreak": 2.0, "340": 3.0, "province": 2.0}  # rarer in the story than "toll"
    assert tl._best_match(toll, [past], True, opts) is None  # its narrative time is this week
    toll.years = frozenset({2019})
    assert tl._best_match(toll, [past], True, opts) is not None
    toll.years = frozenset({2018})
    assert tl._best_match(toll, [past], True, opts) is None  # another year: no
    # which years a sentence names: written-out years inside it, not relative ones nor others'
    text = "The toll surpassed that of the 2019 outbreak last year. A clinic opened in 2021."
    ev = EventMention(article="v2", start=0, end=text.index(".") + 1, text=text[: text.index(".") + 1], timex=-1)
    timexes = [TimeExpr(text.index("2019"), text.index("2019") + 4, "2019", "DATE", "2019", "2019-01-01", "2019-12-31"),
               TimeExpr(text.index("last year"), text.index("last year") + 9, "last year", "DATE", "2025",
                        "2025-01-01", "2025-12-31", anchor="publication"),
               TimeExpr(text.index("2021"), text.index("2021") + 4, "2021", "DATE", "2021", "2021-01-01", "2021-12-31")]
    assert tl._named_years(timexes, ev) == frozenset({2019})


def test_an_undated_report_naming_the_day_of_its_event_bounds_its_articles_publication() -> None:
    # sports: an undated article's "won Sunday's stage" sits in the entry another outlet dates firmly
    race = date(2026, 7, 12)  # a Sunday
    text = "Lund won Sunday's stage in the rain."
    known = Article(id="k1", text="Lund won.", published=PubDate("2026-07-12", "2026-07-12", "2026-07-12", "metadata"))
    unknown = Article(id="u1", text=text)
    day = TimeExpr(text.index("Sunday"), text.index("Sunday") + 6, "Sunday", "DATE", "XXXX-WXX-7", None, None,
                   anchor="publication", resolved=False)
    dated = item("k1", "win", ["lund", "stage", "win"], race, race, "2026-07-12")
    told = item("u1", "win", ["lund", "stage", "win", "rain"], None, None, undated=True)
    told.mention = EventMention(article="u1", start=0, end=len(text), text=text, timex=-1, predicate="win")
    analyses = [ArticleAnalysis(article=known), ArticleAnalysis(article=unknown, timexes=[day])]
    emap: dict[str, str] = {}
    opts = TimelineOptions()
    refined = tl.refine_publication(analyses, emap, opts, draft=tl.TimelineDraft(analyses, emap, opts, [[dated, told]]))
    assert (refined["u1"].earliest, refined["u1"].latest) == ("2026-07-12", "2026-07-18")
    off = TimelineOptions(sentence_days=False)
    draft = tl.TimelineDraft(analyses, emap, off, [[dated, told]])
    assert tl.refine_publication(analyses, emap, off, draft=draft) == {}
    # two days named in the sentence: which one is the event's? none is used
    two = [day, TimeExpr(text.index("rain"), text.index("rain") + 4, "rain", "DATE", "XXXX-WXX-6", None, None,
                         anchor="publication", resolved=False)]
    assert tl._sentence_day(two, told.mention) is None
    assert tl._sentence_day([day], told.mention) is day


def test_a_sentence_that_writes_its_day_twice_is_one_dated_report() -> None:
    # business: "The board fired its chief on Friday (Nov. 17)." — two expressions of one day
    text = "The board fired its chief on Friday (Nov. 17)."
    fri, nov = text.index("Friday"), text.index("Nov. 17")
    timexes = [TimeExpr(fri, fri + 6, "Friday", "DATE", "2026-11-13", "2026-11-13", "2026-11-13",
                        anchor="publication"),
               TimeExpr(nov, nov + 7, "Nov. 17", "DATE", "2026-11-17", "2026-11-17", "2026-11-17"),
               TimeExpr(nov, nov + 7, "Nov. 17", "DATE", "2026-11-13", "2026-11-13", "2026-11-13")]
    events = [EventMention("f1", 0, len(text), text, timex, "fire", keys=["board", "chief", "fire"])
              for timex in (0, 2, 1)]
    a = ArticleAnalysis(article=Article(id="f1", text=text), timexes=timexes, events=events)
    items, _ = tl._items([a], {}, one_day=True)
    # the two of the 13th are one report, dated by the absolute expression; the 17th stays apart
    assert sorted((it.timex.text, it.timex.value) for it in items) == [("Nov. 17", "2026-11-13"),
                                                                     ("Nov. 17", "2026-11-17")]
    assert len(tl._items([a], {}, one_day=False)[0]) == 3


def joined(groups: list[list[tl._Item]]) -> list[set[str]]:
    return [{it.article for it in g} for g in tl._join_same_day(groups)]


def test_entries_of_one_day_telling_one_happening_by_different_predicates_are_one() -> None:
    # space: "the probe touched down", "the landing set off cheers", "became the first to land"
    day = date(2026, 9, 1)
    touch = item("p1", "touch down", ["touch", "probe", "crater", "cheer", "engineer"], day, day, "2026-09-01")
    noun = item("p2", "ignite", ["ignite", "landing", "probe", "celebration", "nation"], day, day, "2026-09-01")
    first = item("p3", "become", ["become", "country", "land", "cheer", "pole"], day, day, "2026-09-01")
    assert joined([[touch], [noun], [first]]) == [{"p1", "p2", "p3"}]
    # no participant in common besides the happening: "the probe" vs "the country" stay apart
    lone = item("p4", "become", ["become", "country", "land", "pole"], day, day, "2026-09-01")
    assert joined([[touch], [lone]]) == [{"p1"}, {"p4"}]
    # another day, or an article already in the other entry: apart
    later = item("p2", "ignite", list(noun.keys), day + timedelta(days=1), day + timedelta(days=1), "2026-09-02")
    assert joined([[touch], [later]]) == [{"p1"}, {"p2"}]
    again = item("p1", "ignite", list(noun.keys), day, day, "2026-09-01")
    assert joined([[touch], [again]]) == [{"p1"}, {"p1"}]
    # a verb outside the lexicon names no happening to share: "the probe sent pictures"
    sent = item("p5", "send", ["send", "probe", "picture", "crater"], day, day, "2026-09-01")
    assert joined([[touch], [sent]]) == [{"p1"}, {"p5"}]
    assert tl.TimelineOptions().same_day_happenings


def test_one_days_reports_of_one_kind_of_disaster_are_one_entry() -> None:
    # wildfire: "the blaze began at dawn" / "the flames moved closer that afternoon"
    day = date(2026, 7, 3)
    began = item("f1", "begin", ["begin", "blaze", "canyon", "ridge"], day, day, "2026-07-03")
    moved = item("f2", "move", ["move", "flame", "house", "family"], day, day, "2026-07-03")
    assert joined([[began], [moved]]) == [{"f1", "f2"}]
    # neither predicate a lexicon happening: "flames were visible" / "smoke was seen from the fire"
    seen = item("f3", "be", ["flame", "visible", "highway"], day, day, "2026-07-03")
    smoke = item("f4", "see", ["see", "smoke", "fire", "city"], day, day, "2026-07-03")
    assert joined([[seen], [smoke]]) == [{"f3"}, {"f4"}]
    # two kinds of disaster on one day stay apart: a quake and a fire
    quake = item("f5", "strike", ["strike", "quake", "coast", "town"], day, day, "2026-07-03")
    assert joined([[began], [quake]]) == [{"f1"}, {"f5"}]


def year_item(article: str, predicate: str, keys: list[str], text: str) -> tl._Item:
    it = item(article, predicate, keys, date(1998, 1, 1), date(1998, 12, 31), "1998")
    it.mention.text = text
    return it


def test_background_reports_of_one_disaster_in_a_written_year_are_one_entry() -> None:
    # floods: two outlets recall the 1998 flood while reporting this year's
    a = year_item("y1", "break out", ["break", "flood", "levee", "kill", "delta"],
                  "The 1998 flood broke out in the delta.")
    b = year_item("y2", "exceed", ["exceed", "flood", "kill", "toll"], "The toll exceeds that of the 1998 flood.")
    assert joined([[a], [b]]) == [{"y1", "y2"}]
    # in a whole year one kind of disaster may strike twice: the flood word alone is not enough
    c = year_item("y3", "exceed", ["exceed", "flood", "toll"], "The toll exceeds that of a 1998 flood.")
    assert joined([[a], [c]]) == [{"y1"}, {"y3"}]
    # a year computed from "a century earlier", not written in the sentence, is not a named year
    d = year_item("y4", "exceed", ["exceed", "flood", "kill", "toll"], "The toll exceeds that of a flood then.")
    assert joined([[a], [d]]) == [{"y1"}, {"y4"}]


def test_a_state_is_compared_by_its_participants_not_its_verb() -> None:
    # business: "the founders were at the plant on Sunday" / "the founders joined the managers at
    # the plant on Sunday": the copula names no happening that could differ
    day = date(2026, 3, 8)
    words = ["founder", "plant", "manager", "factory", "shift", "meeting"]
    was = item("h1", "be", words, day, day, "2026-03-08")
    came = item("h2", "join", words + ["join"], day, day, "2026-03-08")
    assert tl._related_predicates(was, came)
    assert tl._content_match(was, came, TimelineOptions()) is not None
    # two happenings of different lexicon classes stay different ("resigned" / "was sued")
    quit_ = item("h3", "resign", words + ["resign"], day, day, "2026-03-08")
    sued = item("h4", "sue", words + ["sue"], day, day, "2026-03-08")
    assert not tl._related_predicates(quit_, sued)


def test_a_short_report_whose_every_participant_the_other_names_matches_it() -> None:
    # science: a posted one-liner ("We are still trying to reach the probe") and another outlet's
    # sentence that says the agency posted it, on one day
    day = date(2026, 10, 2)
    post = item("q1", "try", ["try", "reach"], day, day, "2026-10-02")
    told = item("q2", "post", ["post", "agency", "account", "try", "reach", "probe", "signal"], day, day, "2026-10-02")
    assert tl._content_match(post, told, TimelineOptions()) is not None
    # one participant of the short report missing from the other: no match on a single shared word
    other = item("q3", "try", ["try", "reach", "rover"], day, day, "2026-10-02")
    assert tl._content_match(other, told, TimelineOptions()) is None


def test_an_article_telling_the_days_happening_twice_does_not_keep_two_entries_apart() -> None:
    # space: outlet p1 reports the touchdown in its lede (one entry) and again as "the landing"
    # in a detail (another entry, with p2's report): one happening, one entry, two of p1's sentences
    day = date(2026, 9, 1)
    lede = item("p1", "touch down", ["touch", "probe", "crater", "engineer"], day, day, "2026-09-01")
    other = item("p3", "touch down", ["touch", "probe", "crater", "plain"], day, day, "2026-09-01")
    detail = item("p1", "ignite", ["ignite", "landing", "probe", "celebration"], day, day, "2026-09-01")
    told = item("p2", "ignite", ["ignite", "landing", "probe", "nation"], day, day, "2026-09-01")
    groups = [[lede, other], [detail, told]]
    assert [sorted(it.article for it in g) for g in tl._join_same_day(groups, retellings=2)] == \
        [["p1", "p1", "p2", "p3"]]
    assert len(tl._join_same_day(groups, retellings=0)) == 2  # one mention per article and entry
    # p1's detail on something else that day (a budget vote) keeps the entries apart
    vote = item("p1", "approve", ["approve", "budget", "probe", "council"], day, day, "2026-09-01")
    assert len(tl._join_same_day([[lede, other], [vote, told]], retellings=2)) == 2
