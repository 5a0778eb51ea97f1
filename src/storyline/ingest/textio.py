"""Bytes → clean text: the one place where input encodings and line endings are dealt with.

Every reader goes through :func:`decode` (bytes → ``str``) and :func:`normalize` (Unicode NFC, ``\\n``
line endings, no trailing spaces, no zero-width or control characters), so offsets computed by later
stages always refer to the same kind of text. Problems are raised as :class:`IngestError` with a
one-line message; the caller (``iter_articles``) turns them into values.
"""

from __future__ import annotations

import codecs
import hashlib
import re
import unicodedata

from storyline.errors import IngestError

# How much of the start of a file is inspected for NUL bytes (binary detection).
SNIFF_BYTES = 8192
# Legacy encodings preferred when charset detection ties: news text in English and Western European
# languages is overwhelmingly cp1252/latin-1, while the detector's tie order is arbitrary
# (cp1250 would turn "Núñez" into "Núńez").
PREFERRED_LEGACY = ("cp1252", "latin_1", "iso8859_15")
# Above this share of control characters the decoded text is not prose: a binary file.
MAX_CONTROL_SHARE = 0.02

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\u200c\u200d\u2060\ufeff]")
_TRAILING_SPACE = re.compile(r"[ \t\u00a0]+$", re.M)
_MANY_BLANK_LINES = re.compile(r"\n{3,}")


def decode(data: bytes, path: str) -> str:
    """Decode the bytes of a text file: UTF-8 (with or without BOM), UTF-16 with BOM, else detected.

    Raises ``IngestError`` for an empty file, a binary file, or bytes no charset explains.
    """
    if not data.strip():
        raise IngestError(path, "empty file")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise IngestError(path, "undecodable bytes (UTF-16 byte-order mark, invalid UTF-16)")
    if b"\x00" in data[:SNIFF_BYTES]:
        raise IngestError(path, "binary file (contains NUL bytes), not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        text = _mixed_utf8(data) or _detect(data, path, exc)
    if _control_share(text) > MAX_CONTROL_SHARE:
        raise IngestError(path, "binary file (mostly control characters), not text")
    return text


def _cp1252_bytes(exc: UnicodeError) -> tuple[str, int]:
    """Decode error handler: the invalid bytes of mostly-UTF-8 text read as cp1252 (latin-1 for the
    five bytes cp1252 leaves undefined)."""
    assert isinstance(exc, UnicodeDecodeError)
    bad = exc.object[exc.start:exc.end]
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in bad), exc.end


codecs.register_error("storyline-cp1252", _cp1252_bytes)


def _mixed_utf8(data: bytes) -> str | None:
    """UTF-8 text with a few stray legacy bytes (pasted from several sources): keep the UTF-8 and
    read only the stray bytes as cp1252 — charset detection would turn the whole text into mojibake.
    None when the bytes hold no more valid multi-byte UTF-8 characters than invalid spots."""
    loose = data.decode("utf-8", errors="replace")
    invalid = loose.count("\ufffd") - data.count("\ufffd".encode())
    valid_multibyte = sum(1 for ch in loose if ord(ch) > 0x7F and ch != "\ufffd")
    if invalid <= 0 or valid_multibyte < invalid:
        return None
    return data.decode("utf-8-sig", errors="storyline-cp1252")


def _detect(data: bytes, path: str, exc: UnicodeDecodeError) -> str:
    """Charset detection (charset-normalizer) for bytes that are not UTF-8."""
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    if not matches:
        raise IngestError(path, f"undecodable bytes: not UTF-8 (invalid byte at offset {exc.start}) "
                                "and no character set explains them")
    best = matches[0]
    for m in matches:  # tie-break towards Western legacy encodings (see PREFERRED_LEGACY)
        tie = (m.percent_chaos == best.percent_chaos and m.percent_coherence == best.percent_coherence)
        if tie and any(enc in PREFERRED_LEGACY for enc in m.could_be_from_charset):
            best = m
            break
    return str(best)


def _control_share(text: str) -> float:
    sample = text[:SNIFF_BYTES]
    if not sample:
        return 0.0
    bad = sum(1 for ch in sample if unicodedata.category(ch) in ("Cc", "Co", "Cs") and ch not in "\n\r\t")
    return bad / len(sample)


def normalize(text: str) -> str:
    """Unicode NFC, ``\\n`` line endings, no control/zero-width characters, no trailing spaces,
    at most one blank line in a row, no leading/trailing blank lines."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = unicodedata.normalize("NFC", text)
    text = _CONTROL.sub("", text)
    text = _TRAILING_SPACE.sub("", text)
    text = _MANY_BLANK_LINES.sub("\n\n", text)
    return text.strip()


def content_id(text: str) -> str:
    """The article id: first 16 hex characters of the SHA-256 of the cleaned text (same text → same id)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
