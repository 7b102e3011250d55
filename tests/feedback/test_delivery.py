"""Delivery figures against synthetic timed transcripts whose truth is known exactly."""

from __future__ import annotations

import pytest

from hotseat.feedback import Feedback, analyze
from hotseat.feedback.tokens import split_words
from hotseat.questions import Question
from hotseat.transcript import Note, NoteKind, Transcript, Word, join_answer

QUESTION = Question(
    id="delivery-test",
    text="Tell me about a project you are proud of.",
    category="test",
    competencies=("impact",),
    kind="behavioral",
    prep_seconds=15,
    answer_min=5,
    answer_max=120,
    look_for=(),
)
SENTENCE = split_words(
    "last year i led the move of our billing system to a new provider and "
    "as a result we cut failed payments by a third within two months"
)


def timed(
    words: list[str],
    *,
    first: float = 2.0,
    length: float = 0.3,
    gap: float = 0.1,
    pauses: dict[int, float] | None = None,
    engine: str = "vosk",
    first_word_delay: float | None = None,
) -> Transcript:
    """Words of ``length`` seconds separated by ``gap``; ``pauses[k]`` replaces the gap
    before word k."""
    pauses = pauses or {}
    out: list[Word] = []
    t = first
    for k, word in enumerate(words):
        if k:
            t += pauses.get(k, gap)
        out.append(Word(word, round(t, 6), round(t + length, 6)))
        t += length
    return Transcript(
        " ".join(words),
        tuple(out),
        duration=t + 1.0,
        engine=engine,
        first_word_delay=first_word_delay,
    )


def ids(feedback: Feedback) -> set[str]:
    return {f.id for f in feedback.findings}


def test_wpm_pauses_and_first_word_are_exact() -> None:
    words = SENTENCE  # 28 words
    transcript = timed(words, pauses={10: 3.0, 20: 2.5})
    m = analyze(QUESTION, transcript).metrics
    span = 28 * 0.3 + 25 * 0.1 + 3.0 + 2.5
    speaking = span - 5.5
    assert m["time_to_first_word"] == 2.0
    assert m["speaking_seconds"] == pytest.approx(speaking, abs=0.005)
    assert m["wpm"] == pytest.approx(28 / speaking * 60, abs=0.05)
    assert m["pauses"]["count"] == 2
    assert m["pauses"]["longest"] == 3.0
    first, second = m["pauses"]["at"]
    assert (first["after"], first["before"]) == (words[9], words[10])
    assert first["start"] == pytest.approx(2.0 + 10 * 0.3 + 9 * 0.1)
    assert first["seconds"] == 3.0
    assert (second["after"], second["before"]) == (words[19], words[20])
    assert second["seconds"] == 2.5
    assert m["not_measured"] == []


def test_a_pause_of_exactly_two_seconds_is_not_reported() -> None:
    m = analyze(QUESTION, timed(SENTENCE, pauses={5: 2.0})).metrics
    assert m["pauses"]["count"] == 0


def test_first_word_delay_from_the_session_wins_over_word_times() -> None:
    feedback = analyze(QUESTION, timed(SENTENCE, first=0.5, first_word_delay=6.25))
    assert feedback.metrics["time_to_first_word"] == 6.25
    slow = next(f for f in feedback.findings if f.id == "slow-start")
    assert "6.2" in slow.message or "6.3" in slow.message


@pytest.mark.parametrize(
    ("gap", "expected", "severity"),
    [
        (0.0, "too-fast", "major"),  # 200 wpm: past the band by more than 30
        (0.13, "pace-good", "strength"),  # about 141 wpm
        (0.3, "too-slow", "minor"),  # about 102 wpm
        (0.45, "too-slow", "major"),  # about 82 wpm: below the band by more than 30
    ],
)
def test_pace_is_judged_against_the_band(gap: float, expected: str, severity: str) -> None:
    feedback = analyze(QUESTION, timed(SENTENCE, gap=gap))
    speaking = 28 * 0.3 + 27 * gap
    assert feedback.metrics["wpm"] == pytest.approx(28 / speaking * 60, abs=0.05)
    found = next(f for f in feedback.findings if f.id == expected)
    assert found.severity == severity


def test_long_pauses_are_reported_with_where_they_fell() -> None:
    feedback = analyze(QUESTION, timed(SENTENCE, pauses={4: 2.5, 12: 6.0, 20: 3.0}))
    finding = next(f for f in feedback.findings if f.id == "long-pauses")
    assert "3 pauses" in finding.message and "6.0 s" in finding.message
    assert len(finding.evidence) == 3
    middle = finding.evidence[1]
    assert middle.end is not None and middle.start is not None
    assert middle.end - middle.start == pytest.approx(6.0)
    assert SENTENCE[11] in middle.text and SENTENCE[12] in middle.text


def test_fillers_per_minute_use_speaking_time_and_evidence_has_times() -> None:
    words = split_words(
        "um so um i led the um billing move and uh we cut failed payments by a third"
    )
    feedback = analyze(QUESTION, timed(words))
    m = feedback.metrics
    speaking = len(words) * 0.3 + (len(words) - 1) * 0.1
    assert m["fillers"]["count"] == 4
    assert m["fillers"]["per_100_words"] == pytest.approx(400 / len(words), abs=0.01)
    assert m["fillers"]["per_minute"] == pytest.approx(4 / (speaking / 60), abs=0.01)
    finding = next(f for f in feedback.findings if f.id == "fillers")
    assert all(e.start is not None and e.end is not None for e in finding.evidence)


def test_typed_answers_say_timing_was_not_measured_and_estimate_length() -> None:
    feedback = analyze(QUESTION, Transcript.typed(" ".join(SENTENCE * 10), duration=400.0))
    m = feedback.metrics
    assert m["wpm"] is None and m["pauses"] is None and m["time_to_first_word"] is None
    assert {"wpm", "pauses", "fillers_per_minute"} <= set(m["not_measured"])
    assert m["fillers"]["per_minute"] is None
    note = next(f for f in feedback.findings if f.id == "timing-not-measured")
    assert note.severity == "info" and "typed" in note.message
    # 280 words at 140 wpm is two minutes, whatever the typing took.
    assert m["length"] == {
        "seconds": 120.0,
        "estimated": True,
        "band": [5.0, 120.0],
        "verdict": "ok",
    }
    assert m["typed_seconds"] == 400.0


def test_estimated_length_is_said_in_the_message() -> None:
    question = QUESTION.__class__(**{**QUESTION.__dict__, "answer_min": 60})
    feedback = analyze(question, Transcript.typed(" ".join(SENTENCE)))
    short = next(f for f in feedback.findings if f.id == "too-short")
    assert "estimated from 28 words at 140 wpm" in short.message


def test_recognised_words_without_times_are_not_timed() -> None:
    words = tuple(Word(w) for w in SENTENCE)
    transcript = Transcript(" ".join(SENTENCE), words, duration=12.0, engine="vosk")
    m = analyze(QUESTION, transcript).metrics
    assert m["timed"] is False and m["wpm"] is None
    assert m["length"]["seconds"] == 12.0 and m["length"]["estimated"] is False


def test_words_typed_into_a_spoken_answer_are_not_in_its_pace() -> None:
    """8 s of speech and 20 words typed after it (f4 mid-answer): the pace is the
    spoken words over the spoken time, not every word over the spoken seconds."""
    said = SENTENCE[:20]
    heard = timed(said)
    typed = "and the finance team now closes the month two days sooner than it did before, "
    typed += "which they asked for so"
    joined = join_answer([(heard, 0.0)], typed)
    assert joined.typed_words == 20
    m = analyze(QUESTION, joined).metrics
    speaking = 20 * 0.3 + 19 * 0.1
    assert m["speaking_seconds"] == pytest.approx(speaking, abs=0.005)
    assert m["wpm"] == pytest.approx(20 / speaking * 60, abs=0.05)  # 152, not 304


def _fell_behind(note: Note | None) -> Transcript:
    """12 s of steady speech, then a few words far apart: what is left of the answer
    once a busy computer's recognizer fell behind at 10 s and kept only the live pass."""
    words = list(timed(SENTENCE[:25]).words)  # 2.0 s to 11.9 s, steady
    late = [Word(w, 14.0 + k * 3.0, 14.3 + k * 3.0) for k, w in enumerate(SENTENCE[:5])]
    out = tuple(words + late)
    notes = () if note is None else (note,)
    return Transcript(" ".join(w.word for w in out), out, 30.0, "vosk", notes=notes)


def test_pace_is_measured_up_to_where_the_recognizer_fell_behind_by_the_notes_time() -> None:
    """The cut is the note's ``since``, not a time in its words: a note worded
    differently (or in another language) cuts the same, and a time only in the words
    cuts nothing."""
    plain = analyze(QUESTION, _fell_behind(None)).metrics
    assert plain["pauses"]["count"] == 5  # the dropped stretch looks like long pauses
    reworded = Note("live words only after this point", NoteKind.INCOMPLETE, since=12.5)
    m = analyze(QUESTION, _fell_behind(reworded)).metrics
    assert m["measured_until"] == 12.5
    assert m["pauses"]["count"] == 0
    assert m["speaking_seconds"] == pytest.approx(25 * 0.3 + 24 * 0.1, abs=0.005)
    text_only = Note(
        "recognition could not finish the answer from 0:12 on in time", NoteKind.INCOMPLETE
    )
    assert "measured_until" not in analyze(QUESTION, _fell_behind(text_only)).metrics


def test_a_notes_time_moves_with_its_stretch_onto_the_answer_clock() -> None:
    """A second stretch of listening (after typing, f4) began 40 s into the answer: its
    note's time, like its words', is counted from there."""
    first = timed(SENTENCE[:10])
    behind = Note("live words only after this point", NoteKind.INCOMPLETE, since=3.0)
    second = _fell_behind(None)
    second = Transcript(second.text, second.words, 30.0, "vosk", notes=(behind,))
    joined = join_answer([(first, 0.0), (second, 40.0)], "")
    assert [n.since for n in joined.notes] == [43.0]
