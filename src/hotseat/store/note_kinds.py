"""Notes on saved answers, as the history keeps them: ``{"kind", "text", "since"}``.

Answers saved before notes had kinds (schema 4) hold plain sentences; the
migration to schema 5 (``schema._v5_note_kinds``) gives each its kind, read off
the words the listener used then. Notes saved before they had a time (schema 5)
lack ``since``; the migration to schema 6 (``schema._v6_note_since``) reads it
off the one sentence that carried a time ("could not finish the answer from
0:20 on"). The first builds that finished a late transcript from its recording
(before ``NoteKind.FINISHING``) saved the note that says so as ``incomplete``;
such a note is read as ``finishing`` (:func:`finishing_of_old_build`,
``OLD_FINISHING_SQL``), so the answer is finished on the next start
(``store.unfinished``). Nothing else reads a note's words: what a note means is its ``kind``
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


# How those builds' pending notes began and ended, word for word (only they said
# both): "the final recognition had not finished when the answer ended[ and you chose
# not to wait for it], so the live text stands in while ...", and "recognition could
# not finish the answer from M:SS on in time, so ...; it is being finished from the
# recording". Their other notes (finishing failed, finished) end otherwise.
_OLD_BUSY = "the computer was busy: "
_OLD_FINISHING_ENDS = (
    "so the live text stands in while the transcript is finished from the recording "
    "(which holds the whole answer)",
    "; it is being finished from the recording",
)
# The same, for finding such rows in SQL (``json_each(notes)``'s ``value``).
OLD_FINISHING_SQL = (
    f"(json_extract(value, '$.kind') = '{NoteKind.INCOMPLETE.value}' AND ("
    + " OR ".join(
        f"json_extract(value, '$.text') LIKE '{_OLD_BUSY}%{end}'" for end in _OLD_FINISHING_ENDS
    )
    + "))"
)


def finishing_of_old_build(kind: str, text: str) -> bool:
    """An ``incomplete`` note that says the transcript is still being finished from the
    recording, as the first builds that did so saved it."""
    return (
        kind == NoteKind.INCOMPLETE.value
        and text.startswith(_OLD_BUSY)
        and text.endswith(_OLD_FINISHING_ENDS)
    )


def note_from_json(item: Any) -> Note:
    """One stored note: ``{"kind", "text", "since"}``; without ``since`` from before
    schema 6; a plain sentence from before schema 5."""
    if isinstance(item, dict):
        text = str(item.get("text", ""))
        since = _seconds(item["since"]) if "since" in item else since_of_old_note(text)
        kind = str(item.get("kind", ""))
        if finishing_of_old_build(kind, text):
            return Note(text, NoteKind.FINISHING, since)
        try:
            return Note(text, NoteKind(kind), since)
        except ValueError:  # a kind this hotseat does not know: it says nothing about scores
            return Note(text, since=since)
    text = str(item)
    return Note(text, kind_of_old_note(text), since_of_old_note(text))


def _seconds(value: Any) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def notes_to_json(notes: tuple[Note, ...]) -> list[dict[str, Any]]:
    return [note.to_dict() for note in notes]
