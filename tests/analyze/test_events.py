"""Event mentions: sentences anchored to a date, with their predicate and entities."""

from __future__ import annotations

from storyline.analyze.events import extract_events
from storyline.analyze.time import analyze_time
from storyline.model import Article, EventMention, Mention, PubDate


def mentions_for(text: str, names: dict[str, str]) -> list[Mention]:
    """Mentions of each name (every occurrence), with the given LocalEntity key."""
    out = []
    for name, key in names.items():
        i = text.find(name)
        while i != -1:
            out.append(Mention(i, i + len(name), name, "PERSON", key))
            i = text.find(name, i + 1)
    return sorted(out, key=lambda m: m.start)


def run_all(nlp, text: str, pub: str, names: dict[str, str] | None = None) -> list[EventMention]:
    article = Article(id="a1", text=text,
                      published=PubDate(date=pub, earliest=pub, latest=pub, basis="metadata"))
    doc = nlp(text)
    _, timexes = analyze_time(doc, article)
    events = extract_events(doc, article, timexes, mentions_for(text, names or {}))
    for e in events:
        assert text[e.start:e.end] == e.text
        assert -1 <= e.timex < len(timexes)
    return events


def run(nlp, text: str, pub: str, names: dict[str, str] | None = None) -> list[EventMention]:
    """The dated mentions only (anchored to a time expression of their sentence)."""
    return [e for e in run_all(nlp, text, pub, names) if e.timex >= 0]


def undated(nlp, text: str, pub: str = "2025-03-04") -> list[str]:
    return [e.predicate for e in run_all(nlp, text, pub) if e.timex < 0]


def test_event_with_predicate_and_entities(nlp):
    text = ("A federal judge on Monday rejected the petition filed by Anna Keller. "
            "Keller, 64, remains in custody.")
    events = run(nlp, text, "2025-03-04", {"Anna Keller": "a1:0", "Keller,": "a1:0"})
    assert len(events) == 1
    ev = events[0]
    assert ev.predicate == "reject"
    assert ev.text.startswith("A federal judge on Monday rejected")
    assert ev.entities == ["a1:0"]


def test_durations_and_background_do_not_anchor(nlp):
    text = ("Marsh, 70, is serving a nine-year prison term. "
            "She has been held for months. The board meets every Monday.")
    assert run(nlp, text, "2025-03-04") == []


def test_noun_modifier_year_is_not_an_event(nlp):
    text = "She repeated false claims about the 2020 election."
    assert run(nlp, text, "2025-03-04") == []


def test_past_relative_clause_is_kept_present_one_is_not(nlp):
    text = ("Ruiz, who was convicted in 2024, appealed. "
            "Weiss, who is running for governor in 2026, spoke to reporters.")
    events = run(nlp, text, "2025-03-04")
    assert [e.predicate for e in events] == ["convict"]


def test_two_dates_in_one_sentence(nlp):
    text = "The company was founded in 1998 and went bankrupt in March 2009."
    events = run(nlp, text, "2025-03-04")
    assert sorted(e.predicate for e in events) == ["found", "go bankrupt"]


def test_event_span_stays_on_its_line(nlp):
    text = "Clerk sentenced to prison\n\nOn Tuesday, the court released the clerk."
    events = run(nlp, text, "2025-03-06")
    assert [e.text for e in events] == ["On Tuesday, the court released the clerk."]


def test_past_statements_without_a_date_are_undated_events(nlp):
    # disaster, sports, business: what happened, with its content lemmas for matching
    assert undated(nlp, "Three hikers were rescued from the ravine by a helicopter crew.") == ["rescue"]
    assert undated(nlp, "The visitors scored twice before the break, the coach said.") == ["score"]
    [ev] = [e for e in run_all(nlp, "Regulators closed twelve branches of the lender after the leak.",
                               "2025-03-04") if e.timex < 0]
    assert ev.predicate == "close"
    assert {"regulator", "lender", "12", "branch", "leak"} <= set(ev.keys)


def test_states_plans_questions_and_quotes_are_not_events(nlp):
    assert undated(nlp, "The stadium is one of the oldest in the league.") == []
    assert undated(nlp, "The council will vote on the budget.") == []
    assert undated(nlp, "Did the pilots know about the fault?") == []
    # inside a quotation: somebody's words; the attributed quotation is the saying itself
    assert undated(nlp, "The farmer spoke to reporters at the shelter. “We lost everything in the flood "
                        "and then the barn burned.”") == ["speak"]
    assert undated(nlp, "“We lost everything in the flood,” the farmer told reporters.") == ["tell"]


def test_metadata_lines_are_not_events(nlp):
    text = ("Updated on March 3, 2025, at 2:30 p.m.\n"
            "This story by Lena Ortiz first appeared on Valley Courier on March 2, 2025.\n"
            "Firefighters pulled two children from the burning house on Sunday. (Photo by Tom Reyes)\n"
            "The storm flooded the harbor on Sunday.")
    events = run_all(nlp, text, "2025-03-04")
    assert [e.text for e in events] == ["The storm flooded the harbor on Sunday."]


def test_predicate_lexicon_is_clean():
    from collections import Counter

    from storyline.lexicon.en.events import PREDICATE_CLASSES, STATIVE_PREDICATES

    words = Counter(w for c in PREDICATE_CLASSES.values() for w in c)
    assert [w for w, n in words.items() if n > 1] == []  # one class per lemma
    assert all(w == w.lower().strip() and w for w in words)
    assert not set(words) & STATIVE_PREDICATES


def test_dates_named_by_their_calendar_unit_anchor_the_clause(nlp):
    # science / organisations: "in the year 1871" is the year of the happening
    text = "The guild was founded in the year 1871 and later merged into the national union in the year 1902."
    events = run(nlp, text, "2025-03-04")
    assert sorted(e.predicate for e in events) == ["found", "merge"]


def test_present_reports_of_happenings_and_what_was_able_to_be_done(nlp):
    # health, crime: a present-tense report of a past happening is the happening
    assert undated(nlp, "Health officials say the outbreak spread through the ward.") == ["spread"]
    assert undated(nlp, "Police say the suspect fled on foot after the robbery.") == ["flee"]
    # "were able to" did it
    assert undated(nlp, "Voters were able to cast ballots until late evening.") == ["cast"]
    # still no event: a present report of a present state, a plan, a reported state
    assert undated(nlp, "The manager said the squad had been tired after the long flight.") == []
    assert undated(nlp, "Officials say the plant is safe for the workers.") == []
    assert undated(nlp, "The council will vote on the budget.") == []


def test_an_embedded_post_is_an_event_on_its_signature_date(nlp):
    # sports, health: a post pasted with its signature "— Name (@handle) <date>"
    text = ("The club celebrated late into the night.\n"
            "What a season for this team. Thank you to every fan who travelled with us! "
            "https://t.co/abc123 — Harbury Athletic (@HarburyAth) May 14, 2025\n"
            "Clinics across the region reopened on Monday after the outbreak. — Health Desk (@healthdesk) "
            "May 19, 2025 via the regional bulletin")
    events = run(nlp, text, "2025-05-20")
    post = [e for e in events if e.predicate == "post"]
    assert len(post) == 1 and post[0].text.startswith("What a season") and post[0].text.endswith("May 14, 2025")
    # the words inside the post are not events of their own
    assert not [e for e in run_all(nlp, text, "2025-05-20") if e.timex < 0 and "fan" in e.text]
    # a signature not at the end of its line is not an embed's
    assert not [e for e in events if e.predicate == "post" and "Clinics" in e.text]


def test_an_attributed_post_is_an_event_even_when_the_parser_misses_its_verb(nlp):
    # sports, science: the quote extractor's cue and speaker give the saying
    from storyline.analyze import analyze_doc

    for text in ("Fans filled the square.\n“A night to remember for the club. Well done to the whole "
                 "squad”, the mayor posted on X.",
                 "The lab published its findings.\n“A remarkable result for the whole field. Thanks to "
                 "every volunteer”, the institute director posted on LinkedIn."):
        article = Article(id="a1", text=text,
                          published=PubDate(date="2025-03-04", earliest="2025-03-04", latest="2025-03-04",
                                            basis="metadata"))
        events = analyze_doc(article, nlp(text)).events
        assert [e.predicate for e in events if "posted" in e.text] == ["post"]


def test_saying_on_a_social_platform_is_a_post(nlp):
    # science, local government: "said on X", "said in a post on Facebook" → post; on TV it stays a saying
    text = "“Our rover is on the surface. Thank you to every engineer!,” said the agency on X."
    assert undated(nlp, text) == ["post"]
    assert undated(nlp, "“We will rebuild,” the mayor said in a post on Facebook.") == ["post"]
    assert undated(nlp, "“We will rebuild,” the mayor told reporters at the town hall.") == ["tell"]


def test_posting_stamps_anywhere_in_a_line_are_not_events():
    from storyline.analyze.events import is_metadata_line

    # page furniture: live-page headings with their posting stamp, "Published On:" labels
    assert is_metadata_line("Council approves budget after long debatepublished at 09:12 British Summer Time 4 May")
    assert is_metadata_line("Share on Facebook Published On: Tue, 3 Jun 2025 10:02:11")
    # reports that mention publishing or posting stay
    assert not is_metadata_line("The ruling was published at 9:30 a.m. on the court website.")
    assert not is_metadata_line("The agency posted on X that the launch had been delayed.")
