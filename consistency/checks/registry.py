"""The catalogue of checks, registered explicitly."""

from __future__ import annotations

from consistency.checks.base import Check
from consistency.checks.claims import (
    C001_ordinal_conflict,
    C002_negation_conflict,
    C003_single_source_claim,
    C004_vote_conflict,
    E001_name_spelling_variant,
    Q001_quote_drift,
    Q002_quote_attribution_conflict,
)
from consistency.checks.draft import D001_unsupported_fact, D002_contradicted_fact
from consistency.checks.numeric import (
    N001_value_mismatch,
    N002_scale_slip,
    N003_change_contradicts_levels,
    N004_age_conflict,
    N005_internal_conflict,
    N006_stated_difference,
    N007_transposed_digits,
)
from consistency.checks.temporal import (
    T001_stale_forward_reference,
    T002_period_mismatch,
    T003_weekday_mismatch,
    T004_event_date_conflict,
    T005_unanchored_relative_date,
    T006_impossible_order,
    T007_time_of_day_conflict,
    T008_internal_date_conflict,
)


def all_checks() -> tuple[Check, ...]:
    """Every check, in code order. Add a new check's CHECK here."""
    return (
        C001_ordinal_conflict.CHECK,
        C002_negation_conflict.CHECK,
        C003_single_source_claim.CHECK,
        C004_vote_conflict.CHECK,
        D001_unsupported_fact.CHECK,
        D002_contradicted_fact.CHECK,
        E001_name_spelling_variant.CHECK,
        N001_value_mismatch.CHECK,
        N002_scale_slip.CHECK,
        N003_change_contradicts_levels.CHECK,
        N004_age_conflict.CHECK,
        N005_internal_conflict.CHECK,
        N006_stated_difference.CHECK,
        N007_transposed_digits.CHECK,
        Q001_quote_drift.CHECK,
        Q002_quote_attribution_conflict.CHECK,
        T001_stale_forward_reference.CHECK,
        T002_period_mismatch.CHECK,
        T003_weekday_mismatch.CHECK,
        T004_event_date_conflict.CHECK,
        T005_unanchored_relative_date.CHECK,
        T006_impossible_order.CHECK,
        T007_time_of_day_conflict.CHECK,
        T008_internal_date_conflict.CHECK,
    )


def by_code() -> dict[str, Check]:
    return {check.code: check for check in all_checks()}
