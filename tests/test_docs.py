"""The reference docs in docs/ are generated from the code and kept in sync."""

from __future__ import annotations

import pytest

from consistency.report.docs import DOCS, PAGES


@pytest.mark.parametrize("name", sorted(PAGES))
def test_docs_page_is_up_to_date(name: str) -> None:
    expected = PAGES[name]()
    assert (DOCS / name).read_text(encoding="utf-8") == expected, (
        f"docs/{name} is stale; run python -m consistency.report.docs"
    )


def test_every_table_and_check_is_documented() -> None:
    from consistency.checks.registry import all_checks
    from consistency.tables import SCHEMAS

    audit = PAGES["audit-files.md"]()
    assert all(f"## {name}.csv" in audit for name in SCHEMAS)
    catalogue = PAGES["checks.md"]()
    assert all(f"## {check.code}" in catalogue for check in all_checks())
