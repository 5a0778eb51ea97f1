"""A PostgreSQL server for the runner tests: ``STORYLINE_TEST_PG_URL`` when set, else a throwaway
cluster of Debian's PostgreSQL started in a temporary folder (about 3 s; as root it runs as the
``postgres`` user), else the tests that need one are skipped with the reason."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest


def _pg_bin() -> Path | None:
    found = shutil.which("pg_ctl")
    if found:
        return Path(found).resolve().parent
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"))
    return versions[-1].parent if versions else None


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str]:
    if os.environ.get("STORYLINE_TEST_PG_URL"):
        yield os.environ["STORYLINE_TEST_PG_URL"]
        return
    if importlib.util.find_spec("psycopg") is None:
        pytest.skip("psycopg is not installed (the dev extra has it)")
    bin_dir = _pg_bin()
    if bin_dir is None:
        pytest.skip("no PostgreSQL server binaries (Debian package 'postgresql')")
    as_user: list[str] = []
    if os.geteuid() == 0:  # PostgreSQL refuses to run as root
        if shutil.which("runuser") is None:
            pytest.skip("running as root without runuser: cannot start PostgreSQL")
        as_user = ["runuser", "-u", "postgres", "--"]
    folder = Path(tempfile.mkdtemp(prefix="storyline-pg-"))
    if as_user:
        shutil.chown(folder, "postgres")
    data = folder / "data"

    def run(*args: str) -> None:
        subprocess.run([*as_user, *args], check=True, capture_output=True, timeout=60)

    try:
        run(str(bin_dir / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8")
        run(str(bin_dir / "pg_ctl"), "-D", str(data), "-w", "-l", str(folder / "log"),
            "-o", f"-k {folder} -c listen_addresses='' -F", "start")
    except (subprocess.SubprocessError, OSError) as exc:
        shutil.rmtree(folder, ignore_errors=True)
        pytest.skip(f"could not start a PostgreSQL server: {exc}")
    try:
        run(str(bin_dir / "createdb"), "-h", str(folder), "-U", "postgres", "storyline_test")
        yield f"postgresql+psycopg://postgres@/storyline_test?host={folder}"
    finally:
        subprocess.run([*as_user, str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
                       capture_output=True, timeout=60)
        shutil.rmtree(folder, ignore_errors=True)
