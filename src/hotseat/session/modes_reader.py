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
from hotseat.session.datafile import DataFileError, is_number, is_text_list, read_toml
from hotseat.session.modes import LINE_KEYS, SHAPES, Ladder, Mode, ModeBook, ReviewSchedule
from hotseat.tomlfile import TomlLines

_ID_RE = re.compile(r"^[a-z][a-z0-9-]*$")

_FIELDS = {
    "name", "description", "aliases", "drill", "shape", "count", "count_min", "count_max",
    "kinds", "max_question_seconds", "tailor", "prep_seconds", "answer_seconds",
    "hard_limit_factor", "ladder", "interrupt", "auto_advance", "review_seconds",
    "pause_allowed", "silence_end", "follow_ups", "max_follow_ups", "personas_min",
    "personas_max", "opening", "closing", "greet_each", "schedule",
}  # fmt: skip


class ModeReader:
    """Checks one [modes.<id>] table, collecting problems with their lines."""

    def __init__(self, source: Path, lines: TomlLines, start: int, mode_id: str, out: list[str]):
        self.source, self.lines, self.start, self.mode_id, self.out = (
            source, lines, start, mode_id, out
        )  # fmt: skip

    def bad(self, key: str, message: str) -> None:
        line = (self.lines.key(self.start, key) or self.start) if key else self.start
        where = f"[modes.{self.mode_id}]" + (f" {key}" if key else "")
        self.out.append(f"{self.source}:{line}: {where}: {message}")

    def mode(self, raw: dict[str, Any]) -> Mode | None:
        before = len(self.out)
        if not _ID_RE.match(self.mode_id):
            self.bad("", "mode ids are lowercase letters, digits and dashes")
        for key in raw:
            if key not in _FIELDS:
                self.bad(key, f"unknown field (known: {', '.join(sorted(_FIELDS))})")
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
        kinds = self.texts(raw, "kinds")
        for kind in kinds:
            if kind not in KINDS:
                self.bad("kinds", f"{kind!r} is not a question kind ({', '.join(KINDS)})")
        band = raw.get("answer_seconds")
        answer: tuple[float, float] | None = None
        if band is not None:
            if isinstance(band, list) and len(band) == 2 and all(is_number(v) for v in band):
                answer = (float(band[0]), float(band[1]))
            if answer is None or not 0 < answer[0] < answer[1]:
                self.bad("answer_seconds", "must be [min, max] in seconds with 0 < min < max")
                answer = None
        ladder = self.ladder(raw.get("ladder"))
        follow_ups = self.flag(raw, "follow_ups", False)
        max_follow_ups = self.whole(raw, "max_follow_ups", 1 if follow_ups else 0, low=0)
        if follow_ups and max_follow_ups < 1:
            self.bad("max_follow_ups", "must be at least 1 when follow_ups is on")
        personas_min = self.whole(raw, "personas_min", 1, low=1)
        personas_max = self.whole(raw, "personas_max", personas_min, low=1)
        if personas_max < personas_min:
            self.bad("personas_max", "must not be below personas_min")
        opening, closing = self.line_keys(raw, "opening"), self.line_keys(raw, "closing")
        schedule = self.schedule(raw.get("schedule"))
        if shape == "review" and schedule is None and "schedule" not in raw:
            schedule = ReviewSchedule()
        if len(self.out) > before:
            return None
        return Mode(
            id=self.mode_id,
            name=name,
            description=description,
            shape=shape,
            aliases=tuple(self.texts(raw, "aliases")),
            drill=drill,
            count=count,
            count_min=count_min,
            count_max=count_max,
            kinds=tuple(kinds),
            max_question_seconds=self.seconds(raw, "max_question_seconds"),
            tailor=self.flag(raw, "tailor", False),
            prep_seconds=self.seconds(raw, "prep_seconds", allow_zero=True),
            answer_seconds=answer,
            hard_limit_factor=self.seconds(raw, "hard_limit_factor"),
            ladder=ladder,
            interrupt=self.flag(raw, "interrupt", False),
            auto_advance=self.flag(raw, "auto_advance", False),
            review_seconds=self.seconds(raw, "review_seconds", allow_zero=True) or 0.0,
            pause_allowed=self.flag(raw, "pause_allowed", not drill),
            silence_end=self.flag(raw, "silence_end", drill),
            follow_ups=follow_ups,
            max_follow_ups=max_follow_ups if follow_ups else 0,
            personas_min=personas_min,
            personas_max=personas_max,
            opening=tuple(opening),
            closing=tuple(closing),
            greet_each=self.flag(raw, "greet_each", False),
            schedule=schedule,
        )

    # -- field readers (each reports its own mistakes) ---------------------------

    def text(self, raw: dict[str, Any], key: str, *, required: bool = False) -> str:
        value = raw.get(key)
        if value is None and not required:
            return ""
        if not isinstance(value, str) or not value.strip():
            self.bad(key, "is required text" if required else "must be text")
            return ""
        return value.strip()

    def texts(self, raw: dict[str, Any], key: str) -> list[str]:
        value = raw.get(key, [])
        if not is_text_list(value):
            self.bad(key, "must be a list of text")
            return []
        return [str(v) for v in value]

    def flag(self, raw: dict[str, Any], key: str, default: bool) -> bool:
        value = raw.get(key, default)
        if not isinstance(value, bool):
            self.bad(key, "must be true or false")
            return default
        return value

    def whole(self, raw: dict[str, Any], key: str, default: int, *, low: int) -> int:
        value = raw.get(key, default)
        if not isinstance(value, int) or isinstance(value, bool) or value < low:
            self.bad(key, f"must be a whole number, at least {low}")
            return default
        return value

    def seconds(self, raw: dict[str, Any], key: str, *, allow_zero: bool = False) -> float | None:
        value = raw.get(key)
        if value is None:
            return None
        if not is_number(value) or value < 0 or (value == 0 and not allow_zero):
            self.bad(key, "must be a positive number" + (" or 0" if allow_zero else ""))
            return None
        return float(value)

    def line_keys(self, raw: dict[str, Any], key: str) -> list[str]:
        keys = self.texts(raw, key)
        for item in keys:
            if item not in LINE_KEYS:
                self.bad(key, f"{item!r} is not a persona line ({', '.join(LINE_KEYS)})")
        return keys

    def numbers(self, value: Any, key: str, names: tuple[str, ...]) -> dict[str, float] | None:
        if value is None:
            return None
        if not isinstance(value, dict) or set(value) != set(names):
            self.bad(key, f"must be a table with exactly {', '.join(names)}")
            return None
        if not all(is_number(value[n]) and value[n] > 0 for n in names):
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
