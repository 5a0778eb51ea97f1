"""Per-article analysis (the *map* step): Article + its spaCy Doc → ArticleAnalysis.

The order is written down here, once:

1. entities  — NER mentions grouped into local entities, with roles/titles   (entities.py)
2. time      — time expressions normalized against the publication date; an inferred publication
               range when the article has none                                  (timex.py)
3. quotes    — direct quotations with speaker, cue, medium                     (quotes.py)
4. claims    — atomic claims and evaluative labels                             (claims.py)
5. events    — sentences anchored to a time expression (timeline candidates)   (events.py)

Every function here is pure: no files, no database, no network.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from storyline.model import Article, ArticleAnalysis, Sentence
from storyline.options import Options

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


def analyze_doc(article: Article, doc: Doc, options: Options | None = None) -> ArticleAnalysis:
    """Run every extractor on one parsed article (``options.entities``: the casing evidence's
    thresholds and the given-name gender cut-offs of the entity and quote steps; ``Options()`` when
    not given)."""
    from storyline.analyze.claims.extract import extract_claims, extract_labels
    from storyline.analyze.entities.extract import extract_entities
    from storyline.analyze.events import extract_events
    from storyline.analyze.quotes.extract import extract_quotes
    from storyline.analyze.time import analyze_time, furniture_timexes, post_times, speech_times

    sentences = [Sentence(s.start_char, s.end_char) for s in doc.sents]
    entity_options = (options or Options()).entities
    mentions, entities = extract_entities(doc, article, entity_options)
    published, timexes = analyze_time(doc, article)
    article.published = published
    furniture = furniture_timexes(article, published)
    quotes = extract_quotes(doc, article, mentions, entities, entity_options)
    timexes = speech_times(doc, article, timexes, quotes)  # "tomorrow," she said on Friday
    timexes = post_times(article, timexes)  # "last night" in a post signed "— Name (@handle) March 3, 2025"
    claims = extract_claims(doc, article, mentions, entities, timexes, quotes)
    labels = extract_labels(doc, article, quotes)
    events = extract_events(doc, article, timexes, mentions, quotes)
    return ArticleAnalysis(article=article, sentences=sentences, mentions=mentions,
                           entities=entities, timexes=timexes, quotes=quotes, claims=claims,
                           events=events, labels=labels, furniture_timexes=furniture)


def analyze_article(article: Article, nlp: Language | None = None) -> ArticleAnalysis:
    from storyline.analyze.nlp import parse_one

    return analyze_doc(article, parse_one(article.text, nlp))
