"""Comparing essays: the merged framework, conflicts, consistency, consensus and merging.

Every analysis starts from a :class:`~argmap.model.Corpus` and reads each essay's map under a
semantics and an interpretation of support; see ``docs/corpus.md`` for the definitions.
"""
