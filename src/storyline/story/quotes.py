"""Quote groups across outlets: the same utterance carried by several articles, with its wordings.

Two quotations are the same utterance when their normalized words match (case, punctuation, curly vs
straight marks and whitespace ignored), allowing for truncation (one outlet quotes part of what
another quotes: containment), ellipses (each part between ``…`` found in order) and small wording
changes (rapidfuzz ratio). Candidates come from an index of word shingles (and, for quotes of one or
two words, the same words from the same speaker, alone or inside a longer quotation), so the work
grows with the number of quotations that share words, not with all pairs.

Each group lists its *variants* (distinct wordings, with the articles carrying each) and is checked
for two disagreements between outlets: a quotation attributed to different speakers
(``Comparison(attribute="said_by", status="conflict")``) and one given as spoken by one outlet and as
written by another (``attribute="medium"``).
"""

from __future__ import annotations

import difflib
import hashlib
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from storyline.analyze.entities import expand_title_words
from storyline.lexicon.en.names import ROLE_NOUNS
from storyline.lexicon.en.pronouns import PRONOUNS
from storyline.lexicon.en.quotes import MEDIA, SPOKEN_CUES, SPOKEN_MEDIA, WRITTEN_CUES, WRITTEN_MEDIA
from storyline.lexicon.en.speakers import DESCRIPTION_SKIP, SHARED_ROLES
from storyline.model import (
    ArticleAnalysis,
    Comparison,
    ComparisonSide,
    Entity,
    QuoteGroup,
    QuoteInstance,
    QuoteVariant,
)
from storyline.options import QuoteOptions
from storyline.unionfind import UnionFind

__all__ = ["description_name", "group_quotes", "normalize_words", "same_utterance", "word_diff"]

WORD_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)
ELLIPSIS_RE = re.compile(r"…|\.\s?\.\s?\.|\[\s*\.\.\.\s*\]")


def normalize_words(text: str) -> list[str]:
    """Lower-cased words of ``text`` (NFKC, apostrophes unified, punctuation and ellipses dropped)."""
    text = unicodedata.normalize("NFKC", text).replace("’", "'").replace("‘", "'").lower()
    return [w.replace("’", "'") for w in WORD_RE.findall(text)]


def _parts(text: str) -> list[list[str]]:
    """The word runs between ellipses ("A … B" → [[a], [b]])."""
    return [w for w in (normalize_words(p) for p in ELLIPSIS_RE.split(text)) if w]


def same_utterance(a: str, b: str, opts: QuoteOptions | None = None) -> bool:
    """Whether two quoted wordings are the same utterance (possibly truncated, elided, re-punctuated)."""
    opts = opts or QuoteOptions()
    wa, wb = normalize_words(a), normalize_words(b)
    if not wa or not wb:
        return False
    ja, jb = " ".join(wa), " ".join(wb)
    if ja == jb:
        return True
    short, long_, short_text = (ja, jb, a) if len(wa) <= len(wb) else (jb, ja, b)
    n_short = min(len(wa), len(wb))
    if n_short < opts.short:
        return f" {short} " in f" {long_} " and n_short == max(len(wa), len(wb))
    if fuzz.ratio(ja, jb) >= opts.fuzzy_ratio:
        return True
    # truncation / ellipsis: every part of the shorter wording appears in the longer, in order
    pos = 0
    padded = f" {long_} "
    for part in _parts(short_text):
        needle = f" {' '.join(part)} "
        found = padded.find(needle, pos)
        if found < 0:
            if len(part) >= opts.short and fuzz.partial_ratio(" ".join(part), long_) >= opts.partial_ratio:
                continue
            return False
        pos = found + len(needle) - 1
    return True


def word_diff(a: str, b: str) -> list[tuple[str, str]]:
    """How wording ``b`` differs from ``a``, word by word, with :mod:`difflib`.

    Returns ``[(op, text), ...]`` with op ``equal`` (words of both), ``delete`` (words only in
    ``a``), ``insert`` (words only in ``b``) or ``replace`` (the words of ``b`` that stand where ``a``
    has other words; the replaced words of ``a`` come right before it as a ``delete``, so the
    renderer can strike them through).
    """
    wa, wb = a.split(), b.split()
    # compare on normalized words (case, punctuation) so only real wording changes show
    ka = [" ".join(normalize_words(w)) or w for w in wa]
    kb = [" ".join(normalize_words(w)) or w for w in wb]
    out: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, ka, kb, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(("equal", " ".join(wb[j1:j2])))
        elif op == "delete":
            out.append(("delete", " ".join(wa[i1:i2])))
        elif op == "insert":
            out.append(("insert", " ".join(wb[j1:j2])))
        else:
            out.append(("delete", " ".join(wa[i1:i2])))
            out.append(("replace", " ".join(wb[j1:j2])))
    return out


# ------------------------------------------------------------------------------------- grouping


@dataclass(slots=True)
class _Item:
    inst: QuoteInstance
    words: list[str]


# Words that name where words were said, not who said them ("the letter reads").
_MEDIA_WORDS = frozenset(MEDIA)


def description_name(speaker_text: str | None) -> str | None:
    """The words naming a speaker the text only describes, without the words that count or point
    ("the nearly 300 nurses" → "nurses", "the mayor's lawyers" → "mayor's lawyers"); None for a pronoun."""
    if not speaker_text:
        return None
    words = speaker_text.split()
    while words and (words[0].lower() in DESCRIPTION_SKIP or
                     words[0].replace(",", "").replace(".", "").isdigit()):
        words = words[1:]
    if not words or words[0].lower() in PRONOUNS or words[-1].lower().strip(".,") in _MEDIA_WORDS:
        return None
    return " ".join(words)


def _role_holders(entities: Sequence[Entity]) -> dict[str, set[str]]:
    """Role noun → the story's people holding a role with that word ("Gov." counts as governor)."""
    out: dict[str, set[str]] = defaultdict(set)
    for e in entities:
        if e.type != "PERSON":
            continue
        for r in e.roles:
            if r.voice != "reporter":
                continue
            for w in expand_title_words(r.title.replace("-", " ").split()):
                if w in ROLE_NOUNS and w not in SHARED_ROLES:
                    out[w].add(e.id)
    return out


def _described_speaker(description: str | None, holders: dict[str, set[str]]) -> str | None:
    """"Ohio's governor" in an article that never names the governor: the one person of the
    story given that role by the outlets (none when two people hold it, or for plural or shared
    descriptions: "officials", "the official")."""
    if not description:
        return None
    head = description.split()[-1].lower().strip(".,")
    found = holders.get(head, set())
    return next(iter(found)) if len(found) == 1 else None


def _instances(analyses: Sequence[ArticleAnalysis], entity_map: dict[str, str],
               names: dict[str, str], holders: dict[str, set[str]]) -> list[_Item]:
    items = []
    for analysis in sorted(analyses, key=lambda a: a.article.id):
        aid = analysis.article.id
        for q in sorted(analysis.quotes, key=lambda q: (q.start, q.end)):
            speaker = entity_map.get(q.speaker) if q.speaker else None  # story-wide id
            described = None if speaker else description_name(q.speaker_text)
            speaker = speaker or _described_speaker(described, holders)
            name = names.get(speaker) if speaker else described
            inst = QuoteInstance(article=aid, start=q.start, end=q.end, text=q.text, speaker=speaker,
                                 speaker_text=q.speaker_text, cue=q.cue, medium=q.medium, kind=q.kind,
                                 speaker_name=name)
            words = normalize_words(q.text)
            if words:
                items.append(_Item(inst, words))
    return items


def _candidate_pairs(items: list[_Item], opts: QuoteOptions) -> set[tuple[int, int]]:
    """Pairs that share a word shingle (or, for short quotes, the same words and speaker)."""
    index: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, it in enumerate(items):
        if len(it.words) < opts.short:
            index[("#short", it.inst.speaker or "", *it.words)].append(i)
            continue
        for k in range(len(it.words) - opts.shingle + 1):
            index[tuple(it.words[k:k + opts.shingle])].append(i)
    pairs: set[tuple[int, int]] = set()
    # a word or two quoted by one outlet out of a longer quotation another carries, same speaker
    longer: dict[str, list[int]] = defaultdict(list)
    for i, it in enumerate(items):
        if len(it.words) >= opts.short and it.inst.speaker:
            longer[it.inst.speaker].append(i)
    for i, it in enumerate(items):
        if len(it.words) >= opts.short or not it.inst.speaker:
            continue
        needle = f" {' '.join(it.words)} "
        for j in longer.get(it.inst.speaker, []):
            if needle in f" {' '.join(items[j].words)} ":
                pairs.add((min(i, j), max(i, j)))
    for members in index.values():
        if len(members) > 200:  # a stock phrase shared by very many quotes is no evidence
            continue
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                if members[x] != members[y]:
                    pairs.add((min(members[x], members[y]), max(members[x], members[y])))
    return pairs


def _speakers_compatible(a: _Item, b: _Item, opts: QuoteOptions) -> bool:
    """Short quotes (a word or two) only group with the same known speaker."""
    if min(len(a.words), len(b.words)) >= opts.short:
        return True
    return a.inst.speaker is not None and a.inst.speaker == b.inst.speaker


def _matches(a: _Item, b: _Item, opts: QuoteOptions) -> bool:
    n_short = min(len(a.words), len(b.words))
    short, long_ = (a, b) if len(a.words) <= len(b.words) else (b, a)
    if n_short < opts.short:  # speakers already checked equal
        return f" {' '.join(short.words)} " in f" {' '.join(long_.words)} "
    if n_short < opts.containment_min and (a.inst.speaker is None or a.inst.speaker != b.inst.speaker):
        # a stock phrase ("the American people") inside somebody else's quotation is no evidence
        # that it is the same utterance: only near-identical wordings match
        return fuzz.ratio(" ".join(a.words), " ".join(b.words)) >= opts.fuzzy_ratio
    return same_utterance(a.inst.text, b.inst.text, opts)


def group_quotes(analyses: Sequence[ArticleAnalysis], entity_map: dict[str, str], entities: list[Entity],
                 opts: QuoteOptions | None = None) -> tuple[list[QuoteGroup], list[Comparison]]:
    """Quote groups (one per utterance, with variants) and the said_by / medium conflicts."""
    opts = opts or QuoteOptions()
    names = {e.id: e.name for e in entities}
    items = _instances(analyses, entity_map, names, _role_holders(entities))
    uf = UnionFind(range(len(items)))
    # Copies of one wording by one speaker (syndication, an outlet repeating itself) are one class:
    # they match each other, so only one representative per class takes part in the pairing, and
    # the work follows distinct wordings rather than copies. A short quote with no speaker matches
    # nothing (see _speakers_compatible) and takes no part at all.
    first: dict[tuple[str, str | None], int] = {}
    for i, it in enumerate(items):
        if len(it.words) < opts.short and it.inst.speaker is None:
            continue
        uf.union(first.setdefault((it.inst.text, it.inst.speaker), i), i)
    distinct = sorted(first.values())
    reps = [items[i] for i in distinct]
    for a, b in sorted(_candidate_pairs(reps, opts)):
        if _speakers_compatible(reps[a], reps[b], opts) and _matches(reps[a], reps[b], opts):
            uf.union(distinct[a], distinct[b])
    members: dict[int, list[int]] = defaultdict(list)
    for i in range(len(items)):
        members[uf.find(i)].append(i)
    outlets = {a.article.id: a.article.outlet or a.article.path.rsplit("/", 1)[-1] or "an article"
               for a in analyses}
    groups: list[QuoteGroup] = []
    comparisons: list[Comparison] = []
    for idxs in members.values():
        group = _make_group([items[i] for i in idxs], names)
        groups.append(group)
        comparisons += _conflicts(group, names, outlets)
    groups.sort(key=lambda g: (g.quotes[0].article, g.quotes[0].start, g.id))
    comparisons.sort(key=lambda c: c.id)
    return groups, comparisons


def _make_group(members: list[_Item], names: dict[str, str]) -> QuoteGroup:
    members = sorted(members, key=lambda it: (it.inst.article, it.inst.start))
    key = "\n".join(f"{it.inst.article}:{it.inst.start}:{it.inst.end}" for it in members)
    gid = "q-" + hashlib.sha256(key.encode()).hexdigest()[:10]
    # variants: wordings that differ in their words (not just case or punctuation)
    by_words: dict[str, list[_Item]] = {}
    for it in members:
        by_words.setdefault(" ".join(it.words) + ("…" if _parts(it.inst.text)[1:] else ""),
                            []).append(it)
    variants = []
    for same in by_words.values():
        articles = sorted({it.inst.article for it in same})
        variants.append(QuoteVariant(text=same[0].inst.text, articles=articles))
    # the canonical wording: the one most outlets carry, then the most complete
    variants.sort(key=lambda v: (-len(v.articles), -len(normalize_words(v.text)), v.text))
    speakers = Counter(it.inst.speaker for it in members if it.inst.speaker)
    speaker = min(speakers, key=lambda s: (-speakers[s], s)) if speakers else None
    described = Counter(it.inst.speaker_name for it in members if it.inst.speaker_name)
    name = names.get(speaker) if speaker else \
        (min(described, key=lambda s: (-described[s], s)) if described else None)
    return QuoteGroup(id=gid, text=variants[0].text, speaker_entity=speaker, speaker_name=name,
                      quotes=[it.inst for it in members], variants=variants)


def _mode(inst: QuoteInstance) -> str | None:
    """"written", "spoken", or None when the text does not say."""
    if inst.medium in WRITTEN_MEDIA or (inst.cue in WRITTEN_CUES):
        return "written"
    if inst.medium in SPOKEN_MEDIA:
        return "spoken"
    if inst.cue in SPOKEN_CUES and inst.cue != "say" and inst.medium is None:
        return "spoken"
    return None


def same_name(a: str, b: str) -> bool:
    """Two names of one person as far as the words go: the same surname and no clash of the other
    words ("Varga" = "Ilse Varga" = "Captain Ilse Varga"; "Ana Ruiz" ≠ "Luis Ruiz")."""
    wa = [w for w in WORD_RE.findall(unicodedata.normalize("NFKC", a).lower())]
    wb = [w for w in WORD_RE.findall(unicodedata.normalize("NFKC", b).lower())]
    if not wa or not wb or wa[-1] != wb[-1]:
        return False
    ra, rb = set(wa[:-1]), set(wb[:-1])
    return not ra or not rb or ra <= rb or rb <= ra


def _conflicts(group: QuoteGroup, names: dict[str, str],
               outlets: dict[str, str]) -> list[Comparison]:
    out = []
    by_speaker: dict[str, list[str]] = defaultdict(list)
    for q in group.quotes:
        if q.speaker:
            by_speaker[q.speaker].append(q.article)
    # two entities whose names are one person's (a resolution miss) are not two speakers
    # a "name" running over a line break is a headline or caption read as a name, not a speaker
    speakers = sorted(s for s in by_speaker if "\n" not in names.get(s, s))
    uf = UnionFind(range(len(speakers)))
    for i, a in enumerate(speakers):
        for j in range(i + 1, len(speakers)):
            if same_name(names.get(a, a), names.get(speakers[j], speakers[j])):
                uf.union(i, j)
    distinct = {uf.find(i) for i in range(len(speakers))}

    def where(arts: Sequence[str]) -> str:
        return ", ".join(sorted({outlets.get(a, "an article") for a in arts}))

    if len(distinct) > 1:
        sides = [ComparisonSide(value=s, articles=sorted(set(by_speaker[s]))) for s in speakers]
        who = "; ".join(f"{names.get(s.value, s.value)} ({where(s.articles)})" for s in sides)
        out.append(Comparison(
            id=f"{group.id}-said_by", subject=group.id, attribute="said_by", status="conflict",
            sides=sides, confidence="possible",
            explanation=f"The quotation “{_short(group.text)}” is attributed to different speakers: {who}."))
    by_mode: dict[str, list[QuoteInstance]] = defaultdict(list)
    for q in group.quotes:
        mode = _mode(q)
        if mode:
            by_mode[mode].append(q)
    if len(by_mode) > 1:
        sides = [ComparisonSide(value=m, articles=sorted({q.article for q in qs}))
                 for m, qs in sorted(by_mode.items())]
        how = "; ".join(
            f"{m} ({', '.join(sorted({f'{outlets.get(q.article, q.article)}: {q.medium or q.cue}' for q in qs}))})"
            for m, qs in sorted(by_mode.items()))
        out.append(Comparison(
            id=f"{group.id}-medium", subject=group.id, attribute="medium", status="conflict",
            sides=sides, confidence="possible",
            explanation=f"The quotation “{_short(group.text)}” is given as spoken by some outlets "
                        f"and as written by others: {how}."))
    return out


def _short(text: str, n: int = 80) -> str:
    return text if len(text) <= n else text[:n].rsplit(" ", 1)[0] + " …"
