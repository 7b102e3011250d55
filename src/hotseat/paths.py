"""Where hotseat keeps the user's configuration and data.

Everything goes through platformdirs, and every folder can be moved with an
environment variable so tests (and careful users) never touch the real ones:

- ``HOTSEAT_CONFIG_DIR``: settings.toml, user question packs, user personas.
- ``HOTSEAT_DATA_DIR``: the history database, recorded answers, models.
- ``HOTSEAT_CACHE_DIR``: rendered speech and other throw-away files.
"""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import PlatformDirs

APP_NAME = "hotseat"

_dirs = PlatformDirs(APP_NAME, appauthor=False)


def _from_env(name: str, default: str) -> Path:
    value = os.environ.get(name)
    return Path(value).expanduser() if value else Path(default)


def config_dir() -> Path:
    return _from_env("HOTSEAT_CONFIG_DIR", _dirs.user_config_dir)


def data_dir() -> Path:
    return _from_env("HOTSEAT_DATA_DIR", _dirs.user_data_dir)


def cache_dir() -> Path:
    return _from_env("HOTSEAT_CACHE_DIR", _dirs.user_cache_dir)


def settings_file() -> Path:
    return config_dir() / "settings.toml"


def user_questions_dir() -> Path:
    return config_dir() / "questions"


def user_voices_dir() -> Path:
    return config_dir() / "voices"


def recordings_dir() -> Path:
    return data_dir() / "recordings"


def models_dir() -> Path:
    return data_dir() / "models"


def database_file() -> Path:
    return data_dir() / "history.sqlite3"
