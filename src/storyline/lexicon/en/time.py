"""Time: verbs whose simple present tells a scheduled future ("the trial begins Monday").

Source: the "futurate" use of the simple present for events fixed by a schedule or a plan — Quirk,
Greenbaum, Leech and Svartvik (1985, *A Comprehensive Grammar of the English Language*, §4.21) and
Huddleston and Pullum (2002, *The Cambridge Grammar of the English Language*, ch. 3 §4.2.3): it is
restricted to events that can be planned (begin, open, close, depart, arrive, meet, vote, play).
Verbs that also cause or undergo ("leaves three dead", "faces charges") are left out: their
present in news is a headline's past.
The list keeps the lemmas of such events that news copy uses with a day or a date ("polls open
Tuesday", "the team plays Sunday", "the law takes effect in July"); reporting verbs ("says") and
states ("stands", "remains") are not in it: their present is about now or about what was said.

Also the tense of a time expression's clause (:mod:`storyline.analyze.time.expressions`). Sources:
English grammar (the modal and future auxiliaries, with spaCy's tokens "wo" and "ca" for "won't" and
"can't") and general news usage written down by hand (the verbs and adjectives that look forward:
"is scheduled for", "plans to", "is likely to"); none of it from an evaluation set.

And the words time expressions are built of (:mod:`storyline.analyze.time.rules`, and ingest's
printed dates, :mod:`storyline.ingest.dates`), each with its source beside it: month names, number
words, duration units, fixed-date holidays, vague references to now, the past and the future.
"""

from __future__ import annotations

from storyline.lexicon.en.claims import NUMBER_WORDS

FUTURATE_VERBS: frozenset[str] = frozenset((
    "begin", "start", "open", "reopen", "close", "end", "finish", "resume", "launch", "debut",
    "premiere", "air", "depart", "arrive", "land", "return", "travel", "head", "visit",
    "meet", "convene", "vote", "decide", "rule", "sentence", "testify", "appear", "play",
    "host", "kick", "race", "compete", "expire", "take", "go", "move", "celebrate", "mark",
))

# Auxiliaries that make the clause future (or hypothetical, which is read the same way for dates).
FUTURE_AUXILIARIES = frozenset({"will", "'ll", "shall", "wo", "would", "may", "might", "must", "should",
                                "can", "ca"})
# Participles of scheduling: "the vote is set for Monday" looks forward.
SCHEDULING_VERBS = frozenset({"schedule", "set", "slate", "plan", "expect", "due"})
# Heads of an infinitive that look forward: "plans to vote on Monday".
FUTURE_HEADS = frozenset({"plan", "expect", "schedule", "set", "hope", "intend", "aim", "want", "seek",
                          "prepare", "due", "go", "promise", "vow", "threaten", "likely", "poise", "slate"})


# The days of the week in ISO 8601 order, numbered as ISO weekdays (Monday 1 … Sunday 7).
WEEKDAYS = {"monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6,
            "sunday": 7}

# The months of the Gregorian calendar, numbered 1-12 (ISO 8601), and the same keyed by their first
# three letters: every English spelling of a month, whole or abbreviated ("Sept.", "Aug"), starts
# with these, so a printed month is looked up by ``word[:3].lower()``.
MONTH_NAMES = {"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
                "august": 8, "september": 9, "october": 10, "november": 11, "december": 12}
MONTH_PREFIXES = {name[:3]: number for name, number in MONTH_NAMES.items()}

# Parts of the day and seasons with their TIMEX3 codes, the ordinals that number a quarter or a
# half, and the adverbs of frequency with the period of the set they name (TimeML annotation
# guidelines 1.2.1: MO/AF/EV/NI, SP/SU/FA/WI, ISO 8601 periods; "fall" and "autumn" are one season).
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
FREQUENCY_ADVERBS = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "quarterly": "P3M", "annually": "P1Y",
                     "annual": "P1Y", "yearly": "P1Y", "nightly": "P1D", "hourly": "PT1H", "biweekly": "P2W",
                     "semiannually": "P6M"}

# Number words of a count of time units ("three weeks", "a dozen years", "a half hour"): the English
# cardinal names of ``lexicon.en.claims.NUMBER_WORDS`` (the same cardinals, the article and "dozen")
# with "hundred", and "single" and "half" that stand for a number in such phrases.
NUM_WORDS: dict[str, float] = {
    **NUMBER_WORDS, "hundred": 100, "single": 1, "half": 0.5, "a half": 0.5, "a dozen": 12}
# Units of a duration and their TIMEX3 value codes (TimeML annotation guidelines 1.2.1, the value
# attribute: ISO 8601 units, "T" before clock units, DE/CE for decades and centuries, WE weekend).
UNITS: dict[str, str] = {
    "second": "TS", "minute": "TM", "hour": "TH", "day": "D", "night": "D", "week": "W",
    "fortnight": "W", "month": "M", "quarter": "Q", "year": "Y", "decade": "DE",
    "century": "CE", "weekend": "WE"}
# Holidays on a fixed (month, day): the fixed-date US federal holidays (5 U.S.C. § 6103) and the
# widely observed fixed-date days of the calendar (Christmas and New Year's Eve, Halloween,
# Valentine's Day). Movable feasts are rules of their own (Thanksgiving, Election Day).
HOLIDAYS: dict[str, tuple[int, int]] = {
    "christmas day": (12, 25), "christmas eve": (12, 24), "christmas": (12, 25),
    "new year's day": (1, 1), "new year's eve": (12, 31), "independence day": (7, 4),
    "halloween": (10, 31), "valentine's day": (2, 14), "veterans day": (11, 11),
    "juneteenth": (6, 19)}
# Vague references with no calendar bound ("now", "recently", "soon"), by the value TimeML gives
# them (TimeML annotation guidelines 1.2.1, the value attribute: PRESENT_REF, PAST_REF, FUTURE_REF);
# general English adverbs and phrases, written down by hand. A leading "at the"/"in the" phrase is
# matched whole, and its preposition left out of the expression ("at the time" → "the time").
FUZZY_REFS: dict[str, str] = {
    "right now": "PRESENT_REF", "now": "PRESENT_REF", "currently": "PRESENT_REF", "nowadays": "PRESENT_REF",
    "these days": "PRESENT_REF", "at present": "PRESENT_REF", "the present": "PRESENT_REF",
    "the time being": "PRESENT_REF",
    "recently": "PAST_REF", "lately": "PAST_REF", "more recently": "PAST_REF", "previously": "PAST_REF",
    "the past": "PAST_REF", "at the time": "PAST_REF", "at that time": "PAST_REF",
    "soon": "FUTURE_REF", "the future": "FUTURE_REF", "in the near future": "FUTURE_REF",
    "the near future": "FUTURE_REF", "the near term": "FUTURE_REF", "the long term": "FUTURE_REF"}
# Vague durations of the recent past ("in recent years", "over the decades"): the unit of ``UNITS``
# each counts in (a duration of an unknown number of them: "PXY").
FUZZY_DURATIONS: dict[str, str] = {
    "recent years": "year", "recent months": "month", "recent weeks": "week", "recent days": "day",
    "over the years": "year", "over the decades": "decade"}
