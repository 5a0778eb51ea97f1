"""Stories in a corpus: which articles report the same story (run before the per-story reduce).

Input is a corpus, not a story: a day of wire copy, an archive, a feed. :func:`cluster_stories`
splits the article analyses into stories, incrementally and deterministically:

1. **copies** — an article that ``ingest/dedupe.py`` marked as a copy (``duplicate_of``) joins its
   original's story and is not compared at all;
2. **profile** — every other article becomes a sparse TF-IDF vector over four kinds of evidence,
   each a group of keys with its own weight (:class:`ClusterOptions`):

   * ``n:`` names — the article's entities (people by surname, organisations, places, …), the
     strongest sign of one story;
   * ``p:`` event predicates — lemmas of the verbs its timeline candidates hang on (``collapse``,
     ``sentence``, ``resign``);
   * ``d:`` dates — the days, months and years its resolved time expressions and its publication
     date name (two earthquakes in one region are told apart by when they happened);
   * ``w:`` content words — the headline and body words outside a general stop list (spaCy's
     English ``STOP_WORDS``), lightly stemmed.

   Document frequencies are counted over the whole input first, so a key every story shares (the
   month of a day's news) weighs little (idf + ``idf_floor``), and a key only one article has
   counts ``unique`` times its weight;
3. **assign** — articles are visited in a fixed order (publication date, then id). Each is compared
   with the stories found so far — only those that share one of its heaviest keys (an inverted
   index: *blocking*, so the cost per article stays flat as the corpus grows) — by average link, the
   mean cosine between it and the story's articles (one dot product with the story's summed
   vector). It joins the most similar story at or above ``threshold``, else starts a new one. A
   one-article story is still a story;
4. **merge** — agglomerative rounds: stories whose articles are on average at least
   ``merge_threshold`` similar are merged, the most similar pairs first (the visiting order can
   split a story whose first reports share little; its later reports bridge it).

Pure: no files, no database, no network. Same input (in any order), same stories.
"""

from __future__ import annotations

import math
import re
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from storyline.model import ArticleAnalysis
from storyline.options import ClusterOptions
from storyline.unionfind import UnionFind

NAME_TYPES = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT",
                        "WORK_OF_ART", "LAW"})


# ----------------------------------------------------------------------------- profiles


_WORD = re.compile(r"[^\W\d_][\w'’-]*[^\W_]|[^\W\d_]")


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    from storyline.lexicon.en.press import NEWS_STOP_WORDS

    return frozenset(STOP_WORDS) | NEWS_STOP_WORDS


def _stem(word: str) -> str:
    """A light plural/-ing stem, enough to join "fires"/"fire" and "rescuers"/"rescuer"."""
    for suffix, keep in (("ies", "y"), ("sses", "ss"), ("s", "")):
        if word.endswith(suffix) and len(word) > len(suffix) + 3 and not word.endswith("ss"):
            return word[: -len(suffix)] + keep
    return word


def content_words(text: str) -> Counter[str]:
    stop = _stop_words()
    out: Counter[str] = Counter()
    for m in _WORD.finditer(text):
        w = m.group().lower().replace("’", "'")
        if w.endswith("'s"):
            w = w[:-2]
        if len(w) < 3 or w in stop:
            continue
        out[_stem(w)] += 1
    return out


def _name_keys(a: ArticleAnalysis) -> Counter[str]:
    out: Counter[str] = Counter()
    for ent in a.entities:
        if ent.type not in NAME_TYPES or not ent.name:
            continue
        words = [w for w in _WORD.findall(ent.name.lower()) if w not in _stop_words()]
        if not words:
            continue
        count = max(1, len(ent.mentions))
        if ent.type == "PERSON":
            out["n:" + words[-1]] += count  # the surname: "Ms Okafor" and "Ada Okafor" alike
        else:
            out["n:" + " ".join(words)] += count
    return out


_DAY = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def _date_keys(a: ArticleAnalysis) -> Counter[str]:
    out: Counter[str] = Counter()
    values = [t.value for t in a.timexes if t.type in ("DATE", "TIME") and t.resolved]
    pub = a.article.published
    if pub.date:
        values.append(pub.date)
    for v in values:
        m = _DAY.match(v or "")
        if not m:
            continue
        out[f"d:{m.group(1)}"] += 1
        if not m.group(2):
            continue
        out[f"d:{m.group(1)}-{m.group(2)}"] += 1
        if m.group(3):
            out[f"d:{m.group(1)}-{m.group(2)}-{m.group(3)}"] += 1
    return out


@dataclass(frozen=True, slots=True)
class ArticleProfile:
    """What story detection needs of one article: small enough to keep for every article of a big
    corpus (the store keeps one per analysis), so clustering never holds the analyses themselves."""

    id: str
    order: str  # publication date (or the earliest possible one); unknown: "9999-99-99"
    duplicate_of: str | None
    keys: dict[str, int]  # profile(): evidence key -> count


def article_profile(a: ArticleAnalysis) -> ArticleProfile:
    pub = a.article.published
    return ArticleProfile(a.article.id, pub.date or pub.earliest or "9999-99-99", a.article.duplicate_of,
                          dict(profile(a)))


def profile(a: ArticleAnalysis) -> Counter[str]:
    """The article's evidence keys with their counts (``n:``, ``p:``, ``d:``, ``w:`` prefixes)."""
    keys = _name_keys(a)
    keys.update("p:" + e.predicate.lower() for e in a.events if e.predicate)
    keys.update(_date_keys(a))
    title = a.article.title or ""
    words = content_words(a.article.text)
    words.update(content_words(title))  # the headline once more: it names the story
    keys.update({"w:" + w: c for w, c in words.items()})
    return keys


def _group_weight(key: str, opts: ClusterOptions) -> float:
    return {"n": opts.names, "p": opts.predicates, "d": opts.dates, "w": opts.words}[key[0]]


# A vector is two parallel arrays: key numbers (the rank of the key in the sorted vocabulary, so
# number order is key order) and weights. About 12 bytes a key, where a dict of strings takes ~120:
# the vectors of every article of a 100k corpus fit in memory.
Vector = tuple["array[int]", "array[float]"]


def _vector(keys: dict[str, int], df: dict[str, int], vocab: dict[str, int], n_docs: int,
            opts: ClusterOptions) -> Vector:
    weights: list[tuple[int, float]] = []
    for k, c in keys.items():
        idf = math.log((n_docs + 1) / (df[k] + 1)) + opts.idf_floor
        w = (1 + math.log(c)) * idf * _group_weight(k, opts)
        if df[k] < 2:
            w *= opts.unique
        weights.append((vocab[k], w))
    norm = math.sqrt(sum(w * w for _, w in weights))
    if not norm:
        return array("l"), array("d")
    weights.sort()
    return array("l", (k for k, _ in weights)), array("d", (w / norm for _, w in weights))


def _dot(vec: Vector, centroid: dict[int, float]) -> float:
    get = centroid.get
    return sum(v * get(k, 0.0) for k, v in zip(vec[0], vec[1], strict=True))


def _cosine(a: dict[int, float], b: dict[int, float], norm: float) -> float:
    """The dot product of two sparse vectors divided by ``norm``."""
    if not norm:
        return 0.0
    if len(a) > len(b):
        a, b = b, a
    get = b.get
    return sum(v * get(k, 0.0) for k, v in a.items()) / norm


# ----------------------------------------------------------------------------- clustering


class _Story:
    __slots__ = ("members", "sums", "centroid")

    def __init__(self) -> None:
        self.members: list[str] = []
        self.sums: dict[int, float] = {}
        self.centroid: dict[int, float] = {}  # the sum of the members' vectors, heaviest keys

    def add(self, article: str, vec: Vector, keep: int) -> None:
        self.members.append(article)
        sums = self.sums
        for k, v in zip(vec[0], vec[1], strict=True):
            sums[k] = sums.get(k, 0.0) + v
        self._refresh(keep)

    def absorb(self, other: _Story, keep: int) -> None:
        self.members.extend(other.members)
        for k, v in other.sums.items():
            self.sums[k] = self.sums.get(k, 0.0) + v
        self._refresh(keep)

    def _refresh(self, keep: int) -> None:
        items: Iterable[tuple[int, float]] = self.sums.items()
        if len(self.sums) > keep:
            items = sorted(items, key=lambda kv: (-kv[1], kv[0]))[:keep]
        self.centroid = dict(items)


Profiles = Iterable[ArticleProfile] | Callable[[], Iterable[ArticleProfile]]


def cluster_stories(analyses: Sequence[ArticleAnalysis],
                    options: ClusterOptions | None = None) -> list[list[ArticleAnalysis]]:
    """The stories of a corpus: lists of analyses, each sorted by article id; stories ordered by
    their earliest article (publication date, then id). Every analysis is in exactly one story."""
    by_id = {a.article.id: a for a in analyses}
    profiles = [article_profile(a) for a in by_id.values()]
    return [[by_id[i] for i in story] for story in cluster_profiles(profiles, options)]


def cluster_profiles(profiles: Profiles, options: ClusterOptions | None = None) -> list[list[str]]:
    """:func:`cluster_stories` over article profiles: the stories as lists of article ids.

    ``profiles`` is read twice (document frequencies first, then the vectors): a sequence, or a
    function that returns a fresh iterable each time it is called (profiles streamed from a store,
    so that only the compact vectors are ever held, never all the profiles at once)."""
    opts = options or ClusterOptions()

    def read() -> Iterable[ArticleProfile]:
        return profiles() if callable(profiles) else profiles

    order: dict[str, str] = {}
    copy_of: dict[str, str] = {}
    for p in read():  # pass 1: ids, order, copies
        if p.id not in order:
            order[p.id] = p.order
            if p.duplicate_of and p.duplicate_of != p.id:
                copy_of[p.id] = p.duplicate_of
    copy_of = {i: o for i, o in copy_of.items() if o in order}  # a copy of nothing here is an original
    ordered = sorted(order, key=lambda i: (order[i], i))
    originals = [i for i in ordered if i not in copy_of]

    df: Counter[str] = Counter()  # pass 2: document frequencies over the originals (copies are not compared)
    seen: set[str] = set()
    for p in read():
        if p.id not in copy_of and p.id not in seen:
            seen.add(p.id)
            df.update(p.keys.keys())
    del seen
    vocab = {k: n for n, k in enumerate(sorted(df))}
    vectors: dict[str, Vector] = {}
    for p in read():  # pass 3: the compact vectors
        if p.id not in copy_of and p.id not in vectors:
            vectors[p.id] = _vector(p.keys, df, vocab, len(originals), opts)
    del vocab, df

    stories: list[_Story] = []
    index: dict[int, list[int]] = {}
    for i in originals:
        vec = vectors.pop(i)
        query = _query_keys(vec, opts)
        best, best_sim = -1, opts.threshold
        for s in _candidates(query, index):
            story = stories[s]
            sim = _dot(vec, story.centroid) / len(story.members)  # average link
            if sim >= best_sim and (sim > best_sim or best < 0):
                best, best_sim = s, sim
        if best < 0:
            best = len(stories)
            stories.append(_Story())
        stories[best].add(i, vec, opts.centroid_keys)
        for k in query:
            postings = index.setdefault(k, [])
            if not postings or postings[-1] != best:
                if best not in postings:
                    postings.append(best)
                    if len(postings) > opts.max_postings:
                        del postings[0]

    groups = _merge(stories, index, opts) if opts.merge else [s.members for s in stories]
    return _with_copies(groups, ordered, copy_of)


def _query_keys(vec: Vector, opts: ClusterOptions) -> list[int]:
    """The article's heaviest keys (ties: key order)."""
    pairs = sorted(zip(vec[0], vec[1], strict=True), key=lambda kv: (-kv[1], kv[0]))
    return [k for k, _ in pairs[: opts.query_keys]]


def _centroid_keys(centroid: dict[int, float], opts: ClusterOptions) -> list[int]:
    return [k for k, _ in sorted(centroid.items(), key=lambda kv: (-kv[1], kv[0]))[: opts.query_keys]]


def _candidates(query: Iterable[int], index: dict[int, list[int]]) -> list[int]:
    found: set[int] = set()
    for k in query:
        found.update(index.get(k, ()))
    return sorted(found)


def _pair_score(a: _Story, b: _Story) -> float:
    """Average link: the mean cosine between the two stories' articles."""
    return _cosine(a.centroid, b.centroid, float(len(a.members) * len(b.members)))


def _merge(stories: list[_Story], index: dict[int, list[int]], opts: ClusterOptions) -> list[list[str]]:
    """Agglomerative rounds over the stories found: in each round the most similar pairs at or
    above ``merge_threshold`` are merged (each story once per round), until none is left. Candidate
    pairs come from the same inverted index (blocking)."""
    limit = opts.merge_threshold
    uf = UnionFind(range(len(stories)))
    alive = list(range(len(stories)))
    for _round in range(opts.max_merge_rounds):
        pairs: list[tuple[float, int, int]] = []
        for s in alive:
            story = stories[s]
            keys = _centroid_keys(story.centroid, opts)
            near = {uf.find(o) for k in keys for o in index.get(k, ())}
            for o in sorted(near):
                if o <= s:
                    continue
                sim = _pair_score(story, stories[o])
                if sim >= limit:
                    pairs.append((-sim, s, o))
        if not pairs:
            break
        pairs.sort()
        used: set[int] = set()
        for _sim, s, o in pairs:
            if s in used or o in used:
                continue
            used.update((s, o))
            uf.union(s, o)
            keep, gone = (s, o) if uf.find(s) == s else (o, s)
            stories[keep].absorb(stories[gone], opts.centroid_keys)
            stories[gone] = _Story()
        alive = sorted({uf.find(s) for s in alive})
    return [stories[s].members for s in alive if stories[s].members]


def _with_copies(groups: Iterable[list[str]], ordered: Sequence[str],
                 copy_of: dict[str, str]) -> list[list[str]]:
    """Each copy joins its original's story (following a chain of copies; a cycle of copies,
    which dedupe never makes, becomes a story of its own)."""
    story_of: dict[str, int] = {}
    out: list[list[str]] = []
    for g in groups:
        for i in g:
            story_of[i] = len(out)
        out.append(list(g))
    for aid in ordered:
        if aid in story_of:
            continue
        root, seen = aid, {aid}
        while (nxt := copy_of.get(root)) and nxt not in seen:
            seen.add(nxt)
            root = nxt
        s = story_of.get(root)
        if s is None:
            s = len(out)
            out.append([])
        for i in (aid, root):
            if i not in story_of:
                story_of[i] = s
                out[s].append(i)
    rank = {aid: r for r, aid in enumerate(ordered)}
    stories = [sorted(g) for g in out if g]
    stories.sort(key=lambda s: min(rank[i] for i in s))
    return stories
