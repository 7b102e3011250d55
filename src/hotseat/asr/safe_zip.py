"""Unpacking a model archive without letting it write outside its folder.

Every entry is checked before anything is written: absolute paths, drive
letters, ``..`` components, symbolic links and special files are refused,
as is an archive that would unpack to more than ``max_bytes``.
"""

from __future__ import annotations

import shutil
import stat
import zipfile
from pathlib import Path, PurePosixPath

MAX_UNPACKED = 4 * 1024**3


class UnsafeArchive(Exception):
    """The archive tries to escape its folder or holds links; nothing was unpacked."""


def _check(info: zipfile.ZipInfo) -> PurePosixPath:
    name = info.filename.replace("\\", "/")
    path = PurePosixPath(name)
    if name.startswith("/") or path.is_absolute() or (len(name) > 1 and name[1] == ":"):
        raise UnsafeArchive(f"it contains an absolute path ({info.filename})")
    if ".." in path.parts:
        raise UnsafeArchive(f"it contains a path leaving its folder ({info.filename})")
    mode = info.external_attr >> 16
    if stat.S_ISLNK(mode):
        raise UnsafeArchive(f"it contains a symbolic link ({info.filename})")
    kind = stat.S_IFMT(mode)  # 0 when the archiver recorded no file type
    if kind and kind not in (stat.S_IFREG, stat.S_IFDIR):
        raise UnsafeArchive(f"it contains a special file ({info.filename})")
    return path


def safe_extract(archive: Path, target: Path, max_bytes: int = MAX_UNPACKED) -> None:
    """Unpack ``archive`` into the (existing, empty) folder ``target``."""
    try:
        with zipfile.ZipFile(archive) as zf:
            entries = [(info, _check(info)) for info in zf.infolist()]
            if sum(info.file_size for info, _ in entries) > max_bytes:
                raise UnsafeArchive("it would unpack to more than the allowed size")
            root = target.resolve()
            for info, rel in entries:
                dest = (root / rel).resolve()
                if dest != root and root not in dest.parents:
                    raise UnsafeArchive(f"it contains a path leaving its folder ({info.filename})")
                if info.is_dir():
                    dest.mkdir(parents=True, exist_ok=True)
                    continue
                dest.parent.mkdir(parents=True, exist_ok=True)
                with zf.open(info) as src, open(dest, "wb") as out:
                    shutil.copyfileobj(src, out, 1024 * 1024)
    except zipfile.BadZipFile as exc:
        raise UnsafeArchive(f"it is not a valid zip archive ({exc})") from None
