"""Metadata printed in plain-text articles: headline, byline, outlet tag, dateline, dates, boilerplate.

Every example here is written for the test (realistic news furniture, invented stories).
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.ingest.meta import extract_text_meta
from storyline.ingest.textio import normalize


def meta(text: str, **kw):
    return extract_text_meta(normalize(text), **kw)


def check_spans(m) -> None:
    if m.dateline_span:
        assert m.body[slice(*m.dateline_span)] == m.dateline
    if m.tag_span:
        assert m.body[slice(*m.tag_span)].strip()


# ----------------------------------------------------------------------------- headlines


@pytest.mark.parametrize("text, title, body_start", [
    ("Wildfire forces evacuations near Boulder\n\nBOULDER, Colo. — Thousands of residents fled on "
     "Sunday as a wind-driven fire jumped a highway.",
     "Wildfire forces evacuations near Boulder", "BOULDER, Colo. —"),
    ("Senate Passes Stopgap Bill to Avert Shutdown\nThe Senate voted 68-31 late Thursday to fund the "
     "government through March, sending the measure to the president.",
     "Senate Passes Stopgap Bill to Avert Shutdown", "The Senate voted"),
    ("Is the housing market finally cooling?\n\nHome prices fell for the third straight month in "
     "October, according to data released Tuesday.",
     "Is the housing market finally cooling?", "Home prices fell"),
    # a one-sentence dek with a final period, followed by the lede's dateline and wire tag
    ("Forecasters say the storm could strengthen before landfall.\n\nMIAMI (AP) — Hurricane Lena "
     "churned toward the Gulf Coast on Wednesday, prompting evacuation orders in three counties.",
     "Forecasters say the storm could strengthen before landfall.", "MIAMI (AP) —"),
    # ... or followed by a byline
    ("School board delays vote on later start times.\nBy Rosa Jimenez, Staff Writer\n\nThe vote, "
     "planned for Monday, was pushed to next month after parents packed the meeting.",
     "School board delays vote on later start times.", "The vote, planned"),
])
def test_headline_is_taken_out_of_the_body(text, title, body_start):
    m = meta(text)
    assert m.title == title
    assert m.body.startswith(body_start)
    assert title not in m.body


@pytest.mark.parametrize("first", [
    "Governor Signs Sweeping Water Rights Bill Into Law.",  # Title Case: never a lede
    "Rail union endorses contract after strike threat.",  # short headlinese, standing alone
    "Poll: Voters split on school bond measure.",
])
def test_standalone_headlines_with_a_final_period(first):
    m = meta(f"{first}\n\nThe measure passed 5-2 after a long debate, the clerk said on Tuesday.")
    assert m.title == first
    assert m.body.startswith("The measure passed")


@pytest.mark.parametrize("first", [
    "The mayor resigned on Tuesday.",  # opens like a lede and says when
    "Officials said the road would reopen soon.",  # attribution
    "Mr. Governor, I have a question for you.",  # addresses the reader
    "Three people were hurt when a bus overturned near the interstate early this morning.",  # too long
    "Rain fell for six days straight in the valley.\nThe river crested Sunday.",  # not standing alone
])
def test_short_ledes_with_a_final_period_stay(first):
    text = f"{first}\n\nMore details were expected later in the day."
    assert meta(text).title is None


@pytest.mark.parametrize("text", [
    # a one-sentence lede paragraph with a period and no furniture after it is the lede
    "The city council voted Tuesday to raise parking fees for the first time in a decade.\n\n"
    "The increase takes effect in January and will add 50 cents an hour downtown.",
    # a single paragraph is the article itself
    "Officials said the bridge would reopen Friday after repairs to its deck were finished ahead of schedule.",
    # a first line ending in a colon introduces what follows
    "Here is what we know so far:\n\nThe fire started shortly after midnight in a warehouse.",
    # two sentences on the first line: prose, not a headline
    "Rain fell for six days. The river crested Sunday.\n\nMIAMI — Officials said it would recede.",
])
def test_prose_first_lines_stay_in_the_body(text):
    m = meta(text)
    assert m.title is None
    assert m.body == normalize(text)


def test_markdown_heading_is_the_title():
    m = meta("# Port strike ends after 12 days.\n\nDock workers returned to work on Friday.", markdown=True)
    assert m.title == "Port strike ends after 12 days."
    assert m.body == "Dock workers returned to work on Friday."


def test_known_title_removes_only_a_repeated_first_line():
    repeated = meta("Port strike ends\n\nDock workers returned Friday.", known_title="Port Strike Ends")
    assert repeated.body == "Dock workers returned Friday."
    other = meta("Dock workers returned Friday.\n\nThe deal runs six years.", known_title="Port strike ends")
    assert other.body.startswith("Dock workers")


# ----------------------------------------------------------------------------- bylines


@pytest.mark.parametrize("line, names, outlet", [
    ("By Jane Whitaker, Reuters", ["Jane Whitaker"], "Reuters"),
    ("By Maria Gonzalez and Tom O’Neill", ["Maria Gonzalez", "Tom O’Neill"], None),
    ("By Priya Raman | Staff Writer, The Denver Post", ["Priya Raman"], "The Denver Post"),
    ("By JAMES LEE Associated Press", ["JAMES LEE"], "Associated Press"),
    ("By Ana de la Cruz, Li Wei and Sam Okafor Jr., Bloomberg",
     ["Ana de la Cruz", "Li Wei", "Sam Okafor Jr."], "Bloomberg"),
    ("By Kevin Brown, CBS News", ["Kevin Brown"], "CBS News"),
    ("By the Associated Press", [], "Associated Press"),
    ("BY DANA K. MILLER, KOAA", ["DANA K. MILLER"], "KOAA"),
    ("By Hannah Cho, Staff Writer", ["Hannah Cho"], None),
    ("By Sun Li", ["Sun Li"], None),  # a surname that is also a newspaper word
    ("By Emily Post and Rob Star, Valley Courier", ["Emily Post", "Rob Star"], "Valley Courier"),
    ("By Valley Courier Staff", [], "Valley Courier"),
])
def test_bylines(line, names, outlet):
    m = meta(f"Bridge reopens after repairs\n{line}\n\nThe bridge reopened Friday after months of work.")
    assert m.byline == names
    assert m.byline_outlet == outlet
    assert line not in m.body
    assert m.body == "The bridge reopened Friday after months of work."


@pytest.mark.parametrize("text", [
    "By the time firefighters arrived, the building had collapsed.\n\nNo one was hurt.",
    "By Tuesday, officials said, the water had receded from most streets.\n\nSchools reopen Monday.",
    "By Design, a furniture store on Main Street, closed its doors after 40 years in business.",
])
def test_sentences_starting_with_by_are_not_bylines(text):
    m = meta(text)
    assert m.byline == []
    assert m.body == normalize(text)


def test_byline_with_a_date_segment():
    m = meta("By Omar Haddad | May 5, 2025\n\nThe museum will close for renovations this summer.")
    assert m.byline == ["Omar Haddad"]
    assert m.published == "2025-05-05"


# ----------------------------------------------------------------------------- outlet tags, datelines


@pytest.mark.parametrize("lede, dateline, outlet", [
    ("(CNN) — A federal appeals court on Friday blocked the rule.", None, "CNN"),
    ("WASHINGTON (Reuters) - The Federal Reserve held rates steady.", "WASHINGTON", "Reuters"),
    ("NEW YORK, Nov. 3 (Reuters) - Stocks rose in early trading.", "NEW YORK", "Reuters"),
    ("(AP) — A magnitude 6.1 earthquake shook the coast.", None, "AP"),
    ("(The Center Square) — Lawmakers approved the budget.", None, "The Center Square"),
    ("PUEBLO, Colo. (KOAA) – Crews worked overnight to restore power.", "PUEBLO, Colo.", "KOAA"),
    ("DENVER — The state’s unemployment rate fell to 3.9%.", "DENVER", None),
    ("ST. LOUIS — A jury awarded $2 million to the family.", "ST. LOUIS", None),
    ("WASHINGTON, D.C. — The hearing lasted six hours.", "WASHINGTON, D.C.", None),
    ("SAN JUAN, Puerto Rico (AP) — Power was restored.", "SAN JUAN, Puerto Rico", "AP"),
    # the opening parenthesis lost in copying
    ("The Texas Tribune) Lawmakers on Monday passed a bill on groundwater.", None, "The Texas Tribune"),
])
def test_outlet_tags_and_datelines_stay_in_the_body(lede, dateline, outlet):
    m = meta(f"Some headline for the story\n\n{lede}\n\nA second paragraph follows here.")
    assert m.dateline == dateline
    assert m.outlet == outlet
    assert m.body.startswith(lede)  # part of the printed lede
    check_spans(m)


@pytest.mark.parametrize("lede", [
    "NASA said on Monday that the launch would slip a week.",
    "US officials — speaking on condition of anonymity — said talks stalled.",
    "BREAKING — The governor has resigned.",
    "The mayor (D) said the budget was balanced.",
    "(Updated at 5 p.m.) Traffic is moving again on I-25.",
    "Peters (R) - a former clerk - spoke first.",
    "(Reporting from the border) — the crossing was quiet.",
])
def test_no_dateline_or_tag_in_ordinary_ledes(lede):
    m = meta(f"Officials respond to the storm\n\n{lede}\n\nMore text follows.")
    assert m.dateline is None
    assert m.outlet is None
    assert m.body.startswith(lede)


# ----------------------------------------------------------------------------- dates


def test_inline_date_marker_is_removed_and_read():
    m = meta(" date 2024-11-18 BOULDER, Colo. (KUSA) – The university announced a tuition freeze.")
    assert m.published == "2024-11-18"
    assert m.body.startswith("BOULDER, Colo. (KUSA) – The university")
    assert m.dateline == "BOULDER, Colo."
    assert m.outlet == "KUSA"
    check_spans(m)


@pytest.mark.parametrize("header, published, updated", [
    ("Published May 5, 2025", "2025-05-05", None),
    ("Published: 2024-02-29T08:15:00Z", "2024-02-29", None),
    ("Updated 3:04 PM EDT, Tue May 6, 2025", None, "2025-05-06"),
    ("Published 9:12 AM EDT, Mon May 5, 2025 | Updated 3:04 PM EDT, Tue May 6, 2025", "2025-05-05", "2025-05-06"),
    ("Posted on Monday, March 3, 2025 at 10:30 a.m.", "2025-03-03", None),
    ("June 14, 2023", "2023-06-14", None),
    ("Date: 12 January 2022", "2022-01-12", None),
])
def test_date_lines_in_the_header(header, published, updated):
    m = meta(f"Transit fares to rise\n{header}\n\nFares will rise 25 cents in July, the agency said.")
    assert m.published == published
    assert m.updated == updated
    assert m.title == "Transit fares to rise"
    assert m.body == "Fares will rise 25 cents in July, the agency said."


def test_dates_in_prose_are_not_publication_dates():
    m = meta("On May 5, 2025, the council voted to close the library.\n\nIt reopens in 2026.")
    assert m.published is None
    assert m.body.startswith("On May 5, 2025")


def test_unparsable_marker_is_left_alone():
    m = meta("Published sometime last week, the report drew criticism.\n\nMore text.")
    assert m.published is None
    assert m.body.startswith("Published sometime")


# ----------------------------------------------------------------------------- boilerplate


def test_trailing_credits_and_copyright_are_removed_and_kept():
    text = (
        "DENVER (AP) — The state will cap insulin costs at $35 a month starting in January.\n\n"
        "“This is about dignity,” the governor said.\n\n"
        "Associated Press writer Jim Ortega in Santa Fe contributed to this report.\n\n"
        "Copyright 2025 The Associated Press. All rights reserved. This material may not be "
        "published, broadcast, rewritten or redistributed."
    )
    m = meta(text)
    assert m.body.endswith("the governor said.")
    assert len(m.boilerplate) == 2
    assert m.boilerplate[0].startswith("Associated Press writer Jim Ortega")


@pytest.mark.parametrize("trailer", [
    "(Reporting by Lena Park; Editing by Mark Hill)",
    "The-KXYZ-Wire",
    "© 2025 Gray Media Group, Inc. All rights reserved.",
    "™ & © 2024 Example Broadcasting Company. All rights reserved.",
    "Staff writer Lee Chan contributed reporting.",
    "This story has been updated with comment from the mayor’s office.",
    "Follow Dana Ruiz on X @danaruiz",
])
def test_trailer_lines(trailer):
    m = meta(f"The plant will close in March, the company said.\n\n{trailer}")
    assert m.body == "The plant will close in March, the company said."
    assert m.boilerplate == [trailer]


@pytest.mark.parametrize("last", [
    "The lawsuit alleges copyright infringement by the streaming company.",
    "Volunteers contributed more than $2,000 to the fund.",
    "“We are not going anywhere,” she said.",
])
def test_prose_at_the_end_is_kept(last):
    m = meta(f"The plant will close in March, the company said.\n\n{last}")
    assert m.body.endswith(last)
    assert m.boilerplate == []


def test_read_more_lines_anywhere():
    text = ("The council approved the plan.\n\nREAD MORE: Council delays vote on housing plan\n\n"
            "Opponents vowed to appeal.\n\nRelated: What the plan means for renters\n\nThe vote was 5-2.")
    m = meta(text)
    assert m.body == "The council approved the plan.\n\nOpponents vowed to appeal.\n\nThe vote was 5-2."
    assert m.boilerplate == ["READ MORE: Council delays vote on housing plan",
                             "Related: What the plan means for renters"]


def test_full_wire_story():
    text = (
        "Judge blocks state’s new voting law\n"
        "By Sarah Kim and David Osei, Associated Press\n"
        "Updated 6:41 PM MDT, Thu June 12, 2025\n\n"
        "PHOENIX (AP) — A federal judge on Thursday blocked Arizona from enforcing a law that would "
        "have required proof of citizenship to vote in presidential elections.\n\n"
        "READ MORE: How the law would have worked\n\n"
        "The state’s attorney general said she would appeal.\n\n"
        "Associated Press writer Gabe Ruiz contributed.\n"
    )
    m = meta(text)
    assert m.title == "Judge blocks state’s new voting law"
    assert m.byline == ["Sarah Kim", "David Osei"]
    assert m.outlet == "Associated Press"
    assert m.dateline == "PHOENIX"
    assert m.published is None and m.updated == "2025-06-12"
    assert m.body.startswith("PHOENIX (AP) — A federal judge")
    assert m.body.endswith("she would appeal.")
    assert len(m.boilerplate) == 2
    check_spans(m)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=80), max_size=8))
def test_any_text_gives_a_body_made_of_its_lines_and_valid_spans(lines):
    text = normalize("\n".join(lines))
    m = extract_text_meta(text)
    check_spans(m)
    assert len(m.body) <= len(text)


# ----------------------------------------------------------------------------- hard-wrapped text

WRAPPED = """A federal judge on Thursday blocked the state from enforcing a law that
would have required voters to show proof of citizenship when registering
for presidential elections, siding with civil rights groups that sued.

The ruling came after a two-day hearing in which lawyers argued that the
measure would keep tens of thousands of eligible voters off the rolls.
Judge Maria Ortega wrote that the state had not shown that noncitizen
voting was more than a rare occurrence.

The attorney general said her office would appeal."""


def test_hard_wrapped_first_line_is_not_a_headline_and_paragraphs_are_joined():
    m = meta(WRAPPED)
    assert m.title is None
    assert m.body.startswith("A federal judge on Thursday blocked the state from enforcing a law that "
                             "would have required voters")
    assert m.body.count("\n") == 4  # three paragraphs, one line each


def test_hard_wrapped_with_headline_and_wire_tag():
    m = meta("Judge blocks voter citizenship law\n\n"
             + WRAPPED.replace("A federal judge", "PHOENIX (AP) -- A federal judge", 1))
    assert m.title == "Judge blocks voter citizenship law"
    assert (m.dateline, m.outlet) == ("PHOENIX", "AP")
    check_spans(m)


def test_a_first_line_continued_in_lowercase_is_not_a_headline():
    m = meta("Officials in three counties said on Monday that\nthe new voting rules would be delayed.")
    assert m.title is None


# ----------------------------------------------------------------------------- issue 15: more conventions
# (every name, outlet and story below is invented for the test)


def test_byline_with_title_and_outlet_after_a_bar():
    m = meta("Ski resort opens early\nBy Jana Holt | Contributor, Alpine Weekly\n\nSnow fell for three days.")
    assert (m.byline, m.outlet) == (["Jana Holt"], "Alpine Weekly")


def test_credit_line_gives_author_outlet_and_first_publication_date():
    m = meta("Clinic expands hours\n\nThe county clinic will open on Saturdays from June.\n\n"
             "This story by Ravi Menon appeared on Harbor Health Newsline on May 2, 2024.")
    assert m.byline == ["Ravi Menon"]
    assert m.outlet == "Harbor Health Newsline"
    assert m.original_date == "2024-05-02"
    assert m.body == "The county clinic will open on Saturdays from June."
    assert m.boilerplate == ["This story by Ravi Menon appeared on Harbor Health Newsline on May 2, 2024."]


@pytest.mark.parametrize("stamp, published, updated", [
    ("Posted on 05/02/2024", "2024-05-02", None),
    ("Published: March 3, 2025 at 9:15 a.m. CST", "2025-03-03", None),
    ("Updated May 2, 2024 at 6:23 PM ET", None, "2024-05-02"),
    ("May. 2 2024, Updated 3:57 p.m. ET", "2024-05-02", None),
    ("todayMay 2, 2024", "2024-05-02", None),  # a widget label glued to the date when copied
])
def test_posted_published_updated_stamps(stamp, published, updated):
    m = meta(f"Orchard harvest starts late\n{stamp}\n\nGrowers began picking apples on Monday.")
    assert (m.published, m.updated) == (published, updated)
    assert m.title == "Orchard harvest starts late"
    assert m.body == "Growers began picking apples on Monday."


@pytest.mark.parametrize("line, names, outlet", [
    ("KXYZ's Ana Ruiz", ["Ana Ruiz"], "KXYZ"),
    ("Harbor Daily Staff Report", [], "Harbor Daily"),
    ("Tom Reyes - Author", ["Tom Reyes"], None),
    ("Author: Mei Lin", ["Mei Lin"], None),
    ("By Digital Desk", [], None),
])
def test_signatures_without_by(line, names, outlet):
    m = meta(f"Ferry service resumes\n{line}\n\nThe ferry carried 300 passengers on its first day back.")
    assert (m.byline, m.outlet) == (names, outlet)
    assert m.body == "The ferry carried 300 passengers on its first day back."


@pytest.mark.parametrize("headline", ["Mayor's Plan Stalls in Council", "Jobs Report Beats Forecasts"])
def test_headlines_are_not_signatures(headline):
    m = meta(f"{headline}\n\nThe council put off the vote until June.")
    assert m.title == headline and m.byline == [] and m.outlet is None


@pytest.mark.parametrize("lede, dateline, outlet", [
    ("Associated PressCHICAGO — Transit fares rise next month.", "CHICAGO", "Associated Press"),
    ("(RIVERTON) — Crews reopened the bridge on Friday.", "RIVERTON", None),
    ("(NEW HAVEN) — The strike ended after nine days.", "NEW HAVEN", None),
    ("(KRDO) — Crews reopened the bridge on Friday.", None, "KRDO"),
    ("PARIS, France -- The museum reopened on Friday.", "PARIS, France", None),
])
def test_glued_agency_and_parenthesized_datelines(lede, dateline, outlet):
    m = meta(f"Some headline for the story\n\n{lede}\n\nA second paragraph follows here.")
    assert (m.dateline, m.outlet) == (dateline, outlet)
    assert m.body.startswith(lede)
    check_spans(m)


def test_full_lede_found_below_page_furniture():
    m = meta("Markets\n\nTech shares slide\n\nInvestors sold chipmakers.\n\nShare\n\nSaved for later\n\n"
             "LONDON (Reuters) - Technology shares fell for a third day on Tuesday.")
    assert (m.dateline, m.outlet) == ("LONDON", "Reuters")


def test_page_boilerplate_leaves_headline_and_body_but_stays_in_the_record():
    widget = "Go to Admin » Appearance » Widgets » and move the Social widget into the header zone"
    text = (f"{widget}\nCity adds bike lanes downtown\n\nWork on six new lanes starts in April.\n\n"
            "Article continues below advertisement\n\nShare on Facebook | Share on X | Email\n\n"
            "Photo: Lena Ortiz/City Hall\n\nThe project costs $4 million.")
    m = meta(text)
    assert m.title == "City adds bike lanes downtown"
    assert m.body == "Work on six new lanes starts in April.\n\nThe project costs $4 million."
    assert m.boilerplate == [widget, "Article continues below advertisement",
                             "Share on Facebook | Share on X | Email", "Photo: Lena Ortiz/City Hall"]


def test_section_label_above_the_headline_is_not_the_title():
    m = meta("Local News\n\nTeachers approve new contract with district\n\nMarch 4, 2025\n\n"
             "Teachers voted 412-38 to approve the deal.")
    assert m.title == "Teachers approve new contract with district"
    assert m.published == "2025-03-04"
    assert "Local News" in m.boilerplate


def test_copyright_line_names_the_publisher():
    m = meta("Dam inspection finds cracks\n\nInspectors found cracks in the spillway.\n\n"
             "Copyright © 2024, Valley Audio Network. All rights reserved.")
    assert m.outlet == "Valley Audio Network"


@pytest.mark.parametrize("body, outlet", [
    # contact and verification phrases: the outlet speaking of itself
    ("The company did not respond when contacted by Harbor Business Insider on Friday.",
     "Harbor Business Insider"),
    ("A memo later shared with Metro Daily News set out the plan. Metro Daily News has not verified "
     "every figure.", "Metro Daily News"),
    # a single "told OUTLET" is as often a citation of another outlet's interview
    ("The senator told Capitol Radio News that the bill would pass.", None),
    # "told the FBI" names an agency, not an outlet
    ("The witness told the FBI what she saw. The FBI has not confirmed her account.", None),
])
def test_outlet_named_as_itself(body, outlet):
    assert meta(f"Headline of the story here\n\n{body}").outlet == outlet


def test_pasted_page_title_and_widget_word_above_the_headline():
    m = meta("Quantcast\nHarbor ferry fares rise in June – Coastline Daily\n\nHarbor ferry fares rise in June\n\n"
             "Fares will rise by 8 percent on June 1, the transport board said Tuesday.")
    assert m.title == "Harbor ferry fares rise in June"
    assert m.outlet == "Coastline Daily"
    assert m.body == "Fares will rise by 8 percent on June 1, the transport board said Tuesday."
    assert m.boilerplate == ["Quantcast", "Harbor ferry fares rise in June – Coastline Daily"]


def test_a_one_word_lede_line_is_not_dropped():
    m = meta("Breaking.\n\nThe bridge reopened Friday after months of work.")
    assert m.body.startswith("Breaking.")


@pytest.mark.parametrize("text, stamps", [
    (" date 2024-11-18 BOULDER, Colo. (KUSA) – The university announced a tuition freeze.",
     ["date 2024-11-18"]),
    ("Transit fares to rise\nUpdated Oct. 4, 2025 at 9:10 AM ET\n\nFares will rise 25 cents in July.",
     ["Updated Oct. 4, 2025 at 9:10 AM ET"]),
    ("Transit fares to rise\nJune 14, 2023\n\nFares will rise 25 cents in July, the agency said.",
     ["June 14, 2023"]),
    ("Transit fares to rise\ntodayJune 14, 2023\n\nFares will rise 25 cents in July, the agency said.",
     ["June 14, 2023"]),  # the widget label glued to the date is not part of it
    ("Transit fares to rise\n\nFares will rise 25 cents in July, the agency said on June 14, 2023.", []),
])
def test_date_stamps_are_kept_as_printed(text, stamps):
    assert meta(text).stamps == stamps


@pytest.mark.parametrize("line, month", [
    (" date 2023-08 Crews restored power to the valley after the storm.", "2023-08"),
    ("Published: September 2021 Crews restored power to the valley after the storm.", "2021-09"),
])
def test_month_only_date_marker_gives_the_month(line, month):
    m = meta(line)
    assert m.published is None and m.published_month == month
    assert m.body == "Crews restored power to the valley after the storm."
    assert m.stamps == [line.strip()[: -len(m.body)].strip()]
