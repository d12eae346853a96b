"""The structure of an Argdown document, from the Argdown CLI's JSON and from argmap's parse.

Both sides come out as the same plain dictionary so that a test (or
``tools/argdown_corpus.py``) can compare them key by key:

- ``statements``: equivalence-class title → (canonical text, sorted tags);
- ``arguments``: argument title → (canonical description, sorted tags, premises in order,
  intermediate conclusions in order, main conclusion or ``None``);
- ``relations``: sorted (from, from type, relation, to, to type), an inference written as
  ``inference`` with ``to`` the argument's title and the step's conclusion, ``"A/C"``;
- ``sections``: the section titles and heading levels in document order;
- ``placed``: (``statement`` or ``argument``, title) → the section Argdown groups it in
  (index in ``sections``, or ``None`` before the first heading): its first definition's,
  an argument's premise-conclusion structure's.

Texts are compared with their tags taken out and white space collapsed (the CLI keeps
``#tags`` in a member's text; argmap keeps them apart).
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path
from typing import Any

from argmap.formats.argdown import Argdown

_TAG = re.compile(r"(?:^|(?<=\s))#(\(([^)]*)\)|([\w-]+))")
Structure = dict[str, Any]


def norm(text: str | None) -> str:
    """A text without tags, its white space collapsed."""
    return " ".join(_TAG.sub("", text or "").split())


def _kind(t: str) -> str:
    return "statement" if t == "equivalence-class" else t


def _canonical(members: list[dict[str, Any]]) -> dict[str, Any]:
    """The member whose text Argdown keeps for a class: the last marked canonical, else the
    last that is not a mere reference (``IEquivalenceClass.getCanonicalMember``)."""
    chosen: dict[str, Any] = {}
    for m in reversed(members):
        if m.get("isReference"):
            continue
        if (m.get("data") or {}).get("isCanonical"):
            return dict(m)
        chosen = chosen or m
    return chosen


def _sections(sections: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The sections of the CLI's tree in document order."""
    found: list[dict[str, Any]] = []
    for s in sections:
        found += [s, *_sections(s.get("children") or [])]
    return found


def cli_structure(data: dict[str, Any]) -> Structure:
    """The structure of the CLI's ``argdown json`` export."""
    sections = _sections(data.get("sections") or [])
    index = {s["id"]: k for k, s in enumerate(sections)}
    chosen = {
        **{
            ("statement", t): _canonical(c.get("members") or [])
            for t, c in data["statements"].items()
        },
        **{
            ("argument", t): _canonical(a.get("members") or [])
            for t, a in data["arguments"].items()
        },
    }
    placed = {  # the section Argdown groups an element in (its first definition's, …)
        (kind, title): element.get("section")
        for kind in ("statement", "argument")
        for title, element in data[kind + "s"].items()
    }
    statements = {
        title: (norm(chosen[("statement", title)].get("text")), sorted(ec.get("tags") or []))
        for title, ec in data["statements"].items()
    }
    arguments = {}
    conclusion_at: dict[tuple[str, int], str] = {}
    for title, a in data["arguments"].items():
        pcs = a.get("pcs") or []
        for i, s in enumerate(pcs):
            conclusion_at[(title, i)] = s["title"]
        arguments[title] = (
            norm(chosen[("argument", title)].get("text")),
            sorted(a.get("tags") or []),
            [s["title"] for s in pcs if s["role"] == "premise"],
            [s["title"] for s in pcs if s["role"] == "intermediary-conclusion"],
            next((s["title"] for s in pcs if s["role"] == "main-conclusion"), None),
        )
    relations = []
    for r in data["relations"]:
        to = r["to"]
        if r["toType"] == "inference":
            to = f"{to}/{conclusion_at[(to, r['conclusionIndex'])]}"
        relations.append(
            (r["from"], _kind(r["fromType"]), r["relationType"], to, _kind(r["toType"]))
        )
    return {
        "statements": statements,
        "arguments": arguments,
        "relations": sorted(relations),
        "sections": [(" ".join(str(s["title"]).split()), s["level"]) for s in sections],
        "placed": {key: index.get(section) for key, section in placed.items()},
    }


def our_structure(doc: Argdown) -> Structure:
    """The same structure from argmap's :func:`~argmap.formats.argdown.parse_argdown`."""
    statements = {
        title: (norm(s["text"]), sorted(s["tags"])) for title, s in doc.statements.items()
    }
    arguments = {}
    relations = [r for r in doc.relations if r[4] != "inference"]
    for title, a in doc.arguments.items():
        steps = a.get("steps") or []
        conclusions = [s["conclusion"] for s in steps]
        arguments[title] = (
            norm(a["text"]),
            sorted(a["tags"]),
            list(a.get("premises") or []),
            conclusions[:-1],
            conclusions[-1] if conclusions else None,
        )
        for step in steps:
            for source, source_type in step["undercuts"]:
                relations.append(
                    (source, source_type, "undercut", f"{title}/{step['conclusion']}", "inference")
                )
    return {
        "statements": statements,
        "arguments": arguments,
        "relations": sorted(set(relations)),
        "sections": [
            (" ".join(s.split()), level)
            for s, level in zip(doc.sections, doc.section_levels, strict=True)
        ],
        "placed": {
            **{("statement", t): s.get("section") for t, s in doc.statements.items()},
            **{("argument", t): a.get("section") for t, a in doc.arguments.items()},
        },
    }


def cli_data(cli: Path, path: Path) -> dict[str, Any] | None:
    """The CLI's JSON export of a file, or ``None`` when the CLI rejects it."""
    done = subprocess.run(
        [str(cli), "json", str(path), "--stdout", "--silent"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    if not done.stdout.strip():
        return None
    data: dict[str, Any] = json.loads(done.stdout)
    return data


def differences(ours: Structure, theirs: Structure) -> list[str]:
    """Readable differences between two structures (empty when equal)."""
    found = []
    for key in ("statements", "arguments"):
        a, b = ours[key], theirs[key]
        for title in sorted(set(a) | set(b)):
            if a.get(title) != b.get(title):
                found.append(f"{key}[{title!r}]: ours {a.get(title)!r} != cli {b.get(title)!r}")
    a_rel, b_rel = set(ours["relations"]), set(theirs["relations"])
    found += [f"relation only ours: {r}" for r in sorted(a_rel - b_rel)]
    found += [f"relation only cli: {r}" for r in sorted(b_rel - a_rel)]
    if ours["sections"] != theirs["sections"]:
        found.append(f"sections: ours {ours['sections']} != cli {theirs['sections']}")
    for key in sorted(set(ours["placed"]) | set(theirs["placed"]), key=str):
        if ours["placed"].get(key) != theirs["placed"].get(key):
            found.append(
                f"section of {key}: ours {ours['placed'].get(key)} != cli {theirs['placed'].get(key)}"
            )
    return found
