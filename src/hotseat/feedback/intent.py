"""What a question asks: its intent, which picks the rubric an answer is scored by.

Every intent is scored on the same scale and the highest wins. The base is a model
learned from example wordings (``wordings.py``, ``intents.toml [examples]``) that
weighs every word of the question, the sentence that asks counting fully and any
context before it (``PREAMBLE``) far less. On top of that, each intent one of whose
phrases (``intents.toml [intents]``) is in the question gains a bonus that grows
with the length of its longest phrase there: a long phrase all but settles it, a
one-word cue can be outvoted. A story frame ("tell me about a time", "explain")
gains less, so the topic it is about (failure, conflict, ...) wins; asking for the
candidate's questions, a hypothetical ("what would you do if...") and a curveball
gain more, so they win over the topic they mention. A bank question's kind adds a
smaller bonus to the intents that kind can be. Words are spell-checked first
("weekness" is read as "weakness"). A question is "general" only when neither a
phrase nor any word of it, frame words aside, is known.

The weights were chosen by cross-validation over the example wordings and never on
held-out ones (``benchmarks/bench_intents.py``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from hotseat.feedback.lexicon import Lexicons
from hotseat.feedback.matcher import Matcher
from hotseat.feedback.stems import stem
from hotseat.feedback.tokens import Token, answer_from
from hotseat.feedback.wordings import WordingModel
from hotseat.questions.model import Question, fill_placeholders
from hotseat.transcript import Transcript

FRAMES = ("behavioral", "situational", "technical", "curveball")
STORIES = ("failure", "conflict", "challenge", "leadership", "teamwork")
# A bank question's kind and the intent it gives a question whose words say nothing
# more specific; "motivation" covers too many (why us, why you, why leave, weakness...)
# to favour one.
FROM_KIND = {
    "behavioral": "behavioral",
    "situational": "situational",
    "technical-light": "technical",
    "curveball": "curveball",
    "opener": "about-yourself",
    "closing": "questions-for-us",
    "follow-up": "follow-up",
}


@dataclass(frozen=True)
class Weights:
    """How the phrase lists and the bank kind weigh against the word model (in units
    of its log-likelihood)."""

    phrase: float = 6.0  # an intent with a phrase in the question
    per_word: float = 0.0  # ... and this much more per word of its longest phrase there
    frame: float = 0.3  # a story frame's phrase bonus is scaled by this
    asks: float = 0.0  # extra for a hypothetical, a curveball or asking for questions
    preamble: float = 0.3  # the words of sentences before the one that asks
    cue: float = 0.5  # each cue word ([cues]) of an intent in the question
    bank: float = 12.0  # the intent a bank question's kind gives


WEIGHTS = Weights()
_STORY_FRAMES = frozenset(["behavioral", "technical"])
_ASKS = frozenset(["questions-for-us", "situational", "curveball"])


def classify(
    text: str,
    lex: Lexicons,
    kind: str = "",
    wordings: WordingModel | None = None,
    weights: Weights = WEIGHTS,
) -> str:
    """The intent of a question's words.

    ``kind`` is a bank question's kind ("" for a typed question): the intent it
    gives (``FROM_KIND``) gains ``weights.bank``, and is what a question that says
    nothing gets ("general" when typed). ``wordings`` is the word model (by default the
    lexicons' own).
    """
    own = FROM_KIND.get(kind, "")
    answer = answer_from(Transcript.typed(text), 400)
    tokens = lex.speller.fix(answer).tokens
    model = wordings if wordings is not None else lex.wordings
    found = _phrases(tokens, lex)
    if not found and not model.telling([t.norm for t in tokens]):
        return own or "general"  # only frame words ("sing us a song"): nothing says what it asks
    scores = _weighed(model, tokens, weights.preamble)
    for intent, length in found.items():
        bonus = weights.phrase + weights.per_word * length
        if intent in _STORY_FRAMES:
            bonus *= weights.frame
        elif intent in _ASKS:
            bonus += weights.asks
        if intent in scores:  # every intent with phrases has them as examples
            scores[intent] += bonus
    for intent, hits in _cues(tokens, lex).items():
        if intent in scores:
            scores[intent] += weights.cue * hits
    if kind:  # a bank question: its kind's intent and any its phrases name
        for intent in {own, *found} & scores.keys():
            scores[intent] += weights.bank
    if not scores:
        return own or "general"
    return max(scores, key=scores.__getitem__)


def _phrases(tokens: Sequence[Token], lex: Lexicons) -> dict[str, int]:
    """Each intent with a phrase in the question: the length in words of its longest."""
    intents = lex.maps["intents.intents"]
    found = Matcher(intents).scan(tokens) if intents else {}
    return {k: max(len(m.entry.words) for m in v) for k, v in found.items() if v}


def _cues(tokens: Sequence[Token], lex: Lexicons) -> dict[str, int]:
    """How many of each intent's cue words (by stem) the question says."""
    said = {stem(t.norm) for t in tokens}
    cues = lex.word_maps.get("intents.cues", {})
    return {k: len(said & {stem(w) for w in group}) for k, group in cues.items()}


def _weighed(model: WordingModel, tokens: Sequence[Token], preamble: float) -> dict[str, float]:
    """The word model's scores, the sentence that asks counting fully and any sentences
    before it (context: "We are opening a new site. Why should it be you?") at
    ``preamble``, so the setting does not outvote the question."""
    start = 0
    for k, token in enumerate(tokens):
        if token.sentence_start and k and not tokens[k - 1].question_end:
            start = k  # a new sentence after one that did not ask anything
        if token.question_end:
            break
    words = [t.norm for t in tokens]
    asked = model.scores(words[start:])
    if not start:
        return asked
    before = model.scores(words[:start])
    return {k: v + preamble * before.get(k, 0.0) for k, v in asked.items()}


def intent_of(question: Question | None, text: str, lex: Lexicons) -> str:
    if question is None:
        return classify(text, lex)
    # A bank question is read as it is asked: "{company}" as "this company".
    intent = classify(fill_placeholders(text), lex, kind=question.kind)
    if question.kind == "follow-up" and intent in FRAMES:
        return "follow-up"
    return intent
