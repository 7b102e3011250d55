"""Which files in the config folder hotseat reads, and which it would ignore.

A user who drops ``filler.toml`` (for ``fillers.toml``) into ``lexicons/`` or a
pack saved as ``.txt`` into ``questions/`` deserves to hear that hotseat does
not read it, both from ``hotseat doctor`` and on the app's home screen.
"""

from __future__ import annotations

from pathlib import Path

from hotseat import paths

# Top-level files of the config folder, with what each is for.
TOP_FILES = ("settings.toml", "settings.toml.bak", "rubric.toml")
FOLDERS = ("questions", "voices", "lexicons")


def _lexicon_names() -> set[str]:
    from hotseat.feedback.lexicon import SCHEMA

    return set(SCHEMA)


def _hidden(path: Path) -> bool:
    return path.name.startswith(".")  # editors' swap files, our own temporary files


def unknown_files(config: Path | None = None) -> list[str]:
    """One sentence per file or folder hotseat does not read, naming what it would read."""
    root = config or paths.config_dir()
    if not root.is_dir():
        return []
    found: list[str] = []
    for entry in sorted(root.iterdir()):
        if _hidden(entry):
            continue
        if entry.is_dir():
            if entry.name in FOLDERS:
                found += _unknown_in(entry)
            else:
                found.append(
                    f"{entry}: a folder hotseat does not read "
                    f"(it reads {', '.join(FOLDERS)} in {root})"
                )
        elif entry.name not in TOP_FILES:
            found.append(f"{entry}: not read by hotseat (it reads {', '.join(TOP_FILES[::2])})")
    return found


def _unknown_in(folder: Path) -> list[str]:
    found: list[str] = []
    lexicons = _lexicon_names() if folder.name == "lexicons" else set()
    for entry in sorted(folder.iterdir()):
        if _hidden(entry):
            continue
        if entry.is_dir() or entry.suffix != ".toml":
            found.append(f"{entry}: not read by hotseat (only *.toml files in {folder.name}/)")
        elif lexicons and entry.stem not in lexicons:
            names = ", ".join(f"{n}.toml" for n in sorted(lexicons))
            found.append(f"{entry}: not a lexicon hotseat reads (it reads {names})")
    return found
