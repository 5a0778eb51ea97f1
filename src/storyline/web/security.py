"""The web app's guard at the door: one ASGI middleware in front of every route.

For every request, in this order:

1. **Host allow-list** (DNS rebinding): the ``Host`` header must name an allowed host — loopback
   (``127.0.0.1``, ``localhost``, ``::1``) by default, more with ``--allowed-host``. Else 400.
2. **Request size**, enforced while the body is read: a ``Content-Length`` over the limit is refused
   before anything is read, and a body that grows past it is cut off. 413.
3. **Writes** (POST, PUT, PATCH, DELETE) need the write token, as ``Authorization: Bearer <token>``
   (the API) or as a session cookie plus a CSRF token (the upload form: ``/login`` takes the token
   once and sets an HttpOnly, SameSite=Strict cookie; the form sends the CSRF token derived from it
   in the ``X-CSRF-Token`` header or the ``csrf_token`` query parameter). A browser's ``Origin`` (or,
   without one, ``Sec-Fetch-Site: cross-site``) must be one of the allowed hosts. 401 without a valid
   token, 403 from another origin.
4. **Security headers** on every response, errors included: a Content-Security-Policy that allows
   only the app's own inline scripts (by hash), ``X-Content-Type-Options: nosniff``,
   ``X-Frame-Options: DENY``, ``Referrer-Policy: same-origin`` (``no-referrer`` would make
   browsers send ``Origin: null`` on form posts).

Errors leave in the app's one error shape (:mod:`storyline.web.errors`).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
import secrets
from collections.abc import Awaitable, Callable, Iterable
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from storyline.web.errors import ApiError, error_body

Scope = dict[str, Any]
Message = dict[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")
WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
SESSION_COOKIE = "storyline_session"
CSRF_HEADER = "x-csrf-token"
CSRF_PARAM = "csrf_token"
# Routes a browser may POST to without the token: the login form that takes it.
NO_TOKEN_WRITES = frozenset({"/login"})
DEFAULT_MAX_REQUEST_BYTES = 100 * 2**20
_SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)


def new_token() -> str:
    return secrets.token_urlsafe(24)


def script_hashes(sources: Iterable[str]) -> list[str]:
    """CSP ``'sha256-…'`` sources for the inline ``<script>`` blocks of our own templates."""
    out = []
    for source in sources:
        for body in _SCRIPT.findall(source):
            digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
            out.append(f"'sha256-{digest}'")
    return sorted(set(out))


def _our_scripts() -> list[str]:
    from storyline.web import pages

    template = Path(__file__).resolve().parent.parent / "render" / "templates" / "dossier.html.j2"
    sources = [pages.SCRIPTS]
    if template.exists():
        sources.append(template.read_text(encoding="utf-8"))
    return script_hashes(sources)


def content_security_policy(hashes: Iterable[str]) -> str:
    return ("default-src 'none'; script-src " + " ".join(hashes) + "; style-src 'unsafe-inline'; "
            "img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; "
            "base-uri 'none'")


class Sessions:
    """Stateless browser sessions bound to the write token: the cookie is ``nonce.mac`` and the
    CSRF token another MAC of the nonce, so changing the token ends every session."""

    def __init__(self, token: str) -> None:
        self.key = hashlib.sha256(("storyline-session:" + token).encode()).digest()

    def _mac(self, purpose: str, nonce: str) -> str:
        return hmac.new(self.key, f"{purpose}:{nonce}".encode(), hashlib.sha256).hexdigest()[:32]

    def new_cookie(self) -> str:
        nonce = secrets.token_urlsafe(16)
        return f"{nonce}.{self._mac('session', nonce)}"

    def valid(self, cookie: str | None) -> str | None:
        """The session's nonce if ``cookie`` is one of ours, else None."""
        nonce, _, mac = (cookie or "").partition(".")
        if nonce and hmac.compare_digest(mac, self._mac("session", nonce)):
            return nonce
        return None

    def csrf(self, cookie: str | None) -> str | None:
        nonce = self.valid(cookie)
        return self._mac("csrf", nonce) if nonce else None


def _host_name(value: str) -> str:
    value = value.strip().lower()
    if value.startswith("["):  # [::1]:8000
        return value[1:value.find("]")] if "]" in value else value
    return value.rsplit(":", 1)[0] if value.count(":") == 1 else value


def cookie_value(headers: dict[str, str], name: str) -> str | None:
    for part in headers.get("cookie", "").split(";"):
        key, _, value = part.strip().partition("=")
        if key == name:
            return value
    return None


class Guard:
    """The ASGI middleware described in the module docstring."""

    def __init__(self, app: ASGIApp, *, token: str, allowed_hosts: Iterable[str] = (),
                 max_request_bytes: int = DEFAULT_MAX_REQUEST_BYTES) -> None:
        self.app = app
        self.token = token
        self.sessions = Sessions(token)
        self.hosts = {h.strip().lower().strip("[]") for h in (*LOOPBACK_HOSTS, *allowed_hosts) if h.strip()}
        self.max_request_bytes = max_request_bytes
        self.csp = content_security_policy(_our_scripts())

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        send = self._with_headers(send, scope.get("path", ""))
        problem = self._check(scope, headers)
        if problem:
            await self._error(send, *problem)
            return
        length = headers.get("content-length", "")
        if length.isdigit() and int(length) > self.max_request_bytes:
            await self._error(send, 413, f"request too large: {int(length):,} bytes "
                                         f"(at most {self.max_request_bytes:,})")
            return
        state = {"read": 0, "started": False}

        async def counted_receive() -> Message:
            message = await receive()
            if message["type"] == "http.request":
                state["read"] += len(message.get("body", b""))
                if state["read"] > self.max_request_bytes:
                    raise _TooLarge(self.max_request_bytes)
            return message

        async def tracked_send(message: Message) -> None:
            if message["type"] == "http.response.start":
                state["started"] = True
            await send(message)

        try:
            await self.app(scope, counted_receive, tracked_send)
        except _TooLarge:
            if not state["started"]:
                await self._error(send, 413, f"request too large (more than "
                                             f"{self.max_request_bytes:,} bytes)")

    def _check(self, scope: Scope, headers: dict[str, str]) -> tuple[int, str] | None:
        host = _host_name(headers.get("host", ""))
        if host not in self.hosts:
            allowed = ", ".join(sorted(self.hosts))
            return 400, (f"unknown Host {headers.get('host', '')!r}; allowed: {allowed} "
                         "(storyline serve --allowed-host NAME)")
        if scope.get("method", "GET").upper() not in WRITE_METHODS:
            return None
        origin = headers.get("origin")
        if origin is not None:
            parts = urlsplit(origin)
            if parts.scheme not in ("http", "https") or (parts.hostname or "") not in self.hosts:
                return 403, f"writes from another origin ({origin}) are refused"
        elif headers.get("sec-fetch-site") == "cross-site":
            return 403, "writes from another site are refused"
        if scope.get("path") in NO_TOKEN_WRITES:
            return None
        auth = headers.get("authorization", "")
        if auth[:7].lower() == "bearer ":
            if hmac.compare_digest(auth[7:].strip().encode(), self.token.encode()):
                return None
            return 401, "invalid write token"
        expected = self.sessions.csrf(cookie_value(headers, SESSION_COOKIE))
        if expected is not None:
            given = headers.get(CSRF_HEADER) or _query_param(scope, CSRF_PARAM) or ""
            if hmac.compare_digest(given.encode(), expected.encode()):
                return None
            return 403, "missing or wrong CSRF token (reload the page)"
        return 401, ("writing needs the write token: 'Authorization: Bearer <token>', or log in at "
                     "/login (the token is printed when storyline serve starts)")

    def _with_headers(self, send: Send, path: str) -> Send:
        csp = self.csp  # the same for every page: /docs is made on the server and runs no script

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                extra = [(b"content-security-policy", csp.encode()),
                         (b"x-content-type-options", b"nosniff"), (b"x-frame-options", b"DENY"),
                         (b"referrer-policy", b"same-origin")]
                message["headers"] = list(message.get("headers", [])) + [
                    (k, v) for k, v in extra if k not in names]
            await send(message)

        return send_with_headers

    @staticmethod
    async def _error(send: Send, status: int, message: str) -> None:
        body = json.dumps(error_body(status, message)).encode()
        await send({"type": "http.response.start", "status": status,
                    "headers": [(b"content-type", b"application/json"),
                                (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})


class _TooLarge(ApiError):
    """Raised from ``receive`` when the body grows past the limit; the app's error handler turns it
    into a 413 (or, outside a route, the middleware does)."""

    status = 413

    def __init__(self, limit: int) -> None:
        super().__init__(f"request too large (more than {limit:,} bytes)")


def _query_param(scope: Scope, name: str) -> str | None:
    values = parse_qs(scope.get("query_string", b"").decode("latin-1")).get(name)
    return values[0] if values else None
