"""Per-story reduce: all ArticleAnalysis of one story → Dossier.

The order is written down here, once:

1. dedupe     — near-duplicate / syndicated copies are linked (ingest/dedupe.py ran already)
2. resolve    — local entities → story entities, one id each                   (resolve.py)
   dates      — undated articles' publication ranges narrowed by other outlets' dates for the
                same events; their relative time expressions resolved again     (timeline.py)
3. timeline   — event mentions merged across outlets, dated, ordered            (timeline.py)
4. quotes     — the same utterance across outlets grouped, variants listed      (quotes.py)
5. compare    — claims with resolved subjects compared across outlets           (compare.py)
6. coverage   — what each outlet alone reports, omits, whose voices, which labels (coverage.py)

Pure: no files, no database, no network.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from storyline.model import ArticleAnalysis, Dossier
from storyline.options import Options, TimelineOptions

if TYPE_CHECKING:
    from storyline.story.timeline import TimelineDraft


def story_id(analyses: Sequence[ArticleAnalysis]) -> str:
    ids = sorted(a.article.id for a in analyses)
    return hashlib.sha256("\n".join(ids).encode()).hexdigest()[:12]


def story_title(analyses: Sequence[ArticleAnalysis]) -> str:
    """The title of the earliest-dated article with a title (extractive, never generated)."""
    titled = [a.article for a in analyses if a.article.title]
    if not titled:
        return ""
    titled.sort(key=lambda a: (a.published.date or a.published.earliest or "9999", a.id))
    return titled[0].title or ""


def build_dossier(analyses: Sequence[ArticleAnalysis], *, title: str | None = None,
                  options: Options | None = None) -> Dossier:
    """The reduce: one story's analyses → its dossier. ``options``: the story level's tuning
    (``Options()`` when not given), each part handed to its stage."""
    from storyline.story.compare import compare_claims, review_event_dates
    from storyline.story.coverage import build_coverage
    from storyline.story.dating import date_from_timeline
    from storyline.story.quotes import group_quotes
    from storyline.story.resolve import resolve_entities
    from storyline.story.timeline import build_timeline, draft_timeline

    opts = options or Options()
    analyses = sorted(analyses, key=lambda a: a.article.id)
    entities, entity_map = resolve_entities(analyses, opts.resolve, opts.entities)
    # the event merge is made once; again only when the refinement changed an article's dates
    draft = draft_timeline(analyses, entity_map, opts.timeline)
    analyses = refine_dates(analyses, entity_map, opts.timeline, draft=draft)
    timeline, date_comparisons = build_timeline(analyses, entity_map, opts.timeline, draft=draft)
    analyses = date_from_timeline(analyses, timeline)
    quote_groups, quote_comparisons = group_quotes(analyses, entity_map, entities, opts.quotes)
    claims, claim_comparisons = compare_claims(analyses, entity_map, entities, opts.compare)
    review_event_dates(date_comparisons)
    comparisons = claim_comparisons + date_comparisons + quote_comparisons
    coverage = build_coverage(analyses, entity_map, timeline, quote_groups, claims, comparisons, opts.compare)
    return Dossier(story_id=story_id(analyses), story_title=title or story_title(analyses),
                   articles=list(analyses), entities=entities, timeline=timeline,
                   quotes=quote_groups, claims=claims, comparisons=comparisons, coverage=coverage)


def refine_dates(analyses: list[ArticleAnalysis], entity_map: dict[str, str],
                 opts: TimelineOptions | None = None, *,
                 draft: TimelineDraft | None = None) -> list[ArticleAnalysis]:
    """Narrow undated articles' publication ranges with the story's other reports (new objects).

    The map step could only bound an undated article by its own dated events; across outlets the
    same event's firm date pins much more ("last year" in one report, "October 2024" in another).
    The article's relative time expressions are then resolved again against the narrower range, and
    its claims follow: the default ``as_of`` (publication) and dates taken from those expressions.
    Returns ``analyses`` itself when no article changed (so a ``draft`` of it stays valid).
    """
    from storyline.analyze.time import reresolve
    from storyline.story.timeline import refine_publication

    refined = refine_publication(analyses, entity_map, opts, draft=draft)
    if not refined:
        return analyses
    out: list[ArticleAnalysis] = []
    for a in analyses:
        pub = refined.get(a.article.id)
        if pub is None:
            out.append(a)
            continue
        old_default = a.article.published.date or a.article.published.earliest
        new_default = pub.date or pub.earliest
        article = replace(a.article, published=pub)
        timexes = reresolve(article, a.timexes, pub)
        moved = {(old.start, old.end, old.value): new.value
                 for old, new in zip(a.timexes, timexes, strict=False) if old.value != new.value}
        claims = []
        for c in a.claims:
            if c.as_of == old_default:
                c = replace(c, as_of=new_default)
            if c.attribute.startswith("date_of:"):
                for (start, end, value), new_value in moved.items():
                    if c.start <= start and end <= c.end and c.value == value:
                        c = replace(c, value=new_value)
                        break
            claims.append(c)
        out.append(replace(a, article=article, timexes=timexes, claims=claims,
                           furniture_timexes=reresolve(article, a.furniture_timexes, pub)))
    return out
