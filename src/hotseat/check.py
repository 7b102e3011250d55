"""One line of ``hotseat doctor``'s report, as every subsystem's ``checks()`` yields it.

A base module (it imports nothing of hotseat) so that each subsystem can say
what works without importing the doctor that gathers them all.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Check:
    name: str
    status: str  # ok | warn | fail
    detail: str
    fix: str = ""  # what to do about it, when not ok
    required: bool = False  # a failed required check means the app cannot run
