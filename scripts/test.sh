#!/usr/bin/env bash
# Run hotseat's whole test suite: set-up, lint, format, types, architecture, tests.
# Everything the tests need (system packages, the test model, a private
# PulseAudio server) is installed or started by the project itself.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/run.sh --test

export PATH="$PWD/.venv/bin:$PATH"
echo "== ruff";        ruff check src tests benchmarks
echo "== ruff format"; ruff format --check src tests benchmarks
echo "== mypy";        mypy
echo "== import-linter"; lint-imports
# Tests that kill a sound server under the process's own PortAudio run in a
# process of their own, as the app would be: PortAudio's state after a server dies
# must not leak into the tests that follow (or theirs into it).
own_process=(tests/audio/test_mic_stream.py)
echo "== pytest (in their own process: ${own_process[*]})"
pytest -q -p no:cacheprovider "${own_process[@]}"
echo "== pytest"
pytest -q "${own_process[@]/#/--ignore=}" "$@"
