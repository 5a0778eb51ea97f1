"""The word lists themselves (storyline.lexicon): lower case, no duplicates, a source for every
category, and every public list used by the code outside the lexicon package."""

from __future__ import annotations

import importlib
import pkgutil
import re
from pathlib import Path

import pytest

import storyline
import storyline.lexicon

SRC = Path(storyline.__file__).parent


def _modules():
    out = []
    for lang in pkgutil.iter_modules(storyline.lexicon.__path__):
        pkg = importlib.import_module(f"storyline.lexicon.{lang.name}")
        for mod in pkgutil.iter_modules(pkg.__path__):
            out.append(importlib.import_module(f"{pkg.__name__}.{mod.name}"))
    return out


def _word_lists(module) -> dict[str, list[tuple[str, ...]]]:
    """Public word lists of a module: a tuple/frozenset of strings, a mapping of category -> such a
    collection, or a mapping of words to values (its keys); notes (``*_SOURCES``) are not word lists."""
    out = {}
    source = Path(module.__file__).read_text(encoding="utf-8")
    for name, value in vars(module).items():
        if name.startswith("_") or not name.isupper():
            continue
        if not re.search(rf"(?m)^{name}\b[^=\n]*=", source):
            continue  # imported from another lexicon module: checked there
        if isinstance(value, (tuple, frozenset, set, list)) and all(isinstance(v, str) for v in value):
            out[name] = [tuple(value)]
        elif isinstance(value, dict) and value and \
                all(isinstance(v, (tuple, frozenset)) and all(isinstance(x, str) for x in v) for v in value.values()):
            out[name] = [tuple(v) for v in value.values()]
        elif isinstance(value, dict) and value and all(isinstance(k, str) for k in value) \
                and not name.endswith("_SOURCES") and name not in CASED_MAPS:
            out[name] = [tuple(value)]  # a map from words to values (a number, a code, a date): its words
    return out


# Maps whose keys are written as they are printed, not lower-cased: time-zone abbreviations.
CASED_MAPS = {"ZONE_OFFSETS"}


MODULES = _modules()
LISTS = [(m.__name__, name, lists) for m in MODULES for name, lists in _word_lists(m).items()]


def test_there_are_lists():
    assert LISTS  # the discovery above must find something, or the tests below test nothing


@pytest.mark.parametrize(("module", "name", "lists"), LISTS, ids=[f"{m}.{n}" for m, n, _ in LISTS])
def test_entries_are_lowercase_trimmed_and_unique(module, name, lists):
    entries = [e for lst in lists for e in lst]
    assert entries, f"{module}.{name} is empty"
    for e in entries:
        assert e == e.lower() == e.strip() and e, f"{module}.{name}: {e!r}"
        assert "  " not in e, f"{module}.{name}: {e!r}"
    dups = sorted({e for e in entries if entries.count(e) > 1})
    assert not dups, f"{module}.{name} lists twice: {dups}"


@pytest.mark.parametrize("module", MODULES, ids=[m.__name__ for m in MODULES])
def test_every_module_names_its_sources(module):
    assert module.__doc__ and re.search(r"(?i)source", module.__doc__)


def test_every_label_category_has_a_source():
    from storyline.lexicon.en.labels import LABEL_SOURCES, LABELS

    assert set(LABELS) == set(LABEL_SOURCES)


@pytest.mark.parametrize(("module", "name", "lists"), LISTS, ids=[f"{m}.{n}" for m, n, _ in LISTS])
def test_every_list_is_used_outside_the_lexicon(module, name, lists):
    users = []
    for path in SRC.rglob("*.py"):
        if "lexicon" in path.relative_to(SRC).parts:
            continue
        code = path.read_text(encoding="utf-8")
        if re.search(rf"\b{re.escape(module)}\b", code) and re.search(rf"\b{name}\b", code):
            users.append(path)
    assert users, f"{module}.{name} is defined but no module imports it"


def test_no_list_is_a_copy_of_another():
    # one definition per concept: two lexicon lists with the same words are one concept written twice
    # (a module that needs another's list imports it, and the discovery checks it where it is defined)
    from itertools import combinations

    words = [(f"{m}.{n}", frozenset(e for lst in lists for e in lst)) for m, n, lists in LISTS]
    same = [(a, b) for (a, wa), (b, wb) in combinations(words, 2) if wa == wb]
    assert not same, same
