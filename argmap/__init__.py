"""argmap: formal argument mapping for essays that argue for courses of action.

Encode an essay as a bipolar argument graph (claims, evidence and recommendations joined by
support and attack), check it, compare several essays, and render them.

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
"""

from argmap.bipolar import DerivedAttack, DerivedGraph, Support, attack_graph
from argmap.check import CheckReport, check
from argmap.errors import ArgmapError, Problem, Severity
from argmap.explain import Explanation, explain
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
from argmap.schema import corpus_schema, map_schema
from argmap.semantics import (
    Label,
    Semantics,
    SolverTimeout,
    count_extensions,
    extensions,
    is_admissible,
    is_complete,
    is_conflict_free,
    is_credulously_accepted,
    is_extension,
    is_skeptically_accepted,
    is_stable,
    iter_extensions,
    labelling,
    labelling_of,
    some_extension,
)

__version__ = "0.1.0"

__all__ = [
    "AF",
    "ArgmapError",
    "ArgumentMap",
    "CheckReport",
    "Corpus",
    "DerivedAttack",
    "DerivedGraph",
    "Edge",
    "EdgeKind",
    "Equivalence",
    "Explanation",
    "Label",
    "Locator",
    "Node",
    "NodeKind",
    "NodeRef",
    "Problem",
    "Relation",
    "RelationKind",
    "Semantics",
    "Severity",
    "SolverTimeout",
    "Support",
    "__version__",
    "attack_graph",
    "check",
    "corpus_from_networkx",
    "corpus_schema",
    "corpus_to_networkx",
    "corpus_to_yaml",
    "count_extensions",
    "explain",
    "extensions",
    "from_networkx",
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
    "read_corpus",
    "read_map",
    "some_extension",
    "to_networkx",
    "write_corpus",
    "write_map",
]
