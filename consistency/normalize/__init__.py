"""Normalization of names across the documents of a run."""

from consistency.normalize.canonical import canonicalize

__all__ = ["canonicalize"]
