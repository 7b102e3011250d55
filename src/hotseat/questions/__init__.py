"""The question bank: packs of questions in TOML, validated on load."""

from hotseat.questions.bank import Bank, load_bank
from hotseat.questions.loader import Problem, load_pack
from hotseat.questions.model import Pack, Question, fill_placeholders
from hotseat.questions.validate import Validation, collect_files, validate_files

__all__ = [
    "Bank",
    "Pack",
    "Problem",
    "Question",
    "Validation",
    "collect_files",
    "fill_placeholders",
    "load_bank",
    "load_pack",
    "validate_files",
]
