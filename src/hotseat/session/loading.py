"""Loading the app's data so that no broken file can stop it from starting.

A broken user question pack is skipped by the bank itself; here a broken
built-in bank or modes file (a bug, or a damaged install) becomes a notice on
the home screen and the app starts with what it has.
"""

from __future__ import annotations

from pathlib import Path

from hotseat.questions import Bank, load_bank
from hotseat.session import Mode, ModeBook, load_modes
from hotseat.session.datafile import DataFileError

# When modes.toml cannot be read: a plain interview still works.
PLAIN_MODES = ModeBook(
    [
        Mode(
            id="mock",
            name="Mock interview",
            description="A mixed interview, opening to closing question.",
            shape="interview",
            count=5,
            count_min=1,
            count_max=12,
            hard_limit_factor=2.0,
        )
    ]
)


def skipped_notices(bank: Bank) -> list[str]:
    return [
        f"Skipped question pack {Path(p.file).name}, line {p.line}: {p.message}"
        for p in bank.skipped
    ]


def load_bank_safely(given: Bank | None = None) -> tuple[Bank, list[str]]:
    if given is not None:
        return given, skipped_notices(given)
    try:
        bank = load_bank()
    except (OSError, ValueError) as exc:
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        return Bank(packs=[], competencies={}), [f"The question bank could not load: {first}"]
    notices = skipped_notices(bank)
    if not bank.questions:
        notices.append("No questions are installed: run 'hotseat doctor'.")
    return bank, notices


def load_modes_safely() -> tuple[ModeBook, list[str]]:
    try:
        return load_modes(), []
    except (DataFileError, OSError) as exc:
        problems = exc.problems if isinstance(exc, DataFileError) else [str(exc)]
        return PLAIN_MODES, [f"Practice modes could not load ({problems[0]}); mock interview only."]
