"""The numbers layer: money, percents, quantities, ordinals and ages, with their context.

Register :func:`extract_numbers` as the extractor of figure kinds and
:func:`link_figures` as a linker (after the temporal engine's date rows exist).
"""

from consistency.extract.numbers.extractor import extract_numbers
from consistency.extract.numbers.figures import Figure, find_figures
from consistency.extract.numbers.linker import link_figures

__all__ = ["Figure", "extract_numbers", "find_figures", "link_figures"]
