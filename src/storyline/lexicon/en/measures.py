"""Word lists for open-domain quantity claims (:mod:`storyline.analyze.claims.measures`).

Sources, so that nothing here is fitted to one story:

* units: the unit names and common abbreviations of the SI brochure and US customary units as pint
  spells them (pint does the conversion; this table only says which news words are units, leaving
  out words that are units only in rare senses: "point", "line", "hand", "stone", "bar");
* approximation and bound words: the quantity hedges listed in English grammars (Quirk et al.,
  approximators and bounders), the same ones news style guides discuss for rounded figures;
* ``EVENT_CLASSES``: synonym sets of common news event verbs, each set one WordNet verb synset
  family (e.g. rescue.v.01 with its "pull out/save" hyponyms), written down by hand because WordNet
  data is not installable from PyPI here; a lemma not listed is its own class;
* ``GENERIC_PREDICATES``: light, copular, reporting and possession verbs (Levin 1993 classes 29,
  37, 54) that say nothing about what a number counts;
* ``NOUN_CLASSES``: singular/plural and collective forms of person nouns that name the same count
  ("people", "persons", "individuals");
* ``IRREGULAR_PLURALS`` and ``COLLECTIVE_NOUNS``: the irregular plurals of the person nouns counts
  name, and collective nouns that take no plural for a group (Quirk et al. 1985, §5.74-5.87
  irregular plurals, §5.108 collective nouns);
* ``MARGIN_VERBS`` / ``MARGIN_NOUNS``: the verbs of winning and losing a contest (WordNet win.v.01,
  lose.v.02, beat.v.01, lead.v.04 "be ahead", trail.v.03 "lag behind", decide.v.02 with a contest as
  its subject) whose "by" phrase is the difference between the sides (Quirk et al. 1985, §9.49 the
  "by" of measure: "won by 1,214 votes", "lost by three points"), and the nouns that name that
  difference ("a margin of 12 seats");
* ``TOLL_NOUNS``: "toll" in its sense of "the number of deaths (or casualties) arising from an
  accident, disaster or war" (Merriam-Webster toll n. 3, Oxford "death toll"): "the death toll rose
  to 15" counts the dead; a compound says when it counts something else ("injury toll");
* ``SCOPE_VERBS``: verbs whose subject names an act and whose object is what the act reaches
  (WordNet cover.v.01 "include in scope", affect.v.01, involve.v.01, span.v.01, encompass.v.01):
  "the recall covers 220,000 bottles" counts what was recalled;
* ``CHANGE_DIRECTIONS``: the verbs of ``CHANGE_VERBS`` and their near synonyms split by the way they
  move a value (Levin 1993 §45.6 calibratable change of state; WordNet increase.v.02/decrease.v.02
  hyponyms): "shares rose 29%" and "stock jumped 31%" report one change; ``EQUITY_NOUNS``: "shares"
  and "stock" as the thing whose price changes;
* ``HOSPITAL_NOUNS`` / ``CARRY_VERBS``: "admitted to hospital", "taken to hospital", "rushed to a
  clinic" are hospitalizations (WordNet hospitalize.v.01 "admit into a hospital"; the carrying verbs
  are Levin 1993 §11.1 "send" and §11.4 "carry" verbs with "admit"); ``HOME_NOUNS``: "forced 4,000
  people from their homes", "drove them out of their homes" displace them (WordNet displace.v.03);
* ``SCALE_NAMES`` / ``SCALE_THINGS``: readings on a named scale ("a magnitude 6.8 earthquake",
  "a Category 4 hurricane"; USGS magnitude and NHC Saffir-Simpson usage), and the words for one
  earthquake ("quake", "tremor", "temblor");
* ``RATE_ADVERBS``: the adverbs of frequency that make an amount a rate per unit of time ("$12
  million annually"; Quirk et al. 1985, §8.64 frequency adjuncts).
"""

from __future__ import annotations

# word → pint unit name (lower-case keys; both singular and plural and the usual abbreviations)
PHYSICAL_UNITS: dict[str, str] = {
    **{w: "foot" for w in ("foot", "feet", "ft")},
    **{w: "inch" for w in ("inch", "inches", "in.")},
    **{w: "yard" for w in ("yard", "yards", "yd")},
    **{w: "mile" for w in ("mile", "miles", "mi")},
    **{w: "nautical_mile" for w in ("nautical",)},
    **{w: "meter" for w in ("metre", "metres", "meter", "meters", "m")},
    **{w: "kilometer" for w in ("kilometre", "kilometres", "kilometer", "kilometers", "km", "kms")},
    **{w: "centimeter" for w in ("centimetre", "centimetres", "centimeter", "centimeters", "cm")},
    **{w: "millimeter" for w in ("millimetre", "millimetres", "millimeter", "millimeters", "mm")},
    **{w: "kilogram" for w in ("kilogram", "kilograms", "kilogramme", "kg", "kgs")},
    **{w: "gram" for w in ("gram", "grams", "gramme", "g")},
    **{w: "metric_ton" for w in ("tonne", "tonnes")},
    **{w: "short_ton" for w in ("ton", "tons")},
    **{w: "pound" for w in ("lb", "lbs")},
    **{w: "ounce" for w in ("ounce", "ounces", "oz")},
    **{w: "mile_per_hour" for w in ("mph",)},
    **{w: "kilometer_per_hour" for w in ("kph", "km/h", "kmph")},
    **{w: "knot" for w in ("knot", "knots")},
    **{w: "acre" for w in ("acre", "acres")},
    **{w: "hectare" for w in ("hectare", "hectares", "ha")},
    **{w: "liter" for w in ("litre", "litres", "liter", "liters")},
    **{w: "gallon" for w in ("gallon", "gallons")},
    **{w: "oil_barrel" for w in ("barrel", "barrels")},
}

# lemma of a time unit → seconds (durations are compared by the time layer, not here)
TIME_UNITS_SECONDS: dict[str, float] = {
    "second": 1, "minute": 60, "hour": 3600, "day": 86400, "week": 604800, "month": 2629800,
    "year": 31557600, "decade": 315576000, "century": 3155760000,
}

# adjective or noun written with a measure → the dimension it names
DIMENSION_WORDS: dict[str, str] = {
    "long": "length", "length": "length", "wide": "width", "width": "width", "broad": "width",
    "tall": "height", "high": "height", "height": "height", "deep": "depth", "depth": "depth",
    "thick": "thickness", "thickness": "thickness", "heavy": "mass", "weigh": "mass",
    "weight": "mass", "mass": "mass", "span": "length", "diameter": "diameter",
    "altitude": "altitude", "distance": "distance", "away": "distance", "speed": "speed",
    "fast": "speed",
}

# bounds and approximations written before a number (lower-case word sequences)
LOWER_BOUND_WORDS = frozenset({
    "more than", "over", "at least", "upwards of", "in excess of", "no fewer than",
    "no less than", "a minimum of", "above", "exceeding", "beyond", "after", "shortly after",
    "just after", "soon after"})
UPPER_BOUND_WORDS = frozenset({
    "up to", "as many as", "as much as", "at most", "no more than", "fewer than", "less than",
    "under", "below", "a maximum of", "not more than"})
NEARLY_WORDS = frozenset({"nearly", "almost", "just under", "close to", "just shy of", "shy of",
                          "shortly before", "just before"})
APPROX_WORDS = frozenset({
    "about", "around", "roughly", "approximately", "some", "an estimated", "estimated",
    "nearly about", "circa", "approx.", "or so", "just over", "just about"})

# synonym classes of event predicates (lemma → class name)
_CLASSES: dict[str, tuple[str, ...]] = {
    "rescue": ("rescue", "save", "pull", "airlift", "extract"),
    "kill": ("kill", "die", "dead", "death", "perish", "fatality"),
    "injure": ("injure", "hurt", "wound", "injured", "injury"),
    "hospitalize": ("hospitalize", "hospitalise", "hospitalization", "hospitalisation"),
    "miss": ("miss", "missing", "unaccounted", "disappear"),
    "destroy": ("destroy", "raze", "level", "flatten", "obliterate", "gut", "burn"),
    "damage": ("damage", "harm"),
    "displace": ("displace", "evacuate", "flee", "uproot"),
    "arrest": ("arrest", "detain", "apprehend"),
    "attend": ("attend", "watch"),
    "begin": ("begin", "start", "commence", "initiate"),
    "end": ("end", "finish", "conclude", "complete", "wrap"),
    "land": ("land", "touch", "touchdown", "landing", "soft-land", "alight"),
    "lose": ("lose", "loss", "swindle", "defraud", "steal", "take", "embezzle", "wipe", "siphon"),
    "employ": ("employ", "hire", "staff"),
    "cut": ("cut", "lay", "layoff", "eliminate", "shed"),
    "vote": ("vote", "ballot"),
    "score": ("score", "net", "goal", "strike"),
    "fine": ("fine", "penalty", "penalize", "penalise"),
    # one change of ownership, told by the buyer's or the seller's verb or by its noun
    "acquire": ("acquire", "buy", "purchase", "acquisition", "takeover", "buyout", "deal"),
    "win": ("win", "defeat", "beat", "garner", "capture", "secure", "receive", "earn", "gain"),
}
EVENT_CLASSES: dict[str, str] = {w: cls for cls, words in _CLASSES.items() for w in words}

GENERIC_PREDICATES = frozenset({
    "be", "have", "include", "say", "tell", "report", "add", "note", "state", "make", "do", "get",
    "give", "go", "come", "see", "show", "put", "set", "bring", "call", "become", "seem",
    "remain", "stay", "keep", "find", "know", "think", "believe", "according", "involve",
    "contain", "comprise", "total", "number", "reach", "hit", "rise", "fall", "increase",
    "decrease", "grow", "climb", "drop", "stand", "like", "other", "more", "many", "least",
    # equivalence: "one Martian year, which translates to 687 Earth days" restates a value
    "translate", "equal", "amount", "correspond", "equate", "mean", "convert"})

NOUN_CLASSES: dict[str, str] = {
    "people": "person", "person": "person", "persons": "person", "individual": "person",
    "resident": "person", "civilian": "person", "patient": "person", "man": "person", "woman": "person",
    "fan": "person", "spectator": "person", "attendee": "person", "supporter": "person",
    # "claimed 15 lives", "saved 300 lives": a life counted is a person
    "life": "person",
    "child": "child", "kid": "child", "son": "child", "daughter": "child",
    "house": "home", "home": "home", "dwelling": "home", "residence": "home",
    "building": "building", "structure": "building",
    # units of employment: a job cut is a worker laid off
    "job": "job", "position": "job", "post": "job", "role": "job", "employee": "job",
    "worker": "job", "staffer": "job", "staff": "job",
}

# "a mother of five": nouns whose "of <number>" counts children
KIN_NOUNS = frozenset({"father", "mother", "parent", "dad", "mom", "mum"})

# verbs whose object is asked for, proposed or risked rather than done ("prosecutors sought 50
# years", "he faces up to 20 years"): Levin's "want" and "advise" classes plus "face"/"risk"
PROPOSAL_VERBS = frozenset({
    "seek", "ask", "request", "recommend", "propose", "want", "demand", "urge",
    "suggest", "call", "push", "argue", "plan", "offer", "expect", "hope", "aim", "target"})

# verbs of what may befall someone ("faces up to 20 years"): with "up to", the maximum
RISK_VERBS = frozenset({"face", "risk", "carry", "threaten"})
MAXIMUM_WORDS = frozenset({"maximum", "max", "top", "most", "statutory"})
CHILD_NOUNS = frozenset({"child", "son", "daughter", "kid", "grandchild"})

# verbs of change whose subject names the quantity ("profit fell to $2 million", "sales reached
# $4bn"): Levin's "calibratable change of state" verbs (45.6)
CHANGE_VERBS = frozenset({
    "fall", "rise", "drop", "climb", "grow", "increase", "decrease", "decline", "jump", "slip",
    "reach", "total", "hit", "stand", "soar", "plunge", "sink", "surge", "dip", "shrink"})

# UTC offsets (minutes) of the zone abbreviations news text writes, as the tz database defines
# them; IST is read as India Standard Time, its use in international news (Irish and Israel
# Standard Time are written out in full there).
ZONE_OFFSETS = {"UTC": 0, "GMT": 0, "BST": 60, "CET": 60, "CEST": 120, "IST": 330, "JST": 540,
                "AEST": 600, "AEDT": 660, "HST": -600, "EST": -300, "EDT": -240, "CST": -360,
                "CDT": -300, "MST": -420, "MDT": -360, "PST": -480, "PDT": -420}

# places people go to watch or attend ("entering stadiums" counts spectators): general vocabulary
VENUE_NOUNS = frozenset({"stadium", "arena", "venue", "ground", "theatre", "theater", "hall",
                         "auditorium", "ballpark", "cinema"})

# how a count's noun is written in the plural when English does not add -s ("children"), and group
# nouns that stay as they are ("crew", "police")
IRREGULAR_PLURALS = {"child": "children", "person": "people", "man": "men", "woman": "women"}
COLLECTIVE_NOUNS = frozenset({"crew", "staff", "team", "police", "family", "board", "committee", "public"})

# "won by 1,214 votes", "trails by three points", "a margin of 12 seats": a difference, not a count
MARGIN_VERBS = frozenset({"win", "lose", "lead", "trail", "beat", "defeat", "edge", "decide", "carry",
                          "top", "outpoll", "outscore", "outvote"})
MARGIN_NOUNS = frozenset({"margin", "lead", "gap", "deficit"})

# "the death toll rose to 15", "a death toll of 30", "the toll stands at 41": the number of the dead
TOLL_NOUNS = frozenset({"toll"})
# the participle a class of harm is written with in a measure's description
HARM_PARTICIPLES = {"kill": "killed", "injure": "injured", "miss": "missing"}
# acts whose noun, counted, counts the people it befell ("17 deaths", "made 35 arrests")
PERSON_ACT_NOUNS = {**HARM_PARTICIPLES, "arrest": "arrested"}

# "the recall covers 220,000 bottles": a count of what the act named by the subject reaches
SCOPE_VERBS = frozenset({"cover", "affect", "involve", "span", "encompass"})

# "shares rose 29%", "stock jumped 31%": the direction of a change, whatever the verb
CHANGE_DIRECTIONS = {
    **{w: "rise" for w in ("rise", "jump", "climb", "gain", "soar", "surge", "increase", "grow",
                           "advance", "rally", "leap", "spike", "rocket", "swell")},
    **{w: "fall" for w in ("fall", "drop", "decline", "slip", "sink", "plunge", "tumble", "dip",
                           "slide", "shrink", "decrease", "slump", "sag", "crash")}}
EQUITY_NOUNS = frozenset({"share", "stock"})

# "admitted to hospital", "taken to hospital", "forced from their homes": the act is where they went
HOSPITAL_NOUNS = frozenset({"hospital", "clinic", "icu", "infirmary"})
CARRY_VERBS = frozenset({"admit", "take", "rush", "bring", "fly", "airlift", "send", "carry",
                         "transport", "transfer", "move", "evacuate"})
HOME_NOUNS = frozenset({"home", "house", "village", "town", "neighbourhood", "neighborhood"})
REMOVAL_VERBS = frozenset({"force", "drive", "chase", "push", "flee", "move"})

# "receive $48 a share", "paid $46 for each share", "values it at $47 a share": the verbs of a
# transfer for money (Levin 1993 §13.1 "give", §13.5.1 "get", §54.4 "price" verbs, with their
# converses), whose amount per unit is that unit's price whichever side the sentence takes
PRICE_VERBS = frozenset({"pay", "receive", "offer", "value", "price", "get", "bid", "fetch", "sell",
                         "buy", "acquire", "purchase", "cost"})

# "a magnitude 6.8 earthquake", "the 6.6-magnitude quake", "a Category 4 hurricane": a reading on a
# named scale (the moment-magnitude/Richter scales of seismology, the Saffir-Simpson categories),
# of the thing the scale word describes; ``SCALE_THINGS`` folds the news words for one thing
SCALE_NAMES = frozenset({"magnitude", "category"})
SCALE_THINGS = {"earthquake": "quake", "quake": "quake", "tremor": "quake", "temblor": "quake"}

# an amount followed by one of these is a rate per that unit ("$12 million annually")
RATE_ADVERBS = {"annually": "year", "yearly": "year", "monthly": "month", "weekly": "week", "daily": "day"}
