"""Cross-article entity resolution: merges and careful non-merges across outlets."""

from __future__ import annotations

from storyline.model import Article, ArticleAnalysis, LocalEntity, Mention, PubDate, Role, Span
from storyline.story.resolve import resolve_entities


def _analysis(art_id: str, date: str | None, entities: list[tuple[str, str, list[str], list[str]]],
              ) -> ArticleAnalysis:
    """An analysis whose text is the mention strings joined; ``entities``: (name, type, mention
    texts, role titles)."""
    text = ""
    locals_ = []
    for n, (name, etype, mentions, roles) in enumerate(entities, start=1):
        key = f"{art_id}:{n}"
        ms = []
        rs = []
        for t in roles:
            start = len(text)
            text += t + " "
            rs.append(Role(title=t, spans=[Span(art_id, start, start + len(t), t)]))
        for t in mentions:
            start = len(text)
            text += t + ". "
            ms.append(Mention(start, start + len(t), t, etype, key))
        locals_.append(LocalEntity(key=key, name=name, type=etype, mentions=ms, roles=rs))
    article = Article(id=art_id, text=text, published=PubDate(date=date, earliest=date,
                                                              latest=date, basis="metadata"))
    return ArticleAnalysis(article=article, mentions=[m for le in locals_ for m in le.mentions],
                           entities=locals_)


def _entity_of(entities, entity_map, key):
    eid = entity_map[key]
    return next(e for e in entities if e.id == eid)


def test_surname_and_full_name_across_outlets_are_one_person():
    a = _analysis("a", "2025-05-01", [("Donald Trump", "PERSON", ["Donald Trump", "Trump"], ["President"])])
    b = _analysis("b", "2025-06-01", [("Trump", "PERSON", ["Trump", "Trump"], [])])
    c = _analysis("c", "2025-07-01", [("Trump", "ORG", ["Trump"], [])])  # an NER label slip
    entities, emap = resolve_entities([a, b, c])
    assert emap["a:1"] == emap["b:1"] == emap["c:1"]
    trump = _entity_of(entities, emap, "a:1")
    assert trump.name == "Donald Trump" and trump.type == "PERSON"
    assert trump.articles == ["a", "b", "c"]
    assert len(trump.mentions) == 5
    assert trump.aliases == ["Trump"]
    assert trump.id.startswith("ent-")


def test_same_surname_different_people_and_roles_stay_apart():
    a = _analysis("a", "2025-05-01", [("Matthew Barrett", "PERSON", ["Matthew Barrett"], ["Judge"])])
    b = _analysis("b", "2025-05-02", [("Amy Barrett", "PERSON", ["Amy Barrett"], ["Justice"])])
    # a surname-only mention described as a defense lawyer is neither judge
    c = _analysis("c", "2025-05-03", [("Barrett", "PERSON", ["Barrett"], ["defense lawyer"])])
    # a surname-only mention called "Judge" joins the judge with that title
    d = _analysis("d", "2025-05-04", [("Barrett", "PERSON", ["Barrett"], ["District Judge"])])
    entities, emap = resolve_entities([a, b, c, d])
    assert emap["a:1"] != emap["b:1"]
    assert emap["c:1"] not in (emap["a:1"], emap["b:1"])
    assert emap["d:1"] == emap["a:1"]
    assert len({e.id for e in entities}) == len(entities)


def test_ambiguous_surname_without_roles_is_not_guessed():
    a = _analysis("a", "2025-05-01", [("Donald Trump", "PERSON", ["Donald Trump"], []),
                                      ("Eric Trump", "PERSON", ["Eric Trump"], [])])
    b = _analysis("b", "2025-05-02", [("Trump", "PERSON", ["Trump"], [])])
    _, emap = resolve_entities([a, b])
    assert emap["a:1"] != emap["a:2"]
    assert emap["b:1"] not in (emap["a:1"], emap["a:2"])


def test_full_name_variants_merge_but_generations_do_not():
    a = _analysis("a", None, [("Donald J. Trump", "PERSON", ["Donald J. Trump"], [])])
    b = _analysis("b", None, [("Donald Trump", "PERSON", ["Donald Trump"], []),
                              ("Donald Trump Jr.", "PERSON", ["Donald Trump Jr."], [])])
    entities, emap = resolve_entities([a, b])
    assert emap["a:1"] == emap["b:1"]
    assert emap["b:2"] != emap["b:1"]
    assert _entity_of(entities, emap, "a:1").name == "Donald J. Trump"  # the fullest proper name


def test_organization_acronyms_and_word_order_across_outlets():
    a = _analysis("a", None, [("Justice Department", "ORG", ["Justice Department"], [])])
    b = _analysis("b", None, [("Department of Justice", "ORG", ["Department of Justice"], [])])
    c = _analysis("c", None, [("DOJ", "ORG", ["DOJ"], []),
                              ("U.S. Department of Justice", "ORG", ["U.S. Department of Justice"], [])])
    d = _analysis("d", None, [("Department of Corrections", "ORG", ["Department of Corrections"], [])])
    entities, emap = resolve_entities([a, b, c, d])
    assert emap["a:1"] == emap["b:1"] == emap["c:1"] == emap["c:2"]
    assert emap["d:1"] != emap["a:1"]
    doj = _entity_of(entities, emap, "a:1")
    assert doj.name == "U.S. Department of Justice"
    assert set(doj.aliases) == {"Justice Department", "Department of Justice", "DOJ"}


def test_places_with_country_aliases_and_type_slips():
    a = _analysis("a", None, [("U.S.", "GPE", ["U.S."], []), ("Truth Social", "ORG", ["Truth Social"], [])])
    b = _analysis("b", None, [("United States", "GPE", ["United States"], []),
                              ("Truth Social", "GPE", ["Truth Social"], [])])
    _, emap = resolve_entities([a, b])
    assert emap["a:1"] == emap["b:1"]
    assert emap["a:2"] == emap["b:2"]


def test_roles_keep_spans_qualifiers_and_dates():
    a = _analysis("a", "2025-05-01", [("Tina Peters", "PERSON", ["Tina Peters"], ["Mesa County clerk"])])
    b = _analysis("b", "2025-11-12", [("Peters", "PERSON", ["Peters"], ["Mesa County clerk"])])
    b.entities[0].roles[0].qualifier = "former"
    entities, emap = resolve_entities([a, b])
    person = _entity_of(entities, emap, "a:1")
    assert emap["b:1"] == person.id
    got = [(r.title, r.qualifier, r.as_of, [s.article for s in r.spans]) for r in person.roles]
    # as_of falls back to each article's publication date
    assert got == [("Mesa County clerk", None, "2025-05-01", ["a"]),
                   ("Mesa County clerk", "former", "2025-11-12", ["b"])]
    for an in (a, b):
        for r in person.roles:
            for s in r.spans:
                if s.article == an.article.id:
                    assert an.article.text[s.start:s.end] == s.text


def test_resolution_is_deterministic_and_order_independent():
    a = _analysis("a", None, [("Jared Polis", "PERSON", ["Jared Polis"], ["Gov."]),
                              ("Colorado", "GPE", ["Colorado"], [])])
    b = _analysis("b", None, [("Polis", "PERSON", ["Polis"], []), ("Colorado", "GPE", ["Colorado"], [])])
    first = resolve_entities([a, b])
    second = resolve_entities([b, a])
    assert first == second
    assert resolve_entities([]) == ([], {})


def test_end_to_end_two_outlets(nlp):
    from storyline.analyze.entities import extract_entities

    texts = {
        "x1": "Colorado Gov. Jared Polis said Tuesday he would not intervene. Polis, a Democrat, "
              "spoke after the Justice Department filed its brief.",
        "x2": "Gov. Polis rejected the request from the Department of Justice. The DOJ did not "
              "respond, and Polis’ office declined further comment.",
    }
    analyses = []
    for art_id, text in texts.items():
        article = Article(id=art_id, text=text)
        mentions, ents = extract_entities(nlp(text), article)
        analyses.append(ArticleAnalysis(article=article, mentions=mentions, entities=ents))
    entities, emap = resolve_entities(analyses)
    polis = [e for e in entities if e.name == "Jared Polis"]
    assert len(polis) == 1 and polis[0].articles == ["x1", "x2"]
    doj = [e for e in entities if e.type == "ORG" and "DOJ" in e.aliases + [e.name]]
    assert len(doj) == 1 and doj[0].articles == ["x1", "x2"]
    assert set(emap) == {le.key for an in analyses for le in an.entities}


def test_example_corpus_spans_and_keys(nlp, examples_dir):
    """On the shipped example articles: every span is exact, every local key maps to one entity,
    and the story's central person is one entity across all five outlets."""
    from storyline.analyze.entities import extract_entities

    analyses = []
    for k, path in enumerate(sorted(examples_dir.glob("*.txt"))):
        text = path.read_text(encoding="utf-8")
        article = Article(id=f"ex{k}", text=text)
        mentions, ents = extract_entities(nlp(text), article)
        analyses.append(ArticleAnalysis(article=article, mentions=mentions, entities=ents))
    entities, emap = resolve_entities(analyses)
    texts = {an.article.id: an.article.text for an in analyses}
    for e in entities:
        for s in e.mentions:
            assert texts[s.article][s.start:s.end] == s.text
        for r in e.roles:
            for s in r.spans:
                assert texts[s.article][s.start:s.end] == s.text
    assert set(emap) == {le.key for an in analyses for le in an.entities}
    people = [e for e in entities if e.type == "PERSON"]
    assert len(people[0].articles) == len(analyses)
    assert len({e.id for e in entities}) == len(entities)


def test_copies_of_names_are_compared_once(monkeypatch):
    """Person names are compared per distinct form in a surname block: the number of
    comparisons is the same for 2 and 10 copies of the story, and so is the result."""
    import storyline.story.resolve as resolve

    def story(n: int) -> list[ArticleAnalysis]:
        out = []
        for i in range(n):
            out += [
                _analysis(f"a{i}", "2025-05-01",
                          [("Matthew Barrett", "PERSON", ["Matthew Barrett"], ["Judge"]),
                           ("Amy Barrett", "PERSON", ["Amy Barrett"], ["Justice"])]),
                _analysis(f"b{i}", "2025-05-02",
                          [("Matthew J. Barrett", "PERSON", ["Matthew J. Barrett"], [])]),
                _analysis(f"c{i}", "2025-05-03", [("Barrett", "PERSON", ["Barrett"], ["District Judge"])]),
                _analysis(f"d{i}", "2025-05-04", [("Barrett", "PERSON", ["Barrett"], ["defense lawyer"])]),
            ]
        return out

    calls = []
    compatible = resolve.names.person_compatible
    monkeypatch.setattr(resolve.names, "person_compatible",
                        lambda a, b, **kw: calls.append(1) or compatible(a, b, **kw))
    counts, shapes = {}, {}
    for n in (2, 10):
        calls.clear()
        entities, emap = resolve_entities(story(n))
        counts[n] = len(calls)
        shapes[n] = sorted((e.name, len(e.articles)) for e in entities)
        assert emap["a0:1"] == emap[f"b{n - 1}:1"] == emap[f"c{n - 1}:1"]  # the judge, everywhere
        assert len({emap["a0:2"], emap["a0:1"], emap[f"d{n - 1}:1"]}) == 3
    assert counts[2] == counts[10] > 0
    assert shapes[10] == [(name, 5 * arts) for name, arts in shapes[2]]


def test_a_shouted_form_is_not_a_second_alias():
    from storyline.story.resolve import _one_casing

    assert _one_casing({"Tina Peters", "TINA PETERS", "Peters"}) == {"Tina Peters", "Peters"}
    assert _one_casing({"DOJ", "Justice Department"}) == {"DOJ", "Justice Department"}


def test_hyphenated_surname_written_without_its_hyphen():
    a = _analysis("a", None, [("Lena Moreau-Vidal", "PERSON", ["Lena Moreau-Vidal"], [])])
    b = _analysis("b", None, [("Lena Moreau Vidal", "PERSON", ["Lena Moreau Vidal"], [])])
    c = _analysis("c", None, [("Moreau Vidal", "PERSON", ["Moreau Vidal"], [])])
    d = _analysis("d", None, [("Paul Vidal", "PERSON", ["Paul Vidal"], [])])
    _, emap = resolve_entities([a, b, c, d])
    assert emap["a:1"] == emap["b:1"] == emap["c:1"]
    assert emap["d:1"] != emap["a:1"]  # a relative with the second surname alone stays apart


def test_short_and_misspelled_given_names_across_outlets():
    a = _analysis("a", None, [("Joseph Carrow", "PERSON", ["Joseph Carrow"], ["coach"])])
    b = _analysis("b", None, [("Joe Carrow", "PERSON", ["Joe Carrow"], [])])
    c = _analysis("c", None, [("Katrin Osei", "PERSON", ["Katrin Osei"], [])])
    d = _analysis("d", None, [("Katrina Osei", "PERSON", ["Katrina Osei"], [])])
    _, emap = resolve_entities([a, b, c, d])
    assert emap["a:1"] == emap["b:1"]
    assert emap["c:1"] == emap["d:1"]


def test_two_given_names_in_one_article_are_two_people():
    a = _analysis("a", None, [("Jon Avery", "PERSON", ["Jon Avery"], ["striker"]),
                              ("John Avery", "PERSON", ["John Avery"], ["father"])])
    _, emap = resolve_entities([a])
    assert emap["a:1"] != emap["a:2"]
    # the same title in the same article: one person written two ways
    b = _analysis("b", None, [("Jon Avery", "PERSON", ["Jon Avery"], ["Harbor Master"]),
                              ("John Avery", "PERSON", ["John Avery"], ["Harbor Master"])])
    _, emap = resolve_entities([b])
    assert emap["b:1"] == emap["b:2"]


def test_surname_spelled_two_ways_by_two_outlets():
    a = _analysis("a", None, [("Marta Kowalsky", "PERSON", ["Marta Kowalsky"], [])])
    b = _analysis("b", None, [("Marta Kowalski", "PERSON", ["Marta Kowalski"], [])])
    c = _analysis("c", None, [("Marta Kowalczyk", "PERSON", ["Marta Kowalczyk"], [])])
    d = _analysis("d", None, [("Ivan Kowalski", "PERSON", ["Ivan Kowalski"], [])])
    _, emap = resolve_entities([a, b, c, d])
    assert emap["a:1"] == emap["b:1"]
    assert emap["c:1"] != emap["a:1"]  # too different a surname
    assert emap["d:1"] != emap["b:1"]  # another given name


def test_generic_roles_do_not_split_a_surname_from_its_full_name():
    a = _analysis("a", None, [("Irina Volkov", "PERSON", ["Irina Volkov"], ["chief scientist"])])
    b = _analysis("b", None, [("Volkov", "PERSON", ["Volkov"], ["board member"])])
    _, emap = resolve_entities([a, b])
    assert emap["a:1"] == emap["b:1"]


def test_given_name_forms_follow_the_gender_cut_offs_of_the_options():
    # elections: "Mark" and "Mary" differ by one letter but are a man's and a woman's name, so two
    # people; with cut-offs under which no given name has a gender (Options.entities, the same the
    # map step uses), the one-letter rule alone decides and they are one
    from storyline.options import EntityOptions, Options
    from storyline.story import build_dossier

    a = _analysis("a", "2025-05-01", [("Mark Ellison", "PERSON", ["Mark Ellison"], ["candidate"])])
    b = _analysis("b", "2025-05-02", [("Mary Ellison", "PERSON", ["Mary Ellison"], ["candidate"])])
    _, emap = resolve_entities([a, b])
    assert emap["a:1"] != emap["b:1"]
    genderless = EntityOptions(female_share=2.0, male_share=-1.0)
    _, emap = resolve_entities([a, b], None, genderless)
    assert emap["a:1"] == emap["b:1"]
    # and the reduce takes them from the run's options
    for options, people in ((None, 2), (Options(entities=genderless), 1)):
        dossier = build_dossier([a, b], options=options)
        assert len([e for e in dossier.entities if e.type == "PERSON"]) == people


def test_a_given_name_alone_joins_the_one_full_name_with_it():
    # a mayor's hyphenated given name alone in a second outlet, her full name written without it
    a = _analysis("a", "2025-03-01", [("Anne Sophie Marchand", "PERSON", ["Anne Sophie Marchand"], ["Mayor"])])
    b = _analysis("b", "2025-03-01", [("Anne-Sophie", "PERSON", ["Anne-Sophie"], [])])
    entities, emap = resolve_entities([a, b])
    assert emap["a:1"] == emap["b:1"]
    assert _entity_of(entities, emap, "b:1").type == "PERSON"


def test_a_given_name_two_people_share_stays_apart():
    # two engineers named Jean-Luc in the story: "Jean-Luc" alone is neither
    a = _analysis("a", "2025-03-01", [("Jean-Luc Ferrand", "PERSON", ["Jean-Luc Ferrand"], []),
                                      ("Jean Luc Moreau", "PERSON", ["Jean Luc Moreau"], [])])
    b = _analysis("b", "2025-03-02", [("Jean-Luc", "PERSON", ["Jean-Luc"], [])])
    _, emap = resolve_entities([a, b])
    assert emap["b:1"] not in (emap["a:1"], emap["a:2"])
    assert emap["a:1"] != emap["a:2"]


def test_a_one_word_person_guess_takes_the_type_the_story_votes():
    # a retailer the NER called a person in one outlet and a company in two others
    a = _analysis("a", "2025-03-01", [("Verimart", "PERSON", ["Verimart"], [])])
    b = _analysis("b", "2025-03-01", [("Verimart", "ORG", ["Verimart"], [])])
    entities, emap = resolve_entities([a, b])
    assert emap["a:1"] == emap["b:1"]
    assert _entity_of(entities, emap, "a:1").type == "ORG"
    # a surname-only person keeps being a person: a title says so
    c = _analysis("c", "2025-03-01", [("Okafor", "PERSON", ["Okafor"], ["coach"])])
    d = _analysis("d", "2025-03-02", [("Okafor", "ORG", ["Okafor"], [])])
    entities, emap = resolve_entities([c, d])
    assert _entity_of(entities, emap, "c:1").type == "PERSON"


def test_a_dateline_and_evidence_types_win_the_vote():
    a = _analysis("a", "2025-03-01", [("Portwell", "PERSON", ["Portwell", "Portwell"], [])])
    a.article.dateline = "PORTWELL"
    b = _analysis("b", "2025-03-01", [("Portwell", "PERSON", ["Portwell"], [])])
    entities, emap = resolve_entities([a, b])
    assert _entity_of(entities, emap, "b:1").type == "GPE"
    # an app the map step typed PRODUCT from "the Pixie app", a place by the NER elsewhere
    c = _analysis("c", "2025-03-01", [("Pixie", "PRODUCT", ["Pixie"], [])])
    d = _analysis("d", "2025-03-01", [("Pixie", "GPE", ["Pixie", "Pixie"], [])])
    entities, emap = resolve_entities([c, d])
    assert emap["c:1"] == emap["d:1"] and _entity_of(entities, emap, "c:1").type == "PRODUCT"


def test_an_abbreviated_rank_matches_the_rank_written_out():
    a = _analysis("a", "2025-03-01", [("Oskar Lindqvist", "PERSON", ["Oskar Lindqvist"], ["General", "army chief"])])
    b = _analysis("b", "2025-03-02", [("Lindqvist", "PERSON", ["Lindqvist"], ["Gen."])])
    _, emap = resolve_entities([a, b])
    assert emap["a:1"] == emap["b:1"]


def test_a_given_name_the_ner_typed_a_company_joins_the_person():
    # a trial doctor's given name alone, typed ORG by the NER in the second outlet
    a = _analysis("a", "2025-03-01", [("Amara Okonkwo", "PERSON", ["Amara Okonkwo", "Okonkwo"], ["Dr."])])
    b = _analysis("b", "2025-03-02", [("Amara", "ORG", ["Amara"], []), ("Okonkwo", "PERSON", ["Okonkwo"], [])])
    entities, emap = resolve_entities([a, b])
    assert emap["b:1"] == emap["a:1"] == emap["b:2"]
    assert _entity_of(entities, emap, "b:1").type == "PERSON"


def test_a_place_before_a_given_name_keeps_it_a_place():
    # "in Georgia" is the place, even with a Georgia Lee in the story
    a = _analysis("a", "2025-03-01", [("Georgia Lee", "PERSON", ["Georgia Lee"], ["coach"])])
    b = _analysis("b", "2025-03-02", [("Georgia", "GPE", ["Georgia"], [])])
    b.article.text = "She trained in " + b.article.text
    for m in b.entities[0].mentions:
        m.start += len("She trained in ")
        m.end += len("She trained in ")
    _, emap = resolve_entities([a, b])
    assert emap["b:1"] != emap["a:1"]


def test_a_one_word_person_guess_that_begins_a_team_name_is_the_team():
    a = _analysis("a", "2025-03-01", [("Riverton Hawks", "ORG", ["Riverton Hawks"], [])])
    b = _analysis("b", "2025-03-02", [("Riverton", "PERSON", ["Riverton"], [])])
    entities, emap = resolve_entities([a, b])
    assert _entity_of(entities, emap, "b:1").type == "ORG"


def test_a_place_is_not_the_public_body_named_after_it():
    from storyline.analyze.entities import link_orgs

    # "Brennick" is the firm "Brennick Foods"; "Tarrow" is not "Tarrow Police Department"
    assert link_orgs(["Brennick Foods", "Brennick"]) == [(0, 1)]
    assert link_orgs(["Tarrow Police Department", "Tarrow"]) == []
    assert link_orgs(["Kellan Bridge", "Kellan"]) == []
    # two firms start with the word: neither
    assert link_orgs(["Brennick Foods", "Brennick Logistics", "Brennick"]) == []
