"""Evaluative labels: words that judge or frame a person, group, claim or act instead of describing it.

Sources (general style guides and one published lexicon; nothing picked from the example corpus,
a dev set or a test split — the dev sets were used only to *measure* the list, see
docs/benchmarks.md "Evaluative labels"):

* **MOS:WTW** — Wikipedia's *Manual of Style/Words to watch* (the guideline of "expressions that
  may introduce bias": flattering, disparaging or endorsing words), its sections *Contentious
  labels*, *Puffery*, *Expressions of doubt* and *Editorializing*. Its example words are taken
  as listed, minus the ones whose ordinary news use is descriptive or grammatical (named in each
  category's note), plus the noun/adjective forms of the same word (racist → racism).
* **AP riot guidance** — the AP Stylebook's 2020 entry on *riot* / *unrest* / *protest*: "riot"
  frames a protest as chaos and is to be used with care.
* **VADER** — the VADER sentiment lexicon (Hutto & Gilbert, ICWSM 2014; MIT licence, shipped in
  the ``vaderSentiment`` package) gates the *verdict* category: a word of moral or personal
  condemnation is listed only if VADER (or VADER for its base word) rates it −1.5 or lower;
  its rating is the number after each word. Words that grade the severity of an event rather
  than judge someone (horrific, tragic, disaster, catastrophic) are left out on purpose: in
  disaster and crime reporting they describe.

Categories that apply the MOS:WTW *Contentious labels* criterion ("value-laden labels … may express
contentious opinion") to one field — political placement, person, process — are hand lists and
say so. Matching (``storyline.analyze.labels``) adds plural forms and hyphen-less spellings, so
each entry is written once, in the singular.
"""

from __future__ import annotations

LABELS: dict[str, tuple[str, ...]] = {
    # MOS:WTW Contentious labels (cult … controversial), with their noun/adjective forms; "myth" and
    # "sect" left out (a descriptive use in religion and culture reporting), and "terrorist" after
    # the dev measurement (half its uses there name a crime category: "terrorist attacks")
    "contentious": (
        "cult", "racist", "racism", "perverted", "sexist", "sexism", "homophobic", "homophobia",
        "transphobic", "transphobia", "misogynistic", "misogynist", "misogyny", "fundamentalist",
        "heretic", "extremist", "extremism", "denialist", "denier", "freedom fighter",
        "bigot", "bigotry", "bigoted", "neo-nazi", "controversial",
    ),
    # hand list, MOS:WTW label criterion applied to political placement; party and movement names
    # that people call themselves (socialist, communist) left out
    "placement": (
        "far-right", "far-left", "hard-right", "hard-left", "ultra-right", "ultra-left",
        "alt-right", "radical left", "radical right", "hardliner", "hard-line", "fascist",
    ),
    # hand list of fact-check verdicts on a claim (the words fact-checkers rate claims with)
    "truth": (
        "false claim", "falsely", "baseless", "unfounded", "unsubstantiated", "unproven",
        "debunked", "discredited", "without evidence", "conspiracy theory", "conspiracy theorist",
        "misinformation", "disinformation", "hoax", "fake news", "bogus", "big lie", "rigged",
    ),
    # VADER-gated words of moral or personal condemnation (VADER mean rating)
    "verdict": (
        "disgrace",  # -2.2
        "disgraced",  # -2.0
        "disgraceful",  # disgrace -2.2
        "shameful",  # -2.2
        "disgusting",  # -2.4
        "outrageous",  # -2.0
        "abhorrent",  # -3.1
        "evil",  # -3.4
        "vile",  # -3.1
        "pathetic",  # -2.7
        "ridiculous",  # -1.5
        "appalling",  # -1.5
        "sickening",  # -2.4
        "nasty",  # -2.6
        "scandalous",  # -2.4
        "cruel",  # -2.8
        "dishonest",  # -2.7
        "hypocritical",  # -2.0
        "incompetent",  # -2.1
        "incompetence",  # -2.3
        "cowardly",  # -1.6
        "coward",  # -2.0
        "idiotic",  # -2.6
        "stupid",  # -2.4
        "idiot",  # -2.3
        "moron",  # -2.2
        "lunatic",  # -2.2
        "liar",  # -2.3
        "treasonous",  # -2.7
    ),
    # hand list, MOS:WTW label criterion applied to a person (pejorative or heroic epithets)
    "character": (
        "hero", "villain", "traitor", "thug", "crook", "grifter", "charlatan", "quack",
        "demagogue", "zealot", "stooge", "lackey", "crony", "henchman", "sycophant", "con man",
    ),
    # hand list, MOS:WTW label criterion applied to an investigation or a trial
    "process": ("witch hunt", "kangaroo court", "show trial", "politically motivated"),
    # AP Stylebook riot guidance (2020)
    "unrest": ("riot", "rioter", "rioting"),
    # MOS:WTW Puffery, minus words with an ordinary descriptive use in news (best, great,
    # greatest, leading, celebrated, popular, award-winning, landmark, innovative, revolutionary,
    # hit, famous, respected, notable, honorable, outstanding, unique, prominent)
    "puffery": (
        "legendary", "iconic", "visionary", "acclaimed", "extraordinary", "brilliant", "renowned",
        "remarkable", "prestigious", "world-class", "virtuoso", "awesome", "pioneering",
        "phenomenal", "cutting-edge",
    ),
    # MOS:WTW Expressions of doubt, minus "alleged" and "accused" (the guideline itself calls them
    # appropriate for undetermined wrongdoing), "supposed" ("supposed to"), "apparent", and
    # "so-called" after the dev measurement (mostly "known as" there: "so-called carried interest")
    "doubt": ("purported", "purportedly"),
    # MOS:WTW Editorializing, minus the connectives and the plain adverbs (but, however, only,
    # actually, essentially, indeed, notably, clearly), and "of course" after the dev measurement
    # (mostly conversational in quotations there)
    "editorial": (
        "arguably", "interestingly", "without a doubt", "happily", "sadly",
        "tragically", "fortunately", "unfortunately", "utterly",
    ),
}

LABEL_SOURCES: dict[str, str] = {
    "contentious": "MOS:WTW Contentious labels",
    "placement": "hand list, MOS:WTW label criterion (political placement)",
    "truth": "hand list of fact-check verdict words",
    "verdict": "hand list gated by the VADER lexicon (rating <= -1.5)",
    "character": "hand list, MOS:WTW label criterion (epithets for a person)",
    "process": "hand list, MOS:WTW label criterion (an investigation or trial)",
    "unrest": "AP Stylebook riot guidance (2020)",
    "puffery": "MOS:WTW Puffery",
    "doubt": "MOS:WTW Expressions of doubt",
    "editorial": "MOS:WTW Editorializing",
}
