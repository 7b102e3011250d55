"""What an answer's recognition notes mean for its feedback, in one honest line.

The listener (``asr.answer_worker``, ``asr.mic_input``, ``asr.answer``) saves
notes with a spoken answer when something went wrong with its audio or its
recognition: the microphone was lost, recognition fell behind or failed, the
final words were late. Each note says what it means in its ``kind`` (``transcript.NoteKind``),
and a score built on such a transcript is approximate: the feedback, the
history and the report say so next to it rather than keep the notes to
themselves. Notes that only describe the answer (typed words added to it, why
it stopped) are not caveats; a returning microphone is said beside a caveat,
never as one.

(Answers saved before notes had kinds get theirs when the history is
migrated: ``store.note_kinds``.)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from hotseat.transcript import Note, NoteKind

INCOMPLETE = "The transcript may be incomplete, so the scores are approximate."
LESS_ACCURATE = "Recognition was less accurate than usual, so the scores are approximate."
RECOVERED = "Recognition failed and was restarted: the answer was recognised from its recording."

# The headline of the gravest kind present, gravest first.
_HEADLINES = (
    (NoteKind.INCOMPLETE, INCOMPLETE),
    (NoteKind.FINISHING, INCOMPLETE),
    (NoteKind.LESS_ACCURATE, LESS_ACCURATE),
    (NoteKind.RECOVERED, RECOVERED),
)
_SHOWN = frozenset(kind for kind, _ in _HEADLINES) | {NoteKind.CONTEXT}


@dataclass(frozen=True)
class Caveat:
    headline: str  # one short line for beside the score
    notes: tuple[str, ...]  # the notes behind it, as sentences


def caveat(notes: Sequence[Note]) -> Caveat | None:
    """The caveat the notes call for, or None when the transcript can be trusted as it is."""
    present = {note.kind for note in notes}
    headline = next((line for kind, line in _HEADLINES if kind in present), None)
    if headline is None:
        return None
    return Caveat(headline, tuple(_sentence(n.text) for n in notes if n.kind in _SHOWN))


def said_text(text: str, notes: Sequence[Note]) -> str:
    """What was said, for showing: never "nothing was said" when the words were lost."""
    if text.strip():
        return text.strip()
    if any(note.incomplete for note in notes):
        return "(no words could be recognised: see the note on the transcript)"
    return "(nothing was said)"


def _sentence(note: str) -> str:
    note = note.strip()
    if not note:
        return note
    note = note[0].upper() + note[1:]
    return note if note.endswith((".", "!", "?", ")")) else note + "."
