"""The JSON API: every answer in one envelope (:mod:`storyline.web.envelope`), lists a page at a time.

Routes (all under ``/api/``)
  POST   /api/analyze                      upload the articles of a new story → a background job
  POST   /api/stories/{id}/articles        add articles to a stored story → a job (same id, new version)
  GET    /api/jobs/{id}                    a job's status, progress, result and skipped files
  GET    /api/stories                      stored stories (outlets, dates, counts), newest update first
  GET    /api/stories/{id}                 the dossier (filters: outlet, person, status, since, until,
                                           conflicts)
  GET    /api/stories/{id}/{section}       one list of the dossier (articles, timeline, quotes, claims,
                                           comparisons, entities, coverage), filtered and paged
  PATCH  /api/stories/{id}                 rename ({"title": …});  DELETE /api/stories/{id}
  GET    /api/articles/{id}                one stored article with its text
  GET    /api/search?q=                    articles containing every word or "quoted phrase"
  GET    /api/health                       liveness, versions, row counts

Dates in every answer are the dossier's (after the story-level refinement), with their plain labels.
"""

from __future__ import annotations

import asyncio
import shutil
import tempfile
import time
from pathlib import Path, PurePosixPath
from typing import Annotated, Any

from fastapi import Body, FastAPI, Query, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response
from pydantic import BaseModel
from starlette.datastructures import UploadFile

from storyline import __version__
from storyline.store import Store
from storyline.web.envelope import Envelope, envelope, page_meta, page_of
from storyline.web.errors import ApiError, ErrorBody, NotFound
from storyline.web.filters import SECTIONS, STATUSES, DossierFilter, filter_dossier, story_articles
from storyline.web.jobs import Job, Jobs
from storyline.web.pipeline import Upload

MAX_FILE_BYTES = 20 * 1024 * 1024  # one article file (a JSONL file may hold many articles)
MAX_FILES = 500
MAX_NAME_BYTES = 200  # an uploaded file's name
MAX_WAIT_SECONDS = 600
MAX_PAGE = 500  # items per page
DEFAULT_PAGE = 100
COPY_CHUNK = 1024 * 1024


class StoryInfo(BaseModel):
    id: str
    title: str
    created: str | None
    updated: str | None
    articles: int
    outlets: list[str] = []
    first_published: str | None = None
    last_published: str | None = None
    dates: str | None = None
    dated: int = 0
    conflicts: int = 0
    version: int = 1
    links: dict[str, str] = {}


class SearchHit(BaseModel):
    id: str
    path: str | None
    title: str | None
    outlet: str | None
    published: str | None
    published_label: str | None = None
    snippet: str
    match: str | None
    start: int | None
    end: int | None
    matches: int
    stories: list[str]


class Health(BaseModel):
    version: str
    schema_version: int
    database: str
    counts: dict[str, int]


class Rename(BaseModel):
    title: str


UPLOAD_BODY = {"requestBody": {"required": True, "content": {"multipart/form-data": {
    "schema": {"type": "object", "properties": {
        "files": {"type": "array", "items": {"type": "string", "format": "binary"}},
        "title": {"type": "string"},
        "urls": {"type": "string", "description": "article URLs, one a line"}}}}}}}
WRITE_ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorBody, "description": "No or wrong write token"},
    403: {"model": ErrorBody, "description": "Write from another origin"}}
UPLOAD_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {"description": "Done (with ?wait=S): data holds story, articles, problems, dossier"},
    202: {"description": "Accepted: data is the background job"},
    413: {"model": ErrorBody, "description": "Upload too large"}, **WRITE_ERRORS}


def dossier_filter(outlet: list[str] | None, person: str | None, status: str | None,
                   since: str | None, until: str | None, conflicts: bool) -> DossierFilter:
    for name, value in (("since", since), ("until", until)):
        if value and not _iso_day(value):
            raise ApiError(f"{name}: give a day as YYYY-MM-DD (or YYYY-MM, YYYY), not {value!r}")
    if status and status not in STATUSES:
        raise ApiError(f"status: one of {', '.join(STATUSES)}, not {status!r}")
    return DossierFilter(outlet=tuple(o for o in (outlet or []) if o.strip()), person=person or None,
                         status=status or None, since=since or None, until=until or None,
                         conflicts=conflicts)


def _day_label(iso: str | None) -> str | None:
    import datetime as dt

    from storyline.render.dates import day_label

    try:
        return day_label(dt.date.fromisoformat(iso[:10])) if iso else None
    except ValueError:
        return None


def _iso_day(value: str) -> bool:
    import re

    return re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value) is not None


OutletQ = Annotated[list[str] | None, Query(description="Only these outlets (repeat for more)")]
PersonQ = Annotated[str | None, Query(description="An entity id, or words of a person's or "
                                                  "organization's name")]
StatusQ = Annotated[str | None, Query(description="Comparison status: " + ", ".join(STATUSES))]
SinceQ = Annotated[str | None, Query(description="From this day (YYYY-MM-DD), inclusive")]
UntilQ = Annotated[str | None, Query(description="Until this day (YYYY-MM-DD), inclusive")]
ConflictsQ = Annotated[bool, Query(description="Only what is part of a conflict")]
OffsetQ = Annotated[int, Query(ge=0, description="Items to skip")]
LimitQ = Annotated[int, Query(ge=1, le=MAX_PAGE, description=f"Items per page (at most {MAX_PAGE})")]


def _store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


def story_links(sid: str) -> dict[str, str]:
    return {"html": f"/stories/{sid}", "json": f"/api/stories/{sid}",
            "articles": f"/api/stories/{sid}/articles"}


def story_infos(request: Request) -> list[dict[str, Any]]:
    """Every stored story with its summary (cached per story and update time)."""
    from storyline.web.filters import story_summary

    store = _store(request)
    # keyed by what a change of the story changes (updated times are to the second only)
    cache: dict[tuple[str, str | None, str, int], dict[str, Any]] = request.app.state.summaries
    out = []
    for row in store.list_stories():
        key = (row["id"], row["updated"], row["title"], row["articles"])
        info = cache.get(key)
        if info is None:
            info = story_summary(store.get_dossier(row["id"]), row)
            info["links"] = story_links(row["id"])
            for old in [k for k in cache if k[0] == row["id"]]:  # the story's earlier lines
                del cache[old]
            cache[key] = info
        out.append(info)
    return out


def load_dossier(request: Request, story_id: str) -> dict[str, Any]:
    data = _store(request).get_dossier(story_id)
    if data is None:
        raise NotFound(f"no dossier for story {story_id!r} in the store")
    return data


def add_api_routes(app: FastAPI) -> None:  # noqa: C901 - one flat list of routes reads best
    @app.post("/api/analyze", status_code=202, tags=["analyze"], responses=UPLOAD_RESPONSES,
              openapi_extra=UPLOAD_BODY)
    async def analyze(request: Request, wait: Annotated[float, Query(ge=0, le=MAX_WAIT_SECONDS, description=(
                          "Seconds to wait for the job to finish before answering 202"))] = 0) -> Response:
        """Upload the articles of one story (multipart: ``files`` and/or ``urls``, one a line,
        fetched and archived; optional ``title``); the analysis runs as a background job. Answers
        202 with the job (poll ``data.links.self``), or, with ``?wait=S`` and the job done within S
        seconds, 200 with the dossier (also stored).

        Files that cannot be read are listed in ``problems`` (one line each, naming the file and why)
        and the others are still analysed; if none can be, the job fails with a 400 listing them."""
        return await _upload(request, wait, into=None)

    @app.post("/api/stories/{story_id}/articles", status_code=202, tags=["stories"],
              responses=UPLOAD_RESPONSES, openapi_extra=UPLOAD_BODY)
    async def add_articles(request: Request, story_id: str,
                           wait: Annotated[float, Query(ge=0, le=MAX_WAIT_SECONDS)] = 0) -> Response:
        """Add articles to a stored story (multipart, as ``/api/analyze``): the story keeps its id
        and title and gets a new version listing what changed (``data.dossier.changes``)."""
        if _store(request).get_story(story_id) is None:
            raise NotFound(f"no story {story_id!r} in the store")
        return await _upload(request, wait, into=story_id)

    @app.get("/api/jobs/{job_id}", tags=["analyze"], response_model=Envelope[dict[str, Any]])
    def get_job(request: Request, job_id: str) -> dict[str, Any]:
        """A job's status (queued, running, done, failed), progress, and when done its story and
        every file that was skipped, with the reason."""
        job = request.app.state.jobs.get(job_id)
        if job is None:
            raise NotFound(f"no job {job_id!r} (jobs are kept while the server runs)")
        return envelope(job_info(job))

    @app.get("/api/stories", tags=["stories"], response_model=Envelope[list[StoryInfo]])
    def list_stories(request: Request, offset: OffsetQ = 0, limit: LimitQ = DEFAULT_PAGE) -> dict[str, Any]:
        """The stored stories, most recently updated first: title, outlets, the span of publication
        dates, article count, conflicts, version and links."""
        return page_of(story_infos(request), request.url, offset, limit)

    @app.get("/api/stories/{story_id}", tags=["stories"],
             responses={200: {"description": "data: the dossier JSON (render/dossier.schema.json)"}})
    def get_dossier(request: Request, story_id: str, outlet: OutletQ = None, person: PersonQ = None,
                    status: StatusQ = None, since: SinceQ = None, until: UntilQ = None,
                    conflicts: ConflictsQ = False) -> Response:
        """The story's dossier as stored (it validates against the dossier schema), in ``data``;
        with filters, only the matching articles, events, quotes, claims and comparisons."""
        f = dossier_filter(outlet, person, status, since, until, conflicts)
        store = _store(request)
        if not f.active():  # the stored text as it is: a big story costs one string, no parse
            text = store.get_dossier_text(story_id)
            if text is None:
                raise NotFound(f"no dossier for story {story_id!r} in the store")
            return Response('{"ok": true, "data": ' + text + ', "meta": {}}', media_type="application/json")
        data = filter_dossier(load_dossier(request, story_id), f)
        counts = {k: len(data.get(k, [])) for k in SECTIONS}
        return JSONResponse(envelope(data, {"filters": f.as_dict(), "counts": counts}))

    @app.get("/api/stories/{story_id}/{section}", tags=["stories"],
             response_model=Envelope[list[dict[str, Any]]])
    def story_section(request: Request, story_id: str, section: str, outlet: OutletQ = None,
                      person: PersonQ = None, status: StatusQ = None, since: SinceQ = None,
                      until: UntilQ = None, conflicts: ConflictsQ = False, offset: OffsetQ = 0,
                      limit: LimitQ = DEFAULT_PAGE) -> dict[str, Any]:
        """One list of the dossier a page at a time: ``articles`` (metadata, no text; dates as the
        dossier has them), ``entities``, ``timeline``, ``quotes``, ``claims``, ``comparisons`` or
        ``coverage``, with the dossier's filters."""
        if section not in SECTIONS:
            raise NotFound(f"no section {section!r}; one of {', '.join(SECTIONS)}")
        f = dossier_filter(outlet, person, status, since, until, conflicts)
        if _store(request).get_story(story_id) is None:
            raise NotFound(f"no story {story_id!r} in the store")
        data = filter_dossier(load_dossier(request, story_id), f)
        items = story_articles(data) if section == "articles" else data.get(section, [])
        return page_of(items, request.url, offset, limit, f.as_dict())

    @app.patch("/api/stories/{story_id}", tags=["stories"], responses=WRITE_ERRORS,
               response_model=Envelope[StoryInfo])
    def rename_story(request: Request, story_id: str, body: Annotated[Rename, Body()]) -> dict[str, Any]:
        """Give the story a new title (needs the write token)."""
        title = " ".join(body.title.split())
        if not title:
            raise ApiError("title: give a title")
        if not _store(request).rename_story(story_id, title):
            raise NotFound(f"no story {story_id!r} in the store")
        info = next(s for s in story_infos(request) if s["id"] == story_id)
        return envelope(info)

    @app.delete("/api/stories/{story_id}", tags=["stories"], responses=WRITE_ERRORS,
                response_model=Envelope[dict[str, Any]])
    def delete_story(request: Request, story_id: str) -> dict[str, Any]:
        """Delete the story, its dossier and the articles no other story has (needs the write token)."""
        if not _store(request).delete_story(story_id):
            raise NotFound(f"no story {story_id!r} in the store")
        return envelope({"deleted": story_id})

    @app.get("/api/articles/{article_id}", tags=["articles"], response_model=Envelope[dict[str, Any]])
    def get_article(request: Request, article_id: str) -> dict[str, Any]:
        """One stored article: metadata, text and the boilerplate removed from it. Its publication
        date is the one read from the article; a story's dossier may refine it (see the story's
        ``articles`` section)."""
        article = _store(request).get_article(article_id)
        if article is None:
            raise NotFound(f"no article {article_id!r} in the store")
        return envelope(article)

    @app.get("/api/search", tags=["search"], response_model=Envelope[list[SearchHit]])
    def search(request: Request,
               q: Annotated[str, Query(min_length=1, description='Words and "quoted phrases" that must all occur')],
               offset: OffsetQ = 0, limit: LimitQ = 50) -> dict[str, Any]:
        """Articles whose title, outlet or text contain every word and "quoted phrase" of ``q``
        (case-insensitive), title matches first; ``meta.total`` counts them all."""
        if not q.replace('"', " ").strip():
            raise ApiError("q: give at least one word to search for")
        store = _store(request)
        total = store.search_count(q)
        hits = store.search(q, limit=limit, offset=offset) if offset < total else []
        for hit in hits:  # the day in words too, as the pages write it
            hit["published_label"] = _day_label(hit.get("published"))
        meta = page_meta(request.url, offset, limit, total, len(hits))
        meta["q"] = q
        return envelope(hits, meta)

    @app.get("/api/health", tags=["health"], response_model=Envelope[Health])
    def health(request: Request) -> dict[str, Any]:
        """The app is up and the database answers."""
        store = _store(request)
        return envelope({"version": __version__, "schema_version": store.schema_version,
                         "database": store.engine.dialect.name, "counts": store.counts()})


async def _upload(request: Request, wait: float, *, into: str | None) -> Response:
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
                raise ApiError("no files uploaded (multipart field 'files') and no URLs (field 'urls')")
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
                      problems=fetch_problems, into=into)
    deadline = time.monotonic() + wait
    while not job.done.is_set() and time.monotonic() < deadline:
        await asyncio.sleep(0.05)
    if job.done.is_set():
        if job.error is not None:
            status, message, errors = job.error
            raise ApiError(message, status=status, errors=errors)
        return JSONResponse(envelope(done_body(job)), status_code=200)
    if "text/html" in request.headers.get("accept", ""):  # the form posted without JavaScript
        return RedirectResponse(f"/jobs/{job.id}", status_code=303)
    return JSONResponse(envelope(job_info(job)), status_code=202)


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


def job_info(job: Job) -> dict[str, Any]:
    status = job.status
    if status == "queued" and job.progress_file.exists():
        status = "running"
    info: dict[str, Any] = {
        "id": job.id, "status": status, "progress": job.progress() if status == "running" else {},
        "files": job.files, "into": job.into,
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
        info["articles"] = len(job.result.article_ids)
        info["stored_new"] = job.result.stored_new
        info["links"].update(html=f"/stories/{sid}", json=f"/api/stories/{sid}")
    return info


def done_body(job: Job) -> dict[str, Any]:
    result = job.result
    assert result is not None and result.story_id is not None
    return {"story": {"id": result.story_id, "title": result.title},
            "articles": result.article_ids, "stored_new": result.stored_new,
            "problems": result.problems,
            "links": {"html": f"/stories/{result.story_id}", "json": f"/api/stories/{result.story_id}"},
            "dossier": result.dossier, "job": job_info(job)}
