"""Articles by URL: a local HTTP server on 127.0.0.1 (with allow_private), and the address checks.

No test touches the network: the server runs in a thread on the loopback interface, DNS answers
are replaced by a resolver function, and redirect checks run against httpx's MockTransport.
"""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest

from storyline.errors import IngestError
from storyline.ingest import iter_articles
from storyline.ingest.fetch import FetchOptions, fetch_to_archive, fetch_url, is_public_address, make_client
from storyline.model import Article

from .conftest import HTML_PAGE

BIG = b"<html><body>" + b"<p>filler text</p>" * 40_000 + b"</body></html>"


class Handler(BaseHTTPRequestHandler):
    routes: dict[str, tuple[int, str, bytes, dict[str, str]]] = {}
    seen_agents: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        self.seen_agents.append(self.headers.get("User-Agent", ""))
        status, ctype, body, extra = self.routes.get(self.path, (404, "text/plain", b"not found", {}))
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in extra.items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture()
def server():
    Handler.routes = {
        "/robots.txt": (200, "text/plain", b"User-agent: *\nDisallow: /private/\n", {}),
        "/news/transit.html": (200, "text/html; charset=utf-8", HTML_PAGE.encode(), {}),
        "/old-link": (301, "text/html", b"<a href='/news/transit.html'>moved</a>",
                      {"Location": "/news/transit.html"}),
        "/private/memo.html": (200, "text/html", HTML_PAGE.encode(), {}),
        "/data.json": (200, "application/json", b"{}", {}),
        "/big.html": (200, "text/html", BIG, {}),
        "/loop": (302, "text/html", b"", {"Location": "/loop"}),
    }
    Handler.seen_agents = []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


LOCAL = FetchOptions(allow_private=True, timeout=5)


def read_archive(paths: list[str]) -> list[Article]:
    items = list(iter_articles(paths))
    assert not [i for i in items if isinstance(i, IngestError)]
    return [i for i in items if isinstance(i, Article)]


def test_url_fetched_archived_and_read_offline(server, tmp_path):
    paths, problems = fetch_to_archive([f"{server}/news/transit.html"], tmp_path, LOCAL)
    assert problems == []
    [warc] = paths
    assert Path(warc).parent == tmp_path and warc.endswith(".warc.gz")
    [article] = read_archive(paths)  # offline: from the archive alone
    assert article.title == "City council approves transit budget"
    assert article.byline == ["Jane Doe", "Carlos Vega"]
    assert article.published.date == "2024-03-14"
    assert Handler.seen_agents and all(a.startswith("storyline/") for a in Handler.seen_agents)


def test_redirect_followed_and_every_response_archived(server, tmp_path):
    from warcio.archiveiterator import ArchiveIterator

    paths, problems = fetch_to_archive([f"{server}/old-link"], tmp_path, LOCAL)
    assert problems == []
    with open(paths[0], "rb") as stream:
        statuses = [r.http_headers.get_statuscode() for r in ArchiveIterator(stream)
                    if r.rec_type == "response"]
    assert statuses == ["200", "301", "200"]  # robots.txt, the redirect, the page
    assert len(read_archive(paths)) == 1  # the redirect is archived but is not an article


@pytest.mark.parametrize("path, problem", [
    ("/private/memo.html", "robots.txt"),
    ("/data.json", "not an HTML page"),
    ("/big.html", "larger than"),
    ("/loop", "redirects"),
    ("/missing.html", "HTTP 404"),
])
def test_refusals_are_one_line_each(server, tmp_path, path, problem):
    options = FetchOptions(allow_private=True, timeout=5, max_bytes=100_000, max_redirects=3)
    paths, problems = fetch_to_archive([f"{server}{path}"], tmp_path, options)
    assert paths == []
    [line] = problems
    assert problem in line and "\n" not in line and line.startswith(server)


def test_loopback_refused_without_allow_private(server, tmp_path):
    paths, problems = fetch_to_archive([f"{server}/news/transit.html"], tmp_path, FetchOptions())
    assert paths == [] and "refused" in problems[0] and "--allow-private" in problems[0]
    assert Handler.seen_agents == []  # nothing was sent


@pytest.mark.parametrize("address, public", [
    ("127.0.0.1", False), ("10.1.2.3", False), ("172.16.0.9", False), ("192.168.1.20", False),
    ("169.254.169.254", False), ("100.64.0.1", False), ("0.0.0.0", False), ("224.0.0.1", False),
    ("::1", False), ("fe80::1%eth0", False), ("fc00::5", False), ("::ffff:10.0.0.1", False),
    ("::ffff:127.0.0.1", False), ("2002:0a00:0001::1", False),
    ("93.184.215.14", True), ("2606:4700:4700::1111", True),
])
def test_address_classes(address, public):
    assert is_public_address(address) is public


def mock_client(options: FetchOptions, routes: dict[str, httpx.Response], resolver):
    def handle(request: httpx.Request) -> httpx.Response:
        return routes.get(str(request.url), httpx.Response(404))

    return make_client(options, resolver=resolver, transport=httpx.MockTransport(handle))


def public_dns(host: str, port: int) -> list[str]:
    return {"news.example": ["93.184.215.14"], "cdn.example": ["2606:4700:4700::1111"],
            "intranet.example": ["10.0.0.7"], "mixed.example": ["93.184.215.14", "192.168.0.3"],
            "v6local.example": ["fd12:3456::1"]}.get(host) or ["127.0.0.1" if host == "localhost" else host]


@pytest.mark.parametrize("url", ["http://intranet.example/a.html", "http://mixed.example/a.html",
                                 "http://v6local.example/a.html", "http://[::1]/a.html",
                                 "http://169.254.169.254/latest/meta-data/"])
def test_dns_answers_that_are_not_public_are_refused(url):
    options = FetchOptions(robots=False)
    with mock_client(options, {url: httpx.Response(200, html="<p>x</p>")}, public_dns) as client:
        with pytest.raises(IngestError, match="refused"):
            fetch_url(client, url, options, resolver=public_dns)


def test_redirect_to_a_private_address_is_refused():
    options = FetchOptions(robots=False)
    routes = {"https://news.example/story": httpx.Response(302, headers={"Location": "http://10.0.0.7/admin"}),
              "http://10.0.0.7/admin": httpx.Response(200, html="<p>secret</p>")}
    with mock_client(options, routes, public_dns) as client:
        with pytest.raises(IngestError, match="refused: 10.0.0.7"):
            fetch_url(client, "https://news.example/story", options, resolver=public_dns)


def test_redirect_to_a_name_that_resolves_to_a_private_address_is_refused():
    options = FetchOptions(robots=False)
    routes = {"https://cdn.example/story": httpx.Response(301, headers={"Location": "http://intranet.example/"})}
    with mock_client(options, routes, public_dns) as client:
        with pytest.raises(IngestError, match="intranet.example resolves to a private"):
            fetch_url(client, "https://cdn.example/story", options, resolver=public_dns)


def test_connection_itself_is_pinned_to_checked_addresses(server):
    # The name passes no check of ours before the request (the resolver is swapped after the
    # first call, as a rebinding DNS server would): the guarded connection refuses it.
    host_port = server.removeprefix("http://")
    port = int(host_port.split(":")[1])
    calls: list[str] = []

    def rebinding(host: str, p: int) -> list[str]:
        calls.append(host)
        return ["93.184.215.14"] if len(calls) == 1 else ["127.0.0.1"]

    options = FetchOptions(robots=False, timeout=5)
    with make_client(options, resolver=rebinding) as client:
        with pytest.raises(IngestError, match="refused|cannot be fetched"):
            fetch_url(client, f"http://rebind.example:{port}/news/transit.html", options, resolver=rebinding)
    assert Handler.seen_agents == []


def test_not_a_web_url():
    with pytest.raises(IngestError, match="not an http"):
        fetch_url(None, "file:///etc/passwd", FetchOptions(), resolver=public_dns)
