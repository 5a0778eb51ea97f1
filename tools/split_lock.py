"""Split a full ``pip freeze`` into the runtime lock and the test/eval lock.

``requirements.lock``: what the tool needs to run (``make demo``): the project's dependencies and the
``model`` extra, with everything they pull in. ``requirements-dev.lock``: the rest (the ``eval`` and
``dev`` extras: textacy, pytest, hypothesis, playwright, ruff …), installed on top by ``make test``.
The dependency graph is read from the installed packages' metadata (run inside the project's venv).

    python tools/split_lock.py FREEZE_FILE
"""

from __future__ import annotations

import re
import sys
import tomllib
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent


def runtime_names(roots: list[str]) -> set[str]:
    """Canonical names of the roots and everything they require (markers evaluated here)."""
    seen: set[tuple[str, tuple[str, ...]]] = set()
    stack = [Requirement(r) for r in roots]
    while stack:
        req = stack.pop()
        key = (canonicalize_name(req.name), tuple(sorted(req.extras)))
        if key in seen:
            continue
        seen.add(key)
        try:
            requires = metadata.requires(req.name) or []
        except metadata.PackageNotFoundError:
            sys.exit(f"split_lock: {req.name} is not installed in this environment")
        for text in requires:
            dep = Requirement(text)
            extras = [""] + sorted(req.extras)
            if dep.marker and not any(dep.marker.evaluate({"extra": e}) for e in extras):
                continue
            stack.append(dep)
    return {name for name, _ in seen}


def main(freeze_file: str) -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    names = runtime_names(project["dependencies"] + project["optional-dependencies"]["model"])
    runtime, dev = [], []
    for line in Path(freeze_file).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#") or line.lower().startswith("storyline"):
            continue
        name = canonicalize_name(re.split(r"[=<>@ ;]", line, maxsplit=1)[0])
        (runtime if name in names else dev).append(line)
    (ROOT / "requirements.lock").write_text("\n".join(runtime) + "\n", encoding="utf-8")
    (ROOT / "requirements-dev.lock").write_text("\n".join(dev) + "\n", encoding="utf-8")
    print(f"requirements.lock: {len(runtime)} packages; requirements-dev.lock: {len(dev)}")


if __name__ == "__main__":
    main(sys.argv[1])
