"""What a question is, and how its ``{company}`` and ``{role}`` placeholders are filled."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any

KINDS = (
    "opener",
    "behavioral",
    "motivation",
    "situational",
    "technical-light",
    "closing",
    "curveball",
    "follow-up",
)

PLACEHOLDERS = ("company", "role")


@dataclass(frozen=True)
class Question:
    id: str
    text: str
    category: str
    competencies: tuple[str, ...]
    kind: str
    prep_seconds: int
    answer_min: int
    answer_max: int
    look_for: tuple[str, ...]
    follow_ups: tuple[str, ...] = ()
    pack: str = ""
    role: str = ""  # non-empty for role packs
    tips: tuple[str, ...] = field(default=())

    def filled(self, company: str = "", role: str = "") -> Question:
        """The same question with its text and follow-ups worded for this company and role."""
        return replace(
            self,
            text=fill_placeholders(self.text, company, role),
            follow_ups=tuple(fill_placeholders(f, company, role) for f in self.follow_ups),
        )

    def to_dict(self) -> dict[str, Any]:
        """Every field, in the shape a pack file uses (``answer_seconds`` as [min, max])."""
        return {
            "id": self.id,
            "text": self.text,
            "category": self.category,
            "competencies": list(self.competencies),
            "kind": self.kind,
            "prep_seconds": self.prep_seconds,
            "answer_seconds": [self.answer_min, self.answer_max],
            "look_for": list(self.look_for),
            "follow_ups": list(self.follow_ups),
            "tips": list(self.tips),
            "pack": self.pack,
            "role": self.role,
        }


@dataclass(frozen=True)
class Pack:
    id: str
    name: str
    description: str
    source: str  # file path it came from
    role: str = ""
    builtin: bool = True
    questions: tuple[Question, ...] = ()


_PLACEHOLDER_RE = re.compile(r"\{(company|role)\}(?:(['’])s\b)?")
# Text before a placeholder that puts it at the start of a sentence.
_SENTENCE_START_RE = re.compile(r"(?:^|[.!?]\s+|\n\s*)[\"'(]?$")
_ARTICLE_RE = re.compile(r"^(?:a|an|the)\s+", re.IGNORECASE)
_ROLE_NOUN_RE = re.compile(r"\b(?:role|position|job|post)$", re.IGNORECASE)


def role_phrase(role: str) -> str:
    """``{role}`` reads as a noun phrase: "the data analyst role", or "this role" when unknown.

    Pack authors write it where "this role" would fit ("What excites you about {role}?").
    """
    title = _ARTICLE_RE.sub("", " ".join(role.split()))
    if not title:
        return "this role"
    return f"the {title}" if _ROLE_NOUN_RE.search(title) else f"the {title} role"


def fill_placeholders(text: str, company: str = "", role: str = "") -> str:
    """Fill ``{company}`` and ``{role}``, with natural wording when they are unknown.

    An unknown company reads "this company"; the role reads "the <title> role" or
    "this role" (see :func:`role_phrase`). At the start of a sentence the filled
    words are capitalised.
    """
    values = {"company": " ".join(company.split()) or "this company", "role": role_phrase(role)}

    def fill(match: re.Match[str]) -> str:
        value = values[match.group(1)]
        if _SENTENCE_START_RE.search(text, 0, match.start()):
            value = value[:1].upper() + value[1:]
        apostrophe = match.group(2)
        if apostrophe:  # "{company}'s": Acme's, but Northwind Logistics' (not Logistics's)
            value += apostrophe if value.endswith(("s", "S")) else f"{apostrophe}s"
        return value

    return _PLACEHOLDER_RE.sub(fill, text)
