"""What an answer's recognition notes mean for its feedback, in one honest line.

The listener (``asr.listener``, ``asr.answer``) saves notes with a spoken
answer when something went wrong with its audio or its recognition: the
microphone was lost, recognition fell behind or failed, the final words were
late. A score built on such a transcript is approximate, and the feedback,
the history and the report must say so next to it rather than keep the notes
to themselves. Notes that only describe the answer (typed words added to it)
or the session (which recognizer is in use) are not caveats.

Old answers keep the notes they were saved with, so the older wordings are
recognised too.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

# Words that the listener's notes use, by what they mean for the transcript.
_INCOMPLETE = (
    "may miss words",
    "is incomplete",
    "microphone was lost",
    "microphone was still gone",
    "could not finish the answer",
    "answer was not heard",
    "short gaps in the microphone audio",
    "the transcript is the live text",
    "no microphone is available",
    "speech recognition is not available",
    "speech recognition cannot run",
)
_LESS_ACCURATE = ("fell behind", "less accurate")
_RECOVERED = ("made from the answer's recording",)
_CONTEXT = ("microphone came back",)  # shown with a caveat, never one by itself

INCOMPLETE = "The transcript may be incomplete, so the scores are approximate."
LESS_ACCURATE = "Recognition was less accurate than usual, so the scores are approximate."
RECOVERED = "Recognition failed and was restarted: the answer was recognised from its recording."


@dataclass(frozen=True)
class Caveat:
    headline: str  # one short line for beside the score
    notes: tuple[str, ...]  # the notes behind it, as sentences


def _kind(note: str) -> str:
    text = note.lower()
    if any(words in text for words in _RECOVERED):
        # (It may also say the computer was busy; it is complete all the same.)
        return "incomplete" if "is incomplete" in text else "recovered"
    if any(words in text for words in _INCOMPLETE):
        return "incomplete"
    if any(words in text for words in _LESS_ACCURATE):
        return "less accurate"
    if any(words in text for words in _CONTEXT):
        return "context"
    return ""


def caveat(notes: Sequence[str]) -> Caveat | None:
    """The caveat the notes call for, or None when the transcript can be trusted as it is."""
    kinds = [(_kind(note), note) for note in notes]
    found = [(kind, note) for kind, note in kinds if kind]
    if not any(kind != "context" for kind, _ in found):
        return None
    present = {kind for kind, _ in found}
    if "incomplete" in present:
        headline = INCOMPLETE
    elif "less accurate" in present:
        headline = LESS_ACCURATE
    else:
        headline = RECOVERED
    return Caveat(headline, tuple(_sentence(note) for _, note in found))


def said_text(text: str, notes: Sequence[str]) -> str:
    """What was said, for showing: never "nothing was said" when the words were lost."""
    if text.strip():
        return text.strip()
    found = caveat(notes)
    if found is not None and found.headline == INCOMPLETE:
        return "(no words could be recognised: see the note on the transcript)"
    return "(nothing was said)"


def _sentence(note: str) -> str:
    note = note.strip()
    if not note:
        return note
    note = note[0].upper() + note[1:]
    return note if note.endswith((".", "!", "?", ")")) else note + "."
