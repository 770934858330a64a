"""Temporal expressions: finding them and resolving them to calendar intervals."""
