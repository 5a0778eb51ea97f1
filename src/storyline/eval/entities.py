"""ECB+ cross-document coreference: entities and events, our resolver beside the same-lemma baseline.

Setting (the usual one for this benchmark): **gold mentions** (the annotated spans, restricted to the
sentences the annotators checked for coreference), gold topics (documents are only linked inside
their ECB+ topic), singletons kept, and one corpus-level clustering per split scored with MUC, B³,
CEAF-e and CoNLL F1 (their mean) via :mod:`storyline.eval.coref_scores`.

* **same-lemma baseline**: mentions of a topic with the same head lemma (spaCy parse of the gold
  tokens) are one cluster — computed for events and for entities alike.
* **storyline** (our system):
  1. documents of a topic are clustered into sub-stories by TF-IDF cosine over content lemmas and
     named entities (average-linkage agglomerative clustering; threshold tuned on the dev topics) —
     the same idea as the story clustering of a corpus; the ``ecb``/``ecbplus`` file names, which
     give the sub-topic away, are not used;
  2. events: same head lemma inside a sub-story;
  3. entities: proper names are linked with the name rules of :mod:`storyline.story.resolve`
     (surname blocks, ``person_compatible``, organization keys and acronyms, place aliases),
     personal pronouns go to the nearest compatible antecedent in their document, other mentions
     join by head lemma inside the sub-story.

Nothing from the dataset is stored; the folder is an argument.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from storyline.analyze.entities import link_orgs, name_tokens, person_compatible, surname
from storyline.errors import DatasetError
from storyline.eval import EvalReport
from storyline.eval.coref_scores import clusters_from_labels, conll_scores, require_scorch
from storyline.eval.ecbplus import PERSON_ORG_TAGS, EcbDoc, EcbMention, load_split
from storyline.lexicon.en.names import GPE_ALIASES, ROLE_NOUNS
from storyline.lexicon.en.pronouns import FEMALE_PRONOUNS, MALE_PRONOUNS, NEUTER_PRONOUNS, PLURAL_PRONOUNS
from storyline.unionfind import UnionFind

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token

# Average-linkage cosine-distance cut for splitting a topic into sub-stories (tuned on dev).
DOC_CLUSTER_THRESHOLD = 0.95
# Learned lemma pairs (from the train topics) must be seen in this many gold clusters with this
# precision (tuned on dev).
LEMMA_PAIR_MIN_COUNT = 3
LEMMA_PAIR_MIN_PRECISION = 0.3
_PERSONAL = MALE_PRONOUNS | FEMALE_PRONOUNS | {"who", "whom", "whose"}
_NEUTER = NEUTER_PRONOUNS | {"which"}
_PLURAL = PLURAL_PRONOUNS


@dataclass(slots=True)
class MentionInfo:
    """A gold mention with what the parse says about it."""

    mention: EcbMention
    topic: int
    doc: str
    index: int  # position of the head token in its document
    head_lemma: str
    head_pos: str
    head_tag: str
    ent_type: str
    text: str
    propn: list[str]  # proper-noun words of the mention, in order

    @property
    def id(self) -> tuple[str, str]:
        return (self.doc, self.mention.m_id)


def _spacy_doc(nlp: Language, doc: EcbDoc, keep: set[int] | None = None) -> tuple[Doc, dict[int, int]]:
    """A spaCy Doc on the gold tokens (and gold sentence starts); ``keep``: only these sentences."""
    from spacy.tokens import Doc as SpacyDoc

    tokens = [t for t in doc.tokens if keep is None or t.sentence in keep]
    words = [t.text if t.text else "_" for t in tokens]
    sent_starts: list[bool | int | None] = [i == 0 or tokens[i].sentence != tokens[i - 1].sentence
                                            for i in range(len(words))]
    sdoc = SpacyDoc(nlp.vocab, words=words, sent_starts=sent_starts)
    return sdoc, {t.t_id: i for i, t in enumerate(tokens)}


def parse_mentions(docs: Sequence[EcbDoc], nlp: Language, *, mention_sentences_only: bool = False,
                   ) -> tuple[list[MentionInfo], dict[str, Doc]]:
    """Parse each document (on its gold tokens) and describe every gold mention.

    ``mention_sentences_only`` parses just the sentences that hold mentions (enough for head lemmas,
    and several times faster: used for the training topics)."""
    infos: list[MentionInfo] = []
    parsed: dict[str, Doc] = {}
    built = [_spacy_doc(nlp, d, {m.sentence for m in d.mentions} if mention_sentences_only else None)
             for d in docs]
    for d, done in zip(docs, nlp.pipe(b[0] for b in built), strict=True):
        parsed[d.name] = done
    for d, (_, tmap) in zip(docs, built, strict=True):
        sdoc = parsed[d.name]
        for m in d.mentions:
            toks = [sdoc[tmap[t]] for t in m.token_ids if t in tmap]
            if not toks:
                continue
            head = _head(toks)
            infos.append(MentionInfo(
                mention=m, topic=d.topic, doc=d.name, index=head.i,
                head_lemma=head.lemma_.lower(), head_pos=head.pos_, head_tag=head.tag_,
                ent_type=head.ent_type_, text=" ".join(t.text for t in toks),
                propn=[t.text for t in toks if t.pos_ == "PROPN"]))
    return infos, parsed


_FUNCTION_POS = frozenset({"ADP", "DET", "PART", "CCONJ", "SCONJ", "PUNCT", "AUX", "SPACE"})


def _head(toks: list[Token]) -> Token:
    """The syntactic head of a mention; past a function word ("in Canada" → "Canada")."""
    ids = {t.i for t in toks}
    root = next((t for t in toks if t.head.i not in ids or t.head.i == t.i), toks[-1])
    if root.pos_ in _FUNCTION_POS:
        content = [t for t in toks if t.pos_ not in _FUNCTION_POS]
        if content:
            below = [t for t in content if t.head.i == root.i]
            return (below or content)[-1]
    return root


# ----------------------------------------------------------------------------- document clusters


def cluster_documents(docs: Sequence[EcbDoc], parsed: dict[str, Doc], *,
                      threshold: float = DOC_CLUSTER_THRESHOLD) -> dict[str, str]:
    """doc name → sub-story id, clustering each topic's documents by TF-IDF cosine (average
    linkage, cut at ``threshold``). scipy does the clustering; TF-IDF is a few lines here."""
    import numpy as np
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import pdist

    out: dict[str, str] = {}
    by_topic: dict[int, list[EcbDoc]] = {}
    for d in docs:
        by_topic.setdefault(d.topic, []).append(d)
    for topic, tdocs in sorted(by_topic.items()):
        bags = []
        for d in tdocs:
            bag: Counter[str] = Counter()
            for t in parsed[d.name]:
                if t.is_stop or t.is_punct or not t.text.strip():
                    continue
                if t.pos_ in ("PROPN", "NUM") or t.ent_type_:
                    bag[t.text.lower()] += 2  # names, numbers and dates say which story it is
                elif t.pos_ in ("NOUN", "VERB", "ADJ"):
                    bag[t.lemma_.lower()] += 1
            bags.append(bag)
        if len(tdocs) == 1:
            out[tdocs[0].name] = f"{topic}:0"
            continue
        df: Counter[str] = Counter()
        for bag in bags:
            df.update(set(bag))
        vocab = {w: i for i, w in enumerate(sorted(df))}
        mat = np.zeros((len(bags), len(vocab)))
        n = len(bags)
        for r, bag in enumerate(bags):
            for w, c in bag.items():
                mat[r, vocab[w]] = (1 + math.log(c)) * math.log((1 + n) / (1 + df[w]))
        norms = np.linalg.norm(mat, axis=1)
        norms[norms == 0] = 1.0
        mat = mat / norms[:, None]
        dist = np.clip(pdist(mat, metric="cosine"), 0.0, 2.0)
        dist = np.nan_to_num(dist, nan=1.0)
        labels = fcluster(linkage(dist, method="average"), t=threshold, criterion="distance")
        for d, lab in zip(tdocs, labels, strict=True):
            out[d.name] = f"{topic}:{lab}"
    return out


# ----------------------------------------------------------------------------- clusterers


def same_lemma(infos: Sequence[MentionInfo]) -> dict[Hashable, Hashable]:
    """The baseline: one cluster per (topic, head lemma)."""
    return {i.id: (i.topic, i.head_lemma) for i in infos}


def learn_lemma_pairs(infos: Sequence[MentionInfo], *, min_count: int = LEMMA_PAIR_MIN_COUNT,
                      min_precision: float = LEMMA_PAIR_MIN_PRECISION) -> set[frozenset[str]]:
    """Pairs of different head lemmas that the gold clusters of the *training* topics join
    ("quake"/"earthquake", "kill"/"shooting"): kept when seen together in ``min_count`` clusters and
    coreferent in at least ``min_precision`` of the same-sub-story mention pairs that carry them."""
    from itertools import combinations

    together: Counter[frozenset[str]] = Counter()
    for_cluster: dict[str, set[str]] = {}
    for i in infos:
        for_cluster.setdefault(i.mention.cluster, set()).add(i.head_lemma)
    for lemmas in for_cluster.values():
        for a, b in combinations(sorted(lemmas), 2):
            together[frozenset((a, b))] += 1
    # how often the pair occurs between mentions of one document pair (same topic) at all
    seen: Counter[frozenset[str]] = Counter()
    same: Counter[frozenset[str]] = Counter()
    by_topic: dict[int, list[MentionInfo]] = {}
    for i in infos:
        by_topic.setdefault(i.topic, []).append(i)
    for tinfos in by_topic.values():
        by_lemma: dict[str, list[MentionInfo]] = {}
        for i in tinfos:
            by_lemma.setdefault(i.head_lemma, []).append(i)
        for a, b in combinations(sorted(by_lemma), 2):
            key = frozenset((a, b))
            if key not in together:
                continue
            for x in by_lemma[a]:
                for y in by_lemma[b]:
                    seen[key] += 1
                    same[key] += x.mention.cluster == y.mention.cluster
    return {k for k, n in together.items()
            if n >= min_count and seen[k] and same[k] / seen[k] >= min_precision}


def events_system(infos: Sequence[MentionInfo], substory: dict[str, str],
                  lemma_pairs: set[frozenset[str]] | None = None) -> dict[Hashable, Hashable]:
    """Same head lemma inside a sub-story; lemmas of a learned pair count as one."""
    uf = UnionFind([(substory[i.doc], i.head_lemma) for i in infos])
    if lemma_pairs:
        by_story: dict[str, set[str]] = {}
        for i in infos:
            by_story.setdefault(substory[i.doc], set()).add(i.head_lemma)
        for story, lemmas in by_story.items():
            for pair in lemma_pairs:
                a, b = sorted(pair)
                if a in lemmas and b in lemmas:
                    uf.union((story, a), (story, b))
    return {i.id: uf.find((substory[i.doc], i.head_lemma)) for i in infos}


def _is_person(i: MentionInfo) -> bool:
    return i.ent_type == "PERSON" or i.head_lemma in ROLE_NOUNS


def entities_system(infos: Sequence[MentionInfo], substory: dict[str, str], *,
                    pronouns: str = "antecedent", names_by: str = "both",
                    lemma_pairs: set[frozenset[str]] | None = None) -> dict[Hashable, Hashable]:
    """Names by the resolver's name rules, pronouns to an antecedent, the rest by head lemma.

    ``pronouns``: ``antecedent`` (nearest compatible mention), ``lemma`` (like any other word) or
    ``none`` (singletons); ``names_by``: ``both`` (head lemma, plus the name rules' links),
    ``rules`` (names only by the rules) or ``lemma`` (names only by head lemma) — ablations on dev:
    both 71.7, lemma 70.3, rules 68.7 CoNLL F1.
    """
    uf = UnionFind([i.id for i in infos])
    by_story: dict[str, list[MentionInfo]] = {}
    for i in infos:
        by_story.setdefault(substory[i.doc], []).append(i)
    for story in by_story.values():
        names = [i for i in story if i.propn and i.head_pos == "PROPN"] if names_by != "lemma" else []
        others = [i for i in story if (i not in names or names_by == "both") and
                  (i.head_pos != "PRON" or pronouns == "lemma")]
        # 1) nominals and times: head lemma within the sub-story
        first_by_lemma: dict[str, MentionInfo] = {}
        for i in others:
            if i.head_lemma in first_by_lemma:
                uf.union(first_by_lemma[i.head_lemma].id, i.id)
            else:
                first_by_lemma[i.head_lemma] = i
        for pair in lemma_pairs or ():
            a, b = sorted(pair)
            if a in first_by_lemma and b in first_by_lemma:
                uf.union(first_by_lemma[a].id, first_by_lemma[b].id)
        # 2) names: persons in surname blocks, organizations by keys, places by alias
        blocks: dict[str, list[MentionInfo]] = {}
        for i in names:
            key = " ".join(name_tokens(" ".join(i.propn)))
            key = GPE_ALIASES.get(key, key)
            s = surname(key.split()) or key
            blocks.setdefault(s, []).append(i)
        for block in blocks.values():
            toks = [name_tokens(" ".join(i.propn)) for i in block]
            full = [k for k, t in enumerate(toks) if len(t) >= 2]
            anchor: dict[int, int] = {}
            for k, t in enumerate(toks):
                fits = [f for f in full if person_compatible(t, toks[f])]
                if fits:
                    anchor[k] = fits[0]
                else:
                    anchor[k] = next((k2 for k2 in range(k) if toks[k2] == t), k)
            for k, target in anchor.items():
                uf.union(block[target].id, block[k].id)
        org_names = [" ".join(i.propn) for i in names]
        for x, y in link_orgs(org_names):
            uf.union(names[x].id, names[y].id)
        # 3) pronouns: nearest preceding compatible mention of the same document
        by_doc: dict[str, list[MentionInfo]] = {}
        for i in story:
            by_doc.setdefault(i.doc, []).append(i)
        for dm in by_doc.values():
            if pronouns != "antecedent":
                break
            dm.sort(key=lambda i: i.index)
            for k, i in enumerate(dm):
                if i.head_pos != "PRON":
                    continue
                word = i.head_lemma
                for prev in reversed(dm[:k]):
                    if prev.head_pos == "PRON":
                        continue
                    person = _is_person(prev)
                    plural = prev.head_tag in ("NNS", "NNPS")
                    if (word in _PERSONAL and person and not plural) or \
                            (word in _NEUTER and not person and not plural) or \
                            (word in _PLURAL and (plural or prev.ent_type in ("ORG", "NORP"))):
                        uf.union(prev.id, i.id)
                        break
    return {i.id: uf.find(i.id) for i in infos}


# ----------------------------------------------------------------------------- evaluation


def _score(infos: Sequence[MentionInfo], response: dict[Hashable, Hashable]) -> dict[str, float]:
    key = clusters_from_labels({i.id: i.mention.cluster for i in infos})
    resp = clusters_from_labels({i.id: response[i.id] for i in infos})
    return {k: float(v) for k, v in conll_scores(key, resp).items()}


def run(docs: Sequence[EcbDoc], nlp: Language, *, threshold: float = DOC_CLUSTER_THRESHOLD,
        lemma_pairs: dict[str, set[frozenset[str]]] | None = None) -> dict[str, Any]:
    """Scores of system and baseline for events, entities, and the person/organization subset."""
    infos, parsed = parse_mentions(docs, nlp)
    substory = cluster_documents(docs, parsed, threshold=threshold)
    events = [i for i in infos if i.mention.kind == "event"]
    entities = [i for i in infos if i.mention.kind == "entity"]
    ent_resp = entities_system(entities, substory, lemma_pairs=(lemma_pairs or {}).get("entity"))
    per_org = [i for i in entities if i.mention.tag in PERSON_ORG_TAGS]
    gold_sub = {d.name: f"{d.topic}:{d.subtopic}" for d in docs}
    results = {
        "events": {"same-lemma": _score(events, same_lemma(events)),
                   "same-lemma, gold sub-topics": _score(events, events_system(events, gold_sub)),
                   "storyline": _score(events, events_system(events, substory,
                                                                  (lemma_pairs or {}).get("event")))},
        "entities": {"same-lemma": _score(entities, same_lemma(entities)),
                     "same-lemma, gold sub-topics": _score(entities,
                                                           events_system(entities, gold_sub)),
                     "storyline": _score(entities, ent_resp)},
        "people+orgs": {"same-lemma": _score(per_org, same_lemma(per_org)),
                        "storyline": _score(per_org, ent_resp)},
    }
    counts = {"documents": len(docs), "event_mentions": len(events),
              "entity_mentions": len(entities), "person_org_mentions": len(per_org),
              "sub_stories": len(set(substory.values())),
              "event_lemma_pairs": len((lemma_pairs or {}).get("event", ())),
              "entity_lemma_pairs": len((lemma_pairs or {}).get("entity", ()))}
    return {"scores": results, "counts": counts}


def train_lemma_pairs(path: Path, nlp: Language) -> dict[str, set[frozenset[str]]]:
    """Event and entity lemma pairs learned from the train topics (empty when they are not there)."""
    try:
        train = load_split(Path(path), "train")
    except DatasetError:
        return {}
    infos, _ = parse_mentions(train, nlp, mention_sentences_only=True)
    return {kind: learn_lemma_pairs([i for i in infos if i.mention.kind == kind])
            for kind in ("event", "entity")}


def evaluate(path: Path, *, split: str = "test", limit: int | None = None,
             nlp: Language | None = None, learn_pairs: bool = True) -> EvalReport:
    """Score cross-document coreference on ECB+ (``path``: the ecbplus folder or the datasets folder).

    ``limit`` keeps the first N topics of the split; ``learn_pairs`` learns event lemma pairs from
    the train topics first (about a minute of parsing).
    """
    from storyline.analyze.nlp import load_nlp, model_version

    require_scorch()  # fail in one line before minutes of parsing
    docs = load_split(Path(path), split, limit=limit)
    nlp = nlp or load_nlp()
    pairs = train_lemma_pairs(Path(path), nlp) if learn_pairs and split != "train" else {}
    out = run(docs, nlp, lemma_pairs=pairs)
    rows: list[list[Any]] = []
    for task, systems in out["scores"].items():
        for system, s in systems.items():
            rows.append([task, system, s["muc_f"], s["b3_f"], s["ceafe_f"], s["conll"]])
    counts = out["counts"]
    topics = sorted({d.topic for d in docs})
    notes = [
        f"ECB+ {split} topics {', '.join(map(str, topics))} ({len(topics)} topic(s), {counts['documents']} "
        f"documents; {counts['event_mentions']} event and {counts['entity_mentions']} entity mentions).",
        "Gold mentions (only the sentences checked for coreference), gold topics, singletons kept; "
        "corpus-level MUC/B³/CEAF-e F1 and CoNLL F1 = their mean (scorch).",
        "same-lemma: one cluster per topic and head lemma. storyline: documents clustered into "
        f"sub-stories by TF-IDF cosine (cut {DOC_CLUSTER_THRESHOLD}, tuned on dev; "
        f"{counts['sub_stories']} found), then, inside each sub-story, events by head lemma and "
        "entities by head lemma + the resolver's name rules + pronoun antecedents; head lemmas that "
        "the train topics' gold clusters join (in >= 3 clusters, precision >= 0.3, e.g. "
        f"quake/earthquake) count as one ({counts['event_lemma_pairs']} event and "
        f"{counts['entity_lemma_pairs']} entity pairs).",
        "people+orgs: the HUMAN_PART_PER/ORG subset of the entity mentions, scored on its own.",
        "same-lemma, gold sub-topics: the baseline run inside the gold sub-topics (the ecb/ecbplus "
        "file split) — an oracle for reference only, closer to the setting of published baselines.",
        f"Parse: {model_version(nlp)}.",
    ]
    return EvalReport(title=f"ECB+ cross-document coreference ({split})",
                      columns=["task", "system", "MUC F1", "B3 F1", "CEAF-e F1", "CoNLL F1"],
                      rows=rows, notes=notes, details={"scores": out["scores"], "counts": counts})
