"""How long a big question pack takes to load and to validate.

    .venv/bin/python benchmarks/bench_packs.py [--quick] [--full]

Writes packs of 1,000 and 10,000 questions (also 40,000 with --full) into a
temporary folder and times ``load_pack`` (what the app, ``questions list`` and
``doctor`` do for every pack) and ``validate_files`` (``hotseat questions
validate``). The target is a 10,000-question pack in under a second; before
the line finder kept its scan, loading was quadratic (4,000 questions: 43 s).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.figures import record  # noqa: E402

QUESTION = """
[[questions]]
id = "q-{n}"
text = "Tell me about a time you handled problem number {n}."
category = "teamwork"
competencies = ["collaboration"]
kind = "behavioral"
prep_seconds = 15
answer_seconds = [60, 120]
look_for = ["the situation", "what you did", "the result"]
"""


def write_pack(folder: Path, count: int) -> Path:
    path = folder / f"big-{count}.toml"
    head = '[pack]\nid = "big"\nname = "Big"\ndescription = "Generated."\n'
    path.write_text(head + "".join(QUESTION.format(n=n) for n in range(count)), "utf-8")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="1,000 and 10,000 questions")
    parser.add_argument("--full", action="store_true", help="also 40,000 questions")
    args = parser.parse_args()
    from hotseat.questions.loader import load_pack
    from hotseat.questions.validate import validate_files

    sizes = [1_000, 10_000] + ([40_000] if args.full and not args.quick else [])
    with tempfile.TemporaryDirectory() as folder:
        for count in sizes:
            path = write_pack(Path(folder), count)
            start = time.perf_counter()
            result = load_pack(path)
            loaded = time.perf_counter() - start
            assert result.pack is not None and len(result.pack.questions) == count, result.problems
            start = time.perf_counter()
            report = validate_files([path], against_builtin=False)
            checked = time.perf_counter() - start
            assert report.ok, report.problems[:3]
            size = path.stat().st_size / 1e6
            print(
                f"{count:>6} questions ({size:4.1f} MB): load {loaded:6.3f} s, "
                f"validate {checked:6.3f} s"
            )
            target = "< 1 s" if count == 10_000 else ""
            record(f"packs: load {count:,} questions", round(loaded, 3), "s", target=target)
            record(f"packs: validate {count:,} questions", round(checked, 3), "s", target=target)


if __name__ == "__main__":
    main()
