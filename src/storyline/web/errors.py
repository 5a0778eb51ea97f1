"""One error shape for the web app, rendered by one exception handler.

Every error leaves the app as ``{"ok": false, "error": "<one line>", "status": N, "errors": [...]}``
(``errors`` lists the individual problems, e.g. each invalid field or each skipped file; it may be
empty). Pages outside ``/api/`` that a browser asks for get the same message as a small HTML page.
The pattern is datasette's (``handle_exception.py`` + ``Base400``/``NotFound`` carrying a status).

Status codes: 400 bad input (storyline :class:`InputError`, invalid parameters), 404 unknown story or
route, 413 upload too large, 503 database or spaCy model unavailable (:class:`StoreError`,
:class:`ModelError`), 500 anything unexpected (logged with its traceback, never sent to the client).
"""

from __future__ import annotations

import html
import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from storyline.errors import InputError, ModelError, StoreError, StorylineError

log = logging.getLogger("storyline.web")
# Security headers of an error response (it runs no script); see storyline.web.security.
ERROR_HEADERS = {"Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; "
                                            "frame-ancestors 'none'; base-uri 'none'",
                 "X-Content-Type-Options": "nosniff", "X-Frame-Options": "DENY",
                 "Referrer-Policy": "same-origin"}


class ErrorBody(BaseModel):
    """The JSON body of every error response."""

    ok: bool = False
    error: str
    status: int
    errors: list[str] = []


class ApiError(Exception):
    """An error a handler raises on purpose, with its HTTP status."""

    status = 400

    def __init__(self, message: str, *, status: int | None = None,
                 errors: list[str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        if status is not None:
            self.status = status
        self.errors = list(errors or [])


class NotFound(ApiError):
    status = 404


def describe(exc: BaseException) -> tuple[int, str, list[str]]:
    """Status, one-line message and the list of individual problems for any exception."""
    if isinstance(exc, ApiError):
        return exc.status, exc.message, exc.errors
    if isinstance(exc, RequestValidationError):
        errors = []
        for err in exc.errors():
            loc = ".".join(str(p) for p in err.get("loc", ()) if p not in ("query", "body", "path"))
            errors.append(f"{loc}: {err.get('msg', 'invalid')}" if loc else err.get("msg", "invalid"))
        return 400, "invalid request: " + "; ".join(errors), errors
    if isinstance(exc, StarletteHTTPException):
        detail = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
        return exc.status_code, detail, []
    if isinstance(exc, InputError):
        return 400, str(exc), []
    if isinstance(exc, (StoreError, ModelError)):
        return 503, str(exc), []
    if isinstance(exc, StorylineError):
        return 500, str(exc), []
    log.error("unhandled error", exc_info=exc)
    return 500, f"internal error ({type(exc).__name__}); see the server log", []


def _wants_html(request: Request) -> bool:
    if request.url.path.startswith("/api/") or request.url.path in ("/openapi.json",):
        return False
    accept = request.headers.get("accept", "")
    return "text/html" in accept and "application/json" not in accept.split(",")[0]


def error_body(status: int, message: str, errors: list[str] | None = None) -> dict[str, Any]:
    return ErrorBody(error=message, status=status, errors=errors or []).model_dump()


async def handle_error(request: Request, exc: Exception) -> Response:
    """The one exception handler: every error, in the one shape."""
    status, message, errors = describe(exc)
    headers = dict(getattr(exc, "headers", None) or {}) if isinstance(exc, StarletteHTTPException) else {}
    headers.update(ERROR_HEADERS)  # also on 500s, which leave outside the app's middleware
    if _wants_html(request):
        items = "".join(f"<li>{html.escape(e)}</li>" for e in errors)
        page = (f"<!doctype html><meta charset=utf-8><title>Error {status}</title>"
                f"<h1>Error {status}</h1><p>{html.escape(message)}</p>"
                + (f"<ul>{items}</ul>" if items else "") + '<p><a href="/">storyline home</a></p>')
        return HTMLResponse(page, status_code=status, headers=headers)
    return JSONResponse(error_body(status, message, errors), status_code=status, headers=headers)


def install_error_handler(app: FastAPI) -> None:
    """Route every kind of error through :func:`handle_error`."""
    for exc_type in (ApiError, RequestValidationError, StarletteHTTPException, StorylineError,
                     Exception):
        app.add_exception_handler(exc_type, handle_error)
