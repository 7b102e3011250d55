"""Reading ``modes.toml``: ``load_modes()``, and each ``[modes.<id>]`` table checked field by field.

Every mistake is collected with its line, so one run of ``load_modes`` lists
them all.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from hotseat import resources
from hotseat.questions.model import KINDS
from hotseat.session.datafile import DataFileError, read_toml
from hotseat.session.modes import LINE_KEYS, SHAPES, Ladder, Mode, ModeBook, ReviewSchedule
from hotseat.tomlcheck import positive_number
from hotseat.tomlfields import FieldReader
from hotseat.tomlfile import TomlLines

_ID_RE = re.compile(r"^[a-z][a-z0-9-]*$")

_FIELDS = {
    "name", "description", "aliases", "drill", "shape", "count", "count_min", "count_max",
    "kinds", "max_question_seconds", "tailor", "prep_seconds", "answer_seconds",
    "hard_limit_factor", "ladder", "interrupt", "auto_advance", "review_seconds",
    "pause_allowed", "silence_end", "follow_ups", "max_follow_ups", "personas_min",
    "personas_max", "opening", "closing", "greet_each", "schedule",
}  # fmt: skip


class ModeReader(FieldReader):
    """Checks one [modes.<id>] table, collecting problems with their lines."""

    def __init__(self, source: Path, lines: TomlLines, start: int, mode_id: str, out: list[str]):
        super().__init__(source, lines, start, f"[modes.{mode_id}]", out)
        self.mode_id = mode_id

    def mode(self, raw: dict[str, Any]) -> Mode | None:
        before = len(self.problems)
        if not _ID_RE.match(self.mode_id):
            self.bad("", "mode ids are lowercase letters, digits and dashes")
        self.unknown(raw, _FIELDS)
        name = self.text(raw, "name", required=True)
        description = self.text(raw, "description", required=True)
        shape = self.text(raw, "shape", required=True)
        if shape and shape not in SHAPES:
            self.bad("shape", f"{shape!r} is not one of {', '.join(SHAPES)}")
        drill = self.flag(raw, "drill", False)
        count_min = self.whole(raw, "count_min", 1, low=1)
        count_max = self.whole(raw, "count_max", 20, low=1)
        count = self.whole(raw, "count", 5, low=1)
        if not count_min <= count <= count_max:
            self.bad("count", f"must lie within count_min..count_max ({count_min}-{count_max})")
        kinds = self.choices(raw, "kinds", KINDS, "a question kind")
        answer = self.band(raw, "answer_seconds")
        ladder = self.ladder(raw.get("ladder"))
        follow_ups = self.flag(raw, "follow_ups", False)
        max_follow_ups = self.whole(raw, "max_follow_ups", 1 if follow_ups else 0, low=0)
        if follow_ups and max_follow_ups < 1:
            self.bad("max_follow_ups", "must be at least 1 when follow_ups is on")
        personas_min = self.whole(raw, "personas_min", 1, low=1)
        personas_max = self.whole(raw, "personas_max", personas_min, low=1)
        if personas_max < personas_min:
            self.bad("personas_max", "must not be below personas_min")
        opening = self.choices(raw, "opening", LINE_KEYS, "a persona line")
        closing = self.choices(raw, "closing", LINE_KEYS, "a persona line")
        schedule = self.schedule(raw.get("schedule"))
        if shape == "review" and schedule is None and "schedule" not in raw:
            schedule = ReviewSchedule()
        if len(self.problems) > before:
            return None
        return Mode(
            id=self.mode_id,
            name=name,
            description=description,
            shape=shape,
            aliases=self.texts(raw, "aliases"),
            drill=drill,
            count=count,
            count_min=count_min,
            count_max=count_max,
            kinds=kinds,
            max_question_seconds=self.positive(raw, "max_question_seconds"),
            tailor=self.flag(raw, "tailor", False),
            prep_seconds=self.positive(raw, "prep_seconds", allow_zero=True),
            answer_seconds=answer,
            hard_limit_factor=self.positive(raw, "hard_limit_factor"),
            ladder=ladder,
            interrupt=self.flag(raw, "interrupt", False),
            auto_advance=self.flag(raw, "auto_advance", False),
            review_seconds=self.positive(raw, "review_seconds", allow_zero=True) or 0.0,
            pause_allowed=self.flag(raw, "pause_allowed", not drill),
            silence_end=self.flag(raw, "silence_end", drill),
            follow_ups=follow_ups,
            max_follow_ups=max_follow_ups if follow_ups else 0,
            personas_min=personas_min,
            personas_max=personas_max,
            opening=opening,
            closing=closing,
            greet_each=self.flag(raw, "greet_each", False),
            schedule=schedule,
        )

    # -- the mode's own tables ---------------------------------------------------

    def numbers(self, value: Any, key: str, names: tuple[str, ...]) -> dict[str, float] | None:
        if value is None:
            return None
        if not isinstance(value, dict) or set(value) != set(names):
            self.bad(key, f"must be a table with exactly {', '.join(names)}")
            return None
        if any(positive_number(value[n]) for n in names):
            self.bad(key, "every value must be a positive number")
            return None
        return {n: float(value[n]) for n in names}

    def ladder(self, value: Any) -> Ladder | None:
        got = self.numbers(value, "ladder", ("start", "shrink", "floor"))
        if got is None:
            return None
        if not 0 < got["shrink"] < 1 or got["floor"] > got["start"]:
            self.bad("ladder", "needs 0 < shrink < 1 and floor <= start")
            return None
        return Ladder(**got)

    def schedule(self, value: Any) -> ReviewSchedule | None:
        names = ("first_days", "growth", "max_days", "scale_min", "scale_max")
        got = self.numbers(value, "schedule", names)
        if got is None:
            return None
        if got["growth"] < 1 or got["scale_min"] > got["scale_max"]:
            self.bad("schedule", "needs growth >= 1 and scale_min <= scale_max")
            return None
        return ReviewSchedule(**got)


def load_modes(path: Path | None = None) -> ModeBook:
    """Read and check ``modes.toml``; raise DataFileError listing every mistake."""
    source = path or resources.asset("modes.toml")
    data, lines = read_toml(source)
    problems: list[str] = []
    table = data.get("modes")
    if not isinstance(table, dict) or not table:
        raise DataFileError([f"{source}:1: needs at least one [modes.<id>] table"])
    modes: list[Mode] = []
    seen_names: dict[str, str] = {}
    for mode_id, raw in table.items():
        start = lines.table(f"modes.{mode_id}") or 1
        reader = ModeReader(source, lines, start, mode_id, problems)
        if not isinstance(raw, dict):
            reader.bad("", "must be a table of settings")
            continue
        mode = reader.mode(raw)
        for name in (mode_id, *(mode.aliases if mode else ())):
            if name in seen_names:
                reader.bad("aliases", f"{name!r} is already used by mode {seen_names[name]!r}")
            seen_names[name] = mode_id
        if mode is not None:
            modes.append(mode)
    if problems:
        raise DataFileError(problems)
    return ModeBook(modes)
