"""English pronouns: the whole closed class, and the parts rules need (a person's, by gender).

Source: the pronoun system of English grammar (Quirk, Greenbaum, Leech and Svartvik 1985, *A
Comprehensive Grammar of the English Language*, §6.12-6.20 and §6.40-6.47; Huddleston and Pullum
2002, ch. 17): the personal pronouns in their subjective, objective and reflexive forms with the
possessive determiners and pronouns, the demonstratives, and the relative/interrogative pronouns.
None of it from an evaluation set.
"""

from __future__ import annotations

MALE_PRONOUNS = frozenset({"he", "him", "his", "himself"})
FEMALE_PRONOUNS = frozenset({"she", "her", "hers", "herself"})
NEUTER_PRONOUNS = frozenset({"it", "its", "itself"})
PLURAL_PRONOUNS = frozenset({"they", "them", "their", "theirs", "themselves"})
# The pronouns that stand for a person a report is about: he and she, and "they" as the pronoun of
# a person or of the people a claim is about (not "it", not the speaker's own "I" or "we").
PERSON_PRONOUNS = MALE_PRONOUNS | FEMALE_PRONOUNS | frozenset({"they", "them", "their"})

# Every English pronoun: a word that stands for a name without naming anyone, so it is never a
# name itself (a one-word entity), nor a subject a claim can be compared on, nor a speaker's name.
PRONOUNS = frozenset("""
i me my mine myself we us our ours ourselves you your yours yourself yourselves
he him his himself she her hers herself it its itself they them their theirs themselves
this that these those who whom whose which what
""".split())
