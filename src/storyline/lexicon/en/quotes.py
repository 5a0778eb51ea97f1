"""Word lists for quote attribution (:mod:`storyline.analyze.quotes`, :mod:`storyline.story.quotes`):
speech verbs, media, spoken/written modes, honorifics and their genders (the pronouns are in
:mod:`.pronouns`).

Sources: general English news conventions written down by hand (AP-style attribution: the verbs
and nouns that introduce reported speech, the places words are said or written), the English
honorifics (any English grammar), none of it from an evaluation set.
"""

from __future__ import annotations

from storyline.lexicon.en.names import ORG_HEAD_NOUNS
from storyline.lexicon.en.speakers import GENERIC_ORG_NOUNS

# Lemmas of verbs that introduce reported speech or writing. (textacy has a similar list in
# ``textacy.constants.REPORTING_VERBS``, but textacy is only an optional evaluation dependency here,
# and news attribution needs a few more: post, tweet, tell, call, rule, read, write, ...)
SPEECH_VERBS = frozenset("""
say tell write post tweet add state declare announce explain note argue claim insist warn ask
answer reply respond recall acknowledge admit concede conclude testify shout yell call describe
quip joke remark observe contend assert allege predict promise vow pledge urge suggest complain
boast brag counter retort rule read confirm report deny emphasize stress mention reiterate charge
accuse lament wonder plead beg demand threaten caution advise comment text email message proclaim
maintain continue agree disagree disclose cite recount tout scoff posit muse exclaim thunder
whisper mutter concur characterize label term dub brand hail blast slam praise criticize condemn
sign speak liken compare attack chant sing recite quote rate laud
""".split())

# Nouns that carry somebody's words when they have an owner ("Trump's claim that …", "her words").
SPEECH_NOUNS = frozenset("""
claim statement comment remark word description promise pledge warning prediction assertion
accusation argument suggestion reference tweet post message letter speech quote phrase language
rhetoric characterization allegation question answer response reply vow threat insistence boast
complaint charge criticism attack testimony announcement declaration call demand
""".split())

# Verbs that only count as cues when the quote is their object or complement (not when they merely
# appear next to a quote): naming verbs, whose quotes are short labels.
NAMING_VERBS = frozenset(
    "call describe characterize label term dub brand hail liken compare attack rate laud".split())

# Speech verbs that say the words were spoken aloud (not written, not merely "said", which news
# uses for writing too): a quote with one of these and no medium was said in person.
SPOKEN_CUES = frozenset({"say", "tell", "shout", "yell", "testify", "speak", "chant", "sing",
                         "whisper", "mutter", "exclaim", "joke", "quip"})

# Verbs whose use marks the quote as written rather than spoken.
WRITTEN_CUES = {"write": "written", "post": "post", "tweet": "tweet", "text": "message",
                "email": "email", "message": "message", "sign": "written", "read": "written"}

# Nouns naming where words were said or written → the ``medium`` value.
MEDIA = {
    "post": "post", "tweet": "tweet", "retweet": "tweet", "filing": "filing", "motion": "filing",
    "brief": "filing", "complaint": "filing", "lawsuit": "filing", "petition": "filing",
    "affidavit": "filing", "statement": "statement", "release": "statement",
    "interview": "interview", "show": "show", "program": "show", "broadcast": "show",
    "podcast": "podcast", "episode": "show", "appearance": "show", "message": "message",
    "text": "message", "ruling": "ruling", "order": "ruling", "opinion": "ruling",
    "decision": "ruling", "judgment": "ruling", "letter": "letter", "email": "email",
    "e-mail": "email", "memo": "memo", "speech": "speech", "remarks": "speech",
    "address": "speech", "rally": "speech", "conference": "press conference",
    "briefing": "briefing", "hearing": "hearing", "testimony": "testimony", "video": "video",
    "op-ed": "op-ed", "column": "op-ed", "essay": "op-ed", "book": "book", "report": "report",
    "sentencing": "hearing", "court": "hearing", "livestream": "video", "call": "call",
}

# Social platforms: words "on <platform>" mean a post.
PLATFORMS = frozenset({"truth social", "twitter", "x", "facebook", "instagram", "threads",
                       "bluesky", "tiktok", "telegram", "gettr", "parler", "youtube", "linkedin",
                       "substack", "rumble"})

SPOKEN_MEDIA = frozenset({"interview", "show", "podcast", "speech", "press conference",
                          "briefing", "hearing", "testimony", "call"})
WRITTEN_MEDIA = frozenset({"post", "tweet", "filing", "statement", "message", "ruling", "letter",
                           "email", "memo", "op-ed", "book", "report", "written"})
# The media a speaker's own words come in when a phrase names them after the cue ("said in a
# statement", "told reporters in an interview"); a ruling, hearing, report or book named that way is
# more often a venue or another's document ("said in a hearing", "said in a report").
OWN_MEDIA = frozenset({"post", "tweet", "statement", "interview", "filing", "letter", "email", "message",
                       "speech", "press conference", "show", "podcast", "op-ed"})

MALE_HONORIFICS = frozenset({"mr", "mr.", "sir", "lord", "king", "prince", "father", "brother"})
FEMALE_HONORIFICS = frozenset({"ms", "ms.", "mrs", "mrs.", "miss", "madam", "lady", "queen",
                               "princess", "sister", "mother", "dame"})

# Words before a quote that make it a scare quote or a name, not somebody's words.
SCARE_PRECEDERS = ("so-called", "so called", "quote-unquote", "quote unquote", "the word",
                   "the term", "the phrase", "known as", "titled", "entitled", "nicknamed")

# Words right before a quoted Title-Case phrase that make it the name of a work or a show.
TITLE_PRECEDERS = frozenset({"on", "of", "in", "at", "from", "titled", "entitled", "called",
                             "named", "dubbed", "anthem", "the"})
TITLE_NOUNS = frozenset({"book", "film", "movie", "song", "album", "show", "series", "program",
                         "documentary", "article", "column", "essay", "report", "play", "episode",
                         "podcast", "anthem", "memoir", "novel", "poem", "speech", "headline"})

# Organization descriptions: the generic words and the head words of organization names.
ORG_DESCRIPTION_NOUNS = GENERIC_ORG_NOUNS | frozenset(ORG_HEAD_NOUNS)

# Prepositions that put words in a medium ("in an interview", "on a podcast", "during a hearing").
MEDIUM_PREPS = frozenset({"in", "on", "during", "at", "via", "through", "from"})
