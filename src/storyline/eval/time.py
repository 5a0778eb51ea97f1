"""Time-expression evaluation with the TempEval-3 definitions.

* extraction: a system timex matches a gold one *strictly* when the character spans are identical
  and *relaxed* when they overlap; precision/recall/F1 over the counts of matched expressions;
* normalization: value F1 — a relaxed match whose value equals the gold value exactly counts as
  correct (precision over system timexes, recall over gold timexes), and type accuracy over the
  relaxed matches (TempEval-3's "attribute" scores).

Splits: ``dev`` = MEANTIME English (120 Wikinews docs, DCT = the CREATION_TIME timex; tune here),
``test`` = TempEval-3 Platinum (20 news docs; report here). Usage::

    from storyline.eval.time import evaluate
    print(evaluate(Path("../shared/datasets"), split="test").to_markdown())
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from storyline.errors import DatasetError
from storyline.eval import EvalReport
from storyline.eval.timeml import GoldDoc, GoldTimex, load_meantime, load_te3_platinum
from storyline.model import Article, PubDate, TimeExpr

SPLITS = {"dev": ("MEANTIME English (dev)", load_meantime),
          "test": ("TempEval-3 Platinum (test)", load_te3_platinum)}
ANCHORS = {"test": [["HeidelTime (TE-3 paper)", 81.3, 90.3, 77.61, "n/a"],
                    ["SUTime (TE-3 paper)", 79.6, 90.3, 67.38, "n/a"]]}


@dataclass(slots=True)
class Counts:
    gold: int = 0
    system: int = 0
    strict_sys: int = 0  # system timexes with an identical gold span
    strict_gold: int = 0
    relaxed_sys: int = 0  # system timexes overlapping some gold timex
    relaxed_gold: int = 0
    value_ok: int = 0  # relaxed matches (one per gold) with the exact gold value
    type_ok: int = 0
    matched: int = 0  # relaxed gold-system pairs (one per gold)
    errors: list[dict[str, Any]] = field(default_factory=list)

    def add(self, doc: GoldDoc, system: list[TimeExpr]) -> None:
        gold = doc.timexes
        self.gold += len(gold)
        self.system += len(system)
        gspans = {(g.start, g.end) for g in gold}
        sspans = {(s.start, s.end) for s in system}
        self.strict_sys += sum((s.start, s.end) in gspans for s in system)
        self.strict_gold += sum((g.start, g.end) in sspans for g in gold)
        self.relaxed_sys += sum(any(_overlap(s, g) for g in gold) for s in system)
        for g in gold:
            over = [s for s in system if _overlap(s, g)]
            if not over:
                self.errors.append({"doc": doc.id, "kind": "missed", "gold": g.text, "value": g.value})
                continue
            self.relaxed_gold += 1
            self.matched += 1
            s = max(over, key=lambda s: min(s.end, g.end) - max(s.start, g.start))
            if s.value == g.value:
                self.value_ok += 1
            else:
                self.errors.append({"doc": doc.id, "kind": "value", "gold": g.text, "value": g.value,
                                    "system": s.text, "got": s.value})
            if s.type == g.type:
                self.type_ok += 1
        for s in system:
            if not any(_overlap(s, g) for g in gold):
                self.errors.append({"doc": doc.id, "kind": "spurious", "system": s.text,
                                    "got": s.value})

    def scores(self) -> dict[str, float]:
        def f1(p: float, r: float) -> float:
            return 2 * p * r / (p + r) if p + r else 0.0

        sp = self.strict_sys / self.system if self.system else 0.0
        sr = self.strict_gold / self.gold if self.gold else 0.0
        rp = self.relaxed_sys / self.system if self.system else 0.0
        rr = self.relaxed_gold / self.gold if self.gold else 0.0
        vp = self.value_ok / self.system if self.system else 0.0
        vr = self.value_ok / self.gold if self.gold else 0.0
        return {"strict_p": 100 * sp, "strict_r": 100 * sr, "strict_f1": 100 * f1(sp, sr),
                "relaxed_p": 100 * rp, "relaxed_r": 100 * rr, "relaxed_f1": 100 * f1(rp, rr),
                "value_p": 100 * vp, "value_r": 100 * vr, "value_f1": 100 * f1(vp, vr),
                "value_acc": 100 * self.value_ok / self.matched if self.matched else 0.0,
                "type_acc": 100 * self.type_ok / self.matched if self.matched else 0.0}


def _overlap(s: TimeExpr, g: GoldTimex) -> bool:
    return s.start < g.end and g.start < s.end


def system_timexes(doc: GoldDoc, nlp: Any) -> list[TimeExpr]:
    """Our time layer on one gold document, with its DCT as the (metadata) publication date."""
    from storyline.analyze.time import analyze_time

    pub = PubDate(date=doc.dct, earliest=doc.dct, latest=doc.dct, basis="metadata") if doc.dct \
        else PubDate()
    article = Article(id=doc.id, text=doc.text, published=pub)
    _, timexes = analyze_time(nlp(doc.text), article)
    if doc.scored:
        timexes = [t for t in timexes if any(a <= t.start and t.end <= b for a, b in doc.scored)]
    # TimeML (TempEval-3, MEANTIME) does not annotate a person's age; the dossier keeps them
    return [t for t in timexes if t.kind != "age"]


def evaluate(path: Path, *, split: str = "test", limit: int | None = None) -> EvalReport:
    """Score the time layer on the ``split`` of the dataset under ``path`` (see module doc)."""
    from storyline.analyze.nlp import load_nlp, model_version

    if split not in SPLITS:
        raise DatasetError(f"{path}: unknown split {split!r} for time (use: {', '.join(SPLITS)})")
    title, loader = SPLITS[split]
    docs = loader(Path(path))
    if limit is not None:
        docs = docs[:limit]
    nlp = load_nlp()
    counts = Counts()
    for doc in docs:
        counts.add(doc, system_timexes(doc, nlp))
    s = counts.scores()
    rows: list[list[Any]] = [["storyline", round(s["strict_f1"], 2), round(s["relaxed_f1"], 2),
                              round(s["value_f1"], 2), round(s["type_acc"], 2)]]
    rows += [list(r) for r in ANCHORS.get(split, [])]
    kinds = Counter(e["kind"] for e in counts.errors)
    notes = [f"{len(docs)} docs, {counts.gold} gold timexes, {counts.system} system timexes",
             f"strict P/R {s['strict_p']:.2f}/{s['strict_r']:.2f}, relaxed P/R "
             f"{s['relaxed_p']:.2f}/{s['relaxed_r']:.2f}, value P/R {s['value_p']:.2f}/{s['value_r']:.2f}, "
             f"value accuracy on relaxed matches {s['value_acc']:.2f}",
             f"errors: {kinds.get('missed', 0)} missed, {kinds.get('spurious', 0)} spurious, "
             f"{kinds.get('value', 0)} wrong values",
             f"spaCy model {model_version(nlp)}; TempEval-3 definitions (relaxed = overlap, value F1 "
             "= exact value on relaxed matches)"]
    return EvalReport(title=f"Time expressions — {title}",
                      columns=["system", "strict F1", "relaxed F1", "value F1", "type acc"],
                      rows=rows, notes=notes, details={"scores": s, "errors": counts.errors})
