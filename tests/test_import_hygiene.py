"""The core is usable without the terminal UI: importing it never loads Textual.

Checked in a fresh interpreter, because pytest itself may already have imported
textual for other tests.
"""

from __future__ import annotations

import json
import subprocess
import sys

CORE_MODULES = [
    "hotseat.cli",
    "hotseat.doctor",
    "hotseat.feedback",
    "hotseat.questions",
    "hotseat.session",
    "hotseat.settings",
    "hotseat.speech",
    "hotseat.asr",
    "hotseat.audio",
    "hotseat.store",
    "hotseat.tomlfile",
    "hotseat.check",
    # moved out of tui/ (issue 13): they must stay Textual-free
    "hotseat.session.analysis",
    "hotseat.session.choices",
    "hotseat.session.loading",
    "hotseat.session.summary",
    "hotseat.speech.persona_book",
    "hotseat.store.keeper",
]


def _loaded_after_import(modules: list[str]) -> set[str]:
    code = (
        "import importlib, json, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    return set(json.loads(out.stdout))


def test_core_imports_without_textual() -> None:
    loaded = _loaded_after_import(CORE_MODULES)
    assert "hotseat.feedback" in loaded  # the import really happened
    leaked = sorted(m for m in loaded if m.split(".")[0] in {"textual", "rich"})
    assert leaked == [], f"core modules pulled in the UI toolkit: {leaked[:5]}"
    assert not any(m.startswith("hotseat.tui") for m in loaded)


def test_cli_version_stays_light() -> None:
    """`hotseat --version` must not pay for audio or recognition libraries."""
    loaded = _loaded_after_import(["hotseat.cli"])
    heavy = {"sounddevice", "vosk", "pocketsphinx", "numpy", "textual", "pyttsx3"}
    assert heavy.isdisjoint({m.split(".")[0] for m in loaded})
