#!/usr/bin/env bash
# Run hotseat's whole test suite: set-up, lint, format, types, architecture, tests.
# Everything the tests need (system packages, the test model, a private
# PulseAudio server) is installed or started by the project itself.
# Arguments go to both pytest runs (e.g. `bash scripts/test.sh -x tests/tui`).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/run.sh --test

export PATH="$PWD/.venv/bin:$PATH"
echo "== ruff";        ruff check src tests benchmarks
echo "== ruff format"; ruff format --check src tests benchmarks
echo "== mypy";        mypy
echo "== import-linter"; lint-imports
# (The test that kills a sound server under an open stream runs the microphone
# side in a child process of its own, shaped like the app: tests/audio/test_mic_stream.py.)

# Two runs. Most tests wait on real time (speech played and heard, silence limits,
# child processes), so they run in HOTSEAT_TEST_WORKERS processes at once (3 by default,
# more than the 2 cores CI has, since most of the time is waiting; pytest-xdist;
# each process starts its own private PulseAudio server). Tests marked `serial` keep a
# core busy themselves and judge the app under it: they run afterwards, alone.
# Both runs always happen; the script fails if either does.
# pytest's exit status 5 means "no test selected" (e.g. a path with no serial test).
run_pytest() {
    local status=0
    pytest "$@" || status=$?
    if [ "$status" -eq 5 ]; then status=0; fi
    return "$status"
}
failed=0
echo "== pytest (in parallel: ${HOTSEAT_TEST_WORKERS:-3} processes)"
run_pytest -q -n "${HOTSEAT_TEST_WORKERS:-3}" -m "not serial" "$@" || failed=1
echo "== pytest (alone: tests marked serial)"
run_pytest -q -m serial "$@" || failed=1
exit "$failed"
