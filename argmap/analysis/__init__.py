"""Comparing essays: the merged framework, conflicts, consistency, consensus and merging.

Every analysis starts from a :class:`~argmap.model.Corpus` and reads each essay's map under a
semantics and an interpretation of support (:func:`argmap.analysis.reading.reading`); each function takes the corpus
and the options, or a reading computed once and shared. See ``docs/corpus.md`` for the
definitions.
"""
