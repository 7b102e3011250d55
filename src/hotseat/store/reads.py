"""A read (or a change) of the history asked for by a screen, and what it came to.

Screens never touch the database themselves: they are given an :class:`AskHistory`
(the app's runs each job on the history's own thread, ``store.keeper``, after the
saves queued before it) and show a loading state until ``then`` gets the
:class:`Read`: the job's ``value``, or the ``problem`` that kept it from running
(the history cannot be opened, another hotseat kept it busy too long), in words.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Generic, Protocol, TypeVar

if TYPE_CHECKING:
    from hotseat.store.store import Store

T = TypeVar("T")


@dataclass(frozen=True)
class Read(Generic[T]):
    """What a job on the history came to: its ``value``, or the ``problem`` (one
    sentence for the user) that kept it from running or ending."""

    value: T | None = None
    problem: str = ""


class AskHistory(Protocol):
    """Run ``job(store)`` away from the UI thread; ``then(read)`` on the UI thread."""

    def __call__(self, job: Callable[[Store], T], then: Callable[[Read[T]], object]) -> None: ...
