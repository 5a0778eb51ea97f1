"""One error hierarchy for storyline.

StorylineError                 base of everything storyline raises on purpose
├── InputError                 a file or value the user gave cannot be used (one-line message)
│   ├── IngestError            one input file is empty, binary, undecodable, malformed, unknown format
│   └── MetaError              the --meta sidecar is unreadable or has a bad value (e.g. an unparsable date)
├── ModelError                 the spaCy model cannot be loaded (names the models tried)
├── StoreError                 the database cannot be opened or written
└── DatasetError               an evaluation dataset folder is missing or not in the expected layout

Every message is one line, names the file (or URL) it is about, and says what is wrong; the CLI prints
``path: problem`` on stderr and never a traceback for these.
"""

from __future__ import annotations


class StorylineError(Exception):
    """Base class: a problem storyline reports to the user as one line."""


class InputError(StorylineError):
    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


class IngestError(InputError):
    """One input file cannot be read as an article (the rest of the run goes on)."""


class MetaError(InputError):
    """The metadata sidecar (or one of its values) cannot be used."""


class ModelError(StorylineError):
    """No usable spaCy model."""


class StoreError(StorylineError):
    """The database cannot be opened or written."""


class DatasetError(StorylineError):
    """An evaluation dataset folder is missing or malformed."""
