"""Make the README's screenshots from the real app (real bank, real feedback engine).

    .venv/bin/python scripts/screenshots.py

Writes docs/screenshot-home.svg and docs/screenshot-feedback.svg. Uses temporary
config and data folders, a fixed random seed and a fake clock, so the pictures
are reproducible and no user file is touched.
"""

from __future__ import annotations

import asyncio
import os
import tempfile
from pathlib import Path

DOCS = Path(__file__).resolve().parent.parent / "docs"

ANSWER = (
    "Last spring our weekly sales report took two days to build by hand. I was asked "
    "to speed it up, so I wrote a small Python pipeline and sat with the sales leads "
    "to learn what they really needed. As a result the report now builds in twenty "
    "minutes, and the team saves about six hours a week. I learned to ask users first."
)


async def main() -> None:
    from textual import events

    from hotseat.session import FakeClock
    from hotseat.settings import load_settings
    from hotseat.tui.app import make_app
    from hotseat.tui.options import AppOptions

    clock = FakeClock()
    options = AppOptions(
        clock=clock, seed=3, typed=True, mute=True, mode="focus", category="impact", count=3
    )
    app = make_app(load_settings(), options)
    async with app.run_test(size=(100, 34)) as pilot:
        await pilot.pause()
        app.save_screenshot("screenshot-home.svg", path=str(DOCS))
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("ctrl+s")  # answer now
        await pilot.pause()
        clock.advance(84)
        app.screen.post_message(events.Paste(ANSWER))
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause(0.5)
        app.save_screenshot("screenshot-feedback.svg", path=str(DOCS))
        app.exit()


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as home:
        for name in ("CONFIG", "DATA", "CACHE"):
            os.environ[f"HOTSEAT_{name}_DIR"] = str(Path(home) / name.lower())
        asyncio.run(main())
