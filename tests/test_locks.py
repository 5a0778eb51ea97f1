"""The two pinned locks: requirements.lock (what `make demo` installs to run the tool) and
requirements-dev.lock (the test and evaluation tools `make test` adds)."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _pins(name: str) -> dict[str, str]:
    out = {}
    for line in (ROOT / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            m = re.fullmatch(r"([A-Za-z0-9_.\-]+)==(\S+)", line.strip())
            assert m, f"{name}: not pinned: {line!r}"
            out[re.sub(r"[-_.]+", "-", m.group(1)).lower()] = m.group(2)
    return out


def _names(reqs: list[str]) -> set[str]:
    return {re.sub(r"[-_.]+", "-", re.split(r"[<>=!\[ ;]", r, maxsplit=1)[0]).lower() for r in reqs}


def test_runtime_lock_has_every_runtime_dependency_and_no_test_tool():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    runtime, dev = _pins("requirements.lock"), _pins("requirements-dev.lock")
    assert not set(runtime) & set(dev), "a package pinned in both locks"
    extras = project["optional-dependencies"]
    assert _names(project["dependencies"] + extras["model"]) <= set(runtime)
    assert _names(extras["eval"] + extras["dev"]) <= set(runtime) | set(dev)
    for tool in ("pytest", "hypothesis", "playwright", "ruff", "mypy", "textacy", "scorch"):
        assert tool not in runtime, f"{tool} would be installed by make demo"


def test_makefile_installs_the_dev_lock_only_for_tests():
    make = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^demo: \$\(STAMP\)$", make, re.M)
    assert re.search(r"^test: \$\(DEV_STAMP\)$", make, re.M)
    assert "requirements-dev.lock" in make
