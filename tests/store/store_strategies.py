"""Hypothesis strategies for the model dataclasses, built from their type hints (as the codec reads them).

Imported by the store tests (pytest puts this folder on sys.path; the name is unique on purpose).
"""

from __future__ import annotations

import dataclasses
import types
import typing

from hypothesis import strategies as st


def model_strategy(tp: typing.Any) -> st.SearchStrategy[typing.Any]:
    """A hypothesis strategy for a model type, built from its type hints like the codec reads them."""
    json_scalar = st.one_of(st.none(), st.booleans(), st.integers(-10**6, 10**6),
                            st.floats(allow_nan=False, allow_infinity=False), st.text(max_size=8))
    if tp is typing.Any:
        return st.one_of(json_scalar, st.lists(json_scalar, max_size=3))
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin is typing.Literal:
        return st.sampled_from(args)
    if origin in (typing.Union, types.UnionType):
        return st.one_of(*[st.none() if a is type(None) else model_strategy(a) for a in args])
    if origin is list:
        return st.lists(model_strategy(args[0]), max_size=2)
    if origin is dict:
        return st.dictionaries(st.text(max_size=5), model_strategy(args[1]), max_size=2)
    if dataclasses.is_dataclass(tp):
        hints = typing.get_type_hints(tp)
        return st.builds(tp, **{f.name: st.deferred(lambda h=hints[f.name]: model_strategy(h))
                                for f in dataclasses.fields(tp)})
    return {str: st.text(max_size=12), int: st.integers(-10**6, 10**6), bool: st.booleans(),
            float: st.floats(allow_nan=False, allow_infinity=False)}[tp]
