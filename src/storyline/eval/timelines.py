"""Dated events of SemEval-2015 Task 4 (TimeLine) gold timelines, scored on the dating alone.

The official task scorer (temporal awareness over ordered, dated event clusters per target entity)
is not reproduced here. This module measures the part our time layer is responsible for: **how
often the date we give an event agrees with the date in the gold timeline**. For every gold
timeline event with a known date (``2008-07-15``, ``2008-07``, ``2008-07-XX``; ``XXXX-XX-XX`` is
skipped), we look at the sentence it is in:

* if our event extraction anchored a time expression there, the event gets that expression's
  value (the anchored expression nearest to the gold event word);
* otherwise it gets the document creation time (DCT), the usual fallback of timeline systems;
  a second row instead falls back to the *lede date*: the first day-level date anchored in the
  document when it lies in the week before the DCT (news reports yesterday's event; the sentences
  around it mostly share its date).

A date is correct when it lies inside the period the gold value names and is at least as precise
(``2008-07-15`` or a week inside July fit ``2008-07``; ``2008`` does not fit ``2008-07-15``).
The baseline dates every event with the DCT.

Splits: ``dev`` = the trial data (Apple corpus, 30 docs, 6 timelines), ``test`` = the evaluation
data (corpora 1–3, 90 docs, 38 timelines; ``s&p_500`` is listed twice and counted once).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

from storyline.analyze.time import parse_iso, value_bounds
from storyline.errors import DatasetError
from storyline.eval import EvalReport
from storyline.eval.timeml import GoldDoc, find_dataset, load_cat
from storyline.model import Article, PubDate

_EVENT = re.compile(r"^(\d+)-(\d+)-(.+)$")


@dataclass(slots=True)
class GoldEvent:
    doc: str
    sentence: int
    token: str
    date: str


def _load_timelines(files: list[Path]) -> list[GoldEvent]:
    seen: dict[tuple[str, int, str], GoldEvent] = {}
    for f in files:
        for line in f.read_text(encoding="utf-8").splitlines()[1:]:
            cols = line.strip().split("\t")
            if len(cols) < 3:
                continue
            for ev in cols[2:]:
                m = _EVENT.match(ev.strip())
                if m:
                    key = (m.group(1), int(m.group(2)), m.group(3))
                    seen.setdefault(key, GoldEvent(key[0], key[1], key[2], cols[1].strip()))
    return sorted(seen.values(), key=lambda e: (e.doc, e.sentence, e.token))


def load_split(path: Path, split: str) -> tuple[list[GoldDoc], list[GoldEvent]]:
    root = find_dataset(path, "semeval2015_task4_timeline", "SemEval_Task4_data")
    if split == "dev":
        docs = sorted((root / "Corpus-trial-data_task4").glob("*.xml"))
        lines = sorted((root / "TimeLines_trial_data_task4_v1.2").glob("*.txt"))
    elif split == "test":
        docs = sorted((root / "SemEval_Task4_data").glob("corpus_*/corpus_trackA_CAT/*.xml"))
        lines = sorted((root / "SemEval_Task4_data").glob("corpus_*/TimeLines_Gold_Standard/*.txt"))
    else:
        raise DatasetError(f"{path}: unknown split {split!r} for timelines (use: dev, test)")
    if not docs or not lines:
        raise DatasetError(f"{root}: no documents or timelines for split {split!r}")
    gold_docs = []
    for f in docs:
        d = load_cat(f, max_sentence=None)
        d.id = d.id or f.name.split("_")[0]
        gold_docs.append(d)
    return gold_docs, _load_timelines(lines)


def date_matches(gold: str, system: str | None) -> bool:
    """The system date lies within the period the gold value names (``2008-07-XX`` = July 2008),
    and is at least as precise: ``2008-W27`` fits ``2008-07`` when that week is inside July."""
    if not system:
        return False
    g_lo, g_hi = value_bounds(re.sub(r"(-XX)+$", "", gold))
    s_lo, s_hi = value_bounds(system)
    if g_lo is None or g_hi is None or s_lo is None or s_hi is None:
        return False
    return g_lo <= s_lo and s_hi <= g_hi


def _same_word(word: str, predicate: str) -> bool:
    """Does the gold event word ("announced") show the predicate lemma ("announce")?"""
    lemma = predicate.split(" ")[0].lower() if predicate else ""
    word = word.lower()
    return len(lemma) > 2 and (word.startswith(lemma) or word.startswith(lemma[:-1]) and
                               len(lemma) > 4)


def evaluate(path: Path, *, split: str = "test", limit: int | None = None) -> EvalReport:
    from storyline.analyze.events import extract_events
    from storyline.analyze.nlp import load_nlp, model_version
    from storyline.analyze.time import analyze_time

    docs, gold = load_split(Path(path), split)
    if limit is not None:
        docs = docs[:limit]
    by_id = {d.id: d for d in docs}
    gold = [g for g in gold if g.doc in by_id and "X" not in g.date[:4]]
    nlp = load_nlp()
    # per document: (sentence span, time expression value, character position) of each anchored event
    anchored: dict[str, list[tuple[int, int, str, int, str]]] = {}
    for d in docs:
        if not any(g.doc == d.id for g in gold):
            continue
        pub = PubDate(date=d.dct, earliest=d.dct, latest=d.dct, basis="metadata") if d.dct else PubDate()
        article = Article(id=d.id, text=d.text, published=pub)
        doc = nlp(d.text)
        _, timexes = analyze_time(doc, article)
        events = extract_events(doc, article, timexes, [])
        anchored[d.id] = [(e.start, e.end, timexes[e.timex].value, timexes[e.timex].start,
                           e.predicate or "") for e in events if e.timex >= 0]
    lede: dict[str, str | None] = {}
    for doc_id, evs in anchored.items():
        dct = parse_iso(by_id[doc_id].dct)
        lede[doc_id] = by_id[doc_id].dct
        for _a, _b, val, _p, _pred in sorted(evs, key=lambda e: e[0]):
            day = parse_iso(val) if re.match(r"^\d{4}-\d\d-\d\d", val) else None
            if day and dct and timedelta(0) <= dct - day <= timedelta(days=7):
                lede[doc_id] = day.isoformat()
                break
    ok = ok_dct = ok_lede = covered = 0
    rows_detail: list[dict[str, Any]] = []
    for g in gold:
        d = by_id[g.doc]
        toks = d.tokens.get(g.sentence, [])
        first = g.token.split("_")[0]
        pos = next((s for s, _e, t in toks if t == first), toks[0][0] if toks else 0)
        s_start = toks[0][0] if toks else -1
        s_end = toks[-1][1] if toks else -1
        in_sentence = [(abs(tpos - pos), val, pred) for a, b, val, tpos, pred
                       in anchored.get(g.doc, []) if a < s_end and s_start < b]
        # the expression anchoring this event's own predicate, else the nearest one in the sentence
        own = [c for c in in_sentence if _same_word(first, c[2])]
        cands = [(dist, val) for dist, val, _p in (own if own else in_sentence)]
        value = min(cands)[1] if cands else d.dct
        covered += bool(cands)
        hit = date_matches(g.date, value)
        ok += hit
        ok_dct += date_matches(g.date, d.dct)
        ok_lede += date_matches(g.date, value if cands else lede.get(g.doc, d.dct))
        if not hit:
            rows_detail.append({"event": f"{g.doc}-{g.sentence}-{g.token}", "gold": g.date,
                                "system": value, "anchored": bool(cands)})
    n = len(gold)
    acc = 100 * ok / n if n else 0.0
    acc_dct = 100 * ok_dct / n if n else 0.0
    acc_lede = 100 * ok_lede / n if n else 0.0
    notes = [f"{len(docs)} docs, {n} gold timeline events with a known date (XXXX-XX-XX skipped)",
             f"{covered} ({100 * covered / n if n else 0:.1f}%) lie in a sentence where our event "
             "extraction anchored a time expression; the rest get the DCT",
             "not the official TimeLine scorer: dating accuracy only (no ordering, no clustering, "
             "no entity selection)",
             f"spaCy model {model_version(nlp)}"]
    return EvalReport(title=f"Dated timeline events — SemEval-2015 Task 4 ({split})",
                      columns=["system", "date accuracy", "events"],
                      rows=[["storyline (anchored time, else DCT)", round(acc, 2), n],
                            ["storyline (anchored time, else lede date)", round(acc_lede, 2), n],
                            ["baseline: DCT for every event", round(acc_dct, 2), n]],
                      notes=notes, details={"errors": rows_detail})
