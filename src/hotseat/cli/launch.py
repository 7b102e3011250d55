"""``hotseat`` with no subcommand: launch the Textual app (imported only then)."""

from __future__ import annotations

import argparse


def launch(args: argparse.Namespace) -> int:
    from hotseat.tui.app import run_app

    return run_app(args)
