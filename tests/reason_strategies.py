"""Hypothesis strategies for reason graphs: small maps of linked and convergent reasons.

Kept small (at most seven nodes, six reasons) so the brute-force argument-tree reference
stays fast; every shape the defeasible reading must handle is reachable: linked premises,
several reasons for one node, support cycles (a node concluded only through itself), attack
cycles, self-attacks, and undercuts of reasons.
"""

from __future__ import annotations

from hypothesis import strategies as st

from argmap.bipolar.reasons import Reason, ReasonGraph


@st.composite
def reason_graphs(draw: st.DrawFn, max_nodes: int = 7, max_reasons: int = 6) -> ReasonGraph:
    """A reason graph with nodes ``n0 ...``, reasons ``r0 ...``, attacks and undercuts."""
    n = draw(st.integers(min_value=1, max_value=max_nodes))
    nodes = [f"n{i}" for i in range(n)]
    reasons = []
    if n > 1:
        for j in range(draw(st.integers(min_value=0, max_value=max_reasons))):
            conclusion = draw(st.sampled_from(nodes))
            others = [x for x in nodes if x != conclusion]
            premises = draw(
                st.lists(
                    st.sampled_from(others), min_size=1, max_size=min(3, len(others)), unique=True
                )
            )
            reasons.append(Reason(f"r{j}", tuple(premises), conclusion))
    node = st.sampled_from(nodes)
    attacks = draw(st.lists(st.tuples(node, node), max_size=2 * n, unique=True))
    undercuts = []
    if reasons:
        reason_ids = st.sampled_from([r.id for r in reasons])
        undercuts = draw(st.lists(st.tuples(node, reason_ids), max_size=3, unique=True))
    return ReasonGraph(nodes, reasons, attacks, undercuts)
