"""Articles by URL: fetch web pages politely and safely, and archive every response as WARC.

``storyline analyze https://…`` (and the web app's URL field) call :func:`fetch_to_archive`, which
for each URL

* refuses anything but ``http``/``https``, and any host whose addresses (after DNS resolution) are
  not public — loopback, private, link-local, shared, multicast, reserved, IPv4-mapped IPv6 forms of
  these — unless ``allow_private`` is set. The check runs before every request, on every redirect
  hop, and once more inside the connection itself (:class:`_GuardedBackend` connects only to the
  addresses it has just checked), so a name that resolves to a public address for the check and a
  private one for the connection (DNS rebinding) is refused too;
* asks ``robots.txt`` first (RFC 9309: a 4xx robots file allows everything, 401/403 and 5xx allow
  nothing; the user agent's own group, else ``*``);
* sends a clear user agent, follows at most ``max_redirects`` redirects, stops at ``timeout``
  seconds and at ``max_bytes`` of body, and accepts only HTML (``text/html``,
  ``application/xhtml+xml``);
* writes every response it received (robots.txt, redirects, the page) to one gzip-compressed WARC
  file per URL in the archive folder, so the dossier can be rebuilt offline from the archive
  (``storyline analyze ARCHIVE/``) with the same bytes.

httpx does the HTTP (timeouts, streaming, no environment proxies: ``trust_env=False``, so a proxy
cannot bypass the address check); courlan (already a trafilatura dependency) cleans the URL (tracking
parameters, fragments) before it is fetched and named; warcio writes the archive. The reading of the
page is the HTML reader's (:mod:`storyline.ingest.html`) through the WARC reader.
"""

from __future__ import annotations

import hashlib
import ipaddress
import socket
import urllib.robotparser
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from io import BytesIO
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

from storyline import __version__
from storyline.errors import IngestError

USER_AGENT = (f"storyline/{__version__} (news dossier tool; fetches only the pages a user names; "
              "obeys robots.txt)")
ROBOTS_AGENT = "storyline"
HTML_TYPES = ("text/html", "application/xhtml+xml")
ROBOTS_MAX_BYTES = 512 * 1024

Resolver = Callable[[str, int], list[str]]


@dataclass(slots=True)
class FetchOptions:
    """How pages are fetched (the CLI's ``--allow-private``; the rest are named defaults)."""

    allow_private: bool = False
    timeout: float = 15.0  # seconds, for connecting and for each read
    max_bytes: int = 5 * 1024 * 1024
    max_redirects: int = 5
    user_agent: str = USER_AGENT
    robots: bool = True


@dataclass(slots=True)
class Response:
    """One HTTP response as received (body decoded from any transfer/content encoding)."""

    url: str
    status: int
    reason: str
    headers: list[tuple[str, str]]
    body: bytes
    fetched_at: datetime

    def header(self, name: str) -> str:
        return next((v for k, v in self.headers if k.lower() == name.lower()), "")


@dataclass(slots=True)
class FetchResult:
    url: str  # as requested (cleaned)
    responses: list[Response] = field(default_factory=list)  # robots.txt, redirects, the page

    @property
    def page(self) -> Response | None:
        return self.responses[-1] if self.responses else None


# ----------------------------------------------------------------------------- addresses


def is_public_address(address: str) -> bool:
    """True for a globally routable unicast address; False for loopback, private (RFC 1918, ULA),
    link-local, shared (100.64/10), multicast, reserved and unspecified ones, also when written as
    IPv4-mapped IPv6 (``::ffff:10.0.0.1``)."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address):
        mapped = ip.ipv4_mapped or ip.sixtofour
        if mapped is not None:
            ip = mapped
    return ip.is_global and not ip.is_multicast


def system_resolver(host: str, port: int) -> list[str]:
    """Every address ``host`` resolves to (IPv4 and IPv6)."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def checked_addresses(url: str, host: str, port: int, *, allow_private: bool,
                      resolver: Resolver) -> list[str]:
    """The addresses of ``host``, or IngestError when it cannot be resolved or any of them is not
    public (unless ``allow_private``)."""
    try:
        addresses = resolver(host, port)
    except (OSError, UnicodeError) as exc:
        raise IngestError(url, f"cannot resolve host {host!r} ({exc})") from None
    if not addresses:
        raise IngestError(url, f"cannot resolve host {host!r}")
    if not allow_private:
        for address in addresses:
            try:
                public = is_public_address(address)
            except ValueError:
                public = False
            if not public:
                raise IngestError(url, f"refused: {host} resolves to a private, loopback or link-local "
                                       f"address ({address}); use --allow-private to fetch it")
    return addresses


# ----------------------------------------------------------------------------- transport


def _guarded_transport(options: FetchOptions, resolver: Resolver) -> Any:
    """An httpx transport whose connections go only to addresses checked just before connecting."""
    import httpcore
    import httpx

    class _GuardedBackend(httpcore.SyncBackend):
        def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                        local_address: str | None = None, socket_options: Any = None) -> Any:
            try:
                addresses = checked_addresses(f"{host}:{port}", host, port,
                                              allow_private=options.allow_private, resolver=resolver)
            except IngestError as exc:
                raise httpcore.ConnectError(exc.problem) from None
            last: Exception | None = None
            for address in addresses:
                try:
                    return super().connect_tcp(address, port, timeout=timeout, local_address=local_address,
                                               socket_options=socket_options)
                except httpcore.ConnectError as exc:
                    last = exc
            raise last or httpcore.ConnectError(f"cannot connect to {host}")

    transport = httpx.HTTPTransport(trust_env=False, retries=0)
    pool = getattr(transport, "_pool", None)
    if isinstance(pool, httpcore.ConnectionPool):  # httpx keeps the pool private; pin the backend
        transport._pool = httpcore.ConnectionPool(
            ssl_context=getattr(pool, "_ssl_context", None), network_backend=_GuardedBackend(), retries=0)
    return transport


def make_client(options: FetchOptions, *, resolver: Resolver | None = None, transport: Any = None) -> Any:
    import httpx

    transport = transport or _guarded_transport(options, resolver or system_resolver)
    return httpx.Client(transport=transport, timeout=httpx.Timeout(options.timeout),
                        follow_redirects=False, trust_env=False,
                        headers={"User-Agent": options.user_agent,
                                 "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1"})


# ----------------------------------------------------------------------------- fetching


def clean_url(url: str) -> str:
    """The URL to fetch: whitespace trimmed, scheme checked; tracking parameters and fragment
    removed by courlan when it can parse it."""
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise IngestError(url, "not an http(s) URL")
    try:
        from courlan import clean_url as courlan_clean

        cleaned = courlan_clean(url)
    except Exception:  # courlan is a convenience; a URL it cannot clean is fetched as given
        cleaned = None
    return cleaned if cleaned and urlsplit(cleaned).hostname == parts.hostname else url


def _get(client: Any, url: str, options: FetchOptions, resolver: Resolver, max_bytes: int) -> Response:
    import httpx

    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise IngestError(url, "not an http(s) URL")
    port = parts.port or (443 if parts.scheme == "https" else 80)
    checked_addresses(url, parts.hostname, port, allow_private=options.allow_private, resolver=resolver)
    try:
        with client.stream("GET", url) as resp:
            body = bytearray()
            for chunk in resp.iter_bytes():
                body += chunk
                if len(body) > max_bytes:
                    raise IngestError(url, f"response larger than {max_bytes} bytes; not fetched")
            return Response(url=url, status=resp.status_code, reason=resp.reason_phrase or "",
                            headers=list(resp.headers.multi_items()), body=bytes(body),
                            fetched_at=datetime.now(timezone.utc))
    except httpx.TimeoutException:
        raise IngestError(url, f"timed out after {options.timeout:g} s") from None
    except httpx.HTTPError as exc:
        raise IngestError(url, f"cannot be fetched ({type(exc).__name__}: {exc})") from None


def fetch_page(client: Any, url: str, options: FetchOptions, *, resolver: Resolver,
               max_bytes: int | None = None, responses: list[Response] | None = None) -> Response:
    """GET ``url``, following redirects (each hop checked); every response goes into ``responses``."""
    responses = responses if responses is not None else []
    current = url
    for _hop in range(options.max_redirects + 1):
        resp = _get(client, current, options, resolver, max_bytes or options.max_bytes)
        responses.append(resp)
        if resp.status in (301, 302, 303, 307, 308) and resp.header("location"):
            current = urljoin(current, resp.header("location"))
            continue
        return resp
    raise IngestError(url, f"more than {options.max_redirects} redirects")


def robots_allows(client: Any, url: str, options: FetchOptions, *, resolver: Resolver,
                  responses: list[Response], cache: dict[str, urllib.robotparser.RobotFileParser]) -> bool:
    parts = urlsplit(url)
    origin = f"{parts.scheme}://{parts.netloc}"
    parser = cache.get(origin)
    if parser is None:
        parser = urllib.robotparser.RobotFileParser()
        try:
            resp = fetch_page(client, origin + "/robots.txt", options, resolver=resolver,
                              max_bytes=ROBOTS_MAX_BYTES, responses=responses)
        except IngestError as exc:
            if "refused" in exc.problem:
                raise
            resp = None
        if resp is None or 400 <= resp.status < 500 and resp.status not in (401, 403):
            # no robots.txt (or unreachable): everything is allowed. (CPython's RobotFileParser has
            # these two flags; typeshed does not declare them.)
            parser.allow_all = True  # type: ignore[attr-defined]
        elif resp.status in (401, 403) or resp.status >= 500:
            parser.disallow_all = True  # type: ignore[attr-defined]
        else:
            parser.parse(resp.body.decode("utf-8", "replace").splitlines())
        cache[origin] = parser
    return parser.can_fetch(ROBOTS_AGENT, url)


def fetch_url(client: Any, url: str, options: FetchOptions, *, resolver: Resolver,
              robots_cache: dict[str, urllib.robotparser.RobotFileParser] | None = None,
              result: FetchResult | None = None) -> FetchResult:
    """Fetch one article page (robots.txt first); raise IngestError naming the URL and the problem.

    Every response received goes into ``result.responses`` (also when an error is raised after it).
    """
    url = clean_url(url)
    if result is None:
        result = FetchResult(url=url)
    result.url = url
    parts = urlsplit(url)
    checked_addresses(url, parts.hostname or "", parts.port or (443 if parts.scheme == "https" else 80),
                      allow_private=options.allow_private, resolver=resolver)  # before robots.txt
    cache = robots_cache if robots_cache is not None else {}
    if options.robots and not robots_allows(client, url, options, resolver=resolver,
                                            responses=result.responses, cache=cache):
        raise IngestError(url, "robots.txt of the site does not allow fetching this page")
    page = fetch_page(client, url, options, resolver=resolver, responses=result.responses)
    if not 200 <= page.status < 300:
        raise IngestError(url, f"HTTP {page.status} {page.reason}".rstrip())
    ctype = page.header("content-type").split(";")[0].strip().lower()
    if ctype not in HTML_TYPES:
        raise IngestError(url, f"not an HTML page (content type {ctype or 'missing'})")
    return result


# ----------------------------------------------------------------------------- archive

# Headers that describe the transfer, not the payload as stored (httpx has already decoded it).
_TRANSFER_HEADERS = {"content-encoding", "transfer-encoding", "content-length"}


def write_warc(path: Path, responses: Iterable[Response]) -> None:
    """Write the responses as WARC ``response`` records (gzip per record), atomically."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".part")
    with tmp.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for resp in responses:
            headers = [(k, v) for k, v in resp.headers if k.lower() not in _TRANSFER_HEADERS]
            headers.append(("Content-Length", str(len(resp.body))))
            http = StatusAndHeaders(f"{resp.status} {resp.reason}".strip(), headers, protocol="HTTP/1.1")
            record = writer.create_warc_record(
                resp.url, "response", payload=BytesIO(resp.body), http_headers=http,
                warc_headers_dict={"WARC-Date": resp.fetched_at.strftime("%Y-%m-%dT%H:%M:%SZ")})
            writer.write_record(record)
    tmp.replace(path)


def archive_name(url: str, when: datetime) -> str:
    host = (urlsplit(url).hostname or "page").replace(":", "_")
    digest = hashlib.sha256(url.encode("utf-8")).hexdigest()[:12]
    return f"{host}-{digest}-{when.strftime('%Y%m%dT%H%M%SZ')}.warc.gz"


def fetch_to_archive(urls: Iterable[str], archive_dir: Path, options: FetchOptions | None = None, *,
                     resolver: Resolver | None = None, transport: Any = None) -> tuple[list[str], list[str]]:
    """Fetch each URL and archive its responses as ``ARCHIVE/<host>-<hash>-<time>.warc.gz``.

    Returns (paths of the WARC files written, one per page fetched; problems, one line each
    ``URL: problem``). Responses of a page that failed (a 404, a redirect loop) are archived too.
    """
    options = options or FetchOptions()
    resolver = resolver or system_resolver
    paths: list[str] = []
    problems: list[str] = []
    cache: dict[str, urllib.robotparser.RobotFileParser] = {}
    with make_client(options, resolver=resolver, transport=transport) as client:
        for url in urls:
            started = datetime.now(timezone.utc)
            result = FetchResult(url=url)
            failed = None
            try:
                fetch_url(client, url, options, resolver=resolver, robots_cache=cache, result=result)
            except IngestError as exc:
                failed = str(exc)
            if result.responses:
                target = archive_dir / archive_name(result.url, started)
                try:
                    write_warc(target, result.responses)
                except OSError as exc:
                    problems.append(f"{target}: cannot write the archive ({exc.strerror or exc})")
                    continue
                if failed is None:
                    paths.append(str(target))
            if failed is not None:
                problems.append(failed)
    return paths, problems


def archive_dir_for(db_url: str) -> Path:
    """Where fetched pages are archived for a store: beside a SQLite file (``storyline.db`` →
    ``storyline-archive/``), else ``storyline-archive/`` in the current folder."""
    if db_url.startswith("sqlite:///") and ":memory:" not in db_url:
        file = Path(db_url.removeprefix("sqlite:///"))
        return file.with_name(f"{file.stem}-archive")
    return Path("storyline-archive")


def is_url(value: str) -> bool:
    return value.strip().lower().startswith(("http://", "https://"))
