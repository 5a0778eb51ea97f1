"""The FastAPI app: upload articles, browse stored stories and dossiers, JSON API, search.

Routes
  GET  /                     stories and the upload form (HTML)
  GET  /search?q=            search results (HTML)
  GET  /stories/{id}         the HTML dossier (stored, or rebuilt from the stored analyses)
  GET  /login, POST /login   the write token, once, for a browser session (cookie + CSRF token)
  POST /api/analyze          multipart upload of article files → a background job (202; ?wait=S
                             waits up to S seconds and answers with the dossier when it is done)
  GET  /api/jobs/{id}        a job's status and progress; /jobs/{id} the same as a page
  GET  /api/stories          stored stories
  GET  /api/stories/{id}     a story's dossier JSON, exactly as ``render.json`` wrote it
  GET  /api/stories/{id}/articles   the story's articles (metadata)
  GET  /api/articles/{id}    one stored article: metadata and text
  GET  /api/search?q=        articles containing every word of q
  GET  /api/health           liveness, versions, row counts
  GET  /docs, /openapi.json  the OpenAPI description

Errors from every route share one JSON shape (see :mod:`storyline.web.errors`). Reads are plain
``def`` handlers (FastAPI's thread pool); analyses run as jobs in worker processes
(:mod:`storyline.web.jobs`), never on the event loop. Every request passes the guard of
:mod:`storyline.web.security` first: Host allow-list, request-size limit, the write token for every
write, security headers on every response. docs/security.md has the threat model.
"""

from __future__ import annotations

import asyncio
import hmac
import shutil
import tempfile
import time
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from pathlib import Path, PurePosixPath
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from pydantic import BaseModel
from starlette.datastructures import UploadFile

from storyline import __version__
from storyline.ingest.fetch import FetchOptions, archive_dir_for
from storyline.store import Store
from storyline.web.errors import ApiError, ErrorBody, NotFound, install_error_handler
from storyline.web.jobs import DEFAULT_JOB_SECONDS, DEFAULT_WORKER_MEMORY_MB, Job, Jobs
from storyline.web.pages import render_page
from storyline.web.pipeline import Pipeline, Upload, rebuild_html
from storyline.web.security import (
    DEFAULT_MAX_REQUEST_BYTES,
    SESSION_COOKIE,
    Guard,
    Sessions,
    cookie_value,
    new_token,
)

MAX_FILE_BYTES = 20 * 1024 * 1024  # one article file (a JSONL file may hold many articles)
MAX_FILES = 500
MAX_NAME_BYTES = 200  # an uploaded file's name
MAX_WAIT_SECONDS = 600
MAX_PAGE = 500  # articles per page of /api/stories/{id}/articles
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
    job: dict[str, Any] | None = None


class JobAccepted(BaseModel):
    ok: bool = True
    job: dict[str, Any]


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


def create_app(db_url: str, *, pipeline: Pipeline | None = None, token: str | None = None,
               allowed_hosts: Sequence[str] = (), job_processes: int | None = None,
               job_seconds: float = DEFAULT_JOB_SECONDS,
               worker_memory_mb: int | None = DEFAULT_WORKER_MEMORY_MB,
               max_request_bytes: int = DEFAULT_MAX_REQUEST_BYTES, fetch: FetchOptions | None = None,
               archive: Path | None = None, resolver: Any = None, transport: Any = None) -> FastAPI:
    """Build the web app over the store at ``db_url`` (opened now: a bad URL fails here).

    ``pipeline`` is what an analysis job runs on the uploaded files (tests pass a small fake one;
    it then runs in a thread); the default is :func:`storyline.web.pipeline.run_pipeline` in
    ``job_processes`` worker processes (default 1; 0 runs jobs in a thread, as an in-memory SQLite
    store must). ``token`` is the write token (a random one when not given: read it from
    ``app.state.token``); ``allowed_hosts`` are the Host names served besides loopback. Article
    URLs given in the form are fetched with ``fetch`` (default: public addresses only) and archived
    as WARC in ``archive`` (default: beside the SQLite store); ``resolver``/``transport`` are for tests.
    """
    store = Store(db_url)  # raises StoreError (one line, password hidden) before serving anything
    if job_processes is None:
        job_processes = 1 if (store.files() or store.engine.dialect.name != "sqlite") else 0
    jobs = Jobs(db_url, pipeline, processes=job_processes, seconds=job_seconds,
                memory_mb=worker_memory_mb)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        jobs.close()
        store.close()

    app = FastAPI(title="storyline", version=__version__, lifespan=lifespan,
                  description="One story, many reports: an evidence-backed dossier from news articles.",
                  responses=ERROR_RESPONSES)
    app.state.store = store
    app.state.jobs = jobs
    app.state.token = token or new_token()
    app.state.token_generated = token is None
    app.state.sessions = Sessions(app.state.token)
    app.state.fetch = fetch or FetchOptions()
    app.state.archive = archive or archive_dir_for(db_url)
    app.state.fetch_hooks = {"resolver": resolver, "transport": transport}
    install_error_handler(app)
    _add_routes(app)
    app.add_middleware(Guard, token=app.state.token, allowed_hosts=allowed_hosts,
                       max_request_bytes=max_request_bytes)
    return app


def get_store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


StoreDep = Annotated[Store, Depends(get_store)]


def _add_routes(app: FastAPI) -> None:  # noqa: C901 - one flat list of routes reads best
    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def index(request: Request, store: StoreDep) -> str:
        csrf = request.app.state.sessions.csrf(cookie_value(dict(request.headers), SESSION_COOKIE))
        return render_page("index.html", stories=store.list_stories(), q="", version=__version__,
                           store=store.display_url, csrf=csrf)

    @app.get("/login", response_class=HTMLResponse, include_in_schema=False)
    def login_page() -> str:
        return render_page("login.html", version=__version__, store="", failed=False)

    @app.post("/login", include_in_schema=False)
    async def login(request: Request) -> Response:
        form = await request.form(max_files=0, max_fields=4)
        given = str(form.get("token") or "").strip()
        if not hmac.compare_digest(given.encode(), request.app.state.token.encode()):
            page = render_page("login.html", version=__version__, store="", failed=True)
            return HTMLResponse(page, status_code=401)
        resp = RedirectResponse("/", status_code=303)
        resp.set_cookie(SESSION_COOKIE, request.app.state.sessions.new_cookie(), httponly=True,
                        samesite="strict", secure=request.url.scheme == "https", path="/")
        return resp

    @app.get("/jobs/{job_id}", response_class=HTMLResponse, include_in_schema=False)
    def job_page(request: Request, job_id: str) -> str:
        job = request.app.state.jobs.get(job_id)
        if job is None:
            raise NotFound(f"no job {job_id!r} (jobs are kept while the server runs)")
        return render_page("job.html", job=_job_info(job), version=__version__, store="")

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

    @app.post("/api/analyze", status_code=202, tags=["analyze"],
              responses={200: {"model": AnalyzeResult, "description": "Done (with ?wait=S)"},
                         202: {"model": JobAccepted, "description": "Accepted: a background job"},
                         401: {"model": ErrorBody, "description": "No or wrong write token"},
                         403: {"model": ErrorBody, "description": "Write from another origin"},
                         413: {"model": ErrorBody, "description": "Upload too large"}},
              openapi_extra={"requestBody": {"required": True, "content": {"multipart/form-data": {
                  "schema": {"type": "object", "required": ["files"], "properties": {
                      "files": {"type": "array", "items": {"type": "string", "format": "binary"}},
                      "title": {"type": "string"},
                      "urls": {"type": "string", "description": "article URLs, one a line"}}}}}}})
    async def analyze(request: Request,
                      wait: Annotated[float, Query(ge=0, le=MAX_WAIT_SECONDS, description=(
                          "Seconds to wait for the job to finish before answering 202"))] = 0,
                      ) -> Response:
        """Upload the articles of one story (multipart: ``files`` and/or ``urls``, one a line,
        fetched and archived; optional ``title``); the analysis
        runs as a background job. Answers 202 with the job (poll ``links.self``), or, with
        ``?wait=S`` and the job done within S seconds, 200 with the dossier (also stored).

        Files that cannot be read are listed in ``problems`` (one line each) and the others are
        still analysed; if none can be, the job fails with a 400 error listing them.
        """
        jobs: Jobs = request.app.state.jobs
        if jobs.pending() >= jobs.max_queued:
            raise ApiError(f"{jobs.pending()} analyses are waiting; try again later", status=503)
        folder = Path(tempfile.mkdtemp(prefix="storyline-upload-"))
        try:
            form = await request.form(max_files=MAX_FILES, max_fields=16)
            try:
                # a file input left empty sends a part with no name and no bytes: not a file
                files = [f for f in form.getlist("files")
                         if not (isinstance(f, UploadFile) and not f.filename and not f.size)]
                links = [u.strip() for u in str(form.get("urls") or "").splitlines() if u.strip()]
                if not files and not links:
                    raise ApiError("no files uploaded (multipart field 'files') and no URLs "
                                   "(field 'urls')")
                if len(files) + len(links) > MAX_FILES:
                    raise ApiError(f"too many files: {len(files) + len(links)} (at most {MAX_FILES} "
                                   "per upload)", status=413)
                uploads = await _save_uploads(files, folder)
                title = str(form.get("title") or "").strip() or None
            finally:
                await form.close()
            fetched, fetch_problems = await asyncio.to_thread(_fetch, request, links)
            if not uploads and not fetched:
                raise ApiError("no article could be analysed", errors=fetch_problems)
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)
            raise
        job = jobs.submit(folder, uploads + fetched, title, request.app.state.store,
                          problems=fetch_problems)
        deadline = time.monotonic() + wait
        while not job.done.is_set() and time.monotonic() < deadline:
            await asyncio.sleep(0.05)
        if job.done.is_set():
            if job.error is not None:
                status, message, errors = job.error
                raise ApiError(message, status=status, errors=errors)
            return JSONResponse(_done_body(job), status_code=200)
        if "text/html" in request.headers.get("accept", ""):  # the form posted without JavaScript
            return RedirectResponse(f"/jobs/{job.id}", status_code=303)
        return JSONResponse({"ok": True, "job": _job_info(job)}, status_code=202)

    @app.get("/api/jobs/{job_id}", response_model=JobAccepted, tags=["analyze"])
    def get_job(request: Request, job_id: str) -> dict[str, Any]:
        """A job's status (queued, running, done, failed), progress, and when done, its story."""
        job = request.app.state.jobs.get(job_id)
        if job is None:
            raise NotFound(f"no job {job_id!r} (jobs are kept while the server runs)")
        return {"job": _job_info(job)}

    @app.get("/api/stories", response_model=StoryList, tags=["stories"])
    def list_stories(store: StoreDep) -> dict[str, Any]:
        """Every stored story, most recently updated first."""
        return {"stories": store.list_stories()}

    @app.get("/api/stories/{story_id}", tags=["stories"],
             responses={200: {"description": "The dossier JSON (render/dossier.schema.json)"}})
    def get_dossier(story_id: str, store: StoreDep) -> Response:
        """The story's dossier, exactly as stored (it validates against the dossier schema). Sent
        as the stored text, never parsed and re-serialized: a big story costs one string."""
        text = store.get_dossier_text(story_id)
        if text is None:
            raise NotFound(f"no dossier for story {story_id!r} in the store")
        return Response(text, media_type="application/json")

    @app.get("/api/stories/{story_id}/articles", response_model=ArticleList, tags=["stories"])
    def story_articles(story_id: str, store: StoreDep,
                       offset: Annotated[int, Query(ge=0)] = 0,
                       limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = MAX_PAGE) -> dict[str, Any]:
        """The story's articles (metadata, no text), in the dossier's order, a page at a time
        (``offset``, ``limit``; at most 500 a page)."""
        if store.get_story(story_id) is None:
            raise NotFound(f"no story {story_id!r} in the store")
        return {"articles": store.list_articles(story_id, offset=offset, limit=limit)}

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
    """Fetch the URLs given in the form into the app's WARC archive (one file per page); runs in a
    thread (network I/O), never on the event loop."""
    if not links:
        return [], []
    from storyline.ingest.fetch import fetch_to_archive

    hooks = request.app.state.fetch_hooks
    paths, problems = fetch_to_archive(links, request.app.state.archive, request.app.state.fetch,
                                       resolver=hooks["resolver"], transport=hooks["transport"])
    return [Upload(name=Path(p).name, path=Path(p)) for p in paths], problems


def _safe_name(raw: str | None, index: int) -> str:
    """The uploaded file's own name, without any folder part (never a path out of the upload dir).
    A name that is too long or holds control characters is a 400."""
    name = PurePosixPath((raw or "").replace("\\", "/")).name.strip()
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in name):
        raise ApiError(f"files[{index}]: the file name holds control characters")
    if len(name.encode("utf-8")) > MAX_NAME_BYTES:
        raise ApiError(f"files[{index}]: file name too long ({len(name.encode('utf-8'))} bytes; "
                       f"at most {MAX_NAME_BYTES})")
    if name in ("", ".", ".."):
        name = f"upload-{index}"
    return name


async def _save_uploads(files: list[Any], root: Path) -> list[Upload]:
    """Copy each upload to its own folder under ``root`` (same-named files don't collide)."""
    uploads = []
    for i, f in enumerate(files):
        if not isinstance(f, UploadFile):
            raise ApiError(f"files[{i}]: not a file (a form field without a file name)")
        name = _safe_name(f.filename, i)
        folder = root / str(i)
        folder.mkdir()
        target = folder / name
        size = 0
        with target.open("wb") as out:
            while chunk := await f.read(COPY_CHUNK):
                size += len(chunk)
                if size > MAX_FILE_BYTES:
                    raise ApiError(f"{name}: file too large (more than {MAX_FILE_BYTES // 2**20} MB)",
                                   status=413)
                out.write(chunk)
        uploads.append(Upload(name=name, path=target))
    return uploads


def _job_info(job: Job) -> dict[str, Any]:
    status = job.status
    if status == "queued" and job.progress_file.exists():
        status = "running"
    info: dict[str, Any] = {
        "id": job.id, "status": status, "progress": job.progress() if status == "running" else {},
        "links": {"self": f"/api/jobs/{job.id}", "page": f"/jobs/{job.id}"},
        "problems": job.result.problems if job.result else [],
        "error": None,
    }
    if job.error is not None:
        code, message, errors = job.error
        info["error"] = {"status": code, "error": message, "errors": errors}
    if job.result is not None and job.result.story_id:
        sid = job.result.story_id
        info["story"] = {"id": sid, "title": job.result.title}
        info["links"].update(html=f"/stories/{sid}", json=f"/api/stories/{sid}")
    return info


def _done_body(job: Job) -> dict[str, Any]:
    result = job.result
    assert result is not None and result.story_id is not None
    return {"ok": True, "story": {"id": result.story_id, "title": result.title},
            "articles": result.article_ids, "stored_new": result.stored_new,
            "problems": result.problems,
            "links": {"html": f"/stories/{result.story_id}", "json": f"/api/stories/{result.story_id}"},
            "dossier": result.dossier, "job": _job_info(job)}


__all__ = ["create_app", "MAX_FILE_BYTES", "MAX_FILES"]
