"""The JSON Schemas of the file formats (data files; see :mod:`argmap.schema`)."""
