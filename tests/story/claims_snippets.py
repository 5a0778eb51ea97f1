"""Test helper: a real spaCy parse of a hand-written news snippet → ArticleAnalysis with claims.

Entities, time expressions and quotes come from simple stand-ins here (NER spans grouped by surname,
time expressions given by the test, quotes found between quote marks) so the claim, comparison and
coverage tests do not depend on the other extractors' progress.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from storyline.analyze.claims import extract_claims
from storyline.analyze.labels import extract_labels
from storyline.model import (
    Article,
    ArticleAnalysis,
    Entity,
    LocalEntity,
    Mention,
    PubDate,
    Quote,
    Sentence,
    TimeExpr,
)

KEEP = {"PERSON", "ORG", "GPE", "NORP", "FAC"}
TITLE_WORDS = {"clerk", "gov", "governor", "president", "judge", "sen", "rep", "mr", "ms", "dr"}


def _name_key(label: str, text: str) -> str:
    words = [w for w in re.split(r"\s+", text.strip()) if w]
    if label == "PERSON" and words:
        return re.sub(r"[’']s?$", "", words[-1]).lower()
    return text.lower()


def build_analysis(nlp, text: str, *, article_id: str, outlet: str = "",
                   published: str | None = None,
                   timexes: Sequence[tuple[str, str]] = (),
                   speakers: dict[str, str] | None = None) -> ArticleAnalysis:
    """Parse ``text`` and run the claim and label extractors on it.

    ``timexes``: (surface text, TIMEX value) pairs, located at their first occurrence.
    ``speakers``: {words inside a quote: surname of its speaker}.
    """
    doc = nlp(text)
    article = Article(id=article_id, text=text, outlet=outlet,
                      published=PubDate(date=published, earliest=published, latest=published,
                                        basis="metadata" if published else "unknown"))
    keys: dict[str, str] = {}
    ents: dict[str, LocalEntity] = {}
    mentions: list[Mention] = []
    for ent in doc.ents:
        if ent.label_ not in KEEP:
            continue
        nk = (_name_key(ent.label_, ent.text), ent.label_)
        name = " ".join(w for w in ent.text.split() if w.lower().rstrip(".") not in TITLE_WORDS)
        if nk not in keys:
            keys[nk] = f"{article_id}:{len(keys)}"
            ents[keys[nk]] = LocalEntity(key=keys[nk], name=name, type=ent.label_)
        key = keys[nk]
        m = Mention(ent.start_char, ent.end_char, ent.text, ent.label_, key)
        mentions.append(m)
        ents[key].mentions.append(m)
        if len(name) > len(ents[key].name):
            ents[key].name = name
    txs = []
    for surface, value in timexes:
        i = text.index(surface)
        kind = "DURATION" if value.startswith("P") else "DATE"
        txs.append(TimeExpr(i, i + len(surface), surface, kind, value))
    quotes = []
    for m in re.finditer(r"[“\"]([^”\"]+)[”\"]", text):
        speaker = None
        for words, surname in (speakers or {}).items():
            if words in m.group(1):
                speaker = next((k for (n, lab), k in keys.items()
                                if n == surname.lower() and lab == "PERSON"), None)
        quotes.append(Quote(m.start(1), m.end(1), m.group(1), speaker=speaker))
    entities = list(ents.values())
    claims = extract_claims(doc, article, mentions, entities, txs, quotes)
    labels = extract_labels(doc, article, quotes)
    return ArticleAnalysis(article=article, sentences=[Sentence(s.start_char, s.end_char)
                                                       for s in doc.sents],
                           mentions=mentions, entities=entities, timexes=txs, quotes=quotes,
                           claims=claims, labels=labels)


def story_entities(analyses: Sequence[ArticleAnalysis]) -> tuple[list[Entity], dict[str, str]]:
    """Stand-in for resolve: local entities with the same name key share one story id."""
    by_key: dict[tuple[str, str], Entity] = {}
    emap: dict[str, str] = {}
    for a in analyses:
        for le in a.entities:
            nk = (_name_key(le.type, le.name), le.type)
            if nk not in by_key:
                by_key[nk] = Entity(id=f"E{len(by_key)}", name=le.name, type=le.type)
            ent = by_key[nk]
            if len(le.name) > len(ent.name):
                ent.name = le.name
            if a.article.id not in ent.articles:
                ent.articles.append(a.article.id)
            emap[le.key] = ent.id
    return list(by_key.values()), emap


def entity_id(entities: Sequence[Entity], surname: str) -> str:
    return next(e.id for e in entities if _name_key(e.type, e.name) == surname.lower())


def compare_reports(nlp, *reports):
    """reports: (outlet, published, text[, build_analysis kwargs]), one per outlet → (claims,
    comparisons, entities) of the story they make."""
    from storyline.story.compare import compare_claims

    analyses = []
    for i, rep in enumerate(reports):
        outlet, published, text = rep[:3]
        kwargs = rep[3] if len(rep) > 3 else {}
        analyses.append(build_analysis(nlp, text, article_id=f"art{i}", outlet=outlet,
                                       published=published, **kwargs))
    entities, emap = story_entities(analyses)
    claims, comparisons = compare_claims(analyses, emap, entities)
    return claims, comparisons, entities
