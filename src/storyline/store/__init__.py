"""The store: articles, their analyses, stories and dossiers in a SQL database (SQLAlchemy 2.x Core).

``Store(url)`` opens any SQLAlchemy URL — a SQLite file by default (``sqlite:///storyline.db``; a
bare path is taken as a SQLite file), PostgreSQL by ``postgresql://…`` — creates the tables if they
are missing and checks the ``schema_version`` row. Every write is one transaction: an article and its
analysis are stored together or not at all, so a failure mid-run never leaves a half-written article.
Ids are content hashes, so saving the same article again updates it instead of adding a copy.

SQLite files use the write-ahead log (WAL), so readers (the web app) don't block the writer; set
``STORYLINE_SQLITE_WAL=0`` for a file on a network filesystem, where WAL does not work.

Errors: anything the database refuses becomes :class:`~storyline.errors.StoreError` with one line
naming the URL (password hidden) and the problem.
"""

from __future__ import annotations

import json
import os
import re
import time
import weakref
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Connection,
    Engine,
    Text,
    case,
    cast,
    create_engine,
    delete,
    event,
    func,
    insert,
    inspect,
    or_,
    select,
    update,
)
from sqlalchemy import (
    text as sql_text,
)
from sqlalchemy.engine import make_url
from sqlalchemy.exc import (
    ArgumentError,
    IntegrityError,
    OperationalError,
    ProgrammingError,
    SQLAlchemyError,
)
from sqlalchemy.pool import StaticPool

from storyline import __version__
from storyline.errors import StoreError
from storyline.model import ArticleAnalysis
from storyline.store import tables as t
from storyline.store.codec import CodecError, analysis_from_dict, analysis_to_dict
from storyline.story.cluster import ArticleProfile, article_profile

__all__ = ["Store", "StoreError", "safe_url", "search_terms", "SCHEMA_VERSION"]

SCHEMA_VERSION = t.SCHEMA_VERSION
# Schema migrations: MIGRATIONS[v] upgrades a database at version v to v + 1, inside the opening
# transaction (tables that are new in v + 1 are created afterwards by ``create_all``). Version 1 is
# the first schema, so there are none yet; bump tables.SCHEMA_VERSION and add a step here.
MIGRATIONS: dict[int, Callable[[Connection], None]] = {}
GENERATOR = f"storyline {__version__}"
SEARCH_MAX_TERMS = 8
SCHEMA_ATTEMPTS = 5
SCHEMA_LOCK_KEY = 0x5707_1E  # any constant: the advisory lock id that serializes schema creation
SNIPPET_CHARS = 160
SEARCH_CANDIDATES_PER_HIT = 4


def safe_url(url: str) -> str:
    """The URL with any password replaced by ``***`` (for messages and logs)."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except (ArgumentError, ValueError, TypeError):
        # Not parseable as a URL: still mask "user:secret@" if it looks like one.
        return re.sub(r"(://[^:/@]*:)[^@/]*@", r"\1***@", str(url))


def _normalize_url(url: str) -> str:
    """A bare file path means a SQLite file (``storyline.db`` → ``sqlite:///storyline.db``)."""
    url = str(url).strip()
    if not url:
        raise StoreError("empty database URL; give a SQLAlchemy URL or a SQLite file path")
    return url if "://" in url else f"sqlite:///{url}"


def _one_line(exc: BaseException) -> str:
    """The database's own complaint, on one line, without SQLAlchemy's statement dump."""
    orig = getattr(exc, "orig", None)
    msg = str(orig if orig is not None else exc) or type(exc).__name__
    msg = msg.split("\n(Background on this error")[0].split("\n[SQL:")[0]
    return " ".join(msg.split())


def _now() -> datetime:
    return datetime.now(UTC)


def _iso(value: Any) -> str | None:
    """ISO 8601 in UTC (SQLite hands back naive datetimes; everything is written in UTC)."""
    if not isinstance(value, datetime):
        return None if value is None else str(value)
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return str(value.isoformat(timespec="seconds"))


class Store:
    """A storyline database. Cheap to keep open for a whole run; :meth:`close` when done."""

    def __init__(self, url: str) -> None:
        self.url = _normalize_url(url)
        self.display_url = safe_url(self.url)
        self.engine = self._open_engine()
        _forget_connections_in_forked_children(self.engine)
        try:
            self._prepare_schema()
        except StoreError:
            self.engine.dispose()
            raise
        except SQLAlchemyError as exc:
            self.engine.dispose()
            raise StoreError(f"{self.display_url}: cannot open database: {_one_line(exc)}") from None

    # ------------------------------------------------------------------ opening

    def _open_engine(self) -> Engine:
        try:
            parsed = make_url(self.url)
        except ArgumentError:
            raise StoreError(f"{self.display_url}: not a database URL "
                             "(expected e.g. sqlite:///storyline.db or postgresql://host/db)") from None
        kwargs: dict[str, Any] = {
            "json_serializer": lambda obj: json.dumps(obj, ensure_ascii=False),
        }
        if parsed.get_backend_name() == "sqlite":
            database = parsed.database or ""
            if database in ("", ":memory:") or database.startswith("file::memory:"):
                # One shared connection, so every thread (web handlers) sees the same in-memory DB.
                kwargs.update(poolclass=StaticPool, connect_args={"check_same_thread": False})
            else:
                try:  # like an output file: create the folder (`--db out/storyline.db`)
                    Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
                except OSError as exc:
                    raise StoreError(f"{self.display_url}: cannot create the folder for the "
                                     f"database: {exc.strerror or exc}") from None
        try:
            engine = create_engine(parsed, **kwargs)
        except ArgumentError as exc:  # includes NoSuchModuleError: unknown dialect
            raise StoreError(f"{self.display_url}: unsupported database URL: {_one_line(exc)}") from None
        except ImportError as exc:  # the dialect's driver is not installed (e.g. psycopg)
            driver = exc.name or str(exc)
            raise StoreError(f"{self.display_url}: the database driver {driver!r} is not "
                             "installed; install it into storyline's environment") from None
        if engine.dialect.name == "sqlite":
            event.listen(engine, "connect", _sqlite_pragmas)
        return engine

    def _prepare_schema(self) -> None:
        """Check the stored schema version, migrate an older database, create missing tables.

        One transaction: a failed migration leaves the database as it was. Two processes opening a
        fresh store at once both succeed: the transaction first takes a lock (SQLite: ``BEGIN
        IMMEDIATE``, the database's write lock; PostgreSQL: a transaction-scoped advisory lock), so
        the second one finds the tables the first made; should a database give no such lock, the
        loser's "already exists" is retried after the winner committed.
        """
        for attempt in range(1, SCHEMA_ATTEMPTS + 1):
            try:
                return self._prepare_schema_once()
            except (IntegrityError, OperationalError, ProgrammingError) as exc:
                if attempt == SCHEMA_ATTEMPTS or not _lost_schema_race(exc):
                    raise
                time.sleep(0.05 * attempt)

    def _lock_schema(self, conn: Connection) -> None:
        if conn.dialect.name == "sqlite" and self._sqlite_file():
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        elif conn.dialect.name == "postgresql":
            conn.execute(sql_text("SELECT pg_advisory_xact_lock(:key)"), {"key": SCHEMA_LOCK_KEY})

    def _sqlite_file(self) -> bool:
        database = self.engine.url.database or ""
        return database not in ("", ":memory:") and not database.startswith("file::memory:")

    def _prepare_schema_once(self) -> None:
        with self.engine.begin() as conn:
            self._lock_schema(conn)
            found = None
            if inspect(conn).has_table(t.schema_version.name):
                found = conn.execute(select(t.schema_version.c.version)).scalar()
            if found is not None and found > SCHEMA_VERSION:
                raise StoreError(f"{self.display_url}: database schema version {found} is newer than "
                                 f"this storyline understands ({SCHEMA_VERSION}); upgrade storyline")
            if found is not None and found < SCHEMA_VERSION:
                for version in range(found, SCHEMA_VERSION):
                    step = MIGRATIONS.get(version)
                    if step is None:
                        raise StoreError(f"{self.display_url}: database schema version {found} is "
                                         f"older than {SCHEMA_VERSION} and no migration from "
                                         f"{version} is known")
                    step(conn)
            t.metadata.create_all(conn)
            if found is None:
                conn.execute(insert(t.schema_version).values(
                    id=1, version=SCHEMA_VERSION, updated_at=_now()))
            elif found < SCHEMA_VERSION:
                conn.execute(update(t.schema_version).values(version=SCHEMA_VERSION, updated_at=_now()))

    @property
    def shareable(self) -> bool:
        """Other processes can open this store by its URL (anything but an in-memory SQLite)."""
        return self.engine.dialect.name != "sqlite" or self._sqlite_file()

    def files(self) -> list[str]:
        """The files of a SQLite store (database, journal, WAL, shared memory): never input."""
        if self.engine.dialect.name != "sqlite":
            return []
        database = self.engine.url.database or ""
        if database in ("", ":memory:") or database.startswith("file:"):
            return []
        path = os.path.abspath(os.path.expanduser(database))
        return [path] + [path + suffix for suffix in ("-journal", "-wal", "-shm")]

    @property
    def schema_version(self) -> int:
        with self._reading("read the schema version") as conn:
            return int(conn.execute(select(t.schema_version.c.version)).scalar_one())

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({self.display_url!r})"

    # ------------------------------------------------------------------ transactions

    @contextmanager
    def _writing(self, action: str) -> Iterator[Connection]:
        """One transaction: committed if the block ends, rolled back if anything raises."""
        try:
            with self.engine.begin() as conn:
                yield conn
        except SQLAlchemyError as exc:
            raise StoreError(f"{self.display_url}: cannot {action}: {_one_line(exc)}") from None

    @contextmanager
    def _reading(self, action: str) -> Iterator[Connection]:
        try:
            with self.engine.connect() as conn:
                yield conn
        except SQLAlchemyError as exc:
            raise StoreError(f"{self.display_url}: cannot {action}: {_one_line(exc)}") from None

    # ------------------------------------------------------------------ articles and analyses

    def save_analysis(self, a: ArticleAnalysis, *, model: str | None = None) -> bool:
        """Store one article, its analysis and its story-detection profile in one transaction; True
        if the article is new.

        Saving the same article (same content-hash id) again replaces its metadata and analysis:
        re-running on the same files never duplicates anything.
        """
        row, analysis_row = self._rows(a, model)
        art = a.article
        keys = article_profile(a).keys
        for attempt in (1, 2):
            try:
                with self._writing(f"save article {art.id}") as conn:
                    new = self._upsert_analysis(conn, art.id, row, analysis_row)
                    self._put_profile(conn, art.id, keys, new)
                    return new
            except StoreError as exc:
                # Two writers inserting the same new id at once: the loser retries as an update.
                if attempt == 2 or not isinstance(exc.__context__, IntegrityError):
                    raise
        raise AssertionError("unreachable")

    def save_analyses(self, analyses: Sequence[ArticleAnalysis], *, model: str | None = None) -> int:
        """Many analyses in one transaction (bulk loads: the bench's replicated corpora); how many
        articles were new. A run stores each analysis on its own (:meth:`save_analysis`)."""
        new = 0
        with self._writing(f"save {len(analyses)} articles") as conn:
            for a in analyses:
                row, analysis_row = self._rows(a, model)
                fresh = self._upsert_analysis(conn, a.article.id, row, analysis_row)
                self._put_profile(conn, a.article.id, article_profile(a).keys, fresh)
                new += int(fresh)
        return new

    @staticmethod
    def _rows(a: ArticleAnalysis, model: str | None) -> tuple[dict[str, Any], dict[str, Any]]:
        data = analysis_to_dict(a)
        data["article"].pop("text", None)  # stored once, in articles.text
        art = a.article
        row = {
            "path": art.path, "title": art.title, "outlet": art.outlet, "byline": list(art.byline),
            "dateline": art.dateline, "url": art.url, "published_date": art.published.date,
            "published_earliest": art.published.earliest, "published_latest": art.published.latest,
            "published_basis": art.published.basis, "language": art.language, "text": art.text,
            "duplicate_of": art.duplicate_of, "boilerplate": list(art.boilerplate),
            "source_format": art.source_format,
        }
        analysis_row = {"data": data, "generator": GENERATOR, "model": model, "analyzed_at": _now()}
        return row, analysis_row

    @staticmethod
    def _upsert_analysis(conn: Connection, article_id: str, row: dict[str, Any],
                         analysis_row: dict[str, Any]) -> bool:
        # Select-then-write keeps this portable (no dialect-specific ON CONFLICT).
        exists = conn.execute(select(t.articles.c.id).where(t.articles.c.id == article_id)).first()
        if exists:
            conn.execute(update(t.articles).where(t.articles.c.id == article_id).values(**row))
        else:
            conn.execute(insert(t.articles).values(id=article_id, ingested_at=_now(), **row))
        has_analysis = conn.execute(select(t.analyses.c.article_id)
                                    .where(t.analyses.c.article_id == article_id)).first()
        if has_analysis:
            conn.execute(update(t.analyses).where(t.analyses.c.article_id == article_id)
                         .values(**analysis_row))
        else:
            conn.execute(insert(t.analyses).values(article_id=article_id, **analysis_row))
        return exists is None

    @staticmethod
    def _put_profile(conn: Connection, article_id: str, keys: dict[str, int], new: bool) -> None:
        if not new and conn.execute(select(t.profiles.c.article_id)
                                    .where(t.profiles.c.article_id == article_id)).first():
            conn.execute(update(t.profiles).where(t.profiles.c.article_id == article_id).values(keys=keys))
        else:
            conn.execute(insert(t.profiles).values(article_id=article_id, keys=keys))

    def iter_profiles(self, article_ids: Collection[str], *, batch: int = 500) -> Iterator[ArticleProfile]:
        """The story-detection profiles of these articles (any order), streamed ``batch`` rows at a
        time. An article stored without one (by a storyline before profiles were kept) gets it made
        from its analysis and stored, once."""
        wanted = article_ids if isinstance(article_ids, (set, frozenset, dict)) else set(article_ids)
        a, p = t.articles, t.profiles
        query = (select(a.c.id, a.c.published_date, a.c.published_earliest, a.c.duplicate_of,
                        p.c["keys"].label("profile_keys")).join(p, p.c.article_id == a.c.id))
        seen: set[str] = set()
        with self._reading("read story profiles") as conn:
            for row in conn.execution_options(yield_per=batch).execute(query):
                if row.id in wanted:
                    seen.add(row.id)
                    yield ArticleProfile(row.id, row.published_date or row.published_earliest or "9999-99-99",
                                         row.duplicate_of, dict(row.profile_keys))
        missing = [i for i in wanted if i not in seen]
        for start in range(0, len(missing), batch):
            chunk = self.load_analyses(missing[start:start + batch])
            profiles = [article_profile(x) for x in chunk]
            with self._writing("save story profiles") as conn:
                for prof in profiles:
                    self._put_profile(conn, prof.id, prof.keys, False)
            yield from profiles

    def article_texts(self, article_ids: Collection[str]) -> dict[str, str]:
        """The stored texts of these articles (ids not stored are left out): what the run's
        deduplication reads back instead of holding every text."""
        ids = list(dict.fromkeys(article_ids))
        if not ids:
            return {}
        with self._reading("read article texts") as conn:
            rows = conn.execute(select(t.articles.c.id, t.articles.c.text)
                                .where(t.articles.c.id.in_(ids))).all()
        return {str(i): str(text) for i, text in rows}

    def article_orders(self, article_ids: Collection[str]) -> dict[str, tuple[str, str]]:
        """The order in which a group of copies picks its original (``ingest.dedupe.order_key``)
        of these stored articles: published date (else the earliest; unknown last), then id."""
        ids = list(dict.fromkeys(article_ids))
        if not ids:
            return {}
        a = t.articles
        with self._reading("read article dates") as conn:
            rows = conn.execute(select(a.c.id, a.c.published_date, a.c.published_earliest)
                                .where(a.c.id.in_(ids))).all()
        return {str(i): (str(d or e or "9999-99-99"), str(i)) for i, d, e in rows}

    def set_duplicates(self, originals: Mapping[str, str]) -> None:
        """Mark stored articles as copies: article id → the id of its original (one transaction).
        The column is what :meth:`load_analyses` and :meth:`iter_profiles` give as ``duplicate_of``."""
        if not originals:
            return
        with self._writing("mark copies") as conn:
            for article_id, original in sorted(originals.items()):
                conn.execute(update(t.articles).where(t.articles.c.id == article_id)
                             .values(duplicate_of=original))

    def load_analyses(self, article_ids: Sequence[str]) -> list[ArticleAnalysis]:
        """The stored analyses of these articles, in the order given (ids not stored are skipped)."""
        ids = list(dict.fromkeys(article_ids))
        if not ids:
            return []
        with self._reading("load analyses") as conn:
            rows = conn.execute(
                select(t.analyses.c.article_id, t.analyses.c.data, t.articles.c.text,
                       t.articles.c.duplicate_of)
                .join(t.articles, t.articles.c.id == t.analyses.c.article_id)
                .where(t.analyses.c.article_id.in_(ids))).all()
        by_id: dict[str, ArticleAnalysis] = {}
        for article_id, stored, text, duplicate_of in rows:
            if not isinstance(stored, dict):
                raise StoreError(f"{self.display_url}: stored analysis of {article_id} is not a JSON object")
            data: dict[str, Any] = dict(stored)
            # the run marks copies after the map (set_duplicates): the column is the truth
            data["article"] = {**data["article"], "text": text, "duplicate_of": duplicate_of}
            try:
                by_id[str(article_id)] = analysis_from_dict(data)
            except CodecError as exc:
                raise StoreError(f"{self.display_url}: stored analysis of {article_id} "
                                 f"cannot be read: {exc}") from None
        return [by_id[i] for i in ids if i in by_id]

    def story_memberships(self) -> dict[str, str]:
        """article id → the id of the stored story it belongs to (the most recently updated story
        when several list it)."""
        s, sa = t.stories, t.story_articles
        query = (select(sa.c.article_id, sa.c.story_id).join(s, s.c.id == sa.c.story_id)
                 .order_by(s.c.updated_at, s.c.id))
        with self._reading("read story memberships") as conn:
            return {str(a): str(st) for a, st in conn.execute(query).all()}

    def list_articles(self, story_id: str | None = None, *, offset: int = 0,
                      limit: int | None = None) -> list[dict[str, Any]]:
        """Article metadata (no text), of one story in its order, or all by path then id;
        ``offset``/``limit`` page through a big story."""
        a = t.articles
        cols = [a.c.id, a.c.path, a.c.title, a.c.outlet, a.c.byline, a.c.dateline, a.c.url,
                a.c.published_date, a.c.published_earliest, a.c.published_latest,
                a.c.published_basis, a.c.duplicate_of, a.c.source_format, a.c.ingested_at,
                func.length(a.c.text).label("chars")]
        if story_id is None:
            query = select(*cols).order_by(a.c.path, a.c.id)
        else:
            sa = t.story_articles
            query = (select(*cols).join(sa, sa.c.article_id == a.c.id)
                     .where(sa.c.story_id == story_id).order_by(sa.c.position))
        query = query.offset(offset).limit(limit)
        with self._reading("list articles") as conn:
            rows = conn.execute(query).mappings().all()
        return [_article_info(r) for r in rows]

    def get_article(self, article_id: str) -> dict[str, Any] | None:
        """One article's metadata and text, or None."""
        a = t.articles
        with self._reading("read an article") as conn:
            row = conn.execute(select(a, func.length(a.c.text).label("chars"))
                               .where(a.c.id == article_id)).mappings().first()
        if row is None:
            return None
        info = _article_info(row)
        info["text"] = row["text"]
        info["boilerplate"] = list(row["boilerplate"] or [])
        return info

    # ------------------------------------------------------------------ stories and dossiers

    def save_dossier(self, story_id: str, title: str, article_ids: Sequence[str],
                     dossier_json: dict[str, Any], *, html: str | None = None) -> None:
        """Store (or replace) a story, its article list and its dossier JSON, in one transaction.

        The articles must already be stored (:meth:`save_analysis`). ``html`` is the rendered HTML
        dossier when the caller has it (the web app serves it as is).
        """
        ids = list(dict.fromkeys(article_ids))
        now = _now()
        with self._writing(f"save story {story_id}") as conn:
            found: set[str] = set(conn.execute(select(t.articles.c.id)
                                     .where(t.articles.c.id.in_(ids))).scalars()) if ids else set()
            missing = [i for i in ids if i not in found]
            if missing:
                raise StoreError(f"{self.display_url}: cannot save story {story_id}: article(s) not "
                                 f"in the store: {', '.join(missing[:5])}"
                                 + (" …" if len(missing) > 5 else ""))
            exists = conn.execute(select(t.stories.c.id).where(t.stories.c.id == story_id)).first()
            if exists:
                conn.execute(update(t.stories).where(t.stories.c.id == story_id)
                             .values(title=title or "", updated_at=now))
            else:
                conn.execute(insert(t.stories).values(id=story_id, title=title or "",
                                                      created_at=now, updated_at=now))
            conn.execute(delete(t.story_articles).where(t.story_articles.c.story_id == story_id))
            if ids:
                conn.execute(insert(t.story_articles), [
                    {"story_id": story_id, "article_id": aid, "position": i}
                    for i, aid in enumerate(ids)])
            conn.execute(delete(t.dossiers).where(t.dossiers.c.story_id == story_id))
            conn.execute(insert(t.dossiers).values(story_id=story_id, data=dossier_json, html=html,
                                                   generator=GENERATOR, created_at=now))

    def get_dossier(self, story_id: str) -> dict[str, Any] | None:
        """The stored dossier JSON of a story, or None."""
        with self._reading("read a dossier") as conn:
            return conn.execute(select(t.dossiers.c.data)
                                .where(t.dossiers.c.story_id == story_id)).scalar()

    def get_dossier_text(self, story_id: str) -> str | None:
        """The stored dossier as JSON text, without parsing it (the web app sends it as it is)."""
        with self._reading("read a dossier") as conn:
            value = conn.execute(select(cast(t.dossiers.c.data, Text))
                                 .where(t.dossiers.c.story_id == story_id)).scalar()
        return None if value is None else str(value)

    def get_dossier_html(self, story_id: str) -> str | None:
        """The HTML dossier stored with the story, or None if none was rendered."""
        with self._reading("read a dossier") as conn:
            return conn.execute(select(t.dossiers.c.html)
                                .where(t.dossiers.c.story_id == story_id)).scalar()

    def set_dossier_html(self, story_id: str, html: str) -> None:
        """Keep a rendered HTML dossier beside the JSON (a cache; the JSON stays the record)."""
        with self._writing(f"save the HTML of story {story_id}") as conn:
            conn.execute(update(t.dossiers).where(t.dossiers.c.story_id == story_id)
                         .values(html=html))

    def get_story(self, story_id: str) -> dict[str, Any] | None:
        """A story's id, title, timestamps and article ids (in order), or None."""
        with self._reading("read a story") as conn:
            row = conn.execute(select(t.stories).where(t.stories.c.id == story_id)).mappings().first()
            if row is None:
                return None
            ids: Sequence[str] = conn.execute(select(t.story_articles.c.article_id)
                                              .where(t.story_articles.c.story_id == story_id)
                                              .order_by(t.story_articles.c.position)).scalars().all()
        return {"id": row["id"], "title": row["title"], "created": _iso(row["created_at"]),
                "updated": _iso(row["updated_at"]), "article_ids": list(ids)}

    def list_stories(self) -> list[dict[str, Any]]:
        """Every story, most recently updated first, with its article count."""
        s, sa = t.stories, t.story_articles
        count = (select(func.count()).select_from(sa).where(sa.c.story_id == s.c.id)
                 .scalar_subquery())
        query = select(s.c.id, s.c.title, s.c.created_at, s.c.updated_at,
                       count.label("articles")).order_by(s.c.updated_at.desc(), s.c.id)
        with self._reading("list stories") as conn:
            rows = conn.execute(query).all()
        return [{"id": r.id, "title": r.title, "created": _iso(r.created_at),
                 "updated": _iso(r.updated_at), "articles": int(r.articles)} for r in rows]

    def counts(self) -> dict[str, int]:
        """How many articles, analyses, stories and dossiers are stored (also a liveness check)."""
        with self._reading("count rows") as conn:
            return {name: int(conn.execute(select(func.count()).select_from(table)).scalar_one())
                    for name, table in (("articles", t.articles), ("analyses", t.analyses),
                                        ("stories", t.stories), ("dossiers", t.dossiers))}

    # ------------------------------------------------------------------ search

    def rename_story(self, story_id: str, title: str) -> bool:
        """Give a story a new title (the stored dossier JSON too; its cached HTML is dropped so it
        is rendered again with the new title). False when there is no such story."""
        with self._writing(f"rename story {story_id}") as conn:
            found = conn.execute(update(t.stories).where(t.stories.c.id == story_id)
                                 .values(title=title, updated_at=_now())).rowcount
            if not found:
                return False
            data = conn.execute(select(t.dossiers.c.data)
                                .where(t.dossiers.c.story_id == story_id)).scalar()
            if isinstance(data, dict):
                data = dict(data)
                data["story"] = {**dict(data.get("story") or {}), "title": title}
                conn.execute(update(t.dossiers).where(t.dossiers.c.story_id == story_id)
                             .values(data=data, html=None))
        return True

    def delete_story(self, story_id: str) -> bool:
        """Remove a story, its dossier, and its articles (with their analyses) that no other story
        lists. False when there is no such story."""
        sa = t.story_articles
        with self._writing(f"delete story {story_id}") as conn:
            if conn.execute(select(t.stories.c.id).where(t.stories.c.id == story_id)).first() is None:
                return False
            mine: set[str] = set(conn.execute(select(sa.c.article_id).where(sa.c.story_id == story_id)).scalars())
            shared: set[str] = set(conn.execute(select(sa.c.article_id).where(sa.c.story_id != story_id,
                                                                              sa.c.article_id.in_(mine))
                                                ).scalars()) if mine else set()
            only = sorted(mine - shared)
            conn.execute(delete(t.dossiers).where(t.dossiers.c.story_id == story_id))
            conn.execute(delete(sa).where(sa.c.story_id == story_id))
            conn.execute(delete(t.stories).where(t.stories.c.id == story_id))
            if only:
                conn.execute(delete(t.analyses).where(t.analyses.c.article_id.in_(only)))
                conn.execute(delete(t.articles).where(t.articles.c.id.in_(only)))
        return True

    # ------------------------------------------------------------------ search

    def _search_conditions(self, terms: Sequence[str]) -> tuple[list[Any], list[Any]]:
        a = t.articles
        conds, title_score = [], []
        for term in terms:
            pattern = "%" + re.sub(r"([\\%_])", r"\\\1", term) + "%"
            in_title = a.c.title.ilike(pattern, escape="\\")
            conds.append(or_(in_title, a.c.outlet.ilike(pattern, escape="\\"),
                             a.c.text.ilike(pattern, escape="\\")))
            title_score.append(case((in_title, 1), else_=0))
        return conds, title_score

    def search_count(self, q: str) -> int:
        """How many articles :meth:`search` finds for ``q`` in all (not capped by a page size)."""
        terms = search_terms(q)
        if not terms:
            return 0
        conds, _ = self._search_conditions(terms)
        with self._reading("count search hits") as conn:
            return int(conn.execute(select(func.count()).select_from(t.articles).where(*conds)).scalar_one())

    def search(self, q: str, *, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
        """Articles whose title, outlet or text contain every term of ``q`` (case-insensitive); a
        term is a word or a "quoted phrase" (:func:`search_terms`).

        Plain ``LIKE`` so it runs on any database (SQLite FTS5 / PostgreSQL full text would rank
        better; not needed at this corpus size). Each hit carries a snippet and the offsets of the
        first match in the article text (``text[start:end]`` is the matched words), plus the ids of
        the stories it belongs to. Title matches rank first, then more occurrences; ``offset`` and
        ``limit`` page through that order (:meth:`search_count` gives the total).
        """
        terms = search_terms(q)
        if not terms:
            return []
        a = t.articles
        conds, title_score = self._search_conditions(terms)
        # Rank by title hits in SQL and fetch a bounded candidate set (texts are big); occurrence
        # counts then order the candidates in Python.
        score = sum(title_score[1:], title_score[0]).label("score")
        query = (select(a.c.id, a.c.path, a.c.title, a.c.outlet, a.c.published_date, a.c.text, score)
                 .where(*conds).order_by(score.desc(), a.c.id)
                 .limit(max((offset + limit) * SEARCH_CANDIDATES_PER_HIT, 100)))
        with self._reading("search") as conn:
            rows = conn.execute(query).all()
            ids = [r.id for r in rows]
            memberships: dict[str, list[str]] = {}
            if ids:
                for story_id, article_id in conn.execute(
                        select(t.story_articles.c.story_id, t.story_articles.c.article_id)
                        .where(t.story_articles.c.article_id.in_(ids))
                        .order_by(t.story_articles.c.story_id)):
                    memberships.setdefault(str(article_id), []).append(str(story_id))
        ranked = []
        for r in rows:
            title_hits, hit = _search_hit(r.text, r.title or "", terms)
            hit.update(id=r.id, path=r.path, title=r.title, outlet=r.outlet,
                       published=r.published_date, stories=memberships.get(r.id, []))
            ranked.append((-title_hits, -hit["matches"], r.id, hit))
        ranked.sort(key=lambda x: x[:3])
        return [hit for *_, hit in ranked[offset:offset + limit]]


def search_terms(q: str) -> list[str]:
    """The terms of a search: "quoted phrases" (inner spaces collapsed) and single words, at most
    :data:`SEARCH_MAX_TERMS`. An unclosed quote quotes to the end."""
    terms: list[str] = []
    for phrase, word in re.findall(r'"([^"]*)"?|(\S+)', q):
        term = " ".join(phrase.split()) if phrase or not word else word
        if term:
            terms.append(term)
    return terms[:SEARCH_MAX_TERMS]


def _forget_connections_in_forked_children(engine: Engine) -> None:
    """A forked worker (the local runner's pool) must not use or close the parent's connections.

    SQLAlchemy's advice for ``os.fork``: in the child, drop the pool without closing what it holds
    (``dispose(close=False)``); the child opens its own connections if it ever needs one.
    """
    ref = weakref.ref(engine)

    def after_fork() -> None:
        eng = ref()
        if eng is not None:
            eng.dispose(close=False)

    if hasattr(os, "register_at_fork"):
        os.register_at_fork(after_in_child=after_fork)


def _lost_schema_race(exc: BaseException) -> bool:
    """The error a process gets when another one created the schema between its check and its own
    CREATE/INSERT (or held the lock past the busy timeout)."""
    msg = _one_line(exc).lower()
    return any(s in msg for s in ("already exists", "duplicate key", "unique constraint",
                                  "database is locked"))


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    """Foreign keys on; write-ahead log for file databases.

    WAL lets the web app read while ``storyline analyze`` writes, and a commit costs one fsync
    instead of several (synchronous stays FULL: a committed article survives a power cut).
    """
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    if os.environ.get("STORYLINE_SQLITE_WAL", "1") != "0":
        cur.execute("PRAGMA journal_mode=WAL")
    cur.close()


def _article_info(r: Any) -> dict[str, Any]:
    return {
        "id": r["id"], "path": r["path"], "title": r["title"], "outlet": r["outlet"],
        "byline": list(r["byline"] or []), "dateline": r["dateline"], "url": r["url"],
        "published": {"date": r["published_date"], "earliest": r["published_earliest"],
                      "latest": r["published_latest"], "basis": r["published_basis"]},
        "duplicate_of": r["duplicate_of"], "source_format": r["source_format"],
        "ingested_at": _iso(r["ingested_at"]), "chars": int(r["chars"] or 0),
    }


def _search_hit(text: str, title: str, terms: Sequence[str]) -> tuple[int, dict[str, Any]]:
    """How many terms the title has, and where the terms occur in the text: a snippet around the
    first one, its offsets, the number of occurrences."""
    low, low_title = text.lower(), title.lower()
    firsts = [(low.find(term.lower()), term) for term in terms]
    firsts = [(i, term) for i, term in firsts if i >= 0]
    matches = sum(low.count(term.lower()) for term in terms)
    title_hits = sum(term.lower() in low_title for term in terms)
    hit: dict[str, Any] = {"matches": matches, "start": None, "end": None, "match": None, "snippet": ""}
    if firsts:
        start, term = min(firsts)
        end = start + len(term)
        # str.lower() can change length for a few characters; only report offsets that hold.
        if text[start:end].lower() == term.lower():
            hit.update(start=start, end=end, match=text[start:end])
        lo = max(0, start - SNIPPET_CHARS // 2)
        hi = min(len(text), end + SNIPPET_CHARS // 2)
        hit["snippet"] = (("…" if lo else "") + " ".join(text[lo:hi].split())
                          + ("…" if hi < len(text) else ""))
    else:
        hit["snippet"] = " ".join(text[:SNIPPET_CHARS].split()) + ("…" if len(text) > SNIPPET_CHARS else "")
    return title_hits, hit
