"""The Dask runner (run/dask.py) finds the same stories and builds the same dossiers as the local
runner, on a LocalCluster whose workers are threads (fast to start)."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

pytest.importorskip("distributed")


def _corpus():
    path = Path(__file__).resolve().parent.parent / "story" / "corpus_three_events.py"
    spec = importlib.util.spec_from_file_location("corpus_three_events_run", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def corpus_dir(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    _corpus().write(folder)
    return folder


def _dossiers(result):
    from storyline.render.json import dossier_to_dict

    return [dossier_to_dict(d) for d in result.dossiers]


def test_dask_gives_the_same_stories_and_dossiers_as_local(corpus_dir, tmp_path):
    from storyline.run import run_stories
    from storyline.store import Store

    with Store(f"sqlite:///{tmp_path / 'local.db'}") as store:
        local = run_stories([str(corpus_dir)], store=store, workers=1)
    with Store(f"sqlite:///{tmp_path / 'dask.db'}") as store:
        dask = run_stories([str(corpus_dir)], store=store, workers=2, runner="dask", processes=False)
        assert store.counts()["analyses"] == 7  # every analysis streamed into the store
    assert len(local.dossiers) == 3 and not local.problems and not dask.problems
    assert _dossiers(dask) == _dossiers(local)


def test_dask_with_an_in_memory_store_ships_the_analyses(corpus_dir):
    from storyline.run import run_stories

    local = run_stories([str(corpus_dir)], workers=1)
    dask = run_stories([str(corpus_dir)], workers=1, runner="dask", processes=False)
    assert _dossiers(dask) == _dossiers(local)


def _files(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): p.read_text(encoding="utf-8")
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_cli_runner_dask_writes_the_same_folder(corpus_dir, tmp_path, monkeypatch):
    from storyline.cli import app

    monkeypatch.setenv("STORYLINE_DASK_PROCESSES", "0")
    runner = CliRunner()
    for name, extra in (("local", []), ("dask", ["--runner", "dask"])):
        result = runner.invoke(app, ["analyze", str(corpus_dir), "--db", str(tmp_path / f"{name}.db"),
                                     "--out", str(tmp_path / name), "--workers", "1", "-q", *extra])
        assert result.exit_code == 0, result.output
    assert len(json.loads((tmp_path / "dask" / "index.json").read_text(encoding="utf-8"))["stories"]) == 3
    assert _files(tmp_path / "dask") == _files(tmp_path / "local")


def test_runner_dask_without_dask_says_how_to_install(corpus_dir, tmp_path, monkeypatch):
    from storyline.cli import app

    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed → ImportError
    result = CliRunner().invoke(app, ["analyze", str(corpus_dir), "--db", str(tmp_path / "s.db"),
                                      "--runner", "dask", "-q"])
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [
        "storyline: the Dask runner needs dask.distributed: pip install 'dask[distributed]'"]


def test_unknown_runner_is_one_line(tmp_path):
    from storyline.cli import app

    result = CliRunner().invoke(app, ["analyze", "--runner", "spark", "--db", str(tmp_path / "s.db")])
    assert result.exit_code == 2 and "expected local or dask" in result.output


def test_dask_on_a_postgresql_store(corpus_dir, pg_url):
    """The store several machines share: the map's results written by the client, the reduce's
    analyses read by the workers themselves, a second run continuing the stories."""
    from storyline.run import run_stories
    from storyline.store import Store

    local = run_stories([str(corpus_dir)], workers=1)
    with Store(pg_url) as store:
        assert store.shareable
        dask = run_stories([str(corpus_dir)], store=store, workers=2, runner="dask", processes=False)
        assert _dossiers(dask) == _dossiers(local)
        for d in dask.dossiers:
            from storyline.render.json import dossier_to_dict

            store.save_dossier(d.story_id, d.story_title, [a.article.id for a in d.articles], dossier_to_dict(d))
        again = run_stories([str(corpus_dir)], store=store, workers=1, runner="dask", processes=False)
        assert [d.story_id for d in again.dossiers] == [d.story_id for d in dask.dossiers]
        assert all(d.version == 1 for d in again.dossiers)  # nothing new: same version


def test_a_running_scheduler_by_address(corpus_dir, tmp_path):
    """--scheduler ADDRESS: the client joins a cluster it did not start; with a SQLite file (which
    workers on other machines could not open) the client ships each story's analyses."""
    from distributed import LocalCluster

    from storyline.run import run_stories
    from storyline.store import Store

    local = run_stories([str(corpus_dir)], workers=1)
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None) as cluster, \
            Store(f"sqlite:///{tmp_path / 's.db'}") as store:
        dask = run_stories([str(corpus_dir)], store=store, runner="dask", scheduler=cluster.scheduler_address)
    assert _dossiers(dask) == _dossiers(local)


def test_which_stores_the_workers_open_themselves(tmp_path, pg_url):
    from storyline.run.dask import workers_can_open
    from storyline.store import Store

    with Store("sqlite://") as memory, Store(f"sqlite:///{tmp_path / 'f.db'}") as file, Store(pg_url) as pg:
        assert [workers_can_open(s, remote=False) for s in (memory, file, pg)] == [False, True, True]
        assert [workers_can_open(s, remote=True) for s in (memory, file, pg)] == [False, False, True]
