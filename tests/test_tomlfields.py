"""The shared field reader: each wrong field is one problem naming file, line, table and field."""

from __future__ import annotations

import tomllib

from hotseat.tomlfields import FieldReader
from hotseat.tomlfile import TomlLines

TEXT = """\
[modes.panel]
name = "Panel"
count = 0
prep_seconds = nan
answer_seconds = [60, 30]
colour = "red"
"""


def test_every_wrong_field_is_recorded_with_its_line_and_defaults_are_returned() -> None:
    raw = tomllib.loads(TEXT)["modes"]["panel"]
    problems: list[str] = []
    read = FieldReader("modes.toml", TomlLines(TEXT), 1, "[modes.panel]", problems)
    read.unknown(raw, ("name", "count", "prep_seconds", "answer_seconds"))
    assert read.text(raw, "name", required=True) == "Panel"
    assert read.whole(raw, "count", 5, low=1) == 5
    assert read.positive(raw, "prep_seconds", allow_zero=True) is None
    assert read.band(raw, "answer_seconds") is None
    assert read.text(raw, "description", required=True) == ""
    assert problems == [
        "modes.toml:6: [modes.panel] colour: unknown field "
        "(known: answer_seconds, count, name, prep_seconds)",
        "modes.toml:3: [modes.panel] count: must be a whole number, at least 1",
        "modes.toml:4: [modes.panel] prep_seconds: must be a finite number, not nan",
        "modes.toml:5: [modes.panel] answer_seconds: must be [min, max] in seconds "
        "with 0 < min < max",
        "modes.toml:1: [modes.panel] description: is required text",
    ]


def test_missing_fields_are_named_on_the_header_and_whole_numbers_have_a_ceiling() -> None:
    raw = tomllib.loads(TEXT)["modes"]["panel"]
    problems: list[str] = []
    read = FieldReader("modes.toml", TomlLines(TEXT), 1, "[modes.panel]", problems)
    read.required(raw, "name", "look_for")
    assert read.whole({"count": 700}, "count", 5, low=0, high=600) == 5
    assert read.whole({"count": 600}, "count", 5, low=0, high=600) == 600
    assert problems == [
        "modes.toml:1: [modes.panel] look_for: is required",
        "modes.toml:3: [modes.panel] count: must be a whole number, from 0 to 600",
    ]
