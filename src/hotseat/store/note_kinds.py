"""Notes on saved answers, as the history keeps them: ``{"kind", "text", "since"}``.

Answers saved before notes had kinds (schema 4) hold plain sentences; the
migration to schema 5 (``schema._v5_note_kinds``) gives each its kind, read off
the words the listener used then. Notes saved before they had a time (schema 5)
lack ``since``; the migration to schema 6 (``schema._v6_note_since``) reads it
off the one sentence that carried a time ("could not finish the answer from
0:20 on"). Nothing else reads a note's words: what a note means is its ``kind``
(``session.caveats``) and from when, its ``since`` (``feedback.delivery``). A
note in an old form that still turns up (an unsaved answer kept from before the
upgrade) is read the same way.
"""

from __future__ import annotations

import re
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


# The one note whose words held a time, as the listener worded it before schema 6.
_DROPPED = re.compile(r"could not finish the answer from (\d+):(\d\d) on")


def since_of_old_note(text: str) -> float | None:
    """The ``since`` of a note saved without one (before schema 6)."""
    found = _DROPPED.search(text)
    return None if found is None else int(found.group(1)) * 60.0 + int(found.group(2))


def note_from_json(item: Any) -> Note:
    """One stored note: ``{"kind", "text", "since"}``; without ``since`` from before
    schema 6; a plain sentence from before schema 5."""
    if isinstance(item, dict):
        text = str(item.get("text", ""))
        since = _seconds(item["since"]) if "since" in item else since_of_old_note(text)
        try:
            return Note(text, NoteKind(str(item.get("kind", ""))), since)
        except ValueError:  # a kind this hotseat does not know: it says nothing about scores
            return Note(text, since=since)
    text = str(item)
    return Note(text, kind_of_old_note(text), since_of_old_note(text))


def _seconds(value: Any) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def notes_to_json(notes: tuple[Note, ...]) -> list[dict[str, Any]]:
    return [note.to_dict() for note in notes]
