"""Comparing essays: the merged framework, conflicts, consistency, consensus and merging.

Every analysis starts from a :class:`~argmap.model.Corpus` and reads each essay's map under a
semantics and an interpretation of support (:func:`reading`); each function takes the corpus
and the options, or a reading computed once and shared. See ``docs/corpus.md`` for the
definitions.
"""

from argmap.analysis.conflicts import Conflict, Resolution, conflicts
from argmap.analysis.consensus import Consensus, ConsensusItem, consensus
from argmap.analysis.consistency import Consistency, consistency
from argmap.analysis.fusion import Fusion, fuse
from argmap.analysis.merge import MergedCorpus, merge
from argmap.analysis.reading import Reading, reading, tensions
from argmap.analysis.status import EssayStatus, Tension

__all__ = [
    "Conflict",
    "Consensus",
    "ConsensusItem",
    "Consistency",
    "EssayStatus",
    "Fusion",
    "MergedCorpus",
    "Reading",
    "Resolution",
    "Tension",
    "conflicts",
    "consensus",
    "consistency",
    "fuse",
    "merge",
    "reading",
    "tensions",
]
