"""Model download against a local server: progress, resume, digests, unsafe archives."""

from __future__ import annotations

import dataclasses
import hashlib
import io
import os
import socket
import stat
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from hotseat import paths
from hotseat.asr import download, safe_zip
from hotseat.asr.catalog import KNOWN_MODELS, KnownModel
from hotseat.asr.download import DownloadError, download_model, partial_file
from hotseat.asr.models import DEFAULT_MODEL_NAME, model_problems
from tests.asr.fake_models import FILES
from tests.asr.http_fixture import Served

NAME = DEFAULT_MODEL_NAME


def _archive(extra: list[tuple[zipfile.ZipInfo | str, bytes]] = (), skip: str = "") -> bytes:  # type: ignore[assignment]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as zf:
        for rel in FILES:
            if rel != skip:
                body = os.urandom(300_000) if rel == "am/final.mdl" else b"x" * 100
                zf.writestr(f"{NAME}/{rel}", body)
        for info, body in extra:
            zf.writestr(info, body)
    return buffer.getvalue()


def _model(url: str, body: bytes, digest: str | None = None) -> KnownModel:
    """The catalog entry, pointed at the test server, with this archive's size and digest
    (the command-line test below covers a mirror of unknown size)."""
    known = KNOWN_MODELS[NAME]
    mirror = known.from_mirror(url, digest or hashlib.sha256(body).hexdigest())
    return dataclasses.replace(mirror, size=len(body))


def _nothing_installed(root: Path) -> None:
    assert not (root / NAME).exists()
    assert [p.name for p in root.iterdir() if p.name != ".downloads"] == []


def _serve(server: tuple[str, Served], body: bytes) -> str:
    base, served = server
    served.files["/model.zip"] = body
    return f"{base}/model.zip"


def test_download_installs_with_progress(http_server: tuple[str, Served]) -> None:
    body = _archive()
    url = _serve(http_server, body)
    seen: list[tuple[int, int]] = []
    model = _model(url, body)
    path = download_model(model, progress=lambda done, total: seen.append((done, total)))

    assert path == paths.models_dir() / NAME
    assert model_problems(path) == []
    assert seen[-1] == (len(body), len(body))
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    assert not partial_file(_model(url, body), paths.models_dir()).exists()


def test_resume_fetches_only_the_rest(http_server: tuple[str, Served]) -> None:
    body = _archive()
    url = _serve(http_server, body)
    model = _model(url, body)
    half = len(body) // 2
    part = partial_file(model, paths.models_dir())
    part.parent.mkdir(parents=True)
    part.write_bytes(body[:half])

    download_model(model)

    served = http_server[1]
    assert served.ranges == [f"bytes={half}-"]
    assert served.bytes_sent == len(body) - half
    assert model_problems(paths.models_dir() / NAME) == []


def test_a_server_that_ignores_ranges_still_gives_a_good_install(
    http_server: tuple[str, Served],
) -> None:
    body = _archive()
    url = _serve(http_server, body)
    http_server[1].ignore_range = True
    model = _model(url, body)
    part = partial_file(model, paths.models_dir())
    part.parent.mkdir(parents=True)
    part.write_bytes(b"garbage that must not stay in front")

    download_model(model)
    assert model_problems(paths.models_dir() / NAME) == []


def test_an_interrupted_download_installs_nothing_then_resumes(
    http_server: tuple[str, Served],
) -> None:
    body = _archive()
    url = _serve(http_server, body)
    served = http_server[1]
    served.cut_after = len(body) * 2 // 5
    model = _model(url, body)

    with pytest.raises(DownloadError, match="resume"):
        download_model(model)
    _nothing_installed(paths.models_dir())
    assert partial_file(model, paths.models_dir()).stat().st_size == len(body) * 2 // 5

    download_model(model)
    assert served.ranges[-1] == f"bytes={len(body) * 2 // 5}-"
    assert model_problems(paths.models_dir() / NAME) == []


def test_an_interrupted_unpack_leaves_nothing_half_installed(
    http_server: tuple[str, Served], monkeypatch: pytest.MonkeyPatch
) -> None:
    body = _archive()
    url = _serve(http_server, body)
    model = _model(url, body)
    real_extract = safe_zip.safe_extract  # what download calls

    def extract_then_die(archive: Path, target: Path) -> None:
        real_extract(archive, target)
        raise KeyboardInterrupt  # the user pressed Ctrl-C just before the rename

    monkeypatch.setattr(download, "safe_extract", extract_then_die)
    with pytest.raises(KeyboardInterrupt):
        download_model(model)
    _nothing_installed(paths.models_dir())

    monkeypatch.setattr(download, "safe_extract", real_extract)
    requests_before = len(http_server[1].ranges)
    download_model(model)
    assert len(http_server[1].ranges) == requests_before, "the verified archive was reused"
    assert model_problems(paths.models_dir() / NAME) == []


def test_a_wrong_digest_is_refused_and_nothing_installed(http_server: tuple[str, Served]) -> None:
    body = _archive()
    url = _serve(http_server, body)
    model = _model(url, body, digest="0" * 64)
    with pytest.raises(DownloadError, match="nothing was installed"):
        download_model(model)
    _nothing_installed(paths.models_dir())
    assert not partial_file(model, paths.models_dir()).exists()


def _symlink() -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(f"{NAME}/graph/link")
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    return info


@pytest.mark.parametrize(
    ("entry", "reason"),
    [
        (f"{NAME}/../../escaped.txt", "leaving its folder"),
        ("/tmp/hotseat-absolute-escape.txt", "absolute path"),
        (_symlink(), "symbolic link"),
    ],
)
def test_unsafe_archives_are_refused(
    http_server: tuple[str, Served], tmp_path: Path, entry: zipfile.ZipInfo | str, reason: str
) -> None:
    body = _archive(extra=[(entry, b"../../../../etc/passwd")])
    url = _serve(http_server, body)
    with pytest.raises(DownloadError, match=reason):
        download_model(_model(url, body))
    _nothing_installed(paths.models_dir())
    assert not (paths.models_dir().parent / "escaped.txt").exists()
    assert not Path("/tmp/hotseat-absolute-escape.txt").exists()


def test_an_archive_without_a_complete_model_is_refused(http_server: tuple[str, Served]) -> None:
    body = _archive(skip="am/final.mdl")
    url = _serve(http_server, body)
    with pytest.raises(DownloadError, match=r"missing am/final\.mdl"):
        download_model(_model(url, body))
    _nothing_installed(paths.models_dir())


def test_a_server_that_goes_quiet_is_given_up_on(http_server: tuple[str, Served]) -> None:
    body = _archive()
    url = _serve(http_server, body)
    http_server[1].stall = True
    with pytest.raises(DownloadError, match="stalled"):
        download_model(_model(url, body), read_timeout=0.5)
    _nothing_installed(paths.models_dir())


def _hotseat(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "hotseat", *args], capture_output=True, text=True, timeout=60
    )


def test_cli_download_list_and_if_missing(http_server: tuple[str, Served]) -> None:
    body = _archive()
    url = _serve(http_server, body)
    digest = hashlib.sha256(body).hexdigest()

    done = _hotseat("models", "download", "--url", url, "--sha256", digest)
    assert done.returncode == 0, done.stderr
    assert "Installed" in done.stdout
    assert "100%" in done.stderr  # progress, one line a quarter when not on a terminal

    requests = len(http_server[1].ranges)
    again = _hotseat("models", "download", "--if-missing")
    assert again.returncode == 0 and "already installed" in again.stdout
    assert len(http_server[1].ranges) == requests

    listing = _hotseat("models", "list")
    assert f"{NAME}" in listing.stdout and "ok" in listing.stdout
    assert "In use: " + str(paths.models_dir() / NAME) in listing.stdout


def test_cli_offline_fails_with_one_line() -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    done = _hotseat("models", "download", "--url", f"http://127.0.0.1:{port}/m.zip")
    assert done.returncode == 1
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert lines == [lines[0]] and lines[0].startswith("hotseat: cannot download")
    _nothing_installed(paths.models_dir())


def test_cli_rejects_unknown_models() -> None:
    done = _hotseat("models", "download", "vosk-model-klingon")
    assert done.returncode == 2
    assert "unknown model" in done.stderr
