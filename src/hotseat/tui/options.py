"""What the app is started with: command-line choices plus, for tests, injected parts."""

from __future__ import annotations

import argparse
import dataclasses
from dataclasses import dataclass

from hotseat.feedback.verdict import Analyze
from hotseat.questions import Bank
from hotseat.session import Clock
from hotseat.session.choices import DEFAULT_MODE, Choices, source_key
from hotseat.settings import Settings
from hotseat.speaker_listener import Listener, Speaker


@dataclass
class AppOptions:
    """Choices for one run of the app.

    The first group comes from the command line (``hotseat``, ``hotseat practice``)
    and pre-fills the home screen. The second group is for tests and embedding:
    a fake clock makes timing exact; a speaker or listener given here is used
    as is, and ``build_voice_mic`` (set by the real command) builds the real voice
    and microphone in a background worker instead.
    """

    persona: str | None = None
    personas: tuple[str, ...] = ()  # a panel's interviewers, the lead first
    mute: bool = False
    input_device: str | None = None
    model: str | None = None
    typed: bool = False
    mode: str | None = None
    count: int | None = None
    category: str | None = None
    pack: str | None = None
    company: str | None = None
    role: str | None = None
    notes: str | None = None
    autostart: bool = False  # skip the home screen and start at once

    clock: Clock | None = None
    speaker: Speaker | None = None
    listener: Listener | None = None
    bank: Bank | None = None
    seed: int | None = None  # fixes the question order (tests, snapshots)
    analyze: Analyze | None = None  # replaces the feedback engine (layout tests)
    build_voice_mic: bool = False

    def applied_to(self, settings: Settings) -> Settings:
        """The settings for this run: the command line wins; the file is left alone."""
        return dataclasses.replace(
            settings,
            persona=self.persona or settings.persona,
            muted=settings.muted or self.mute,
            input_device=self.input_device or settings.input_device,
            model_path=self.model or settings.model_path,
            engine="typed" if self.typed else settings.engine,
        )

    def initial_choices(self, settings: Settings) -> Choices:
        """The home screen's first choices: the command line's, else the last ones used."""
        return Choices(
            mode=self.mode or DEFAULT_MODE,
            source=source_key(category=self.category, pack=self.pack),
            count=self.count,
            persona=settings.persona,
            company=self.company if self.company is not None else settings.last_company,
            role=self.role if self.role is not None else settings.last_role,
            notes=self.notes or "",
        )

    @classmethod
    def from_args(cls, args: argparse.Namespace) -> AppOptions:
        """Read whatever the parser defined; later subcommands may add more."""

        def get(name: str) -> object:
            return getattr(args, name, None)

        def text(name: str) -> str | None:
            value = get(name)
            return str(value) if value not in (None, "") else None

        count = get("count")
        panel = get("personas")
        return cls(
            persona=text("persona"),
            personas=tuple(str(p) for p in panel) if isinstance(panel, list | tuple) else (),
            mute=bool(get("mute")),
            input_device=text("input_device"),
            model=text("model"),
            typed=bool(get("typed")),
            mode=text("mode"),
            count=int(count) if isinstance(count, int) else None,
            category=text("category"),
            pack=text("pack"),
            company=text("company"),
            role=text("role"),
            notes=text("notes"),
            autostart=bool(get("autostart")),
            build_voice_mic=True,
        )
