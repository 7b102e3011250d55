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
# (The test that kills a sound server under an open stream runs the microphone
# side in a child process of its own, shaped like the app: tests/audio/test_mic_stream.py.)
echo "== pytest"
pytest -q "$@"
