"""Slips of the keyboard or the recogniser do not flip a finding (issue 10: "a wrong word
here and there"): misspelt short words, real words typed for others inside a phrase,
and the guards that keep a correction from turning a meaning around."""

from __future__ import annotations

import pytest

from hotseat.feedback import analyze
from hotseat.feedback.lexicon import default_lexicons
from hotseat.feedback.spelling import english_frequencies
from hotseat.feedback.tokens import answer_from
from hotseat.transcript import Transcript


def norms(text: str) -> list[str]:
    lex = default_lexicons()
    return lex.speller.fix(answer_from(Transcript.typed(text), 400)).norms


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("tihs", "this"),  # two letters swapped
        ("tht", "that"),  # one left out
        ("whhen", "when"),  # one doubled
        ("laod", "load"),
        ("wrok", "work"),
    ],
)
def test_a_slip_in_a_short_word_is_read_as_the_word(typed: str, meant: str) -> None:
    assert norms(f"I said {typed} to them.")[2] == meant


@pytest.mark.parametrize("word", ["ive", "youve", "kubernetes", "figma", "postgres"])
def test_contractions_without_apostrophe_and_jargon_are_not_read_as_other_words(
    word: str,
) -> None:
    """ "ive" is "i've" (never "give"); jargon no dictionary holds stays what it is."""
    read = norms(f"I said {word} to them.")[2]
    assert read.replace("'", "") == word


def test_a_real_word_slip_is_read_by_the_phrase_around_it() -> None:
    """'form' is a common English word, so only its neighbours show the slip."""
    assert english_frequencies()["form"] > 10_000
    assert norms("The juniors learn form me.")[3] == "from"
    # The same word outside any phrase is what it says.
    assert norms("I learn form and colour.")[2] == "form"


def test_a_slip_never_turns_a_negation_around() -> None:
    """'ever' is one letter from 'never': neither is put right into the other."""
    assert norms("He ever listened to the team.")[1] == "ever"
    assert norms("He never listened to the team.")[1] == "never"


def test_a_real_word_slip_keeps_the_finding_and_the_score() -> None:
    question = "Why do you want to work in this field?"
    clean = (
        "I have spent four years fixing delivery routes for a courier firm, and I am "
        "passionate about getting parcels to people on time. I want to grow into planning "
        "whole networks, which is what this role does."
    )
    slipped = clean.replace("passionate about", "passionate abut").replace("fixing", "fxing")
    a = analyze(None, Transcript.typed(clean), question_text=question)
    b = analyze(None, Transcript.typed(slipped), question_text=question)
    assert {f.id for f in a.findings} == {f.id for f in b.findings}
    assert abs(a.score - b.score) <= 2
    # Evidence still quotes what was typed, slip and all.
    forward = next(f for f in b.findings if f.id == "forward-looking")
    assert any("passionate abut" in e.text for e in forward.evidence), forward.evidence
