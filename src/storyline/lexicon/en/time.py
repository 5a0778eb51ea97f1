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
"""

from __future__ import annotations

FUTURATE_VERBS: frozenset[str] = frozenset((
    "begin", "start", "open", "reopen", "close", "end", "finish", "resume", "launch", "debut",
    "premiere", "air", "depart", "arrive", "land", "return", "travel", "head", "visit",
    "meet", "convene", "vote", "decide", "rule", "sentence", "testify", "appear", "play",
    "host", "kick", "race", "compete", "expire", "take", "go", "move", "celebrate", "mark",
))
