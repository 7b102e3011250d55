"""Stand-ins for the voice and the microphone in the app's own tests.

They implement the ``Speaker`` and ``Listener`` protocols and let a test decide
when the speech "finishes" or what the microphone "heard", so the tests check
the app's wiring exactly. The real services have their own real-audio tests.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from hotseat.feedback.model import Context, Evidence, Feedback, Finding
from hotseat.questions import Question
from hotseat.transcript import Transcript, Word


@dataclass
class Said:
    text: str
    persona: str
    on_finished: Callable[[float, bool], None] | None


@dataclass
class FakeSpeaker:
    available: bool = True
    notice: str = ""
    muted: bool = False
    said: list[Said] = field(default_factory=list)
    prepared: list[str] = field(default_factory=list)
    stops: int = 0
    closed: bool = False
    playing: bool = False  # from speak() until finish() or stop()

    def speak(
        self,
        text: str,
        persona_id: str,
        on_started: Callable[[float], None] | None = None,
        on_finished: Callable[[float, bool], None] | None = None,
    ) -> None:
        self.said.append(Said(text, persona_id, on_finished))
        self.playing = True
        if on_started is not None:
            on_started(0.0)

    def prepare(self, text: str, persona_id: str) -> None:
        self.prepared.append(text)

    def finish(self, stopped: bool = False, at: float | None = None) -> None:
        """The last utterance has played to its end (or was cut short) ``at`` that moment
        on ``time.monotonic()`` (now, unless told), as the real voice reports it."""
        callback = self.said[-1].on_finished
        self.playing = False
        if callback is not None:
            callback(time.monotonic() if at is None else at, stopped)

    def stop(self) -> None:
        self.stops += 1
        self.playing = False

    @property
    def speaking(self) -> bool:
        return self.playing

    def close(self) -> None:
        self.closed = True


SILENT_DBFS = -120.0


@dataclass
class FakeListener:
    available: bool = True
    notice: str = ""
    engine_name: str = "vosk"
    ready: bool = True  # False: still loading its recogniser (the app waits for it)
    silent_for: float = 0.0
    started: int = 0
    recordings: list[str | None] = field(default_factory=list)  # each answer's recording_path
    cancelled: int = 0
    closed: bool = False
    final_text: str = ""
    # Like MicListener's ``paused_when``: while it is true, what is "heard" is
    # silence (no words, a silent level), as the real listener zeroes the audio.
    paused_when: Callable[[], bool] = lambda: False
    _on_partial: Callable[[str], None] | None = None
    _on_level: Callable[[float], None] | None = None
    _on_final: Callable[[Transcript], None] | None = None
    _on_revised: Callable[[Transcript], None] | None = None

    def start_answer(
        self,
        on_partial: Callable[[str], None],
        on_level: Callable[[float], None],
        on_final: Callable[[Transcript], None],
        recording_path: str | None = None,
        answer_began_at: float | None = None,
        on_revised: Callable[[Transcript], None] | None = None,
    ) -> None:
        self.started += 1
        self.recordings.append(recording_path)
        self.final_text = ""
        self._on_partial, self._on_level, self._on_final = on_partial, on_level, on_final
        self._on_revised = on_revised

    def hear(self, text: str, dbfs: float = -20.0) -> None:
        assert self._on_partial is not None and self._on_level is not None
        if self.paused_when():
            self._on_level(SILENT_DBFS)
            return
        self._on_level(dbfs)
        self._on_partial(text)
        self.final_text = text

    def finish_answer(self) -> None:
        assert self._on_final is not None
        words = tuple(
            Word(w, start=float(i), end=i + 0.5) for i, w in enumerate(self.final_text.split())
        )
        self._on_final(Transcript(self.final_text, words, engine=self.engine_name))

    def skip_waiting(self) -> None:
        """Nothing to wait for: ``finish_answer`` delivers the final transcript at once."""

    def cancel(self) -> None:
        self.cancelled += 1

    def silence_seconds(self) -> float:
        return self.silent_for

    def close(self) -> None:
        self.closed = True


if TYPE_CHECKING:  # the fakes keep to the protocols the app is written against
    from hotseat.speaker_listener import Listener, Speaker

    _speaker: Speaker = FakeSpeaker()
    _listener: Listener = FakeListener()


def fixed_feedback(question: Question, transcript: Transcript, context: Context) -> Feedback:
    """A stable verdict for layout tests: the layout is under test, not the judgement."""
    words = transcript.text.split()
    if len(words) < 3:
        return Feedback(
            score=0,
            subscores={},
            metrics={"word_count": len(words)},
            findings=[
                Finding(
                    "nothing-to-assess", "info", "content", "There is too little here to assess."
                )
            ],
            tips=["Answer with a short story: the situation, what you did, the result."],
            explanation=["Fewer than three words: nothing to score."],
            assessable=False,
        )
    quote = " ".join(words[:6])
    return Feedback(
        score=min(90, 40 + len(words)),
        subscores={"content": 70, "structure": 60, "delivery": 80, "relevance": 65},
        metrics={"word_count": len(words), "fillers": {"um": 1}},
        findings=[
            Finding(
                "result-clear",
                "strength",
                "content",
                "You named a result.",
                (Evidence(quote),),
                weight=5,
            ),
            Finding(
                "no-numbers",
                "major",
                "content",
                "No numbers back up the result.",
                (Evidence(quote, 1.0, 3.0),),
                "Give one figure: how much, how many, how fast.",
                weight=8,
            ),
            Finding(
                "slow-start",
                "minor",
                "structure",
                "The answer takes a while to get to the point.",
                (Evidence(words[0]),),
                "Lead with the headline, then the detail.",
                weight=4,
            ),
            Finding(
                "hedging",
                "minor",
                "delivery",
                "Hedges soften your claims.",
                (Evidence("I think"),),
                "Say what you did, plainly.",
                weight=3,
            ),
        ],
        tips=["Practise the story once more, aloud."],
        explanation=["Started from 50.", "+10 for a clear result.", "-8 for no numbers."],
    )
