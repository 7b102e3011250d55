"""The labelled validity set (labelled_answers.toml) as Python objects, plus helpers
to make answers look like they came from a recogniser."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from hotseat.feedback import Context
from hotseat.feedback.tokens import split_words
from hotseat.questions import Question
from hotseat.transcript import Transcript, Word

SET_FILE = Path(__file__).with_name("labelled_answers.toml")


@dataclass(frozen=True)
class Pair:
    question: Question
    context: Context
    flaw: str
    main: str  # the finding id that must be among the weak answer's improvements
    strong: str
    weak: str

    @property
    def name(self) -> str:
        return f"{self.question.id}/{self.flaw.replace(' ', '-')}"


def make_question(raw: dict[str, Any]) -> Question:
    low, high = raw["answer_seconds"]
    return Question(
        id=raw["id"],
        text=raw["text"],
        category="labelled",
        competencies=tuple(raw["competencies"]),
        kind=raw["kind"],
        prep_seconds=15,
        answer_min=low,
        answer_max=high,
        look_for=tuple(raw["look_for"]),
    )


@cache
def load_pairs() -> tuple[Pair, ...]:
    data = tomllib.loads(SET_FILE.read_text(encoding="utf-8"))
    contexts = {name: Context(**value) for name, value in data.get("contexts", {}).items()}
    questions = {q["id"]: q for q in data["questions"]}
    pairs = []
    for raw in data["pairs"]:
        q = questions[raw["question"]]
        ctx_name = raw.get("context", q.get("context"))
        context = contexts[ctx_name] if isinstance(ctx_name, str) else Context()
        pairs.append(
            Pair(make_question(q), context, raw["flaw"], raw["main"], q["strong"], raw["weak"])
        )
    return tuple(pairs)


def spoken(text: str, wpm: float = 140.0, engine: str = "vosk") -> Transcript:
    """The answer as a recogniser would give it: lowercase words, no punctuation, times
    at a steady ``wpm`` with each word lasting 0.3 s, starting 1 s into the answer."""
    words = split_words(text)
    step = 60.0 / wpm
    timed = tuple(Word(w, 1.0 + k * step, 1.0 + k * step + 0.3) for k, w in enumerate(words))
    end = timed[-1].end if timed else 0.0
    return Transcript(" ".join(words), timed, duration=(end or 0.0) + 0.5, engine=engine)
