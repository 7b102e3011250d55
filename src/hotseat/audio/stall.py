"""A microphone stream that delivers nothing: a stalled sound system, or a lost device.

A sound server starved by a very busy machine (or stopped) delivers nothing for
seconds, and then goes on: the microphone is not lost, and the user must not be
told to plug it back in. So when the session's stream (``audio.capture``) has
been silent a while, ``Stall.check`` asks the server whether it is still there
(``ServerProbe``: ``pactl info`` on a thread of its own, never holding up the
audio owner thread) and says what the silence is: the server is gone (the
microphone is lost), or it answers, late, or not in time (a stall); and once
the server has answered all along while the stream still gives nothing, the
stream itself is stuck (it is reopened, still said as the stall).
"""

from __future__ import annotations

import os
import subprocess
import threading
import time

PROBE_EVERY = 3.0  # seconds between asking a stalled stream's sound server again
STUCK_AFTER = 6.0  # seconds a stream may give nothing while its server answers all along
_TIMEOUT = 3.0


class Stall:
    """The silence of one stream, from when it began (``since``: its last block)."""

    def __init__(self) -> None:
        self.probe: ServerProbe | None = None
        self.asked_at = 0.0
        self.since = 0.0
        self.on = False
        self.answered = False  # the server has answered all through this stall

    def check(self, now: float, last_block: float) -> str:
        """ "asking" (the server is being asked), "began" (a stall, new), "stalled",
        "stuck" (the server answered all along: the stream itself is stuck) or "lost"
        (the server is gone)."""
        probe = self.probe
        again = probe is not None and probe.verdict in ("there", "slow", "silent")
        if probe is None or (again and now - self.asked_at > PROBE_EVERY):
            self.probe, self.asked_at = ServerProbe(), now
        verdict = probe.verdict if probe is not None else None
        if verdict is None:
            return "asking"
        if verdict == "gone":
            return "lost"
        if not self.on:
            self.on, self.since, self.answered = True, last_block, verdict != "silent"
            return "began"
        self.answered = self.answered and verdict != "silent"
        return "stuck" if self.answered and now - self.since > STUCK_AFTER else "stalled"

    def over(self) -> None:
        """Blocks flow again, or the stream is let go (``since`` stays, for the gap)."""
        self.probe, self.on = None, False


class ServerProbe:
    """Whether the sound server answers, asked once on a thread of its own: ``verdict``
    is None until it is known, then "there" (it answered at once: it is well), "slow"
    (it answered, late: starved by a busy machine), "silent" (no answer in time:
    stopped, or starved) or "gone" (it refuses: no server)."""

    SLOW = 1.0  # seconds: an answer later than this is a starved server's

    def __init__(self) -> None:
        self.verdict: str | None = None
        threading.Thread(target=self._ask, name="hotseat-pulse-probe", daemon=True).start()

    def _ask(self) -> None:
        asked = time.monotonic()
        try:
            done = subprocess.run(
                ["pactl", "info"],
                capture_output=True,
                timeout=_TIMEOUT,
                env={**os.environ, "LC_ALL": "C"},
            )
        except subprocess.TimeoutExpired:
            self.verdict = "silent"
        except (OSError, subprocess.SubprocessError):
            self.verdict = "gone"
        else:
            slow = time.monotonic() - asked > self.SLOW
            self.verdict = "gone" if done.returncode != 0 else "slow" if slow else "there"
