"""``.txt`` / ``.md`` files: one article per file, metadata found in the text itself."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from storyline.errors import IngestError
from storyline.ingest.build import build_article
from storyline.ingest.textio import decode
from storyline.model import Article


def read_plain(path: str, file: Path) -> Iterator[Article | IngestError]:
    """Read one plain-text (or Markdown) article."""
    try:
        text = decode(file.read_bytes(), path)
        markdown = file.name.lower().endswith((".md", ".markdown"))
        yield build_article(text, path=path, source_format="md" if markdown else "txt",
                            markdown=markdown)
    except IngestError as exc:
        yield exc
