"""What a question asks: its intent, which picks the rubric an answer is scored by.

Intents come from ``assets/lexicons/intents.toml``. Topic intents (weakness,
failure, conflict, why this company, ...) win over the frame "tell me about a
time", so "tell me about a time you failed" is scored as a failure question; a
hypothetical ("what would you do if...") wants a plan whatever its topic, and a
curveball stays a curveball. Within a rank the longest phrase wins, then the one
listed first. That reading is then weighed against every word of the question by a
model learned from example wordings (``wordings.py``, ``intents.toml [examples]``):
a long phrase settles it, a one-word cue can be outvoted, and a wording no phrase
knows goes where its words lean, the sentence that asks counting more than any
context before it. A bank question that no phrase places keeps its bank kind; a
typed one is "general" only when no word of it, frame words aside, is known.
"""

from __future__ import annotations

from collections.abc import Sequence

from hotseat.feedback.lexicon import Lexicons
from hotseat.feedback.matcher import Matcher
from hotseat.feedback.stems import stem
from hotseat.feedback.tokens import Token, answer_from
from hotseat.feedback.wordings import WordingModel
from hotseat.questions.model import Question
from hotseat.transcript import Transcript

FRAMES = ("behavioral", "situational", "technical", "curveball")
STORIES = frozenset(["failure", "conflict", "challenge", "leadership", "teamwork"])
# Asking for the candidate's questions, a hypothetical and a curveball win over the topic
# they mention; a topic wins over the frames "tell me about a time" and "explain".
_RANK = {"questions-for-us": 2, "situational": 2, "curveball": 2, "behavioral": 0, "technical": 0}
# How far the phrase lists' reading outweighs the example wordings' (log-likelihood):
# chosen on leave-one-out over the examples and never on the fresh wordings.
PHRASE_WEIGHT = 4.0
PREAMBLE_WEIGHT = 0.3  # the words of sentences before the one that asks
PER_WORD = 2.0  # ... and this much more for each word of the phrase that decided it
# A bank question's kind, when its words say nothing more specific.
FROM_KIND = {
    "behavioral": "behavioral",
    "situational": "situational",
    "technical-light": "technical",
    "curveball": "curveball",
    "opener": "about-yourself",
    "motivation": "why-company",
    "closing": "questions-for-us",
    "follow-up": "follow-up",
}


def classify(
    text: str, lex: Lexicons, fallback: str = "general", wordings: WordingModel | None = None
) -> str:
    """The intent of a question's words.

    The phrase lists give one reading (``by_phrases``); the example wordings weigh
    every word (``wordings``, by default the lexicons' own model), and the phrases'
    reading counts ``PHRASE_WEIGHT`` on top, so a phrase settles a question unless
    its other words point elsewhere far more strongly, and a question no phrase
    settles goes where its words lean. "general" only for a question none of whose
    words, frame words aside, any example uses. A bank question keeps its bank kind
    (``fallback``) unless a phrase says more.
    """
    tokens = answer_from(Transcript.typed(text), 400).tokens
    phrased, length = _reading(tokens, lex, fallback)
    model = wordings if wordings is not None else lex.wordings
    words = [t.norm for t in tokens]
    if phrased == "general" and not model.telling(words):
        return phrased  # only frame words ("sing us a song"): nothing says what it asks
    scores = _weighed(model, tokens)
    if phrased not in scores and phrased != "general":
        return phrased  # an intent with no examples (follow-up): the phrases know it
    if fallback != "general" and phrased == fallback:
        return phrased  # a bank question's own kind stands unless a phrase says more
    if not scores or not any(scores.values()):
        return phrased  # no word of the question is in any example
    if phrased in scores:
        scores[phrased] += PHRASE_WEIGHT + PER_WORD * length
    return max(scores, key=scores.__getitem__)


def _weighed(model: WordingModel, tokens: Sequence[Token]) -> dict[str, float]:
    """The word model's scores, the sentence that asks counting fully and any sentences
    before it (context: "We are opening a new site. Why should it be you?") at
    ``PREAMBLE_WEIGHT``, so the setting does not outvote the question."""
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
    return {k: v + PREAMBLE_WEIGHT * before.get(k, 0.0) for k, v in asked.items()}


def by_phrases(text: str, lex: Lexicons, fallback: str = "general") -> str:
    """The intent the phrase lists give; ``fallback`` when nothing in them says.

    Phrases decide first. With none, a typed question (fallback "general") is read by
    its cue words; a bank question keeps the intent of its bank kind. Either way a
    story frame ("tell me about a time", or a behavioural bank question) takes the
    topic of its cue words when it has one (failure, conflict, ...).
    """
    return _reading(answer_from(Transcript.typed(text), 400).tokens, lex, fallback)[0]


def _reading(tokens: Sequence[Token], lex: Lexicons, fallback: str) -> tuple[str, int]:
    """``by_phrases``' intent and the length in words of the phrase that decided it
    (0 when cue words or the fallback did)."""
    intents = lex.maps["intents.intents"]
    found = Matcher(intents).scan(tokens) if intents else {}
    order = list(intents)
    best: tuple[int, int, int] | None = None  # (rank, longest, earliest in file)
    name, length = "general", 0
    for intent, matches in found.items():
        if not matches:
            continue
        longest = max(len(m.entry.words) for m in matches)
        rank = (_RANK.get(intent, 1), longest, -order.index(intent))
        if best is None or rank > best:
            best, name, length = rank, intent, longest
    words = [t.norm for t in tokens]
    if name == "general":
        if fallback != "general":
            name = fallback
        else:
            name = _by_cue_words(words, lex, cues_for=None) or name
    if name == "behavioral":
        # Only a story frame ("describe a time..."): its topic may still be in its words.
        topic = _by_cue_words(words, lex, cues_for=STORIES)
        name, length = (topic, 0) if topic else (name, length)
    return name, length


def _by_cue_words(words: list[str], lex: Lexicons, cues_for: frozenset[str] | None) -> str:
    """The intent with most cue words (by stem) in the question, or ""."""
    cues = lex.word_maps.get("intents.cues", {})
    if cues_for is not None:
        cues = {k: v for k, v in cues.items() if k in cues_for}
    said = {stem(w) for w in words}
    best, name = 0, ""
    for intent, group in cues.items():
        hits = len(said & {stem(w) for w in group})
        if hits > best:
            best, name = hits, intent
    return name


def intent_of(question: Question | None, text: str, lex: Lexicons) -> str:
    if question is None:
        return classify(text, lex)
    intent = classify(text, lex, fallback=FROM_KIND.get(question.kind, "general"))
    if question.kind == "follow-up" and intent in FRAMES:
        return "follow-up"
    return intent
