"""Score who asserts each claim (``Claim.voice``) and label voices against PolNeAR attributions.

PolNeAR marks attribution relations (Source, Cue, Content) in 2016 US political news. A claim whose
span lies inside an annotated Content span is someone else's assertion: its voice should not be
``reporter``. We score that decision (precision/recall/F1 of "attributed"), how often the named
speaker matches the annotated Source (named sources only: a word of the speaker's name appears in
the Source text), and label voices against the gold direct quotes. Baseline: every claim in the
reporter's voice.

Usage: ``storyline eval claims ../shared/datasets --split test``
(DATASETS_DIR is the shared datasets folder or the PolNeAR folder). Tune on dev, report test.
"""

from __future__ import annotations

from pathlib import Path

from storyline.eval import EvalReport
from storyline.model import Article

PRONOUNS = {"he", "she", "they", "it", "i", "we", "you"}


def evaluate(path: Path, *, split: str = "test", limit: int | None = None) -> EvalReport:
    from storyline.analyze import analyze_doc
    from storyline.analyze.nlp import load_nlp
    from storyline.eval.polnear import load_split

    docs = load_split(path, split, limit)
    nlp = load_nlp()
    tp = fp = fn = tn = 0
    named = named_ok = 0
    labels = labels_ok = 0
    for d in docs:
        analysis = analyze_doc(Article(id=d.name[:16], text=d.text), nlp(d.text))
        names = {e.key: e.name.lower() for e in analysis.entities}
        contents = [(piece, a) for a in d.attributions for piece in a.content]
        for c in analysis.claims:
            gold = [a for (s, e), a in contents if s <= c.start and c.end <= e]
            pred = c.voice != "reporter"
            tp += bool(gold and pred)
            fn += bool(gold and not pred)
            fp += bool(pred and not gold)
            tn += bool(not gold and not pred)
            if gold and pred:
                source = " ".join(d.text[s:e] for s, e in gold[0].source).lower()
                if source and source.split()[0] not in PRONOUNS:
                    named += 1
                    words = names.get(c.voice, c.voice).replace(".", " ").split()
                    named_ok += any(w in source for w in words if len(w) > 2)
        quoted = [(q.start, q.end) for q in d.direct_quotes()]
        for lab in analysis.labels:
            inside = any(s <= lab.start and lab.end <= e for s, e in quoted)
            labels += 1
            labels_ok += inside == (lab.voice == "quoted")
    total = tp + fp + fn + tn
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return EvalReport(
        title=f"Claim voice vs PolNeAR attributions ({split}, {len(docs)} articles, {total} claims)",
        columns=["system", "attributed P", "attributed R", "attributed F1", "voice accuracy",
                 "speaker named", "label voice accuracy"],
        rows=[["storyline claims", 100 * p, 100 * r, 100 * f, 100 * (tp + tn) / max(1, total),
               100 * named_ok / max(1, named), 100 * labels_ok / max(1, labels)],
              ["all reporter (baseline)", 0.0, 0.0, 0.0, 100 * (fp + tn) / max(1, total), 0.0,
               ""]],
        notes=[f"attributed = claim span inside an annotated Content span (tp={tp} fp={fp} "
               f"fn={fn} tn={tn})",
               f"speaker named: {named_ok}/{named} claims whose gold Source is a name",
               f"labels: {labels} evaluative labels scored against gold direct quotes"],
    )
