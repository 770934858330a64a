"""The pipeline on generated articles: nothing raises, every fact and flag points inside
its document and sentence, resolved dates render back, the audit files round-trip."""

from __future__ import annotations

import io
import json
import tempfile
from datetime import date
from pathlib import Path

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from consistency import pipeline
from consistency.lang.compare import timex_interval
from consistency.report.audit import CHECK_TABLES, to_csv_text
from consistency.report.neutralize import restore_csv_cell
from consistency.tables import SCHEMAS, STR
from tests.properties.strategies import news_text

Article = tuple[str, date | None]
SIMPLE = ("day", "week", "month", "quarter", "half", "year")
#: Articles, each with a publication date or none (then it has no front matter).
ARTICLES = st.lists(
    st.tuples(
        news_text.filter(lambda t: t.strip()),
        st.one_of(st.none(), st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 1, 1))),
    ),
    min_size=1,
    max_size=3,
)
PIPELINE = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def run_on(articles: list[tuple[str, date | None]]) -> pipeline.RunResult:
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for n, (text, published) in enumerate(articles):
            if published is None:
                path = Path(folder) / f"doc{n}.txt"
                path.write_text(text, encoding="utf-8")
            else:
                path = Path(folder) / f"doc{n}.md"
                path.write_text(f"---\npublished: {published}\n---\n{text}", encoding="utf-8")
            paths.append(path)
        return pipeline.check(paths)


def read_back(df: pd.DataFrame, name: str) -> pd.DataFrame:
    schema = SCHEMAS[name]
    back = pd.read_csv(
        io.StringIO(to_csv_text(df)), dtype=schema.dtypes, keep_default_na=False, na_values=[""]
    )
    for column in schema.columns:
        if column.dtype == STR:
            back[column.name] = (
                back[column.name]
                .map(lambda v: v if v is pd.NA else restore_csv_cell(v), na_action="ignore")
                .astype(STR)
            )
    return back


def assert_inside(tables: dict[str, pd.DataFrame], texts: dict[str, str], row: dict) -> None:
    text = texts[row["doc_id"]]
    start, end = int(row["char_start"]), int(row["char_end"])
    assert 0 <= start < end <= len(text)
    assert row["text"] == text[start:end]
    sentences = tables["sentences"]
    sentence = sentences[
        (sentences["doc_id"] == row["doc_id"]) & (sentences["sent_id"] == row["sent_id"])
    ]
    assert len(sentence) == 1, f"fact or flag outside every sentence: {row}"
    assert sentence["char_start"].iloc[0] <= start and end <= sentence["char_end"].iloc[0]


def facts_and_flags_point_inside(run: pipeline.RunResult) -> None:
    texts_by_id = run.texts
    for fact in run.tables["facts"].to_dict("records"):
        assert_inside(run.tables, texts_by_id, fact)
    facts = set(run.tables["facts"]["fact_id"])
    for flag in run.tables["flags"].to_dict("records"):
        assert_inside(run.tables, texts_by_id, flag)
        for item in str(flag["related"]).split():
            assert item in facts or item in texts_by_id


def resolved_dates_render_back(run: pipeline.RunResult) -> None:
    facts = run.tables["facts"]
    dates = facts[(facts["kind"] == "date") & facts["time_start"].notna()]
    for fact in dates.to_dict("records"):
        detail = json.loads(fact["detail"]) if fact["detail"] is not pd.NA else {}
        if fact["granularity"] not in SIMPLE or detail.get("mod") or fact["timex"] is pd.NA:
            continue
        rendered = timex_interval(fact["timex"])
        if rendered is not None:
            assert rendered == (fact["time_start"], fact["time_end"]), fact


def audit_files_round_trip(run: pipeline.RunResult) -> None:
    for name in CHECK_TABLES:
        df = run.tables[name]
        expected = df.copy()
        for column in SCHEMAS[name].columns:
            if column.dtype == STR:
                expected[column.name] = expected[column.name].replace("", pd.NA)
        pd.testing.assert_frame_equal(read_back(df, name), expected, check_exact=False, rtol=1e-9)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ARTICLES)
def test_pipeline_on_generated_articles(articles: list[Article]) -> None:
    """Nothing raises; every fact and flag points inside its document and sentence;
    resolved dates render back to their interval; the audit files round-trip through
    pandas with their declared dtypes (neutralized cells restored)."""
    run = run_on(articles)
    facts_and_flags_point_inside(run)
    resolved_dates_render_back(run)
    audit_files_round_trip(run)
