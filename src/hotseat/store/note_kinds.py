"""Notes on saved answers, as the history keeps them: ``{"kind": ..., "text": ...}``.

Answers saved before notes had kinds (schema 4) hold plain sentences; the
migration to schema 5 (``schema._v5_note_kinds``) gives each its kind, read off
the words the listener used then. Nothing else reads a note's words: what a
note means is its ``kind`` (``session.caveats``). A plain sentence that still
turns up (an unsaved answer kept from before the upgrade) is read the same way.
"""

from __future__ import annotations

from typing import Any

from hotseat.transcript import Note, NoteKind

# The words the listener's notes used, by what they meant for the transcript.
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
_CONTEXT = ("microphone came back",)
_STOPPED = ("interrupted by quit", "interrupted by ending the session")


def kind_of_old_note(text: str) -> NoteKind:
    """The kind of a note saved as a plain sentence (before schema 5)."""
    words = text.lower()
    if any(cue in words for cue in _RECOVERED):
        # (It may also say the computer was busy; it is complete all the same.)
        return NoteKind.INCOMPLETE if "is incomplete" in words else NoteKind.RECOVERED
    for cues, kind in (
        (_INCOMPLETE, NoteKind.INCOMPLETE),
        (_LESS_ACCURATE, NoteKind.LESS_ACCURATE),
        (_CONTEXT, NoteKind.CONTEXT),
        (_STOPPED, NoteKind.STOPPED),
    ):
        if any(cue in words for cue in cues):
            return kind
    return NoteKind.INFO


def note_from_json(item: Any) -> Note:
    """One stored note: ``{"kind", "text"}``, or a plain sentence from before schema 5."""
    if isinstance(item, dict):
        text = str(item.get("text", ""))
        try:
            return Note(text, NoteKind(str(item.get("kind", ""))))
        except ValueError:  # a kind this hotseat does not know: it says nothing about scores
            return Note(text)
    text = str(item)
    return Note(text, kind_of_old_note(text))


def notes_to_json(notes: tuple[Note, ...]) -> list[dict[str, str]]:
    return [note.to_dict() for note in notes]
