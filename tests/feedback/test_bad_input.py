"""Odd answers get honest output: no crash, no invented score, bounded work."""

from __future__ import annotations

import pytest

from hotseat.feedback import analyze
from hotseat.questions import Question
from hotseat.transcript import Transcript, Word
from tests.feedback.labelled import load_pairs

Q = "Tell me about a time you improved a process."


@pytest.mark.parametrize(
    ("text", "finding"),
    [
        ("", "nothing-to-assess"),
        ("   \n\t ", "nothing-to-assess"),
        ("Teamwork.", "nothing-to-assess"),
        ("!!! ??? ... 🙂🙂", "nothing-to-assess"),
        ("Um, uh, like, you know, um, er, basically, um... hmm.", "only-fillers"),
        ("저는 지난 회사에서 고객 응대 시간을 절반으로 줄였습니다.", "not-english"),
        (
            "En mi último trabajo reduje el tiempo de respuesta a la mitad. Analicé los datos "
            "y escribí guías para los clientes, y la satisfacción subió mucho.",
            "not-english",
        ),
    ],
)
def test_nothing_to_assess_is_said_plainly(text: str, finding: str) -> None:
    feedback = analyze(None, Transcript.typed(text), question_text=Q)
    assert feedback.assessable is False
    assert feedback.score == 0 and set(feedback.subscores.values()) == {0}
    assert [f.id for f in feedback.findings] == [finding]
    assert feedback.findings[0].message.startswith("Nothing to assess")
    assert feedback.tips and feedback.explanation[0].startswith("no score")
    assert feedback.improvements == []


def test_one_word_spoken_answer_does_not_divide_by_zero() -> None:
    transcript = Transcript("yes", (Word("yes", 0.0, 0.0),), duration=0.0, engine="vosk")
    feedback = analyze(None, transcript, question_text=Q)
    assert feedback.assessable is False
    assert feedback.metrics["word_count"] == 1


def test_three_spoken_words_at_the_same_instant_do_not_divide_by_zero() -> None:
    words = tuple(Word(w, 1.0, 1.0) for w in ("i", "fixed", "it"))
    feedback = analyze(None, Transcript("i fixed it", words, engine="vosk"), question_text=Q)
    assert feedback.assessable is True
    assert feedback.metrics["wpm"] is None
    assert "too-short" in {f.id for f in feedback.improvements}


def test_recogniser_noise_markers_are_not_words() -> None:
    words = tuple(Word(w, k * 0.5, k * 0.5 + 0.3) for k, w in enumerate(["<sil>", "[noise]", "ok"]))
    feedback = analyze(None, Transcript("ok", words, engine="sphinx"), question_text=Q)
    assert feedback.metrics["word_count"] == 1 and feedback.assessable is False


def test_all_caps_reads_the_same_as_normal_case() -> None:
    pair = load_pairs()[0]
    normal = analyze(pair.question, Transcript.typed(pair.strong), pair.context)
    shouted = analyze(pair.question, Transcript.typed(pair.strong.upper()), pair.context)
    assert shouted.assessable and shouted.score == normal.score
    assert [f.id for f in shouted.findings] == [f.id for f in normal.findings]


def test_a_one_megabyte_paste_is_cut_and_says_so() -> None:
    text = ("At my last job I cut the backlog by 40% and we shipped on time. " * 16000)[:1_000_000]
    feedback = analyze(None, Transcript.typed(text), question_text=Q)
    assert feedback.assessable
    assert feedback.metrics["word_count"] > 150_000
    assert feedback.metrics["analysed_words"] == 20_000
    note = next(f for f in feedback.findings if f.id == "truncated")
    assert "20000" in note.message
    assert "too-long" in {f.id for f in feedback.improvements}


def test_a_megabyte_without_spaces_is_not_mistaken_for_an_answer() -> None:
    feedback = analyze(None, Transcript.typed("x" * 1_000_000), question_text=Q)
    assert feedback.assessable is False


def test_no_question_at_all_still_works() -> None:
    feedback = analyze(None, Transcript.typed("I led the team that cut costs by 20% last year."))
    assert feedback.assessable and feedback.metrics["kind"] == "general"


def test_unknown_question_kind_falls_back_to_general() -> None:
    odd = Question("odd", "Sing us a song.", "x", (), "karaoke", 5, 10, 60, ())
    feedback = analyze(odd, Transcript.typed("I would rather tell you about the launch I led."))
    assert feedback.metrics["kind"] == "general"
