"""The README names every command a user can run (kept in step with the CLI, as sqlite-utils'
tests/test_docs.py does for its docs)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from storyline.cli import app, eval_app

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def _names(typer_app) -> list[str]:
    import typer.main

    group = typer.main.get_group(typer_app)
    return sorted(group.commands)


@pytest.mark.parametrize("command", _names(eval_app))
def test_every_eval_command_is_in_the_readme(command):
    assert re.search(rf"storyline eval {re.escape(command)}\b", README), command


@pytest.mark.parametrize("command", [c for c in _names(app) if c != "eval"])
def test_every_command_is_in_the_readme(command):
    assert re.search(rf"storyline {re.escape(command)}\b", README), command
