"""``hotseat doctor``."""

from __future__ import annotations

import argparse
from typing import Any

from hotseat.cli.common import print_json

_MARK = {"ok": "ok  ", "warn": "warn", "fail": "FAIL"}


def register(sub: Any) -> None:
    parser = sub.add_parser("doctor", help="check what works here and what to install")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from hotseat.doctor import run_checks
    from hotseat.tui.app import HotseatApp
    from hotseat.tui.keymap import app_binding_ids

    # The [keys] table names the app's key bindings: only the TUI knows them.
    checks = run_checks(key_ids=app_binding_ids(HotseatApp).keys())
    if args.json:
        print_json([c.__dict__ for c in checks])
    else:
        width = max((len(c.name) for c in checks), default=10)
        for c in checks:
            print(f"[{_MARK.get(c.status, c.status)}] {c.name:<{width}}  {c.detail}")
            if c.fix and c.status != "ok":
                print(f"       {'':<{width}}  -> {c.fix}")
    blocked = [c for c in checks if c.required and c.status == "fail"]
    return 1 if blocked else 0
