"""Filler counts from a recogniser are a floor: the feedback says which fillers the
engine cannot write, and the table saying so is checked against pocketsphinx's own
dictionary on disk."""

from __future__ import annotations

from pathlib import Path

import pytest

from hotseat.feedback import analyze
from hotseat.feedback.lexicon import default_lexicons
from hotseat.feedback.recognizers import load_recognizers, recognizer_note
from hotseat.feedback.tokens import split_words
from hotseat.transcript import Transcript, Word

pocketsphinx = pytest.importorskip("pocketsphinx")


def sphinx_dictionary() -> set[str]:
    path = Path(pocketsphinx.get_model_path()) / "en-us" / "cmudict-en-us.dict"
    words = set()
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if line.strip():
            words.add(line.split()[0].split("(")[0])
    return words


def test_the_sphinx_table_matches_its_dictionary() -> None:
    dictionary = sphinx_dictionary()
    limits = load_recognizers()["sphinx"]
    fillers = {w for e in default_lexicons().phrases["fillers.phrases"] for w in e.words}
    cannot = {w for w in fillers if w not in dictionary}
    assert cannot == set(limits.cannot_write) == {"erm", "uhm"}


def test_the_sphinx_language_model_lacks_the_same_fillers() -> None:
    model = Path(pocketsphinx.get_model_path()) / "en-us" / "en-us.lm.bin"
    lm = pocketsphinx.NGramModel(pocketsphinx.Config(), pocketsphinx.LogMath(), str(model))
    floor = lm.prob(["zzqxv"])  # a word no model knows
    limits = load_recognizers()["sphinx"]
    assert all(lm.prob([w]) == floor for w in limits.cannot_write)
    assert all(lm.prob([w]) > floor for w in ("um", "uh", "er", "like", "basically"))


def spoken(engine: str) -> Transcript:
    words = split_words("so um i led the launch and uh we shipped it on time for the client")
    timed = tuple(Word(w, k * 0.4, k * 0.4 + 0.3) for k, w in enumerate(words))
    return Transcript(" ".join(words), timed, engine=engine)


def test_sphinx_answers_carry_a_note_naming_the_missing_fillers() -> None:
    feedback = analyze(None, spoken("sphinx"), question_text="Tell me about a launch.")
    note = next(f for f in feedback.findings if f.id == "recognizer-fillers")
    assert note.severity == "info"
    assert '"erm" or "uhm"' in note.message and "pocketsphinx" in note.message


def test_vosk_answers_carry_an_honest_unchecked_note() -> None:
    note = recognizer_note("vosk")
    assert "Vosk" in note and "could not be checked" in note


def test_typed_answers_carry_no_recogniser_note() -> None:
    feedback = analyze(
        None, Transcript.typed("I led the launch and we shipped it."), question_text="q"
    )
    assert "recognizer-fillers" not in {f.id for f in feedback.findings}
    assert recognizer_note("typed") == ""
