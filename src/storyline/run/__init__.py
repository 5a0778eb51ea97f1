"""Runners: the one place that goes from paths on disk to a stored, rendered dossier.

``run_stories`` is what the CLI's ``analyze`` calls: ingest → dedupe → map (per-article analysis, on
all cores) → store each analysis as it arrives (one transaction per article) → stories (the corpus
split by ``story/cluster.py``) → reduce (one dossier per story). ``run_story`` (``--one-story``, the
web app's upload) reduces everything as one story. It reports problems as values (one line each) and
never raises for a bad input file.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from storyline.errors import IngestError
from storyline.model import Article, ArticleAnalysis, Dossier

if TYPE_CHECKING:
    from storyline.store import Store
    from storyline.story.cluster import ClusterOptions


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


def load_corpus(paths: Sequence[str], meta_file: str | None = None, *,
                exclude: Sequence[str] = ()) -> tuple[list[Article], list[str]]:
    """Read every article under ``paths`` (never the files in ``exclude``: the store's own);
    problems come back as one-line messages."""
    from storyline.ingest import iter_articles
    from storyline.ingest.dedupe import mark_duplicates

    # iter_articles loads the --meta sidecar before it reads any file: a bad one raises MetaError
    # here, before anything is read or stored.
    articles: list[Article] = []
    problems: list[str] = []
    seen: set[str] = set()
    for item in iter_articles(paths, meta_file, exclude=exclude):
        if isinstance(item, IngestError):
            problems.append(str(item))
        elif item.id in seen:  # the same text given twice (e.g. a file and its copy): analyse once
            problems.append(f"{item.path}: same text as an article already read; skipped")
        else:
            seen.add(item.id)
            articles.append(item)
    mark_duplicates(articles)
    return articles, problems


def run_story(paths: Sequence[str], *, meta_file: str | None = None, store: Store | None = None,
              workers: int | None = None, model: str | None = None, title: str | None = None,
              progress: Progress = _noop, max_articles: int | None = None) -> RunResult:
    """Everything under ``paths`` as one story (``analyze --one-story``, the web upload)."""
    from storyline.story import build_dossier

    result = _map(paths, meta_file=meta_file, store=store, workers=workers, model=model,
                  progress=progress, max_articles=max_articles)
    if result.analyses:
        progress("reduce", 0, 1)
        result.dossier = build_dossier(result.analyses, title=title)
        result.dossiers = [result.dossier]
        progress("reduce", 1, 1)
    return result


def analyze_files(paths: Sequence[str], *, store: Store | None = None, workers: int | None = None,
                  model: str | None = None, progress: Progress = _noop,
                  max_articles: int | None = None) -> RunResult:
    """ingest → per-article analysis (stored as each arrives), no reduce: the caller reduces the new
    analyses together with others (the web app adding articles to a stored story)."""
    return _map(paths, meta_file=None, store=store, workers=workers, model=model,
                progress=progress, max_articles=max_articles)


def run_stories(paths: Sequence[str], *, meta_file: str | None = None, store: Store | None = None,
                workers: int | None = None, model: str | None = None,
                cluster_options: ClusterOptions | None = None,
                progress: Progress = _noop, max_articles: int | None = None) -> RunResult:
    """A corpus: its stories found (``story/cluster.py``), each reduced on its own.

    With a store that already holds stories, the articles of those stories are clustered with the
    new ones, so a new report joins the story it belongs to. A story found keeps the id of the
    stored story it shares most articles with; its version goes up by one when its articles changed,
    with the changes listed (``story/versions.py``). Only the stories that contain an article of
    this run are reduced and returned; the others stay as stored.
    """
    from storyline.story import build_dossier
    from storyline.story.cluster import cluster_stories

    result = _map(paths, meta_file=meta_file, store=store, workers=workers, model=model,
                  progress=progress, max_articles=max_articles)
    if not result.analyses:
        return result
    members = store.story_memberships() if store is not None else {}
    run_ids = {a.article.id for a in result.analyses}
    earlier = store.load_analyses([i for i in members if i not in run_ids]) if store is not None and members else []
    progress("stories", 0, 1)
    stories = [s for s in cluster_stories(result.analyses + earlier, cluster_options)
               if any(a.article.id in run_ids for a in s)]
    progress("stories", 1, 1)
    total = len(stories)
    progress("reduce", 0, total)
    taken: set[str] = set()
    for done, story in enumerate(stories, 1):
        dossier = build_dossier(story)
        previous = _previous_story(story, members, taken)
        if previous is not None:
            taken.add(previous)
            _continue_story(dossier, previous, store, members)
        result.dossiers.append(dossier)
        progress("reduce", done, total)
    result.dossier = result.dossiers[0]
    return result


def _previous_story(story: Sequence[ArticleAnalysis], members: dict[str, str],
                    taken: set[str]) -> str | None:
    """The stored story this one continues: the one it shares most articles with (then the
    smallest id), not already continued by another story of this run."""
    from collections import Counter

    shared = Counter(members[a.article.id] for a in story if a.article.id in members)
    ranked = sorted(shared.items(), key=lambda kv: (-kv[1], kv[0]))
    return next((sid for sid, _ in ranked if sid not in taken), None)


def _continue_story(dossier: Dossier, previous: str, store: Store | None,
                    members: dict[str, str]) -> None:
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


def _map(paths: Sequence[str], *, meta_file: str | None, store: Store | None,
         workers: int | None, model: str | None, progress: Progress,
         max_articles: int | None = None) -> RunResult:
    """ingest → dedupe → per-article analysis (stored as each arrives); no reduce."""
    from storyline.analyze.nlp import load_nlp, model_version
    from storyline.run.local import Failure, analyze_parallel

    files = getattr(store, "files", None)
    articles, problems = load_corpus(paths, meta_file, exclude=files() if files else ())
    if max_articles is not None and len(articles) > max_articles:
        problems.append(f"{len(articles) - max_articles} more article(s) not analysed "
                        f"(at most {max_articles} per run); the first {max_articles} were")
        articles = articles[:max_articles]
    result = RunResult(dossier=None, problems=problems)
    version = model_version(load_nlp(model)) if articles else None
    total = len(articles)
    progress("analyze", 0, total)
    for done, item in enumerate(analyze_parallel(articles, workers=workers, model=model), 1):
        if isinstance(item, Failure):
            result.problems.append(f"{item.article.path}: {item.error}")
        else:
            result.analyses.append(item)
            if store is not None:
                result.stored_new += int(store.save_analysis(item, model=version))
        progress("analyze", done, total)
    return result
