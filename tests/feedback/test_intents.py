"""What a typed question asks, for each way the intent classifier used to go wrong.

Each case is a wording of its own (not in ``intents.toml`` nor in the probe files),
for a cause fixed on 2026-11-30 (branch `intents`): a typo in the word that says
it, a topic behind a story frame with words in between, a context sentence or a
"such as" list naming another topic, a hypothetical about how others see you,
"led to" read as leading, asking the candidate to tell rather than to ask. Marker:
regression (tests/feedback/README.md); accuracy on unseen wordings is a figure of
``benchmarks/bench_intents.py``, not a test.
"""

from __future__ import annotations

import pytest

from hotseat.feedback import analyze
from hotseat.feedback.intent import classify
from hotseat.feedback.lexicon import default_lexicons
from hotseat.transcript import Transcript

LEX = default_lexicons()


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        # slips of the keyboard in the word that says what is asked
        ("whats your bigest weakness at work", "weakness"),
        ("What would you say is your main strenght?", "strengths"),
        ("tell me abuot a mistake you made", "failure"),
    ],
)
def test_a_typo_does_not_hide_what_is_asked(question: str, intent: str) -> None:
    assert classify(question, LEX) == intent


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("Tell me about a time you messed a handover up badly.", "failure"),
        ("describe a time you and your supervisor really didn't see eye to eye", "conflict"),
        ("Give me an example of a deadline that nearly broke you.", "challenge"),
    ],
)
def test_a_story_frame_takes_the_topic_it_asks_about(question: str, intent: str) -> None:
    assert classify(question, LEX) == intent


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        (
            "Our team is small and we argue a lot about priorities. What are your salary "
            "expectations?",
            "salary",
        ),
        (
            "How do you keep track of your work across several jobs, for example when a "
            "team leader and a client both want something today?",
            "technical",
        ),
        ("We run three shops. Tell me about a time you let a customer down.", "failure"),
        (
            # as a recogniser writes it: no punctuation to say where the ask starts
            "we have had a lot of complaints about the tills lately how would you deal "
            "with an angry customer",
            "situational",
        ),
    ],
)
def test_context_and_examples_do_not_outvote_the_ask(question: str, intent: str) -> None:
    assert classify(question, LEX) == intent


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("If I phoned your old boss, what would he say you need to improve?", "weakness"),
        ("What would people say you're brilliant at?", "strengths"),
    ],
)
def test_how_others_see_you_is_no_hypothetical_scenario(question: str, intent: str) -> None:
    assert classify(question, LEX) == intent


def test_led_to_is_a_cause_not_leadership() -> None:
    assert classify("Tell me about a piece of work of yours that led to a big saving.", LEX) != (
        "leadership"
    )
    assert classify("Tell me about a time you led a small crew on a rush job.", LEX) == (
        "leadership"
    )


def test_being_asked_to_tell_more_is_not_being_asked_for_questions() -> None:
    assert classify("Before we stop, is there anything you'd like to ask us?", LEX) == (
        "questions-for-us"
    )
    assert classify("Before we stop, is there anything you want us to know?", LEX) != (
        "questions-for-us"
    )


def test_a_question_nothing_in_which_is_known_is_general() -> None:
    assert classify("Hum us a tune.", LEX) == "general"


def test_a_typed_weakness_question_gets_the_weakness_rubric() -> None:
    """As ``hotseat analyze --question-text`` runs it: the rubric follows the intent."""
    answer = (
        "I used to explain things too fast when training new staff. I now ask them to show "
        "me the task back, and last month both new starters passed their checks first time."
    )
    feedback = analyze(
        None, Transcript.typed(answer), question_text="so whats your weekness would you say"
    )
    assert feedback.metrics["kind"] == "weakness"
    assert "weakness-named" in {f.id for f in feedback.findings}
