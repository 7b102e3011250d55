"""`hotseat doctor` on the history: what is wrong, and what to do."""

from __future__ import annotations

from pathlib import Path

import pytest

from hotseat import paths
from hotseat.store import Store
from hotseat.store.doctor import checks
from tests.store.sample import turn


def _by_name() -> dict[str, tuple[str, str, str]]:
    return {c.name: (c.status, c.detail, c.fix) for c in checks()}


def test_a_new_user_has_no_history_yet_and_nothing_is_wrong() -> None:
    found = _by_name()
    assert found["history"][0] == "ok" and "no history yet" in found["history"][1]
    assert found["recordings"][1].startswith("on;")
    assert all(status == "ok" for status, _, _ in found.values())


def test_unfinished_sessions_and_repairs_are_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    with Store() as store:
        sid = store.begin_session()
        store.save_answer(sid, turn())
    monkeypatch.setenv("HOTSEAT_SAVE_RECORDINGS", "false")
    found = _by_name()
    assert found["history"][0] == "ok" and "1 session, 1 answer," in found["history"][1]
    status, detail, fix = found["interrupted sessions"]
    assert status == "warn" and f"ids {sid}" in detail and "resume or close" in fix
    assert found["recordings"][1].startswith("off (transcripts only)")

    paths.database_file().write_bytes(b"garbage" * 100)
    for name in ("-wal", "-shm"):
        Path(str(paths.database_file()) + name).unlink(missing_ok=True)
    status, detail, _ = _by_name()["history repair"]
    assert status == "warn" and "kept as" in detail


def test_an_unwritable_data_folder_fails_with_a_fix(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("HOTSEAT_DATA_DIR", str(blocker / "data"))
    status, detail, fix = _by_name()["history folder"]
    assert status == "fail" and str(blocker) in detail and "HOTSEAT_DATA_DIR" in fix
