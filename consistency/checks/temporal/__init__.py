"""Checks on dates and periods."""
