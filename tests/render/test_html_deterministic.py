"""The HTML dossier is the same in every process: no attribute or title follows the iteration
order of a set, which changes with Python's string hash seed (runs, Dask workers)."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ("import hashlib; from tests.render.conftest import build_dossier; "
          "from storyline.render.html import render_html; "
          "print(hashlib.sha256(render_html(build_dossier()).encode()).hexdigest())")


def _digest(seed: str) -> str:
    env = {**os.environ, "PYTHONHASHSEED": seed,
           "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(ROOT)])}
    out = subprocess.run([sys.executable, "-c", SCRIPT], env=env, cwd=ROOT, capture_output=True,
                         text=True, timeout=120, check=True)
    return out.stdout.strip()


def test_same_html_whatever_the_hash_seed():
    digests = {_digest(seed) for seed in ("1", "2", "3")}
    assert len(digests) == 1
    assert len(next(iter(digests))) == len(hashlib.sha256().hexdigest())
