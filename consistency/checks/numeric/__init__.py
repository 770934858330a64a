"""Checks on figures: values, changes, scales, ages."""
