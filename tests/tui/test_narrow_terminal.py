"""At 60x20 the interview still shows what matters: submit, pause and end in the
footer, and the state of the voice and microphone at the top."""

from __future__ import annotations

from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from hotseat.session import FakeClock, Phase
from tests.tui.conftest import AppFactory
from tests.tui.fakes import FakeSpeaker
from tests.tui.helpers import interview_started, press, spoken


def visible_actions(screen: object, width: int) -> list[str]:
    footer = screen.query_one(Footer)  # type: ignore[attr-defined]
    return [
        k.action
        for k in footer.query(FooterKey)
        if k.region.width and k.region.right <= width and k.region.x >= 0
    ]


async def test_at_60x20_the_footer_keeps_pause_and_end(
    app_factory: AppFactory, clock: FakeClock
) -> None:
    app = app_factory(mode="mock", count=3, speaker=FakeSpeaker())
    async with interview_started(app, size=(60, 20)) as (pilot, screen):
        await pilot.pause()
        shown = visible_actions(screen, 60)
        assert {"pause", "end"} <= set(shown), shown
        assert "stop_speech" in shown or "answer_now" in shown


async def test_a_narrow_drill_keeps_end_and_the_switch_to_typing(
    app_factory: AppFactory, clock: FakeClock
) -> None:
    app, _listener = spoken(app_factory, mode="rapid-fire", count=5)
    async with interview_started(app, size=(60, 20)) as (pilot, screen):
        await pilot.pause()
        shown = visible_actions(screen, 60)
        assert {"answer_now", "end", "type_answers"} <= set(shown), shown
        top = str(screen.query_one("#topbar").render())
        assert top.endswith("captions only · microphone (vosk)")
        assert len(top) <= 58 and "…" in top  # the title gave way, not the state


def clear_of_the_palette(screen: object) -> list[str]:
    """The actions whose keys show whole, left of the footer's ^p palette."""
    footer = screen.query_one(Footer)  # type: ignore[attr-defined]
    keys = list(footer.query(FooterKey))
    [palette] = [k for k in keys if k.has_class("-command-palette")]
    return [k.action for k in keys if k is not palette and 0 < k.region.right <= palette.region.x]


async def test_at_80x24_with_a_voice_and_a_microphone_quit_and_keys_still_show(
    app_factory: AppFactory, clock: FakeClock
) -> None:
    """The users' own terminal, with every key there is: the voice reads the question
    (stop, mute), the microphone listens (f4), yet ctrl+q and f1 are in the footer."""
    speaker = FakeSpeaker()
    app, _listener = spoken(app_factory, mode="mock", count=3, speaker=speaker)
    async with interview_started(app, size=(80, 24)) as (pilot, screen):
        await pilot.pause()
        assert screen.speaking
        asking = clear_of_the_palette(screen)
        assert {"stop_speech", "pause", "end", "type_answers", "skip"} <= set(asking), asking
        assert {"quit", "keys_help"} <= set(asking), asking
        while screen.speaking:  # the greeting, then the question
            speaker.finish()
            await pilot.pause()
        await press(pilot, "ctrl+s")  # answer now
        assert screen.session.phase is Phase.ANSWERING
        answering = clear_of_the_palette(screen)
        assert {"submit", "pause", "end", "type_answers", "quit", "keys_help"} <= set(answering)
