"""One analysis in progress: the answer, what the question asks, and what was found.

Each check module reads a ``Job``, records figures in ``job.metrics`` and adds
``Hit``s; scoring turns the hits into findings afterwards.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

from hotseat.feedback.findings import Hit
from hotseat.feedback.lexicon import Lexicons
from hotseat.feedback.matcher import Entry, Match
from hotseat.feedback.model import Context, Evidence
from hotseat.feedback.rubric import KindRule, Rubric
from hotseat.feedback.tokens import Answer
from hotseat.transcript import Transcript

if TYPE_CHECKING:
    from hotseat.feedback.facts import Facts


@dataclass
class Job:
    answer: Answer
    transcript: Transcript
    kind: str
    rule: KindRule
    band: tuple[float, float]
    question_text: str
    competencies: frozenset[str]
    look_for: tuple[str, ...]
    context: Context
    lex: Lexicons
    rubric: Rubric
    matches: dict[str, list[Match]]
    seconds: float  # answer length: measured, or estimated from the word count
    estimated: bool  # True when ``seconds`` is an estimate
    metrics: dict[str, Any] = field(default_factory=dict)
    hits: list[Hit] = field(default_factory=list)

    def applies(self, check: str) -> bool:
        return check in self.rule.checks

    def add(
        self, fid: str, severity: str, message: str, evidence: tuple[Evidence, ...] = ()
    ) -> None:
        self.hits.append(Hit(fid, severity, message, evidence))

    def found(self, name: str) -> list[Match]:
        return self.matches.get(name, [])

    def quote(self, match: Match, pad: int = 3) -> Evidence:
        return self.answer.quote(match.first, match.last, pad)

    def quotes(self, matches: list[Match], limit: int = 3, pad: int = 3) -> tuple[Evidence, ...]:
        return tuple(self.quote(m, pad) for m in matches[:limit])

    def words(self, name: str) -> frozenset[str]:
        return self.lex.words[name]

    @property
    def n(self) -> int:
        return len(self.answer.tokens)

    def length_note(self) -> str:
        """How the answer's length was found, for messages."""
        if self.estimated:
            wpm = self.rubric.n("delivery.typed_wpm")
            words = self.answer.total_words
            return f"about {self.seconds:.0f} s spoken, estimated from {words} words at {wpm:g} wpm"
        return f"{self.seconds:.0f} s"

    # -- cues several checks share ------------------------------------------------

    @cached_property
    def facts(self) -> Facts:
        """The answer read clause by clause (``facts.gather``)."""
        from hotseat.feedback.facts import gather

        return gather(self)

    @cached_property
    def recited(self) -> list[tuple[int, int]]:
        """Sentences that recite facts about the company (``recital.recited``)."""
        from hotseat.feedback.recital import recited

        return recited(self)

    @cached_property
    def actions(self) -> list[Match]:
        """ "I"/"we" followed, within two words, by a past-tense action verb ("I then wrote")."""
        verbs = self.words("star.action_verbs")
        norms = self.answer.norms
        out: list[Match] = []
        for k, word in enumerate(norms):
            if word not in ("i", "we"):
                continue
            for step in (1, 2):
                if k + step < len(norms) and norms[k + step] in verbs:
                    entry = Entry(word, (word, norms[k + step]), (False, False))
                    out.append(Match(k, k + step, entry))
                    break
        return out

    @cached_property
    def i_actions(self) -> list[Match]:
        return [m for m in self.actions if m.entry.phrase == "i"]

    @cached_property
    def number_positions(self) -> list[int]:
        number_words = self.words("impact.number_words")
        return [
            k for k, t in enumerate(self.answer.tokens) if t.is_number or t.norm in number_words
        ]

    @cached_property
    def quantified(self) -> list[Match]:
        """Result verbs with a number close by ("cut the backlog by 40%")."""
        numbers = self.number_positions
        out: list[Match] = []
        if not numbers:
            return out
        for m in self.found("impact.result_verbs"):
            k = bisect_left(numbers, m.first - 3)
            if k < len(numbers) and numbers[k] <= m.last + 8:
                # The span runs from the verb to the number, so quotes show both.
                out.append(Match(min(m.first, numbers[k]), max(m.last, numbers[k]), m.entry))
        return out
