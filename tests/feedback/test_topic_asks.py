"""A story question's own words are often a verb or an idiom the answer will not repeat
("persuade someone", "a project you're proud of", "how do you handle criticism"). The
topic check reads what such words ask about (``[asks]`` in ``topics.toml``), so an
on-topic story in its own words is not called off topic. Answers written for this
test, on jobs the lexicons were not edited for (QA trial, 2026-11-30: a persuasion
story and a proud project called off-topic). A story about something else entirely
is still off topic.
"""

from __future__ import annotations

import pytest

from hotseat.feedback import analyze
from hotseat.transcript import Transcript


def findings(question: str, answer: str) -> set[str]:
    feedback = analyze(None, Transcript.typed(answer), question_text=question)
    return {f.id for f in feedback.findings}


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        (
            "Describe a time you had to persuade someone.",
            "Our bakery's owner wanted to stop opening on Sundays. I pulled the till totals "
            "for the last three months, which showed Sunday was our second busiest day, and "
            "offered to run it with a smaller crew. He agreed to keep it for a trial quarter, "
            "and the Sunday takings covered the wages twice over.",
        ),
        (
            "Tell me about a project you're proud of.",
            "The thing I am proudest of is the reading club I started for reluctant readers "
            "in year five. I chose short comics and sports books, ran it at lunchtime twice a "
            "week, and asked parents to read with them at home. By the summer eleven of the "
            "fourteen children had moved up a reading level.",
        ),
    ],
)
def test_an_on_topic_story_in_its_own_words_is_not_off_topic(question: str, answer: str) -> None:
    assert "off-topic" not in findings(question, answer)


def test_a_story_about_something_else_is_still_off_topic() -> None:
    answer = (
        "I really enjoy my holidays. Most summers I go sailing with my cousins along the "
        "coast, and in the evenings we cook fish on the beach. I have been learning to play "
        "the guitar for about a year, and I like reading novels on the boat when it rains."
    )
    assert "off-topic" in findings("Describe a time you had to persuade someone.", answer)
