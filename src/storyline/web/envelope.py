"""The one JSON envelope of every successful API answer, and its pagination.

Every ``/api/`` answer that succeeds is ``{"ok": true, "data": …, "meta": {…}}``; errors keep their
own shape (:mod:`storyline.web.errors`, ``{"ok": false, "error", "status", "errors"}``). A list is
answered a page at a time: ``meta`` then holds ``total`` (all matches, not just this page),
``offset``, ``limit``, ``count`` (on this page) and ``next`` (the URL of the next page, or null), plus
``filters`` when the answer was narrowed.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Generic, TypeVar

from pydantic import BaseModel
from starlette.datastructures import URL

__all__ = ["Envelope", "envelope", "next_url", "page_meta", "page_of"]

T = TypeVar("T")


class Envelope(BaseModel, Generic[T]):
    """``{"ok": true, "data": …, "meta": {…}}``; a list's ``meta`` has ``total``, ``offset``,
    ``limit``, ``count``, ``next`` (and ``filters`` when narrowed)."""

    ok: bool = True
    data: T
    meta: dict[str, Any] = {}


def next_url(url: URL, offset: int, limit: int, total: int) -> str | None:
    """The path and query of the next page, or None on the last one."""
    if offset + limit >= total:
        return None
    nxt = url.include_query_params(offset=offset + limit, limit=limit)
    return nxt.path + ("?" + nxt.query if nxt.query else "")


def page_meta(url: URL, offset: int, limit: int, total: int, count: int,
              filters: dict[str, Any] | None = None) -> dict[str, Any]:
    meta: dict[str, Any] = {"total": total, "offset": offset, "limit": limit, "count": count,
                            "next": next_url(url, offset, limit, total)}
    if filters:
        meta["filters"] = filters
    return meta


def envelope(data: Any, meta: dict[str, Any] | None = None) -> dict[str, Any]:
    return {"ok": True, "data": data, "meta": meta or {}}


def page_of(items: Sequence[Any], url: URL, offset: int, limit: int,
            filters: dict[str, Any] | None = None) -> dict[str, Any]:
    """One page of an in-memory list, in the envelope."""
    chunk = list(items[offset:offset + limit])
    return envelope(chunk, page_meta(url, offset, limit, len(items), len(chunk), filters))
