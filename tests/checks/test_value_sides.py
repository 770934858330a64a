"""N001 leaves alone a group of matched figures whose values span more than one fact."""

from __future__ import annotations

from consistency.checks.figures import Side
from consistency.checks.numeric.N001_value_mismatch import mixes_facts


def _side(value: float, *docs: str, text: str = "") -> Side:
    rows = [{"doc_id": d, "value": value, "text": text or f"{value:g}"} for d in docs]
    return Side(rows)  # type: ignore[arg-type]


def test_a_toll_far_from_the_main_one_is_another_fact() -> None:
    """Guards a chain of matches that put "more than 26,000" beside "ten" (another quake)."""
    split = [_side(10, "a", "b", "c"), _side(26000, "d", text="more than 26,000"), _side(12, "e")]
    assert mixes_facts(split, 5.0)


def test_close_values_are_one_fact_in_dispute() -> None:
    assert not mixes_facts([_side(1240, "a", "b"), _side(412, "c")], 5.0)


def test_a_slipped_scale_word_is_no_other_fact() -> None:
    split = [_side(147e6, "a", "b", text="$147 million"), _side(147e9, "c", text="$147 billion")]
    assert not mixes_facts(split, 5.0)
