"""The app with the real feedback engine: what the candidate reads after an answer."""

from __future__ import annotations

import pytest
from textual.widgets import Input, TextArea

from hotseat.feedback.rubric import default_rubric
from hotseat.session import FakeClock
from hotseat.tui.screens.dialogs import ExplainScreen
from hotseat.tui.screens.home import HomeScreen
from hotseat.tui.screens.summary import SummaryScreen
from tests.tui.conftest import AppFactory
from tests.tui.fakes import FakeSpeaker
from tests.tui.helpers import answer, interview_started, press, start

STORY = (
    "At my last job two of us disagreed about the release date. I was responsible for the "
    "plan, so I asked her to list the risks with me and we agreed to ship in two steps. "
    "As a result we shipped on time and cut the bug reports by thirty percent."
)
WHY_NORTHWIND = (
    "I want to join Northwind Health because I care about paperless rural clinics, and the "
    "new lab in Leeds shows you invest in curiosity. At my last job I built the dashboards "
    "that cut our reporting time by half."
)


async def test_every_part_of_the_score_reads_out_of_its_maximum_and_is_explained(
    app_factory: AppFactory, clock: FakeClock
) -> None:
    app = app_factory(mode="focus", category="collaboration", count=1, analyze=None)
    async with interview_started(app) as (pilot, screen):
        await answer(pilot, clock, STORY, seconds=75)
        feedback = screen.session.current.feedback
        assert feedback is not None and feedback.assessable
        heading = screen.feedback_panel.text.splitlines()[0]
        for part in ("content", "structure", "delivery", "relevance"):
            assert f"{part} {feedback.subscores[part]}/" in heading
        await press(pilot, "e")
        dialog = app.screen
        assert isinstance(dialog, ExplainScreen)
        body = str(dialog.query_one("#explain-body").render())
        for part, value in feedback.subscores.items():
            assert f"{part} {value}/" in body  # each part: where it started, what moved it
        assert "word count: 51" in body and "duration seconds: not measured" in body
        assert "None" not in body and "False" not in body  # measurements read as words


async def test_one_word_and_empty_answers_are_not_scored(
    app_factory: AppFactory, clock: FakeClock
) -> None:
    app = app_factory(mode="focus", pack="test-software", count=3, analyze=None)
    async with interview_started(app) as (pilot, screen):
        await answer(pilot, clock, "Teamwork.", seconds=3)
        assert "Nothing to assess: the answer has only 1 word." in screen.feedback_panel.text
        assert "Score" not in screen.feedback_panel.text
        await press(pilot, "enter")
        while screen.session.current.follow_up_of is not None or not screen.session.index:
            await press(pilot, "ctrl+o")  # no follow-up on an empty answer; skip to the next
        await press(pilot, "ctrl+s", "ctrl+s")  # answer now, then submit an empty box
        assert "Nothing to assess: the answer is empty." in screen.feedback_panel.text
        await press(pilot, "ctrl+l")
        await press(pilot, "y")
        summary = app.screen
        assert isinstance(summary, SummaryScreen)
        assert "None of the answers could be assessed." in summary.text
        assert summary.text.count(" n/a  ") == 2


async def test_company_notes_fill_the_questions_and_the_feedback_checks_them(
    app_factory: AppFactory, clock: FakeClock
) -> None:
    app = app_factory(mode="focus", category="research", count=1, analyze=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        home = app.screen
        assert isinstance(home, HomeScreen)
        home.query_one("#company", Input).value = "Northwind Health"
        home.query_one("#role", Input).value = "data analyst"
        home.query_one("#notes", TextArea).text = (
            "Mission: paperless rural clinics. Values: candour and curiosity. "
            "Recent news: opened a new lab in Leeds."
        )
        screen = await start(pilot)
        assert (
            "at Northwind Health as the data analyst role?" in screen.session.current.question.text
        )
        await answer(pilot, clock, WHY_NORTHWIND, seconds=60)
        feedback = screen.session.current.feedback
        assert feedback is not None
        assert "You used 6 key words from your company notes." in [
            f.message for f in feedback.strengths
        ]
        # Past the first three strengths the rest are named in one line, this one too.
        shown = screen.feedback_panel.text
        assert len(feedback.strengths) > 3 and "Also: " in shown
        labels = default_rubric().findings
        assert all(labels[f.id].label in shown for f in feedback.strengths[3:])
        # What the score could not measure is said: a typed answer has no pace or pauses.
        assert "Notes\nPace, pauses and time to first word were not measured" in shown


NO_RESULT = (
    "At my last job a colleague and I disagreed about the weekly sales report, which took two "
    "days to build by hand. I was asked to settle it, so I wrote a script that pulled the data "
    "from our database automatically and I showed her how to run it."
)
WITH_RESULT = NO_RESULT + (
    " As a result the report took two hours instead of two days, and we saved sixty hours a month."
)


@pytest.mark.parametrize("text", [NO_RESULT, WITH_RESULT])
async def test_a_follow_up_is_spoken_answered_and_scored_only_when_its_rule_matches(
    app_factory: AppFactory, clock: FakeClock, text: str
) -> None:
    speaker = FakeSpeaker()
    app = app_factory(mode="focus", category="collaboration", count=1, analyze=None,
                      speaker=speaker)  # fmt: skip
    async with interview_started(app) as (pilot, screen):
        speaker.finish()
        await pilot.pause()
        await answer(pilot, clock, text, seconds=70)
        await press(pilot, "enter")
        if text is WITH_RESULT:  # nothing to probe: the session is over
            assert isinstance(app.screen, SummaryScreen)
            assert len(app.screen.summary.rows) == 1
            return
        follow_up = screen.session.current
        assert follow_up.follow_up_of == 0
        assert follow_up.question.text == "And what was the outcome in the end?"
        # The same interviewer says a follow-up line, then asks it.
        lead = speaker.said[-1]
        speaker.finish()
        await pilot.pause()
        asked = speaker.said[-1]
        assert asked.text == follow_up.question.text and lead.persona == asked.persona
        assert lead.text and lead.text != asked.text
        speaker.finish()
        await pilot.pause()
        await answer(pilot, clock, "We saved sixty hours a month and the team kept it.", 20)
        assert follow_up.feedback is not None and follow_up.feedback.assessable
        await press(pilot, "enter")
        summary = app.screen
        assert isinstance(summary, SummaryScreen)
        assert [row.follow_up for row in summary.summary.rows] == [False, True]
        assert summary.summary.rows[1].score == follow_up.feedback.score
