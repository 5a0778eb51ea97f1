"""Coverage: per article, what only it reports, what it leaves out, whose voices, which labels.

Items are the story-level things an article can carry:

* timeline events (``Event.id``; carried by the articles of its sources),
* quote groups (``QuoteGroup.id``; carried by the articles of its quote instances),
* claims, blocked the way the comparison step blocks them: one item per comparison
  (``Comparison.id``; carried by the articles of its sides).

``unique`` lists the ids of events and quote groups only this article carries, and the ids of its
claims whose comparison no other article shares. ``omits`` lists the ids of events, quote groups
and comparisons that more than half of the *other* articles (and at least two) carry but this one
does not. ``voices`` counts quotes per speaker entity id. ``labels`` groups the article's
evaluative labels by term and voice, with their spans. Counts only — no judgement.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from storyline.model import (
    ArticleAnalysis,
    Claim,
    Comparison,
    Coverage,
    CoverageLabel,
    Event,
    QuoteGroup,
    Span,
)
from storyline.options import CompareOptions


def build_coverage(analyses: Sequence[ArticleAnalysis], entity_map: dict[str, str],
                   timeline: list[Event], quote_groups: list[QuoteGroup], claims: list[Claim],
                   comparisons: list[Comparison], opts: CompareOptions | None = None) -> list[Coverage]:
    """One Coverage per article, in the order of ``analyses``."""
    opts = opts or CompareOptions()
    article_ids = [a.article.id for a in analyses]
    carriers: dict[str, set[str]] = {}  # item id -> articles carrying it
    for ev in timeline:
        carriers[ev.id] = {s.article for s in ev.sources}
    for g in quote_groups:
        carriers[g.id] = {q.article for q in g.quotes}
    claim_ids = {c.id for c in claims}
    claim_item: dict[str, str] = {}  # claim id -> comparison id
    comparison_items: set[str] = set()
    for cmp in comparisons:
        arts = {a for side in cmp.sides for a in side.articles}
        ids = [cid for side in cmp.sides for cid in side.claims if cid in claim_ids]
        if not ids:
            continue  # comparisons from other stages (dates, quotes) are not claim items
        carriers[cmp.id] = arts
        comparison_items.add(cmp.id)
        for cid in ids:
            claim_item[cid] = cmp.id
    claims_by_article: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        claims_by_article[c.article].append(c)

    # Per item, not per article × item: an item carried by one article is unique to it, and an
    # item carried by more than half of the other articles is omitted by every article not
    # carrying it. Both follow from the item's own carrier set, so the work is linear in the
    # number of (item, carrier) pairs; the omit lists themselves stay small (an item omitted by
    # some article is carried by over half of the corpus, so omits are bounded by 2 × carriers).
    # A republished copy (``duplicate_of``) is not another source: carriers are counted by the
    # original they republish, so an item only an article and its copies carry is unique to them,
    # and a copy neither makes an item "most others carry" nor omits what its original carries.
    source = {a.article.id: a.article.duplicate_of or a.article.id for a in analyses}
    sources_in_story = {source[x] for x in article_ids}
    story = set(article_ids)
    unique: dict[str, list[str]] = defaultdict(list)
    majority: list[tuple[str, set[str], int]] = []  # (item, sources carrying it, their number)
    # an article not carrying an item has at least this many other sources
    fewest_others = len(sources_in_story) - 1
    for item, arts in carriers.items():
        fam = {source.get(x, x) for x in arts & story}
        if len(fam) == 1 and item not in comparison_items:
            for carrier in sorted(arts & story):
                unique[carrier].append(item)
        share = len(fam) if len(fam) >= opts.min_carriers_for_omit else 0
        if share >= opts.min_carriers_for_omit and share * 2 > fewest_others:
            majority.append((item, fam, share))
    voices = _voices_by_article(quote_groups, entity_map)

    out: list[Coverage] = []
    for a in analyses:
        aid = a.article.id
        cov = Coverage(article=aid)
        n_others = len(sources_in_story) - 1
        cov.unique.extend(unique.get(aid, ()))
        if n_others:
            cov.omits.extend(item for item, fam, share in majority
                             if share * 2 > n_others and source[aid] not in fam)
        for c in claims_by_article.get(aid, []):
            compared = claim_item.get(c.id)
            if compared is not None and {source.get(x, x) for x in carriers.get(compared, ())} == {source[aid]}:
                cov.unique.append(c.id)
        cov.unique.sort()
        cov.omits.sort()
        cov.voices = voices.get(aid, {})
        cov.labels = _labels(a)
        out.append(cov)
    return out


def _voices_by_article(groups: list[QuoteGroup],
                       entity_map: dict[str, str]) -> dict[str, dict[str, int]]:
    """Quotes per speaker entity id, for every article at once (one pass over the quotes)."""
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for g in groups:
        for q in g.quotes:
            speaker = q.speaker or g.speaker_entity
            if speaker:
                counts[q.article][entity_map.get(speaker, speaker)] += 1
    return {aid: dict(sorted(c.items())) for aid, c in counts.items()}


def _labels(a: ArticleAnalysis) -> list[CoverageLabel]:
    grouped: dict[tuple[str, str], CoverageLabel] = {}
    for lab in a.labels:
        key = (lab.term, lab.voice)
        cl = grouped.setdefault(key, CoverageLabel(term=lab.term, voice=lab.voice, count=0))
        cl.count += 1
        cl.spans.append(Span(a.article.id, lab.start, lab.end, lab.text))
    return [grouped[k] for k in sorted(grouped)]
