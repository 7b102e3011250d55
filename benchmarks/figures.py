"""One way for every benchmark to hand its figures to ``benchmarks/run_all.py``.

A benchmark prints its figures for people as it always has, and also calls
``record(...)`` for each headline figure. When ``HOTSEAT_BENCH_JSON`` names a file
(``run_all.py`` sets it), each figure is appended there as one JSON line; otherwise
``record`` does nothing more than return the value.
"""

from __future__ import annotations

import json
import os
from pathlib import Path


def record(
    name: str, value: float | None, unit: str, *, target: str = "", note: str = ""
) -> float | None:
    """Keep one figure: ``name`` says what was measured ("feedback: pairwise accuracy")."""
    path = os.environ.get("HOTSEAT_BENCH_JSON")
    if path:
        row = {"name": name, "value": value, "unit": unit, "target": target, "note": note}
        with Path(path).open("a", encoding="utf-8") as out:
            out.write(json.dumps(row) + "\n")
    return value
