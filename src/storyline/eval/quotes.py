"""Direct-quotation evaluation on PolNeAR: storyline vs textacy's ``direct_quotations``.

Both systems run on the same spaCy parse of each article. Scored units are quoted stretches (the
text inside the quotation marks):

* span P/R/F1, *exact*: equal offsets after trimming whitespace, edge punctuation and marks;
* span P/R/F1, *overlap*: any character overlap, one-to-one (greedy, largest overlap first);
* speaker accuracy: over overlap-matched quotes whose gold attribution has a Source, the share whose
  predicted speaker span overlaps the gold Source span or ends with the same word (a name or pronoun
  written elsewhere in the article, as when one attribution serves several quote paragraphs).

Two gold sets: *all* quoted stretches of attributed contents (full quotations and fragments), and
*full* quotations only (the quotation is the whole content piece). textacy has no notion of fragments,
so all its output counts as full quotations.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from storyline.errors import DatasetError
from storyline.eval import EvalReport
from storyline.eval.polnear import GoldQuote, PolnearDoc, load_split
from storyline.model import Article, LocalEntity, Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc

EDGE = " \t\n.,;:!?…\"'“”‘’«»`-—–"
SYSTEMS = ("storyline", "textacy")


@dataclass(slots=True)
class Predicted:
    start: int
    end: int
    kind: str
    speaker: tuple[int, int] | None
    speaker_name: str | None = None  # the resolved entity's name, when the system resolves one


@dataclass(slots=True)
class _Counts:
    gold: int = 0
    pred: int = 0
    exact: int = 0
    overlap: int = 0
    speaker_total: int = 0
    speaker_ok: int = 0
    joint: int = 0  # overlap-matched and the speaker right (or no gold Source to check against)

    def add(self, other: _Counts) -> None:
        for name in self.__slots__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def row(self, system: str, gold_set: str) -> list[object]:
        def prf(hit: int) -> tuple[float, float, float]:
            p = hit / self.pred if self.pred else 0.0
            r = hit / self.gold if self.gold else 0.0
            return p, r, (2 * p * r / (p + r) if p + r else 0.0)

        pe, re_, fe = prf(self.exact)
        po, ro, fo = prf(self.overlap)
        acc = self.speaker_ok / self.speaker_total if self.speaker_total else 0.0
        return [system, gold_set, self.gold, self.pred, pe, re_, fe, po, ro, fo, acc,
                prf(self.joint)[2]]


# ------------------------------------------------------------------------------------- systems


def storyline_quotes(doc: Doc, article: Article) -> list[Predicted]:
    from storyline.analyze.quotes import extract_quotes

    mentions, entities = _entities(doc, article)
    names = {e.key: e.name for e in entities}
    out = []
    for q in extract_quotes(doc, article, mentions, entities):
        spk = (q.speaker_start, q.speaker_end) if q.speaker_start is not None else None
        out.append(Predicted(q.start, q.end, q.kind, spk,  # type: ignore[arg-type]
                             names.get(q.speaker) if q.speaker else None))
    return out


def textacy_quotes(doc: Doc) -> list[Predicted]:
    """textacy's rule-based direct quotations on the same parse.

    textacy refuses a document with an odd number of quotation marks (it raises ValueError); to give
    the baseline its best chance we then run it paragraph by paragraph (``Span.as_doc`` keeps the
    parse) and keep what the balanced paragraphs yield.
    """
    from textacy.extract.triples import direct_quotations

    try:
        return [_from_triple(t, 0) for t in direct_quotations(doc)]
    except ValueError:
        pass
    out = []
    start = 0
    for i, tok in enumerate(doc):
        if "\n" in tok.text or i == len(doc) - 1:
            end = i + 1
            if end > start:
                part = doc[start:end]
                try:
                    out += [_from_triple(t, part.start_char) for t in direct_quotations(part.as_doc())]
                except ValueError:
                    pass
            start = i + 1
    return out


def _from_triple(t: object, offset: int) -> Predicted:
    content = t.content  # type: ignore[attr-defined]
    inner = content[1:-1] if len(content) > 2 else content
    speaker = t.speaker  # type: ignore[attr-defined]
    spk = (speaker[0].idx + offset, speaker[-1].idx + len(speaker[-1].text) + offset) if speaker else None
    return Predicted(inner.start_char + offset, inner.end_char + offset, "full", spk)


def _entities(doc: Doc, article: Article) -> tuple[list[Mention], list[LocalEntity]]:
    """The entity step's mentions, or (while it is not available) NER mentions grouped by name."""
    try:
        from storyline.analyze.entities import extract_entities
    except ImportError:
        return ner_entities(doc, article)
    return extract_entities(doc, article)


def _has_entity_step() -> bool:
    try:
        from storyline.analyze.entities import extract_entities  # noqa: F401
    except ImportError:
        return False
    return True


def ner_entities(doc: Doc, article: Article) -> tuple[list[Mention], list[LocalEntity]]:
    """A minimal stand-in for the entity step: people grouped by surname, others by exact name."""
    keys: dict[tuple[str, str], str] = {}
    entities: dict[str, LocalEntity] = {}
    mentions = []
    for ent in doc.ents:
        if ent.label_ not in ("PERSON", "ORG", "GPE", "NORP"):
            continue
        while len(ent) > 1 and (ent[0].is_punct or ent[0].is_space):
            ent = ent[1:]
        while len(ent) > 1 and (ent[-1].is_punct or ent[-1].is_space):
            ent = ent[:-1]
        if ent[0].is_punct:
            continue
        name = ent.text.removesuffix("’s").removesuffix("'s")
        group = name.split()[-1] if ent.label_ == "PERSON" and name.split() else name
        key = keys.setdefault((ent.label_, group), f"{article.id}:{len(keys)}")
        m = Mention(ent.start_char, ent.end_char, ent.text, ent.label_, key)
        mentions.append(m)
        le = entities.setdefault(key, LocalEntity(key=key, name=name, type=ent.label_))
        le.mentions.append(m)
        if len(name) > len(le.name):
            le.name = name
    return mentions, list(entities.values())


# -------------------------------------------------------------------------------------- scoring


def _norm(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a] in EDGE:
        a += 1
    while b > a and text[b - 1] in EDGE:
        b -= 1
    return a, b


NOT_NAME = frozenset("the a an of and for to in at on mr mrs ms dr sen rep gov jr sr president "
                     "former said says".split())


def _name_words(text: str) -> set[str]:
    words = [w.strip(EDGE).lower().removesuffix("’s").removesuffix("'s") for w in text.split()]
    return {w for w in words if w and w not in NOT_NAME and not w.isdigit()}


def score_doc(text: str, gold: list[GoldQuote], pred: list[Predicted],
              speaker_of: dict[int, bool] | None = None) -> _Counts:
    """Counts for one document; ``speaker_of`` (when given) receives, per matched gold quote with a
    Source, whether the speaker was right."""
    c = _Counts(gold=len(gold), pred=len(pred))
    gold_exact = {_norm(text, g.start, g.end) for g in gold}
    c.exact = sum(1 for p in {_norm(text, p.start, p.end) for p in pred} if p in gold_exact)
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            ov = min(g.end, p.end) - max(g.start, p.start)
            if ov > 0:
                pairs.append((-ov, gi, pi))
    used_g: set[int] = set()
    used_p: set[int] = set()
    for _, gi, pi in sorted(pairs):
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        c.overlap += 1
        g, p = gold[gi], pred[pi]
        if not g.source:
            c.joint += 1
            continue
        c.speaker_total += 1
        ok = p.speaker is not None and _speaker_ok(text, g, p)
        if speaker_of is not None:
            speaker_of[gi] = ok
        if ok:
            c.speaker_ok += 1
            c.joint += 1
    return c


def _speaker_ok(text: str, g: GoldQuote, p: Predicted) -> bool:
    assert p.speaker is not None
    sa, sb = p.speaker
    gold_words = _name_words(" ".join(text[a:b] for a, b in g.source))
    return any(min(b, sb) > max(a, sa) for a, b in g.source) or \
        bool(_name_words(text[sa:sb]) & gold_words) or \
        bool(_name_words(p.speaker_name or "") & gold_words)


def evaluate(path: Path, *, split: str = "test", limit: int | None = None,
             nlp: object | None = None) -> EvalReport:
    """Score storyline and the textacy baseline on PolNeAR ``split`` (see the module docstring)."""
    try:
        import textacy.extract.triples  # noqa: F401
    except ImportError as exc:
        raise DatasetError("textacy is needed for the baseline: pip install 'storyline[eval]'") from exc
    from storyline.analyze.nlp import load_nlp, model_version

    docs = load_split(Path(path), split, limit)
    nlp = nlp or load_nlp()
    totals = {(s, g): _Counts() for s in SYSTEMS for g in ("all", "full")}
    common = {"n": 0, "storyline": 0, "textacy": 0}  # speakers on the quotes both systems found
    per_doc: dict[str, dict[str, list[object]]] = {}
    for pdoc, doc in zip(docs, nlp.pipe(d.text for d in docs), strict=True):  # type: ignore[attr-defined]
        gold = pdoc.direct_quotes()
        preds = {"storyline": storyline_quotes(doc, _article(pdoc)), "textacy": textacy_quotes(doc)}
        per_doc[pdoc.name] = {}
        outcomes: dict[str, dict[int, bool]] = {}
        for system, pred in preds.items():
            for gold_set in ("all", "full"):
                g = gold if gold_set == "all" else [q for q in gold if q.kind == "full"]
                p = pred if gold_set == "all" else [q for q in pred if q.kind == "full"]
                speaker_of: dict[int, bool] = {}
                counts = score_doc(pdoc.text, g, p, speaker_of)
                if gold_set == "all":
                    outcomes[system] = speaker_of
                totals[(system, gold_set)].add(counts)
                if gold_set == "all":
                    per_doc[pdoc.name][system] = counts.row(system, gold_set)[2:]
        both = outcomes["storyline"].keys() & outcomes["textacy"].keys()
        common["n"] += len(both)
        for system in SYSTEMS:
            common[system] += sum(outcomes[system][gi] for gi in both)
    rows = [totals[(s, g)].row(s, g) for g in ("all", "full") for s in SYSTEMS]
    notes = [
        f"PolNeAR {split} split, {len(docs)} articles, spaCy {model_version(nlp)}; "  # type: ignore[arg-type]
        "both systems on the same parse; storyline's entities from "
        + ("storyline.analyze.entities.extract" if _has_entity_step() else "a NER stand-in"),
        "gold: quoted stretches inside attributed Content spans; 'full' = the quotation is the whole "
        "content piece, 'all' adds quoted fragments inside paraphrase",
        "ex (exact): same offsets after trimming whitespace, edge punctuation and quotation "
        "marks; ov (overlap): any shared character, matched one-to-one",
        "spk acc: of overlap-matched quotes with a gold Source, the predicted speaker span "
        "overlaps the Source, or shares a name word with it (the span's words, or the resolved "
        "entity's name for a pronoun or description)",
        "F1 +spk: a quote counts only when overlap-matched and with the right speaker",
        "speaker accuracy on the {n} gold quotes (with a Source) that both systems found: "
        "storyline {s:.2f}, textacy {t:.2f}".format(
            n=common["n"], s=common["storyline"] / common["n"] if common["n"] else 0.0,
            t=common["textacy"] / common["n"] if common["n"] else 0.0),
        "textacy: textacy.extract.triples.direct_quotations; on documents with an odd number of "
        "quotation marks (where it raises) it is run per paragraph",
    ]
    return EvalReport(
        title=f"Direct quotations — PolNeAR {split}",
        columns=["system", "gold", "n gold", "n pred", "P ex", "R ex", "F1 ex",
                 "P ov", "R ov", "F1 ov", "spk acc", "F1 +spk"],
        rows=rows, notes=notes, details={"per_doc": per_doc, "split": split, "articles": len(docs),
                                         "speakers_on_common_quotes": common})


def _article(pdoc: PolnearDoc) -> Article:
    return Article(id=pdoc.name[:12], text=pdoc.text, path=pdoc.name)


def iter_errors(path: Path, split: str = "dev", limit: int | None = None,
                nlp: object | None = None) -> Iterable[tuple[str, str, str]]:
    """(article, kind of error, context) for tuning on dev: misses, false alarms, wrong speakers."""
    from storyline.analyze.nlp import load_nlp

    docs = load_split(Path(path), split, limit)
    nlp = nlp or load_nlp()
    for pdoc, doc in zip(docs, nlp.pipe(d.text for d in docs), strict=True):  # type: ignore[attr-defined]
        text = pdoc.text
        gold = pdoc.direct_quotes()
        pred = storyline_quotes(doc, _article(pdoc))
        for g in gold:
            hit = [p for p in pred if min(g.end, p.end) > max(g.start, p.start)]
            ctx = text[max(0, g.start - 80):g.end + 60].replace("\n", " / ")
            src = " ".join(text[a:b] for a, b in g.source)
            if not hit:
                yield pdoc.name, f"miss-{g.kind}", ctx
            elif g.source and hit[0].speaker and not score_doc(text, [g], [hit[0]]).speaker_ok:
                sa, sb = hit[0].speaker
                yield pdoc.name, "speaker", f"gold={src!r} pred={text[sa:sb]!r} :: {ctx}"
            elif g.source and hit[0].speaker is None:
                yield pdoc.name, "no-speaker", f"gold={src!r} :: {ctx}"
        for p in pred:
            if not any(min(g.end, p.end) > max(g.start, p.start) for g in gold):
                ctx = text[max(0, p.start - 80):p.end + 60].replace("\n", " / ")
                yield pdoc.name, f"false-{p.kind}", ctx
