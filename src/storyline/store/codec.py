"""Serialization codec: model dataclasses ⇄ JSON-ready dicts.

``to_dict`` / ``from_dict`` work for any dataclass in :mod:`storyline.model` (and any other plain
dataclass): the decoder reads each field's type with :func:`typing.get_type_hints` and rebuilds
nested dataclasses, ``list[...]``, ``dict[str, ...]`` and ``X | None`` values. ``Any`` and
``Literal`` fields are passed through as they are.

Why hand-written rather than pydantic's ``TypeAdapter`` (which FastAPI brings along): the store must
read analyses written by older and newer versions of the model, so a missing key takes the field's
default and an unknown key is ignored; this module says exactly that, without coupling the stored
format to a validation library's coercion rules. Encoding uses :func:`dataclasses.asdict`.

Decoding is compiled: one closure per type, built on first use and cached (~0.5 ms for a real
article's analysis, against ~7 ms for the straightforward recursive walk, which is kept to name the
offending field when data does not fit).

Limitation: a dataclass stored inside an ``Any`` field (e.g. ``Claim.value``) comes back as a dict,
and a tuple as a list — JSON has no other shape for them.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Callable
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


def from_dict(cls: type[T], data: Any) -> T:
    """Rebuild a dataclass of type ``cls`` from ``data`` (the output of :func:`to_dict`).

    Runs a decoder compiled once per type (fast: loading a stored story decodes every analysis);
    if that fails, the slower path-tracking decoder runs to name the bad field in the error.
    """
    try:
        return typing.cast(T, _decoder(typing.cast(Any, cls))(data))
    except (CodecError, TypeError, KeyError, AttributeError):
        pass
    result = _decode(cls, data, cls.__name__)  # raises CodecError naming the field
    return typing.cast(T, result)


Decoder = Callable[[Any], Any]


def _identity(value: Any) -> Any:
    return value


@cache
def _decoder(tp: Any) -> Decoder:
    """A decoder for values of type ``tp``, built once (same rules as :func:`_decode`, no paths)."""
    if tp is Any or tp is object:
        return _identity
    origin = typing.get_origin(tp)
    if origin is Union or origin is types.UnionType:
        args = typing.get_args(tp)
        non_none = [a for a in args if a is not type(None)]
        optional = len(non_none) < len(args)
        if len(non_none) != 1:  # a real union: rare, leave it to the general decoder
            return lambda v: _decode(tp, v, "")
        inner = _decoder(non_none[0])

        def dec_optional(v: Any) -> Any:
            if v is None:
                if optional:
                    return None
                raise CodecError("null")
            return inner(v)
        return dec_optional
    if origin is typing.Literal:
        return _identity
    if origin in (list, tuple, set, frozenset):
        args = typing.get_args(tp)
        item = _decoder(args[0] if args else Any)
        make = list if origin is list else origin

        def dec_list(v: Any) -> Any:
            if not isinstance(v, (list, tuple)):
                raise CodecError("list expected")
            items = [item(x) for x in v]
            return items if make is list else make(items)
        return dec_list
    if origin is dict:
        args = typing.get_args(tp)
        val = _decoder(args[1] if len(args) == 2 else Any)

        def dec_dict(v: Any) -> Any:
            if not isinstance(v, dict):
                raise CodecError("object expected")
            return {k: val(x) for k, x in v.items()}
        return dec_dict
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        hints = _hints(tp)
        specs = [(f.name, _decoder(hints[f.name]),
                  f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING)
                 for f in _fields(tp) if f.init]
        cls = tp

        def dec_dataclass(v: Any) -> Any:
            if isinstance(v, cls):
                return v
            if not isinstance(v, dict):
                raise CodecError("object expected")
            kwargs = {}
            for name, dec, required in specs:
                if name in v:
                    kwargs[name] = dec(v[name])
                elif required:
                    raise CodecError(f"missing {name}")
            return cls(**kwargs)
        return dec_dataclass
    if tp is float:
        def dec_float(v: Any) -> Any:
            if isinstance(v, bool) or not isinstance(v, (int, float)):
                raise CodecError("float expected")
            return float(v)
        return dec_float
    if isinstance(tp, type) and tp in (str, int, bool):
        def dec_scalar(v: Any) -> Any:
            if not isinstance(v, tp):
                raise CodecError(f"{tp.__name__} expected")
            return v
        return dec_scalar
    return _identity


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
    if tp is float and isinstance(value, (int, float)) and not isinstance(value, bool):
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
