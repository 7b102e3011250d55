"""``hotseat transcribe FILE.wav`` and ``hotseat transcribe --mic --seconds N``."""

from __future__ import annotations

import argparse
import contextlib
import sys
import threading
import time
from pathlib import Path
from typing import Any

from hotseat.asr.engine import ENGINE_NAMES
from hotseat.cli.common import UsageError, print_json

DEFAULT_SECONDS = 10.0
MAX_SECONDS = 3600


def register(sub: Any) -> None:
    parser = sub.add_parser("transcribe", help="turn a recording (or the microphone) into text")
    parser.add_argument("file", nargs="?", help="a WAV file (any rate, any number of channels)")
    parser.add_argument("--mic", action="store_true", help="record from the microphone instead")
    parser.add_argument(
        "--seconds", type=float, help="how long to record with --mic (default 10, at most 3600)"
    )
    parser.add_argument("--engine", choices=ENGINE_NAMES, help="default: Vosk if installed")
    # SUPPRESS keeps these from overwriting the same options given before the subcommand.
    parser.add_argument("--model", default=argparse.SUPPRESS, help="folder of a Vosk model")
    parser.add_argument(
        "--input-device",
        default=argparse.SUPPRESS,
        help="microphone: a device number or part of its name",
    )
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from hotseat.asr import AudioFileError, EngineError, transcribe_file
    from hotseat.transcript import Transcript

    if args.mic == bool(args.file):
        raise UsageError("give a WAV file or --mic (one of them)")
    if args.file and args.seconds is not None:
        raise UsageError("--seconds is for --mic; a file is transcribed whole")
    if args.seconds is None:
        args.seconds = DEFAULT_SECONDS
    model = getattr(args, "model", None)
    transcript: Transcript
    if args.file:
        try:
            transcript = transcribe_file(Path(args.file), args.engine, model)
        except AudioFileError as exc:
            raise UsageError(str(exc)) from None
        except EngineError as exc:
            raise UsageError(str(exc)) from None
    else:
        if not 0 < args.seconds <= MAX_SECONDS:
            raise UsageError(
                f"--seconds must be more than 0 and at most {MAX_SECONDS}, not {args.seconds:g}"
            )
        transcript = _record(args, model)
    for note in transcript.notes:
        print(f"hotseat: {note.text}", file=sys.stderr)
    if args.json:
        data = transcript.to_dict()
        print_json(
            {
                "text": data["text"],
                "words": data["words"],
                "engine": data["engine"],
                "duration": data["duration"],
            }
        )
    else:
        print(transcript.text)
    return 0


def _record(args: argparse.Namespace, model: str | None) -> Any:
    from hotseat.asr.listener import MicListener
    from hotseat.settings import load_settings
    from hotseat.transcript import Transcript

    settings = load_settings()
    device = getattr(args, "input_device", None)
    listener = MicListener(settings, engine=args.engine, model=model, input_device=device)
    try:
        listener.wait_ready()
        if not listener.available:
            raise UsageError(listener.notice[:1].lower() + listener.notice[1:].rstrip("."))
        live = sys.stderr.isatty() and not args.json
        done = threading.Event()
        result: list[Transcript] = []

        def show(text: str) -> None:
            if live:
                tail = text[-70:]
                sys.stderr.write(f"\r\x1b[K  {tail}")
                sys.stderr.flush()

        def final(transcript: Transcript) -> None:
            result.append(transcript)
            done.set()

        print(
            f"Recording for {args.seconds:g} s with {listener.engine_description}: speak now.",
            file=sys.stderr,
        )
        listener.start_answer(show, lambda level: None, final)
        # Ctrl-C ends the recording early; the words so far are kept.
        with contextlib.suppress(KeyboardInterrupt):
            time.sleep(args.seconds)
        listener.finish_answer()
        done.wait()
        if live:
            sys.stderr.write("\r\x1b[K")
        if listener.last_recording is not None:
            print(f"Saved the recording as {listener.last_recording}", file=sys.stderr)
        return result[0]
    finally:
        listener.close()
