from hypothesis import given
from hypothesis import strategies as st

from storyline.unionfind import UnionFind


def test_smallest_member_represents_its_set():
    uf = UnionFind(range(6))
    uf.union(4, 2)
    uf.union(5, 4)
    uf.union(1, 3)
    assert uf.find(5) == 2 and uf.find(3) == 1 and uf.find(0) == 0
    assert uf.groups() == {0: [0], 1: [1, 3], 2: [2, 4, 5]}


@given(st.lists(st.tuples(st.integers(0, 30), st.integers(0, 30)), max_size=60))
def test_same_partition_as_connected_components(edges):
    uf = UnionFind(range(31))
    adj = {i: set() for i in range(31)}
    for a, b in edges:
        uf.union(a, b)
        adj[a].add(b)
        adj[b].add(a)
    for start in range(31):  # breadth-first component of `start` equals its union-find set
        seen, todo = {start}, [start]
        while todo:
            for nxt in adj[todo.pop()]:
                if nxt not in seen:
                    seen.add(nxt)
                    todo.append(nxt)
        assert {x for x in range(31) if uf.find(x) == uf.find(start)} == seen
        assert uf.find(start) == min(seen)
