"""What befell an answer's recognition, in the notes its transcript carries.

``asr.answer`` decides what happened (the final words were late, or not waited
for; the recognizer was restarted; it fell behind); the sentences are here, each
naming the cause (the computer was busy, a recognizer that failed, the user's
choice not to wait), never the answer. "Busy" is said only when recognition
really fell behind the voice. What a note means for the scores is its kind (``session.caveats``) and
from when, its ``since``; nothing reads these words back.
"""

from __future__ import annotations

from hotseat.transcript import Note, NoteKind

# Once the transcript was finished from the recording, why that was needed: the
# machine, or the user's choice not to wait, the note it replaces said which.
_NOT_READY = "the final recognition was not ready when the answer ended"


def live_text(*, skipped: bool, wait: float) -> Note:
    """The final words did not come and nothing will finish them: the live text stands."""
    why = (
        "recognition was skipped"
        if skipped
        else f"recognition had not finished {wait:.0f} s after the answer"
    )
    text = f"the transcript is the live text, which may miss words: the final {why}"
    return Note(text, NoteKind.INCOMPLETE)


def being_finished(*, skipped: bool, behind: float | None) -> Note:
    """The final words did not come: the live text stands in while the recording is
    recognised whole (``asr.finisher``). ``skipped``: the user chose not to wait;
    ``behind``: seconds recognition trailed the voice when it really fell behind
    (None: it kept up, and its final pass was only still running)."""
    then = (
        "so the live text stands in until the transcript is finished from the recording "
        "(which holds the whole answer)"
    )
    busy = None if behind is None else f"recognition fell {behind:.0f} s behind the voice"
    if skipped and busy is None:
        text = f"you chose not to wait for the final recognition, {then}"
    elif skipped:
        text = (
            f"the computer was busy ({busy}) and you chose not to wait for the final "
            f"recognition, {then}"
        )
    else:
        why = "" if busy is None else f" ({busy})"
        text = f"the computer was busy{why}: the final recognition had not finished in time, {then}"
    return Note(text, NoteKind.FINISHING)


def live_from(since: float, clock: str, *, finishing: bool) -> Note:
    """From ``since`` on (``clock`` says it as M:SS) the words are the live pass's."""
    then = (
        "; it is being finished from the recording"
        if finishing
        else " (the recording holds the whole answer)"
    )
    text = (
        f"the computer was busy: recognition could not finish the answer from {clock} on "
        "in time, so the words from there are the live pass's and may be wrong or "
        f"missing{then}"
    )
    kind = NoteKind.FINISHING if finishing else NoteKind.INCOMPLETE
    return Note(text, kind, since=since)


def restarted(failures: list[str]) -> Note:
    text = (
        f"{'; '.join(failures)}: the recognizer was restarted and "
        "the transcript was made from the answer's recording"
    )
    return Note(text, NoteKind.RECOVERED)


def fell_behind() -> Note:
    text = (
        "the computer was busy: recognition fell behind and used its quicker, "
        "less accurate pass for some of the answer"
    )
    return Note(text, NoteKind.LESS_ACCURATE)


def finished_later() -> Note:
    """The recording was recognised whole after the answer: the transcript is complete."""
    text = (
        f"{_NOT_READY}, so the transcript was finished from the answer's recording after the answer"
    )
    return Note(text, NoteKind.INFO)


def not_finished(error: str) -> Note:
    """Recognising the recording whole failed: the live text stands for good."""
    text = (
        f"{_NOT_READY}, and finishing the transcript from the recording failed ({error}); "
        "the transcript is the live text, which may miss words (the recording holds the "
        "whole answer)"
    )
    return Note(text, NoteKind.INCOMPLETE)


def after_finishing(kept: tuple[Note, ...], finished: bool, error: str) -> tuple[Note, ...]:
    """An answer's notes once its recording was recognised whole (``finished``): a
    quicker pass's note goes, the recording having been recognised fully; or, when
    that failed (``error``), a note that the live text stands for good."""
    if not finished:
        return (*kept, not_finished(error))
    whole = tuple(note for note in kept if note.kind is not NoteKind.LESS_ACCURATE)
    return (*whole, finished_later())


def recording_gone() -> Note:
    """hotseat closed before the transcript was finished, and the recording is gone."""
    text = (
        f"{_NOT_READY}, and the recording the transcript was to be finished from is gone; "
        "the live text, which may miss words, is all there is of this answer"
    )
    return Note(text, NoteKind.INCOMPLETE)
