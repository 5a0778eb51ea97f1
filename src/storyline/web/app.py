"""The FastAPI app: upload articles, browse stored stories and dossiers, JSON API, search.

Routes
  GET  /                     stories and the upload form (HTML)
  GET  /search?q=            search results (HTML)
  GET  /stories/{id}         the HTML dossier (stored, or rebuilt from the stored analyses)
  POST /api/analyze          multipart upload of article files → dossier (JSON)
  GET  /api/stories          stored stories
  GET  /api/stories/{id}     a story's dossier JSON, exactly as ``render.json`` wrote it
  GET  /api/stories/{id}/articles   the story's articles (metadata)
  GET  /api/articles/{id}    one stored article: metadata and text
  GET  /api/search?q=        articles containing every word of q
  GET  /api/health           liveness, versions, row counts
  GET  /docs, /openapi.json  the OpenAPI description

Errors from every route share one JSON shape (see :mod:`storyline.web.errors`). Handlers are plain
``def``: FastAPI runs them in its thread pool, and one lock keeps the analysis (spaCy) to one upload
at a time.
"""

from __future__ import annotations

import tempfile
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path, PurePosixPath
from typing import Annotated, Any

from fastapi import Depends, FastAPI, File, Form, Query, Request, UploadFile
from fastapi.responses import HTMLResponse
from pydantic import BaseModel

from storyline import __version__
from storyline.ingest.fetch import FetchOptions, archive_dir_for
from storyline.store import Store
from storyline.web.errors import ApiError, ErrorBody, NotFound, install_error_handler
from storyline.web.pages import render_page
from storyline.web.pipeline import Pipeline, Upload, UploadResult, rebuild_html, run_pipeline

MAX_FILE_BYTES = 20 * 1024 * 1024  # one article file (a JSONL file may hold many articles)
MAX_FILES = 500
COPY_CHUNK = 1024 * 1024


# ------------------------------------------------------------------ response models (OpenAPI)


class StoryInfo(BaseModel):
    id: str
    title: str
    created: str | None
    updated: str | None
    articles: int


class StoryList(BaseModel):
    ok: bool = True
    stories: list[StoryInfo]


class StoryRef(BaseModel):
    id: str
    title: str


class AnalyzeResult(BaseModel):
    ok: bool = True
    story: StoryRef
    articles: list[str]
    stored_new: int
    problems: list[str]
    links: dict[str, str]
    dossier: dict[str, Any]


class SearchHit(BaseModel):
    id: str
    path: str | None
    title: str | None
    outlet: str | None
    published: str | None
    snippet: str
    match: str | None
    start: int | None
    end: int | None
    matches: int
    stories: list[str]


class SearchResults(BaseModel):
    ok: bool = True
    q: str
    count: int
    results: list[SearchHit]


class ArticleList(BaseModel):
    ok: bool = True
    articles: list[dict[str, Any]]


class ArticleOut(BaseModel):
    ok: bool = True
    article: dict[str, Any]


class Health(BaseModel):
    ok: bool = True
    version: str
    schema_version: int
    store: str
    counts: dict[str, int]


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorBody, "description": "Bad input"},
    404: {"model": ErrorBody, "description": "Not found"},
    503: {"model": ErrorBody, "description": "Database or model unavailable"},
}


# ------------------------------------------------------------------ the app


def create_app(db_url: str, *, pipeline: Pipeline | None = None, fetch: FetchOptions | None = None,
               archive: Path | None = None, resolver: Any = None, transport: Any = None) -> FastAPI:
    """Build the web app over the store at ``db_url`` (opened now: a bad URL fails here).

    ``pipeline`` is what ``POST /api/analyze`` runs on the uploaded files; the default is
    :func:`storyline.web.pipeline.run_pipeline` (ingest → analyze → store → dossier). Article URLs
    given in the form are fetched with ``fetch`` (default: public addresses only) and archived as
    WARC in ``archive`` (default: beside the SQLite store); ``resolver``/``transport`` are for tests.
    """
    store = Store(db_url)  # raises StoreError (one line, password hidden) before serving anything

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        store.close()

    app = FastAPI(title="storyline", version=__version__, lifespan=lifespan,
                  description="One story, many reports: an evidence-backed dossier from news articles.",
                  responses=ERROR_RESPONSES)
    app.state.store = store
    app.state.pipeline = pipeline or run_pipeline
    app.state.pipeline_lock = threading.Lock()
    app.state.fetch = fetch or FetchOptions()
    app.state.archive = archive or archive_dir_for(db_url)
    app.state.fetch_hooks = {"resolver": resolver, "transport": transport}
    install_error_handler(app)
    _add_routes(app)
    return app


def get_store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


StoreDep = Annotated[Store, Depends(get_store)]


def _add_routes(app: FastAPI) -> None:  # noqa: C901 - one flat list of routes reads best
    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def index(store: StoreDep) -> str:
        return render_page("index.html", stories=store.list_stories(), q="", version=__version__,
                           store=store.display_url)

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search_page(store: StoreDep, q: Annotated[str, Query(min_length=1)]) -> str:
        return render_page("search.html", hits=store.search(q), q=q, version=__version__,
                           store=store.display_url)

    @app.get("/stories/{story_id}", response_class=HTMLResponse, include_in_schema=False)
    def story_page(story_id: str, store: StoreDep) -> str:
        story = store.get_story(story_id)
        if story is None:
            raise NotFound(f"no story {story_id!r} in the store")
        html = store.get_dossier_html(story_id)
        if html is None:
            try:
                html = rebuild_html(store, story_id, story["article_ids"], story["title"])
            except ImportError as exc:
                raise ApiError(f"the HTML dossier cannot be rendered yet ({exc}); "
                               f"the JSON is at /api/stories/{story_id}", status=503) from None
            if html is None:
                raise ApiError(f"story {story_id!r}: its analyses are not all in the store; "
                               f"the JSON is at /api/stories/{story_id}", status=503)
            store.set_dossier_html(story_id, html)
        return html

    @app.post("/api/analyze", response_model=AnalyzeResult, tags=["analyze"])
    def analyze(request: Request, store: StoreDep,
                files: Annotated[list[UploadFile] | None,
                                 File(description="Article files of one story")] = None,
                title: Annotated[str | None,
                                 Form(description="Story title (default: earliest headline)")] = None,
                urls: Annotated[str | None,
                                Form(description="Article URLs, one a line (fetched and archived)")] = None,
                ) -> dict[str, Any]:
        """Upload the articles of one story (files, or URLs to fetch); get its dossier (also stored).

        Files or URLs that cannot be read are listed in ``problems`` (one line each) and the others
        are still analysed; if none can be, the answer is a 400 error listing them.
        """
        files = [f for f in files or [] if f.filename or f.size]
        links = [u.strip() for u in (urls or "").splitlines() if u.strip()]
        if not files and not links:
            raise ApiError("no files uploaded (multipart field 'files') and no URLs (field 'urls')")
        if len(files) + len(links) > MAX_FILES:
            raise ApiError(f"too many files: {len(files) + len(links)} (at most {MAX_FILES} per upload)",
                           status=413)
        fetched, fetch_problems = _fetch(request, links)
        with tempfile.TemporaryDirectory(prefix="storyline-upload-") as tmp:
            uploads = _save_uploads(files, Path(tmp)) + fetched
            story_title = (title or "").strip() or None
            if uploads:
                with request.app.state.pipeline_lock:
                    result: UploadResult = request.app.state.pipeline(uploads, store, story_title)
            else:
                result = UploadResult()
        result.problems[:0] = fetch_problems
        if result.dossier is None or result.story_id is None:
            raise ApiError("no article could be analysed", errors=result.problems)
        return {"story": {"id": result.story_id, "title": result.title}, "articles": result.article_ids,
                "stored_new": result.stored_new, "problems": result.problems,
                "links": {"html": f"/stories/{result.story_id}", "json": f"/api/stories/{result.story_id}"},
                "dossier": result.dossier}

    @app.get("/api/stories", response_model=StoryList, tags=["stories"])
    def list_stories(store: StoreDep) -> dict[str, Any]:
        """Every stored story, most recently updated first."""
        return {"stories": store.list_stories()}

    @app.get("/api/stories/{story_id}", tags=["stories"],
             responses={200: {"description": "The dossier JSON (render/dossier.schema.json)"}})
    def get_dossier(story_id: str, store: StoreDep) -> dict[str, Any]:
        """The story's dossier, exactly as stored (it validates against the dossier schema)."""
        dossier = store.get_dossier(story_id)
        if dossier is None:
            raise NotFound(f"no dossier for story {story_id!r} in the store")
        return dossier

    @app.get("/api/stories/{story_id}/articles", response_model=ArticleList, tags=["stories"])
    def story_articles(story_id: str, store: StoreDep) -> dict[str, Any]:
        """The story's articles (metadata, no text), in the dossier's order."""
        if store.get_story(story_id) is None:
            raise NotFound(f"no story {story_id!r} in the store")
        return {"articles": store.list_articles(story_id)}

    @app.get("/api/articles/{article_id}", response_model=ArticleOut, tags=["articles"])
    def get_article(article_id: str, store: StoreDep) -> dict[str, Any]:
        """One stored article: metadata, text and the boilerplate removed from it."""
        article = store.get_article(article_id)
        if article is None:
            raise NotFound(f"no article {article_id!r} in the store")
        return {"article": article}

    @app.get("/api/search", response_model=SearchResults, tags=["search"])
    def search(store: StoreDep,
               q: Annotated[str, Query(min_length=1, description="Words that must all occur")],
               limit: Annotated[int, Query(ge=1, le=500)] = 50) -> dict[str, Any]:
        """Articles whose title, outlet or text contain every word of ``q`` (case-insensitive)."""
        if not q.strip():
            raise ApiError("q: give at least one word to search for")
        hits = store.search(q, limit=limit)
        return {"q": q, "count": len(hits), "results": hits}

    @app.get("/api/health", response_model=Health, tags=["health"])
    def health(store: StoreDep) -> dict[str, Any]:
        """The app is up and the database answers."""
        return {"version": __version__, "schema_version": store.schema_version,
                "store": store.display_url, "counts": store.counts()}


def _fetch(request: Request, links: list[str]) -> tuple[list[Upload], list[str]]:
    """Fetch the URLs given in the form into the app's WARC archive (one file per page)."""
    if not links:
        return [], []
    from storyline.ingest.fetch import fetch_to_archive

    hooks = request.app.state.fetch_hooks
    paths, problems = fetch_to_archive(links, request.app.state.archive, request.app.state.fetch,
                                       resolver=hooks["resolver"], transport=hooks["transport"])
    return [Upload(name=Path(p).name, path=Path(p)) for p in paths], problems


def _safe_name(raw: str | None, index: int) -> str:
    """The uploaded file's own name, without any folder part (never a path out of the upload dir)."""
    name = PurePosixPath((raw or "").replace("\\", "/")).name.strip()
    if name in ("", ".", ".."):
        name = f"upload-{index}"
    return name


def _save_uploads(files: list[UploadFile], root: Path) -> list[Upload]:
    """Copy each upload to its own folder under ``root`` (same-named files don't collide)."""
    uploads = []
    for i, f in enumerate(files):
        name = _safe_name(f.filename, i)
        folder = root / str(i)
        folder.mkdir()
        target = folder / name
        size = 0
        with target.open("wb") as out:
            while chunk := f.file.read(COPY_CHUNK):
                size += len(chunk)
                if size > MAX_FILE_BYTES:
                    raise ApiError(f"{name}: file too large (more than {MAX_FILE_BYTES // 2**20} MB)",
                                   status=413)
                out.write(chunk)
        uploads.append(Upload(name=name, path=target))
    return uploads


__all__ = ["create_app", "MAX_FILE_BYTES", "MAX_FILES"]
