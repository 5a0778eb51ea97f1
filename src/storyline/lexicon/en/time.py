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
"""

from __future__ import annotations

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
