"""No module of storyline uses another module's private names (``from storyline.x import _y``,
or ``x._y`` on an imported storyline module): what one module needs from another is public, in
the other's API, or the two share a public module."""

from __future__ import annotations

import ast
from pathlib import Path

import storyline

SRC = Path(storyline.__file__).parent


def _private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def _violations(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out, modules = [], set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            modules |= {a.asname or a.name.split(".")[0] for a in node.names if a.name.startswith("storyline")}
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("storyline"):
            for a in node.names:
                if _private(a.name):
                    out.append(f"line {node.lineno}: from {node.module} import {a.name}")
                else:
                    modules.add(a.asname or a.name)
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) \
                and node.value.id in modules and _private(node.attr):
            out.append(f"line {node.lineno}: {node.value.id}.{node.attr}")
    return out


def test_no_module_imports_another_modules_private_names():
    found = {str(p.relative_to(SRC)): v for p in sorted(SRC.rglob("*.py")) if (v := _violations(p))}
    assert not found, found


def test_the_check_finds_a_private_import(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("from storyline.analyze.entities.roles import _hidden\n"
                   "import storyline.analyze.nlp as nlp\nx = nlp._cache\n", encoding="utf-8")
    assert len(_violations(bad)) == 2
