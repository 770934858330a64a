"""Any table of the declared schemas, with any text in it, comes back from its CSV."""

from __future__ import annotations

import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from consistency import tables
from consistency.tables import FLOAT, INT, SCHEMAS, Schema
from tests.properties.test_pipeline import read_back

CELL = {
    tables.STR: st.one_of(st.none(), st.text(min_size=1)),
    INT: st.one_of(st.none(), st.integers(-(2**62), 2**62)),
    FLOAT: st.one_of(st.none(), st.floats(allow_nan=False, allow_infinity=False, width=64)),
}


def rows(schema: Schema) -> st.SearchStrategy[list[dict[str, object]]]:
    row = st.fixed_dictionaries({c.name: CELL[c.dtype] for c in schema.columns})
    return st.lists(row, max_size=5)


@given(st.sampled_from(sorted(SCHEMAS)).flatmap(lambda n: st.tuples(st.just(n), rows(SCHEMAS[n]))))
def test_any_table_round_trips_through_its_csv(case: tuple[str, list[dict[str, object]]]) -> None:
    name, records = case
    df = tables.frame(records, SCHEMAS[name])
    pd.testing.assert_frame_equal(read_back(df, name), df, check_exact=False, rtol=1e-9)
