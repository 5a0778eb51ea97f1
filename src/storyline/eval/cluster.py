"""``storyline eval cluster``: story detection scored with B³ against gold stories.

Two corpora, each analysed once and clustered as one mixed input:

* **stories-dev** — every article of every story folder in one corpus (each folder's ``meta.json``
  sidecar applied, as a user with the URLs would run it); gold = the story folder;
* **ECB+** — all 982 documents of every topic (text rebuilt from the tokens, no metadata); gold =
  the sub-topic (each topic's ``ecb`` files vs its ``ecbplus`` files: two different events of one
  kind), also scored against the topic, and against the sub-topics of the test topics alone (the
  articles of topics 36–45 in the clustering of all 982; the weights were tuned on the other
  topics and on stories-dev).

B³ (Bagga & Baldwin 1998): for each article, precision is the share of its found story that is in
its gold story, recall the share of its gold story that is in its found story; both averaged over
articles, F1 their harmonic mean.

Analyses can be kept in a store (``--db``): a second run reads them instead of parsing again.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from storyline.errors import DatasetError
from storyline.model import Article, ArticleAnalysis


def b_cubed(found: Mapping[str, Hashable], gold: Mapping[str, Hashable]) -> tuple[float, float, float]:
    """B³ precision, recall and F1 of a clustering ``found`` (item → cluster) against ``gold``.
    Items missing from ``found`` count as singletons."""
    items = list(gold)
    if not items:
        return 0.0, 0.0, 0.0
    f_members: dict[Hashable, set[str]] = {}
    g_members: dict[Hashable, set[str]] = {}
    for i in items:
        f_members.setdefault(found.get(i, ("single", i)), set()).add(i)
        g_members.setdefault(gold[i], set()).add(i)
    p = r = 0.0
    for i in items:
        f = f_members[found.get(i, ("single", i))]
        g = g_members[gold[i]]
        both = len(f & g)
        p += both / len(f)
        r += both / len(g)
    p, r = p / len(items), r / len(items)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass(slots=True)
class ClusterRow:
    corpus: str
    gold: str
    articles: int
    gold_stories: int
    found_stories: int
    precision: float
    recall: float
    f1: float


@dataclass(slots=True)
class ClusterReport:
    title: str = "Story detection (B³ against gold stories)"
    rows: list[ClusterRow] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)

    def to_markdown(self) -> str:
        lines = ["| corpus | gold | articles | gold stories | found stories | B³ P | B³ R | B³ F1 |",
                 "|---|---|---:|---:|---:|---:|---:|---:|"]
        for r in self.rows:
            lines.append(f"| {r.corpus} | {r.gold} | {r.articles} | {r.gold_stories} | "
                         f"{r.found_stories} | {r.precision:.3f} | {r.recall:.3f} | {r.f1:.3f} |")
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        from dataclasses import asdict

        return {"title": self.title, "rows": [asdict(r) for r in self.rows], "seconds": self.seconds}


def stories_dev_corpus(root: Path) -> tuple[list[Article], dict[str, str]]:
    """Every stories-dev article (sidecar applied) and its gold story (the folder name)."""
    from storyline.run import load_corpus

    folders = sorted(p for p in root.iterdir() if (p / "articles").is_dir())
    if not folders:
        raise DatasetError(f"{root}: no story folders (expected <story>/articles/*.txt)")
    articles: list[Article] = []
    gold: dict[str, str] = {}
    for folder in folders:
        meta = folder / "meta.json"
        found, _problems = load_corpus([str(folder / "articles")], str(meta) if meta.is_file() else None)
        for a in found:
            gold[a.id] = folder.name
        articles.extend(found)
    return articles, gold


def ecbplus_corpus(root: Path) -> tuple[list[Article], dict[str, str], dict[str, str]]:
    """All ECB+ documents, their gold sub-topic (``<topic>:ecb|ecbplus``) and topic."""
    import re

    from storyline.eval.bench import ecbplus_articles

    articles = ecbplus_articles(root)
    sub: dict[str, str] = {}
    topic: dict[str, str] = {}
    name = re.compile(r"^(\d+)_\d+(ecbplus|ecb)$")
    for a in articles:
        m = name.match(Path(a.path).stem)
        if not m:
            raise DatasetError(f"{a.path}: not an ECB+ document name")
        sub[a.id] = f"{m.group(1)}:{m.group(2)}"
        topic[a.id] = m.group(1)
    return articles, sub, topic


def analyse(articles: list[Article], *, db: str | None = None, workers: int | None = None,
            model: str | None = None) -> list[ArticleAnalysis]:
    """The analyses of ``articles`` (read from the store ``db`` when it has them, else made and
    stored there); copies marked as the runner marks them."""
    from storyline.ingest.dedupe import mark_duplicates
    from storyline.run.local import Failure, analyze_parallel

    mark_duplicates(articles)
    store = None
    known: dict[str, ArticleAnalysis] = {}
    if db:
        from storyline.store import Store

        store = Store(db if "://" in db else f"sqlite:///{db}")
        known = {a.article.id: a for a in store.load_analyses([a.id for a in articles])}
    todo = [a for a in articles if a.id not in known]
    for item in analyze_parallel(todo, workers=workers, model=model):
        if isinstance(item, Failure):
            continue
        known[item.article.id] = item
        if store is not None:
            store.save_analysis(item)
    out = []
    for a in articles:
        if a.id in known:
            got = known[a.id]
            got.article.duplicate_of = a.duplicate_of
            out.append(got)
    return out


def score(analyses: Sequence[ArticleAnalysis], golds: Mapping[str, Mapping[str, str]], corpus: str,
          options: Any = None) -> list[ClusterRow]:
    from storyline.story.cluster import cluster_stories

    stories = cluster_stories(analyses, options)
    found = {a.article.id: n for n, story in enumerate(stories) for a in story}
    rows = []
    for gname, gold in golds.items():
        g = {i: s for i, s in gold.items() if i in found}
        p, r, f = b_cubed(found, g)
        rows.append(ClusterRow(corpus, gname, len(g), len(set(g.values())),
                               len({found[i] for i in g}), p, r, f))
    return rows


def evaluate_cluster(paths: Sequence[Path], *, db: str | None = None, workers: int | None = None,
                     model: str | None = None) -> ClusterReport:
    """Score story detection on each given folder (stories-dev, ECB+, or the shared datasets
    folder holding both)."""
    import time

    report = ClusterReport()
    corpora: list[tuple[str, Path]] = []
    for path in paths:
        if (path / "stories-dev").is_dir() or (path / "ecbplus").is_dir():
            if (path / "stories-dev").is_dir():
                corpora.append(("stories-dev", path / "stories-dev"))
            if (path / "ecbplus").is_dir():
                corpora.append(("ecbplus", path / "ecbplus"))
        elif (path / "ECB+").is_dir():
            corpora.append(("ecbplus", path))
        elif path.is_dir():
            corpora.append(("stories-dev", path))
        else:
            raise DatasetError(f"{path}: not a folder")
    for kind, root in corpora:
        t0 = time.perf_counter()
        if kind == "ecbplus":
            from storyline.eval.ecbplus import TEST_TOPICS

            articles, sub, topic = ecbplus_corpus(root)
            test = {str(t) for t in TEST_TOPICS}
            golds: dict[str, Mapping[str, str]] = {
                "sub-topic": sub, "topic": topic,
                "sub-topic, test topics only": {i: g for i, g in sub.items() if topic[i] in test}}
            label = "ECB+ (all topics)"
        else:
            articles, gold = stories_dev_corpus(root)
            golds = {"story": gold}
            label = "stories-dev (mixed)"
        analyses = analyse(articles, db=db, workers=workers, model=model)
        t1 = time.perf_counter()
        report.rows.extend(score(analyses, golds, label))
        report.seconds[f"{label}: analyse"] = round(t1 - t0, 2)
        report.seconds[f"{label}: cluster"] = round(time.perf_counter() - t1, 3)
    return report
