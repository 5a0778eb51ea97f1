"""Evaluative labels (``storyline.analyze.labels``) on dev data of several domains.

There is no gold annotation of loaded language, so this command does two things on dev data only:
it lists every label found, with its context, for precision to be judged by hand (``--json``
writes the list), and it measures recall on probe words: every occurrence of a probe word in the
texts should be found. The probes are the words issue 9 named as missed on PolNeAR dev
("disgrace", "racism", "bigotry", "riot" and their forms), not a tuning set.

Data: ``stories-dev`` (six stories, five domains: finance and courts, space, disaster, business,
sport), PolNeAR dev (US politics) and MEANTIME (Wikinews: markets, airlines, cars, technology;
its full texts, not only the annotated first sentences). Test splits are not read.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from storyline.errors import DatasetError
from storyline.eval import EvalReport
from storyline.model import Article

PROBES = re.compile(r"\b(disgrace\w*|racism|bigotry|riot|riots|rioting|rioters?)\b", re.IGNORECASE)


def _texts(path: Path, limit: int | None) -> dict[str, list[tuple[str, str]]]:
    from storyline.eval.polnear import load_split
    from storyline.eval.timeml import find_dataset, load_cat

    sets: dict[str, list[tuple[str, str]]] = {}
    stories = path / "stories-dev" if (path / "stories-dev").is_dir() else None
    if stories is not None:
        sets["stories-dev"] = [(f"{p.parent.parent.name}/{p.name}", p.read_text(encoding="utf-8"))
                               for p in sorted(stories.glob("*/articles/*.txt"))][:limit]
    if (path / "polnear").is_dir():
        sets["PolNeAR dev"] = [(d.name, d.text) for d in load_split(path / "polnear", "dev", limit)]
    if (path / "meantime_en").is_dir():
        root = find_dataset(path, "meantime_en", "intra-doc_annotation")
        files = sorted((root / "intra-doc_annotation").glob("*/*.xml"))[:limit]
        sets["MEANTIME"] = [(f.stem, load_cat(f, max_sentence=None).text) for f in files]
    if not sets:
        raise DatasetError(f"{path}: no stories-dev, polnear or meantime_en folder here")
    return sets


def evaluate(path: Path, *, split: str = "dev", limit: int | None = None) -> EvalReport:
    """Labels found per data set, by voice, and probe recall; ``details['labels']`` lists them."""
    from storyline.analyze.labels import extract_labels
    from storyline.analyze.nlp import load_nlp

    if split != "dev":
        raise DatasetError("labels are measured on dev data only (there is no labels test split)")
    nlp = load_nlp()
    rows: list[list[object]] = []
    found: list[dict[str, object]] = []
    for name, texts in _texts(path, limit).items():
        words = n = quoted = probes = probes_hit = 0
        terms: Counter[str] = Counter()
        for (doc_name, text), doc in zip(texts, nlp.pipe(t for _, t in texts), strict=True):
            words += sum(1 for t in doc if t.is_alpha)
            labels = extract_labels(doc, Article(id="x", text=text), [])
            spans = {(lab.start, lab.end) for lab in labels}
            for m in PROBES.finditer(text):
                probes += 1
                probes_hit += (m.start(), m.end()) in spans
            for lab in labels:
                n += 1
                quoted += lab.voice == "quoted"
                terms[lab.term] += 1
                found.append({"set": name, "doc": doc_name, "term": lab.term, "text": lab.text,
                              "voice": lab.voice, "start": lab.start,
                              "context": text[max(0, lab.start - 70):lab.end + 50]})
        rows.append([name, len(texts), words, n, round(1000 * n / max(1, words), 2), quoted,
                     f"{probes_hit}/{probes}", ", ".join(f"{t} {c}" for t, c in terms.most_common(5))])
    return EvalReport(
        title="Evaluative labels on dev data (precision is judged by hand from --json)",
        columns=["data", "docs", "words", "labels", "per 1k words", "between quote marks",
                 "probe recall", "most frequent"],
        rows=rows,
        notes=["probe recall: occurrences of disgrace*, racism, bigotry, riot* found as labels",
               "voice here counts only labels directly between quote marks (no quote extraction)",
               "lexicon: storyline/lexicon/en/labels.py (sources in its docstring)"],
        details={"labels": found},
    )
