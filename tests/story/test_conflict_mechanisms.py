"""Mechanisms that find where outlets disagree beyond a bare figure: the evidence sentence of each
side, a republished page dated by its address, the event a "with" clause times. Sentences written
for these tests, in several domains, with invented names (real spaCy parse)."""

from __future__ import annotations

from claims_snippets import build_analysis, compare_reports, story_entities

from storyline.model import Entity
from storyline.story.compare import compare_claims


def _measure(comparisons, prefix):
    found = [c for c in comparisons if c.attribute.startswith(prefix)]
    assert len(found) == 1, [(c.attribute, c.status) for c in comparisons]
    return found[0]


def test_each_side_carries_its_sentence(nlp):
    first = ("The injured driver was named by the regional broadcaster as Tomas Reyvik, whose "
             "neighbours say has four children.")
    _, comparisons, _ = compare_reports(
        nlp,
        ("Harbor Daily", "2026-02-03", first),
        ("Coastline Radio", "2026-02-03", "Reyvik is a father of two, the union said."),
    )
    cmp = _measure(comparisons, "measure:count|child")
    assert cmp.status == "conflict"
    texts = {s.text for s in cmp.sides}
    assert first in texts  # the whole sentence, with who named him, not only "has four children"
    assert "Reyvik is a father of two, the union said." in texts


def _rescue_story(nlp, url: str | None):
    early = build_analysis(nlp, "Lifeboat crews pulled 12 people from the sea on Monday.",
                           article_id="a1", outlet="Shore Post", published="2026-05-04")
    copy = build_analysis(nlp, "At least 19 people were pulled from the sea by lifeboat crews.",
                          article_id="a2", outlet="Wire (via Aggregator)", published="2027-01-15")
    copy.article.url = url
    analyses = [early, copy]
    entities, emap = story_entities(analyses)
    _, comparisons = compare_claims(analyses, emap, entities)
    return _measure(comparisons, "measure:count|person|rescue")


def test_a_republished_page_is_dated_by_its_address(nlp):
    # the copying site's page date makes the larger count look like a later update ...
    assert _rescue_story(nlp, None).status == "consistent_over_time"
    # ... but its address says the story was filed the same day as the other report
    cmp = _rescue_story(nlp, "https://aggregator.example/2026/05/04/lifeboat-rescues-wire/")
    assert cmp.status == "conflict" and cmp.confidence == "possible"  # "at least" leaves room


def test_an_address_date_close_to_the_page_date_changes_nothing(nlp):
    assert _rescue_story(nlp, "https://aggregator.example/2027/01/14/lifeboats/").status == \
        "consistent_over_time"


def test_a_with_clause_times_the_event_at_an_end(nlp):
    a = build_analysis(nlp, "The final approach began at 4.10 pm and ended at 4.31 pm with the "
                            "rover rolling onto the surface.", article_id="a1")
    got = {c.attribute: c.value for c in a.claims if c.attribute.startswith("measure:clock")}
    assert got.get("measure:clock|roll") == 16 * 60 + 31
    # an end with its own object keeps it: the session ended, whatever happened with it
    c = build_analysis(nlp, "The council session ended at 9.40 pm with members leaving early.",
                       article_id="a3")
    got = {x.attribute: x.value for x in c.claims if x.attribute.startswith("measure:clock")}
    assert got == {"measure:clock|end|session": 21 * 60 + 40}


def test_a_player_typed_as_a_place_keeps_the_minute_of_play(nlp):
    reports = [("Sports Wire", "Defender Marta Quillan scored in the 31st minute for Norland."),
               ("Goal Daily", "It was Quillan who scored in the 12th minute, a low shot from the left."),
               ("Match Report", "Quillan scored in the 31st minute before the break.")]
    analyses = [build_analysis(nlp, text, article_id=f"a{i}", outlet=outlet, published="2026-07-19")
                for i, (outlet, text) in enumerate(reports)]
    entities, emap = story_entities(analyses)
    # the model's slip: the bare surname in two reports typed as a place, a story entity of its own
    place = Entity(id="E-place", name="Quillan", type="GPE", articles=["a1", "a2"])
    for a in analyses[1:]:
        for le in a.entities:
            if le.name == "Quillan":
                emap[le.key] = place.id
    _, comparisons = compare_claims(analyses, emap, [*entities, place])
    cmp = _measure(comparisons, "measure:minute")
    assert cmp.status == "conflict" and len(cmp.sides) == 2
    assert "Marta Quillan" in next(e.name for e in entities if e.id == cmp.subject)


# ----------------------------------------------------------------------------- how an act came about


def _modes(nlp, text):
    a = build_analysis(nlp, text, article_id="m1")
    return sorted((c.attribute, c.value) for c in a.claims if c.attribute.startswith("mode:"))


def test_ways_a_conviction_or_a_departure_came_about(nlp):
    assert _modes(nlp, "Maria Ostrova pleaded guilty to two counts of bribery in March.") == \
        [("mode:conviction", "guilty plea")]
    assert _modes(nlp, "Maria Ostrova was convicted by a federal jury in Denver last year.") == \
        [("mode:conviction", "verdict at trial")]
    assert _modes(nlp, "A jury found Karl Benning guilty of manslaughter.") == \
        [("mode:conviction", "verdict at trial")]
    assert _modes(nlp, "Lena Vosk has resigned as chief executive of the hospital group.") == \
        [("mode:departure|executive", "left of own accord")]
    assert _modes(nlp, "Coach Ivo Raskin was sacked as manager after the defeat.") == \
        [("mode:departure|manager", "removed")]
    # a role is left from the body it sits on
    assert _modes(nlp, "The shipping firm said Ines Amar will step aside as chairwoman.") == \
        [("mode:departure|board", "left of own accord")]


def test_unreal_acts_and_unnamed_posts_are_no_claims(nlp):
    for text in ("Maria Ostrova pleaded not guilty to all charges.",
                 "Lena Vosk refused to resign from the council.",
                 "Lena Vosk could be expelled from the council next week.",
                 "Nurses at the clinic threatened to quit the union.",
                 "Senator Ada Quist resigned on Tuesday."):  # no post named: not compared
        assert _modes(nlp, text) == [], text


def test_a_relative_clause_is_about_its_own_antecedent(nlp):
    a = build_analysis(nlp, "Tomas Reyvik and Lena Vosk, who resigned from the council, met "
                            "investors on Sunday.", article_id="m2")
    people = {e.key: e.name for e in a.entities}
    got = [people.get(c.subject) for c in a.claims if c.attribute.startswith("mode:")]
    assert got == ["Lena Vosk"]


def test_plea_against_verdict_is_a_conflict(nlp):
    _, comparisons, _ = compare_reports(
        nlp,
        ("Court Wire", "2026-04-02", "Former treasurer Karl Benning pleaded guilty to embezzlement "
                                     "in January."),
        ("Daily Ledger", "2026-04-02", "Karl Benning was convicted of embezzlement by a jury in "
                                       "January after a two-week trial."),
    )
    cmp = _measure(comparisons, "mode:conviction")
    assert cmp.status == "conflict" and cmp.confidence == "real"
    assert "guilty plea" in cmp.explanation and "Court Wire" in cmp.explanation


def test_resigned_against_removed_from_the_same_body(nlp):
    _, comparisons, _ = compare_reports(
        nlp,
        ("Tech Daily", "2026-09-05", "Lena Vosk resigned from the council of the chip maker."),
        ("Market Post", "2026-09-05", "Lena Vosk was expelled from the council on Friday."),
        ("Evening Star", "2026-09-05", "Lena Vosk quit the company on Saturday."),
    )
    cmp = _measure(comparisons, "mode:departure|council")
    assert cmp.status == "conflict"
    assert "left the council" in cmp.explanation
    company = _measure(comparisons, "mode:departure|company")  # another post: its own block
    assert company.status == "single_source"


# ----------------------------------------------------------------------------- parts and wholes


def test_a_measure_of_several_things_is_their_total(nlp):
    from claims_snippets import build_analysis as build

    def got(text):
        a = build(nlp, text, article_id="p1")
        return [(c.attribute, c.value) for c in a.claims if c.attribute.startswith("measure:")]

    assert got("The combined weight of the orbiter and the probe is 2,310 kg.") == \
        [("measure:mass|orbiter+probe", 2310)]
    assert got("The barge and the tug together weigh 900 tonnes.") == [("measure:mass|barge+tug", 900_000)]
    assert got("The length of the new pier is 420 metres.") == [("measure:length|pier", 420)]
    assert got("The 12 kg four-legged robot climbed the stairs.") == [("measure:mass|robot", 12)]


def test_parts_that_cannot_make_the_total_conflict(nlp):
    _, comparisons, _ = compare_reports(
        nlp,
        ("Space Desk", "2026-08-01", "The combined weight of the orbiter and the probe is 2,310 kg."),
        ("Science Post", "2026-08-01", "The orbiter weighs 2,310 kg and the probe weighs 85 kg."),
    )
    cmp = next(c for c in comparisons if c.attribute == "measure:mass|orbiter+probe" and len(c.sides) > 1)
    assert cmp.status == "conflict" and cmp.confidence == "real"
    assert "do not add up" in cmp.explanation and "Space Desk" in cmp.explanation
    assert len(cmp.sides) == 3  # the total, and each part


def test_parts_that_make_the_total_are_compatible(nlp):
    _, comparisons, _ = compare_reports(
        nlp,
        ("Space Desk", "2026-08-01", "The combined weight of the orbiter and the probe is 2,310 kg."),
        ("Science Post", "2026-08-01", "The orbiter weighs 2,225 kg and the probe weighs 85 kg."),
    )
    cmp = next(c for c in comparisons if c.attribute == "measure:mass|orbiter+probe" and len(c.sides) > 1)
    assert cmp.status == "compatible" and "add up" in cmp.explanation
    # the total is never set against one of its parts as if both measured one thing
    assert not any(c.status == "conflict" for c in comparisons)


# ----------------------------------------------------------------------------- dates through another event


def _dates_of(nlp, text, years):
    a = build_analysis(nlp, text, article_id="r1", timexes=[(y, y) for y in years])
    return [(c.attribute, c.value) for c in a.claims if c.attribute.startswith("date_of:")]


def test_a_year_offset_dates_the_other_event(nlp):
    assert _dates_of(nlp, "The flood surpassed a storm that killed 40 people in the valley in 1932, "
                          "a year after Norland became a republic.", ["1932"]) == \
        [("date_of:became a republic", "1931")]
    assert _dates_of(nlp, "The flood surpassed a storm that killed 40 people in 1932, in the same "
                          "year Norland became a republic.", ["1932"]) == [("date_of:became a republic", "1932")]
    assert _dates_of(nlp, "The dam was finished in 1948, two years before Norland joined the "
                          "federation.", ["1948"]) == [("date_of:joined the federation", "1950")]
    assert _dates_of(nlp, "The club won the cup in 1995, three years after Delmar Kovic took over "
                          "as coach.", ["1995"]) == [("date_of:took over as coach", "1992")]


def test_no_year_or_no_named_subject_no_claim(nlp):
    assert _dates_of(nlp, "He left the firm a year after the merger was announced.", []) == []
    assert _dates_of(nlp, "He left in 2001, a year after the war ended.", ["2001"]) == []


def test_two_offsets_for_one_event_conflict(nlp):
    _, comparisons, _ = compare_reports(
        nlp,
        ("River Times", "2026-03-10", "The flood surpassed a storm that killed 40 people in the valley "
                                      "in 1932, a year after Norland became a republic.",
         {"timexes": [("1932", "1932")]}),
        ("Valley Post", "2026-03-10", "The flood surpassed a storm that killed 40 people in 1932, in "
                                      "the same year Norland became a republic.",
         {"timexes": [("1932", "1932")]}),
    )
    cmp = next(c for c in comparisons if c.attribute == "date_of:became a republic")
    assert cmp.status == "conflict"
    assert "1931" in cmp.explanation and "1932" in cmp.explanation and "River Times" in cmp.explanation


# ----------------------------------------------------------------------------- who beat whom


def _opponents(nlp, text):
    a = build_analysis(nlp, text, article_id="o1")
    names = {e.key: e.name for e in a.entities}
    return [(c.attribute, names.get(c.subject, c.subject), c.value) for c in a.claims
            if c.attribute.startswith("opponent:")]


def test_who_beat_whom_at_a_named_stage(nlp):
    assert _opponents(nlp, "Tickets for Norland's quarter-final win over Estavia sold out.") == \
        [("opponent:quarterfinal", "Norland", "Estavia")]
    assert _opponents(nlp, "Vidal scored twice in Norland's 3-0 final victory over Marvania.") == \
        [("opponent:final", "Norland", "Marvania")]
    assert _opponents(nlp, "Ada Quist defeated Paul Brenner in the Democratic primary.") == \
        [("opponent:democratic primary", "Ada Quist", "Paul Brenner")]
    # a win without its stage names no one contest
    assert _opponents(nlp, "Norland's win over Estavia was deserved.") == []


def test_two_opponents_for_one_stage_conflict(nlp):
    _, comparisons, _ = compare_reports(
        nlp,
        ("Sports Wire", "2026-07-20", "Vidal scored twice in Norland's 3-0 quarterfinal victory over Marvania."),
        ("Match Daily", "2026-07-20", "Tickets for Norland's quarter-final win over Estavia sold out."),
    )
    cmp = next(c for c in comparisons if c.attribute == "opponent:quarterfinal")
    assert cmp.status == "conflict"
    assert cmp.explanation.startswith("Whom Norland beat in the quarterfinal differs")


# ----------------------------------------------------------------------------- the timeline's date disagreements


def test_an_ongoing_activity_on_two_days_is_no_conflict():
    from storyline.model import Comparison, ComparisonSide
    from storyline.story.compare import review_event_dates

    ongoing = Comparison("d1", "", "date_of:continue", "conflict",
                         [ComparisonSide("2026-02-05", [], ["a1"]), ComparisonSide("2026-02-06", [], ["a2"])],
                         "Sources date this differently: Shore Post (“Thursday”); Coast Daily (“Friday”).")
    act = Comparison("d2", "", "date_of:sign", "conflict",
                     [ComparisonSide("2026-02-05", [], ["a1"]), ComparisonSide("2026-02-09", [], ["a2"])],
                     "Sources date this differently: Shore Post (“Thursday”); Coast Daily (“Monday”).")
    review_event_dates([ongoing, act])
    assert ongoing.status == "consistent_over_time" and "goes on over days" in ongoing.explanation
    assert act.status == "conflict" and act.confidence == "possible"


# ----------------------------------------------------------------------------- one group within another


def _groups(nlp, text):
    a = build_analysis(nlp, text, article_id="g1")
    return [(c.attribute, c.value) for c in a.claims if c.attribute.startswith("member_of:")]


def test_a_group_counted_within_or_beside_another(nlp):
    assert _groups(nlp, "The Norwegian crew members, including the two engineers aboard the tanker, "
                        "are said to be safe.") == [("member_of:crew|engineer", "counted among them")]
    assert _groups(nlp, "Investigators interviewed the 18-member crew and the two engineers who were "
                        "on the tanker.") == [("member_of:crew|engineer", "listed in addition")]
    # uncounted coordination and a singular "whole" say nothing about membership
    assert _groups(nlp, "Police and firefighters arrived at the scene.") == []
    assert _groups(nlp, "The trial, including two hearings, lasted a month.") == []


def test_within_against_beside_is_a_possible_conflict(nlp):
    _, comparisons, _ = compare_reports(
        nlp,
        ("Port News", "2026-01-12", "The Norwegian crew members, including the two engineers aboard the "
                                    "tanker, are said to be safe."),
        ("Harbor Daily", "2026-01-12", "Investigators interviewed the 18-member crew and the two engineers "
                                       "who were on the tanker."),
    )
    cmp = next(c for c in comparisons if c.attribute == "member_of:crew|engineer")
    assert cmp.status == "conflict" and cmp.confidence == "possible"
    assert cmp.explanation.startswith("Whether the engineers are counted among the crew differs")


def test_a_report_giving_both_ways_makes_them_compatible(nlp):
    _, comparisons, _ = compare_reports(
        nlp,
        ("Court Wire", "2026-04-02", "Karl Benning pleaded guilty to tax evasion in May. A jury later "
                                     "found Karl Benning guilty of bribery."),
        ("Daily Ledger", "2026-04-02", "Karl Benning pleaded guilty to tax evasion."),
    )
    cmp = next(c for c in comparisons if c.attribute == "mode:conviction")
    assert cmp.status == "compatible" and "both ways within Court Wire" in cmp.explanation


def test_a_year_on_the_described_event_makes_another_count(nlp):
    a = build_analysis(nlp, "The 1987 flood, which killed 40 people, was the worst in memory.",
                       article_id="y1", published="2026-04-04", timexes=[("1987", "1987")])
    assert [(c.attribute, c.value) for c in a.claims if c.attribute.startswith("measure:")] == \
        [("measure:count|person|kill|in 1987", 40)]
    b = build_analysis(nlp, "The storm, which killed 12 people, hit the coast on Monday.",
                       article_id="y2", published="2026-04-04")
    assert [c.attribute for c in b.claims if c.attribute.startswith("measure:")] == ["measure:count|person|kill"]


def test_spectators_counted_in_other_words_are_one_measure(nlp):
    _, comparisons, _ = compare_reports(
        nlp,
        ("Sports Wire", "2026-08-21", "Organisers said a total of 1,512,330 spectators attended the "
                                      "cup's 48 matches."),
        ("Match Daily", "2026-08-21", "Over 1.6 million people entered arenas across the tournament, "
                                      "organisers said."),
    )
    cmp = next(c for c in comparisons if c.attribute == "measure:count|person|attend")
    assert cmp.status == "conflict"  # "over 1.6 million" is more than the official total
    a = build_analysis(nlp, "Some 300 migrants entered the country last week.", article_id="v1")
    assert not any("attend" in c.attribute for c in a.claims)  # entering a country is no attendance
