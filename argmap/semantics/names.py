"""The names of the semantics and of the labels, as the literature writes them."""

from __future__ import annotations

import enum

from argmap.options import DEFAULT_SEMANTICS, STATUS_WORDS, Semantics

__all__ = ["DEFAULT_SEMANTICS", "Label", "Semantics"]


class Label(enum.StrEnum):
    """An argument's status in a labelling (Caminada 2006)."""

    IN = "in"
    OUT = "out"
    UNDEC = "undec"

    @property
    def word(self) -> str:
        """How every command says it: ``accepted``, ``rejected`` or ``undecided``.

        >>> Label.UNDEC.word
        'undecided'
        """
        return STATUS_WORDS[self]
