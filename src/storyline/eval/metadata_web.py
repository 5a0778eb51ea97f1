"""Publication date, headline and author of real web pages (``webpages-meta``), beside htmldate.

For every page in ``gold.jsonl`` the Article's metadata as ``storyline analyze page.html`` records
it at ingest (:func:`storyline.ingest.html.read_page`, then :func:`storyline.ingest.build.build_article`
over its text: a "By ..." line or date stamp the text prints fills what the page leaves out) is
compared with the gold, and htmldate's own
``find_date`` runs on the same HTML in the same process, in extensive mode both with its default
settings and with ``original_date=True``. Neither system is given the page's URL (a saved page
carries only what its markup says). Scoring as htmldate's ``tests/comparison.py``: a date is right
only when it is the gold day; no date is a miss. Titles and authors are compared after folding case,
spacing and punctuation; authors as a set of names. The dataset's README declares it a report-only
set: nothing in the reader is fitted to single pages, and the report summarises errors only by kind
and source (counts), never page by page.

    from storyline.eval.metadata_web import evaluate
    print(evaluate(Path("../shared/datasets/webpages-meta")).to_markdown())
"""

from __future__ import annotations

import json
import re
import time
import unicodedata
from datetime import date
from pathlib import Path
from typing import Any

from storyline.errors import DatasetError, IngestError
from storyline.eval import EvalReport


def _root(path: Path) -> Path:
    for cand in (path, path / "webpages-meta"):
        if (cand / "gold.jsonl").is_file() and (cand / "pages").is_dir():
            return cand
    raise DatasetError(f"{path}: no gold.jsonl and pages/ here or in webpages-meta/")


def load_gold(root: Path, limit: int | None = None) -> list[dict[str, Any]]:
    rows = []
    for n, line in enumerate((root / "gold.jsonl").read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            rows.append(json.loads(line))
        except ValueError as exc:
            raise DatasetError(f"{root / 'gold.jsonl'}:{n}: not JSON ({exc})") from None
    return rows[:limit]


def fold(text: str | None) -> str:
    """Case, spacing, quotes and punctuation folded away (for title and name comparison)."""
    text = unicodedata.normalize("NFKC", text or "").casefold()
    return re.sub(r"[\W_]+", "", text)


def same_authors(gold: str, found: list[str]) -> bool:
    want = {fold(a) for a in gold.split(";") if fold(a)}
    return bool(want) and want == {fold(a) for a in found if fold(a)}


def same_names_joined_apart(gold: str, found: list[str]) -> bool:
    """The author comparison with one unfairness taken out, for a diagnostic line only (the score
    is :func:`same_authors`): the gold keeps some credits of several people as one name ("A and
    B", "A, B"), others as a list; here both sides are split at ";", ",", "and" and "&" first."""
    def names(values: list[str]) -> set[str]:
        return {fold(p) for v in values for p in re.split(r"\s*(?:;|,|&|\band\b)\s*", v) if fold(p)}

    want = names(gold.split(";"))
    return bool(want) and want == names(found)


def author_error(gold: str, found: list[str]) -> str:
    """The kind of an author mismatch, for an aggregate summary (never the names themselves)."""
    want = {fold(a) for a in gold.split(";") if fold(a)}
    got = {fold(a) for a in found if fold(a)}
    if want == got:
        return "right"
    if not got:
        return "found none"
    if got < want:
        return "some names missing"
    if got > want:
        return "extra names"
    if want & got:
        return "some right, some wrong"
    joined_w = "".join(sorted(want))
    if any(w in g for w in want for g in got):
        return "name with extra words"
    if any(g in w for w in want for g in got):
        return "name cut short"
    if len(got) != len(want) and (joined_w in "".join(got) or all(g in joined_w for g in got)):
        return "names split differently"
    return "other names"


def date_error(gold: str, found: str | None) -> str:
    """The kind of a date mismatch, for an aggregate summary."""
    if found == gold:
        return "right"
    if not found:
        return "found none"
    gap = (date.fromisoformat(found) - date.fromisoformat(gold)).days
    if abs(gap) == 1:
        return "a day off"
    if gap > 0:
        return "later (an update or a copy?)" if gap <= 366 else "over a year later"
    return "earlier" if gap >= -366 else "over a year earlier"


def title_error(gold: str, found: str | None) -> str:
    """The kind of a title mismatch, for an aggregate summary."""
    want, got = fold(gold), fold(found)
    if want == got:
        return "right"
    if not got:
        return "found none"
    if want in got:
        return "extra text (site name, section, date)"
    if got in want:
        return "cut short"
    return "other title"


def _clean(value: str | None) -> str | None:
    from storyline.ingest.textio import normalize

    return " ".join(normalize(value).split()) or None if value else None


def _htmldate(html: str, **kw: Any) -> str | None:
    from htmldate import find_date

    try:
        return find_date(html, **kw) or None
    except Exception:  # htmldate raises parser errors on some pages; it found nothing then
        return None


def _trafilatura_meta(html: str) -> tuple[str | None, str | None, list[str]]:
    """Date, title and authors as trafilatura's ``bare_extraction`` gives them with htmldate's fast
    search and ``original_date`` (how the HTML reader worked before it read the page's own
    declarations first)."""
    import trafilatura

    from storyline.ingest.dates import as_iso_date

    try:
        doc = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, include_tables=True,
            date_extraction_params={"extensive_search": False, "original_date": True})
    except Exception:  # broken markup: nothing found
        return None, None, []
    if doc is None or isinstance(doc, dict):  # (a dict only with as_dict=True)
        return None, None, []
    authors = [a.strip() for a in (doc.author or "").split(";") if a.strip()]
    return (as_iso_date(doc.date) if doc.date else None), _clean(doc.title), \
        [a for a in (_clean(x) for x in authors) if a]


def evaluate(path: Path, *, split: str = "all", limit: int | None = None) -> EvalReport:
    """Score the HTML reader and htmldate side by side (``split`` is accepted for the CLI; the set
    has none)."""
    from storyline.ingest.build import build_article, check_against_url, metadata_date
    from storyline.ingest.html import decode_html, read_page
    from storyline.ingest.pagemeta import PageMeta, page_metadata

    root = _root(path)
    gold = load_gold(root, limit)
    if not gold:
        raise DatasetError(f"{root}: gold.jsonl is empty")
    systems = {"storyline": {}, "trafilatura metadata (the reader before issue 15)": {},
               "htmldate extensive": {"extensive_search": True},
               "htmldate extensive, original_date": {"extensive_search": True, "original_date": True}}
    stats = {name: {"right": 0, "found": 0, "time": 0.0} for name in systems}
    title_ok = title_n = author_ok = author_n = author_joined_ok = 0
    base_title_ok = base_author_ok = 0
    author_kinds: dict[str, int] = {}
    title_kinds: dict[str, int] = {}
    date_kinds: dict[str, int] = {}
    by_kind: dict[str, list[int]] = {}
    sources: dict[str, list[int]] = {}
    wrong: list[dict[str, Any]] = []
    for row in gold:
        file = root / "pages" / row["file"]
        try:
            html = decode_html(file.read_bytes(), str(file))
        except (OSError, IngestError) as exc:
            raise DatasetError(f"{file}: cannot be read ({exc})") from None
        t0 = time.perf_counter()
        try:
            fields, paragraphs = read_page(html, path=str(file))
            declared = page_metadata(html)
            # what the Article records: the page's fields, then what its text prints (a "By ..."
            # line, a date stamp), cleaned (NFC, mojibake repaired, spacing) and dated as
            # build_article does (a page date later than the date in its own URL gives way to it)
            try:
                art = build_article("\n\n".join(paragraphs), path=str(file), source_format="html",
                                    fields=fields)
                ours, title, authors = art.published.date, art.title, list(art.byline)
                author_source = fields.byline_source if fields.byline else ("text" if authors else None)
            except IngestError:  # too little text for an Article: the page's fields alone
                ours = check_against_url(metadata_date(fields.published), fields.url).date \
                    if fields.published else None
                title = _clean(fields.title)
                authors = [a for a in (_clean(b) for b in fields.byline) if a]
                author_source = fields.byline_source
        except IngestError:
            ours, title, authors, declared, author_source = None, None, [], PageMeta(), None
        stats["storyline"]["time"] += time.perf_counter() - t0
        got = {"storyline": ours}
        t0 = time.perf_counter()
        base_date, base_title, base_authors = _trafilatura_meta(html)
        stats["trafilatura metadata (the reader before issue 15)"]["time"] += time.perf_counter() - t0
        got["trafilatura metadata (the reader before issue 15)"] = base_date
        for name, kw in systems.items():
            if kw:
                t0 = time.perf_counter()
                got[name] = _htmldate(html, **kw)
                stats[name]["time"] += time.perf_counter() - t0
        for name, value in got.items():
            stats[name]["found"] += value is not None
            stats[name]["right"] += value == row["date"]
        kind_d = f"{date_error(row['date'], ours)} ({declared.date_source or 'trafilatura/htmldate or text'})"
        date_kinds[kind_d] = date_kinds.get(kind_d, 0) + 1
        kind = by_kind.setdefault(row.get("kind", "?"), [0, 0])
        kind[0] += ours == row["date"]
        kind[1] += 1
        if ours != row["date"]:
            wrong.append({"file": row["file"], "gold": row["date"], "storyline": ours,
                          "htmldate": got["htmldate extensive"]})
        if "title" in row:
            title_n += 1
            title_ok += fold(title) == fold(row["title"])
            kind_t = f"{title_error(row['title'], title)} ({declared.title_source or 'trafilatura or text'})"
            title_kinds[kind_t] = title_kinds.get(kind_t, 0) + 1
            base_title_ok += fold(base_title) == fold(row["title"])
        if "author" in row:
            author_n += 1
            author_ok += same_authors(row["author"], authors)
            author_joined_ok += same_names_joined_apart(row["author"], authors)
            kind_a = f"{author_error(row['author'], authors)} ({author_source or 'none'})"
            author_kinds[kind_a] = author_kinds.get(kind_a, 0) + 1
            base_author_ok += same_authors(row["author"], base_authors)
    n = len(gold)
    rows: list[list[Any]] = []
    for name, st in stats.items():
        rows.append([name, st["right"], st["right"] / n, st["found"] / n, st["found"] - st["right"],
                     st["right"] / st["found"] if st["found"] else 0.0, f"{1000 * st['time'] / n:.0f} ms"])
    ours_acc, ref_acc = stats["storyline"]["right"] / n, stats["htmldate extensive"]["right"] / n
    notes = [f"{n} pages; date right = the gold day exactly; coverage = a date returned; time per page "
             "(storyline: the whole HTML reader incl. trafilatura's text extraction)",
             f"titles: storyline = gold on {title_ok}/{title_n} pages with a gold title "
             f"({title_ok / title_n if title_n else 0:.3f})",
             f"authors: storyline = gold author set on {author_ok}/{author_n} pages with a gold author "
             f"({author_ok / author_n if author_n else 0:.3f})",
             f"authors, diagnostic only: {author_joined_ok}/{author_n} if the gold's joining of several "
             "people into one name ('A and B', 'A, B') is not held against a list of names",
             f"trafilatura metadata (the reader before issue 15): titles {base_title_ok}/{title_n}, "
             f"authors {base_author_ok}/{author_n}",
             "date results by kind (source): " + ", ".join(
                 f"{k} {v}" for k, v in sorted(date_kinds.items(), key=lambda kv: -kv[1])),
             "title results by kind (source): " + ", ".join(
                 f"{k} {v}" for k, v in sorted(title_kinds.items(), key=lambda kv: -kv[1])),
             "author results by kind (source): " + ", ".join(
                 f"{k} {v}" for k, v in sorted(author_kinds.items(), key=lambda kv: -kv[1])),
             "storyline date accuracy by kind: " + ", ".join(
                 f"{k} {v[0]}/{v[1]}" for k, v in sorted(by_kind.items())),
             f"storyline date accuracy {ours_acc:.3f} vs htmldate-extensive {ref_acc:.3f}"]
    return EvalReport(
        title="webpages-meta: publication date, title and author of web pages (storyline vs htmldate)",
        columns=["system", "right", "accuracy", "coverage", "wrong", "precision", "time/page"],
        rows=rows, notes=notes,
        details={"title_acc": title_ok / title_n if title_n else None,
                 "author_acc": author_ok / author_n if author_n else None,
                 "date_acc": ours_acc, "htmldate_extensive_acc": ref_acc,
                 "date_sources": sources, "wrong": wrong})
