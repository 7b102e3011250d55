"""One answer from what was heard and what was typed alongside it."""

from __future__ import annotations

from hotseat.transcript import Note, NoteKind, Transcript, Word, join_answer


def spoken(text: str, start: float = 0.0) -> Transcript:
    words = tuple(Word(w, start + i, start + i + 0.5) for i, w in enumerate(text.split()))
    return Transcript(text, words, duration=9.0, engine="sphinx", first_word_delay=0.4)


def test_a_spoken_answer_with_nothing_typed_is_kept_as_heard() -> None:
    heard = spoken("we shipped it")
    assert join_answer([(heard, 0.0)], "  ") is heard


def test_typed_words_follow_the_spoken_ones_without_a_pause_and_keep_it_timed() -> None:
    joined = join_answer([(spoken("we shipped it"), 0.0)], "on time, with 3 people")
    assert joined.text == "we shipped it on time, with 3 people"
    assert joined.engine == "sphinx" and joined.timed
    assert [w.start for w in joined.words[3:]] == [2.5] * 5  # at the last spoken word's end
    assert joined.first_word_delay == 0.4
    assert joined.duration is None  # the session's answer clock gives the length
    assert joined.notes == (Note("5 typed words added to the spoken answer", NoteKind.INFO),)


def test_stretches_heard_after_a_switch_are_put_on_the_answer_clock() -> None:
    joined = join_answer([(spoken("first part"), 0.0), (spoken("second part"), 20.0)], "")
    assert joined.text == "first part second part"
    assert [w.start for w in joined.words] == [0.0, 1.0, 20.0, 21.0]
    assert joined.first_word_delay == 0.4


def test_nothing_heard_is_the_typed_answer_exactly_as_typed() -> None:
    joined = join_answer([], "First line.\nSecond  line")
    assert joined.text == "First line.\nSecond  line" and joined.engine == "typed"


def test_a_switch_that_heard_nothing_leaves_a_typed_answer() -> None:
    """f4 (or the palette) before a word was said: the microphone's empty stretch does
    not make the typed answer spoken (timed, its delivery judged on the typing)."""
    nothing = Transcript("", (), engine="sphinx", notes=(Note("the microphone heard nothing"),))
    joined = join_answer([(nothing, 0.0)], "We moved billing.\nIt took two weeks.")
    assert joined.engine == "typed" and not joined.timed
    assert joined.text == "We moved billing.\nIt took two weeks."
    assert joined.typed_words == 0 and "typed word" not in " ".join(n.text for n in joined.notes)


def test_the_typed_words_of_a_spoken_answer_are_counted() -> None:
    joined = join_answer([(spoken("we shipped it"), 0.0)], "on time")
    assert joined.typed_words == 2


def test_an_answer_in_which_nothing_was_said_or_typed_keeps_why() -> None:
    failed = Note("recognition failed", NoteKind.INCOMPLETE)
    nothing = Transcript("", (), engine="sphinx", notes=(failed,))
    assert join_answer([(nothing, 0.0)], " ") is nothing
