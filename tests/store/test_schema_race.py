"""Two processes opening a fresh store at once both succeed (issue 12): schema creation takes a lock
(SQLite: BEGIN IMMEDIATE; PostgreSQL: an advisory lock) and tolerates the other winner."""

from __future__ import annotations

import multiprocessing as mp
import os

import pytest


def _open(url: str, barrier, results) -> None:
    from storyline.store import Store

    try:
        barrier.wait(10)
        store = Store(url)
        results.put(("ok", store.schema_version))
        store.close()
    except BaseException as exc:  # noqa: BLE001 - reported to the parent
        results.put(("error", f"{type(exc).__name__}: {exc}"))


def _race(url: str, n: int = 2) -> list[tuple[str, object]]:
    ctx = mp.get_context("fork")
    barrier, results = ctx.Barrier(n), ctx.Queue()
    procs = [ctx.Process(target=_open, args=(url, barrier, results)) for _ in range(n)]
    for p in procs:
        p.start()
    out = [results.get(timeout=60) for _ in procs]
    for p in procs:
        p.join(30)
    return out


@pytest.mark.parametrize("round_", range(4))
def test_two_processes_create_a_fresh_sqlite_store(tmp_path, round_):
    out = _race(f"sqlite:///{tmp_path / 'fresh.db'}", n=2 + round_ % 2)
    assert all(status == "ok" for status, _ in out), out


PG_URL = os.environ.get("STORYLINE_TEST_PG_URL")


@pytest.mark.skipif(not PG_URL, reason="STORYLINE_TEST_PG_URL not set (a PostgreSQL to test against)")
def test_two_processes_create_a_fresh_postgresql_store():
    from sqlalchemy import create_engine

    from storyline.store import tables

    for _ in range(3):
        engine = create_engine(PG_URL)
        tables.metadata.drop_all(engine)
        engine.dispose()
        out = _race(PG_URL, n=3)
        assert all(status == "ok" for status, _ in out), out
