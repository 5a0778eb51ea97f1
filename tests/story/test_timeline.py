"""The timeline merges the same event reported by different outlets."""

from __future__ import annotations

from storyline.analyze.events import extract_events
from storyline.analyze.time import analyze_time
from storyline.model import Article, ArticleAnalysis, Mention, PubDate
from storyline.story.timeline import build_timeline


def analysis(nlp, aid: str, text: str, pub: str | None, names: dict[str, str]) -> ArticleAnalysis:
    published = PubDate(date=pub, earliest=pub, latest=pub, basis="metadata") if pub else PubDate()
    article = Article(id=aid, text=text, published=published)
    doc = nlp(text)
    mentions = []
    for name, key in names.items():
        i = text.find(name)
        while i != -1:
            mentions.append(Mention(i, i + len(name), name, "PERSON", key))
            i = text.find(name, i + 1)
    pub_, timexes = analyze_time(doc, article)
    article.published = pub_
    events = extract_events(doc, article, timexes, mentions)
    return ArticleAnalysis(article=article, mentions=mentions, timexes=timexes, events=events)


OUTLET_A = ("A federal judge on Monday rejected a bid by former county clerk Dana Marsh to be "
            "released from prison. Marsh was convicted by a jury in August 2024.")
OUTLET_B = ("U.S. Magistrate Judge Carl Ortiz rejected Dana Marsh's petition on Nov. 10, ruling "
            "that the court lacked jurisdiction. Marsh was found guilty last year.")
OUTLET_C = ("Dana Marsh was sentenced on Oct. 3, 2024, to nine years in prison.")
OUTLET_D = ("Dana Marsh was sentenced on Oct. 4, 2024, to nine years in prison, court records show.")


def story(nlp):
    a = analysis(nlp, "aaa", OUTLET_A, "2025-11-11", {"Dana Marsh": "aaa:0", "Marsh": "aaa:0"})
    b = analysis(nlp, "bbb", OUTLET_B, "2025-11-12", {"Dana Marsh": "bbb:1", "Carl Ortiz": "bbb:2"})
    emap = {"aaa:0": "E1", "bbb:1": "E1", "bbb:2": "E2"}
    return [a, b], emap


def test_same_event_two_outlets_is_one_entry(nlp):
    analyses, emap = story(nlp)
    events, comparisons = build_timeline(analyses, emap)
    rejected = [e for e in events if e.predicate == "reject"]
    assert len(rejected) == 1
    ev = rejected[0]
    assert sorted(s.article for s in ev.sources) == ["aaa", "bbb"]
    assert (ev.date.value, ev.date.granularity, ev.date.approximate) == ("2025-11-10", "day", False)
    assert ev.summary in (OUTLET_A.split(". ")[0] + ".", OUTLET_B.split(". ")[0] + ".")
    assert "E1" in ev.entities
    assert comparisons == []
    # the conviction: "August 2024" (month) and "last year" (year) are compatible, one entry
    convicted = [e for e in events if any("guilty" in s.text or "convicted" in s.text for s in e.sources)]
    assert len(convicted) == 1 and len(convicted[0].sources) == 2
    assert convicted[0].date.value == "2024-08" and convicted[0].date.granularity == "month"
    # sorted by date, spans exact
    assert [e.date.earliest for e in events] == sorted(e.date.earliest for e in events)
    texts = {a.article.id: a.article.text for a in analyses}
    for e in events:
        for s in e.sources:
            assert texts[s.article][s.start:s.end] == s.text
            assert texts[s.article][s.time_start:s.time_end] == s.time_text


def test_deterministic_ids_and_order(nlp):
    analyses, emap = story(nlp)
    first, _ = build_timeline(analyses, emap)
    second, _ = build_timeline(list(reversed(analyses)), emap)
    assert [e.id for e in first] == [e.id for e in second]
    assert len({e.id for e in first}) == len(first)


def test_conflicting_dates_one_entry_and_comparison(nlp):
    c = analysis(nlp, "ccc", OUTLET_C, "2025-01-05", {"Dana Marsh": "ccc:0"})
    d = analysis(nlp, "ddd", OUTLET_D, "2025-01-06", {"Dana Marsh": "ddd:0"})
    events, comparisons = build_timeline([c, d], {"ccc:0": "E1", "ddd:0": "E1"})
    assert len(events) == 1
    ev = events[0]
    assert (ev.date.earliest, ev.date.latest, ev.date.approximate) == ("2024-10-03", "2024-10-04", True)
    assert len(comparisons) == 1
    comp = comparisons[0]
    assert comp.attribute == "date_of:sentence" and comp.status == "conflict"
    assert sorted(s.value for s in comp.sides) == ["2024-10-03", "2024-10-04"]
    assert sorted(a for s in comp.sides for a in s.articles) == ["ccc", "ddd"]


def test_different_events_stay_apart(nlp):
    c = analysis(nlp, "ccc", OUTLET_C, "2025-01-05", {"Dana Marsh": "ccc:0"})
    e = analysis(nlp, "eee", "The county opened a new library on Oct. 3, 2024.", "2025-01-05", {})
    events, comparisons = build_timeline([c, e], {"ccc:0": "E1"})
    assert len(events) == 2 and comparisons == []


def test_undated_mention_joins_the_dated_entry(nlp):
    c = analysis(nlp, "ccc", OUTLET_C, "2025-01-05", {"Dana Marsh": "ccc:0"})
    u = analysis(nlp, "uuu", "She was sentenced to nine years in prison last October.", None, {})
    assert u.article.published.basis == "unknown"
    last_oct = next(t for t in u.timexes if t.text == "last October")
    assert last_oct.value == "XXXX-10" and last_oct.earliest is None
    events, comparisons = build_timeline([c, u], {"ccc:0": "E1"})
    assert len(events) == 1 and comparisons == []
    assert sorted(s.article for s in events[0].sources) == ["ccc", "uuu"]
    assert events[0].date.value == "2024-10-03"


def test_undated_article_is_dated_by_the_other_outlets(nlp):
    from storyline.analyze.time import reresolve
    from storyline.story.timeline import refine_publication

    dated = analysis(nlp, "ccc", "Dana Marsh was convicted by a jury on Oct. 3, 2024, court "
                                 "records show.", "2025-01-05", {"Dana Marsh": "ccc:0"})
    undated = analysis(nlp, "uuu", "Last year, a jury convicted Dana Marsh of fraud. On Monday, "
                                   "a judge denied her appeal.", None, {"Dana Marsh": "uuu:0"})
    assert undated.article.published.basis == "unknown"
    refined = refine_publication([dated, undated], {"ccc:0": "E1", "uuu:0": "E1"})
    assert set(refined) == {"uuu"}
    pub = refined["uuu"]
    assert (pub.date, pub.earliest, pub.latest, pub.basis) == (None, "2025-01-01", "2025-12-31", "inferred")
    again = reresolve(undated.article, undated.timexes, pub)
    last_year = next(t for t in again if t.text == "Last year")
    assert (last_year.value, last_year.resolved) == ("2024", True)
    monday = next(t for t in again if t.text == "Monday")
    assert not monday.resolved and (monday.earliest, monday.latest) == ("2024-12-30", "2025-12-29")


def test_summary_drops_the_dateline(nlp):
    a = analysis(nlp, "aaa", "WASHINGTON (AP) — The Senate approved the spending bill on Tuesday.",
                 "2025-03-05", {})
    events, _ = build_timeline([a], {})
    assert [e.summary for e in events] == ["The Senate approved the spending bill on Tuesday."]
    assert events[0].sources[0].text.startswith("WASHINGTON (AP) —")  # the source span is whole


def copies(analyses: list[ArticleAnalysis], emap: dict[str, str], k: int
           ) -> tuple[list[ArticleAnalysis], dict[str, str]]:
    """The analyses ``k`` times over, copy n under ids ``<id>n`` (syndicated copies elsewhere)."""
    import json

    from storyline.store.codec import analysis_from_dict, analysis_to_dict

    out, emap_k = list(analyses), dict(emap)
    for n in range(1, k):
        for a in analyses:
            old, new = a.article.id, f"{a.article.id}{n}"
            data = json.dumps(analysis_to_dict(a)).replace(f'"{old}', f'"{new}')
            out.append(analysis_from_dict(json.loads(data)))
            emap_k.update({new + key[len(old):]: eid for key, eid in emap.items()
                           if key.startswith(old + ":")})
    return out, emap_k


def test_copies_are_scored_once_and_merge_like_the_original(nlp, monkeypatch):
    """Syndicated copies cost no extra pair scoring: the pair test runs per distinct mention, so
    its count is the same for 2 and 8 copies, and the timeline is the 1× one with more sources."""
    import storyline.story.timeline as tl

    analyses, emap = story(nlp)
    analyses += [analysis(nlp, "ccc", OUTLET_C, "2025-01-05", {"Dana Marsh": "ccc:0"}),
                 analysis(nlp, "ddd", OUTLET_D, "2025-01-06", {"Dana Marsh": "ddd:0"}),
                 analysis(nlp, "uuu", "She was sentenced to nine years in prison last October.",
                          None, {})]
    emap |= {"ccc:0": "E1", "ddd:0": "E1"}
    calls = []
    scored = tl._pair_score
    monkeypatch.setattr(tl, "_pair_score", lambda a, b, opts: calls.append(1) or scored(a, b, opts))
    base, base_cmp = build_timeline(analyses, emap)
    counts = {}
    for k in (2, 8):
        calls.clear()
        events, comparisons = build_timeline(*copies(analyses, emap, k))
        counts[k] = len(calls)
        assert [(e.date, e.predicate, len(e.sources)) for e in events] == \
               [(e.date, e.predicate, k * len(e.sources)) for e in base]
        assert [(c.attribute, [len(s.articles) for s in c.sides]) for c in comparisons] == \
               [(c.attribute, [k * len(s.articles) for s in c.sides]) for c in base_cmp]
    assert counts[2] == counts[8] > 0
    assert any(len(e.sources) > 1 for e in base) and base_cmp  # merges and a conflict were made


def test_an_article_repeating_a_sentence_keeps_one_copy_per_entry(nlp):
    text = OUTLET_C + " " + OUTLET_C
    a = analysis(nlp, "aaa", text, "2025-01-05", {"Dana Marsh": "aaa:0"})
    b = analysis(nlp, "bbb", text, "2025-01-05", {"Dana Marsh": "bbb:0"})
    events, _ = build_timeline([a, b], {"aaa:0": "E1", "bbb:0": "E1"})
    assert len(events) == 2  # the repeated sentence: one entry per copy, never two of one article
    for e in events:
        assert sorted(s.article for s in e.sources) == ["aaa", "bbb"]


def test_undated_reports_join_the_dated_report_of_the_same_event(nlp):
    # a flood rescue: one outlet dates it, two say only what happened (different verbs)
    dated = analysis(nlp, "d01", "Crews rescued 14 villagers from the flooded valley on Sunday.",
                     "2025-04-14", {})
    plain = analysis(nlp, "d02", "Fourteen villagers were pulled from the flooded valley by crews.",
                     "2025-04-15", {})
    other = analysis(nlp, "d03", "The regional airline cancelled its morning flights.", "2025-04-15", {})
    events, _ = build_timeline([dated, plain, other], {})
    [rescue] = [e for e in events if len(e.sources) > 1]
    assert sorted(s.article for s in rescue.sources) == ["d01", "d02"]
    assert rescue.date.value == "2025-04-13"
    by_article = {s.article: s for s in rescue.sources}
    assert by_article["d02"].dated_by == "other reports" and by_article["d02"].time_text == ""
    assert by_article["d01"].dated_by is None
    # one outlet alone, without a date of its own: not placed on the timeline
    assert not any(s.article == "d03" for e in events for s in e.sources)


def test_two_undated_reports_are_dated_by_their_narrative_time(nlp):
    # a trade: each outlet's lead date is the same Tuesday; the detail has no date of its own
    a = analysis(nlp, "t01", "The club agreed the transfer of its striker on Tuesday. "
                 "The striker signed a four-year contract with the rival club.", "2025-07-02", {})
    b = analysis(nlp, "t02", "Talks ended on Tuesday. The forward signed a four-year contract "
                 "with the rival club, the agent said.", "2025-07-02", {})
    events, _ = build_timeline([a, b], {})
    [signed] = [e for e in events if e.predicate == "sign"]
    assert sorted(s.article for s in signed.sources) == ["t01", "t02"]
    assert signed.date.value == "2025-07-01" and signed.date.approximate
    assert {s.dated_by for s in signed.sources} == {"narrative time"}


def test_unresolved_weekday_fits_the_dates_it_can_be():
    from storyline.story.timeline import _value_fits

    assert _value_fits("XXXX-WXX-4", "2024-03-28")  # a Thursday
    assert not _value_fits("XXXX-WXX-4", "2024-03-27")
    assert _value_fits("XXXX-WXX-2", "2024-03-26T01:30")
    assert not _value_fits("XXXX-WXX-2", "2024-03")


def test_predicate_classes_merge_news_wording():
    from storyline.story.timeline import predicate_class, same_predicate

    assert same_predicate("strike", "crash") and same_predicate("hit", "slam")
    assert same_predicate("step down", "resign")
    assert same_predicate("state", "confirm") and same_predicate("state", "announce")  # VerbNet say-37.7
    assert not same_predicate("say", "announce")  # "say" is every report's verb: no class
    assert predicate_class("slam into") == predicate_class("strike")  # particle falls back
    assert not same_predicate("rescue", "strike")
    assert not same_predicate(None, "strike")


def test_month_of_unknown_year_never_joins_another_month(nlp):
    # two outlets: a September court ruling and, without a year, an October post
    a = analysis(nlp, "m01", "The court rejected the appeal on Sept. 9, 2025.", "2025-09-10", {})
    b = analysis(nlp, "m02", "The mayor was elected in 2023. In October, the court rejected the "
                 "appeal in a short order.", None, {})
    events, _ = build_timeline([a, b], {})
    for e in events:
        if len({s.article for s in e.sources}) > 1:
            assert e.date.value.endswith("-10") or "-10-" in e.date.value


def test_undated_report_in_an_article_without_dates_joins_the_recent_report(nlp):
    # the second outlet gives no date at all: its report of the same recall, published the next
    # day, is taken to tell of the last days and joins the dated report
    a = analysis(nlp, "r01", "The carmaker recalled 40,000 electric vans on Monday over faulty brakes.",
                 "2025-06-10", {})
    b = analysis(nlp, "r02", "The carmaker recalled 40,000 electric vans because of faulty brakes.",
                 "2025-06-10", {})
    events, _ = build_timeline([a, b], {})
    [recall] = [e for e in events if len(e.sources) == 2]
    assert recall.date.value == "2025-06-09"
    assert {s.article: s.dated_by for s in recall.sources} == {"r01": None, "r02": "other reports"}
