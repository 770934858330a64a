"""Document ids: unique per run, from the path relative to the inputs."""

from __future__ import annotations

from consistency.ingest.naming import Name, safe_part, unique_ids


def test_id_is_the_path_relative_to_the_input() -> None:
    names = [Name(("work", "stories", "wire", "story"), 2), Name(("work", "a", "rival"), 1)]
    assert unique_ids(names) == ["wire/story", "rival"]


def test_same_name_in_two_folders_takes_one_folder_more() -> None:
    names = [Name(("work", "drafts", "story"), 1), Name(("work", "wire", "story"), 1)]
    assert unique_ids(names) == ["drafts/story", "wire/story"]


def test_only_the_colliding_names_grow() -> None:
    names = [
        Name(("x", "a", "story"), 1),
        Name(("x", "b", "story"), 1),
        Name(("x", "b", "other"), 1),
    ]
    assert unique_ids(names) == ["a/story", "b/story", "other"]


def test_identical_paths_are_numbered() -> None:
    names = [Name(("x", "batch", "a1"), 1), Name(("x", "batch", "a1"), 1)]
    assert unique_ids(names) == ["x/batch/a1", "x/batch/a1-2"]


def test_parts_are_safe_file_names() -> None:
    assert safe_part("..") == "_"
    assert safe_part(".hidden") == "hidden"
    assert safe_part("Café report: 2022") == "Café_report_2022"
    assert safe_part("a/b\\c\x00") == "a_b_c_"
