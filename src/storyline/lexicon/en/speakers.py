"""Word lists for who said a quotation (:mod:`storyline.analyze.quotes.speakers`,
:mod:`storyline.story.quotes`).

Sources: general English news usage, written down by hand, none of it from an evaluation set: the
common nouns by which news text refers back to an organization it named (AP style: "the company",
"the agency"), the nouns for people who speak for an organization, the determiners and quantifiers
of English grammars (Quirk et al.: central and post-determiners, quantifiers, cardinal numbers),
and the role nouns that many people of one story hold at once.
"""

from __future__ import annotations

# Words a text uses to refer back to an organization it named ("the company said", "the agency
# said in a post"): the most salient organization of the last sentences. Not "board", "council",
# "committee": a body inside another organization, not it. The head words of organization names
# (``analyze.entities.names.ORG_HEAD_NOUNS``) also find an organization, but only one whose name
# has that word ("the court" → "Superior Court").
GENERIC_ORG_NOUNS = frozenset("""
company firm organization organisation group agency ministry department business corporation
nonprofit charity association airline carrier operator manufacturer maker startup bank lender
insurer retailer club team network publisher broadcaster utility hospital university union
federation league institute foundation laboratory
""".split())

# The generic words among those that describe a news organization itself ("the network said"):
# only for these may the description refer back to an outlet named as a source.
MEDIA_ORG_NOUNS = frozenset({"network", "publisher", "broadcaster"})

# Last words of newspaper and news-site titles (the traditional English newspaper names): an
# organization so named is an outlet, which "the company" or "it" does not refer back to.
NEWS_TITLE_WORDS = frozenset("""news times post journal tribune herald gazette inquirer chronicle
telegraph courier dispatch examiner""".split())

# People who speak for an organization: "a company spokesperson said" → the company.
SPOKESPERSON_NOUNS = frozenset({"spokesperson", "spokesman", "spokeswoman", "representative",
                                "spokespeople"})

# Descriptions that fit any person holding an office ("the official declared").
GENERIC_PERSON_NOUNS = frozenset({"official", "officer"})

# Leading words of a description that say how many or which, not who ("the nearly 300 nurses").
DESCRIPTION_SKIP = frozenset("""the a an this that these those some many several all both more
than about nearly almost over under around at least most other another few dozens hundreds
thousands one two three four five six seven eight nine ten twelve dozen""".split())
# Role nouns many people of a story hold at once: no description by them names one person.
SHARED_ROLES = frozenset("""official officer member employee worker agent supporter critic ally
expert analyst witness victim resident student player aide adviser advisor lawyer attorney
spokesperson spokesman spokeswoman reporter""".split())
