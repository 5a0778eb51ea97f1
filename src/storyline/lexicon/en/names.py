"""Word lists for people's names and the names of organizations and places
(:mod:`storyline.analyze.entities.extract`, :mod:`storyline.analyze.entities.names`,
:mod:`storyline.story.resolve`).

Sources: general English usage, written down by hand, none of it from an evaluation set: titles and
ranks of English news style (AP Stylebook titles), the closing words of company, agency, facility
and geographic names (legal-form suffixes such as Inc./Ltd./GmbH, the generic parts of place names),
the common English short forms of given names (hypocoristics as listed in English dictionaries),
honorifics, office words and role nouns of English news (AP Stylebook titles; closed classes written
by hand, spaCy ships no title lexicon), the AP-style abbreviations and USPS postal codes of the US
states, and common country short forms.

Context evidence for an entity's type (:mod:`storyline.analyze.entities.context`): the prefixes of
named storms (WMO tropical-cyclone naming and the European windstorm naming of the national
weather services: "Hurricane X", "Typhoon X", "Storm X"); the closing words of sports club names
(association-football and general club naming conventions: "X United", "X Rovers", "X FC"); the
verbs of a sports result ("beat", "drew with"; sports-report English); spatial prepositions (the
English locative prepositions of CGEL ch. 7); offices held over a place or over a company (AP
Stylebook titles); the nouns that name a piece of software, a device, a medicine or a vessel
(general English; merchant and naval ship prefixes); the nouns of a company's shares (general
business English).
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
# The heads of organization names that are never a person's surname ("Example Media Group",
# "Lakeside University", "Northwind Ltd"): company legal forms, media and institution nouns. Bylines
# use these alone (a credit ending in one is an organization); surnames that are also such words
# (Post, Press, Hall, Park ...) are deliberately left out of this set.
ORG_HEADS = frozenset("""
inc llc ltd gmbh corp corporation company plc ag sa group media network networks news magazine
university institute foundation association society agency department ministry communications
publishing publications productions studios online
""".split())
# Words that end (or make up) the name of an organization or a place, never of a person
# ("Harbor Patrol", "Lakeview Capital", "Elm Street Bridge", "Blue Fin Ocean"): a span the NER
# typed PERSON that ends with one is not a person; a "Given Surname" span with one stays what the
# NER said. The ORG_HEADS and the words of organizations and places that can also be surnames.
ORG_NAME_WORDS = ORG_HEADS | frozenset("""
co holdings holding capital global partners associates bros brothers sons motor ventures investments
bank bancorp trust fund insurance financial securities exchange airlines airways air lines shipping
marine maritime logistics freight systems technologies technology tech labs software times post
journal press tribune herald gazette daily weekly radio tv television broadcasting pictures
entertainment records foods motors energy oil gas power electric pharmaceuticals pharma health
healthcare hospital clinic college school academy council committee commission office bureau police
guard army navy force forces corps marines patrol fire rescue service services authority court
church club fc team league federation app union party state county city ocean sea river lake bay
island islands mountain mountains valley park bridge street avenue road highway tower centre center
hall stadium arena airport station port harbor harbour museum library theatre theater module mission
program programme project
""".split())
FACILITY_WORDS = frozenset("""bridge street avenue road highway tower hall stadium arena airport
station port harbor harbour museum library theatre theater park""".split())
PLACE_WORDS = frozenset("ocean sea river lake bay island islands mountain mountains valley".split())
# Words in front of a name that make it the name of a weather event, never of a person ("Storm
# Delia", "Hurricane Ian", "Tropical Storm X", "Super Typhoon X"): WMO tropical-cyclone naming and
# the storm naming of the European weather services.
NAMED_STORM_WORDS = frozenset("storm hurricane typhoon cyclone tropical super winter windstorm".split())
# Nouns of a ship or a craft right before its name ("the cargo ship X", "the tanker X", "the lander
# X"), and the prefixes of ship names (merchant and naval ship prefixes: MV, SS, HMS, USS, RMS, MT):
# the name is a vehicle (PRODUCT), never a person (general English; ship-prefix conventions).
VESSEL_NOUNS = frozenset("""ship vessel tanker freighter ferry yacht submarine trawler barge liner frigate
destroyer carrier spacecraft lander rover satellite telescope drone aircraft""".split())
SHIP_PREFIXES = frozenset("mv ss hms uss rms mt".split())
# Closing words of sports club names ("X United", "X Rovers", "X FC", "X Athletic"): a name that ends
# with one is a club (an organization), never a person or a place. Association-football and general
# club naming conventions; "City"/"Town"/"County" are left out (they end place names too), a match
# context decides for those (SPORTS_RESULT_VERBS).
CLUB_SUFFIXES = frozenset("""united rovers wanderers athletic athletico albion rangers hotspur fc afc cf sc
ac sporting dynamo olympique""".split())
# Verbs of a sports result ("Eastbay beat Northfield 2-1", "drew with", "lost to"): with a score in the
# sentence, the names they join are teams (organizations). Sports-report English.
SPORTS_RESULT_VERBS = frozenset("""beat defeat edge thrash rout overcome draw tie lose outscore
outplay stun upset down""".split())
# Closing words of the name of a party or a league of members ("the Civic Union", "the Green Front"):
# a name the NER typed as a place that ends with one is an organization (general English).
POLITICAL_BODY_WORDS = frozenset("party union league alliance front movement coalition bloc federation".split())
# Prepositions that put a name in a place ("in Portwell", "near Eastbay"): a name the NER typed
# PERSON right after one is a place (English locative prepositions).
PLACE_PREPOSITIONS = frozenset("in near outside across throughout inside around".split())
# Offices held over a place: "the mayor of X", "X mayor" → X is a place (AP Stylebook titles).
PLACE_OFFICES = frozenset("mayor governor premier sheriff councillor alderman".split())
# Nouns of a kind of place: "the town of X", "the island of X", "the province of X" → X is a place
# (general English).
PLACE_KIND_NOUNS = frozenset("""town city village island province state county region district capital
municipality borough parish suburb neighbourhood neighborhood""".split())
# Words that, with a name in front or after "of", make it a company: "X chief executive",
# "shares of X", "X shareholders" (general business English; AP Stylebook titles of a company).
COMPANY_CONTEXT_NOUNS = frozenset("""ceo cfo coo executive chairman chairwoman shareholder
shareholders share shares stock subsidiary""".split())
# Nouns of a piece of software, a device or a medicine: "the X app", "an assistant app called X",
# "X, a heart drug" name a product, not a person or a place (general English).
PRODUCT_NOUNS = frozenset("""app apps application software platform phone smartphone tablet laptop
device browser chatbot console game website headset drug vaccine medicine medication pill""".split())
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


# --- moved from analyze/entities/names.py: titles, roles, organization heads, country and state names
# Honorifics and office words that, in front of a name, make it a PERSON and are not part of the name.
HONORIFICS = frozenset("""
mr mrs ms miss mx dr prof sir dame lord lady rev fr
""".split())
# The words of OFFICE_WORDS that only qualify an office ("state senator", "acting director"): part of a
# title, but they do not say what the person is.
OFFICE_MODIFIERS = frozenset(("state", "u.s.", "us", "federal", "former", "acting", "interim"))
OFFICE_WORDS = frozenset("""
president vice gov governor lt sen senator rep representative congressman congresswoman
judge magistrate justice chief attorney general secretary minister prime chancellor mayor sheriff
clerk commissioner director deputy assistant ambassador gen lieutenant col colonel capt captain
sgt sergeant maj major adm admiral officer detective agent inspector superintendent speaker
leader chairman chairwoman chair ceo cfo coo founder spokesman spokeswoman spokesperson
prosecutor district pardon solicitor treasurer auditor assessor recorder councilman
councilwoman councilor alderman trustee pope king queen prince princess bishop cardinal rabbi
imam pastor coach manager executive editor reporter anchor host strategist activist
""".split()) | OFFICE_MODIFIERS
# Nouns that head a description of a person ("the former clerk", "a Trump loyalist").
ROLE_NOUNS = frozenset("""
president governor senator representative congressman congresswoman judge magistrate justice attorney
general secretary minister chancellor mayor sheriff clerk commissioner director deputy
ambassador officer detective agent inspector superintendent speaker leader chairman chairwoman
chair ceo founder spokesman spokeswoman spokesperson prosecutor lawyer solicitor treasurer
auditor recorder councilman councilwoman councilor trustee official administrator adviser
advisor aide ally loyalist activist strategist candidate nominee lawmaker legislator politician
democrat republican executive manager coach editor reporter host anchor analyst expert
professor researcher scientist doctor physician nurse student teacher pastor bishop priest
rabbi imam actor actress singer rapper author writer player captain commander soldier
witness victim suspect defendant plaintiff inmate prisoner convict hacker employee worker
owner chief head member supporter critic opponent denier theorist heroine hero commentator
pundit donor operative consultant counsel investigator examiner monitor warden guard
""".split())
# Head nouns by which a news text goes on to refer to an organization it named ("the department").
ORG_HEAD_NOUNS = frozenset("""department agency bureau office court commission committee board
company firm ministry council university college party campaign union corporation network
newspaper administration service authority institute foundation center""".split())
# Common nouns that a text capitalizes when it means one body or post it has in mind ("this Court",
# "the Department", "the State"): a description, never a name by themselves.
GENERIC_NOUNS = ORG_HEAD_NOUNS | ROLE_NOUNS | frozenset(
    "state government nation country city county district agency panel jury".split())
# Words of the name of a public body or a building, which usually open with the name of their
# place ("X Police Department", "X County Council", "X Bridge"): the place's name alone is not such
# a body (institution heads, facility and place words above, and the public services of a place).
INSTITUTION_WORDS = ORG_HEAD_NOUNS | FACILITY_WORDS | PLACE_WORDS | PLACE_KIND_NOUNS | frozenset(
    "police fire sheriff school schools hospital zoo transit water utilities government".split())
# Party affiliations: "X, a Democrat" says which party, not which office.
AFFILIATION_NOUNS = frozenset("""democrat democrats republican republicans independent independents
libertarian libertarians socialist socialists communist communists conservative conservatives
liberal liberals progressive progressives""".split())
# Abbreviated titles and the role nouns a later description may use for the same office
# ("Rep. Boebert" … "the congresswoman"; "Gov. Polis" … "the governor").
TITLE_EXPANSIONS = {
    "gov": {"governor"}, "sen": {"senator", "lawmaker"}, "rep": {"representative", "congressman",
    "congresswoman", "lawmaker"}, "representative": {"congressman", "congresswoman", "lawmaker"},
    "senator": {"lawmaker"}, "congressman": {"lawmaker"}, "congresswoman": {"lawmaker"},
    "lt": {"lieutenant"}, "atty": {"attorney"}, "gen": {"general"}, "sec": {"secretary"},
    "pres": {"president"}, "supt": {"superintendent"}, "det": {"detective"}, "sgt": {"sergeant"},
    "capt": {"captain"}, "col": {"colonel"}, "adm": {"admiral"}, "dr": {"doctor"},
    "prof": {"professor"}, "justice": {"judge"}, "magistrate": {"judge"},
}
# Words before a role that say when it was held, relative to the report (former, then, now); see
# ``lexicon.en.claims.TITLE_QUALIFIERS`` for the title claims' wider set.
QUALIFIERS = {"former": "former", "ex": "former", "onetime": "former", "one-time": "former",
              "erstwhile": "former", "then": "then", "now": "now", "current": "now",
              "currently": "now", "sitting": "now", "incumbent": "now"}
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
# Words written in lower case inside a capitalized name or title ("Department of State", "Bank
# of the West", "Banco de la Plaza Mayor"): the articles, coordinating conjunctions and short
# prepositions that English title case leaves lower case (Chicago Manual of Style, 17th ed.,
# 8.159), with the Spanish/French particles of organization and outlet names. One list for names,
# outlets, acronyms and quoted titles.
MINOR_WORDS = frozenset({"a", "an", "the", "of", "in", "on", "at", "to", "for", "with", "by", "and", "or", "&",
                         "de", "la", "el"})
# "X Department" and "Department of X" name the same body; only for these heads, where the
# inversion is regular English usage (the State Department / the Department of State).
INVERTIBLE_HEADS = frozenset({"department", "ministry", "office", "bureau"})
# Common country short forms (closed, small; GPE only).
GPE_ALIASES = {
    "u.s.": "united states", "us": "united states", "u.s.a.": "united states", "usa": "united states",
    "america": "united states", "united states of america": "united states",
    "the united states": "united states", "u.k.": "united kingdom", "uk": "united kingdom",
    "britain": "united kingdom", "great britain": "united kingdom",
}

# US states: AP-style abbreviations ("Colo.", "Calif.", "N.M.") and postal codes ("CO", "NM") — a
# closed list of general knowledge, used only for names the NER already typed GPE.
_US_STATES = """alabama:ala.:al alaska::ak arizona:ariz.:az arkansas:ark.:ar california:calif.:ca
colorado:colo.:co connecticut:conn.:ct delaware:del.:de florida:fla.:fl georgia:ga.:ga hawaii::hi
idaho::id illinois:ill.:il indiana:ind.:in iowa::ia kansas:kan.:ks kentucky:ky.:ky louisiana:la.:la
maine::me maryland:md.:md massachusetts:mass.:ma michigan:mich.:mi minnesota:minn.:mn
mississippi:miss.:ms missouri:mo.:mo montana:mont.:mt nebraska:neb.:ne nevada:nev.:nv
new_hampshire:n.h.:nh new_jersey:n.j.:nj new_mexico:n.m.:nm new_york:n.y.:ny
north_carolina:n.c.:nc north_dakota:n.d.:nd ohio::oh oklahoma:okla.:ok oregon:ore.:or
pennsylvania:pa.:pa rhode_island:r.i.:ri south_carolina:s.c.:sc south_dakota:s.d.:sd
tennessee:tenn.:tn texas::tx utah::ut vermont:vt.:vt virginia:va.:va washington:wash.:wa
west_virginia:w.va.:wv wisconsin:wis.:wi wyoming:wyo.:wy"""
for _entry in _US_STATES.split():
    _full, _ap, _postal = _entry.split(":")
    _full = _full.replace("_", " ")
    if _ap:
        GPE_ALIASES[_ap] = _full
        GPE_ALIASES[_ap.replace(".", "")] = _full
    GPE_ALIASES[_postal] = _full
GPE_ALIASES["n.mex."] = "new mexico"
GPE_ALIASES["calif"] = "california"
