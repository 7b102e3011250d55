"""``hotseat practice``: start the app in a practice mode, or list the modes.

The choices are checked here, before any screen opens, by planning the session
once (a wrong mode, count, category or pack is one line and exit 2). Then
``args`` carries them to the app: ``mode`` (the mode's id), ``count``,
``category``, ``pack``, ``company``, ``role``, ``notes`` (the text of the notes
file), ``notes_file``, ``persona`` (the lead interviewer), ``personas`` (all of
them, for a panel) and ``autostart`` (skip the home screen).
"""

from __future__ import annotations

import argparse
import random
import textwrap
from typing import TYPE_CHECKING, Any

from hotseat.cli.common import UsageError, checked_persona, read_text_arg

if TYPE_CHECKING:
    from hotseat.session import Mode


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "practice",
        help="practise in a mode: mock interview, drills, panel, spaced review",
        description="Start a practice session in one of hotseat's modes "
        "(see 'hotseat practice --list').",
    )
    parser.add_argument("--list", action="store_true", help="list the modes and exit")
    parser.add_argument(
        "--mode",
        help="mock, focus, rapid-fire, pressure-ladder, curveball, panel or review (see --list)",
    )
    parser.add_argument("--count", type=int, help="number of questions (follow-ups not counted)")
    parser.add_argument("--category", help="only questions of this category")
    parser.add_argument("--pack", help="only questions of this pack (e.g. a role pack)")
    parser.add_argument("--company", default="", help="company name for {company}")
    parser.add_argument("--role", default="", help="role title for {role}")
    parser.add_argument("--notes", metavar="FILE", help="company notes or job description")
    parser.add_argument(
        "--persona",
        action="append",
        dest="practice_personas",
        metavar="P",
        help="interviewer persona id; repeat (or separate with commas) for a panel",
    )
    # The app's own switches, also accepted after the subcommand.
    parser.add_argument("--typed", action="store_true", dest="practice_typed",
                        help="type answers instead of speaking them")  # fmt: skip
    parser.add_argument("--mute", action="store_true", dest="practice_mute",
                        help="captions only, no interviewer voice")  # fmt: skip
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from hotseat.session import load_modes
    from hotseat.session.datafile import DataFileError

    try:
        modes = load_modes()
    except DataFileError as exc:
        raise UsageError(f"the modes file is broken: {exc.problems[0]}") from None
    if args.list:
        for mode in modes:
            aliases = f" (also: {', '.join(mode.aliases)})" if mode.aliases else ""
            print(f"{mode.id}{aliases}: {mode.name}")
            counts = f"{mode.count_min}-{mode.count_max} questions, {mode.count} by default."
            timing = mode.timing_summary().capitalize() + "."
            for text in (mode.description, timing, counts):
                print(
                    textwrap.fill(
                        text,
                        78,
                        initial_indent="    ",
                        subsequent_indent="    ",
                        break_on_hyphens=False,
                    )
                )
        return 0
    if not args.mode:
        raise UsageError("choose a mode with --mode MODE (see 'hotseat practice --list')")
    found = modes.get(args.mode)
    if found is None:
        raise UsageError(f"unknown mode {args.mode!r} (choose one of: {', '.join(modes.ids())})")
    mode = found
    personas = _personas(args, mode)
    notes = read_text_arg(None, args.notes, "notes") if args.notes else ""
    _check_plan(args, mode.id, personas, notes)
    args.mode = mode.id
    args.count = mode.count if args.count is None else args.count
    args.notes_file = args.notes
    args.notes = notes
    args.personas = personas
    args.persona = personas[0]
    args.autostart = True
    args.typed = args.typed or args.practice_typed
    args.mute = args.mute or args.practice_mute
    from hotseat.cli import launch

    return launch.launch(args)


def _personas(args: argparse.Namespace, mode: Mode) -> list[str]:
    """The interviewers asked for, checked; a panel short of them is filled up."""
    from hotseat.session.cast import fill_cast
    from hotseat.speech import load_personas

    given = [p.strip() for item in args.practice_personas or [] for p in item.split(",")]
    if not any(given) and getattr(args, "persona", None):
        given = [str(args.persona)]  # `hotseat --persona P practice ...`
    chosen = [checked_persona(persona) for persona in dict.fromkeys(given) if persona]
    return fill_cast(mode, chosen, load_personas().ids())  # the default persona first


def _check_plan(args: argparse.Namespace, mode: str, personas: list[str], notes: str) -> None:
    """Plan once with the real bank so wrong choices fail here, as one line."""
    from hotseat.questions import load_bank
    from hotseat.session import PlanError, plan_session

    try:
        plan_session(
            mode,
            load_bank(),
            count=args.count,
            category=args.category,
            pack=args.pack,
            company=args.company,
            role=args.role,
            notes=notes,
            personas=personas,
            rng=random.Random(0),
        )
    except PlanError as exc:
        raise UsageError(str(exc)) from None
