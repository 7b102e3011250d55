"""``hotseat models list`` and ``hotseat models download [NAME]``."""

from __future__ import annotations

import argparse
import sys
import time
from typing import Any, TextIO

from hotseat.cli.common import UsageError


def register(sub: Any) -> None:
    parser = sub.add_parser("models", help="list or download Vosk speech models")
    actions = parser.add_subparsers(dest="models_action", metavar="ACTION")
    listing = actions.add_parser("list", help="installed and known models, and the one in use")
    listing.set_defaults(func=run_list)
    fetch = actions.add_parser("download", help="fetch a model (default: small US English)")
    fetch.add_argument("name", nargs="?", help="model name (see 'hotseat models list')")
    fetch.add_argument(
        "--if-missing",
        action="store_true",
        help="do nothing when a usable Vosk model is already installed",
    )
    fetch.add_argument("--url", help="fetch from this address instead (a mirror)")
    fetch.add_argument("--sha256", help="expected SHA-256 of the archive at --url")
    fetch.add_argument(
        "--max-bytes",
        type=int,
        help="stop a download of unknown size (--url with --sha256) past this many bytes "
        "(default 2 GiB)",
    )
    fetch.set_defaults(func=run_download)
    parser.set_defaults(func=lambda args: run_list(args))


def _mb(n: int) -> str:
    return f"{n / 1e6:.1f} MB"


def run_list(args: argparse.Namespace) -> int:
    from hotseat import paths
    from hotseat.asr.catalog import KNOWN_MODELS
    from hotseat.asr.models import discover_model, installed_models
    from hotseat.settings import load_settings

    settings = load_settings()
    found = discover_model(getattr(args, "model", None), settings.model_path)
    print(f"In use: {found.summary if found.path else 'none (the built-in recognizer)'}")
    for problem in found.problems:
        print(f"  problem: {problem}")
    print("\nInstalled:")
    installed = installed_models()
    for item in installed:
        state = "ok" if not item.problems else "INCOMPLETE: " + ", ".join(item.problems)
        print(f"  {item.path.name:<36} {state}  ({item.source}: {item.path})")
    if not installed:
        print(f"  none (hotseat's model folder is {paths.models_dir()})")
    print("\nKnown (hotseat models download NAME):")
    for known in KNOWN_MODELS.values():
        print(
            f"  {known.name:<36} {known.language}, {_mb(known.size)}, {known.licence}: {known.note}"
        )
    return 0


class _ProgressBar:
    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._tty = stream.isatty()
        self._started = time.monotonic()
        self._last_step = -1

    def __call__(self, done: int, total: int) -> None:
        fraction = done / total if total else 0.0
        if self._tty:
            rate = done / max(0.001, time.monotonic() - self._started)
            filled = int(fraction * 24)
            bar = "#" * filled + "-" * (24 - filled)
            self._stream.write(
                f"\r  [{bar}] {fraction:4.0%}  {_mb(done)} of {_mb(total)}  {rate / 1e6:.1f} MB/s "
            )
            if total and done >= total:
                self._stream.write("\n")
        else:  # a log, not a terminal: a line every quarter
            step = int(fraction * 4)
            if step != self._last_step:
                self._last_step = step
                self._stream.write(f"  {fraction:.0%} ({_mb(done)} of {_mb(total)})\n")
        self._stream.flush()


def run_download(args: argparse.Namespace) -> int:
    from hotseat import paths
    from hotseat.asr.catalog import KNOWN_MODELS
    from hotseat.asr.download import DownloadError, Limits, check_digest, download_model
    from hotseat.asr.models import DEFAULT_MODEL_NAME, discover_model, model_problems
    from hotseat.settings import load_settings

    name = args.name or DEFAULT_MODEL_NAME
    if name not in KNOWN_MODELS:
        raise UsageError(f"unknown model {name!r}; known: {', '.join(KNOWN_MODELS)}")
    if args.sha256 and not args.url:
        raise UsageError("--sha256 goes with --url")
    if args.sha256:
        try:
            check_digest(args.sha256)  # at once, not after the whole download
        except DownloadError as exc:
            raise UsageError(str(exc)) from None
    if args.max_bytes is not None and args.max_bytes <= 0:
        raise UsageError("--max-bytes must be a positive number of bytes")
    target = paths.models_dir() / name
    if args.if_missing:
        found = (
            discover_model(setting=load_settings().model_path)
            if args.name is None
            else discover_model(str(target))
        )
        if found.path is not None:
            print(f"hotseat: a Vosk model is already installed: {found.path}")
            return 0
    elif target.is_dir() and not model_problems(target):
        print(f"hotseat: {name} is already installed in {target}")
        return 0
    model = KNOWN_MODELS[name]
    if args.url:
        model = model.from_mirror(args.url, args.sha256)
    print(f"Downloading {name} ({_mb(model.size) if model.size else 'size unknown'}) ...")
    try:
        limits = Limits() if args.max_bytes is None else Limits(max_bytes=args.max_bytes)
        path = download_model(model, progress=_ProgressBar(sys.stderr), limits=limits)
    except DownloadError as exc:
        print(f"hotseat: cannot download {name}: {exc}", file=sys.stderr)
        return 1
    print(f"Installed {name} in {path}")
    return 0
