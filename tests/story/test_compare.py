"""Claim comparison across outlets, on hand-written multi-outlet snippets (real spaCy parse)."""

from __future__ import annotations

from claims_snippets import compare_reports as _compare
from claims_snippets import entity_id


def _cmp(comparisons, attribute, subject=None):
    found = [c for c in comparisons if c.attribute == attribute
             and (subject is None or c.subject == subject)]
    assert len(found) == 1, [(c.attribute, c.subject, c.status) for c in comparisons]
    return found[0]


def test_conflicting_numbers_and_agreement(nlp):
    _, comparisons, entities = _compare(
        nlp,
        ("Daily Ledger", "2025-06-02", "Daniel Okafor was sentenced to six years in prison."),
        ("Metro Star", "2025-06-02", "A judge sentenced Daniel Okafor to eight years in prison."),
        ("Valley News", "2025-06-03", "Daniel Okafor was sentenced to six years in prison on "
                                      "Monday."),
    )
    okafor = entity_id(entities, "Okafor")
    cmp = _cmp(comparisons, "sentence_length", okafor)
    assert cmp.status == "conflict"
    assert {s.value for s in cmp.sides} == {6, 8}
    six = next(s for s in cmp.sides if s.value == 6)
    assert sorted(six.articles) == ["art0", "art2"]
    assert "6 years" in cmp.explanation and "8 years" in cmp.explanation
    assert "Metro Star" in cmp.explanation


def test_list_adds_up_to_total(nlp):
    list_text = ("A federal jury convicted Daniel Okafor of four counts of wire fraud and two "
                 "counts of money laundering.")
    _, comparisons, entities = _compare(
        nlp,
        ("Daily Ledger", "2025-06-02", list_text),
        ("Metro Star", "2025-06-02", "Daniel Okafor was convicted on six felony counts."),
    )
    cmp = _cmp(comparisons, "charge_count", entity_id(entities, "Okafor"))
    assert cmp.status == "agree"
    assert "add up" in cmp.explanation


def test_list_does_not_add_up_to_total(nlp):
    _, comparisons, entities = _compare(
        nlp,
        ("Daily Ledger", "2025-06-02", "A federal jury convicted Daniel Okafor of four counts of "
                                       "wire fraud and two counts of money laundering."),
        ("Metro Star", "2025-06-02", "Daniel Okafor was convicted on seven felony counts."),
    )
    cmp = _cmp(comparisons, "charge_count", entity_id(entities, "Okafor"))
    assert cmp.status == "conflict"
    assert {s.value for s in cmp.sides} == {6, 7}


def test_ages_at_different_dates(nlp):
    _, comparisons, entities = _compare(
        nlp,
        ("Daily Ledger", "2025-05-06", "Prosecutors charged Ruth Mendes, a 69-year-old retired "
                                       "pharmacist, with fraud."),
        ("Metro Star", "2025-11-10", "The case of Ruth Mendes, 70, drew wide attention."),
    )
    cmp = _cmp(comparisons, "age", entity_id(entities, "Mendes"))
    assert cmp.status == "consistent_over_time"
    assert "6 May 2025" in cmp.explanation and "10 Nov 2025" in cmp.explanation


def test_ages_same_date_conflict(nlp):
    _, comparisons, entities = _compare(
        nlp,
        ("Daily Ledger", "2025-05-06", "The case of Ruth Mendes, 69, drew wide attention."),
        ("Metro Star", "2025-05-07", "The case of Ruth Mendes, 74, drew wide attention."),
    )
    assert _cmp(comparisons, "age", entity_id(entities, "Mendes")).status == "conflict"


def test_title_contradiction_at_the_same_time(nlp):
    _, comparisons, entities = _compare(
        nlp,
        ("Daily Ledger", "2025-05-06", "Former Governor Alan Brooks criticized the ruling."),
        ("Metro Star", "2025-05-06", "Governor Alan Brooks criticized the ruling on Tuesday."),
    )
    cmp = _cmp(comparisons, "title", entity_id(entities, "Brooks"))
    assert cmp.status == "conflict"
    assert "Former Governor" in cmp.explanation and "Daily Ledger" in cmp.explanation


def test_title_change_over_time(nlp):
    _, comparisons, entities = _compare(
        nlp,
        ("Daily Ledger", "2021-03-01", "Governor Alan Brooks criticized the ruling."),
        ("Metro Star", "2025-05-06", "Former Governor Alan Brooks criticized the ruling."),
    )
    cmp = _cmp(comparisons, "title", entity_id(entities, "Brooks"))
    assert cmp.status == "consistent_over_time"


def test_conflict_inside_one_article_reporter_versus_quote(nlp):
    text = ("Daniel Okafor was found guilty by a grand jury last year. “A grand jury indicted "
            "him, and a trial jury found him guilty,” District Attorney Maria Lopez said.")
    claims, comparisons, entities = _compare(
        nlp, ("Daily Ledger", "2025-06-02", text, {"speakers": {"trial jury": "Lopez"}}))
    okafor, lopez = entity_id(entities, "Okafor"), entity_id(entities, "Lopez")
    cmp = _cmp(comparisons, "convicted_by", okafor)
    assert cmp.status == "conflict"
    assert "within Daily Ledger" in cmp.explanation
    voices = {c.value: c.voice for c in claims if c.attribute == "convicted_by"}
    assert voices == {"grand jury": "reporter", "trial jury": lopez}  # story ids, not local keys
    indicted = _cmp(comparisons, "indicted_by", okafor)
    assert indicted.status == "single_source"


def test_compatible_descriptions_bounds_and_dates(nlp):
    _, comparisons, entities = _compare(
        nlp,
        ("Daily Ledger", "2025-06-02",
         "A jury convicted Daniel Okafor in October 2024. The scheme cost the city more than "
         "$2 million, according to prosecutors.",
         {"timexes": [("October 2024", "2024-10")]}),
        ("Metro Star", "2025-06-02",
         "A state jury convicted Daniel Okafor in 2024. The scheme cost the city $2.3 million, "
         "according to prosecutors.",
         {"timexes": [("2024", "2024")]}),
    )
    okafor = entity_id(entities, "Okafor")
    assert _cmp(comparisons, "convicted_by", okafor).status == "agree"
    when = _cmp(comparisons, "date_of:convicted", okafor)
    assert when.status == "agree" and "October 2024" in when.explanation
    # the amounts are open-domain measures now; "more than $2 million" holds $2.3 million
    assert _cmp(comparisons, "measure:money|cost").status == "compatible"
    assert not [c for c in comparisons if c.attribute.startswith("amount:")]  # subject "scheme"


def test_ids_unique_and_blocked_by_subject(nlp):
    claims, comparisons, entities = _compare(
        nlp,
        ("Daily Ledger", "2025-06-02", "Daniel Okafor was sentenced to six years in prison. "
                                       "Ruth Mendes was sentenced to two years in prison."),
        ("Metro Star", "2025-06-02", "Daniel Okafor was sentenced to six years in prison."),
    )
    assert len({c.id for c in claims}) == len(claims)
    assert len({c.id for c in comparisons}) == len(comparisons)
    okafor, mendes = entity_id(entities, "Okafor"), entity_id(entities, "Mendes")
    assert _cmp(comparisons, "sentence_length", okafor).status == "agree"
    single = _cmp(comparisons, "sentence_length", mendes)
    assert single.status == "single_source" and "Daily Ledger" in single.explanation
    for c in claims:
        assert c.subject in {e.id for e in entities} or c.subject.islower() or \
            c.attribute.startswith("measure:") and c.subject == ""  # a measure of the story's event
    durations = [c for c in comparisons if c.attribute.startswith("measure:duration")]
    assert durations and all(c.status != "conflict" for c in durations)  # two people, two terms


def test_running_count_grows_over_time(nlp):
    _, comparisons, entities = _compare(
        nlp,
        ("Daily Ledger", "2025-05-06", "Authorities said Victor Hale faces 12 charges so far."),
        ("Metro Star", "2025-09-30", "Authorities said Victor Hale faces 15 charges so far."),
    )
    cmp = _cmp(comparisons, "charge_count", entity_id(entities, "Hale"))
    assert cmp.status == "consistent_over_time"
    assert "12" in cmp.explanation and "15" in cmp.explanation


def test_then_title_is_a_past_title(nlp):
    _, comparisons, entities = _compare(
        nlp,
        ("Daily Ledger", "2025-05-06", "The deal was signed by then-Governor Alan Brooks."),
        ("Metro Star", "2025-05-06", "Former Governor Alan Brooks criticized the ruling."),
    )
    cmp = _cmp(comparisons, "title", entity_id(entities, "Brooks"))
    assert cmp.status == "consistent_over_time"


def test_agent_synonyms_fold_only_agents_of_the_same_kind() -> None:
    from storyline.story.compare import _np_words

    assert _np_words("the district attorney")[0] == "prosecutor"
    assert _np_words("a panel")[0] == "jury"
    assert _np_words("the state penitentiary")[0] == "prison"
    # a bare attorney may be the defence's; a facility may be a warehouse or a clinic
    assert _np_words("a defense attorney") == ("attorney", {"a", "defense"})
    assert _np_words("a storage facility")[0] == "facility"
