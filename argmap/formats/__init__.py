"""Readers and writers, one module per file format, each a load/dump pair and nothing else."""
