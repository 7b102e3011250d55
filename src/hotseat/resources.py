"""Find the data files that ship with hotseat (``assets/`` and ``voices/``).

In an installed wheel they sit inside the package (``hotseat/assets``); in a
source checkout or an editable install they sit at the top of the repository.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


@cache
def _root(name: str) -> Path:
    for candidate in (_PACKAGE_DIR / name, _PACKAGE_DIR.parent.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"hotseat's {name}/ folder is missing from this installation")


def assets_dir() -> Path:
    return _root("assets")


def voices_dir() -> Path:
    return _root("voices")


def asset(*parts: str) -> Path:
    return assets_dir().joinpath(*parts)
