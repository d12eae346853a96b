"""Argumentation schemes and their critical questions: a catalogue shipped as data.

A :class:`Scheme` is a recurring pattern of reasoning (Walton, Reed and Macagno 2008): the
roles its premises fill, the form of its conclusion, and the *critical questions* that
test it. Each question has a *target*: what a "no" to it attacks — one premise (by role),
the inference (an undercut), or the conclusion (a rebuttal).

The built-in catalogue (:func:`builtin`, ``argmap/schemes/catalogue.yaml``) has the schemes
policy essays use most: practical reasoning from goals and from values, positive and
negative consequences, expert opinion, position to know, analogy, precedent, cause to
effect, correlation to cause, sign, popular opinion, ad hominem and slippery slope. A user
catalogue in the same form (:func:`read_catalogue`) adds schemes or replaces built-in ones
of the same id (:meth:`Catalogue.extended`).

A map's reason names its scheme in ``scheme:`` by id, by name, or by an AIF name
(``Argument From Expert Opinion``), matched without regard to case
(:meth:`Catalogue.find`); ``roles:`` says which premise fills which role.

>>> catalogue = builtin()
>>> s = catalogue.find("Argument From Expert Opinion")
>>> s.id, s.roles, [q.id for q in s.questions][:3]
('expert-opinion', ('expert', 'assertion'), ['expertise', 'field', 'opinion'])
>>> print(s.question("field").target, s.question("field").role)
premise expert
"""

from __future__ import annotations

import enum
import functools
import re
from collections.abc import Iterable, Iterator, Mapping
from importlib import resources
from pathlib import Path
from typing import Any

import attrs

from argmap.errors import ArgmapError, Problem
from argmap.formats.text import read_text
from argmap.formats.yaml.document import parse_yaml
from argmap.model import ArgumentMap, Edge, EdgeKind
from argmap.model.invariants import Finding, Pointer, warning

__all__ = [
    "Catalogue",
    "CriticalQuestion",
    "Premise",
    "Scheme",
    "SchemedReason",
    "Target",
    "answers_of",
    "builtin",
    "catalogue_of",
    "read_catalogue",
    "scheme_findings",
    "schemed_reasons",
]


class Target(enum.StrEnum):
    """What a "no" to a critical question attacks."""

    PREMISE = "premise"
    """One premise of the reason, the one filling the question's role."""
    INFERENCE = "inference"
    """The step from the premises to the conclusion: an undercut."""
    CONCLUSION = "conclusion"
    """The conclusion itself, by a reason against it: a rebuttal."""


@attrs.frozen
class Premise:
    """A premise of a scheme: the role it plays and its form."""

    role: str
    text: str


@attrs.frozen
class CriticalQuestion:
    """A question that tests an instance of a scheme."""

    id: str
    text: str
    target: Target
    role: str | None = None
    """The premise role a :attr:`Target.PREMISE` question attacks."""

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: ``id``, ``text``, ``target`` (``premise:ROLE``, ``inference``, ...)."""
        target = f"premise:{self.role}" if self.target is Target.PREMISE else str(self.target)
        return {"id": self.id, "text": self.text, "target": target}


@attrs.frozen
class Scheme:
    """An argumentation scheme: its premises' roles, its conclusion, its critical questions."""

    id: str
    name: str
    source: str
    aif: tuple[str, ...]
    premises: tuple[Premise, ...]
    conclusion: str
    questions: tuple[CriticalQuestion, ...]

    @property
    def roles(self) -> tuple[str, ...]:
        """The premises' roles, in order."""
        return tuple(p.role for p in self.premises)

    def question(self, question_id: str) -> CriticalQuestion | None:
        """The critical question with this id, if the scheme has it."""
        return next((q for q in self.questions if q.id == question_id), None)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready, as ``argmap schemes --json`` prints it."""
        return {
            "id": self.id,
            "name": self.name,
            "source": self.source,
            "aif": list(self.aif),
            "premises": [{"role": p.role, "text": p.text} for p in self.premises],
            "conclusion": self.conclusion,
            "critical_questions": [q.to_dict() for q in self.questions],
        }


def _key(name: str) -> str:
    """A scheme name as looked up: case and runs of spaces, hyphens, underscores ignored."""
    return re.sub(r"[\s_-]+", " ", name).strip().casefold()


@attrs.frozen
class Catalogue:
    """Schemes by id, found by id, name or AIF name."""

    schemes: tuple[Scheme, ...]
    _names: dict[str, Scheme] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        names: dict[str, Scheme] = {}
        for s in self.schemes:
            for name in (*s.aif, s.name, s.id):  # the id wins a clash, then the name
                names[_key(name)] = s
        object.__setattr__(self, "_names", names)

    def __iter__(self) -> Iterator[Scheme]:
        return iter(self.schemes)

    def __len__(self) -> int:
        return len(self.schemes)

    def find(self, name: str) -> Scheme | None:
        """The scheme a reason's ``scheme:`` names, if the catalogue has it.

        >>> builtin().find("slippery slope").id
        'slippery-slope'
        """
        return self._names.get(_key(name))

    def extended(self, other: Catalogue) -> Catalogue:
        """The catalogue with ``other``'s schemes added (replacing those of the same id)."""
        replaced = {s.id: s for s in other.schemes}
        kept = [replaced.pop(s.id, s) for s in self.schemes]
        return Catalogue((*kept, *replaced.values()))

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: ``{"schemes": [...]}``."""
        return {"schemes": [s.to_dict() for s in self.schemes]}


_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*\Z")
_FIELDS = {"id", "name", "source", "aif", "premises", "conclusion", "critical_questions"}


class _Reader:
    """Reads a catalogue document, collecting every problem with its line and column."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []

    def fail(self, where: Any, key: str | int | None, message: str, code: str) -> None:
        line = column = None
        lc = getattr(where, "lc", None)
        if lc is not None:
            try:
                line, column = lc.key(key) if isinstance(key, str) else lc.item(key)
            except (KeyError, IndexError, TypeError):
                line, column = lc.line, lc.col
            line, column = line + 1, column + 1
        self.problems.append(Problem(message, code, path=self.path, line=line, column=column))

    def text(self, item: Any, key: str, what: str, *, required: bool = True) -> str | None:
        value = item.get(key)
        if value is None:
            if required:
                self.fail(item, None, f"{what} needs '{key}'", "missing-field")
            return None
        if not isinstance(value, str) or not value.strip():
            self.fail(item, key, f"{what}: '{key}' must be text", "invalid-value")
            return None
        return value

    def items(self, item: Any, key: str, what: str) -> list[Any]:
        value = item.get(key, [])
        if not isinstance(value, list):
            self.fail(item, key, f"{what}: '{key}' must be a list", "invalid-value")
            return []
        return value

    def mapping(self, value: Any, parent: Any, index: int, what: str) -> bool:
        if isinstance(value, dict):
            return True
        self.fail(parent, index, f"{what} must be a mapping", "invalid-value")
        return False

    def scheme(self, item: Any) -> Scheme | None:
        what = f"scheme '{item.get('id')}'" if isinstance(item.get("id"), str) else "a scheme"
        for key in item:
            if key not in _FIELDS:
                self.fail(item, str(key), f"{what}: unknown field '{key}'", "unknown-field")
        found = [self.text(item, k, what) for k in ("id", "name", "source", "conclusion")]
        if found[0] is not None and not _ID.match(found[0]):
            self.fail(item, "id", f"{what}: an id is letters, digits, '.', '-', '_'", "bad-id")
        aliases = self.items(item, "aif", what)
        aif = tuple(a for a in aliases if isinstance(a, str))
        if len(aif) != len(aliases):
            self.fail(item, "aif", f"{what}: 'aif' lists names (text)", "invalid-value")
        premises = self.premises(item, what)
        questions = self.questions(item, what, [p.role for p in premises])
        if any(x is None for x in found) or not premises:
            return None
        scheme_id, name, source, conclusion = (str(x) for x in found)
        return Scheme(scheme_id, name, source, aif, premises, conclusion, questions)

    def premises(self, item: Any, what: str) -> tuple[Premise, ...]:
        premises = []
        for i, p in enumerate(self.items(item, "premises", what)):
            if self.mapping(p, item["premises"], i, f"{what}: a premise"):
                role, text = self.text(p, "role", what), self.text(p, "text", what)
                if role is not None and text is not None:
                    premises.append(Premise(role, text))
        roles = [p.role for p in premises]
        if len(set(roles)) != len(roles):
            self.fail(item, "premises", f"{what}: a role is named twice", "duplicate-id")
        if not premises:
            self.fail(item, "premises", f"{what} needs at least one premise", "missing-field")
        return tuple(premises)

    def questions(self, item: Any, what: str, roles: list[str]) -> tuple[CriticalQuestion, ...]:
        questions = []
        for i, q in enumerate(self.items(item, "critical_questions", what)):
            if self.mapping(q, item["critical_questions"], i, f"{what}: a critical question"):
                question = self.question(q, what, roles)
                if question is not None:
                    questions.append(question)
        ids = [q.id for q in questions]
        if len(set(ids)) != len(ids):
            message = f"{what}: a question id is used twice"
            self.fail(item, "critical_questions", message, "duplicate-id")
        return tuple(questions)

    def question(self, q: Any, what: str, roles: list[str]) -> CriticalQuestion | None:
        question_id, text = self.text(q, "id", what), self.text(q, "text", what)
        target_text = self.text(q, "target", what)
        if question_id is None or text is None or target_text is None:
            return None
        kind, _, role = target_text.partition(":")
        try:
            target = Target(kind)
        except ValueError:
            target = None
        if target is None or (target is Target.PREMISE) != bool(role):
            self.fail(
                q,
                "target",
                f"{what}: question '{question_id}': a target is 'premise:ROLE', 'inference' "
                "or 'conclusion'",
                "invalid-value",
            )
            return None
        if role and role not in roles:
            self.fail(
                q,
                "target",
                f"{what}: question '{question_id}' targets role '{role}', which no premise has",
                "unknown-role",
            )
            return None
        return CriticalQuestion(question_id, text, target, role or None)


def _parse(text: str, path: str) -> Catalogue:
    doc, problems = parse_yaml(text, path)
    if problems or doc is None:
        raise ArgmapError.from_problems(
            problems or [Problem("empty catalogue", "empty-file", path=path, line=1)]
        )
    reader = _Reader(path)
    if not isinstance(doc, dict) or not isinstance(doc.get("schemes"), list):
        reader.fail(doc, None, "a catalogue is a mapping with a list 'schemes'", "missing-field")
        raise ArgmapError.from_problems(reader.problems)
    schemes: list[Scheme] = []
    for i, item in enumerate(doc["schemes"]):
        if reader.mapping(item, doc["schemes"], i, "a scheme"):
            found = reader.scheme(item)
            if found is not None:
                if any(s.id == found.id for s in schemes):
                    reader.fail(item, "id", f"scheme '{found.id}' is defined twice", "duplicate-id")
                schemes.append(found)
    if reader.problems:
        raise ArgmapError.from_problems(reader.problems)
    return Catalogue(tuple(schemes))


@functools.cache
def builtin() -> Catalogue:
    """Argmap's own catalogue (``argmap/schemes/catalogue.yaml``)."""
    source = resources.files("argmap.schemes").joinpath("catalogue.yaml")
    return _parse(source.read_text(encoding="utf-8"), "argmap/schemes/catalogue.yaml")


def read_catalogue(path: str | Path) -> Catalogue:
    """A user catalogue file (the form of the built-in one).

    Raises
    ------
    ArgmapError
        Naming the file, line and column of every problem found.
    """
    return _parse(read_text(path), str(path))


def catalogue_of(paths: Iterable[str | Path] = ()) -> Catalogue:
    """The built-in catalogue extended by each user catalogue in turn."""
    found = builtin()
    for path in paths:
        found = found.extended(read_catalogue(path))
    return found


# -- schemes in a map ----------------------------------------------------------------------


@attrs.frozen
class SchemedReason:
    """A reason of a map whose scheme the catalogue knows, with its premises by role."""

    edge: Edge
    scheme: Scheme
    roles: dict[str, str | None]
    """Role → premise id, ``None`` where the essay leaves it unstated; a one-role scheme on
    a one-premise reason needs no ``roles:`` (its premise fills the role)."""

    @property
    def key(self) -> str:
        """The reason's key in its map."""
        return self.edge.key


def schemed_reasons(m: ArgumentMap, catalogue: Catalogue | None = None) -> dict[str, SchemedReason]:
    """The map's reasons whose ``scheme:`` the catalogue knows, by reason key."""
    catalogue = catalogue or builtin()
    found = {}
    for e in m.supports:
        scheme = catalogue.find(e.scheme) if e.scheme else None
        if scheme is None:
            continue
        roles = dict(e.roles)
        if not roles and len(scheme.roles) == 1 and len(e.premises) == 1:
            roles = {scheme.roles[0]: e.premises[0]}
        found[e.key] = SchemedReason(e, scheme, roles)
    return found


def _answered(
    m: ArgumentMap, reasons: Mapping[str, SchemedReason], edge: Edge
) -> tuple[tuple[str, str] | None, str | None]:
    """The (reason key, question id) an edge's ``answers:`` names, or why it names none."""
    assert edge.answers is not None
    named, _, question = edge.answers.rpartition(":")
    if named:
        reason = reasons.get(named)
        if reason is None:
            return None, f"'{named}' is no reason of this map with a scheme the catalogue knows"
        candidates = [reason]
    elif edge.target in reasons:  # an undercut, or a support of the reason itself
        candidates = [reasons[edge.target]]
    else:
        candidates = [
            r
            for r in reasons.values()
            if edge.target in r.edge.premises or edge.target == r.edge.target
        ]
    fitting = [r for r in candidates if r.scheme.question(question) is not None]
    if len(fitting) == 1:
        return (fitting[0].key, question), None
    if not candidates:
        return None, (
            f"answers '{question}', but '{edge.target}' is no premise, conclusion or reason of "
            "a reason whose scheme the catalogue knows (or name one: REASON:QUESTION)"
        )
    if not fitting:
        where = ", ".join(f"{r.key} ({r.scheme.id})" for r in candidates)
        return None, f"answers '{question}', which is no critical question of {where}"
    keys = " and ".join(r.key for r in fitting)
    return None, f"answers '{question}' of {keys}: name one, as REASON:{question}"


def answers_of(
    m: ArgumentMap, catalogue: Catalogue | None = None
) -> dict[tuple[str, str], list[str]]:
    """(reason key, question id) → the keys of the map's edges that answer it."""
    reasons = schemed_reasons(m, catalogue)
    found: dict[tuple[str, str], list[str]] = {}
    for e in m.edges:
        if e.answers is not None:
            which, _ = _answered(m, reasons, e)
            if which is not None:
                found.setdefault(which, []).append(e.key)
    return found


def scheme_findings(m: ArgumentMap, catalogue: Catalogue | None = None) -> list[Finding]:
    """Warnings about a map's schemes, located by pointer.

    Unknown schemes and roles, missing roles, and answers that name no critical question
    of a reason.
    """
    catalogue = catalogue or builtin()
    reasons = schemed_reasons(m, catalogue)
    found: list[Finding] = []
    for i, e in enumerate(m.edges):
        at: Pointer = ("edges", i)
        if e.kind is EdgeKind.SUPPORT and e.scheme and e.key not in reasons:
            found.append(
                warning(
                    (*at, "scheme"),
                    f"scheme '{e.scheme}' is not in the catalogue (argmap schemes lists it; "
                    "--catalogue adds your own)",
                    "unknown-scheme",
                )
            )
        elif e.kind is EdgeKind.SUPPORT and e.roles and not e.scheme:
            found.append(warning((*at, "roles"), "roles without a scheme", "roles-without-scheme"))
        reason = reasons.get(e.key)
        if reason is not None:
            found += _role_warnings(reason, at)
        if e.answers is not None:
            _, why = _answered(m, reasons, e)
            if why is not None:
                found.append(warning((*at, "answers"), why, "unknown-question"))
    return found


def _role_warnings(reason: SchemedReason, at: Pointer) -> list[Finding]:
    found = [
        warning(
            (*at, "roles", role),
            f"scheme '{reason.scheme.id}' has no role '{role}' (its roles: "
            f"{', '.join(reason.scheme.roles)})",
            "unknown-role",
            part="key",
        )
        for role in reason.roles
        if role not in reason.scheme.roles
    ]
    missing = [r for r in reason.scheme.roles if r not in reason.roles]
    if missing:
        found.append(
            warning(
                (*at, "roles") if reason.edge.roles else (*at, "scheme"),
                f"reason '{reason.key}' ({reason.scheme.id}) does not say which premise fills "
                f"{'role' if len(missing) == 1 else 'roles'} "
                f"{', '.join(repr(r) for r in missing)} (a premise id, or ~ if the essay "
                "leaves it unstated)",
                "missing-role",
            )
        )
    return found
