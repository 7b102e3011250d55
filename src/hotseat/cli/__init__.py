"""The ``hotseat`` command. With no subcommand it launches the app.

Each subcommand lives in its own module under ``hotseat.cli`` with a
``register(subparsers)`` function; handlers import heavy things lazily so that
``hotseat --version`` and ``--help`` stay instant.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from hotseat import __version__
from hotseat.cli.common import HotseatArgumentParser, UsageError, checked_persona

# Modules under hotseat.cli that each add one or more subcommands.
COMMAND_MODULES = (
    "questions_cmd",
    "analyze_cmd",
    "doctor_cmd",
    "voices_cmd",
    "transcribe_cmd",
    "models_cmd",
    "history_cmd",
    "practice_cmd",
)


def build_parser() -> argparse.ArgumentParser:
    parser = HotseatArgumentParser(
        prog="hotseat",
        description="Rehearse spoken interview answers offline: hotseat asks, "
        "you answer out loud, it coaches.",
    )
    parser.add_argument("--version", action="version", version=f"hotseat {__version__}")
    parser.add_argument("--persona", help="interviewer persona id (see 'hotseat voices list')")
    parser.add_argument("--mute", action="store_true", help="captions only, no interviewer voice")
    parser.add_argument("--input-device", help="microphone: a device number or part of its name")
    parser.add_argument("--model", help="folder of a Vosk model to use")
    parser.add_argument(
        "--typed", action="store_true", help="type answers instead of speaking them"
    )
    sub = parser.add_subparsers(
        dest="command", metavar="COMMAND", parser_class=HotseatArgumentParser
    )
    for name in COMMAND_MODULES:
        importlib.import_module(f"hotseat.cli.{name}").register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    from hotseat.privacy import private_umask

    private_umask()  # answers, recordings and settings are the user's alone
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.persona:  # the same check, before any command runs
            args.persona = checked_persona(args.persona)
        if args.command is None:
            from hotseat.cli.launch import launch

            return launch(args)
        result: int = args.func(args)
        return result
    except UsageError as exc:
        print(f"hotseat: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
