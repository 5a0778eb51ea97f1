"""Dates relative to another event of the story ("two days after the collapse"), on hand-made
analyses (no parse), several domains: found, resolved against the timeline, or left open."""

from __future__ import annotations

from storyline.model import Article, ArticleAnalysis, EventMention, PubDate, TimeExpr
from storyline.options import TimelineOptions
from storyline.story.anchored import anchored_phrase
from storyline.story.timeline import build_timeline


def _at(text: str, phrase: str) -> tuple[int, int]:
    i = text.index(phrase)
    return i, i + len(phrase)


def analysis(aid: str, text: str, published: str | None, timexes: list[tuple[str, str, str, str | None]],
             predicate: str, keys: list[str], dated: bool) -> ArticleAnalysis:
    """One article of one sentence: ``timexes`` as (text, type, value, day or None)."""
    txs = []
    for t_text, typ, value, day in timexes:
        s, e = _at(text, t_text)
        txs.append(TimeExpr(s, e, t_text, typ, value, day, day))  # type: ignore[arg-type]
    ev = EventMention(article=aid, start=0, end=len(text), text=text, timex=0 if dated else -1,
                      predicate=predicate, keys=sorted(keys))
    pub = PubDate(date=published, earliest=published, latest=published,
                  basis="metadata" if published else "unknown")
    return ArticleAnalysis(article=Article(id=aid, text=text, published=pub), timexes=txs, events=[ev])


def entries_of(analyses: list[ArticleAnalysis]) -> dict[str, tuple[str, str | None]]:
    """article → (its entry's date value, how its source was dated)."""
    timeline, _ = build_timeline(analyses, {}, TimelineOptions())
    return {s.article: (e.date.value, s.dated_by) for e in timeline for s in e.sources}


COLLAPSE = "The old rail bridge collapsed on Monday night."


def collapse(aid: str = "a1", day: str = "2026-05-11") -> ArticleAnalysis:
    return analysis(aid, COLLAPSE, "2026-05-12", [("Monday night", "TIME", day + "TNI", day)], "collapse",
                    ["bridge", "collapse", "rail"], True)


def test_a_report_dated_days_after_the_anchor_event() -> None:
    text = "Two days after the collapse, divers recovered the freight truck from the river."
    later = analysis("a2", text, "2026-05-14", [("Two days", "DURATION", "P2D", None)], "recover",
                     ["collapse", "diver", "freight", "recover", "river", "truck"], False)
    got = entries_of([collapse(), later])
    assert got["a2"] == ("2026-05-13", "dated from the collapse (2026-05-11)")
    # the duration keeps its own value: only the report is dated
    assert later.timexes[0].value == "P2D"


def test_before_an_election_counts_back() -> None:
    vote = analysis("e1", "Voters elected Mara Quill as mayor on Sunday.", "2026-10-05",
                    [("Sunday", "DATE", "2026-10-04", "2026-10-04")], "elect", ["elect", "mayor", "voter"], True)
    text = "Three days before the vote, the rival candidate withdrew from the race."
    withdraw = analysis("e2", text, "2026-10-06", [("Three days", "DURATION", "P3D", None)], "withdraw",
                        ["candidate", "race", "rival", "vote", "withdraw"], False)
    assert entries_of([vote, withdraw])["e2"][0] == "2026-10-01"


def test_a_verb_anchor_and_a_week() -> None:
    fired = analysis("s1", "The club fired coach Ines Varga on Tuesday.", "2026-03-04",
                     [("Tuesday", "DATE", "2026-03-03", "2026-03-03")], "fire", ["club", "coach", "fire"], True)
    text = "A week after he was fired, the coach signed with a rival club."
    signed = analysis("s2", text, "2026-03-12", [("A week", "DURATION", "P1W", None)], "sign",
                      ["club", "coach", "fire", "rival", "sign"], False)
    assert entries_of([fired, signed])["s2"] == ("2026-03-10", "dated from he was fired (2026-03-03)")


def test_the_day_after_without_a_tagged_expression() -> None:
    landing = analysis("p1", "The probe landed in the crater on Friday.", "2026-07-18",
                       [("Friday", "DATE", "2026-07-17", "2026-07-17")], "land", ["crater", "land", "probe"], True)
    text = "The day after the landing, the probe sent its first images of the crater."
    images = analysis("p2", text, "2026-07-20", [], "send", ["crater", "image", "landing", "probe", "send"], False)
    assert entries_of([landing, images])["p2"][0] == "2026-07-18"


def test_an_ambiguous_or_unknown_anchor_leaves_the_report_undated() -> None:
    text = "Two days after the collapse, divers recovered the freight truck from the river."
    keys = ["collapse", "diver", "freight", "recover", "river", "truck"]
    later = analysis("a2", text, "2026-05-14", [("Two days", "DURATION", "P2D", None)], "recover", keys, False)
    # two collapses on different days (another bridge, another article): which one?
    other = analysis("a3", "A footbridge collapsed upstream on Thursday.", "2026-05-15",
                     [("Thursday", "DATE", "2026-05-14", "2026-05-14")], "collapse",
                     ["collapse", "footbridge", "upstream"], True)
    got = entries_of([collapse(), other, later])
    assert not (got.get("a2") or ("", ""))[1] or not got["a2"][1].startswith("dated from")
    # an anchor word outside the lexicon names no class: no date from it
    vague = "Two days after the disaster, divers recovered the freight truck from the river."
    disaster = analysis("a4", vague, "2026-05-14", [("Two days", "DURATION", "P2D", None)], "recover",
                        ["disaster", "diver", "freight", "recover", "river", "truck"], False)
    got = entries_of([collapse(), disaster])
    assert "a4" not in got or not (got["a4"][1] or "").startswith("dated from")


def test_which_phrases_are_read() -> None:
    def phrase(text: str, timexes: list[tuple[str, str, str, str | None]]) -> str | None:
        a = analysis("x", text, None, timexes, "do", [], False)
        ph = anchored_phrase(text, a.timexes, a.events[0])
        return None if ph is None else f"{ph.days} {ph.anchor}"

    assert phrase("Hours after the blast, crews sealed the plant.", [("Hours", "DURATION", "PTXH", None)]) \
        == "(0, 1) the blast"
    assert phrase("Four days after the merger, shares fell.", [("Four days", "DURATION", "P4D", None)]) \
        == "(4, 4) the merger"
    # no number: how many days?
    assert phrase("Days after the merger, shares fell.", [("Days", "DURATION", "PXD", None)]) is None
    # months and years are too loose for a day
    assert phrase("Two months after the merger, shares fell.", [("Two months", "DURATION", "P2M", None)]) is None
    # a sentence with a date of its own keeps it
    assert phrase("On May 3, two days after the merger, shares fell.",
                  [("May 3", "DATE", "2026-05-03", "2026-05-03"), ("two days", "DURATION", "P2D", None)]) is None
    # a duration that is not an offset from an event
    assert phrase("The strike lasted two days and ended quietly.", [("two days", "DURATION", "P2D", None)]) is None


def test_a_happening_named_by_a_noun_outside_the_lexicon_is_dated_by_its_onset() -> None:
    quake = analysis("q1", "The earthquake struck the valley on Monday.", "2026-02-10",
                     [("Monday", "DATE", "2026-02-09", "2026-02-09")], "strike", ["earthquake", "strike", "valley"],
                     True)
    text = "A week after the earthquake, engineers reopened the valley road."
    road = analysis("q2", text, "2026-02-17", [("A week", "DURATION", "P1W", None)], "reopen",
                    ["earthquake", "engineer", "reopen", "road", "valley"], False)
    assert entries_of([quake, road])["q2"] == ("2026-02-16", "dated from the earthquake (2026-02-09)")
    # a report that only mentions the noun (no onset) dates nothing
    toll = analysis("q3", "The earthquake toll rose on Monday.", "2026-02-10",
                    [("Monday", "DATE", "2026-02-09", "2026-02-09")], "rise", ["earthquake", "rise", "toll"], True)
    got = entries_of([toll, road])
    assert "q2" not in got or not (got["q2"][1] or "").startswith("dated from")


def test_a_synonym_names_the_same_happening_and_now_is_no_date_of_its_own() -> None:
    # a fire told as "the blaze": the report of the fire's start dates it; "now" does not date the sentence
    start = analysis("f1", "The fire started in a warehouse on Tuesday.", "2026-08-12",
                     [("Tuesday", "DATE", "2026-08-11", "2026-08-11")], "start", ["fire", "start", "warehouse"], True)
    text = "The toll is now at 12, three days after the blaze at the warehouse."
    toll = analysis("f2", text, "2026-08-15", [("now", "DATE", "PRESENT_REF", "2026-08-15"),
                                               ("three days", "DURATION", "P3D", None)], "rise",
                    ["blaze", "rise", "toll", "warehouse"], False)
    assert entries_of([start, toll])["f2"] == ("2026-08-14", "dated from the blaze at the warehouse (2026-08-11)")
