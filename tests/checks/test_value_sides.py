"""N001 compares the values of one figure that lie near the most widely given one."""

from __future__ import annotations

from consistency.checks.figures import Side
from consistency.checks.numeric.N001_value_mismatch import near_sides


def _side(value: float, *docs: str, text: str = "") -> Side:
    return Side(
        [
            {"doc_id": d, "value": value, "text": text or f"{value:g}", "kind": "quantity"}
            for d in docs
        ]
    )


def test_a_toll_far_from_the_main_one_is_left_out() -> None:
    """Guards a chain of matches that put "more than 26,000" beside "ten" (another quake)."""
    split = [_side(10, "a", "b", "c"), _side(26000, "d", text="more than 26,000"), _side(12, "e")]
    assert [s.facts[0]["value"] for s in near_sides(split, 5.0)] == [10, 12]


def test_a_slipped_scale_word_stays_for_the_scale_check() -> None:
    split = [_side(147e6, "a", "b", text="$147 million"), _side(147e9, "c", text="$147 billion")]
    assert len(near_sides(split, 5.0)) == 2
