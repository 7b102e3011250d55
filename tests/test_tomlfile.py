"""Finding the line of a table, an entry or a key, so data-file errors point at it."""

from __future__ import annotations

import tomllib

import pytest

from hotseat.tomlfile import TomlLines, decode_error_line

TEXT = """\
title = "top"          # 1

[pack]                 # 3
id = "p"
name = "Pack"          # 5

[[questions]]          # 7
id = "a"
text = "First?"        # 9

[[questions]]          # 11
id = "b"

[ findings . ramble ]  # 14
points = -1
"""


def test_tables_and_array_entries_are_found_by_header() -> None:
    lines = TomlLines(TEXT)
    assert lines.table("pack") == 3
    assert lines.table("findings.ramble") == 14  # spaces around the dot are allowed
    assert lines.table("questions") is None  # [[questions]] is not a [questions] table
    assert lines.array_items("questions") == [7, 11]
    assert lines.array_item("questions", 1) == 11
    assert lines.array_item("questions", 2) is None


def test_a_key_is_found_only_inside_its_own_table() -> None:
    lines = TomlLines(TEXT)
    assert lines.key(3, "name") == 5
    assert lines.key(7, "text") == 9
    assert lines.key(11, "text") is None  # the second question has no text
    assert lines.key(0, "title") == 1  # 0: the top level
    assert lines.key(0, "id") is None  # every id is inside a table


def test_first_key_and_first_mention_search_the_whole_file() -> None:
    lines = TomlLines(TEXT)
    assert lines.first_key("id") == 4
    assert lines.first_mention("questions") == 7
    assert lines.first_mention("name") == 5
    assert lines.first_mention("missing") is None


@pytest.mark.parametrize(
    ("dotted", "line"),
    [
        ("findings.ramble", 14),  # the table itself
        ("findings.ramble.points", 15),  # a key in it
        ("findings.ramble.absent", 14),  # not written: its table
        ("pack.name", 5),
        ("nowhere.points", 15),  # no table: the key anywhere
        ("nowhere.at-all", None),
    ],
)
def test_a_dotted_key_falls_back_to_its_nearest_table(dotted: str, line: int | None) -> None:
    assert TomlLines(TEXT).dotted(dotted) == line


def test_a_syntax_error_names_its_line() -> None:
    with pytest.raises(tomllib.TOMLDecodeError) as caught:
        tomllib.loads('a = 1\nb = 2\nc = "open\n')
    assert decode_error_line(caught.value) == 3
