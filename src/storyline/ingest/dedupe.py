"""Near-duplicate and syndicated copies: the later copy points to the earliest (``duplicate_of``).

Two passes, neither compares all pairs:

1. exact: articles whose word sequence is the same (ignoring case, punctuation and spacing) share a
   hash and are grouped directly;
2. near: one representative per exact group goes into a MinHash LSH index (datasketch) over word
   5-gram shingles; the index proposes candidate pairs, and each candidate is confirmed exactly on
   the two shingle sets, so the result does not depend on MinHash estimation noise. A pair is a copy
   when its Jaccard similarity reaches ``threshold``, **or** when most of the shorter text's shingles
   occur in the longer one (containment ``>= containment``): a copy cut short, or one with a new
   first paragraph or an editor's note, has a low Jaccard similarity but is still a copy. The index
   is queried at the Jaccard similarity such a containment implies for texts up to
   ``IngestOptions.max_length_ratio`` times as long as each other.

Groups are closed transitively (union-find). In each group the earliest article — by published date
(``date``, else ``earliest``; unknown dates last), then id — is the original; every other member gets
``duplicate_of`` set to its id. Everything else gets ``duplicate_of = None``.
"""

from __future__ import annotations

import hashlib
import re

from storyline.model import Article
from storyline.options import IngestOptions
from storyline.unionfind import UnionFind

_WORD = re.compile(r"\w+")


def _words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def shingles(text: str, size: int = IngestOptions().shingle_words) -> set[str]:
    """Word ``size``-grams of the text (the words themselves for texts shorter than ``size``)."""
    words = _words(text)
    if len(words) < size:
        return set(words)
    return {" ".join(words[i:i + size]) for i in range(len(words) - size + 1)}


def jaccard(a: set[str], b: set[str]) -> float:
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)


def _order_key(article: Article) -> tuple[str, str]:
    pub = article.published
    return (pub.date or pub.earliest or "9999-99-99", article.id)


def containment(a: set[str], b: set[str]) -> float:
    """Share of the smaller set found in the larger one."""
    small = min(len(a), len(b))
    return len(a & b) / small if small else 0.0


def is_copy(a: set[str], b: set[str], threshold: float, contained: float, min_shared: int) -> bool:
    """Jaccard similarity at least ``threshold``, or containment at least ``contained`` with at least
    ``min_shared`` shingles in common."""
    if jaccard(a, b) >= threshold:
        return True
    return len(a & b) >= min_shared and containment(a, b) >= contained


def mark_duplicates(articles: list[Article], options: IngestOptions | None = None) -> None:
    """Set ``duplicate_of`` on every later copy to the id of the earliest copy (in place); the
    thresholds are ``options`` (``IngestOptions()`` when not given)."""
    opts = options or IngestOptions()
    threshold, contained = opts.copy_jaccard, opts.containment
    from datasketch import MinHash, MinHashLSH

    if not 0.0 < threshold <= 1.0:
        raise ValueError(f"threshold must be in (0, 1], got {threshold}")
    if not 0.0 < contained <= 1.0:
        raise ValueError(f"containment must be in (0, 1], got {contained}")
    n = len(articles)
    uf = UnionFind(range(n))
    find, union = uf.find, uf.union

    # 1. exact: same word sequence
    first_with: dict[str, int] = {}
    representatives: list[int] = []
    for i, article in enumerate(articles):
        key = hashlib.sha256(" ".join(_words(article.text)).encode()).hexdigest()
        if key in first_with:
            union(first_with[key], i)
        else:
            first_with[key] = i
            representatives.append(i)

    # 2. near: MinHash LSH candidates, confirmed by exact Jaccard
    sets = {i: shingles(articles[i].text, opts.shingle_words) for i in representatives}
    # Jaccard of a text contained (to ``contained``) in one max_length_ratio times as long
    implied = contained / (opts.max_length_ratio + 1 - contained)
    lsh = MinHashLSH(threshold=max(0.05, min(threshold, implied) * opts.lsh_slack), num_perm=opts.num_perm)
    hashes: dict[int, MinHash] = {}
    for i in representatives:
        m = MinHash(num_perm=opts.num_perm, seed=1)
        m.update_batch([s.encode("utf-8") for s in sorted(sets[i])])
        hashes[i] = m
        for j in lsh.query(m):
            if is_copy(sets[i], sets[int(j)], threshold, contained, opts.min_shared):
                union(int(j), i)
        lsh.insert(str(i), m)

    # 3. the earliest article of each group is the original
    groups: dict[int, list[int]] = {}
    for i in range(n):
        groups.setdefault(find(i), []).append(i)
    for members in groups.values():
        original = min(members, key=lambda k: _order_key(articles[k]))
        for k in members:
            same = articles[k].id == articles[original].id
            articles[k].duplicate_of = None if k == original or same else articles[original].id
