"""Loaded by every Python child process a test starts (PYTHONPATH): no network there either."""

import sys

try:
    from tests.support.netguard import install
except ImportError:  # started outside the repository root: nothing to guard with
    pass
else:

    def _report(what: str) -> None:
        print(f"NETWORK BLOCKED: {what}", file=sys.stderr, flush=True)

    install(_report)
