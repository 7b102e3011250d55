"""Folders shaped like Vosk models (for discovery and install tests; not loadable)."""

from __future__ import annotations

from pathlib import Path

FILES = ("am/final.mdl", "conf/model.conf", "conf/mfcc.conf", "graph/HCLr.fst", "graph/Gr.fst")


def fake_model(folder: Path, skip: tuple[str, ...] = ()) -> Path:
    for rel in FILES:
        if rel in skip:
            continue
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"not really a model: " + rel.encode())
    return folder
