"""Every fact, sentence and dropped line points into the original text."""

from __future__ import annotations

from pathlib import Path

from consistency import pipeline
from tests.conftest import WriteArticle

OTHER = (
    "Floods hit the north\n\nRead Also: Rain returns\n\n"
    "Rescuers said on Tuesday (4/4/2023) that 1,200 people had been moved, "
    "about 30 percent more than in 2019. The second wave is expected next week.\n"
)


def assert_offsets(run: pipeline.RunResult) -> None:
    texts = run.texts
    for name in ("facts", "sentences", "dropped"):
        table = run.tables[name]
        assert len(table), name
        for row in table.itertuples(index=False):
            assert texts[row.doc_id][row.char_start : row.char_end] == row.text, (name, row)


def test_offsets_on_seeds(seeds_dir: Path) -> None:
    assert_offsets(pipeline.check([seeds_dir]))


def test_offsets_on_other_text(write: WriteArticle) -> None:
    run = pipeline.check([write("floods.txt", OTHER)])
    assert_offsets(run)
    dropped = run.tables["dropped"]
    assert list(dropped["reason"]) == ["related-link teaser"]
    sentences = run.tables["sentences"]["text"].tolist()
    assert not any("Read Also" in s for s in sentences)
    assert sentences[0] == "Floods hit the north"


def test_no_fact_starts_in_the_front_matter_before_a_leading_role_noun(
    write: WriteArticle,
) -> None:
    text = "---\npublished: 2023-03-02\n---\nThe mayor, Anna Berg, opened the bridge on Monday.\n"
    run = pipeline.check([write("bridge.md", text)])
    facts = run.tables["facts"]
    body = text.index("The mayor")
    assert (facts["char_start"] >= body).all(), facts[facts["char_start"] < body]
    assert facts["sent_id"].notna().all()
    assert_offsets(run)
