"""The question bank: packs of questions in TOML, validated on load."""

from hotseat.questions.bank import Bank, load_bank
from hotseat.questions.model import Pack, Question, fill_placeholders

__all__ = ["Bank", "Pack", "Question", "fill_placeholders", "load_bank"]
