"""argmap's own file format: one YAML file per essay, one corpus file per folder.

Reading reports every problem of a file at once, each with its line and column, and raises
:class:`~argmap.errors.ArgmapError`. Writing back a map that was read from a file keeps the
file's comments, quoting and layout: only the values that changed are rewritten. The
format is documented field by field in ``docs/format.md``; its JSON Schemas are
:func:`argmap.schema.map_schema` and :func:`argmap.schema.corpus_schema`.

Examples
--------
>>> text = '''id: toy
... title: A toy essay
... nodes:
...   - id: c1      # the main claim
...     kind: claim
...     text: Trade wars hurt both sides.
...   - id: r1
...     kind: recommendation
...     actors: [Japan]
...     text: Lift the export controls.
... edges:
...   - support: c1 -> r1
... '''
>>> m = map_from_yaml(text)
>>> [e.key for e in m.edges]
['support:c1->r1']
>>> map_to_yaml(m) == text
True
>>> map_from_yaml(text.replace("-> r1", "-> r9"), path="toy.yaml")
Traceback (most recent call last):
...
argmap.errors.ArgmapError: toy.yaml:12:20: error: edge target 'r9' is not a node or edge id of this map [unknown-node]

The package's modules, from the bottom up: :mod:`~argmap.formats.shape` (the fields of
each object, written once as data, from which the JSON Schemas are generated),
:mod:`~argmap.formats.yaml.document` (ruamel set-up), :mod:`~argmap.formats.yaml.positions`
(pointer → line and column), :mod:`~argmap.formats.yaml.reader` (the shape validator and
dict → model), :mod:`~argmap.formats.yaml.writer` (the comment-preserving writer) and
:mod:`~argmap.formats.yaml.files` (files and folders). What this module exports is the
public API; the rest of argmap uses nothing else.
"""

from __future__ import annotations

from argmap.formats.yaml.document import parse_yaml
from argmap.formats.yaml.files import (
    YAML_SUFFIXES,
    LoadedFile,
    duplicate_essay_problems,
    folder_problems,
    load_corpus_file,
    load_file,
    read_corpus,
    read_map,
    yaml_files,
)
from argmap.formats.yaml.positions import locate_findings
from argmap.formats.yaml.reader import (
    is_corpus_document,
    load_corpus_document,
    load_map_document,
    map_from_yaml,
)
from argmap.formats.yaml.writer import corpus_to_yaml, map_to_yaml, write_corpus, write_map
from argmap.model import ArgumentMap

__all__ = [
    "YAML_SUFFIXES",
    "LoadedFile",
    "corpus_to_yaml",
    "dumps",
    "duplicate_essay_problems",
    "folder_problems",
    "is_corpus_document",
    "load_corpus_document",
    "load_corpus_file",
    "load_file",
    "load_map_document",
    "loads",
    "locate_findings",
    "map_from_yaml",
    "map_to_yaml",
    "parse_yaml",
    "read_corpus",
    "read_map",
    "write_corpus",
    "write_map",
    "yaml_files",
]


def loads(text: str, path: str = "<input>") -> ArgumentMap:
    """The format contract's reader: :func:`map_from_yaml`."""
    return map_from_yaml(text, path)


def dumps(m: ArgumentMap) -> str:
    """The format contract's writer: :func:`map_to_yaml`."""
    return map_to_yaml(m)
