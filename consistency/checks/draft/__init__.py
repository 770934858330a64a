"""Checks of a draft against its sources (draft mode only)."""
