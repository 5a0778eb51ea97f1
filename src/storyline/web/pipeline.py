"""What the upload endpoint runs: saved upload files → stored analyses → stored dossier.

The web app takes the pipeline as a plain function (:data:`Pipeline`), so tests can pass a small
fake one and the app never imports spaCy at start-up. :func:`run_pipeline`, the real one, calls
:func:`storyline.run.run_story` — the same ingest → analyze → store → reduce path as
``storyline analyze`` — in this process (one worker: the web server is already concurrent), then
renders the dossier JSON (and HTML, when the renderer is available) and stores them.

Uploaded files are saved under a temporary folder for the run; the paths stored and shown are the
file names the user sent, never the temporary ones.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from storyline.model import ArticleAnalysis, Dossier
    from storyline.store import Store


@dataclass(slots=True)
class Upload:
    """One uploaded file: the name the user gave it and where it was saved for this run."""

    name: str
    path: Path


@dataclass(slots=True)
class UploadResult:
    """What one upload produced. ``dossier`` is None when no article could be analysed."""

    story_id: str | None = None
    title: str = ""
    article_ids: list[str] = field(default_factory=list)
    dossier: dict[str, Any] | None = None
    problems: list[str] = field(default_factory=list)  # one line each: "name: problem"
    stored_new: int = 0


# (uploads, store, title) → result; called with ``into=<story id>`` when the files are added to a
# stored story (a pipeline that cannot do that may leave ``into`` out of its signature).
Pipeline = Callable[..., UploadResult]


class _DisplayPaths:
    """Rewrites the temporary upload paths in article paths and messages to the user's names."""

    def __init__(self, uploads: Sequence[Upload]) -> None:
        # Longest first, so a path is never replaced by a shorter one that is its prefix.
        self.pairs = sorted(((str(u.path), u.name) for u in uploads), key=lambda p: -len(p[0]))

    def __call__(self, text: str) -> str:
        for tmp, name in self.pairs:
            text = text.replace(tmp, name)
        return text


class _RenamingStore:
    """Stands in for the Store during ``run_story``: stores each analysis under the user's file name."""

    def __init__(self, store: Store, display: _DisplayPaths) -> None:
        self.store = store
        self.display = display

    def files(self) -> list[str]:
        return self.store.files()

    def save_analysis(self, a: ArticleAnalysis, *, model: str | None = None) -> bool:
        a.article.path = self.display(a.article.path)
        return self.store.save_analysis(a, model=model)

    def set_duplicates(self, originals: Mapping[str, str]) -> None:
        self.store.set_duplicates(originals)


def run_pipeline(uploads: Sequence[Upload], store: Store, title: str | None, *,
                 progress: Callable[[str, int, int], None] | None = None,
                 max_articles: int | None = None, into: str | None = None) -> UploadResult:
    """Ingest, analyse and store the uploaded files; build, render and store their dossier.

    With ``into`` (a stored story's id) the files join that story: its stored analyses and the new
    ones are reduced together, the story keeps its id and title and gets a new version listing the
    changes (``story/versions.py``).
    """
    from storyline.render.html import render_html
    from storyline.render.json import dossier_to_dict

    display = _DisplayPaths(uploads)
    extra: dict[str, Any] = {"progress": progress} if progress is not None else {}
    paths = [str(u.path) for u in uploads]
    renaming = _RenamingStore(store, display)
    if into is None:
        from storyline.run import run_story

        result = run_story(paths, store=renaming, workers=1, title=title,  # type: ignore[arg-type]
                           max_articles=max_articles, **extra)
        dossier = result.dossier
    else:
        from storyline.run import analyze_files

        story = store.get_story(into)
        if story is None:
            from storyline.errors import InputError

            raise InputError(f"story {into!r}", "no such story in the store")
        result = analyze_files(paths, store=renaming, workers=1,  # type: ignore[arg-type]
                               max_articles=max_articles, **extra)
        dossier = None
        if result.analyses:
            new_ids = {a.article.id for a in result.analyses}
            earlier = store.load_analyses([i for i in story["article_ids"] if i not in new_ids])
            dossier = continue_story(store, into, result.analyses + earlier, title or story["title"])
    problems = [display(p) for p in result.problems]
    if dossier is None:
        return UploadResult(problems=problems)
    data = dossier_to_dict(dossier)
    ids = [a.article.id for a in dossier.articles]
    store.save_dossier(dossier.story_id, dossier.story_title, ids, data,
                       html=render_html(dossier))
    return UploadResult(story_id=dossier.story_id, title=dossier.story_title, article_ids=ids,
                        dossier=data, problems=problems, stored_new=result.stored_new)


def continue_story(store: Store, story_id: str, analyses: Sequence[ArticleAnalysis],
                   title: str | None) -> Dossier:
    """Reduce ``analyses`` as the next version of the stored story ``story_id``: same id, version
    one up when its articles changed, the changes since the stored dossier."""
    from storyline.render.json import dossier_to_dict
    from storyline.story import build_dossier
    from storyline.story.versions import dossier_changes

    dossier = build_dossier(analyses, title=title or None)
    dossier.story_id = story_id
    old = store.get_dossier(story_id)
    if old:
        old_version = int((old.get("story") or {}).get("version") or 1)
        if {a["id"] for a in old.get("articles", [])} == {a.article.id for a in dossier.articles}:
            dossier.version, dossier.changes = old_version, dict(old.get("changes") or {})
        else:
            dossier.version = old_version + 1
            dossier.changes = dossier_changes(old, dossier_to_dict(dossier))
    return dossier


def rebuild_dossier(store: Store, story_id: str) -> Dossier | None:
    """A stored story's dossier rebuilt from its stored analyses (for the renderers that need the
    model: HTML, Markdown), with the stored id, title, version and changes. None if the story or
    any of its analyses is missing."""
    from storyline.story import build_dossier

    story = store.get_story(story_id)
    if story is None:
        return None
    ids = story["article_ids"]
    analyses = store.load_analyses(ids)
    if not analyses or len(analyses) != len(set(ids)):
        return None
    dossier = build_dossier(analyses, title=story["title"] or None)
    dossier.story_id = story_id
    old = store.get_dossier(story_id) or {}
    dossier.version = int((old.get("story") or {}).get("version") or 1)
    dossier.changes = dict(old.get("changes") or {})
    return dossier


def rebuild_html(store: Store, story_id: str, article_ids: Sequence[str], title: str) -> str | None:
    """Rebuild a stored story's dossier from its stored analyses and render it as HTML.

    For stories stored without HTML (e.g. by ``storyline analyze``). None if the story's analyses
    are not all in the store.
    """
    from storyline.render.html import render_html

    dossier = rebuild_dossier(store, story_id)
    return None if dossier is None else render_html(dossier)
