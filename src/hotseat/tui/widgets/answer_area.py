"""Where the answer goes: a box to type it in, or the live transcript and level meter.

The interview screen picks the mode: ``typed`` (no microphone, or the user
asked for it) or ``spoken`` (a ``Listener`` hears the answer and the screen
feeds ``set_partial`` and ``set_level`` from its messages). In spoken mode a
small box under the live transcript still takes keys: whatever is typed there
joins the spoken answer. In typed mode, words already heard in this answer
(before a switch to typing) stay on show above the box.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.reactive import reactive
from textual.widgets import Static, TextArea

from hotseat.audio.level import METER_FLOOR_DB
from hotseat.tui.key_names import key_name

FLOOR_DB = METER_FLOOR_DB  # as quiet as the silence detector still hears speech
METER_CELLS = 24


def meter_text(dbfs: float) -> str:
    """A bar from silence (``FLOOR_DB`` or lower) to full scale (0 dBFS)."""
    level = min(1.0, max(0.0, (dbfs - FLOOR_DB) / -FLOOR_DB))
    filled = round(level * METER_CELLS)
    shown = "silent" if dbfs <= FLOOR_DB else f"{dbfs:4.0f} dB"
    return f"Mic {'█' * filled}{'░' * (METER_CELLS - filled)} {shown}"


class LevelMeter(Static):
    DEFAULT_CSS = """
    LevelMeter { height: 1; color: $success; padding: 0 1; }
    LevelMeter.-quiet { color: $text-muted; }
    """

    dbfs: reactive[float] = reactive(FLOOR_DB)

    def render(self) -> str:
        return meter_text(self.dbfs)

    def watch_dbfs(self, dbfs: float) -> None:
        self.set_class(dbfs < -45.0, "-quiet")


class LiveTranscript(Static):
    DEFAULT_CSS = """
    LiveTranscript { height: 1fr; padding: 0 1; }
    LiveTranscript.-empty { color: $text-muted; }
    """


class AnswerArea(Vertical):
    DEFAULT_CSS = """
    AnswerArea {
        height: 1fr;
        width: 100%;
        border: round $secondary;
        border-title-color: $text-secondary;
    }
    AnswerArea:focus-within { border: round $accent; }
    AnswerArea > TextArea { height: 1fr; border: none; padding: 0 1; }
    AnswerArea > TextArea:focus { border: none; }
    AnswerArea.-typed > LevelMeter, AnswerArea.-typed > LiveTranscript { display: none; }
    AnswerArea.-typed.-heard > LiveTranscript { display: block; height: auto; max-height: 3; }
    AnswerArea.-spoken > TextArea { height: auto; min-height: 1; max-height: 3; }
    """

    # Short enough for a 60-column terminal; f4 (speak/type) is in the footer.
    TYPED_TITLE = "Your answer: type it, then press {answer}"
    SPOKEN_TITLE = "Your answer: speak (or type), then press {answer}"

    mode: reactive[str] = reactive("typed")
    partial = ""  # the live transcript as last shown

    def compose(self) -> ComposeResult:
        # Spoken: meter, live transcript, then a small box for typed words below it.
        yield LevelMeter(id="level-meter")
        yield LiveTranscript("", id="live-transcript", classes="-empty")
        yield TextArea(id="typed-answer", soft_wrap=True, show_line_numbers=False)

    def watch_mode(self, old: str, new: str) -> None:
        self.remove_class(f"-{old}")
        self.add_class(f"-{new}")
        title = self.SPOKEN_TITLE if new == "spoken" else self.TYPED_TITLE
        self.border_title = title.format(answer=key_name(self.app, "interview.answer"))
        if self.is_mounted:
            self.text_area.placeholder = (
                "Type here to add to your spoken answer" if new == "spoken" else ""
            )

    @property
    def text_area(self) -> TextArea:
        return self.query_one("#typed-answer", TextArea)

    @property
    def typed_text(self) -> str:
        return self.text_area.text

    def clear(self) -> None:
        self.text_area.clear()
        self.set_partial("")
        self.set_heard("")
        self.set_level(FLOOR_DB)

    def new_question(self, mode: str, *, keep_text: bool) -> None:
        """Shown and ready for the answer to the question now asked (``keep_text``: a
        repeated question keeps what was typed). Keys typed while it is still being
        read go into the answer: keystrokes are never thrown away."""
        self.mode = mode
        self.display = True
        if not keep_text:
            self.clear()
        self.set_ready(True)
        self.set_waiting()

    def set_heard(self, text: str) -> None:
        """Typing now: show the words the microphone heard earlier in this answer."""
        self.set_class(bool(text), "-heard")
        if text:
            live = self.query_one(LiveTranscript)
            live.set_class(False, "-empty")
            live.update(Content.assemble(("Heard: ", "dim"), text))

    def set_partial(self, text: str) -> None:
        self.partial = text
        live = self.query_one(LiveTranscript)
        live.set_class(not text, "-empty")
        live.update(Content(text) if text else "Listening… the transcript appears as you speak.")

    def set_waiting(self) -> None:
        """Before the answer: say when the microphone will listen."""
        live = self.query_one(LiveTranscript)
        live.set_class(True, "-empty")
        live.update("The microphone listens once the question is asked and the countdown ends.")

    def set_level(self, dbfs: float) -> None:
        self.query_one(LevelMeter).dbfs = dbfs

    def set_microphone_lost(self, lost: bool) -> None:
        """The border says when the microphone is gone (and stops saying it when it is back)."""
        if lost:
            typing = key_name(self.app, "interview.type_or_speak")
            self.border_subtitle = f"microphone lost · {typing} to type"
        else:
            self.border_subtitle = ""

    def set_sound_stalled(self, stalled: bool) -> None:
        """The border says while no audio reaches hotseat (the sound system stalled)."""
        self.border_subtitle = (
            "sound system stalled · recording resumes when it does" if stalled else ""
        )

    def set_ready(self, ready: bool) -> None:
        """Typing is only possible while an answer is under way."""
        self.text_area.read_only = not ready
