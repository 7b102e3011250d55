"""Run every benchmark and print one table of their headline figures.

    .venv/bin/python benchmarks/run_all.py [--full] [--only NAME ...] [--json PATH]

Each ``benchmarks/bench_*.py`` runs in its own process (with ``--quick`` unless
``--full``), with ``HOTSEAT_BENCH_JSON`` naming a file where it ``record()``s its
figures (see ``benchmarks/figures.py``). Their own output goes to
``benchmarks/out/<name>.log``. At the end: the machine (CPU model, cores, RAM,
Python, load at start), one table of every figure, and the same as JSON
(``benchmarks/out/figures.json`` unless ``--json`` says otherwise). A benchmark
that fails or records nothing is listed as such; the runner then exits 1.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def machine() -> dict[str, Any]:
    """What the figures were measured on."""
    model = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = 0.0
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                ram = int(line.split()[1]) / 1024 / 1024
                break
    except OSError:
        pass
    load = os.getloadavg() if hasattr(os, "getloadavg") else (0.0, 0.0, 0.0)
    return {
        "cpu": model,
        "cores": os.cpu_count() or 0,
        "ram_gib": round(ram, 1),
        "python": platform.python_version(),
        "system": f"{platform.system()} {platform.release()}",
        "load_at_start": [round(x, 2) for x in load],
        "when": time.strftime("%Y-%m-%d %H:%M:%S %Z"),
    }


def benchmarks(only: list[str]) -> list[Path]:
    found = sorted(HERE.glob("bench_*.py"))
    if only:
        found = [p for p in found if p.stem.removeprefix("bench_") in only or p.stem in only]
    return found


def run_one(script: Path, full: bool, out_dir: Path) -> dict[str, Any]:
    with tempfile.NamedTemporaryFile("r", suffix=".jsonl", delete=False) as sink:
        figures_path = Path(sink.name)
    env = dict(os.environ, HOTSEAT_BENCH_JSON=str(figures_path), PYTHONDONTWRITEBYTECODE="1")
    args = [sys.executable, str(script)] + ([] if full else ["--quick"])
    log = out_dir / f"{script.stem}.log"
    began = time.perf_counter()
    with log.open("w", encoding="utf-8") as out:
        done = subprocess.run(args, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    took = time.perf_counter() - began
    rows = []
    for line in figures_path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            rows.append(json.loads(line))
    figures_path.unlink(missing_ok=True)
    return {
        "benchmark": script.stem,
        "exit": done.returncode,
        "seconds": round(took, 1),
        "log": str(log.relative_to(ROOT)),
        "figures": rows,
    }


def _value(row: dict[str, Any]) -> str:
    value = row.get("value")
    if value is None:
        return "n/a"
    if isinstance(value, float):
        text = f"{value:.3g}" if abs(value) < 1000 else f"{value:,.0f}"
    else:
        text = str(value)
    return f"{text} {row.get('unit', '')}".strip()


def table(results: list[dict[str, Any]], about: dict[str, Any]) -> str:
    lines = [
        f"Machine: {about['cpu']}, {about['cores']} cores, {about['ram_gib']} GiB RAM, "
        f"Python {about['python']}, {about['system']}",
        f"Load at start: {' / '.join(str(x) for x in about['load_at_start'])} "
        f"(1/5/15 min), {about['when']}",
        "",
        f"{'figure':<58} {'value':>16}  {'target':<14} note",
        "-" * 100,
    ]
    for result in results:
        status = "" if result["exit"] == 0 else f"  FAILED (exit {result['exit']})"
        lines.append(f"[{result['benchmark']}] {result['seconds']} s{status}, log {result['log']}")
        if not result["figures"]:
            lines.append("    (no figures recorded)")
        for row in result["figures"]:
            lines.append(
                f"  {row['name']:<56} {_value(row):>16}  {row.get('target', ''):<14} "
                f"{row.get('note', '')}".rstrip()
            )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--full", action="store_true", help="full runs (default: --quick)")
    parser.add_argument("--only", nargs="*", default=[], help="names, e.g. store packs")
    parser.add_argument("--json", type=Path, help="where to write the JSON (default out/)")
    args = parser.parse_args()
    out_dir = HERE / "out"
    out_dir.mkdir(exist_ok=True)
    about = machine()
    scripts = benchmarks(args.only)
    results = []
    for script in scripts:
        print(f"running {script.name} ...", flush=True)
        results.append(run_one(script, args.full, out_dir))
    print()
    print(table(results, about))
    target = args.json or out_dir / "figures.json"
    report = {"machine": about, "full": args.full, "benchmarks": results}
    target.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    print(f"\nJSON: {target}")
    failed = [r["benchmark"] for r in results if r["exit"] != 0 or not r["figures"]]
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
