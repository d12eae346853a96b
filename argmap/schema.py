"""The JSON Schemas of argmap's YAML files, for editors and other tools.

Point an editor's YAML support at them for completion and checks as you type, e.g. with a
first line ``# yaml-language-server: $schema=<path to map.schema.json>``; ``argmap schema
map`` prints the schema. The schemas describe the shape of a file; ``argmap check`` also
knows the rules between fields (references, duplicates, undercut targets).

>>> map_schema()["title"]
'argmap essay map'
>>> sorted(corpus_schema()["properties"])
['corpus', 'equivalences', 'relations']
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

__all__ = ["corpus_schema", "map_schema", "schema_text"]


def schema_text(name: str) -> str:
    """The text of a schema file: ``name`` is ``map`` or ``corpus``."""
    if name not in ("map", "corpus"):
        raise ValueError(f"no schema named {name!r}; there are 'map' and 'corpus'")
    return resources.files("argmap.schemas").joinpath(f"{name}.schema.json").read_text("utf-8")


def map_schema() -> dict[str, Any]:
    """The JSON Schema of an essay map file."""
    schema: dict[str, Any] = json.loads(schema_text("map"))
    return schema


def corpus_schema() -> dict[str, Any]:
    """The JSON Schema of a corpus file."""
    schema: dict[str, Any] = json.loads(schema_text("corpus"))
    return schema
