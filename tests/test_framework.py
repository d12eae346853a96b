"""Building frameworks: by names, by indices, and the adjacency both ways."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap.errors import ArgmapError
from argmap.framework import AF

index_pairs = st.integers(1, 12).flatmap(
    lambda n: st.tuples(
        st.just(n), st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)))
    )
)


@given(index_pairs)
def test_indexed_and_named_construction_agree(case: tuple[int, list[tuple[int, int]]]) -> None:
    n, pairs = case
    by_index = AF.from_indexed(n, pairs)
    names = [str(i + 1) for i in range(n)]
    by_name = AF(names, [(names[a], names[b]) for a, b in pairs])
    assert by_index == by_name
    distinct = set(pairs)
    assert by_index.attack_count == len(distinct)
    for i in range(n):
        assert by_index.attackers[i] == tuple(sorted(a for a, b in distinct if b == i))
        assert by_index.targets[i] == tuple(sorted(b for a, b in distinct if a == i))
        assert by_name.attackers[i] == by_index.attackers[i]
    assert set(by_index.attack_pairs()) == distinct
    assert all(by_index.attacks_index(a, b) for a, b in distinct)


def test_names_and_lookups() -> None:
    af = AF.from_indexed(3, [(0, 1), (1, 2), (0, 1)], names=["x", "y", "z"])
    assert af.arguments == ("x", "y", "z")
    assert af.attackers_of("z") == ("y",)
    assert af.targets_of("x") == ("y",)
    assert af.attack_count == 2
    assert af.index == {"x": 0, "y": 1, "z": 2}
    assert AF([], []).attack_count == 0
    assert len(AF.from_indexed(0, [])) == 0


def test_bad_construction_is_a_library_error() -> None:
    with pytest.raises(ArgmapError, match=r"attack \(0, 3\) has an index outside 0..2"):
        AF.from_indexed(3, [(0, 1), (0, 3)])
    with pytest.raises(ArgmapError, match=r"attack \(-1, 0\)"):
        AF.from_indexed(3, [(-1, 0)])
    with pytest.raises(ArgmapError, match="2 names given for 3 arguments"):
        AF.from_indexed(3, [], names=["a", "b"])
    with pytest.raises(ArgmapError, match="argument 'a' is listed twice"):
        AF.from_indexed(3, [], names=["a", "b", "a"])
    with pytest.raises(ArgmapError, match="argument 'b' is listed twice"):
        AF(["a", "b", "c", "b"])
    with pytest.raises(ArgmapError, match="no argument 'q'"):
        AF(["a"]).attackers_of("q")
