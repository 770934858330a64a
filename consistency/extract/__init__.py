"""Sentences → facts: the extractors and the runner that numbers their facts."""
