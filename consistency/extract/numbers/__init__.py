"""The numbers layer: money, percents, quantities, ordinals and ages, with their context."""

from consistency.extract.numbers.figures import Figure, find_figures

__all__ = ["Figure", "find_figures"]
