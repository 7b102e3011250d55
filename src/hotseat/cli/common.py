"""Shared bits of the command line: one-line usage errors, output helpers."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any, NoReturn


class UsageError(Exception):
    """Wrong usage: printed as one line, exit status 2, no traceback."""


class HotseatArgumentParser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: {message} (see '{self.prog} --help')\n")


def checked_persona(persona_id: str) -> str:
    """The id of the persona asked for on the command line, or a UsageError.

    Every command treats an unknown ``--persona`` alike: one line, exit status 2
    (a persona named only in the settings file falls back to the default instead).
    """
    from hotseat.speech import load_personas

    catalog = load_personas()
    persona, problem = catalog.resolve(persona_id)
    if not problem:
        return persona.id
    if "could not be loaded" in problem:
        raise UsageError(f"persona {persona_id!r} could not be loaded (see 'hotseat doctor')")
    raise UsageError(f"unknown persona {persona_id!r} (choose from: {', '.join(catalog.ids())})")


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")


def read_text_arg(text: str | None, text_file: str | None, what: str) -> str:
    """Text given inline or as a file path ('-' for standard input)."""
    if text is not None:
        return text
    if text_file is None:
        raise UsageError(f"give the {what} with --text or --text-file")
    if text_file == "-":
        return sys.stdin.read()
    try:
        with open(text_file, encoding="utf-8", errors="replace") as handle:
            return handle.read()
    except OSError as exc:
        raise UsageError(f"cannot read {text_file}: {exc.strerror or exc}") from None
