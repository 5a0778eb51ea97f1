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
from collections.abc import Callable, Mapping, Sequence

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


class Deduper:
    """Near-duplicate detection one article at a time, with compact state only.

    Per article it keeps its id, its order key (:func:`order_key`), the hash of its word sequence
    and its MinHash signature's bands in the LSH index (datasketch) — never its text nor its
    shingles. A candidate the index proposes is confirmed on the two shingle sets: the earlier
    article's text is read back through ``texts`` (ids → texts; a run reads them from the store).
    Feeding the articles in the same order gives the same copies as :func:`mark_duplicates`,
    which is this class over a list; in any order, the same groups.
    """

    def __init__(self, texts: Callable[[Sequence[str]], Mapping[str, str]],
                 options: IngestOptions | None = None) -> None:
        from datasketch import MinHash, MinHashLSH

        opts = self.options = options or IngestOptions()
        if not 0.0 < opts.copy_jaccard <= 1.0:
            raise ValueError(f"threshold must be in (0, 1], got {opts.copy_jaccard}")
        if not 0.0 < opts.containment <= 1.0:
            raise ValueError(f"containment must be in (0, 1], got {opts.containment}")
        self._texts = texts
        self._ids: list[str] = []
        self._order: list[tuple[str, str]] = []
        self._first_with: dict[bytes, int] = {}  # word-sequence digest → first article with it
        self._uf: UnionFind[int] = UnionFind()
        # Jaccard of a text contained (to ``containment``) in one max_length_ratio times as long
        implied = opts.containment / (opts.max_length_ratio + 1 - opts.containment)
        self._lsh = MinHashLSH(threshold=max(0.05, min(opts.copy_jaccard, implied) * opts.lsh_slack),
                               num_perm=opts.num_perm)
        model = MinHash(num_perm=opts.num_perm, seed=1)  # its permutations are made once, then shared
        self._permutations, self._scheme = model.permutations, model.scheme

    def __len__(self) -> int:
        return len(self._ids)

    def add(self, article_id: str, text: str, order: tuple[str, str]) -> None:
        """One more article (``order``: :func:`order_key` of it)."""
        from datasketch import MinHash

        opts = self.options
        i = len(self._ids)
        self._ids.append(article_id)
        self._order.append(order)
        self._uf.add(i)
        # 1. exact: same word sequence
        key = hashlib.sha256(" ".join(_words(text)).encode()).digest()[:16]
        if key in self._first_with:
            self._uf.union(self._first_with[key], i)
            return
        self._first_with[key] = i
        # 2. near: MinHash LSH candidates, confirmed on the shingle sets
        mine = shingles(text, opts.shingle_words)
        m = MinHash(num_perm=opts.num_perm, seed=1, permutations=self._permutations, scheme=self._scheme)
        m.update_batch([sh.encode("utf-8") for sh in sorted(mine)])
        found = sorted(int(j) for j in self._lsh.query(m))
        if found:
            texts = self._texts([self._ids[j] for j in found])
            for j in found:
                other = texts.get(self._ids[j])
                if other is not None and is_copy(mine, shingles(other, opts.shingle_words),
                                                 opts.copy_jaccard, opts.containment, opts.min_shared):
                    self._uf.union(j, i)
        self._lsh.insert(str(i), m)

    def originals(self) -> dict[str, str]:
        """Each copy's id → the id of the earliest article of its group (the original): by
        published date, then id. Articles that are no copy are not listed."""
        out: dict[str, str] = {}
        for members in self._uf.groups().values():
            if len(members) < 2:
                continue
            original = min(members, key=lambda k: self._order[k])
            for k in members:
                if self._ids[k] != self._ids[original]:
                    out[self._ids[k]] = self._ids[original]
        return out


def order_key(article: Article) -> tuple[str, str]:
    """The order in which a group's original is chosen: published date (``date``, else
    ``earliest``; unknown dates last), then id."""
    pub = article.published
    return (pub.date or pub.earliest or "9999-99-99", article.id)


def mark_duplicates(articles: list[Article], options: IngestOptions | None = None) -> None:
    """Set ``duplicate_of`` on every later copy to the id of the earliest copy (in place); the
    thresholds are ``options`` (``IngestOptions()`` when not given)."""
    by_id = {a.id: a.text for a in articles}
    dedupe = Deduper(lambda ids: {i: by_id[i] for i in ids}, options)
    for a in articles:
        dedupe.add(a.id, a.text, order_key(a))
    originals = dedupe.originals()
    for a in articles:
        a.duplicate_of = originals.get(a.id)
