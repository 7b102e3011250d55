"""Every finding id hotseat can report, and the raw hit a check produces.

The rubric (``assets/rubric.toml``) must give each id its area, points, label and
tip; loading fails with a clear error when one is missing or unknown.
"""

from __future__ import annotations

from dataclasses import dataclass

from hotseat.feedback.model import Evidence

STRUCTURE = (
    "star-situation",
    "star-situation-missing",
    "star-task",
    "star-task-missing",
    "star-action",
    "star-action-missing",
    "star-result",
    "result-missing",
    "result-clear",
    "result-unclear",
    "ramble",
    "plan-steps",
    "no-plan",
    "reasons-given",
    "no-reasons",
)
CONTENT = (
    "specific-example",
    "no-specific-example",
    "quantified-impact",
    "no-numbers",
    "own-contribution",
    "own-role-unclear",
    "no-collaboration",
    "growth",
    "no-learning",
    "adaptability",
    "no-adaptability",
    "negativity",
    "enthusiasm",
    "low-enthusiasm",
    "sounds-indifferent",
    "thoughtful-questions",
    "no-questions-asked",
    "only-pay-questions",
    "owns-mistake",
    "no-ownership",
    "denial",
    "trivial-failure",
    "weakness-named",
    "no-real-weakness",
    "weakness-cliche",
    "improving",
    "not-improving",
    "resolved",
    "not-resolved",
    "copes",
    "no-coping",
    "leads",
    "fit-shown",
    "no-fit",
    "forward-looking",
    "goals",
    "vague-future",
    "salary-ready",
    "salary-unready",
    "salary-ultimatum",
    "arrogance",
    "conceals-mistake",
    "deflects-blame",
    "prefers-alone",
    "empty-claims",
    "cue-words-no-story",
    "repeated-sentences",
    "padding",
    "goes-in-circles",
    "recited-notes",
    "recited-facts",
    "private-life",
)
DELIVERY = (
    "pace-good",
    "too-fast",
    "too-slow",
    "slow-start",
    "long-pauses",
    "fillers-low",
    "fillers-some",
    "fillers",
    "hedging",
    "repetition",
    "length-good",
    "too-short",
    "too-long",
)
RELEVANCE = (
    "on-topic",
    "off-topic",
    "look-for-covered",
    "look-for-gaps",
    "company-named",
    "tailored",
    "not-tailored",
    "research-shown",
    "no-company-research",
)
NOTES = (
    "timing-not-measured",
    "recognizer-fillers",
    "no-company-context",
    "truncated",
    "nothing-to-assess",
    "only-fillers",
    "not-english",
    "user-files-ignored",
)
FINDING_IDS = frozenset(STRUCTURE + CONTENT + DELIVERY + RELEVANCE + NOTES)


@dataclass(frozen=True)
class Hit:
    """What one check found, before the rubric gives it points and a tip."""

    id: str
    severity: str  # strength | info | minor | major
    message: str
    evidence: tuple[Evidence, ...] = ()

    def __post_init__(self) -> None:
        if self.id not in FINDING_IDS:
            raise ValueError(f"unknown finding id {self.id!r}")
