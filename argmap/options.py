"""The closed sets of choices argmap offers, as enums parsed once where they come in.

Every option that takes one of a fixed set of values — a semantics, a reading of support, an
acceptance mode, a consensus rule, a fusion operator, a diagram format, a diagram's direction
or clustering — is a :class:`Choice`.
Library functions and the command line accept either the enum member or its name; the name is
parsed once, at the boundary, case-insensitively, with ``_`` and spaces read as ``-``, and a
typo is answered with the known names and the closest one.

This module imports nothing of argmap but its errors, so the command line can build its
options without loading the rest of the library.

>>> Semantics.parse("Preferred"), Semantics.parse("SST")
(<Semantics.PREFERRED: 'preferred'>, <Semantics.SEMI_STABLE: 'semi-stable'>)
>>> Support.parse("Necessary")
<Support.NECESSARY: 'necessary'>
>>> Semantics.parse("prefered")
Traceback (most recent call last):
...
argmap.errors.ArgmapError: unknown semantics 'prefered' (did you mean 'preferred'?); known: conflict-free, admissible, complete, grounded, preferred, stable, semi-stable, stage, ideal, eager (or CF, ADM, CO, GR, PR, ST, SST, STG, ID, EA)
"""

from __future__ import annotations

import difflib
import enum
from collections.abc import Iterable, Mapping
from typing import Self

from argmap.errors import ArgmapError

__all__ = [
    "DEFAULT_ROLES",
    "DEFAULT_SEMANTICS",
    "DEFAULT_SUPPORT",
    "PAGE_WIDTH",
    "STATUS_WORDS",
    "Acceptance",
    "BatchFormat",
    "Choice",
    "Clustering",
    "ConsensusRule",
    "DiagramFormat",
    "Direction",
    "FusionOperator",
    "GradualSemantics",
    "Role",
    "Semantics",
    "Status",
    "Support",
    "closest",
    "parse_roles",
    "status_word",
]


def closest(word: str, known: list[str]) -> str | None:
    """The known word ``word`` is most likely a typo of, if any is close.

    >>> closest("clam", ["claim", "evidence"]), closest("xyz", ["claim"])
    ('claim', None)
    """
    hits = difflib.get_close_matches(word, known, n=1)
    return hits[0] if hits else None


class Choice(enum.StrEnum):
    """A closed set of named values; :meth:`parse` reads a name as users write it."""

    @classmethod
    def noun(cls) -> str:
        """What one value is called in messages (``semantics``, ``support interpretation``)."""
        return cls.__name__.lower()

    @classmethod
    def aliases(cls) -> Mapping[str, Self]:
        """Further names (upper case) that stand for members, like ICCMA's ``PR``."""
        return {}

    @classmethod
    def parse(cls, value: str | Self) -> Self:
        """The member called ``value``.

        Raises
        ------
        ArgmapError
            If no member has that name, naming the closest one and listing all.
        """
        if isinstance(value, cls):
            return value
        text = str(value).strip()
        alias = cls.aliases().get(text.upper())
        if alias is not None:
            return alias
        key = text.lower().replace("_", "-").replace(" ", "-")
        for member in cls:
            if member.value == key:
                return member
        raise ArgmapError(cls.unknown(text))

    @classmethod
    def unknown(cls, text: str) -> str:
        """The message for a name that is not one of the members."""
        names = [m.value for m in cls]
        hint = closest(text.lower(), names)
        suggestion = f" (did you mean '{hint}'?)" if hint else ""
        extra = f" (or {', '.join(cls.aliases())})" if cls.aliases() else ""
        return f"unknown {cls.noun()} '{text}'{suggestion}; known: {', '.join(names)}{extra}"


class Semantics(Choice):
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

    @classmethod
    def noun(cls) -> str:
        """``semantics``."""
        return "semantics"

    @classmethod
    def aliases(cls) -> Mapping[str, Semantics]:
        """The ICCMA abbreviations."""
        return _ABBREVIATIONS

    @property
    def unique(self) -> bool:
        """Whether every framework has exactly one extension under this semantics."""
        return self in (Semantics.GROUNDED, Semantics.IDEAL, Semantics.EAGER)

    @property
    def may_have_none(self) -> bool:
        """Whether a framework may have no extension at all (stable: an odd cycle).

        Every other semantics gives a framework made of unconnected parts the combinations
        of its parts' extensions; under stable, one part without an extension leaves the
        whole without one.
        """
        return self is Semantics.STABLE

    @property
    def abbreviation(self) -> str:
        """The ICCMA abbreviation (``PR`` for preferred)."""
        return next(k for k, v in _ABBREVIATIONS.items() if v is self)


class GradualSemantics(Choice):
    """Gradual (quantitative bipolar) semantics: a strength in [0, 1] for every node.

    ``dfquad``: Rago, Toni, Aurisicchio and Baroni (2016); ``quadratic-energy``: Potyka
    (2018); ``euler``: Amgoud and Ben-Naim (2017); ``h-categoriser``: Besnard and Hunter
    (2001), weighted as in Amgoud, Ben-Naim, Doder and Vesic (2017), attacks only.
    """

    DFQUAD = "dfquad"
    QUADRATIC_ENERGY = "quadratic-energy"
    EULER = "euler"
    H_CATEGORISER = "h-categoriser"

    @classmethod
    def noun(cls) -> str:
        """``gradual semantics``."""
        return "gradual semantics"

    @property
    def display_name(self) -> str:
        """The name the literature writes: ``DF-QuAD``, ``quadratic energy``, ``Euler-based``.

        >>> GradualSemantics.DFQUAD.display_name
        'DF-QuAD'
        """
        return {
            "dfquad": "DF-QuAD",
            "quadratic-energy": "quadratic energy",
            "euler": "Euler-based",
            "h-categoriser": "h-categoriser",
        }[self.value]

    @classmethod
    def aliases(cls) -> Mapping[str, GradualSemantics]:
        """``DF-QUAD``, ``QE``, ``EB`` and ``HCAT``, and the American spelling."""
        return {
            "DF-QUAD": cls.DFQUAD,
            "QE": cls.QUADRATIC_ENERGY,
            "EB": cls.EULER,
            "EULER-BASED": cls.EULER,
            "HCAT": cls.H_CATEGORISER,
            "H-CATEGORIZER": cls.H_CATEGORISER,
        }


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

DEFAULT_SEMANTICS = Semantics.GROUNDED
"""The semantics every entry point uses when none is named, library and command line alike.

Grounded: the one extension every other complete semantics agrees to, computed in linear
time; what a skeptical reader accepts without taking sides in an open dispute.
"""


class Support(Choice):
    """How a map's support edges are read (see :mod:`argmap.bipolar`)."""

    DEFEASIBLE = "defeasible"
    """Arguments are trees of reasons; an attack on a node defeats what uses it (ASPIC+)."""
    NECESSARY = "necessary"
    """What is supported needs one of its reasons (argumentation with necessities)."""
    DEDUCTIVE = "deductive"
    """What a reason's premises support must be accepted with them (d-attacks)."""
    EVIDENTIAL = "evidential"
    """An argument stands only on a chain of reasons from evidence (Oren and Norman)."""
    NONE = "none"
    """Supports play no part: only the attacks between nodes count."""

    @classmethod
    def noun(cls) -> str:
        """``support interpretation``."""
        return "support interpretation"


DEFAULT_SUPPORT = Support.DEFEASIBLE
"""The reading of support used when none is named, library and command line alike.

Defeasible: each reason is enough on its own (convergent reasons stay independent), a
linked reason needs all its premises, an attack on a node defeats every argument that uses
it, and support never carries an attack backwards (see ``docs/semantics.md``).
"""


class Acceptance(Choice):
    """How an essay accepts what its extensions hold: in every one, or in some."""

    SKEPTICAL = "skeptical"
    CREDULOUS = "credulous"

    @classmethod
    def noun(cls) -> str:
        """``acceptance mode``."""
        return "acceptance mode"


class Status(Choice):
    """How an argument fares across a list of extensions."""

    SKEPTICAL = "skeptical"
    """In every extension (skeptically accepted)."""
    CREDULOUS = "credulous"
    """In some but not all (credulously accepted only)."""
    REJECTED = "rejected"
    """In none."""

    @classmethod
    def noun(cls) -> str:
        """``acceptance status``."""
        return "acceptance status"


class ConsensusRule(Choice):
    """How essays' endorsements of a recommendation are aggregated."""

    UNANIMITY = "unanimity"
    MAJORITY = "majority"
    QUORUM = "quorum"
    SKEPTICAL = "skeptical"

    @classmethod
    def noun(cls) -> str:
        """``consensus rule``."""
        return "consensus rule"


class Role(Choice):
    """What a map is: an essay, or reader comments on another document.

    Consensus and consistency count essays by default; comments only when asked.

    >>> Role.parse("Comments"), [str(r) for r in Role]
    (<Role.COMMENTS: 'comments'>, ['essay', 'comments'])
    """

    ESSAY = "essay"
    """A document arguing its own case (the default when a map does not say)."""
    COMMENTS = "comments"
    """Reader comments on another document (see ``responds_to``)."""


DEFAULT_ROLES: tuple[Role, ...] = (Role.ESSAY,)
"""The roles of the maps consensus and consistency count when none are named."""


def parse_roles(roles: Iterable[str | Role]) -> tuple[Role, ...]:
    """The roles named, parsed, in :class:`~argmap.options.Role` order.

    >>> parse_roles(["comments", "Essay"])
    (<Role.ESSAY: 'essay'>, <Role.COMMENTS: 'comments'>)

    Raises
    ------
    ArgmapError
        For an unknown role (naming the closest), or none at all.
    """
    chosen = {Role.parse(r) for r in ([roles] if isinstance(roles, str) else roles)}
    if not chosen:
        raise ArgmapError("name at least one role of maps to count (essay, comments)")
    return tuple(r for r in Role if r in chosen)


class FusionOperator(Choice):
    """Coste-Marquis et al.'s operators for merging frameworks."""

    SUM = "sum"
    MAX = "max"
    LEXIMAX = "leximax"

    @classmethod
    def noun(cls) -> str:
        """``fusion operator``."""
        return "fusion operator"


class BatchFormat(Choice):
    """What ``argmap batch`` writes its rows as."""

    PARQUET = "parquet"
    JSONL = "jsonl"

    @classmethod
    def noun(cls) -> str:
        """``batch format``."""
        return "batch format"


class DiagramFormat(Choice):
    """What a diagram is written as: DOT source, or drawn by Graphviz."""

    SVG = "svg"
    PNG = "png"
    PDF = "pdf"
    DOT = "dot"

    @classmethod
    def noun(cls) -> str:
        """``diagram format``."""
        return "diagram format"


class Direction(Choice):
    """Which way an essay diagram's support arrows point: from reasons to what they support.

    ``auto`` (the default) picks ``up`` when the diagram so drawn fits a page
    (:data:`PAGE_WIDTH` pixels at 100%), and ``left`` otherwise (see
    :func:`argmap.render.essay.auto_layout`). ``up`` and ``left`` put what an essay
    concludes first in reading order: at the top, or at the left.

    >>> Direction.parse("Left").rankdir, Direction.UP.rankdir
    ('RL', 'BT')
    """

    AUTO = "auto"
    UP = "up"
    """Evidence at the bottom, recommendations at the top (Graphviz ``rankdir=BT``)."""
    DOWN = "down"
    """Recommendations at the bottom (``rankdir=TB``)."""
    LEFT = "left"
    """Recommendations at the left, their reasons to the right (``rankdir=RL``)."""
    RIGHT = "right"
    """Recommendations at the right (``rankdir=LR``)."""

    @property
    def rankdir(self) -> str:
        """Graphviz's ``rankdir`` for this direction (``auto`` has none: pick one first)."""
        if self is Direction.AUTO:
            raise ArgmapError("the auto direction has no rankdir: choose one first")
        return {"up": "BT", "down": "TB", "left": "RL", "right": "LR"}[self.value]


PAGE_WIDTH = 1400
"""The page width, in CSS pixels, an essay diagram drawn in the ``auto`` direction fits."""


class Clustering(Choice):
    """What an essay diagram groups its nodes by, each group in a labelled box.

    >>> Clustering.parse("tags"), Clustering.parse("Paragraph")
    (<Clustering.TAG: 'tag'>, <Clustering.PARAGRAPH: 'paragraph'>)
    """

    NONE = "none"
    """No boxes (the default)."""
    TAG = "tag"
    """A box per tag, holding the nodes whose first tag it is."""
    PARAGRAPH = "paragraph"
    """A box per paragraph of the essay, holding the nodes whose locator names it first."""

    @classmethod
    def aliases(cls) -> Mapping[str, Clustering]:
        """``TAGS`` and ``PARAGRAPHS``, as the option is often written."""
        return {"TAGS": Clustering.TAG, "PARAGRAPHS": Clustering.PARAGRAPH}


STATUS_WORDS: Mapping[str, str] = {
    "in": "accepted",
    "out": "rejected",
    "undec": "undecided",
    "skeptical": "skeptically accepted",
    "credulous": "credulously accepted",
    "rejected": "rejected",
}
"""The words every command, legend and page uses for a node's status.

Under a semantics with one extension (grounded, ideal, eager) a node has a label (Caminada
2006): ``in`` is *accepted*, ``out`` *rejected* (an accepted argument attacks it), ``undec``
*undecided*. Under one with several, a node is *skeptically accepted* (in every extension),
*credulously accepted* (in some, not all) or *rejected* (in none).

>>> STATUS_WORDS["undec"], STATUS_WORDS[Status.CREDULOUS]
('undecided', 'credulously accepted')
"""


def status_word(status: object, semantics: Semantics) -> str:
    """The word for a node's status, from :data:`STATUS_WORDS`.

    ``status`` is a label (``in``, ``out``, ``undec``) under a semantics with one extension,
    or an acceptance status (``skeptical``, ``credulous``, ``rejected``) under any. Under a
    semantics with one extension an acceptance status reads *accepted* or *not accepted*
    (the label says whether it is rejected or undecided).

    >>> status_word("undec", Semantics.GROUNDED), status_word("credulous", Semantics.PREFERRED)
    ('undecided', 'credulously accepted')
    >>> status_word("skeptical", Semantics.GROUNDED), status_word("rejected", Semantics.IDEAL)
    ('accepted', 'not accepted')
    """
    key = str(status)
    if semantics.unique and key in ("skeptical", "credulous", "rejected"):
        return "accepted" if key == "skeptical" else "not accepted"
    return STATUS_WORDS[key]
