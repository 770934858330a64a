"""The seed articles end to end, and their golden audit files."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from consistency.cli import main
from tests.golden.rebuild import GOLDEN, ROOT, golden_tables


@pytest.fixture(scope="module")
def seeds_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("seeds")
    main(["check", str(ROOT / "seeds"), "--out", str(out), "--fail-on", "never"])
    return out


def test_both_seeds_listed_and_first_anchored_from_its_own_text(seeds_out: Path) -> None:
    documents = pd.read_csv(seeds_out / "documents.csv").set_index("doc_id")
    assert list(documents.index) == ["000_ee9d6c7da099dff2", "003_6416b27d7081f7ba"]
    first = documents.loc["000_ee9d6c7da099dff2"]
    assert first["anchor_date"] == "2022-06-15"
    assert first["anchor_basis"] == "text"
    assert first["anchor_evidence"] == "Wednesday (15/6/2022)"
    second = documents.loc["003_6416b27d7081f7ba"]
    assert (second["anchor_date"], second["anchor_basis"]) == ("2022-06-15", "propagated")


def test_read_also_and_post_a_comment_are_dropped(seeds_out: Path) -> None:
    dropped = pd.read_csv(seeds_out / "dropped.csv")
    lines = dropped[dropped["doc_id"] == "000_ee9d6c7da099dff2"]["text"].tolist()
    assert sum(line.startswith("Read Also:") for line in lines) == 3
    assert "Post a Comment" in lines
    assert "Previous Post Next Post" in lines
    sentences = pd.read_csv(seeds_out / "sentences.csv")["text"]
    assert not sentences.str.contains("Read Also|Post a Comment").any()


def test_golden_audit_files_match(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    for name, text in golden_tables().items():
        expected = (GOLDEN / f"{name}.csv").read_text(encoding="utf-8")
        assert text == expected, f"{name}.csv differs; rebuild with python -m tests.golden.rebuild"
