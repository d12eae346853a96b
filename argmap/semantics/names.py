"""The names of the semantics and of the labels, as the literature writes them."""

from __future__ import annotations

import enum

from argmap.errors import ArgmapError

__all__ = ["Label", "Semantics", "semantics_named"]


class Semantics(enum.StrEnum):
    """Argumentation semantics; each also answers to its ICCMA abbreviation."""

    CONFLICT_FREE = "conflict-free"
    ADMISSIBLE = "admissible"
    COMPLETE = "complete"
    GROUNDED = "grounded"
    PREFERRED = "preferred"
    STABLE = "stable"
    SEMI_STABLE = "semi-stable"
    STAGE = "stage"
    IDEAL = "ideal"
    EAGER = "eager"

    @property
    def unique(self) -> bool:
        """Whether every framework has exactly one extension under this semantics."""
        return self in (Semantics.GROUNDED, Semantics.IDEAL, Semantics.EAGER)


_ABBREVIATIONS = {
    "CF": Semantics.CONFLICT_FREE,
    "ADM": Semantics.ADMISSIBLE,
    "CO": Semantics.COMPLETE,
    "GR": Semantics.GROUNDED,
    "PR": Semantics.PREFERRED,
    "ST": Semantics.STABLE,
    "SST": Semantics.SEMI_STABLE,
    "STG": Semantics.STAGE,
    "ID": Semantics.IDEAL,
    "EA": Semantics.EAGER,
}


def semantics_named(name: str | Semantics) -> Semantics:
    """The semantics called ``name`` (``"preferred"``, ``"semi-stable"``, ``"PR"``, ...).

    >>> semantics_named("SST"), semantics_named("Preferred")
    (<Semantics.SEMI_STABLE: 'semi-stable'>, <Semantics.PREFERRED: 'preferred'>)

    Raises
    ------
    ArgmapError
        If there is no such semantics.
    """
    if isinstance(name, Semantics):
        return name
    key = name.strip()
    if key.upper() in _ABBREVIATIONS:
        return _ABBREVIATIONS[key.upper()]
    try:
        return Semantics(key.lower().replace("_", "-").replace(" ", "-"))
    except ValueError:
        known = ", ".join(s.value for s in Semantics)
        raise ArgmapError(
            f"unknown semantics '{name}'; known: {known} (or CO, GR, PR, ST, SST, STG, ID, EA)"
        ) from None


class Label(enum.StrEnum):
    """An argument's status in a labelling (Caminada 2006)."""

    IN = "in"
    OUT = "out"
    UNDEC = "undec"
