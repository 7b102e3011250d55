"""Answers, recordings and settings are readable by their owner only."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from hotseat import paths, privacy
from hotseat.config_files import unknown_files
from hotseat.doctor import privacy_checks
from hotseat.store import Recorder
from tests.store.sample import turn as sample_turn


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _everything(root: Path) -> list[Path]:
    return [root, *root.rglob("*")]


@pytest.fixture
def careless_umask() -> Iterator[None]:
    old = os.umask(0o022)  # as a careless shell would leave it
    yield
    os.umask(old)


@pytest.mark.usefixtures("careless_umask")
def test_the_history_and_its_companions_are_created_owner_only() -> None:
    recorder = Recorder(save_recordings=True)
    handle = recorder.begin_session(mode="mock")
    recorder.save_answer(handle, sample_turn())
    audio = recorder.recording_path(handle)
    assert audio is not None
    made = [p for p in _everything(paths.data_dir()) if p.exists()]
    names = {p.name for p in made}
    assert {"history.sqlite3", "history.sqlite3-wal", "history.sqlite3-shm"} <= names
    for path in made:
        assert _mode(path) & 0o077 == 0, f"{path} is {oct(_mode(path))}"
    recorder.close()


def test_start_repairs_what_an_older_hotseat_left_readable() -> None:
    data = paths.data_dir()
    old = data / "recordings" / "s1"
    old.mkdir(parents=True)
    (old / "answer-1.wav").write_bytes(b"RIFF")
    (data / "history.sqlite3").write_bytes(b"")
    for path in _everything(data):
        path.chmod(0o755 if path.is_dir() else 0o644)
    assert [c.status for c in privacy_checks() if c.name == "privacy"] == ["warn"]
    assert privacy.repair() >= 4
    for path in _everything(data):
        assert _mode(path) == (0o700 if path.is_dir() else 0o600)
    assert [c.status for c in privacy_checks() if c.name == "privacy"] == ["ok"]


def test_a_folder_that_is_not_hotseats_is_not_walked(tmp_path: Path) -> None:
    elsewhere = tmp_path / "home"
    (elsewhere / "site").mkdir(parents=True)
    page = elsewhere / "site" / "index.html"
    page.write_text("hi")
    page.chmod(0o644)
    privacy.repair([elsewhere])
    assert _mode(page) == 0o644


def test_every_command_creates_files_owner_only() -> None:
    script = "import os; from hotseat.cli import main; main(['history']); print(oct(os.umask(0)))"
    done = subprocess.run(
        [sys.executable, "-c", script], check=True, capture_output=True, text=True
    )
    assert done.stdout.splitlines()[-1] == "0o77"


def _can_switch_user() -> bool:
    return os.geteuid() == 0 and bool(shutil.which("useradd")) and bool(shutil.which("runuser"))


@pytest.mark.usefixtures("careless_umask")
@pytest.mark.skipif(not _can_switch_user(), reason="needs root with useradd and runuser")
def test_another_account_cannot_read_the_answers(tmp_path: Path) -> None:
    recorder = Recorder(save_recordings=False)
    handle = recorder.begin_session(mode="mock")
    recorder.save_answer(handle, sample_turn())
    recorder.close()
    tmp_path.chmod(0o755)  # the test's own folders are open: only hotseat's must hold
    for parent in paths.data_dir().parents:
        if str(parent).startswith("/tmp/"):
            parent.chmod(parent.stat().st_mode | 0o005)
    name = f"hs{os.getpid() % 100000}"
    subprocess.run(["useradd", "--no-create-home", name], check=True, capture_output=True)
    try:
        db = paths.data_dir() / "history.sqlite3"
        seen = subprocess.run(
            ["runuser", "-u", name, "--", "cat", str(db)], capture_output=True, check=False
        )
        listed = subprocess.run(
            ["runuser", "-u", name, "--", "ls", str(paths.data_dir())],
            capture_output=True,
            check=False,
        )
    finally:
        subprocess.run(["userdel", name], check=False, capture_output=True)
    assert seen.returncode != 0 and b"Permission denied" in seen.stderr
    assert listed.returncode != 0 and b"Permission denied" in listed.stderr


def test_files_hotseat_would_ignore_are_named() -> None:
    config = paths.config_dir()
    (config / "lexicons").mkdir(parents=True)
    (config / "lexicons" / "filler.toml").write_text("phrases = []\n")
    (config / "lexicons" / "fillers.toml").write_text("phrases = []\n")
    (config / "questions").mkdir()
    (config / "questions" / "mine.txt").write_text("")
    (config / "setting.toml").write_text("")
    found = unknown_files()
    assert len(found) == 3
    assert any("filler.toml" in f and "fillers.toml" in f for f in found)
    assert any("mine.txt" in f for f in found) and any("setting.toml" in f for f in found)


@pytest.mark.parametrize(
    ("files", "said"),
    [
        (1, "1 file or folder in your hotseat folders was readable by other accounts; it is"),
        (3, "3 files or folders in your hotseat folders were readable by other accounts; they"),
    ],
)
def test_the_start_notice_counts_what_it_repaired_in_good_english(files: int, said: str) -> None:
    from hotseat.startup import startup_notices

    data = paths.data_dir()
    data.mkdir(parents=True, exist_ok=True)
    (data / "history.sqlite3").write_bytes(b"")  # hotseat's own folder
    startup_notices()  # made owner-only: nothing more to say about it
    for n in range(files):
        made = data / f"notes-{n}.txt"
        made.write_text("mine", encoding="utf-8")
        made.chmod(0o644)
    (notice,) = [n for n in startup_notices() if "readable by other" in n]
    assert notice.startswith(said), notice
