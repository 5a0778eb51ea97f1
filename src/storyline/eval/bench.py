"""``storyline bench``: what storyline costs beside the spaCy parse it needs anyway.

Measured in one process, on the same texts, after the model is loaded (its load time is shown apart):

(a) parse     — the bare spaCy pipeline: ``nlp.pipe`` over the texts, nothing else
(b) analyze   — the full per-article analysis (the parse plus every extractor), the map step
(c) reduce    — the per-story reduce (entity resolution, timeline, quote groups, comparisons,
                coverage), for the corpus replicated 1×…K× with fresh ids (``--scale K``) to show
                how it grows with the number of articles
(d) baseline  — what a user would assemble instead: spaCy + textacy ``direct_quotations`` +
                dateparser ``search_dates`` over the same texts

Each time is the best of ``--repeat`` runs. Peak memory is the process's maximum resident set size.
"""

from __future__ import annotations

import hashlib
import json
import resource
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from storyline.errors import DatasetError
from storyline.model import Article, ArticleAnalysis


@dataclass(slots=True)
class BenchRow:
    stage: str
    articles: int
    words: int
    seconds: float
    note: str = ""
    peak_mb: float = 0.0

    @property
    def words_per_second(self) -> float:
        return self.words / self.seconds if self.seconds else float("inf")


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def _best(fn: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    best, result = float("inf"), None
    for _ in range(max(1, repeat)):
        t0 = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - t0)
    return best, result


def load_bench_corpus(paths: Sequence[str], limit: int | None = None) -> list[Article]:
    """Articles from files/folders, or the rebuilt texts of an ECB+ folder."""
    articles: list[Article] = []
    for p in paths:
        path = Path(p)
        if _is_ecbplus(path):
            articles.extend(ecbplus_articles(path))
        else:
            from storyline.run import load_corpus

            found, _problems = load_corpus([p])
            articles.extend(found)
    if not articles:
        raise DatasetError(f"{', '.join(paths)}: no article to benchmark")
    return articles[:limit] if limit else articles


def _is_ecbplus(path: Path) -> bool:
    return path.is_dir() and ((path / "ECB+").is_dir() or (path / "ecbplus" / "ECB+").is_dir())


_NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "]", "'s", "n't", "'re", "'ve", "'ll", "'d", "%"}


def ecbplus_articles(path: Path) -> list[Article]:
    """All ECB+ documents (every topic) as Articles, text rebuilt from the tokens.

    One line per sentence; a space between tokens except before closing punctuation and clitics.
    In ``*ecbplus.xml`` files sentence 0 is the source URL and is left out.
    """
    from storyline.eval.ecbplus import find_root, parse_doc

    root = find_root(path) / "ECB+"
    out: list[Article] = []
    for folder in sorted((p for p in root.iterdir() if p.is_dir()), key=lambda p: int(p.name)):
        for f in sorted(folder.glob("*.xml")):
            doc = parse_doc(f, int(folder.name))
            lines: dict[int, list[str]] = {}
            for tok in doc.tokens:
                if doc.subtopic == "ecbplus" and tok.sentence == 0:
                    continue
                words = lines.setdefault(tok.sentence, [])
                if words and tok.text not in _NO_SPACE_BEFORE:
                    words.append(" ")
                words.append(tok.text)
            text = "\n".join("".join(w) for _, w in sorted(lines.items()))
            out.append(Article(id=hashlib.sha256(text.encode()).hexdigest()[:16], text=text,
                               path=str(f), title=f.stem, source_format="ecbplus"))
    return out


def replicate(analyses: Sequence[ArticleAnalysis], k: int) -> list[ArticleAnalysis]:
    """The analyses ``k`` times over, each copy with fresh article ids (as if other outlets)."""
    if k <= 1:
        return list(analyses)
    from storyline.store.codec import analysis_from_dict, analysis_to_dict

    out: list[ArticleAnalysis] = list(analyses)
    for copy in range(1, k):
        for a in analyses:
            old = a.article.id
            new = hashlib.sha256(f"{old}/{copy}".encode()).hexdigest()[: len(old)]
            # Article ids are hex content hashes: a textual replace reaches every reference to it.
            data = json.loads(json.dumps(analysis_to_dict(a)).replace(old, new))
            out.append(analysis_from_dict(data))
    return out


def run_bench(paths: Sequence[str], *, repeat: int = 1, scale: int = 1, workers: int = 1,
              limit: int | None = None, baseline: bool = True) -> list[BenchRow]:
    from storyline.analyze import analyze_doc
    from storyline.analyze.nlp import load_nlp
    from storyline.run.local import Failure, analyze_parallel
    from storyline.story import build_dossier

    articles = load_bench_corpus(paths, limit)
    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts)
    n = len(articles)
    rows: list[BenchRow] = []

    t0 = time.perf_counter()
    nlp = load_nlp()
    rows.append(BenchRow("model load", 0, 0, time.perf_counter() - t0, "once per process",
                         _peak_mb()))

    secs, _ = _best(lambda: [d for d in nlp.pipe(texts, batch_size=16)], repeat)
    rows.append(BenchRow("(a) parse", n, words, secs, "nlp.pipe", _peak_mb()))

    def full() -> list[ArticleAnalysis]:
        if workers > 1:
            return [r for r in analyze_parallel(articles, workers=workers) if not isinstance(r, Failure)]
        return [analyze_doc(a, d) for a, d in zip(articles, nlp.pipe(texts, batch_size=16), strict=True)]

    analyze_doc(articles[0], nlp(texts[0]))  # warm-up: lazy imports, matcher tables
    secs, analyses = _best(full, repeat)
    rows.append(BenchRow("(b) analyze", n, words, secs,
                         f"full map, {workers} proc", _peak_mb()))

    build_dossier(analyses[:2])  # warm-up: the reduce modules' imports are not part of its cost
    for k in sorted({1, scale} | {s for s in (2, 5, 10) if s < scale}):
        corpus = replicate(analyses, k)
        secs, _ = _best(partial(build_dossier, corpus), repeat)
        rows.append(BenchRow("(c) reduce" if k == 1 else f"(c) reduce ×{k}", len(corpus),
                             words * k, secs, f"{secs / len(corpus) * 1000:.1f} ms/art",
                             _peak_mb()))

    if baseline:
        rows.append(_baseline(nlp, texts, words, repeat))
    return rows


def _baseline(nlp: Any, texts: list[str], words: int, repeat: int) -> BenchRow:
    import dateparser.search
    from textacy.extract.triples import direct_quotations

    dateparser.search.search_dates("He left on Monday, May 5, 2025.", languages=["en"])  # warm-up

    def run() -> int:
        found = 0
        for text, doc in zip(texts, nlp.pipe(texts, batch_size=16), strict=True):
            try:
                found += len(list(direct_quotations(doc)))
            except ValueError:  # textacy bails out on an odd number of quote marks
                pass
            found += len(dateparser.search.search_dates(text, languages=["en"]) or [])
        return found

    secs, _ = _best(run, repeat)
    return BenchRow("(d) baseline", len(texts), words, secs,
                    "spaCy+textacy+dateparser", _peak_mb())


def ratios(rows: Sequence[BenchRow]) -> dict[str, float]:
    by = {r.stage: r.seconds for r in rows}
    out: dict[str, float] = {}
    if "(a) parse" in by and "(b) analyze" in by:
        out["(b)/(a)"] = by["(b) analyze"] / by["(a) parse"]
    if "(a) parse" in by and "(c) reduce" in by:
        out["(c)/(a)"] = by["(c) reduce"] / by["(a) parse"]
    if "(d) baseline" in by and "(b) analyze" in by:
        out["(d)/(b)"] = by["(d) baseline"] / by["(b) analyze"]
    return out


def print_table(rows: Sequence[BenchRow], console: Any) -> None:
    from rich.table import Table

    table = Table(title="storyline bench")
    for col in ("stage", "articles", "words", "seconds", "words/s", "peak MB", "note"):
        table.add_column(col, justify="left" if col in ("stage", "note") else "right")
    for r in rows:
        wps = "" if not r.words else f"{r.words_per_second:,.0f}"
        table.add_row(r.stage, str(r.articles or ""), f"{r.words:,}" if r.words else "",
                      f"{r.seconds:.3f}", wps, f"{r.peak_mb:,.0f}", r.note)
    console.print(table)
    for name, value in ratios(rows).items():
        console.print(f"{name} = {value:.2f}")
