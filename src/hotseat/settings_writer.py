"""Saving settings without losing what the user wrote.

- Only values the app changed since loading are written; a value an
  ``HOTSEAT_*`` environment variable set is never written unless the user then
  changed it in the app.
- The user's file is edited in place with tomlkit: comments, blank lines,
  order and unknown keys stay as they were.
- A file that does not parse is never written over (:class:`SettingsNotSaved`).
- The new text goes to a temporary file (owner-only), is flushed to disk and
  renamed over the old one; the previous file is kept as ``settings.toml.bak``.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Any

import tomlkit
from tomlkit.exceptions import TOMLKitError

from hotseat.privacy import private_dir
from hotseat.tomlcheck import SETTINGS_MAX_BYTES, TomlFileError, loads_checked, read_text_checked

if TYPE_CHECKING:
    from hotseat.settings import Settings


class SettingsNotSaved(OSError):
    """The settings file on disk is broken; it was kept and nothing was written."""


def _baseline(settings: Settings) -> dict[str, Any]:
    """The values as loaded; for settings built in code, the defaults."""
    from hotseat.settings import Settings as Defaults

    return settings.origin.loaded or Defaults().to_dict()


def changed_values(settings: Settings) -> dict[str, Any]:
    """The values to write: those that differ from what was loaded."""
    baseline = _baseline(settings)
    return {k: v for k, v in settings.to_dict().items() if v != baseline.get(k)}


def _current_text(target: Path) -> str:
    if not target.exists():
        return ""
    try:
        text = read_text_checked(target, max_bytes=SETTINGS_MAX_BYTES)
        loads_checked(text, target)
    except TomlFileError as exc:
        raise SettingsNotSaved(
            f"{exc.path} line {exc.line} has a mistake ({exc.message}); it was kept as it is "
            "and this change is not saved. Fix that line (or remove the file) to save again."
        ) from None
    return text


def render(text: str, values: dict[str, Any]) -> str:
    """``text`` with ``values`` set at its top level, everything else as it was."""
    try:
        document = tomlkit.parse(text) if text else tomlkit.document()
    except TOMLKitError as exc:  # tomllib accepted it; tomlkit did not
        raise SettingsNotSaved(f"the settings file could not be edited ({exc}); kept") from None
    for key, value in values.items():
        document[key] = value
    return tomlkit.dumps(document)


def write_settings(settings: Settings, target: Path) -> None:
    text = _current_text(target)  # read again now: a broken file raises, a fixed one is used
    values = changed_values(settings)
    if not values and target.exists():
        return
    new_text = render(text, values)
    private_dir(target.parent)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(new_text)
            handle.flush()
            os.fsync(handle.fileno())
        if target.exists():
            _keep_backup(target)
        os.replace(tmp, target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
    _sync_folder(target.parent)
    # What was written is now the file's: changing it back later is a change too.
    loaded = {**_baseline(settings), **values}
    settings.origin = dataclasses.replace(settings.origin, loaded=loaded, broken="")


def _keep_backup(target: Path) -> None:
    """The previous file as ``settings.toml.bak`` (itself replaced atomically)."""
    backup = target.with_name(target.name + ".bak")
    staging = target.with_name(f".{backup.name}.{os.getpid()}.tmp")
    shutil.copyfile(target, staging)
    os.chmod(staging, 0o600)
    os.replace(staging, backup)


def _sync_folder(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
