"""Word lists for people's names and the names of organizations and places
(:mod:`storyline.analyze.entities.extract`, :mod:`storyline.analyze.entities.names`,
:mod:`storyline.story.resolve`).

Sources: general English usage, written down by hand, none of it from an evaluation set: titles and
ranks of English news style (AP Stylebook titles), the closing words of company, agency, facility
and geographic names (legal-form suffixes such as Inc./Ltd./GmbH, the generic parts of place names),
and the common English short forms of given names (hypocoristics as listed in English dictionaries).
"""

from __future__ import annotations

# Occupations and ranks that stand in front of a name as a title ("Goalkeeper Ann Lee", "Lt. Cmdr.
# Lee", "Coroner Ann Lee"); with OFFICE_WORDS and ROLE_NOUNS, what may precede a given name in a
# span the NER tagged whole and still be a title, not part of the name. General English.
TITLE_PREFIX_WORDS = frozenset("""
rear vice cmdr deputy associate assistant senior junior chief head lead principal acting interim
goalkeeper keeper striker forward midfielder defender winger quarterback pitcher catcher coach
coroner pathologist surgeon physician nurse paramedic firefighter trooper constable marshal
pilot astronaut engineer economist chemist physicist biologist historian architect designer
photographer correspondent columnist producer director composer conductor novelist poet
cardinal archbishop reverend pastor father sister brother lady wife husband son daughter mother
""".split())
# Words that end (or make up) the name of an organization or a place, never of a person
# ("Harbor Patrol", "Lakeview Capital", "Elm Street Bridge", "Blue Fin Ocean"): a span the NER
# typed PERSON that ends with one is not a person; a "Given Surname" span with one stays what the
# NER said.
ORG_NAME_WORDS = frozenset("""
inc corp corporation co company ltd llc plc gmbh ag sa group holdings holding capital global
partners associates bros brothers sons motor
ventures investments bank bancorp trust fund insurance financial securities exchange airlines
airways air lines shipping marine maritime logistics freight systems technologies technology
tech labs software networks network media news times post journal press tribune herald gazette
daily weekly magazine radio tv television broadcasting studios pictures entertainment records
foods motors energy oil gas power electric pharmaceuticals pharma health healthcare hospital
clinic university college school academy institute foundation association society council
committee commission agency department ministry office bureau police guard army navy force
forces corps marines patrol fire rescue service services authority court church club fc team league
federation app
union party state county city ocean sea river lake bay island islands mountain mountains
valley park bridge street avenue road highway tower centre center hall stadium arena airport
station port harbor harbour museum library theatre theater module mission program programme
project
""".split())
FACILITY_WORDS = frozenset("""bridge street avenue road highway tower hall stadium arena airport
station port harbor harbour museum library theatre theater park""".split())
PLACE_WORDS = frozenset("ocean sea river lake bay island islands mountain mountains valley".split())
# Common English short forms of given names ("Joe" for "Joseph"): the same person when the rest of
# the name agrees. A closed list of general usage.
NICKNAMES = {
    "joe": "joseph", "joey": "joseph", "bill": "william", "will": "william", "billy": "william",
    "bob": "robert", "rob": "robert", "bobby": "robert", "jim": "james", "jimmy": "james",
    "mike": "michael", "tom": "thomas", "tommy": "thomas", "dick": "richard", "rick": "richard",
    "ted": "edward", "ed": "edward", "eddie": "edward", "ned": "edward", "dan": "daniel",
    "danny": "daniel", "dave": "david", "chris": "christopher", "matt": "matthew",
    "nick": "nicholas", "tony": "anthony", "steve": "steven", "andy": "andrew", "drew": "andrew",
    "ben": "benjamin", "sam": "samuel", "alex": "alexander", "greg": "gregory", "jeff": "jeffrey",
    "ken": "kenneth", "larry": "lawrence", "pete": "peter", "ron": "ronald", "don": "donald",
    "jon": "jonathan", "nate": "nathan", "pat": "patrick", "fred": "frederick", "hank": "henry",
    "harry": "henry", "jack": "john", "johnny": "john", "chuck": "charles", "charlie": "charles",
    "liz": "elizabeth", "beth": "elizabeth", "betty": "elizabeth", "kate": "katherine",
    "katie": "katherine", "kathy": "katherine", "jenny": "jennifer", "jen": "jennifer",
    "sue": "susan", "meg": "margaret", "maggie": "margaret", "peggy": "margaret", "patty": "patricia",
    "trish": "patricia", "vicky": "victoria", "becky": "rebecca", "abby": "abigail", "cathy": "catherine",
    "debbie": "deborah", "val": "valerie", "mandy": "amanda", "sandy": "sandra", "tina": "christina",
}

# Role words true of many people at once ("a board member", "the chief"): two outlets giving one
# person two of these, or one of these and a profession, do not describe two different people.
GENERIC_ROLE_WORDS = frozenset("""member chief head leader founder executive officer official owner
employee worker supporter critic ally chair chairman chairwoman director manager president""".split())
