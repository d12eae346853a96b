"""Write the JSON Schemas in ``argmap/schemas`` from the one description of the YAML format.

Run it after changing :mod:`argmap.formats.shape`; ``tests/test_schema.py`` fails while the
committed schema files differ from what this writes.

    python tools/generate_schemas.py
"""

from __future__ import annotations

from pathlib import Path

from argmap.formats.shape import schema_text

SCHEMAS = Path(__file__).resolve().parent.parent / "argmap" / "schemas"


def main() -> None:
    """Write ``map.schema.json`` and ``corpus.schema.json``."""
    for name in ("map", "corpus"):
        (SCHEMAS / f"{name}.schema.json").write_text(schema_text(name), encoding="utf-8")


if __name__ == "__main__":
    main()
