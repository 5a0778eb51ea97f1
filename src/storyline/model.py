"""The dossier data model: every type the pipeline passes between stages.

All offsets are character offsets into ``Article.text`` (the cleaned body: Unicode NFC, ``\\n`` line
endings), and ``article.text[start:end] == text`` holds for every span-like record.

Two levels of identity:

* per article (the *map* step), entity mentions are grouped into :class:`LocalEntity` records whose
  ``key`` is ``"<article id>:<n>"``; quotes and claims refer to a speaker or subject by that key;
* per story (the *reduce* step), :func:`storyline.story.resolve.resolve_entities` merges local
  entities into :class:`Entity` records with story-wide ids, and every later stage speaks in those ids.

Everything here is plain data (dataclasses with slots); behaviour lives in the stage modules.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

SCHEMA_VERSION = "1.0"

DateBasis = Literal["metadata", "text", "inferred", "unknown"]
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
TimexAnchor = Literal["absolute", "publication", "context", "story", "none"]
QuoteKind = Literal["full", "fragment"]
ComparisonStatus = Literal["agree", "compatible", "conflict", "consistent_over_time", "single_source"]
Granularity = Literal["day", "week", "month", "season", "quarter", "year", "decade", "unknown"]


@dataclass(slots=True)
class Span:
    """A piece of one article's text: ``article.text[start:end] == text``."""

    article: str
    start: int
    end: int
    text: str


@dataclass(slots=True)
class PubDate:
    """When an article was published, or the range it must have been published in.

    ``date`` is an ISO date (``YYYY-MM-DD``) when it is known to the day; ``earliest``/``latest``
    bound it (equal to ``date`` when known). ``basis`` says where the knowledge comes from;
    ``note`` says why, when a date the article states was set aside (a copying site's date that is
    later than the date in the article's own URL).
    """

    date: str | None = None
    earliest: str | None = None
    latest: str | None = None
    basis: DateBasis = "unknown"
    note: str | None = None


@dataclass(slots=True)
class Article:
    """One news report, cleaned, with the metadata the ingest step could find."""

    id: str
    text: str
    path: str = ""
    title: str | None = None
    outlet: str | None = None
    byline: list[str] = field(default_factory=list)
    dateline: str | None = None
    url: str | None = None
    published: PubDate = field(default_factory=PubDate)
    # ISO date of the latest update the article or its page declares ("Updated May 2, 2024 ...",
    # ``dateModified``); never its publication date.
    updated: str | None = None
    language: str = "en"
    duplicate_of: str | None = None
    # Lines removed from the body (copyright, wire credits, "READ MORE:" ...), kept for the record.
    boilerplate: list[str] = field(default_factory=list)
    source_format: str = "txt"
    # Date lines and markers taken out of the body ("date 2025-05-05", "Updated Oct. 9, 2025 at
    # 2:05 PM ET" in the header, a date line at the end), as printed (without a widget label glued
    # to the date).
    stamps: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Sentence:
    start: int
    end: int


@dataclass(slots=True)
class TimeExpr:
    """A time expression normalized TIMEX3-style (``2025-11-12``, ``2025-05``, ``P9Y``, ``PAST_REF``)."""

    start: int
    end: int
    text: str
    type: TimexType
    value: str
    earliest: str | None = None  # ISO date bounds of a DATE/TIME; None for durations and sets
    latest: str | None = None
    anchor: TimexAnchor = "absolute"
    resolved: bool = True
    tense: str | None = None  # past / present / future of the clause it sits in (how it was resolved)
    kind: str | None = None  # "age" for a person's age ("Ruiz, 54,"): a DURATION TimeML leaves out
    # Where start/end point: "text" (the body), or a part of the article taken out of the body
    # ("title", "stamps/N", "boilerplate/N": Article.title, Article.stamps[N], Article.boilerplate[N]).
    part: str = "text"
    # TimeML functionInDocument of a date stamp: "CREATION_TIME" (the date the article states for
    # itself), "MODIFICATION_TIME" (an "Updated ..." stamp); None for every other expression.
    function: str | None = None


@dataclass(slots=True)
class Mention:
    """A named-entity (or title/pronoun) mention; ``entity`` is the LocalEntity key."""

    start: int
    end: int
    text: str
    label: str  # PERSON, ORG, GPE, NORP, ...
    entity: str | None = None


@dataclass(slots=True)
class Role:
    """A title or description an outlet gives an entity ("Colorado Attorney General")."""

    title: str
    spans: list[Span] = field(default_factory=list)
    as_of: str | None = None  # the article's publication date (or earliest bound)
    qualifier: str | None = None  # "former", "then", "now", ... when the text says so
    # "reporter" when the outlet describes the person in its own words; "quoted" when the title
    # stands inside a quotation (somebody else's description, e.g. a politician's post).
    voice: str = "reporter"


@dataclass(slots=True)
class LocalEntity:
    """The entity mentions of one article grouped together (before cross-article resolution)."""

    key: str  # "<article id>:<n>"
    name: str  # the longest proper-name form seen in the article
    type: str  # PERSON, ORG, GPE, ...
    mentions: list[Mention] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)


@dataclass(slots=True)
class Quote:
    """A direct quotation (``start``/``end`` inside the quote marks) and who it is attributed to."""

    start: int
    end: int
    text: str
    speaker: str | None = None  # LocalEntity key per article; Entity id in the dossier
    speaker_text: str | None = None  # the words in the text that name the speaker ("he", "Martin")
    speaker_start: int | None = None
    speaker_end: int | None = None
    cue: str | None = None  # said, told, wrote, posted, ...
    medium: str | None = None  # post, filing, statement, interview, show, message, ruling, ...
    kind: QuoteKind = "full"


@dataclass(slots=True)
class Claim:
    """An atomic, checkable statement with a canonical attribute and a normalized value."""

    id: str
    subject: str  # LocalEntity key per article; Entity id (or a plain label) in the dossier
    attribute: str  # age, sentence_length, charge_count, convicted_by, date_of:<event>, ...
    value: Any  # normalized: number, ISO date, entity id or string
    article: str
    start: int
    end: int
    text: str
    unit: str | None = None
    as_of: str | None = None  # when the claim is stated to hold (default: publication date)
    voice: str = "reporter"  # "reporter", or the speaker's entity key/id
    hedged: bool = False
    parts: list[Any] = field(default_factory=list)  # items of a list that a total should add up to
    # open-domain quantities (attribute "measure:<key>"): the interval the written value covers
    # (None = unbounded), what is measured in words, and whether it is a count of things
    low: float | None = None
    high: float | None = None
    measure: str | None = None
    discrete: bool = False
    # how the value is bounded or qualified: "at_least"/"at_most"/"about" (numbers), "so_far" (a
    # running count), "list" (value is the sum of ``parts``), "former"/"then"/"past" (titles)
    qualifier: str | None = None


@dataclass(slots=True)
class EventMention:
    """A sentence-level report of something that happened (a timeline candidate).

    Dated when a time expression of the sentence anchors it (``timex`` >= 0); otherwise
    ``timex`` is -1 and the story level dates it: by other outlets' reports of the same event, or
    by the article's narrative time (the date its neighbouring sentences report)."""

    article: str
    start: int  # the sentence (or clause) span
    end: int
    text: str
    timex: int  # index into ArticleAnalysis.timexes; -1: no time expression of its own
    predicate: str | None = None  # lemma of the anchored verb ("sentence", "file", "reject")
    entities: list[str] = field(default_factory=list)  # LocalEntity keys / Entity ids
    keys: list[str] = field(default_factory=list)  # content lemmas (participants, numbers), sorted


@dataclass(slots=True)
class ArticleAnalysis:
    """Everything the map step found in one article."""

    article: Article
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    entities: list[LocalEntity] = field(default_factory=list)
    timexes: list[TimeExpr] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    events: list[EventMention] = field(default_factory=list)
    labels: list[Label] = field(default_factory=list)
    # time expressions printed outside the body (headline, date stamps, boilerplate lines); each
    # one's ``part`` names the string its offsets point into. Kept apart from ``timexes`` (whose
    # offsets are into the body, and which events and claims use).
    furniture_timexes: list[TimeExpr] = field(default_factory=list)


@dataclass(slots=True)
class Label:
    """An evaluative term ("far-right", "false claims") and whose voice uses it."""

    term: str
    start: int
    end: int
    text: str
    voice: str = "reporter"  # "reporter" or "quoted"


# ----------------------------------------------------------------------------- the story level


@dataclass(slots=True)
class Entity:
    id: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)
    articles: list[str] = field(default_factory=list)


@dataclass(slots=True)
class QuoteInstance:
    article: str
    start: int
    end: int
    text: str
    speaker: str | None = None
    speaker_text: str | None = None
    cue: str | None = None
    medium: str | None = None
    kind: QuoteKind = "full"
    # who this outlet says spoke, as a name: the speaker entity's name, or, for a speaker the text
    # only describes ("prosecutors", "the company's lawyers"), that description
    speaker_name: str | None = None


@dataclass(slots=True)
class QuoteVariant:
    text: str
    articles: list[str] = field(default_factory=list)


@dataclass(slots=True)
class QuoteGroup:
    id: str
    text: str
    speaker_entity: str | None
    speaker_name: str | None
    quotes: list[QuoteInstance] = field(default_factory=list)
    variants: list[QuoteVariant] = field(default_factory=list)


@dataclass(slots=True)
class EventDate:
    value: str
    earliest: str | None
    latest: str | None
    granularity: Granularity = "unknown"
    approximate: bool = False


@dataclass(slots=True)
class EventSource:
    article: str
    start: int
    end: int
    text: str
    time_text: str  # "" when the sentence has no time expression of its own
    time_start: int | None = None
    time_end: int | None = None
    # how an undated sentence got its date: "other reports" (of the same event) or "narrative time"
    dated_by: str | None = None


@dataclass(slots=True)
class Event:
    id: str
    date: EventDate
    summary: str
    sources: list[EventSource] = field(default_factory=list)
    entities: list[str] = field(default_factory=list)
    predicate: str | None = None


@dataclass(slots=True)
class ComparisonSide:
    value: Any
    claims: list[str] = field(default_factory=list)
    articles: list[str] = field(default_factory=list)
    # the sentence the side's first claim is read from (the evidence a reader checks the value in)
    text: str = ""


@dataclass(slots=True)
class Comparison:
    id: str
    subject: str
    attribute: str
    status: ComparisonStatus
    sides: list[ComparisonSide] = field(default_factory=list)
    explanation: str = ""
    # a conflict's confidence: "real" (exact values that cannot both hold) or "possible"
    confidence: str | None = None
    scope: str = "between_articles"  # or "within_article": one article disagrees with itself


@dataclass(slots=True)
class CoverageLabel:
    term: str
    voice: str
    count: int
    spans: list[Span] = field(default_factory=list)


@dataclass(slots=True)
class Coverage:
    article: str
    unique: list[str] = field(default_factory=list)  # ids of events / claims / quote groups only it has
    omits: list[str] = field(default_factory=list)  # ids of items most other articles carry
    voices: dict[str, int] = field(default_factory=dict)  # entity id -> quotes attributed
    labels: list[CoverageLabel] = field(default_factory=list)


@dataclass(slots=True)
class Dossier:
    story_id: str
    story_title: str
    articles: list[ArticleAnalysis]
    entities: list[Entity] = field(default_factory=list)
    timeline: list[Event] = field(default_factory=list)
    quotes: list[QuoteGroup] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    comparisons: list[Comparison] = field(default_factory=list)
    coverage: list[Coverage] = field(default_factory=list)
    generator: str = "storyline"
    schema_version: str = SCHEMA_VERSION
    # a story that grows over runs on one store: its version (1 = first reduce) and what changed
    # since the previous version (story/versions.py: new articles, events, conflicts, quotes ...)
    version: int = 1
    changes: dict[str, Any] = field(default_factory=dict)


def to_dict(obj: Any) -> Any:
    """Plain-data form of any model object (dataclasses → dicts, recursively)."""
    return asdict(obj)
