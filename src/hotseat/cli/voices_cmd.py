"""``hotseat voices list`` and ``hotseat say``: the interviewer's voice from the shell."""

from __future__ import annotations

import argparse
import sys
import threading
from typing import TYPE_CHECKING, Any

from hotseat.cli.common import HotseatArgumentParser, UsageError, checked_persona, print_json

if TYPE_CHECKING:
    from hotseat.speech.catalog import PersonaCatalog
    from hotseat.speech.speaker import VoiceSpeaker


def register(sub: Any) -> None:
    voices = sub.add_parser("voices", help="the interviewer personas and the voices they use")
    actions = voices.add_subparsers(
        dest="action", metavar="ACTION", required=True, parser_class=HotseatArgumentParser
    )
    listing = actions.add_parser("list", help="personas and the system voice each one uses")
    listing.add_argument("--system", action="store_true", help="list the system's voices instead")
    listing.add_argument("--json", action="store_true", help="machine-readable output")
    listing.set_defaults(func=run_list)

    say = sub.add_parser("say", help="speak a line aloud; returns when it has finished playing")
    say.add_argument("text", nargs="?", metavar="TEXT", help="what to say")
    say.add_argument(
        "--persona",
        dest="say_persona",
        metavar="NAME",
        help="which interviewer speaks (see 'hotseat voices list')",
    )
    say.add_argument(
        "--line",
        metavar="KIND",
        help="say one of the persona's own lines instead: greeting, moving_on, follow_up, "
        "interrupt, time_warning, closing",
    )
    say.set_defaults(func=run_say)


def _catalog() -> PersonaCatalog:
    from hotseat.speech import load_personas

    catalog = load_personas()
    for problem in catalog.problems:
        print(f"hotseat: {problem}", file=sys.stderr)
    return catalog


def _speaker(catalog: PersonaCatalog, *, muted: bool = False) -> VoiceSpeaker:
    from hotseat.settings import load_settings
    from hotseat.speech.speaker import VoiceSpeaker

    settings = load_settings()
    speaker = VoiceSpeaker(
        muted=muted or settings.muted, output_device=settings.output_device, catalog=catalog
    )
    speaker.wait_ready(30)
    return speaker


def run_list(args: argparse.Namespace) -> int:
    from hotseat.speech.renderer import system_voices

    catalog = _catalog()
    engine, voices, problem = system_voices()
    if problem:
        print(f"hotseat: no system voices: {problem}", file=sys.stderr)
    if args.system:
        rows = [
            {"id": v.id, "name": v.name, "languages": list(v.languages), "gender": v.gender}
            for v in voices
        ]
        if args.json:
            print_json({"engine": engine, "voices": rows})
        else:
            for v in voices:
                print(f"{v.id:<28} {v.name:<34} {', '.join(v.languages)}")
        return 0 if voices else 1
    from hotseat.speech.voices import resolve_voice

    out = []
    for pid in catalog.ids():
        persona = catalog.personas[pid]
        resolved = resolve_voice(persona.voice, voices, engine)
        out.append(
            {
                "id": pid,
                "name": persona.name,
                "description": persona.description,
                "default": pid == catalog.default_id,
                "voice": resolved.voice_id if resolved else None,
                "voice_name": resolved.voice.name if resolved else None,
                "how": resolved.how if resolved else "none",
                "note": resolved.note if resolved else "no voices installed",
                "rate": persona.voice.rate,
                "pitch": persona.voice.pitch,
                "source": str(persona.source) if persona.source else "",
            }
        )
    if args.json:
        print_json(out)
        return 0
    for row in out:
        mark = "*" if row["default"] else " "
        voice = f"{row['voice_name']} [{row['voice']}]" if row["voice"] else "(no voice)"
        print(f"{mark} {row['id']:<16} {row['name']}")
        print(f"    {voice}, {row['rate']} wpm, pitch {row['pitch']}")
        if row["how"] in ("fallback", "none"):
            print(f"    {row['note']}")
    print("* default persona; add your own in", _user_dir())
    return 0


def _user_dir() -> str:
    from hotseat import paths

    return str(paths.user_voices_dir())


def run_say(args: argparse.Namespace) -> int:
    from hotseat.speech import LINE_KINDS

    if args.line is not None and args.line not in LINE_KINDS:
        raise UsageError(f"unknown line {args.line!r} (choose from: {', '.join(LINE_KINDS)})")
    if not args.text and args.line is None:
        raise UsageError("say what? give the TEXT, or --line KIND")
    catalog = _catalog()
    given = args.say_persona or getattr(args, "persona", None)
    if given:  # asked for on the command line: unknown is a usage error
        given = checked_persona(given)
    persona, problem = catalog.resolve(given or _settings_persona())
    if problem:  # the settings file names one that is gone: say so, use the default
        print(f"hotseat: {problem}", file=sys.stderr)
    text = args.text if args.text else persona.line(args.line)
    speaker = _speaker(catalog, muted=bool(getattr(args, "mute", False)))
    try:
        if not speaker.available:
            print(f"hotseat: {speaker.notice}", file=sys.stderr)
            return 1
        done = threading.Event()
        outcome: dict[str, bool] = {}

        def finished(t: float, stopped: bool) -> None:
            outcome["stopped"] = stopped
            done.set()

        speaker.speak(text, persona.id, on_finished=finished)
        try:
            while not done.wait(0.1):
                pass
        except KeyboardInterrupt:
            speaker.stop()
            done.wait(2)
            return 130
        if not speaker.available:  # the output failed while playing
            print(f"hotseat: {speaker.notice}", file=sys.stderr)
            return 1
        return 0
    finally:
        speaker.close()


def _settings_persona() -> str:
    from hotseat.settings import load_settings

    return load_settings().persona
