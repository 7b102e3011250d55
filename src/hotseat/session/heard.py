"""What the microphone heard of one answer, kept until its transcript is finished.

An answer may be heard in several stretches (the user switched to typing and
back), each ended by its own final transcript, and typed words join them
(``transcript.join_answer``). On a busy machine a stretch's final words may be
late: its transcript then comes ``pending`` (the live text), and the one
finished from the recording follows seconds later, perhaps after the answer
was assessed and the session moved on. :class:`HeardAnswer` keeps the
stretches, the typed text and, once assessed, the turn, so that the finished
transcript replaces its stretch and the answer is assessed again
(``Session.revise_answer``) wherever the user is by then.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from hotseat.transcript import Transcript, join_answer

if TYPE_CHECKING:
    from hotseat.session.engine import Session
    from hotseat.session.turns import Turn


@dataclass(eq=False)
class HeardAnswer:
    parts: list[tuple[Transcript, float]] = field(default_factory=list)  # (words, began at)
    tokens: list[int] = field(default_factory=list)  # the stretch of each part
    typed: str = ""
    # Set once the answer was assessed while a stretch was still pending.
    turn: Turn | None = None
    session: Session | None = None

    def add(self, token: int, transcript: Transcript, began: float) -> None:
        self.parts.append((transcript, began))
        self.tokens.append(token)

    @property
    def pending(self) -> bool:
        """A stretch's transcript is still being finished from its recording."""
        return any(part.pending for part, _ in self.parts)

    def joined(self, typed: str | None = None) -> Transcript:
        """The stretches and the typed text as one transcript (``typed`` kept when given)."""
        if typed is not None:
            self.typed = typed
        return join_answer(self.parts, self.typed)

    def revise(self, token: int, transcript: Transcript) -> Turn | None:
        """Stretch ``token`` was finished: take its new transcript and, when the answer
        was already assessed, assess it again. Returns the turn that changed, if any."""
        if token not in self.tokens:
            return None
        index = self.tokens.index(token)
        self.parts[index] = (transcript, self.parts[index][1])
        if self.turn is None or self.session is None:
            return None  # not assessed yet: the answer is joined from the new words
        return self.session.revise_answer(self.turn, self.joined())


def still_being_finished(turns: Iterable[Turn], *, quitting: bool) -> str:
    """One line for the quit or End dialog when answers of ``turns`` are still being
    finished from their recordings ('' when none are): quitting leaves them to the next
    start (``store.unfinished``); ending the session lets them finish meanwhile."""
    count = sum(1 for turn in turns if turn.answer is not None and turn.answer.pending)
    if not count:
        return ""
    one = count == 1
    said = "1 answer is" if one else f"{count} answers are"
    if quitting:
        then = f"{'it' if one else 'they'} will be finished next time you start hotseat"
    else:
        then = f"{'its score is' if one else 'their scores are'} updated once finished"
    return f"{said} still being transcribed; {then}."
