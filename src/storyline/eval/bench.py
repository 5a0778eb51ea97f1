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
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
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


# ----------------------------------------------------------------------------- bench --corpus
#
# End to end (ingest → map → store → stories → reduce → render), each runner in a fresh child
# process so that its peak memory is its own; then the stories + reduce stage alone on the corpus's
# analyses replicated ×K with fresh ids, loaded into a store and read back from it as a run does.


@dataclass(slots=True)
class EndToEndRow:
    runner: str
    articles: int
    stories: int
    seconds: float
    cores: int
    peak_mb_main: float  # the process that runs storyline analyze (the client with Dask)
    peak_mb_workers: list[float]  # each map worker process (local pool or Dask workers)
    cpu_seconds: float = 0.0  # user + system time of every process of the run
    problems: int = 0

    @property
    def per_cpu_second(self) -> float:
        """Articles per second of one core's time: the throughput per core on an idle machine."""
        return self.articles / self.cpu_seconds if self.cpu_seconds else float("inf")

    @property
    def per_second(self) -> float:
        return self.articles / self.seconds if self.seconds else float("inf")

    @property
    def per_core(self) -> float:
        return self.per_second / max(1, self.cores)


@dataclass(slots=True)
class ScaleRow:
    scale: int
    articles: int
    stories: int
    load_seconds: float  # writing the replicated analyses into the store (not part of a run)
    cluster_seconds: float
    reduce_seconds: float
    peak_mb: float
    cpu_seconds: float = 0.0  # user + system of the clustering and the reduce

    @property
    def cpu_ms_per_article(self) -> float:
        return self.cpu_seconds / self.articles * 1000 if self.articles else 0.0

    @property
    def ms_per_article(self) -> float:
        return (self.cluster_seconds + self.reduce_seconds) / self.articles * 1000 if self.articles else 0.0


@dataclass(slots=True)
class ClusterRow:
    scale: int
    articles: int
    stories: int
    seconds: float
    peak_mb: float

    @property
    def ms_per_article(self) -> float:
        return self.seconds / self.articles * 1000 if self.articles else 0.0


@dataclass(slots=True)
class StoryScaleRow:
    scale: int
    stories: int
    articles: int
    cpu_seconds: float  # user + system of the reduces alone (this process)
    seconds: float
    peak_mb: float
    largest: int  # articles in the largest story reduced

    @property
    def cpu_ms_per_article(self) -> float:
        return self.cpu_seconds / self.articles * 1000 if self.articles else 0.0


@dataclass(slots=True)
class CorpusBench:
    corpus: str
    end_to_end: list[EndToEndRow]
    scale: list[ScaleRow]
    cluster: list[ClusterRow] = field(default_factory=list)
    story_scale: list[StoryScaleRow] = field(default_factory=list)


def _materialise(corpus: Path, folder: Path, limit: int | None, copies: int = 1) -> tuple[list[str], int]:
    """The paths a run reads: the corpus folder itself, or (ECB+, whose documents are token XML; the
    shared datasets folder, every corpus in it) its documents written out as files first, outside
    the timing; ``copies`` times each (:func:`shared_corpus_texts`, :func:`copy_text`)."""
    if not _is_ecbplus(corpus) and not _is_datasets_root(corpus) and copies <= 1:
        return [str(corpus)], 0
    if _is_datasets_root(corpus):
        named = shared_corpus_texts(corpus)
    elif _is_ecbplus(corpus):
        named = [(f"{Path(a.path).stem}.txt", a.text) for a in load_bench_corpus([str(corpus)])]
    else:
        named = [(f"{i:05d}-{Path(a.path).stem}.txt", a.text) for i, a in enumerate(load_bench_corpus([str(corpus)]))]
    named = named[:limit] if limit else named
    for old in folder.glob("*") if folder.is_dir() else ():
        old.unlink()
    folder.mkdir(parents=True, exist_ok=True)
    for copy in range(max(1, copies)):
        for name, text in named:
            stem, suffix = name.rsplit(".", 1)
            (folder / f"{stem}-{copy}.{suffix}").write_text(copy_text(text, copy, suffix), encoding="utf-8")
    return [str(folder)], len(named) * max(1, copies)


def copy_text(text: str, copy: int, suffix: str = "txt") -> str:
    """Copy number ``copy`` of a text, distinct as a file (its own content id) and the same to the
    deduplication (the same word sequence: a line of ``copy + 2`` section-break stars is added,
    punctuation only): a republished copy, analysed in full by the map like any article, marked as
    a copy of the first and put in its story."""
    if copy == 0:
        return text if text.endswith("\n") else text + "\n"
    stars = " ".join("*" * (copy + 2))
    if suffix == "html":
        return text.replace("</body>", f"<p>{stars}</p></body>", 1) if "</body>" in text else text + stars
    return text.rstrip("\n") + "\n\n" + stars + "\n"


def _is_datasets_root(path: Path) -> bool:
    return path.is_dir() and (path / "ecbplus").is_dir() and (path / "stories-dev").is_dir()


def shared_corpus_texts(root: Path) -> list[tuple[str, str]]:
    """Every distinct article text of the shared datasets folder as (file name, text), used only as
    load (nothing is scored): ECB+ (rebuilt from its tokens), MEANTIME and TempEval-3 Platinum
    (their whole texts), PolNeAR dev and test (the texts), stories-dev (the article files, without
    their metadata) and webpages-meta (the HTML pages as they are). A text met twice is kept once."""
    from storyline.eval.timeml import load_cat, load_timeml

    out: list[tuple[str, str]] = [(f"ecb-{Path(a.path).stem}.txt", a.text)
                                  for a in ecbplus_articles(root / "ecbplus")]
    for f in sorted((root / "meantime_en" / "intra-doc_annotation").glob("*/*.xml")):
        out.append((f"meantime-{f.stem}.txt", load_cat(f, max_sentence=None).text))
    for f in sorted((root / "te3_platinum" / "gold").glob("*.tml")):
        out.append((f"te3-{f.stem}.txt", load_timeml(f).text))
    for split in ("dev", "test"):
        for f in sorted((root / "polnear" / split).rglob("*.txt")):
            out.append((f"polnear-{split}-{f.stem}.txt", f.read_text(encoding="utf-8")))
    for f in sorted((root / "stories-dev").glob("*/articles/*")):
        if f.is_file():
            out.append((f"stories-{f.parent.parent.name}-{f.stem}.{f.suffix.lstrip('.') or 'txt'}",
                        f.read_text(encoding="utf-8")))
    for f in sorted((root / "webpages-meta" / "pages").glob("*.html")):
        out.append((f"page-{f.stem}.html", f.read_text(encoding="utf-8", errors="replace")))
    seen: set[str] = set()
    distinct = []
    for name, text in out:
        if text.strip() and text not in seen:
            seen.add(text)
            distinct.append((name, text))
    return distinct


def _child(fn: Callable[..., Any], *args: Any) -> Any:
    """``fn(*args)`` in a fresh forked process (its own peak memory); its result or its error."""
    import multiprocessing as mp

    ctx = mp.get_context("fork")
    queue = ctx.Queue()

    def target() -> None:
        try:
            queue.put(("ok", fn(*args)))
        except BaseException as exc:  # noqa: BLE001 - reported to the parent as one line
            queue.put(("error", f"{type(exc).__name__}: {exc}"))

    proc = ctx.Process(target=target)
    proc.start()
    status, value = queue.get()
    proc.join()
    if status != "ok":
        raise DatasetError(f"bench child failed: {value}")
    return value


def _worker_peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _end_to_end(paths: list[str], runner: str, workers: int, work: str) -> EndToEndRow:
    from storyline.render.html import render_html
    from storyline.render.index import write_story_folder
    from storyline.render.json import dossier_to_dict
    from storyline.run import corpus_run
    from storyline.store import Store

    out = Path(work) / f"out-{runner}"
    before = [resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
    cpu_before = sum(r.ru_utime + r.ru_stime for r in before)
    t0 = time.perf_counter()
    stories = 0
    workers_mb: list[float] = []
    with Store(f"sqlite:///{Path(work) / f'{runner}.db'}") as store, \
            corpus_run(paths, store=store, workers=workers, runner=runner) as run:
        articles = sum(len(p.article_ids) for p in run.stories)
        for _i, d in run.dossiers():
            data = dossier_to_dict(d)
            html = render_html(d)
            store.save_dossier(d.story_id, d.story_title, [a.article.id for a in d.articles], data, html=html)
            write_story_folder(out, d, data, html)
            stories += 1
        if run.client is not None:
            workers_mb = sorted(run.client.run(_worker_peak_mb).values())
        problems = len(run.problems)
    seconds = time.perf_counter() - t0
    own = resource.getrusage(resource.RUSAGE_SELF)
    waited = resource.getrusage(resource.RUSAGE_CHILDREN)  # the pool's or the cluster's processes
    cpu = own.ru_utime + own.ru_stime + waited.ru_utime + waited.ru_stime - cpu_before
    cores = workers
    if runner == "local":  # the pool's processes have ended: the largest one's peak
        from storyline.run.local import effective_workers

        cores = effective_workers(articles, workers)
        children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        workers_mb = [children] if children and cores > 1 else []
    return EndToEndRow(runner, articles, stories, seconds, cores, _peak_mb(), workers_mb, cpu, problems)


def load_scaled(db: str, work: str, k: int, batch: int = 500) -> tuple[Path, set[str], float]:
    """The analyses of ``db`` replicated ×k with fresh ids into ``work/scaled-{k}.db``: its path, the
    ids and the seconds the load took. A store loaded completely by an earlier run (its
    ``.complete`` marker) is reused as it is (0 seconds): the load is not part of a run, and at
    ×100 it takes longer than the clustering and reduce it prepares."""
    from storyline.store import Store

    with Store(db) as source:
        ids = [a["id"] for a in source.list_articles()]
    all_ids = {_replica_id(i, copy) for i in ids for copy in range(k)}
    scaled = Path(work) / f"scaled-{k}.db"
    marker = Path(work) / f"scaled-{k}.db.complete"
    if marker.exists() and marker.read_text().strip() == str(len(all_ids)):
        return scaled, all_ids, 0.0
    t0 = time.perf_counter()
    for old in Path(work).glob(f"scaled-{k}.db*"):
        old.unlink()
    with Store(f"sqlite:///{scaled}") as store, Store(db) as source:
        for start in range(0, len(ids), batch):
            chunk = source.load_analyses(ids[start:start + batch])
            for copy in range(k):
                store.save_analyses(_replica(chunk, copy))
    marker.write_text(f"{len(all_ids)}\n")
    return scaled, all_ids, time.perf_counter() - t0


def _scaled(db: str, work: str, k: int, batch: int = 500,
            progress: Callable[[str], None] = lambda line: None) -> ScaleRow:
    from storyline.run import CorpusRun, plan_stories
    from storyline.store import Store

    scaled, all_ids, load = load_scaled(db, work, k, batch)
    progress(f"×{k}: {len(all_ids):,} analyses stored ({load:.0f} s)")
    with Store(f"sqlite:///{scaled}") as store:
        cpu0 = _cpu_seconds()
        t0 = time.perf_counter()
        plans = plan_stories(store, all_ids)
        cluster = time.perf_counter() - t0
        progress(f"×{k}: {len(plans)} stories found in {cluster:.1f} s (CPU {_cpu_seconds() - cpu0:.1f} s)")
        t0 = time.perf_counter()
        done = 0
        for i, _d in CorpusRun(store, [], 0, plans).dossiers():
            done += len(plans[i].article_ids)
            # a line per story: what a run cut short has measured
            progress(f"×{k}: reduced story {i + 1}/{len(plans)} ({len(plans[i].article_ids):,} articles); "
                     f"{done:,} articles in {time.perf_counter() - t0:.1f} s, CPU with the clustering "
                     f"{_cpu_seconds() - cpu0:.1f} s, peak {_peak_mb():,.0f} MB")
        reduce = time.perf_counter() - t0
        cpu = _cpu_seconds() - cpu0
    return ScaleRow(k, len(all_ids), len(plans), load, cluster, reduce, _peak_mb(), cpu)


def _cpu_seconds() -> float:
    """User + system seconds of this process and of its waited-for children."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def _cluster_scaled(db: str, k: int) -> ClusterRow:
    """Story detection alone on the stored profiles replicated ×k with fresh ids, streamed: the
    replicas are made afresh on each pass, as profiles streamed from a store would be."""
    from storyline.store import Store
    from storyline.story.cluster import ArticleProfile, cluster_profiles

    with Store(db) as source:
        ids = {a["id"] for a in source.list_articles()}
        base = list(source.iter_profiles(ids))

    def replicas() -> Iterator[ArticleProfile]:
        for copy in range(k):
            for p in base:
                dup = _replica_id(p.duplicate_of, copy) if p.duplicate_of else None
                yield ArticleProfile(_replica_id(p.id, copy), p.order, dup, p.keys)

    t0 = time.perf_counter()
    stories = cluster_profiles(replicas)
    return ClusterRow(k, len(base) * k, len(stories), time.perf_counter() - t0, _peak_mb())


def _story_scaled(db: str, k: int, every: int,
                  progress: Callable[[str], None] = lambda line: None) -> StoryScaleRow:
    """The reduce alone of every ``every``-th stored story (by id) with its analyses replicated ×k
    with fresh ids: a story ``k`` times as large, as the copies of a replicated corpus cluster
    into it (its stories are the originals' stories, :func:`_scaled`). No store, no clustering:
    the CPU time of ``build_dossier`` alone, so the rows of several ``k`` compare the reduce's
    cost per article as one story grows."""
    from storyline.store import Store
    from storyline.story import build_dossier

    with Store(db) as source:
        stories = sorted(source.list_stories(), key=lambda st: st["id"])[::max(1, every)]
        build_dossier(source.load_analyses([a["id"] for a in source.list_articles(stories[0]["id"])])[:2])
        cpu = seconds = 0.0
        articles = largest = 0
        for n, st in enumerate(stories, 1):
            corpus = replicate(source.load_analyses([a["id"] for a in source.list_articles(st["id"])]), k)
            t0, c0 = time.perf_counter(), time.process_time()
            build_dossier(corpus)
            cpu += time.process_time() - c0
            seconds += time.perf_counter() - t0
            articles += len(corpus)
            largest = max(largest, len(corpus))
            progress(f"story ×{k}: {n}/{len(stories)} ({len(corpus):,} articles); {articles:,} articles, "
                     f"CPU {cpu:.1f} s ({cpu / articles * 1000:.1f} ms/article)")
            del corpus
    return StoryScaleRow(k, len(stories), articles, cpu, seconds, _peak_mb(), largest)


def _replica_id(old: str, copy: int) -> str:
    return old if copy == 0 else hashlib.sha256(f"{old}/{copy}".encode()).hexdigest()[: len(old)]


def _replica(analyses: Sequence[ArticleAnalysis], copy: int) -> list[ArticleAnalysis]:
    """Copy number ``copy`` of the analyses, with fresh ids (``replicate``'s ids)."""
    if copy == 0:
        return list(analyses)
    from storyline.store.codec import analysis_from_dict, analysis_to_dict

    out = []
    for a in analyses:
        old = a.article.id
        data = json.loads(json.dumps(analysis_to_dict(a)).replace(old, _replica_id(old, copy)))
        out.append(analysis_from_dict(data))
    return out


def run_corpus_bench(corpus: str, *, scales: Sequence[int] = (10, 100), workers: int | None = None,
                     runners: Sequence[str] = ("local", "dask"), limit: int | None = None,
                     work: str | None = None, cluster_scales: Sequence[int] = (), copies: int = 1,
                     story_scales: Sequence[int] = (), story_every: int = 1,
                     progress: Callable[[str], None] = lambda line: None) -> CorpusBench:
    """``storyline bench --corpus DIR``: end to end per runner, then stories + reduce at scale.

    ``work`` keeps the stores and outputs (default: a temporary folder, removed). With no runner,
    the scale rows use the analyses of an earlier run kept in ``work`` (``local.db``). ``corpus`` may
    be the shared datasets folder (every corpus in it, :func:`shared_corpus_texts`); ``copies``
    writes each text that many times, each copy distinct as a file (:func:`copy_text`)."""
    import os
    import tempfile
    from contextlib import ExitStack

    n_workers = workers or os.cpu_count() or 1
    with ExitStack() as stack:
        if work is None:
            work = stack.enter_context(tempfile.TemporaryDirectory(prefix="storyline-bench-"))
        Path(work).mkdir(parents=True, exist_ok=True)
        e2e: list[EndToEndRow] = []
        if runners:
            paths, n = _materialise(Path(corpus), Path(work) / "corpus", limit, copies)
            if n:
                progress(f"{n:,} files written to {paths[0]}")
            for runner in runners:
                progress(f"end to end, {runner} runner …")
                for old in Path(work).glob(f"{runner}.db*"):  # a fresh store for each run
                    old.unlink()
                e2e.append(_child(_end_to_end, paths, runner, n_workers, work))
        db = Path(work) / f"{runners[0] if runners else 'local'}.db"
        if not db.exists():
            raise DatasetError(f"{db}: no analyses to scale (run the end to end first with the same --work)")
        rows: list[ScaleRow] = []
        for k in scales:
            progress(f"stories + reduce ×{k} …")
            rows.append(_child(_scaled, f"sqlite:///{db}", work, k, 500, progress))
        clustered: list[ClusterRow] = []
        for k in cluster_scales:
            progress(f"stories alone ×{k} …")
            clustered.append(_child(_cluster_scaled, f"sqlite:///{db}", k))
        stories: list[StoryScaleRow] = []
        for k in story_scales:
            progress(f"the reduce of single stories ×{k} …")
            stories.append(_child(_story_scaled, f"sqlite:///{db}", k, story_every, progress))
    return CorpusBench(corpus, e2e, rows, clustered, stories)


def corpus_bench_markdown(b: CorpusBench) -> str:
    lines: list[str] = []
    if b.end_to_end:
        lines += ["| runner | articles | stories | seconds | articles/s | articles/s per core | CPU s "
                  "| articles per CPU s | peak MB main | peak MB per worker |",
                  "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|"]
    for r in b.end_to_end:
        lines.append(f"| {r.runner} ({r.cores} worker{'s' if r.cores != 1 else ''}) | {r.articles:,} | "
                     f"{r.stories:,} | {r.seconds:.1f} | {r.per_second:.1f} | {r.per_core:.1f} | "
                     f"{r.cpu_seconds:.1f} | {r.per_cpu_second:.1f} | {r.peak_mb_main:,.0f} | "
                     f"{', '.join(f'{m:,.0f}' for m in r.peak_mb_workers) or '—'} |")
    if b.scale:
        lines += [""] if lines else []
        lines += ["| scale | articles | stories | cluster s | reduce s | (cluster + reduce) ms/article "
                  "| CPU ms/article | peak MB |", "|---|---:|---:|---:|---:|---:|---:|---:|"]
        for s in b.scale:
            lines.append(f"| ×{s.scale} | {s.articles:,} | {s.stories:,} | {s.cluster_seconds:.1f} | "
                         f"{s.reduce_seconds:.1f} | {s.ms_per_article:.2f} | {s.cpu_ms_per_article:.2f} | "
                         f"{s.peak_mb:,.0f} |")
    if b.cluster:
        lines += [""] if lines else []
        lines += ["| stories alone | articles | stories | seconds | ms/article | peak MB |",
                  "|---|---:|---:|---:|---:|---:|"]
        for c in b.cluster:
            lines.append(f"| ×{c.scale} | {c.articles:,} | {c.stories:,} | {c.seconds:.1f} | "
                         f"{c.ms_per_article:.2f} | {c.peak_mb:,.0f} |")
    if b.story_scale:
        lines += [""] if lines else []
        lines += ["| one story ×K | stories | articles | largest story | CPU s | CPU ms/article | seconds | peak MB |",
                  "|---|---:|---:|---:|---:|---:|---:|---:|"]
        for st in b.story_scale:
            lines.append(f"| ×{st.scale} | {st.stories} | {st.articles:,} | {st.largest:,} | {st.cpu_seconds:.1f} | "
                         f"{st.cpu_ms_per_article:.2f} | {st.seconds:.1f} | {st.peak_mb:,.0f} |")
    return "\n".join(lines)
