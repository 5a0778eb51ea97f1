"""Runners: the one place that goes from paths on disk to dossiers, each article's analysis stored
as it arrives. The callers store the dossiers they get back (``storyline analyze`` in cli.py, the
web upload in web/pipeline.py: ``Store.save_dossier`` with the rendered HTML).

``run_stories`` is what the CLI's ``analyze`` calls: ingest → dedupe → map (per-article analysis, on
all cores) → store each analysis as it arrives (one transaction per article) → stories (the corpus
split by ``story/cluster.py``) → reduce (one dossier per story). ``run_story`` (``--one-story``, the
web app's upload) reduces everything as one story. It reports problems as values (one line each) and
never raises for a bad input file.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from storyline.errors import IngestError
from storyline.model import Article, ArticleAnalysis, Dossier
from storyline.options import ClusterOptions, IngestOptions, Options

if TYPE_CHECKING:
    from storyline.store import Store


@dataclass(slots=True)
class RunResult:
    dossier: Dossier | None  # the story (run_story), or the first story (run_stories)
    analyses: list[ArticleAnalysis] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # one line each: "path: problem"
    stored_new: int = 0
    dossiers: list[Dossier] = field(default_factory=list)  # every story found, earliest first


Progress = Callable[[str, int, int], None]  # (stage, done, total)


def _noop(stage: str, done: int, total: int) -> None:
    pass


def load_corpus(paths: Sequence[str], meta_file: str | None = None, *, exclude: Sequence[str] = (),
                options: IngestOptions | None = None) -> tuple[list[Article], list[str]]:
    """Read every article under ``paths`` (never the files in ``exclude``: the store's own);
    problems come back as one-line messages. ``options``: the ingest thresholds (``IngestOptions()``
    when not given)."""
    from storyline.ingest.dedupe import mark_duplicates

    # iter_articles loads the --meta sidecar before it reads any file: a bad one raises MetaError
    # here, before anything is read or stored.
    problems: list[str] = []
    articles = list(_read_articles(paths, meta_file, exclude, options, problems, [], None))
    mark_duplicates(articles, options)
    return articles, problems


def run_story(paths: Sequence[str], *, meta_file: str | None = None, store: Store | None = None,
              workers: int | None = None, model: str | None = None, title: str | None = None,
              progress: Progress = _noop, max_articles: int | None = None,
              options: Options | None = None) -> RunResult:
    """Everything under ``paths`` as one story (``analyze --one-story``, the web upload).
    ``options``: the story level's tuning (``Options()`` when not given)."""
    from storyline.story import build_dossier

    mapped = _map(paths, meta_file=meta_file, store=store, workers=workers, model=model,
                  progress=progress, max_articles=max_articles, options=options)
    result = RunResult(dossier=None, analyses=mapped.analyses, problems=mapped.problems,
                       stored_new=mapped.stored_new)
    if result.analyses:
        progress("reduce", 0, 1)
        result.dossier = build_dossier(result.analyses, title=title, options=options)
        result.dossiers = [result.dossier]
        progress("reduce", 1, 1)
    return result


def analyze_files(paths: Sequence[str], *, store: Store | None = None, workers: int | None = None,
                  model: str | None = None, progress: Progress = _noop,
                  max_articles: int | None = None) -> RunResult:
    """ingest → per-article analysis (stored as each arrives), no reduce: the caller reduces the new
    analyses together with others (the web app adding articles to a stored story)."""
    mapped = _map(paths, meta_file=None, store=store, workers=workers, model=model,
                  progress=progress, max_articles=max_articles)
    return RunResult(dossier=None, analyses=mapped.analyses, problems=mapped.problems,
                     stored_new=mapped.stored_new)


RUNNERS = ("local", "dask")


@dataclass(slots=True)
class StoryPlan:
    """One story found in a corpus run: its article ids (sorted) and the stored story it continues."""

    article_ids: list[str]
    previous: str | None = None


@dataclass(slots=True)
class CorpusRun:
    """A corpus analysed into the store and split into stories, not yet reduced (:func:`corpus_run`).

    Nothing here holds the analyses: they are in the store, and :meth:`dossiers` reads each
    story's analyses from it when it reduces that story.
    """

    store: Store
    problems: list[str]
    stored_new: int
    stories: list[StoryPlan]
    client: Any = None  # a dask.distributed Client when the runner is Dask
    options: Options = field(default_factory=Options)  # the story level's tuning
    remote: bool = False  # the Dask workers may be on other machines (a scheduler was given)

    def dossiers(self, progress: Progress = _noop) -> Iterator[tuple[int, Dossier]]:
        """Each story reduced, as ``(position in stories, dossier)``: in order with the local
        runner, as the tasks complete with Dask."""
        total = len(self.stories)
        progress("reduce", 0, total)
        if self.client is None:
            from storyline.story import build_dossier

            reduced: Iterator[tuple[int, Dossier]] = (
                (i, build_dossier(self.store.load_analyses(plan.article_ids), options=self.options))
                for i, plan in enumerate(self.stories))
        else:
            from storyline.run.dask import reduce_dask

            reduced = reduce_dask([p.article_ids for p in self.stories], self.store, self.client,
                                  self.options, remote=self.remote)
        for done, (i, dossier) in enumerate(reduced, 1):
            previous = self.stories[i].previous
            if previous is not None:
                _continue_story(dossier, previous, self.store)
            progress("reduce", done, total)
            yield i, dossier


@contextmanager
def corpus_run(paths: Sequence[str], *, meta_file: str | None = None, store: Store | None = None,
               workers: int | None = None, model: str | None = None,
               options: Options | None = None, progress: Progress = _noop,
               max_articles: int | None = None, runner: str = "local", scheduler: str | None = None,
               processes: bool | None = None) -> Iterator[CorpusRun]:
    """ingest → map (each analysis stored as it arrives, then dropped) → stories (clustered from
    the profiles kept in the store) → a :class:`CorpusRun` whose ``dossiers()`` reduces them.

    With a store that already holds stories, the articles of those stories are clustered with the
    new ones, so a new report joins the story it belongs to. A story found continues the stored
    story it shares most articles with (its id; version + 1 and the changes when its articles
    changed: ``story/versions.py``). Only the stories with an article of this run are listed; the
    others stay as stored. Without a store, an in-memory one holds the analyses for the run.
    ``runner="dask"`` runs the map and the reduce on a Dask cluster (:mod:`storyline.run.dask`).
    ``options``: the tuning of story detection and of the story level (``Options()`` when not given).
    """
    from contextlib import ExitStack

    from storyline.store import Store

    opts = options or Options()
    if runner not in RUNNERS:
        raise ValueError(f"unknown runner {runner!r} (expected one of {', '.join(RUNNERS)})")
    with ExitStack() as stack:
        client = None
        if runner == "dask":
            from storyline.run.dask import dask_client

            client = stack.enter_context(dask_client(scheduler, workers=workers, processes=processes))
        if store is None:
            store = stack.enter_context(Store("sqlite://"))
        mapped = _map(paths, meta_file=meta_file, store=store, workers=workers, model=model,
                      progress=progress, max_articles=max_articles, client=client, keep=False,
                      options=opts)
        plans: list[StoryPlan] = []
        if mapped.run_ids:
            progress("stories", 0, 1)
            plans = plan_stories(store, mapped.run_ids, opts.cluster)
            progress("stories", 1, 1)
        yield CorpusRun(store, mapped.problems, mapped.stored_new, plans, client, opts, remote=bool(scheduler))


def plan_stories(store: Store, run_ids: set[str],
                 cluster_options: ClusterOptions | None = None) -> list[StoryPlan]:
    """The stories that contain an article of ``run_ids``, found among those articles and every
    article of a stored story (their profiles streamed from the store), each with the stored story
    it continues."""
    from storyline.story.cluster import cluster_profiles

    members = store.story_memberships()
    wanted = run_ids | members.keys()
    groups = cluster_profiles(lambda: store.iter_profiles(wanted), cluster_options)
    plans: list[StoryPlan] = []
    taken: set[str] = set()
    for ids in groups:
        if not any(i in run_ids for i in ids):
            continue
        previous = _previous_story(ids, members, taken)
        if previous is not None:
            taken.add(previous)
        plans.append(StoryPlan(ids, previous))
    return plans


def run_stories(paths: Sequence[str], *, meta_file: str | None = None, store: Store | None = None,
                workers: int | None = None, model: str | None = None,
                options: Options | None = None,
                progress: Progress = _noop, max_articles: int | None = None,
                runner: str = "local", scheduler: str | None = None,
                processes: bool | None = None) -> RunResult:
    """A corpus: its stories found (``story/cluster.py``), each reduced on its own; every dossier
    returned, earliest story first (:func:`corpus_run` streams them instead). ``options``: the tuning
    of story detection and of the story level (``Options()`` when not given)."""
    with corpus_run(paths, meta_file=meta_file, store=store, workers=workers, model=model,
                    options=options, progress=progress, max_articles=max_articles,
                    runner=runner, scheduler=scheduler, processes=processes) as run:
        result = RunResult(dossier=None, problems=run.problems, stored_new=run.stored_new)
        found = dict(run.dossiers(progress))
        result.dossiers = [found[i] for i in sorted(found)]
        result.dossier = result.dossiers[0] if result.dossiers else None
        return result


def _previous_story(article_ids: Sequence[str], members: dict[str, str],
                    taken: set[str]) -> str | None:
    """The stored story this one continues: the one it shares most articles with (then the
    smallest id), not already continued by another story of this run."""
    from collections import Counter

    shared = Counter(members[i] for i in article_ids if i in members)
    ranked = sorted(shared.items(), key=lambda kv: (-kv[1], kv[0]))
    return next((sid for sid, _ in ranked if sid not in taken), None)


def _continue_story(dossier: Dossier, previous: str, store: Store | None) -> None:
    """Give the new dossier the stored story's id, and its version and changes."""
    from storyline.render.json import dossier_to_dict
    from storyline.story.versions import dossier_changes

    dossier.story_id = previous
    old = store.get_dossier(previous) if store is not None else None
    if not old:
        return
    old_version = int(old.get("story", {}).get("version") or 1)
    before = {a["id"] for a in old.get("articles", [])}
    if before == {a.article.id for a in dossier.articles}:
        dossier.version, dossier.changes = old_version, dict(old.get("changes") or {})
        return
    dossier.version = old_version + 1
    dossier.changes = dossier_changes(old, dossier_to_dict(dossier))


@dataclass(slots=True)
class _Mapped:
    problems: list[str]
    stored_new: int = 0
    run_ids: set[str] = field(default_factory=set)
    analyses: list[ArticleAnalysis] = field(default_factory=list)  # only when asked to keep them


# Up to this many articles are read before the map starts: an input this small (a web upload) gets
# its exact count in the progress; a larger one streams, its total growing as it is read.
READ_AHEAD = 256
DEDUPE_BATCH = 200  # texts read back from the store at a time for the deduplication


def _read_articles(paths: Sequence[str], meta_file: str | None, exclude: Sequence[str],
                   options: IngestOptions | None, problems: list[str], order: list[str],
                   max_articles: int | None) -> Iterator[Article]:
    """The articles under ``paths``, one at a time, each text once (a second file with the same
    text is reported and skipped); problems are appended to ``problems`` as they are met, each
    article's id to ``order``. Past ``max_articles`` the input is only counted."""
    from storyline.ingest import iter_articles

    seen: set[str] = set()
    extra = 0
    for item in iter_articles(paths, meta_file, exclude=exclude, options=options):
        if isinstance(item, IngestError):
            problems.append(str(item))
        elif item.id in seen:  # the same text given twice (e.g. a file and its copy): analyse once
            problems.append(f"{item.path}: same text as an article already read; skipped")
        elif max_articles is not None and len(order) >= max_articles:
            seen.add(item.id)
            extra += 1
        else:
            seen.add(item.id)
            order.append(item.id)
            yield item
    if extra:
        problems.append(f"{extra} more article(s) not analysed "
                        f"(at most {max_articles} per run); the first {max_articles} were")


def _map(paths: Sequence[str], *, meta_file: str | None, store: Store | None,
         workers: int | None, model: str | None, progress: Progress,
         max_articles: int | None = None, client: Any = None, keep: bool = True,
         options: Options | None = None) -> _Mapped:
    """ingest → per-article analysis, each stored as it arrives (and kept in memory only with
    ``keep``) → copies marked (``ingest/dedupe.py``); on a Dask cluster when ``client`` is given.
    No reduce.

    Streamed: the input is read as the map consumes it (a few batches ahead), and nothing that
    grows with the corpus is held but ids and the deduplication's compact state; the copies are
    found after the map, each text read back from the store (``Store.set_duplicates``)."""
    from itertools import chain, islice

    from storyline.analyze.nlp import load_nlp, model_version
    from storyline.run.local import Failure, analyze_parallel

    opts = options or Options()
    files = getattr(store, "files", None)
    result = _Mapped(problems=[])
    order: list[str] = []  # the run's article ids, in input order
    stream = _read_articles(paths, meta_file, files() if files else (), opts.ingest, result.problems,
                            order, max_articles)
    ahead = list(islice(stream, READ_AHEAD))
    if not ahead:
        return result
    articles: Iterator[Article] = chain(ahead, stream)
    exact = len(ahead) < READ_AHEAD  # the whole input is read: its count is known
    version = model_version(load_nlp(model))
    progress("analyze", 0, len(order))
    if client is not None:
        from storyline.run.dask import analyze_dask

        results: Iterator[ArticleAnalysis | Failure] = analyze_dask(articles, client, model=model,
                                                                    options=options)
    else:
        results = analyze_parallel(articles, workers=workers, model=model, options=options,
                                   count=len(ahead) if exact else None)
    failures: dict[str, str] = {}
    kept: dict[str, Article] = {}  # the articles of the analyses kept (deduplication without a store)
    for done, item in enumerate(results, 1):
        if isinstance(item, Failure):
            failures[item.article.id] = f"{item.article.path}: {item.error}"
        else:
            result.run_ids.add(item.article.id)
            if keep:
                result.analyses.append(item)
                kept[item.article.id] = item.article
            if store is not None:
                result.stored_new += int(store.save_analysis(item, model=version))
        progress("analyze", done, max(done, len(order)))
    # in input order, whatever order the results came in
    result.problems.extend(failures[i] for i in order if i in failures)
    # the analyses kept hold their texts anyway; otherwise the texts are read back from the store
    originals = _find_copies([i for i in order if i in result.run_ids], None if keep else store, kept,
                             opts.ingest)
    if store is not None:
        store.set_duplicates(originals)
    for a in result.analyses:
        a.article.duplicate_of = originals.get(a.article.id)
    return result


def _find_copies(ids: Sequence[str], store: Store | None, kept: dict[str, Article],
                 options: IngestOptions) -> dict[str, str]:
    """Copy id → original id among the analysed articles ``ids`` (input order): their texts read
    back from the store a batch at a time (from ``kept`` without a store)."""
    from storyline.ingest.dedupe import Deduper, order_key

    def texts(wanted: Sequence[str]) -> Mapping[str, str]:
        if store is None:
            return {i: kept[i].text for i in wanted if i in kept}
        return store.article_texts(wanted)

    def orders(wanted: Sequence[str]) -> Mapping[str, tuple[str, str]]:
        if store is None:
            return {i: order_key(kept[i]) for i in wanted if i in kept}
        return store.article_orders(wanted)

    dedupe = Deduper(texts, options)
    for start in range(0, len(ids), DEDUPE_BATCH):
        batch = ids[start:start + DEDUPE_BATCH]
        found, order = texts(batch), orders(batch)
        for i in batch:
            if i in found:
                dedupe.add(i, found[i], order.get(i) or ("9999-99-99", i))
    return dedupe.originals()
