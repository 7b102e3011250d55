"""Downloads against a local server that misbehaves: trickles, floods, full disks, proxies."""

from __future__ import annotations

import dataclasses
import hashlib
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from hotseat import paths
from hotseat.asr.catalog import KNOWN_MODELS
from hotseat.asr.download import DownloadError, Limits, download_model, partial_file
from hotseat.asr.http_get import pool_for
from tests.asr.http_fixture import Served
from tests.asr.test_download import NAME, _archive, _model, _nothing_installed, _serve


def _hotseat(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "hotseat", *args], capture_output=True, text=True, timeout=60
    )


def test_a_trickle_is_given_up_on_with_the_time_really_waited(
    http_server: tuple[str, Served],
) -> None:
    body = _archive()
    url = _serve(http_server, body)
    http_server[1].trickle = 0.1  # a byte every 0.1 s: alive, but useless
    began = time.monotonic()
    with pytest.raises(DownloadError, match=r"stalled: only \d+ bytes in the last 1\.\d seconds"):
        download_model(_model(url, body), limits=Limits(stall_seconds=1.0, read=5.0))
    assert time.monotonic() - began < 5
    _nothing_installed(paths.models_dir())


def test_a_quiet_server_is_reported_with_the_time_waited(http_server: tuple[str, Served]) -> None:
    body = _archive()
    url = _serve(http_server, body)
    http_server[1].stall = True
    with pytest.raises(DownloadError, match=r"nothing arrived for 0\.\d seconds"):
        download_model(_model(url, body), limits=Limits(read=0.5))


def test_a_server_that_never_stops_is_cut_at_the_cap(http_server: tuple[str, Served]) -> None:
    base, served = http_server
    served.endless = True
    mirror = KNOWN_MODELS[NAME].from_mirror(f"{base}/model.zip", "ab" * 32)  # size unknown
    with pytest.raises(DownloadError, match="more than the 1,000,000 bytes expected"):
        download_model(mirror, limits=Limits(max_bytes=1_000_000))
    assert not partial_file(mirror, paths.models_dir()).exists()
    assert served.bytes_sent < 50_000_000
    _nothing_installed(paths.models_dir())


def test_more_than_the_catalogue_size_is_refused_before_reading(
    http_server: tuple[str, Served],
) -> None:
    body = _archive()
    url = _serve(http_server, body)
    small = dataclasses.replace(_model(url, body), size=len(body) - 10)
    with pytest.raises(DownloadError, match="more than the"):
        download_model(small)
    assert not partial_file(small, paths.models_dir()).exists()


def test_a_full_disk_is_one_line_and_the_partial_file_goes(
    http_server: tuple[str, Served],
) -> None:
    body = _archive()
    model = _model(_serve(http_server, body), body)
    part = partial_file(model, paths.models_dir())
    part.parent.mkdir(parents=True)
    part.symlink_to("/dev/full")  # every write: ENOSPC, as on a full disk
    with pytest.raises(DownloadError) as caught:
        download_model(model)
    message = str(caught.value)
    assert "No space left on device" in message and "partial file was removed" in message
    assert "\n" not in message
    assert not part.is_symlink() and not part.exists()


def test_a_malformed_digest_is_refused_before_connecting(
    http_server: tuple[str, Served],
) -> None:
    url = _serve(http_server, _archive())
    done = _hotseat("models", "download", "--url", url, "--sha256", "nothex")
    assert done.returncode == 2
    assert "not a SHA-256 digest" in done.stderr and done.stderr.count("\n") == 1
    assert http_server[1].targets == []


def test_proxy_credentials_are_sent(
    http_server: tuple[str, Served], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The test server plays the proxy: a plain-HTTP proxy gets the whole address."""
    base, served = http_server
    body = _archive()
    served.files["/model.zip"] = body
    for name in ("no_proxy", "NO_PROXY", "http_proxy"):
        monkeypatch.delenv(name, raising=False)
    proxy = base.replace("http://", "http://ann:p%40ss@")
    monkeypatch.setenv("HTTP_PROXY", proxy)
    model = dataclasses.replace(
        KNOWN_MODELS[NAME].from_mirror("http://models.example/model.zip"),
        sha256=hashlib.sha256(body).hexdigest(),
        size=len(body),
    )
    assert download_model(model).is_dir()
    assert served.targets[0] == "http://models.example/model.zip"
    # "ann:p@ss", the password unquoted, in base64:
    sent = {key.lower(): value for key, value in served.headers[0].items()}
    assert sent["proxy-authorization"] == "Basic YW5uOnBAc3M="
    assert getattr(pool_for("http://models.example/m.zip"), "proxy", None) is not None


def test_no_proxy_hosts_go_direct(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HTTPS_PROXY", "http://u:p@proxy.example:3128")
    monkeypatch.setenv("NO_PROXY", "mirror.example")
    assert getattr(pool_for("https://mirror.example/m.zip"), "proxy", None) is None
    proxy = getattr(pool_for("https://alphacephei.com/m.zip"), "proxy", None)
    assert proxy is not None and proxy.host == "proxy.example"
    assert "u:p" not in str(proxy)


def test_the_download_folder_is_private(http_server: tuple[str, Served]) -> None:
    body = _archive()
    installed = download_model(_model(_serve(http_server, body), body))
    for path in [paths.models_dir() / ".downloads", installed]:
        assert os.stat(path).st_mode & 0o077 == 0, path
    assert isinstance(installed, Path)
