"""The tuning constants of the story level, in one typed object passed down from the run.

``run_story`` / ``run_stories`` take an :class:`Options` (``Options()`` when not given) and hand its
parts to the stages: ``build_dossier`` (entities, timeline, quotes, comparisons, coverage) and
``cluster_stories``. Nothing reads a module-level threshold: a test or an evaluation that wants
other values builds ``Options(timeline=TimelineOptions(window_days=14))`` and passes it.

Every value was tuned on dev data only, named beside it (stories-dev: the six dev stories of
``../shared/datasets/stories-dev``, ``storyline eval stories --meta``; ECB+ dev/train topics for
story detection, ``storyline eval cluster``); never on a test split. docs/benchmarks.md has the runs.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class IngestOptions:
    """Plain-text furniture (ingest/meta.py: headline, byline, dateline found in the text) and
    near-duplicate copies (ingest/dedupe.py)."""

    # ingest/meta.py. Set by hand with the header rules unless named: headlines run 6-15 words and
    # decks up to ~25, ledes are longer; measured with ``storyline eval metadata`` on PolNeAR dev.
    headline_words: int = 25  # a headline line has at most this many words ...
    headline_chars: int = 200  # ... and characters
    header_lines: int = 8  # non-empty lines at the top inspected for headline/byline/date furniture
    kicker_words: int = 3  # a section label above the headline ("National News", "Technology")
    lede_search: int = 3  # body paragraphs searched for a dateline/outlet tag
    # Pages pasted whole put section labels, teasers and share rows above the lede; a full
    # "PLACE (Agency) —" opening is distinctive enough to be looked for a little further down.
    strong_lede_search: int = 6
    # A sentence-case line with a final period, standing alone, counts as a headline only up to
    # this many words (PolNeAR dev, ``storyline eval metadata``).
    short_headline_words: int = 12
    # Points of self-reference ("told OUTLET" 1, "OUTLET has not confirmed" 2) that name the
    # outlet from its own text (stories-dev: one "told OUTLET" named another outlet in 3 of 4).
    min_self_reference: int = 2
    # Format thresholds of the readers, set by hand with the rules that use them (no tuning run is
    # recorded for them; stories-dev and ``storyline eval metadata`` on PolNeAR dev are unchanged by them).
    max_byline_words: int = 24  # ingest/byline.py, meta.py: a longer line is prose, not a byline or a stamp row
    url_date_slack_days: int = 1  # ingest/dates.py: a page's stamp may be the next day in another time zone
    # ingest/dates.py: weekdays that fit only an earlier year before a stated date is a copy's (one may be a typo)
    min_weekday_conflicts: int = 2
    min_page_words: int = 10  # ingest/html.py: fewer main-text words is page furniture, not an article
    min_article_words: int = 3  # ingest/textio.py: a floor against debris (a stray word), not an editorial judgement
    # ingest/dedupe.py. Shingle size and MinHash permutations are the usual MinHash LSH setting.
    shingle_words: int = 5
    num_perm: int = 128
    copy_jaccard: float = 0.8  # Jaccard similarity of the shingle sets that makes a copy
    # Share of the shorter text's shingles found in the longer one that makes it a copy: on
    # stories-dev (48 articles, no copies) the highest between two reports was 0.29.
    containment: float = 0.6
    min_shared: int = 20  # shingles in common before containment counts (a few sentences, not one quote)
    max_length_ratio: int = 4  # containment is looked for between texts at most this many times as long
    lsh_slack: float = 0.85  # the LSH index is queried this far below the threshold (banding noise)


@dataclass(frozen=True, slots=True)
class EntityOptions:
    """Casing evidence of one article (analyze/entities/casing.py). Set by hand with the casing
    rules; no tuning run is recorded for them (docs/benchmarks.md, entities)."""

    # An emphatic quotation has at least this many runs of capitalized common words besides the
    # candidate, making up at least this share of its words; strongly emphatic from this many.
    emphasis_min: int = 2
    emphasis_share: float = 0.05
    emphasis_strong: int = 3
    headline_min_words: int = 3  # a headline line: at least this many content words, all capitalized
    # analyze/entities/given_names.py: the share of women among the people with a given name at or
    # above which it marks a woman, and at or below which a man (the usual 0.9/0.1 cut-offs of the
    # name data's authors, nomquamgender; set by hand, not tuned). Read by the entity step, the quote
    # speakers and story/resolve.py's given-name forms (build_dossier passes Options.entities).
    female_share: float = 0.9
    male_share: float = 0.1


@dataclass(frozen=True, slots=True)
class ResolveOptions:
    """Entities across articles (story/resolve.py)."""

    surname_ratio: int = 80  # rapidfuzz ratio of two spellings of one surname (stories-dev)


@dataclass(frozen=True, slots=True)
class TimelineOptions:
    """Events into timeline entries (story/timeline.py). All tuned on stories-dev (event_r, merge)."""

    window_days: int = 31  # dates further apart than this are never the same event
    merge_score: float = 0.5  # compatible dates: similarity needed to merge
    # Undated mentions (no time expression of their own): shared content lemmas needed to join a
    # report of the same event, with the same predicate class / without it.
    attach_shared_same_class: int = 2
    attach_overlap_same: float = 0.15  # shared lemma weight over the smaller mention's
    attach_overlap_plain: float = 0.3  # the same, for a predicate outside the lexicon ("say", "tell")
    attach_shared_other: int = 3
    attach_overlap_other: float = 0.4
    narrative_lead_days: int = 7  # a report's own date this close before publication is its narrative time
    # two outlets' references to one participant's happening in a month written with its year
    # ("in March 2021") are one entry, whatever the verbs (story/timeline.py: _same_month_reference)
    month_references: bool = True
    single_happenings: bool = True  # a lexicon happening one outlet reports with a firm day is an entry
    # an article with no day-level date near its publication: its undated reports are taken to tell
    # of the days up to publication (to join a dated report, never to date an entry on their own)
    narrative_pub_days: int | None = 2
    narrative_slack_days: int = 2  # an undated report's narrative time may miss the entry's date by this
    strong_match: float = 0.8  # ... when its content matches at least this well
    # an undated report may join an entry holding another sentence of its article when it matches
    # the entry at least strong_match, or retells that sentence (same lexicon class or participants):
    # a lede and its detail; at most this many sentences of one article in an entry (0: one, no
    # retellings). timeline._merge_undated; stories-dev merge 0.53 -> 0.58 with --meta (2 keeps
    # entries of 11 sources at most where no cap made one of 25 with 7 sentences of one article)
    retellings: int = 2
    # an undated sentence that names a year ("the 2018 fire") may join a report dated in that year,
    # whatever its narrative time (timeline._named_years)
    named_years: bool = True
    # an undated report of a firmly dated entry whose sentence names one day relative to its
    # publication ("in Sunday's final") bounds an undated article's publication (refine_publication)
    sentence_days: bool = True
    # a sentence that writes its day twice ("on Friday (Nov. 17)") is one dated report (timeline._items)
    one_day_per_sentence: bool = True
    # an undated sentence dated through the story event it names ("a day after the touchdown"):
    # the anchor's entries of its predicate class, all on one day (story/anchored.py)
    anchored_dates: bool = True
    # entries of one day whose reports tell of one happening by different predicates are one entry
    # (timeline._join_same_day)
    same_day_happenings: bool = True
    # two reports of one day whose clock times lie more than this many minutes apart tell two
    # happenings (a quake at 4:12 and its aftershock at 9:40), whatever their verbs and participants
    # (not tuned: no stories-dev pair of reports is that close in wording and that far apart in time;
    # an hour and a half leaves room for outlets rounding or reading a time zone differently)
    clock_apart_minutes: int = 90
    anchor_words: int = 8  # an anchor phrase is read up to this many words (not tuned: a clause's subject)
    # Blocking of the undated merge (speed, not accuracy: no stories-dev result depends on them): a
    # lemma in more than 1/block_share of the story's units proposes no candidates; one in more
    # than block_nearest units proposes only the block_nearest nearest in date.
    block_share: int = 4
    block_nearest: int = 32
    # ... and a mention is compared with at most block_members members of one entry (those sharing
    # most lemmas with it): the work per mention stays bounded as a story grows to thousands of
    # reports (bench --corpus at ×100); no stories-dev entry has that many members sharing lemmas.
    block_members: int = 32


@dataclass(frozen=True, slots=True)
class QuoteOptions:
    """Quotations into groups of one utterance (story/quotes.py); stories-dev (speaker, quotes)."""

    shingle: int = 3  # word n-gram length of the candidate index
    short: int = 3  # quotes with fewer words than this need the same words and the same speaker
    containment_min: int = 6  # a shorter quote found inside a longer one: this many words, or same speaker
    fuzzy_ratio: int = 88  # whole-quote similarity for small wording changes
    partial_ratio: int = 92  # the shorter quote (or each part of it) found inside the longer one


@dataclass(frozen=True, slots=True)
class CompareOptions:
    """Claims compared across articles (story/compare.py, story/measures.py, story/coverage.py);
    stories-dev (conflicts, core, apparent, unexplained)."""

    same_time_days: int = 31  # two titles held this close in time are held at the same time
    republished_days: int = 31  # a page whose stated date lies this far from its address's date was republished
    label_merge_ratio: int = 85  # rapidfuzz ratio of two count labels that name one thing
    min_days_apart: int = 1  # counts reported this many days apart may differ: the count moved on
    min_carriers_for_omit: int = 2  # an item at least this many outlets carry can be "omitted" by another


@dataclass(frozen=True, slots=True)
class ClusterOptions:
    """Weights and cut-offs of story detection (story/cluster.py).

    Tuned on dev data only: the six stories of stories-dev mixed in one folder and the ECB+ dev and
    train topics (``storyline eval cluster``, docs/benchmarks.md); never on the ECB+ test topics.
    """

    threshold: float = 0.35  # mean cosine to a story's articles to join it (step 3)
    merge_threshold: float = 0.2  # mean cosine between two stories' articles to merge them (step 4)
    names: float = 1.0  # weight of the name keys
    predicates: float = 0.5  # weight of event predicate keys
    dates: float = 1.0  # weight of date keys
    words: float = 1.0  # weight of content-word keys
    query_keys: int = 30  # the article's heaviest keys used to find candidate stories (blocking)
    max_postings: int = 200  # stories kept per key in the index (the most recent ones)
    centroid_keys: int = 400  # a story's summed vector keeps its heaviest keys only
    merge: bool = True  # the merge rounds (step 4)
    max_merge_rounds: int = 20  # merge rounds at most (they stop earlier when nothing merges)
    # Added to every idf: in a small corpus that is all one story, the story's own names are in
    # every article (idf 0 without it), and they are what makes the articles one story.
    idf_floor: float = 0.5
    # A key only one article has cannot make two articles alike; at full weight such keys swamp a
    # report rich in names of its own, at zero two unrelated articles sharing one word look alike.
    unique: float = 0.3


@dataclass(frozen=True, slots=True)
class Options:
    """Everything a run can tune, by stage."""

    ingest: IngestOptions = field(default_factory=IngestOptions)  # reading and deduplicating articles
    entities: EntityOptions = field(default_factory=EntityOptions)  # the map step (analyze_doc)
    resolve: ResolveOptions = field(default_factory=ResolveOptions)
    timeline: TimelineOptions = field(default_factory=TimelineOptions)
    quotes: QuoteOptions = field(default_factory=QuoteOptions)
    compare: CompareOptions = field(default_factory=CompareOptions)
    cluster: ClusterOptions = field(default_factory=ClusterOptions)
