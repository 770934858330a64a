"""Hypothesis settings for the property tests: no per-example deadline (the machine may be
busy); in CI the examples are drawn from a fixed seed so a run is repeatable."""

from __future__ import annotations

import os

from hypothesis import settings

settings.register_profile("local", deadline=None)
settings.register_profile("ci", deadline=None, derandomize=True, database=None)
settings.load_profile("ci" if os.environ.get("CI") else "local")
