"""One union-find (disjoint sets) for every clustering step: within-article entity grouping,
cross-article resolution, quote groups, dedupe and the ECB+ scorer.

Written here rather than taken from scipy (``scipy.cluster.hierarchy.DisjointSet``) because
importing that module costs about half a second, which every CLI run would pay. The representative
of a set is always its smallest member, so results are deterministic and "the earliest item stays
the representative" holds wherever callers rely on it.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import Generic, TypeVar

T = TypeVar("T", bound=Hashable)


class UnionFind(Generic[T]):
    """Disjoint sets over hashable, mutually comparable items (path halving, min representative)."""

    def __init__(self, items: Iterable[T] = ()) -> None:
        self._parent: dict[T, T] = {x: x for x in items}

    def add(self, x: T) -> None:
        self._parent.setdefault(x, x)

    def find(self, x: T) -> T:
        parent = self._parent
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(self, a: T, b: T) -> T:
        """Join the sets of ``a`` and ``b``; returns the representative (the smaller root)."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return ra
        lo, hi = (ra, rb) if ra < rb else (rb, ra)  # type: ignore[operator]
        self._parent[hi] = lo
        return lo

    def groups(self) -> dict[T, list[T]]:
        """Representative → members, members in insertion order."""
        out: dict[T, list[T]] = {}
        for x in self._parent:
            out.setdefault(self.find(x), []).append(x)
        return out
