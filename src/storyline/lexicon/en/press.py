"""Words of a news page's furniture (:mod:`storyline.ingest`): the last words of outlet names, the
job titles printed with a byline, and the labels that open a lede in capitals without being its
dateline; and the words every news report uses (:mod:`storyline.story.cluster`).

Sources: general knowledge of English-language newspaper and broadcaster names (the traditional
title words: Times, Post, Herald, Gazette, Courier …), AP-style bylines and datelines (the masthead
job titles newsrooms print after a byline name; the all-caps labels BREAKING, UPDATE, EDITOR'S NOTE
that precede a lede), written down by hand; none of it from an evaluation set.
"""

from __future__ import annotations

# Last words of outlet names ("Valley Courier", "CBS News", "The Daily Ledger"): a Title Case
# name ending in one of them looks like an outlet's. A loose list for reading page furniture; the
# strict one for telling an outlet from another organization in the text is
# ``lexicon.en.speakers.NEWS_TITLE_WORDS`` (a subset: tests/lexicon pins it).
OUTLET_WORDS = frozenset("""
press news times post journal tribune herald gazette network radio television tv media daily weekly
wire sun star observer review chronicle courier register report magazine insider today examiner
inquirer bulletin dispatch monitor standard telegraph guardian independent mirror express globe
record leader beacon sentinel ledger citizen public broadcasting agency service newsroom
digest voice pioneer
""".split())

# Masthead job titles and the words they are made of (the words newsrooms print after a byline
# name: "Mara Quill, Senior Reporter", "Metro Desk", "Staff Reports").
BYLINE_ROLE_WORDS = frozenset("""
writer reporter correspondent editor staff contributor columnist producer chief analyst intern
fellow journalist photographer anchor host senior deputy managing political investigative report
reports team desk associate assistant contributing freelance freelancer special bureau blogger
author editors writers reporters contributors correspondents newsroom administrator admin moderator
guest lead executive video digital photo photojournalist critic reviewer researcher press office
officer
""".split())
# The nouns among them that are only ever a job title: a page's author value ending in words that
# include one of these ("Mara Quill Metro Reporter") ends in a title, not in a name (a surname such as
# "Guest" or "Lead" is one of the other role words, and stays).
BYLINE_ROLE_NOUNS = frozenset("""
writer reporter correspondent editor contributor columnist journalist photographer staff producer
blogger freelancer photojournalist critic
""".split())

# All-caps labels that open a lede without being a place ("BREAKING —", "EDITOR'S NOTE —").
LEDE_LABELS = frozenset({
    "breaking", "update", "updated", "exclusive", "analysis", "opinion", "watch", "live",
    "editor's note", "editor’s note", "correction", "note", "fact check", "developing", "urgent",
    "flash", "alert", "commentary", "editorial", "review", "photos", "video"})

# Words every news report uses whatever its story (attribution verbs and the commonest news nouns),
# added to spaCy's English stop words when story detection weighs content words: they say nothing
# about which story an article belongs to. General news usage, written down by hand.
NEWS_STOP_WORDS = frozenset("""
said says say told according reported new also year years time people
""".split())
