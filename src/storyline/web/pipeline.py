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

from collections.abc import Callable, Sequence
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


Pipeline = Callable[["Sequence[Upload]", "Store", "str | None"], UploadResult]


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


def render_html_or_none(dossier: Dossier) -> str | None:
    """The HTML dossier, or None while the HTML renderer is not available."""
    try:
        from storyline.render.html import render_html
    except ImportError:
        return None
    return render_html(dossier)


def run_pipeline(uploads: Sequence[Upload], store: Store, title: str | None, *,
                 progress: Callable[[str, int, int], None] | None = None,
                 max_articles: int | None = None) -> UploadResult:
    """Ingest, analyse and store the uploaded files; build, render and store their dossier."""
    from storyline.render.json import dossier_to_dict
    from storyline.run import run_story

    display = _DisplayPaths(uploads)
    extra: dict[str, Any] = {"progress": progress} if progress is not None else {}
    result = run_story([str(u.path) for u in uploads], store=_RenamingStore(store, display),  # type: ignore[arg-type]
                       workers=1, title=title, max_articles=max_articles, **extra)
    problems = [display(p) for p in result.problems]
    dossier = result.dossier
    if dossier is None:
        return UploadResult(problems=problems)
    data = dossier_to_dict(dossier)
    ids = [a.article.id for a in dossier.articles]
    store.save_dossier(dossier.story_id, dossier.story_title, ids, data,
                       html=render_html_or_none(dossier))
    return UploadResult(story_id=dossier.story_id, title=dossier.story_title, article_ids=ids,
                        dossier=data, problems=problems, stored_new=result.stored_new)


def rebuild_html(store: Store, story_id: str, article_ids: Sequence[str], title: str) -> str | None:
    """Rebuild a stored story's dossier from its stored analyses and render it as HTML.

    For stories stored without HTML (e.g. by ``storyline analyze``). None if the story's analyses
    are not all in the store. Raises ImportError while the reduce or render modules are missing.
    """
    from storyline.render.html import render_html
    from storyline.story import build_dossier

    analyses = store.load_analyses(article_ids)
    if not analyses or len(analyses) != len(set(article_ids)):
        return None
    return render_html(build_dossier(analyses, title=title or None))
