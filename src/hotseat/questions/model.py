"""What a question is."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

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

    @property
    def uses_placeholders(self) -> bool:
        return "{company}" in self.text or "{role}" in self.text

    def filled(self, company: str = "", role: str = "") -> Question:
        return replace(self, text=fill_placeholders(self.text, company, role))


@dataclass(frozen=True)
class Pack:
    id: str
    name: str
    description: str
    source: str  # file path it came from
    role: str = ""
    builtin: bool = True
    questions: tuple[Question, ...] = ()


def fill_placeholders(text: str, company: str = "", role: str = "") -> str:
    """Fill ``{company}`` and ``{role}``, with natural wording when unknown."""
    company = company.strip() or "this company"
    role = role.strip() or "this role"
    out = text.replace("{company}", company).replace("{role}", role)
    # "this company" at the start of a sentence reads better capitalised.
    if out.startswith("this "):
        out = "T" + out[1:]
    return out
