"""argmap: formal argument mapping for essays that argue for courses of action.

Encode an essay as a bipolar argument graph (claims, evidence and recommendations joined by
support and attack), check it, compare several essays, and render them.

The names below are loaded on first use, so that ``import argmap`` (and the command line)
start fast; ``docs/architecture.md`` says which module each comes from.

>>> import argmap
>>> m = argmap.map_from_yaml('''
... id: toy
... title: Toy
... nodes:
...   - {id: e1, kind: evidence, text: Exports fell 20%.}
...   - {id: r1, kind: recommendation, text: Lift the controls., actors: [Japan]}
... edges:
...   - support: e1 -> r1
... ''')
>>> [(n.id, str(n.kind)) for n in m.nodes]
[('e1', 'evidence'), ('r1', 'recommendation')]
>>> [sorted(e) for e in argmap.extensions(m)]
[['e1', 'r1']]
"""

from __future__ import annotations

import importlib
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from argmap.analysis.conflicts import Conflict, Resolution, conflicts
    from argmap.analysis.consensus import Consensus, ConsensusItem, consensus
    from argmap.analysis.consistency import Consistency, consistency
    from argmap.analysis.fusion import Fusion, fuse
    from argmap.analysis.merge import MergedCorpus, merge
    from argmap.analysis.reading import Reading, reading, tensions
    from argmap.analysis.status import Tension
    from argmap.bipolar import (
        AttackKind,
        DerivedAttack,
        DerivedGraph,
        attack_graph,
        extensions,
        labelling,
    )
    from argmap.checking import CheckReport, check
    from argmap.errors import ArgmapError, Problem, Severity
    from argmap.explanation import Explanation, explain
    from argmap.formats.yaml import (
        corpus_to_yaml,
        map_from_yaml,
        map_to_yaml,
        read_corpus,
        read_map,
        write_corpus,
        write_map,
    )
    from argmap.framework import AF
    from argmap.graph import corpus_from_networkx, corpus_to_networkx, from_networkx, to_networkx
    from argmap.model import (
        ArgumentMap,
        Corpus,
        Edge,
        EdgeKind,
        Equivalence,
        Locator,
        Node,
        NodeKind,
        NodeRef,
        Relation,
        RelationKind,
    )
    from argmap.options import (
        DEFAULT_SEMANTICS,
        DEFAULT_SUPPORT,
        Acceptance,
        ConsensusRule,
        DiagramFormat,
        FusionOperator,
        Semantics,
        Status,
        Support,
    )
    from argmap.render.diagrams import draw
    from argmap.schema import corpus_schema, map_schema
    from argmap.semantics import (
        Label,
        SolverTimeout,
        count_extensions,
        is_admissible,
        is_complete,
        is_conflict_free,
        is_credulously_accepted,
        is_extension,
        is_skeptically_accepted,
        is_stable,
        iter_extensions,
        labelling_of,
        some_extension,
    )

__version__ = "0.1.0"

_SOURCES: dict[str, tuple[str, ...]] = {
    "argmap.errors": ("ArgmapError", "Problem", "Severity"),
    "argmap.options": (
        "DEFAULT_SEMANTICS",
        "DEFAULT_SUPPORT",
        "Acceptance",
        "ConsensusRule",
        "DiagramFormat",
        "FusionOperator",
        "Semantics",
        "Status",
        "Support",
    ),
    "argmap.model": (
        "ArgumentMap",
        "Corpus",
        "Edge",
        "EdgeKind",
        "Equivalence",
        "Locator",
        "Node",
        "NodeKind",
        "NodeRef",
        "Relation",
        "RelationKind",
    ),
    "argmap.formats.yaml": (
        "corpus_to_yaml",
        "map_from_yaml",
        "map_to_yaml",
        "read_corpus",
        "read_map",
        "write_corpus",
        "write_map",
    ),
    "argmap.graph": ("corpus_from_networkx", "corpus_to_networkx", "from_networkx", "to_networkx"),
    "argmap.schema": ("corpus_schema", "map_schema"),
    "argmap.checking": ("CheckReport", "check"),
    "argmap.framework": ("AF",),
    "argmap.semantics": (
        "Label",
        "SolverTimeout",
        "count_extensions",
        "is_admissible",
        "is_complete",
        "is_conflict_free",
        "is_credulously_accepted",
        "is_extension",
        "is_skeptically_accepted",
        "is_stable",
        "iter_extensions",
        "labelling_of",
        "some_extension",
    ),
    "argmap.bipolar": (
        "AttackKind",
        "DerivedAttack",
        "DerivedGraph",
        "attack_graph",
        "extensions",
        "labelling",
    ),
    "argmap.explanation": ("Explanation", "explain"),
    "argmap.analysis.conflicts": ("Conflict", "Resolution", "conflicts"),
    "argmap.analysis.consensus": ("Consensus", "ConsensusItem", "consensus"),
    "argmap.analysis.consistency": ("Consistency", "consistency"),
    "argmap.analysis.fusion": ("Fusion", "fuse"),
    "argmap.analysis.merge": ("MergedCorpus", "merge"),
    "argmap.analysis.reading": ("Reading", "reading", "tensions"),
    "argmap.analysis.status": ("Tension",),
    "argmap.render.diagrams": ("draw",),
}
_WHERE = {name: module for module, names in _SOURCES.items() for name in names}

__all__ = [
    "AF",
    "DEFAULT_SEMANTICS",
    "DEFAULT_SUPPORT",
    "Acceptance",
    "ArgmapError",
    "ArgumentMap",
    "AttackKind",
    "CheckReport",
    "Conflict",
    "Consensus",
    "ConsensusItem",
    "ConsensusRule",
    "Consistency",
    "Corpus",
    "DerivedAttack",
    "DerivedGraph",
    "DiagramFormat",
    "Edge",
    "EdgeKind",
    "Equivalence",
    "Explanation",
    "Fusion",
    "FusionOperator",
    "Label",
    "Locator",
    "MergedCorpus",
    "Node",
    "NodeKind",
    "NodeRef",
    "Problem",
    "Reading",
    "Relation",
    "RelationKind",
    "Resolution",
    "Semantics",
    "Severity",
    "SolverTimeout",
    "Status",
    "Support",
    "Tension",
    "__version__",
    "attack_graph",
    "check",
    "conflicts",
    "consensus",
    "consistency",
    "corpus_from_networkx",
    "corpus_schema",
    "corpus_to_networkx",
    "corpus_to_yaml",
    "count_extensions",
    "draw",
    "explain",
    "extensions",
    "from_networkx",
    "fuse",
    "is_admissible",
    "is_complete",
    "is_conflict_free",
    "is_credulously_accepted",
    "is_extension",
    "is_skeptically_accepted",
    "is_stable",
    "iter_extensions",
    "labelling",
    "labelling_of",
    "map_from_yaml",
    "map_schema",
    "map_to_yaml",
    "merge",
    "read_corpus",
    "read_map",
    "reading",
    "some_extension",
    "tensions",
    "to_networkx",
    "write_corpus",
    "write_map",
]


def __getattr__(name: str) -> Any:
    """Load a public name from its module on first use (PEP 562)."""
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'argmap' has no attribute '{name}'")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__


if "IPython" in sys.modules:  # maps, corpora and readings show themselves as diagrams
    importlib.import_module("argmap.render.notebook")
