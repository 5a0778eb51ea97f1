"""Serialization codec: model dataclasses ⇄ JSON-ready dicts.

``to_dict`` / ``from_dict`` work for any dataclass in :mod:`storyline.model` (and any other plain
dataclass): the decoder reads each field's type with :func:`typing.get_type_hints` and rebuilds
nested dataclasses, ``list[...]``, ``dict[str, ...]`` and ``X | None`` values. ``Any`` and
``Literal`` fields are passed through as they are.

Why hand-written rather than pydantic's ``TypeAdapter`` (which FastAPI brings along): the store must
read analyses written by older and newer versions of the model, so a missing key takes the field's
default and an unknown key is ignored; these ~100 lines say exactly that, without coupling the stored
format to a validation library's coercion rules. Encoding uses :func:`dataclasses.asdict`.

Limitation: a dataclass stored inside an ``Any`` field (e.g. ``Claim.value``) comes back as a dict,
and a tuple as a list — JSON has no other shape for them.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from functools import cache
from typing import Any, TypeVar, Union

from storyline.model import ArticleAnalysis, Dossier

T = TypeVar("T")

__all__ = ["analysis_from_dict", "analysis_to_dict", "dossier_from_dict", "dossier_to_model_dict",
           "from_dict", "to_dict", "CodecError"]


class CodecError(ValueError):
    """A stored dict does not fit the dataclass it is decoded into (names the field path)."""


def to_dict(obj: Any) -> Any:
    """Plain JSON-ready form of a model object (dataclasses → dicts, recursively)."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return dataclasses.asdict(obj)
    if isinstance(obj, (list, tuple)):
        return [to_dict(x) for x in obj]
    if isinstance(obj, dict):
        return {k: to_dict(v) for k, v in obj.items()}
    return obj


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


@cache
def _fields(cls: type) -> tuple[dataclasses.Field[Any], ...]:
    return dataclasses.fields(cls)


def from_dict(cls: type[T], data: Any, *, _path: str = "") -> T:
    """Rebuild a dataclass of type ``cls`` from ``data`` (the output of :func:`to_dict`)."""
    return typing.cast(T, _decode(cls, data, _path or cls.__name__))


def _decode(tp: Any, value: Any, path: str) -> Any:
    if tp is Any or tp is object:
        return value
    origin = typing.get_origin(tp)
    if origin is Union or origin is types.UnionType:
        args = typing.get_args(tp)
        if value is None:
            if type(None) in args:
                return None
            raise CodecError(f"{path}: null where {tp} is expected")
        non_none = [a for a in args if a is not type(None)]
        if len(non_none) == 1:
            return _decode(non_none[0], value, path)
        for arg in non_none:  # a real union: first member that accepts the value
            try:
                return _decode(arg, value, path)
            except (CodecError, TypeError):
                continue
        raise CodecError(f"{path}: {value!r} fits none of {tp}")
    if origin is typing.Literal:
        return value
    if origin in (list, tuple, set, frozenset):
        if not isinstance(value, (list, tuple)):
            raise CodecError(f"{path}: expected a list, got {type(value).__name__}")
        args = typing.get_args(tp)
        item_tp = args[0] if args else Any
        items = [_decode(item_tp, v, f"{path}[{i}]") for i, v in enumerate(value)]
        return items if origin is list else origin(items)
    if origin is dict:
        if not isinstance(value, dict):
            raise CodecError(f"{path}: expected an object, got {type(value).__name__}")
        args = typing.get_args(tp)
        val_tp = args[1] if len(args) == 2 else Any
        return {k: _decode(val_tp, v, f"{path}.{k}") for k, v in value.items()}
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        if isinstance(value, tp):
            return value
        if not isinstance(value, dict):
            raise CodecError(f"{path}: expected an object for {tp.__name__}, "
                             f"got {type(value).__name__}")
        hints = _hints(tp)
        kwargs = {}
        for f in _fields(tp):
            if not f.init:
                continue
            if f.name in value:
                kwargs[f.name] = _decode(hints[f.name], value[f.name], f"{path}.{f.name}")
            elif f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
                raise CodecError(f"{path}: missing required field {f.name!r}")
        return tp(**kwargs)
    if tp is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if isinstance(tp, type) and tp in (str, int, float, bool) and not isinstance(value, tp):
        raise CodecError(f"{path}: expected {tp.__name__}, got {type(value).__name__}")
    return value


def analysis_to_dict(a: ArticleAnalysis) -> dict[str, Any]:
    """JSON-ready dict of one article's analysis (the article included)."""
    return typing.cast(dict[str, Any], to_dict(a))


def analysis_from_dict(d: dict[str, Any]) -> ArticleAnalysis:
    """Inverse of :func:`analysis_to_dict`; raises :class:`CodecError` naming the bad field."""
    return from_dict(ArticleAnalysis, d)


def dossier_to_model_dict(d: Dossier) -> dict[str, Any]:
    """The model form of a Dossier (not the public JSON of ``render.json``; that one is a view)."""
    return typing.cast(dict[str, Any], to_dict(d))


def dossier_from_dict(d: dict[str, Any]) -> Dossier:
    return from_dict(Dossier, d)
