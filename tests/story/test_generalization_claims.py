"""Do cross-outlet conflicts generalize off the development stories? Two invented multi-outlet
stories of domains the development set does not have (a disputed election count, a medicine
recall), run through the whole pipeline (ingest → analyze → reduce) with a sidecar of outlets and
dates, and sentences of a third domain where a mechanism is cheap to check on its own. Each story
file lists its real conflicts and the apparent ones built into it; here every real one must be a
``conflict`` and no apparent one may be."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import corpus_election
import corpus_recall
import pytest
from claims_snippets import compare_reports

from storyline.render.json import dossier_to_dict
from storyline.run import run_story


def _dossier(tmp: Path, articles: dict[str, tuple[str, str, str]]) -> dict[str, Any]:
    meta = {}
    for stem, (outlet, published, text) in articles.items():
        (tmp / f"{stem}.txt").write_text(text, encoding="utf-8")
        meta[f"{stem}.txt"] = {"outlet": outlet, "published": published}
    (tmp / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    result = run_story([str(tmp / f"{stem}.txt") for stem in articles], meta_file=str(tmp / "meta.json"),
                       workers=1)
    assert result.problems == [] and result.dossier is not None
    return dossier_to_dict(result.dossier)


@pytest.fixture(scope="module")
def election(tmp_path_factory) -> dict[str, Any]:
    return _dossier(tmp_path_factory.mktemp("election"), corpus_election.ARTICLES)


@pytest.fixture(scope="module")
def recall(tmp_path_factory) -> dict[str, Any]:
    return _dossier(tmp_path_factory.mktemp("recall"), corpus_recall.ARTICLES)


def _sides(d: dict[str, Any], cmp: dict[str, Any]) -> list[set[Any]]:
    """Each side of a comparison as the set of its claims' values."""
    value = {c["id"]: c["value"] for c in d["claims"]}
    return [{value.get(i, s["value"]) for i in s["claims"]} or {s["value"]} for s in cmp["sides"]]


def _comparison(d: dict[str, Any], *values: Any, attribute: str = "") -> dict[str, Any] | None:
    """The comparison whose sides carry all ``values`` (one value per side or more)."""
    for cmp in d["comparisons"]:
        if not cmp["attribute"].startswith(attribute):
            continue
        held = set().union(*_sides(d, cmp)) if cmp["sides"] else set()
        if all(v in held for v in values):
            return cmp
    return None


def _is_conflict(d: dict[str, Any], *values: Any, attribute: str = "") -> bool:
    cmp = _comparison(d, *values, attribute=attribute)
    return cmp is not None and cmp["status"] == "conflict"


def _flagged(d: dict[str, Any]) -> list[tuple[str, list[set[Any]]]]:
    return [(c["attribute"], _sides(d, c)) for c in d["comparisons"] if c["status"] == "conflict"]


# ----------------------------------------------------------------------------- the election count


def test_election_margin_told_as_won_lost_and_trailing_by_is_one_measure(election):
    # "won by", "lost to … by", "trails … by" and "a race decided by": one margin, not four counts
    cmp = _comparison(election, 1214, 2140, attribute="measure:count|vote|margin")
    assert cmp is not None and cmp["status"] == "conflict", _flagged(election)
    assert {a for s in cmp["sides"] for a in s["articles"]} and len(cmp["sides"]) == 2
    held = [len(s["articles"]) for s in cmp["sides"]]
    assert sorted(held) == [1, 3]  # three outlets agree, one differs


def test_election_age_of_a_person_named_only_by_office(election):
    # "The 61-year-old mayor" is the one person the article calls mayor
    assert _is_conflict(election, 58, 61, attribute="age"), _flagged(election)


def test_election_count_of_all_precincts(election):
    # "all 312 precincts", "the city's 321 precincts": how many there are in all, with no act
    assert _is_conflict(election, 312, 321, attribute="measure:count|precinct|all"), _flagged(election)


def test_election_real_conflicts_found(election):
    assert _is_conflict(election, 450000, 740000, attribute="measure:money")
    assert _is_conflict(election, "2026-03-13", "2026-03-12", attribute="date_of:"), _flagged(election)
    # "according to a copy of the filing": the filing is the source, not "the copy"
    filed = _comparison(election, "2026-03-13", "2026-03-12", attribute="date_of:")
    assert filed is not None and "attributed to the filing" in filed["explanation"]


def test_election_apparent_conflicts_not_flagged(election):
    flagged = _flagged(election)
    values = set().union(*(v for _, sides in flagged for v in sides)) if flagged else set()
    # rounding (47.6 vs about 48 percent; 52.1 vs 52 percent), parts of a total, a count that grew,
    # one budget written two ways
    for v in (47.6, 48, 52.1, 52, 62730, 38750, 101480, 14, 23, 3200000):
        assert v not in values, flagged


# ----------------------------------------------------------------------------- the medicine recall


def test_recall_real_conflicts_found(recall):
    assert _is_conflict(recall, 3, 5, attribute="measure:count|child|kill"), _flagged(recall)
    assert _is_conflict(recall, 14, 41, attribute="measure:count|lot"), _flagged(recall)
    assert _is_conflict(recall, 7, 9, attribute="age"), _flagged(recall)


def test_recall_the_day_an_activity_began(recall):
    # "the recall began on June 4" / "started its recall on June 6": one start, two dates
    cmp = _comparison(recall, "2026-06-04", "2026-06-06", attribute="date_of:began")
    assert cmp is not None and cmp["status"] == "conflict", _flagged(recall)
    assert "the date the recall began" in cmp["explanation"].lower()
    assert "attributed to the agency" in cmp["explanation"]  # a source named by a noun reads as one


def test_recall_what_the_recall_covers_is_what_was_recalled(recall):
    # "the recall covers about 220,000 bottles" vs "recalled 150,000 bottles" the same day; the
    # 400,000 of the next day is a count the widened recall reached
    cmp = _comparison(recall, 220000, 150000, attribute="measure:count|bottle|recall")
    assert cmp is not None and cmp["status"] == "conflict", _flagged(recall)


def test_recall_a_statement_on_two_days_is_no_conflict(recall):
    # "the agency said on Wednesday" / "said on Monday": the agency spoke twice
    said = [c for c in recall["comparisons"] if c["attribute"] == "date_of:say"]
    assert said and all(c["status"] == "consistent_over_time" for c in said)
    assert all("again" in c["explanation"] for c in said)


def test_recall_apparent_conflicts_not_flagged(recall):
    flagged = _flagged(recall)
    values = set().union(*(v for _, sides in flagged for v in sides)) if flagged else set()
    # a count that grew between reports, rounding, one figure written two ways, a part, a bound
    for v in (38, 52, 31, 1187, 1200, 2100000000, 20, 24):
        assert v not in values, flagged
    pharmacies = _comparison(recall, 1187, 1200)
    assert pharmacies is not None and pharmacies["status"] == "compatible"
    # "at least 20 taken to hospital" and "24 admitted to hospital": one count, the bound holds
    hospital = _comparison(recall, 20, 24, attribute="measure:count|person|hospitalize")
    assert hospital is not None and hospital["status"] == "compatible"


# ----------------------------------------------------------------------------- a third domain


def test_a_margin_in_sport_and_business_sentences(nlp):
    _, comparisons, _ = compare_reports(
        nlp,
        ("Court Side", "2026-04-02", "The Tarn Rovers beat the Ossel Hawks by 12 points on Saturday."),
        ("Hoop Wire", "2026-04-02", "The Ossel Hawks lost to the Tarn Rovers by 21 points."),
    )
    margin = [c for c in comparisons if c.attribute == "measure:count|point|margin"]
    assert len(margin) == 1 and margin[0].status == "conflict"
    _, comparisons, _ = compare_reports(
        nlp,
        ("Board Report", "2026-09-14", "Shareholders approved the merger by a margin of 4,000 votes."),
        ("Market Desk", "2026-09-14", "The merger was approved with a 4,000-vote margin."),
    )
    margin = [c for c in comparisons if c.attribute == "measure:count|vote|margin"]
    assert len(margin) == 1 and margin[0].status == "agree"


def test_a_count_of_what_was_won_is_no_margin(nlp):
    _, comparisons, _ = compare_reports(
        nlp,
        ("Poll Post", "2026-11-04", "Adeyemi won 40,210 votes in the district."),
        ("Vote Desk", "2026-11-04", "Adeyemi won the district by 3,050 votes."),
    )
    assert not any(c.status == "conflict" for c in comparisons)


def test_an_age_given_by_office_needs_one_holder(nlp):
    # two people hold the title in the second report: "the 47-year-old judge" is neither
    _, comparisons, _ = compare_reports(
        nlp,
        ("Law Wire", "2026-05-20", "Judge Corin Malvane, 52, read the verdict."),
        ("Bench Daily", "2026-05-20", "Judge Corin Malvane and Judge Ester Quillby sat together. "
                                      "The 47-year-old judge read the verdict."),
    )
    assert not any(c.attribute == "age" and c.status == "conflict" for c in comparisons)


def test_a_start_date_in_other_domains(nlp):
    _, comparisons, _ = compare_reports(
        nlp,
        ("Transit News", "2026-02-10", "The strike began on February 2, the union said.",
         {"timexes": [("February 2", "2026-02-02")]}),
        ("City Wire", "2026-02-10", "Drivers started the strike on February 3.",
         {"timexes": [("February 3", "2026-02-03")]}),
    )
    began = [c for c in comparisons if c.attribute == "date_of:began"]
    assert len(began) == 1 and began[0].status == "conflict"
    # a person starting is no activity's start
    _, comparisons, _ = compare_reports(
        nlp,
        ("Firm Post", "2026-02-10", "Halvorsen started on February 2 as finance chief.",
         {"timexes": [("February 2", "2026-02-02")]}),
    )
    assert not any(c.attribute == "date_of:began" for c in comparisons)


def test_scope_and_whole_set_counts_in_other_domains(nlp):
    _, comparisons, _ = compare_reports(
        nlp,
        ("Weather Desk", "2026-03-03", "The blizzard affected 1,400 flights across the region."),
        ("Air Wire", "2026-03-03", "Airports closed and 900 flights were affected by the blizzard."),
        ("Retail Daily", "2026-03-03", "Sales rose at all 85 stores of the chain."),
        ("Shop Talk", "2026-03-03", "Prices fell at the chain's 58 stores."),
    )
    flights = [c for c in comparisons if c.attribute == "measure:count|flight|blizzard"]
    assert len(flights) == 1 and flights[0].status == "conflict"
    stores = [c for c in comparisons if c.attribute == "measure:count|store|all"]
    assert len(stores) == 1 and stores[0].status == "conflict"
    # a score is no count: "a 2-1 victory", "a 3-1 margin"
    _, comparisons, _ = compare_reports(
        nlp,
        ("Goal Post", "2026-07-01", "The club's 2-1 victory came late. They won by a 3-1 margin."),
        ("Pitch Wire", "2026-07-01", "The club's 4-0 victory was their best."),
    )
    assert not any(c.attribute.endswith(("|all", "|margin")) for c in comparisons)


def test_a_death_toll_in_its_usual_wordings_is_one_count(nlp):
    # a ferry sinking told six ways on one day: each is the number of people killed
    reports = ["The ferry sinking killed at least 12 people, the coast guard said.",
               "The death toll from the sinking rose to 15 on Tuesday.",
               "The sinking claimed 15 lives, according to the port authority.",
               "The disaster left 16 dead and dozens injured.",
               "There were 17 fatalities among the passengers.",
               "The ferry disaster has a death toll of 30."]
    claims, comparisons, _ = compare_reports(
        nlp, *((f"Outlet {i}", "2026-08-04", text) for i, text in enumerate(reports)))
    killed = [c for c in claims if c.attribute == "measure:count|person|kill"]
    assert sorted(c.value for c in killed) == [12, 15, 15, 16, 17, 30]
    [cmp] = [c for c in comparisons if c.attribute == "measure:count|person|kill"]
    assert cmp.status == "conflict"
    # an injury toll counts the injured, a toll road nothing
    claims, _, _ = compare_reports(nlp, ("Mine Wire", "2026-08-04", "The injury toll reached 90 as "
                                                                     "rescuers cleared the shaft."),
                                   ("Road Desk", "2026-08-04", "The toll road carried 4,000 cars."))
    assert [c.attribute for c in claims if c.attribute.startswith("measure:count|person")] == \
        ["measure:count|person|injure"]


def test_a_count_so_far_may_be_exceeded_later(nlp):
    _, comparisons, _ = compare_reports(
        nlp,
        ("Quake Wire", "2026-10-02", "The 40 deaths recorded so far are in the old town."),
        ("Relief Post", "2026-10-01", "The earthquake killed 52 people."),
    )
    [cmp] = [c for c in comparisons if c.attribute == "measure:count|person|kill"]
    assert cmp.status == "compatible" and "so far" in cmp.explanation
    # without the marker, the smaller count a day later is a conflict
    _, comparisons, _ = compare_reports(
        nlp,
        ("Quake Wire", "2026-10-02", "The 40 deaths recorded are in the old town."),
        ("Relief Post", "2026-10-01", "The earthquake killed 52 people."),
    )
    [cmp] = [c for c in comparisons if c.attribute == "measure:count|person|kill"]
    assert cmp.status == "conflict"
    # a count so far equal to another is the same figure
    _, comparisons, _ = compare_reports(
        nlp,
        ("Quake Wire", "2026-10-02", "Rescuers have pulled 7 people from the rubble so far."),
        ("Relief Post", "2026-10-02", "Rescuers pulled 7 people from the rubble."),
    )
    [cmp] = [c for c in comparisons if c.attribute == "measure:count|person|rescue"]
    assert cmp.status == "agree"


def test_a_fine_as_verb_noun_and_modifier_is_one_amount(nlp):
    # "fined $3.5 million" (the model lemmatizes "fined" as "fin"), "a penalty of", "a $… fine"
    _, comparisons, _ = compare_reports(
        nlp,
        ("Finance Wire", "2026-05-11", "Regulators fined Corvane Bank $3.5 million on Monday."),
        ("Market Daily", "2026-05-11", "The bank paid a $5.3 million fine."),
        ("Ledger Post", "2026-05-11", "Corvane Bank agreed to a penalty of $5.3 million."),
    )
    [fine] = [c for c in comparisons if c.attribute == "measure:money|fine"]
    assert fine.status == "conflict" and len(fine.sides) == 2


def test_the_number_of_dead_and_how_counts_are_described(nlp):
    claims, _, _ = compare_reports(
        nlp,
        ("Quake Desk", "2026-10-01", "The number of dead rose to 40 on Friday."),
        ("Health Wire", "2026-10-01", "Five children have died. The syrup was sold through 1,187 pharmacies."),
        ("Cost Post", "2026-10-01", "The repairs cost $40 million."),
    )
    measures = {c.attribute: c.measure for c in claims if c.attribute.startswith("measure:")}
    assert measures["measure:count|person|kill"] == "number of people killed"
    assert measures["measure:count|child|kill"] == "number of children who died"
    assert measures["measure:count|pharmacy|sell"] == "number of pharmacies sold through"
    assert measures["measure:money|cost"] == "cost"


def test_a_percent_change_by_its_direction_and_a_level_reached(nlp):
    _, comparisons, _ = compare_reports(
        nlp,
        ("Market Wire", "2026-06-03", "Shares of Halvik rose 29 percent on Wednesday."),
        ("Trade Desk", "2026-06-03", "Halvik stock jumped 31% on Wednesday."),
        ("Jobs Post", "2026-06-03", "Unemployment fell to 4.1 percent in May from 4.4 percent."),
        ("Labor Daily", "2026-06-03", "Unemployment rose to 4.4% in May."),
    )
    got = {c.attribute: c for c in comparisons if c.attribute.startswith("measure:percent")}
    assert got["measure:percent|stock|rise"].status == "conflict"  # rose/jumped, shares/stock
    # "fell to 4.1% from 4.4%" is a level of 4.1 (the 4.4 is the earlier one): against "rose to 4.4%"
    assert got["measure:percent|unemployment"].status == "conflict"
    assert len(got["measure:percent|unemployment"].sides) == 2
    # a fall is not set against a rise
    _, comparisons, _ = compare_reports(
        nlp,
        ("Market Wire", "2026-06-03", "Prices climbed 3 percent."),
        ("Trade Desk", "2026-06-03", "Prices dropped 3 percent."),
    )
    assert not any(c.status in ("agree", "conflict") for c in comparisons)


def test_a_takeover_price_and_premium_told_two_ways(nlp):
    _, comparisons, _ = compare_reports(
        nlp,
        ("Deal Wire", "2026-06-03", "Quorvia agreed to buy Halberd for $2.1 billion in cash. "
                                    "The offer is a premium of 31 percent over Tuesday's close."),
        ("Market Desk", "2026-06-03", "The $2.4 billion deal was announced on Wednesday. "
                                      "The price represents a 29% premium."),
    )
    got = {c.attribute: c for c in comparisons}
    assert got["measure:money|acquire"].status == "conflict"  # "buy … for" and "the … deal"
    assert got["measure:percent|premium"].status == "conflict"  # "a premium of", "a 29% premium"


def test_a_share_of_voters_is_not_its_own_holder(nlp):
    claims, _, _ = compare_reports(
        nlp, ("Poll Desk", "2026-11-04", "About 48 percent of registered voters cast a ballot."))
    assert [c.attribute for c in claims if c.attribute.startswith("measure:")] == ["measure:percent|voter"]


def test_hospital_stays_homes_left_and_an_age_in_a_relative_clause(nlp):
    claims, comparisons, _ = compare_reports(
        nlp,
        ("Storm Desk", "2026-01-20", "Nine patients were admitted to hospital. The storm forced "
                                     "4,000 people from their homes."),
        ("Coast Wire", "2026-01-20", "Twelve people were hospitalized and about 3,900 people were evacuated."),
        ("Town Post", "2026-01-20", "Mayor Ilse Varnholt, who is 47, visited the shelters."),
    )
    got = {c.attribute: c for c in comparisons}
    assert got["measure:count|person|hospitalize"].status == "conflict"
    assert got["measure:count|person|displace"].status == "compatible"
    assert [c.value for c in claims if c.attribute == "age"] == [47]


def test_arrests_counted_as_a_noun_are_people_arrested(nlp):
    _, comparisons, _ = compare_reports(
        nlp,
        ("Metro Wire", "2026-04-18", "Police arrested 30 people after the march."),
        ("City Desk", "2026-04-18", "Police made 35 arrests after the march."),
    )
    [cmp] = [c for c in comparisons if c.attribute == "measure:count|person|arrest"]
    assert cmp.status == "conflict"


def test_a_price_per_share_whichever_side_pays(nlp):
    _, comparisons, _ = compare_reports(
        nlp,
        ("Deal Wire", "2026-06-03", "Halberd shareholders will receive $48 a share."),
        ("Market Desk", "2026-06-03", "Investors are to be paid $46 for each share."),
        ("Trade Post", "2026-06-03", "The deal values Halberd at $48 per share."),
    )
    [cmp] = [c for c in comparisons if c.attribute == "measure:money|price|per_share"]
    assert cmp.status == "conflict" and len(cmp.sides) == 2
    # an hourly wage is a rate per hour, not an amount earned
    claims, _, _ = compare_reports(nlp, ("Jobs Desk", "2026-06-03", "Drivers earn $30 an hour."))
    assert [c.attribute for c in claims if c.attribute.startswith("measure:money")] == ["measure:money|win|per_hour"]


def test_a_workforce_told_as_employ_have_cut_and_lay_off(nlp):
    claims, comparisons, _ = compare_reports(
        nlp,
        ("Biz Wire", "2026-02-11", "The merged company will employ 12,000 people. Acme laid off 900 people."),
        ("Work Desk", "2026-02-11", "The combined group will have 14,000 employees. Acme cut 950 jobs."),
    )
    got = {c.attribute: c.status for c in comparisons}
    assert got["measure:count|job|employ"] == "conflict" and got["measure:count|job|cut"] == "conflict"
    assert "number of employees" in {c.measure for c in claims}
    # a kin count is still a kin count
    claims, _, _ = compare_reports(nlp, ("Life Post", "2026-02-11", "Marit Solberg has four children."))
    assert [c.attribute for c in claims if c.attribute.startswith("measure:")] == ["measure:count|child|have"]


def test_a_magnitude_told_four_ways_and_an_aftershock_apart(nlp):
    _, comparisons, _ = compare_reports(
        nlp,
        ("Quake Wire", "2026-03-09", "A magnitude 6.8 earthquake struck the region."),
        ("Geo Desk", "2026-03-09", "The 6.6-magnitude quake hit before dawn."),
        ("Relief Post", "2026-03-09", "The quake had a magnitude of 6.8. A magnitude 5.4 aftershock followed."),
    )
    got = {c.attribute: c for c in comparisons}
    assert got["measure:magnitude|quake"].status == "conflict"
    assert got["measure:magnitude|aftershock"].status == "single_source"
