"""The FastAPI app: upload articles, browse stored stories and dossiers, JSON API, search.

Pages (HTML)
  GET  /                      the story list (title, outlets, dates, counts, conflicts, last update)
                              and the upload form
  GET  /search?q=             search results
  GET  /stories/{id}          the HTML dossier, with the app's navigation bar
  GET  /stories/{id}/about    the story's page: downloads, add articles, rename, delete
  GET  /stories/{id}/{file}   downloads: dossier.json, dossier.md, dossier.html, claims.csv,
                              quotes.csv, timeline.csv
  POST /stories/{id}/rename, /stories/{id}/delete   the forms of the story page
  GET  /jobs/{id}             an upload's progress, then its result with every skipped file and why
  GET  /login, POST /login    the write token, once, for a browser session (cookie + CSRF token)
  GET  /docs, /openapi.json   the API reference (made on the server, no CDN) and its description

The JSON API is :mod:`storyline.web.api`. Errors from every route share one JSON shape (see
:mod:`storyline.web.errors`). Reads are plain ``def`` handlers (FastAPI's thread pool); analyses run
as jobs in worker processes (:mod:`storyline.web.jobs`), never on the event loop. Every request passes
the guard of :mod:`storyline.web.security` first: Host allow-list, request-size limit, the write
token for every write, security headers on every response. docs/security.md has the threat model.
"""

from __future__ import annotations

import hmac
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Annotated, Any

from fastapi import FastAPI, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from storyline import __version__
from storyline.ingest.fetch import FetchOptions, archive_dir_for
from storyline.store import Store
from storyline.web.api import add_api_routes, job_info, load_dossier, story_infos
from storyline.web.errors import ApiError, ErrorBody, NotFound, install_error_handler
from storyline.web.jobs import DEFAULT_JOB_SECONDS, DEFAULT_WORKER_MEMORY_MB, Jobs
from storyline.web.pages import DOWNLOADS, ago_label, render_page, story_bar
from storyline.web.pipeline import Pipeline, rebuild_dossier, rebuild_html
from storyline.web.security import (
    DEFAULT_MAX_REQUEST_BYTES,
    SESSION_COOKIE,
    Guard,
    Sessions,
    cookie_value,
    new_token,
)

STORY_LIST_PAGE = 200  # stories on the front page
SEARCH_PAGE = 50  # hits per page of /search

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
                  responses=ERROR_RESPONSES, docs_url=None, redoc_url=None)
    app.state.store = store
    app.state.jobs = jobs
    app.state.token = token or new_token()
    app.state.token_generated = token is None
    app.state.sessions = Sessions(app.state.token)
    app.state.fetch = fetch or FetchOptions()
    app.state.archive = archive or archive_dir_for(db_url)
    app.state.fetch_hooks = {"resolver": resolver, "transport": transport}
    app.state.summaries = {}  # (story id, updated, title, articles) → its line of the story list
    install_error_handler(app)
    add_api_routes(app)
    _add_routes(app)
    app.add_middleware(Guard, token=app.state.token, allowed_hosts=allowed_hosts,
                       max_request_bytes=max_request_bytes)
    return app



def _csrf(request: Request) -> str | None:
    csrf: str | None = request.app.state.sessions.csrf(cookie_value(dict(request.headers), SESSION_COOKIE))
    return csrf


def _store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


def _page(request: Request, name: str, **context: Any) -> str:
    return render_page(name, version=__version__, csrf=_csrf(request), **context)


def _summary(request: Request, story_id: str) -> dict[str, Any]:
    info = next((s for s in story_infos(request) if s["id"] == story_id), None)
    if info is None:
        raise NotFound(f"no story {story_id!r} in the store")
    return {**info, "updated_label": ago_label(info["updated"])}


def _add_routes(app: FastAPI) -> None:  # noqa: C901 - one flat list of routes reads best
    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def index(request: Request) -> str:
        stories = story_infos(request)
        shown = [{**s, "updated_label": ago_label(s["updated"])} for s in stories[:STORY_LIST_PAGE]]
        return _page(request, "index.html", stories=shown, total=len(stories),
                     more=len(stories) > STORY_LIST_PAGE, q="")

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    def docs(request: Request) -> str:
        from storyline.web.docs import render_docs

        return render_docs(request.app.openapi())

    @app.get("/login", response_class=HTMLResponse, include_in_schema=False)
    def login_page() -> str:
        return render_page("login.html", version=__version__, csrf=None, failed=False)

    @app.post("/login", include_in_schema=False)
    async def login(request: Request) -> Response:
        form = await request.form(max_files=0, max_fields=4)
        given = str(form.get("token") or "").strip()
        if not hmac.compare_digest(given.encode(), request.app.state.token.encode()):
            page = render_page("login.html", version=__version__, csrf=None, failed=True)
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
        info = job_info(job)
        return _page(request, "job.html", job=info, final=info["status"] in ("done", "failed"))

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search_page(request: Request, q: Annotated[str, Query(min_length=1)],
                    offset: Annotated[int, Query(ge=0)] = 0) -> str:
        store = _store(request)
        titles = {s["id"]: s["title"] for s in store.list_stories()}
        total = store.search_count(q)
        hits = store.search(q, limit=SEARCH_PAGE, offset=offset) if offset < total else []
        return _page(request, "search.html", hits=hits, total=total, q=q, titles=titles, offset=offset,
                     page=SEARCH_PAGE)

    @app.get("/stories/{story_id}", response_class=HTMLResponse, include_in_schema=False)
    def story_page(request: Request, story_id: str) -> str:
        return story_bar(_dossier_html(request, story_id), story_id)

    @app.get("/stories/{story_id}/about", response_class=HTMLResponse, include_in_schema=False)
    def story_about(request: Request, story_id: str) -> str:
        return _page(request, "story.html", s=_summary(request, story_id), downloads=list(DOWNLOADS.items()),
                     q="", add_action=f"/api/stories/{story_id}/articles")

    @app.get("/stories/{story_id}/{filename}", tags=["downloads"],
             responses={200: {"description": "The file, as an attachment"}})
    def download(request: Request, story_id: str, filename: str) -> Response:
        """A story's dossier as a file: ``dossier.json``, ``dossier.md``, ``dossier.html``, or one
        table as CSV: ``claims.csv``, ``quotes.csv``, ``timeline.csv``."""
        if filename not in DOWNLOADS:
            raise NotFound(f"no download {filename!r}; one of {', '.join(DOWNLOADS)}")
        media = DOWNLOADS[filename][1]
        if filename == "dossier.html":
            text = _dossier_html(request, story_id)
        elif filename == "dossier.md":
            text = _markdown(request, story_id)
        elif filename == "dossier.json":
            from storyline.render.json import json_text

            text = json_text(load_dossier(request, story_id))
        else:
            from storyline.web.exports import CSV_TABLES

            text = CSV_TABLES[filename.removesuffix(".csv")](load_dossier(request, story_id))
        name = f"storyline-{story_id}-{filename}"
        return Response(text, media_type=media,
                        headers={"Content-Disposition": f'attachment; filename="{name}"'})

    @app.post("/stories/{story_id}/rename", include_in_schema=False)
    async def rename_form(request: Request, story_id: str) -> Response:
        form = await request.form(max_files=0, max_fields=4)
        title = " ".join(str(form.get("title") or "").split())
        if not title:
            raise ApiError("give a title")
        if not _store(request).rename_story(story_id, title):
            raise NotFound(f"no story {story_id!r} in the store")
        return RedirectResponse(f"/stories/{story_id}/about", status_code=303)

    @app.post("/stories/{story_id}/delete", include_in_schema=False)
    async def delete_form(request: Request, story_id: str) -> Response:
        form = await request.form(max_files=0, max_fields=4)
        if form.get("confirm") != "yes":
            raise ApiError("tick the box to confirm the deletion")
        if not _store(request).delete_story(story_id):
            raise NotFound(f"no story {story_id!r} in the store")
        return RedirectResponse("/", status_code=303)


def _dossier_html(request: Request, story_id: str) -> str:
    store = _store(request)
    story = store.get_story(story_id)
    if story is None:
        raise NotFound(f"no story {story_id!r} in the store")
    html = store.get_dossier_html(story_id)
    if html is None:
        html = rebuild_html(store, story_id, story["article_ids"], story["title"])
        if html is None:
            raise ApiError(f"story {story_id!r}: its analyses are not all in the store; "
                           f"the JSON is at /api/stories/{story_id}", status=503)
        store.set_dossier_html(story_id, html)
    return html


def _markdown(request: Request, story_id: str) -> str:
    from storyline.render.markdown import render_markdown

    store = _store(request)
    if store.get_story(story_id) is None:
        raise NotFound(f"no story {story_id!r} in the store")
    dossier = rebuild_dossier(store, story_id)
    if dossier is None:
        raise ApiError(f"story {story_id!r}: its analyses are not all in the store; "
                       f"the JSON is at /api/stories/{story_id}", status=503)
    return render_markdown(dossier)


__all__ = ["create_app"]
