"""Benchmarks: one command each, ratios against a baseline timed in the same run."""
