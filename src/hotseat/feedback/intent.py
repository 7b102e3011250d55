"""What a question asks: its intent, which picks the rubric an answer is scored by.

Every intent is scored on one scale and the highest wins. The base is a naive Bayes
model learned from example wordings (``wordings.py``, ``intents.toml [examples]``)
that weighs every word of the question as ``asking.py`` says: the sentence that asks
counts fully; context before it, examples after "such as", and lead-ins and
courtesies ("before we wrap up", "take your time": ``intents.toml asides``) far less
(``Weights.preamble``); a second ask joined on with "and" less (``Weights.second``),
so the first ask decides. On top of
that, each intent one of whose phrases (``intents.toml [intents]``) is in the
question gains a bonus, so a phrase all but settles it unless the other words point
elsewhere far more strongly. A story frame ("tell me about a time", "give me an
example") adds as much to every story topic (failure, conflict, ...), so the topic
its other words name wins; when a question names two topics, the one named
first gains a little more ("a time you missed a deadline" is a failure).
A phrase in ``[against]`` ("anything you'd like us to know" is not asking for
questions) takes an intent out, and each cue word (``[cues]``) adds a little. A
bank question's kind adds to the intent it gives and to any its phrases name, so its
words must say clearly that it asks something else. Words are spell-checked first
("weekness" is read as "weakness"). A typed question is "general" only when neither
a phrase nor any word of it, frame words aside, is known; small talk and practical
matters are "general" by their own phrases and examples. ``said_for`` quotes the
words that named the intent, for ``hotseat questions show``.

The weights were chosen by leave-one-out over the example wordings, the in-house and
probe wordings and the bank's questions (``benchmarks/bench_intents.py``), never on
held-out ones.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from hotseat.feedback.asking import word_weights
from hotseat.feedback.lexicon import Lexicons
from hotseat.feedback.matcher import Entry, Match, Matcher
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
    frame: float = 1.0  # a story frame's phrase bonus is scaled by this
    asks: float = 2.0  # extra for a hypothetical, a curveball or asking for questions
    preamble: float = 0.3  # the words of sentences before the one that asks
    second: float = 0.5  # the words of a second ask joined on with "and"
    against: float = 20.0  # an intent one of whose [against] phrases is in the question
    story: float = 3.0  # each story topic (failure, conflict...) when a story frame is said
    first: float = 1.5  # the topic whose phrase comes first in the question
    cue: float = 1.0  # each cue word ([cues]) of an intent in the question
    bank: float = 12.0  # the intent a bank question's kind gives


WEIGHTS = Weights()
_STORY_FRAMES = frozenset(["behavioral", "technical"])
_ASKS = frozenset(["questions-for-us", "situational", "curveball"])
_INTENSIFIERS = frozenset(
    ["very", "really", "particularly", "especially", "terribly", "truly", "actually", "just"]
)


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
    tokens = _tokens(text, lex)
    model = wordings if wordings is not None else lex.wordings
    said = word_weights(tokens, weights.preamble, weights.second, _asides(lex))
    found, first = _phrases(tokens, lex, said)
    if not found and not model.telling([t.norm for t in tokens]):
        return own or "general"  # only frame words ("sing us a song"): nothing says what it asks
    scores = _weighed(model, tokens, said)
    for intent, (length, weight) in found.items():
        bonus = (weights.phrase + weights.per_word * length) * weight
        if intent in _STORY_FRAMES:
            bonus *= weights.frame
        elif intent in _ASKS:
            bonus += weights.asks * weight
        if intent in scores:  # every intent with phrases has them as examples
            scores[intent] += bonus
    if "behavioral" in found:  # a story frame: any story topic may be what it asks
        for intent in STORIES:
            scores[intent] = scores.get(intent, 0.0) + weights.story * found["behavioral"][1]
    if first in scores:
        scores[first] += weights.first
    against = lex.maps.get("intents.against", {})
    for intent, matches in (_matcher(against).scan(tokens) if against else {}).items():
        if matches and intent in scores:
            scores[intent] -= weights.against
    for intent, hits in _cues(tokens, lex).items():
        if intent in scores:
            scores[intent] += weights.cue * hits
    if kind:  # a bank question: its kind's intent and any its phrases name
        for intent in {own, *found} & scores.keys():
            scores[intent] += weights.bank
    if not scores:
        return own or "general"
    return max(scores, key=scores.__getitem__)


def _tokens(text: str, lex: Lexicons) -> list[Token]:
    """The question's words, spelling put right; intensifiers say nothing of what is
    asked, and hide phrases ("not very good at")."""
    answer = answer_from(Transcript.typed(text), 400)
    return [
        t
        for t in lex.speller.fix(answer).tokens
        if t.norm not in _INTENSIFIERS or t.sentence_start or t.question_end
    ]


def said_for(text: str, intent: str, lex: Lexicons, weights: Weights = WEIGHTS) -> list[str]:
    """The words of the question that name ``intent`` (its phrases there, as the
    question spells them, those in the ask first): why a question is read as it is,
    for ``hotseat questions show``. Empty when the words as a whole decided."""
    tokens = _tokens(text, lex)
    said = word_weights(tokens, weights.preamble, weights.second, _asides(lex))
    matches = list(_matcher(lex.maps["intents.intents"]).scan(tokens).get(intent, ()))
    matches.sort(key=lambda m: -said[m.first])
    quoted = [text[tokens[m.first].cstart : tokens[m.last].cend] for m in matches]
    return list(dict.fromkeys(quoted))


def _phrases(
    tokens: Sequence[Token], lex: Lexicons, said: Sequence[float]
) -> tuple[dict[str, tuple[int, float]], str]:
    """Each intent with a phrase in the question: the length in words of its longest
    there, and the most any of them counts (``said`` at its first word); and the
    topic named first in the sentence that asks."""
    intents = lex.maps["intents.intents"]
    found = _matcher(intents).scan(tokens) if intents else {}
    reading = {
        k: (max(len(m.entry.words) for m in v), max(said[m.first] for m in v))
        for k, v in found.items()
        if v
    }
    return reading, _first_topic(found, said)


_MATCHERS: dict[int, tuple[Mapping[str, Sequence[Entry]], Matcher]] = {}


def _matcher(phrases: Mapping[str, Sequence[Entry]]) -> Matcher:
    """A matcher for these phrase lists, built once per loaded lexicon."""
    kept = _MATCHERS.get(id(phrases))
    if kept is None or kept[0] is not phrases:
        if len(_MATCHERS) > 8:
            _MATCHERS.clear()
        kept = _MATCHERS[id(phrases)] = (phrases, Matcher(phrases))
    return kept[1]


_ASIDE_MATCHERS: dict[int, tuple[Sequence[Entry], Matcher]] = {}


def _asides(lex: Lexicons) -> Matcher | None:
    """A matcher for the lead-ins and courtesies that ask nothing (``[asides]``)."""
    entries = lex.phrases.get("intents.asides", ())
    if not entries:
        return None
    kept = _ASIDE_MATCHERS.get(id(entries))
    if kept is None or kept[0] is not entries:
        if len(_ASIDE_MATCHERS) > 8:
            _ASIDE_MATCHERS.clear()
        kept = _ASIDE_MATCHERS[id(entries)] = (entries, Matcher({"asides": entries}))
    return kept[1]


def _first_topic(found: dict[str, list[Match]], said: Sequence[float]) -> str:
    """The intent, frames aside, whose phrase comes first in the sentence that asks:
    "a time you missed a deadline" is a failure, "a time you worked as a team to
    overcome a challenge" teamwork."""
    starts = [
        (m.first, name)
        for name, matches in found.items()
        if name not in FRAMES
        for m in matches
        if said[m.first] == 1.0
    ]
    return min(starts)[1] if starts else ""


def _cues(tokens: Sequence[Token], lex: Lexicons) -> dict[str, int]:
    """How many of each intent's cue words (by stem) the question says."""
    said = {stem(t.norm) for t in tokens}
    cues = lex.word_maps.get("intents.cues", {})
    return {k: len(said & {stem(w) for w in group}) for k, group in cues.items()}


def _weighed(
    model: WordingModel, tokens: Sequence[Token], weights: Sequence[float]
) -> dict[str, float]:
    """The word model's scores, each word counting as much as ``weights`` says."""
    groups: dict[float, list[str]] = {}
    for token, weight in zip(tokens, weights, strict=True):
        groups.setdefault(weight, []).append(token.norm)
    out = model.scores(groups.get(1.0, []))
    for weight, words in groups.items():
        if weight and weight != 1.0:
            part = model.scores(words)
            out = {k: v + weight * part.get(k, 0.0) for k, v in out.items()}
    return out


def intent_of(question: Question | None, text: str, lex: Lexicons) -> str:
    if question is None:
        return classify(text, lex)
    # A bank question is read as it is asked: "{company}" as "this company".
    intent = classify(fill_placeholders(text), lex, kind=question.kind)
    if question.kind == "follow-up" and intent in FRAMES:
        return "follow-up"
    return intent
