"""The home screen: choices, notices about broken files, job details carried into questions."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from textual.content import Content
from textual.widgets import Input, Select, TextArea

from hotseat import paths
from hotseat.session import Phase
from hotseat.settings import load_settings
from hotseat.tui import messages as msg
from hotseat.tui.screens.home import HomeScreen
from hotseat.tui.voice_mic import Built
from tests.tui.conftest import AppFactory
from tests.tui.fakes import FakeSpeaker
from tests.tui.helpers import card_text, press, start


def notices(screen: HomeScreen) -> str:
    return str(screen.query_one("#home-notices").render())


async def test_a_broken_user_pack_is_named_and_the_app_still_starts(
    app_factory: AppFactory,
) -> None:
    folder = paths.user_questions_dir()
    folder.mkdir(parents=True)
    (folder / "mine.toml").write_text('[pack]\nid = "mine"\n[[questions]\nid = 3\n')
    async with app_factory(bank=None).run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        home = pilot.app.screen
        assert isinstance(home, HomeScreen)
        text = notices(home)
        assert "Skipped question pack mine.toml, line 3" in text
        assert home.query_one("#home-notices").display


async def test_a_broken_pack_beside_good_ones_still_lets_you_practise(
    app_factory: AppFactory,
) -> None:
    folder = paths.user_questions_dir()
    folder.mkdir(parents=True)
    (folder / "bad.toml").write_text('[pack]\nid = "bad"\nname = "Bad"\n')
    async with app_factory(mode="focus", pack="test-software", count=3).run_test() as pilot:
        await pilot.pause()
        assert "bad.toml" in notices(pilot.app.screen)  # type: ignore[arg-type]
        screen = await start(pilot)
        assert screen.session.phase is Phase.THINKING


async def test_settings_problems_are_shown(app_factory: AppFactory) -> None:
    paths.settings_file().parent.mkdir(parents=True, exist_ok=True)
    paths.settings_file().write_text('muted = "maybe"\nvolume = 3\n')
    async with app_factory().run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        text = notices(pilot.app.screen)  # type: ignore[arg-type]
        assert "settings.toml:1: muted: must be true or false" in text
        assert "settings.toml:2: volume: unknown field" in text


async def test_company_and_role_fill_the_questions_and_are_remembered(
    app_factory: AppFactory,
) -> None:
    async with app_factory(mode="focus", category="research", count=1).run_test() as pilot:
        await pilot.pause()
        home = pilot.app.screen
        assert isinstance(home, HomeScreen)
        home.query_one("#company", Input).focus()
        await pilot.press(*"Acme")
        await pilot.press("tab")
        await pilot.press(*"analyst")
        await press(pilot, "enter")  # enter in a text field starts, like the button
        assert "Why do you want to work at Acme as the analyst role?" in card_text(pilot.app)
        saved = load_settings()
        assert (saved.last_company, saved.last_role) == ("Acme", "analyst")


async def test_notes_given_as_a_file_path_are_read(app_factory: AppFactory, tmp_path: Path) -> None:
    notes = tmp_path / "job ad.txt"
    notes.write_text("Acme builds hearing aids.\nWe value plain speaking.\n")
    async with app_factory(mode="focus", category="research", count=1).run_test() as pilot:
        await pilot.pause()
        home = pilot.app.screen
        assert isinstance(home, HomeScreen)
        home.query_one("#notes", TextArea).text = str(notes)
        screen = await start(pilot)
        assert screen.plan.context.notes == "Acme builds hearing aids.\nWe value plain speaking."


async def test_a_mistyped_notes_path_is_named_and_the_interview_waits(
    app_factory: AppFactory, tmp_path: Path
) -> None:
    notes = tmp_path / "job-ad.txt"
    notes.write_text("Acme builds hearing aids.\n")
    typo = tmp_path / "job-add.txt"
    async with app_factory(mode="focus", category="research", count=1).run_test() as pilot:
        await pilot.pause()
        home = pilot.app.screen
        assert isinstance(home, HomeScreen)
        box = home.query_one("#notes", TextArea)
        box.text = str(typo)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert pilot.app.screen is home  # not started with the path as its notes
        told = [n.message for n in pilot.app._notifications]
        assert any(f"There is no file {typo}" in m for m in told), told
        assert home.focused is box
        box.text = str(notes)
        screen = await start(pilot)
        assert screen.plan.context.notes == "Acme builds hearing aids."


async def test_pasted_notes_are_kept_as_they_are(app_factory: AppFactory) -> None:
    async with app_factory(mode="focus", category="research", count=1).run_test() as pilot:
        await pilot.pause()
        home = pilot.app.screen
        assert isinstance(home, HomeScreen)
        home.query_one("#notes", TextArea).text = "/not/a/file but some notes"
        screen = await start(pilot)
        assert screen.plan.context.notes == "/not/a/file but some notes"


async def test_choosing_a_mode_by_keyboard_offers_its_question_counts(
    app_factory: AppFactory,
) -> None:
    async with app_factory().run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        home = pilot.app.screen
        assert isinstance(home, HomeScreen)
        assert pilot.app.focused is home.query_one("#mode", Select)
        await press(pilot, "enter", "down", "down", "enter")  # Mock, Focus, Rapid-fire
        assert home.query_one("#mode", Select).value == "rapid-fire"
        assert home.query_one("#count", Select).value == 10
        assert "Short questions back to back" in str(home.query_one("#mode-help").render())


async def test_focus_without_a_category_says_why_it_cannot_start(
    app_factory: AppFactory,
) -> None:
    async with app_factory(mode="focus").run_test(size=(80, 24)) as pilot:
        await start_from_home(pilot)
        assert isinstance(pilot.app.screen, HomeScreen)
        messages = [n.message for n in pilot.app._notifications]
        assert any("needs a category or a role pack" in m for m in messages)


async def start_from_home(pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.pause()
    await press(pilot, "ctrl+s")


async def test_interviewers_come_from_the_persona_files(app_factory: AppFactory) -> None:
    async with app_factory().run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        select = pilot.app.screen.query_one("#persona", Select)
        ids = [value for _, value in select._options]
        assert "recruiter" in ids and len(ids) >= 2
        assert select.value == "recruiter"


@pytest.mark.parametrize("mute", [True, False])
async def test_a_missing_speaker_is_only_shouted_about_when_the_voice_was_wanted(
    app_factory: AppFactory, mute: bool
) -> None:
    """Listed on home either way; a toast, when the interview is already under way, only
    for a voice that was wanted (over home the listed notice is enough: a toast there
    would cover the form, F13)."""
    app = app_factory(mute=mute, mode="focus", pack="test-software", count=2)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_from_home(pilot)
        notice = "The interviewer's voice is off (no audio output device); captions only."
        speaker = FakeSpeaker(available=False, notice=notice)
        app.post_message(msg.VoiceMicBuilt(Built(speaker, None, (notice,))))
        await pilot.pause()
        home = app.home()
        assert home is not None and notice in notices(home)
        toasts = [n.message for n in app._notifications]
        assert (notice in toasts) is not mute


async def test_the_focused_field_and_its_label_stand_out(app_factory: AppFactory) -> None:
    async with app_factory().run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        home = pilot.app.screen

        def look(selector: str) -> tuple[tuple[int, int, int], bool]:
            """The field's background as drawn, and whether its label is lit."""
            widget = home.query_one(selector)
            shown = widget.children[0] if isinstance(widget, Select) else widget
            form = list(home.query_one("#home-form").children)
            label = form[form.index(widget) - 1]
            return shown.background_colors[1].rgb, label.has_class("-focused")

        def apart(a: tuple[int, int, int], b: tuple[int, int, int]) -> int:
            return sum(abs(x - y) for x, y in zip(a, b, strict=True))

        assert home.focused is home.query_one("#mode", Select)
        mode_on, lit = look("#mode")
        company_off, company_lit = look("#company")
        assert lit and not company_lit
        await press(pilot, "tab", "tab", "tab", "tab")  # to the company field
        assert home.focused is home.query_one("#company", Input)
        mode_off, lit = look("#mode")
        company_on, company_lit = look("#company")
        assert company_lit and not lit
        # Plainly different, not a 5 % tint: at least 60 steps of red+green+blue.
        assert apart(mode_on, mode_off) >= 60
        assert apart(company_on, company_off) >= 60


async def test_the_ladder_timing_line_follows_the_count_chosen(app_factory: AppFactory) -> None:
    async with app_factory(mode="pressure-ladder").run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        home = pilot.app.screen

        def help_text() -> str:
            return str(home.query_one("#mode-help").render())

        assert "shrinking to 29 s over 6 questions" in help_text()  # 90, 72, 58, 46, 37, 29
        home.query_one("#count", Select).value = 3
        await pilot.pause()
        assert "shrinking to 58 s over 3 questions" in help_text()
        home.query_one("#count", Select).value = 12
        await pilot.pause()
        assert "shrinking to 20 s over 12 questions" in help_text()  # the floor


async def test_start_pressed_before_the_home_screen_is_built_starts_once_it_is(
    app_factory: AppFactory,
) -> None:
    app = app_factory(mode="focus", pack="test-software", count=3)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        home = app.get_default_screen()
        assert isinstance(home, HomeScreen)
        app.push_screen(home)
        home.action_start()  # ctrl+s as the app opens: the screen is not built yet
        await pilot.pause()
        await pilot.pause()
        assert "Question 1 of 3" in card_text(app)


async def test_no_mode_description_states_a_count_the_user_may_change(
    app_factory: AppFactory,
) -> None:
    """How many questions is chosen on the home screen: the text must not say otherwise."""
    numbers = re.compile(
        r"\b(one|two|three|four|five|six|seven|eight|nine|ten|twelve|\d+)\s+"
        r"(short\s+)?questions\b",
        re.IGNORECASE,
    )
    async with app_factory(mode="rapid-fire").run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        home = pilot.app.screen
        assert isinstance(home, HomeScreen)
        for mode in home.modes.values():
            assert not numbers.search(mode.description), (mode.id, mode.description)


async def test_a_notice_with_square_brackets_is_shown_as_written(app_factory: AppFactory) -> None:
    folder = paths.config_dir() / "voices"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "coach.toml").write_text('name = "Sam"\n[voice]\nrate = 900\n', encoding="utf-8")
    async with app_factory().run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        text = notices(pilot.app.screen)  # type: ignore[arg-type]
        assert "coach.toml:3: [voice] rate: must be from 80 to 400" in text


@pytest.mark.parametrize("size", [(80, 24), (60, 20)], ids=["80x24", "60x20"])
async def test_every_mode_description_is_shown_whole(
    app_factory: AppFactory, size: tuple[int, int]
) -> None:
    """The description box was 3 lines: the mock's text stopped at '…up to 2'."""
    async with app_factory(mode="mock", bank=None).run_test(size=size) as pilot:
        await pilot.pause()
        home = pilot.app.screen
        assert isinstance(home, HomeScreen)
        described = home.query_one("#mode-help")
        footer = home.query_one("Footer")
        for mode in home.modes.values():
            home.query_one("#mode", Select).value = mode.id
            await pilot.pause()
            shown = described.content_region
            text = described.render()
            assert isinstance(text, Content)
            lines = text.wrap(shown.width)
            assert str(lines[-1]).rstrip().endswith("."), mode.id  # a whole sentence
            assert len(lines) <= shown.height, mode.id  # nothing cut off
            assert shown.height >= 2 and shown.bottom <= footer.region.y, mode.id
            start = home.query_one("#start")
            assert start.region.bottom <= footer.region.y, mode.id  # Start stays on screen
