"""Closed word lists the claim extractor keys on (general legal/political-news vocabulary).

These are small closed classes (number words, event verbs, office titles, reporting verbs, hedges),
written by hand because no installed library ships them as data: spaCy gives us the parse and the
lemma, and these lists say which lemmas matter for which canonical attribute.

Sources: general knowledge of English news style (AP-style court and politics reporting), English
number words and scale words, written by hand; not from any corpus or evaluation set.
"""

from __future__ import annotations

# --- numbers -------------------------------------------------------------------------------------
NUMBER_WORDS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "a": 1, "an": 1, "dozen": 12,
}
SCALE_WORDS: dict[str, int] = {
    "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000, "m": 1_000_000, "bn": 1_000_000_000, "k": 1_000,
}
# Currency signs and names with their ISO 4217 codes: the signs of the most traded currencies (ISO
# 4217 and the Unicode currency-symbol block) and their English names. "US$" is the sign a
# non-US outlet writes for the dollar.
CURRENCY_SIGNS: dict[str, str] = {"$": "USD", "us$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR"}
CURRENCY_NAMES: dict[str, str] = {"usd": "USD", "dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR",
                                  "pound": "GBP", "pounds": "GBP", "yen": "JPY", "rupee": "INR", "rupees": "INR"}
CURRENCY: dict[str, str] = CURRENCY_SIGNS | CURRENCY_NAMES

# Words before a number that bound it instead of stating it exactly (longest first).
QUANTITY_QUALIFIERS: tuple[tuple[str, str], ...] = (
    ("more than", "at_least"), ("at least", "at_least"), ("as many as", "at_most"),
    ("up to", "at_most"), ("fewer than", "at_most"), ("less than", "at_most"),
    ("no more than", "at_most"), ("over", "at_least"), ("nearly", "about"), ("almost", "about"),
    ("about", "about"), ("around", "about"), ("roughly", "about"), ("approximately", "about"),
    ("some", "about"), ("under", "at_most"),
)
# Markers that a count is provisional ("so far"): it may grow later without contradiction.
SO_FAR = ("so far", "thus far", "to date", "as of now", "yet")

# Words beside a span of time that make it a point relative to another time, or an age, rather than
# how long something lasts ("two years ago", "five years later", "ten years old", "three years
# into", "in the past two years", "since"): English temporal adverbs and prepositions of anteriority
# and posteriority (Quirk et al. 1985, §8.55-8.59, time-relationship adjuncts).
RELATIVE_TIME_WORDS = {"ago", "later", "earlier", "old", "into", "after", "before", "since", "previously",
                       "prior", "from", "past", "last", "next", "early", "late"}

TIME_UNITS = {"year": "year", "month": "month", "week": "week", "day": "day", "decade": "decade"}
SENTENCE_NOUNS = {"sentence", "term", "stint", "prison term"}
SENTENCE_VERBS = {"sentence"}
SERVE_VERBS = {"serve", "spend", "get", "receive", "face"}
PRISON_WORDS = {"prison", "jail", "bar", "custody", "incarceration", "penitentiary"}
# Head words of the name of a place of detention ("Harbor County Jail", "Ridge Correctional
# Facility"): a named place with one of these is where someone is held. Not PRISON_WORDS, which say
# that someone is imprisoned ("in custody", "behind bars") and name no place.
DETENTION_PLACE_WORDS = {"prison", "jail", "penitentiary", "facility", "correctional", "detention"}

CHARGE_NOUNS = {"charge", "count", "felony", "misdemeanor", "offense", "offence", "crime"}

# --- events whose dates and agents are claims ----------------------------------------------------
# lemma (verb or nominalization) -> canonical event name used in ``date_of:<event>``/``<event>_by``.
EVENT_LEMMAS: dict[str, str] = {
    "convict": "convicted", "conviction": "convicted",
    "sentence": "sentenced", "sentencing": "sentenced",
    "indict": "indicted", "indictment": "indicted",
    "charge": "charged", "arrest": "arrested", "arraign": "arraigned", "arraignment": "arraigned",
    "acquit": "acquitted", "acquittal": "acquitted", "prosecute": "prosecuted",
    "try": "tried", "trial": "tried", "plead": "pleaded", "pardon": "pardoned",
    "commute": "commuted", "release": "released", "file": "filed", "rule": "ruled",
    "ruling": "ruled", "appeal": "appealed", "jail": "jailed", "imprison": "jailed",
    "elect": "elected", "resign": "resigned", "resignation": "resigned", "fire": "fired",
    "appoint": "appointed", "nominate": "nominated", "confirm": "confirmed", "testify": "testified",
    "die": "died", "death": "died", "bear": "born",
}
# The nouns among them that name a dated event of their own ("the conviction on May 3", "her
# resignation in June"); a noun such as "sentence" or "charge" names a thing, not the act.
EVENT_NOUNS = {"conviction", "sentencing", "indictment", "arraignment", "acquittal", "trial", "ruling",
               "resignation", "death", "release", "arrest", "pardon", "appeal"}
# Events whose date claims are about the one the act happens to ("she was convicted", "he was
# born"): the patient, written in the passive.
PATIENT_EVENTS = {"convicted", "sentenced", "indicted", "charged", "arrested", "arraigned", "acquitted",
                  "prosecuted", "tried", "pardoned", "commuted", "released", "jailed", "elected",
                  "appointed", "nominated", "fired", "confirmed", "born"}
# Aspectual verbs of beginning and ending (Levin 1993 §55.1 "begin" verbs, §55.2 "complete"
# verbs): "the recall began on June 4", "the firm started its recall on June 6" date the start of
# the activity the noun names, whoever runs it → ``date_of:began`` / ``date_of:ended``.
ASPECT_VERBS = {"begin": "began", "start": "began", "commence": "began", "launch": "began",
                "end": "ended", "finish": "ended", "conclude": "ended", "complete": "ended",
                "stop": "ended", "cease": "ended"}
# Events whose agent ("by whom") is a checkable claim.
AGENT_EVENTS = {"convicted", "indicted", "prosecuted", "sentenced", "charged", "arrested",
                "acquitted", "tried", "pardoned", "appointed", "nominated", "fired"}

# --- speech and stance ---------------------------------------------------------------------------
# Verbs whose clause is someone else's assertion, not the reporter's: a claim under one is
# attributed. Not ``lexicon.en.quotes.SPEECH_VERBS`` (the cues of a quotation): these include the
# evidential verbs by which a poll, study or document reports content ("the study found that …")
# and "believe", and leave out the naming and manner-of-speaking verbs that frame a quotation
# ("called it …", "shouted"); tests/lexicon/test_concepts.py pins the difference.
ATTRIBUTION_VERBS = {"say", "tell", "claim", "allege", "argue", "assert", "maintain", "insist", "contend",
                     "state", "affirm", "write", "post", "announce", "report", "add", "note", "testify",
                     "acknowledge", "deny", "suggest", "declare", "confirm", "explain", "warn", "believe",
                     "accuse", "counter", "respond", "reply", "tweet", "dispute", "complain",
                     # evidential verbs: a source (poll, study, document) reports the content
                     "show", "estimate", "find", "reveal", "indicate", "predict", "conclude",
                     "calculate", "project", "demand", "admit", "concede", "promise"}
# Verbs and nouns that mark what they govern as asserted but not established by the reporter.
HEDGE_VERBS = {"claim", "allege", "contend", "purport", "dispute", "deny", "insist"}
HEDGE_NOUNS = {"claim", "allegation", "accusation", "assertion", "contention", "rumor", "theory"}
HEDGE_ADVS = {"reportedly", "allegedly", "purportedly", "supposedly", "apparently", "falsely",
              "baselessly", "unfoundedly", "wrongly"}
HEDGE_ADJS = {"alleged", "false", "unfounded", "baseless", "unproven", "unsubstantiated",
              "disputed", "debunked", "purported", "supposed", "discredited", "bogus"}

# --- offices and titles --------------------------------------------------------------------------
# Head nouns of office titles (lower case, after abbreviation expansion).
TITLE_ABBREVIATIONS: dict[str, str] = {
    "gov.": "governor", "gov": "governor", "sen.": "senator", "rep.": "representative",
    "lt.": "lieutenant", "atty.": "attorney", "gen.": "general", "sec.": "secretary",
    "pres.": "president", "supt.": "superintendent", "comm.": "commissioner", "amb.": "ambassador",
    "judge.": "judge", "mr.": "", "ms.": "", "mrs.": "", "dr.": "", "ex": "former",
}
TITLE_HEADS = {
    "president", "vice president", "governor", "lieutenant governor", "senator", "representative",
    "congressman", "congresswoman", "mayor", "clerk", "recorder", "sheriff", "judge", "justice",
    "magistrate", "attorney general", "district attorney", "prosecutor", "attorney",
    "pardon attorney", "secretary", "secretary of state", "commissioner", "director",
    "administrator", "chairman", "chairwoman", "chair", "chief", "ceo", "spokesperson",
    "spokesman", "spokeswoman", "speaker", "leader", "minister", "prime minister", "ambassador",
    "treasurer", "auditor", "councilman", "councilwoman", "council member", "lawmaker",
    "legislator", "official", "chancellor", "superintendent", "inspector general", "counsel",
    "solicitor general", "general", "colonel", "officer", "deputy", "assistant",
    "executive director", "founder", "head", "manager", "strategist", "adviser", "advisor",
}
# Words before an office title that say how it is held, for title claims: when (former, then,
# current) and in what capacity (acting, elect), so "acting director" and "director" are one office
# held two ways. Not ``lexicon.en.names.QUALIFIERS``, the entity roles' qualifiers: there only the
# time of holding (former, then, now) is a qualifier, and "acting", "interim", "elect" stay part of
# the role's title (an acting director is named as such); tests/lexicon/test_concepts.py pins it.
TITLE_QUALIFIERS = {"former": "former", "ex": "former", "then": "then", "then-": "then",
                    "onetime": "former", "one-time": "former", "erstwhile": "former",
                    "current": "current", "now": "current", "incumbent": "current",
                    "acting": "acting", "interim": "acting", "outgoing": "current",
                    "elect": "elect", "late": "former"}
PARTY_WORDS = {"republican", "democrat", "democratic", "gop", "independent", "libertarian",
               "conservative", "liberal", "progressive"}

# --- places --------------------------------------------------------------------------------------
JURISDICTION_WORDS = {"state", "federal", "county", "city", "municipal", "district", "national",
                      "u.s.", "us", "u.s", "local", "tribal", "military", "superior", "supreme",
                      "appeals", "appellate"}
# Modifiers naming a kind of body that excludes the others (a grand jury never convicts as a trial
# jury does; a bench trial has no jury).
EXCLUSIVE_KINDS = {"grand", "trial", "petit", "bench", "civil", "criminal"}

# --- how an act came about ------------------------------------------------------------------------
# Acts that come about in one of several mutually exclusive ways, each way with the verbs that say
# it (general knowledge of news English): a conviction follows a guilty plea or a verdict at trial;
# someone leaves a post of their own accord or is removed from it. Two reports giving different
# ways for the same person (and the same post) cannot both be right.
DEPARTURE_VOLUNTARY = frozenset({"resign", "quit", "retire", "abdicate"})
DEPARTURE_VOLUNTARY_PHRASAL = frozenset({("step", "down"), ("step", "aside")})
DEPARTURE_REMOVED = frozenset({"fire", "remove", "oust", "dismiss", "sack", "depose", "expel",
                               "unseat", "axe"})
DEPARTURE_REMOVED_PHRASAL = frozenset({("force", "out"), ("push", "out"), ("kick", "out"),
                                       ("vote", "out"), ("throw", "out")})
# a post named by its role belongs to the body it sits on ("resigned as chair" = left the board)
ROLE_BODY = {"chairman": "board", "chair": "board", "chairwoman": "board", "chairperson": "board",
             "director": "board", "trustee": "board", "member": "board"}
TRIAL_DECIDERS = frozenset({"jury", "juror", "jurors", "trial"})
# verbs that put the act under them in the future or in doubt ("threatened to resign")
UNREAL_GOVERNORS = frozenset({"threaten", "refuse", "plan", "consider", "decline", "want", "ask",
                              "urge", "call", "demand", "vow", "offer", "expect", "seek", "hope",
                              "intend", "deny", "weigh"})

# --- contests: who beat whom at which stage -------------------------------------------------------
# Nouns and verbs of winning a contest ("a win over", "beat"), and the stages of a tournament or an
# election that name one contest of a team or candidate (general sports and election vocabulary;
# "semi-final" and "semi final" are read as "semifinal"). A win named without its stage is not
# compared: a team wins many matches.
WIN_NOUNS = frozenset({"win", "victory", "triumph", "upset", "rout"})
WIN_VERBS = frozenset({"beat", "defeat", "overcome", "edge", "thrash", "rout", "oust", "eliminate"})
CONTEST_STAGES = frozenset({"final", "semifinal", "quarterfinal", "playoff", "runoff", "primary",
                            "opener", "decider", "replay", "eliminator"})

# --- activities that go on over days ------------------------------------------------------------
# Verbs of continuing (aspectual and durative verbs of general English grammar): reports dated to
# different days of such an activity ("rescue work continued Monday" / "… Tuesday") describe one
# ongoing activity, not one event given two dates.
ONGOING_PREDICATES = frozenset({"continue", "remain", "stay", "persist", "rage", "burn", "last",
                                "linger", "search", "keep", "wait", "smoulder", "smolder"})
# Verbs of saying that carry no news of their own (Levin 1993 §37.7 "say" verbs and §37.5 "talk"
# verbs, without the announcing ones: an announcement is one dated act): one source "said" the same
# thing on Wednesday and again on Monday — two statements, not one event given two dates.
REPEATED_SPEECH = frozenset({"say", "tell", "add", "note", "explain", "remark", "comment", "speak",
                             "talk", "reiterate", "repeat", "stress"})

# --- who a claim is about (analyze/claims/context.py) ---------------------------------------------
# Nouns of a legal case: "her case was prosecuted" is about her.
CASE_NOUNS = {"case", "prosecution", "trial", "conviction", "sentence", "appeal", "lawsuit",
              "petition", "indictment", "sentencing"}
# Nouns of communication whose "that"-clause is someone else's statement.
REPORT_NOUNS = {"report", "statement", "claim", "allegation", "filing", "testimony", "letter",
                "post", "tweet", "announcement", "complaint", "lawsuit", "memo", "assertion",
                "argument", "finding", "ruling", "accusation"}
# Nouns of a reproduction of a document ("according to a copy of the filing"): the source is the
# document itself (general vocabulary of reporting on documents).
COPY_NOUNS = frozenset({"copy", "version", "text", "transcript", "draft", "excerpt", "summary", "extract"})
RELATIVE_PRONOUNS = {"who", "whom", "that", "which", "whose"}
# Verbs whose grammatical object is the one the legal act happens to (the claim is about them).
PATIENT_VERBS = {"convict", "sentence", "find", "charge", "indict", "jail", "imprison",
                 "prosecute", "acquit", "fine", "arrest", "try", "release", "pardon", "hold"}
# Modal verbs (and "ca", spaCy's token for the "ca" of "can't"): a claim under one is possible,
# not stated. The conditional "would" is added where a module means it too.
MODAL_VERBS = frozenset({"can", "could", "may", "might", "should", "must", "ca"})

# --- agents of legal acts -------------------------------------------------------------------------
# Head nouns naming the same kind of agent (general legal usage, U.S. and U.K.): a district
# attorney ("DA") is a prosecutor; jurors and a jury panel are the jury; a correctional facility or
# penitentiary is a prison. A bare "attorney" (defence or prosecution) and a bare "facility" are
# not mapped: either may be the other side or another kind of place.
AGENT_SYNONYMS = {"district attorney": "prosecutor", "da": "prosecutor", "prosecutors": "prosecutor",
                  "jurors": "jury", "juror": "jury", "panel": "jury",
                  "correctional facility": "prison", "penitentiary": "prison"}
