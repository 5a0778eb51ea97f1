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
import stat
import unicodedata
from pathlib import Path

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
# Characters that start the cp1252/latin-1 reading of a UTF-8 multi-byte sequence ("Ã©", "â€™").
_MOJIBAKE_HINT = re.compile("[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192"
                            "\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a"
                            "\u20ac\u2122]")


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
            raise IngestError(path, "undecodable bytes (UTF-16 byte-order mark, invalid UTF-16)") from None
    if b"\x00" in data[:SNIFF_BYTES]:
        text = _utf16_without_bom(data)
        if text is None:
            raise IngestError(path, "binary file (contains NUL bytes), not text")
        if _control_share(text) > MAX_CONTROL_SHARE:
            raise IngestError(path, "binary file (mostly control characters), not text")
        return text
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        text = _mixed_utf8(data) or _detect(data, path, exc)
    if _control_share(text) > MAX_CONTROL_SHARE:
        raise IngestError(path, "binary file (mostly control characters), not text")
    return text


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text saved without a byte-order mark: text in Latin script has a NUL byte in (nearly)
    every other position, at odd offsets for little-endian and even ones for big-endian."""
    sample = data[:SNIFF_BYTES]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    share_even, share_odd = even.count(0) / len(even), odd.count(0) / len(odd)
    if share_odd > 0.3 and share_even < 0.05:
        encoding = "utf-16-le"
    elif share_even > 0.3 and share_odd < 0.05:
        encoding = "utf-16-be"
    else:
        return None
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


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
    text = repair_mojibake(text)
    text = unicodedata.normalize("NFC", text)
    text = _CONTROL.sub("", text)
    text = _TRAILING_SPACE.sub("", text)
    text = _MANY_BLANK_LINES.sub("\n\n", text)
    return text.strip()


def repair_mojibake(text: str) -> str:
    """UTF-8 read as cp1252/latin-1 somewhere upstream ("cafÃ©" for "café"), repaired by ftfy's
    ``fix_encoding`` (only the encoding repair: quotes, dashes and ligatures are left as written)."""
    if not _MOJIBAKE_HINT.search(text):  # ftfy is thorough but not free: only when it can matter
        return text
    import ftfy

    return str(ftfy.fix_encoding(text))


def content_id(text: str) -> str:
    """The article id: first 16 hex characters of the SHA-256 of the cleaned text (same text → same id)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def not_regular(file: Path) -> str | None:
    """Why ``file`` is not read (a FIFO, socket or device: opening one may block forever), or None."""
    try:
        mode = file.stat().st_mode
    except OSError as exc:
        return f"cannot be read ({exc.strerror or exc})"
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "is a folder, not a file"
    kind = ("a named pipe (FIFO)" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode)
            else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "not a regular file")
    return f"is {kind}, not a regular file"


# Scripts written without spaces between words: one word counted per two characters.
_NO_SPACE_SCRIPTS = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af"
                               r"\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff]")
_WORD = re.compile(r"[^\W_]+")


def word_count(text: str) -> int:
    """Words in ``text``: runs of letters/digits, plus one per two characters of a script written
    without spaces (Chinese, Japanese, Thai, Lao, Khmer, Myanmar; Korean syllables likewise)."""
    dense = len(_NO_SPACE_SCRIPTS.findall(text))
    return len(_WORD.findall(_NO_SPACE_SCRIPTS.sub(" ", text))) + dense // 2


def too_short(text: str, min_words: int) -> str | None:
    """Why ``text`` is not an article when it has fewer than ``min_words`` words
    (``IngestOptions.min_article_words``: a floor against debris, a three-word brief still passes)."""
    n = word_count(text)
    if n < min_words:
        return f"too short to be an article ({n} word{'s' if n != 1 else ''}; at least {min_words})"
    return None
