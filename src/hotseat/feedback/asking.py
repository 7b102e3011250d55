"""Which words of a question say what it asks, and how much each counts.

An interviewer's question is rarely only its ask. Context comes first ("We are opening
a new site. Why should it be you?"), a lead-in or a courtesy around it ("Before we wrap
up, ...", "... take your time"), examples after "such as", and often a second ask
joined on ("Tell me about yourself, and why you applied"). ``intent.classify`` weighs
each word by what this module gives it: 1 in the ask, ``Weights.preamble`` in context,
asides and examples, ``Weights.second`` in an ask joined on after the first, whose
topic is what the question is mainly about.
"""

from __future__ import annotations

from collections.abc import Sequence

from hotseat.feedback.matcher import Matcher
from hotseat.feedback.tokens import Token
from hotseat.feedback.wordings import FRAME

ASK_STARTS = frozenset(["what", "what's", "whats", "why", "how", "where", "when", "which"])
ASK_OPENERS = frozenset(
    [
        *("tell", "describe", "talk", "walk", "take", "give", "share", "explain", "imagine"),
        *("suppose", "picture", "name", "think", "recall", "convince", "sell", "teach"),
    ]
)
# An opener that starts an ask in unpunctuated speech only with its listener after it:
# "so tell me about a time..." but not "we take pride in...".
_SPOKEN_OPENERS = frozenset(["tell", "talk", "walk", "take", "give", "describe", "share"])
_LISTENERS = frozenset(["me", "us", "a", "an", "the", "your", "how", "what", "about"])
_CONDITIONS = frozenset(["if", "suppose", "supposing", "imagine", "say", "let's", "when"])
MIN_CONTEXT = 4  # words of context before an unpunctuated ask
_ASIDE_STARTS = frozenset([("such", "as"), ("for", "example"), ("for", "instance"), ("e", "g")])
# After "and", these start a second ask ("..., and why here?"); "and how you handled it"
# goes on with the same story, so only asks that open a new question count.
_SECOND_ASKS = frozenset(["why", "where", "what", "what's", "whats", "do", "would", "are"])
# Words of an ask that only points back at its context ("Tell me more about that.",
# "What happened there?"): then the context is what is asked about.
_BACK = frozenset(["that", "this", "it", "those", "them", "there"])
_POINTERS = FRAME | _BACK | {"more", "then", "happened"}
_POINTERS |= {"tell", "talk", "explain", "expand", "go", "on", "through", "say", "bit", "little"}


def word_weights(
    tokens: Sequence[Token], aside: float, second: float, asides: Matcher | None = None
) -> list[float]:
    """How much each word says about what is asked: 1 in the sentence that asks,
    ``aside`` in the context before it, in examples given after "such as" or "for
    example" and in lead-ins and courtesies (``asides``: "before we wrap up", "take
    your time") when other words ask something, ``second`` in a second ask joined on
    with "and" ("why this job, and what would you bring?"). An ask that only points
    back ("Tell me more about that.") leaves its context the whole question."""
    words = [t.norm for t in tokens]
    start = _ask_start(tokens, words)
    out = [aside] * start + [1.0] * (len(tokens) - start)
    for k in range(start, len(tokens) - 1):
        if (words[k], words[k + 1]) in _ASIDE_STARTS:
            end = k
            while end < len(tokens) and not (end > k and tokens[end].sentence_start):
                out[end] = aside
                if tokens[end].question_end:
                    break
                end += 1
    asked = words[start:]
    if start and _BACK & set(asked) and all(w in _POINTERS for w in asked):
        return [1.0] * len(tokens)  # "Your CV says you ran a team. Tell me more about that."
    _weigh_second_ask(tokens, words, start, out, second)
    if asides is not None:
        for matches in asides.scan(tokens).values():
            for m in matches:
                if m.last - m.first + 1 < len(tokens) - 2:  # something else is said
                    for k in range(m.first, m.last + 1):
                        out[k] = min(out[k], aside)
    return out


def _ask_start(tokens: Sequence[Token], words: Sequence[str]) -> int:
    """The first word of the first sentence that asks: a question, or a request
    ("Tell me...")."""
    start = 0
    for k, token in enumerate(tokens):
        if token.sentence_start and k and not tokens[k - 1].question_end:
            start = k  # a new sentence after one that did not ask anything
        if token.question_end or (token.sentence_start and words[k] in ASK_OPENERS):
            break
    if not start and not any(t.question_end or t.sentence_start for t in tokens[1:]):
        start = spoken_ask(words)
    return start


def spoken_ask(words: Sequence[str]) -> int:
    """Where the ask starts in a question with no punctuation, as a recogniser writes
    it ("we run three sites across the county what do you know about us", "we have
    grown fast this year so tell me about a time you were stretched"): at the first
    question word, or request said to the listener, after a clause of context that
    asks nothing; else 0."""
    if words and words[0] in _CONDITIONS:
        return 0  # "if you couldn't work in your field what would you do": one ask
    for k, word in enumerate(words):
        spoken_request = (
            word in _SPOKEN_OPENERS and k + 1 < len(words) and words[k + 1] in _LISTENERS
        )
        if word in ASK_STARTS or spoken_request:
            return k if k >= MIN_CONTEXT and not ASK_OPENERS & set(words[:k]) else 0
    return 0


def _weigh_second_ask(
    tokens: Sequence[Token], words: Sequence[str], start: int, out: list[float], second: float
) -> None:
    """Words of an ask joined on after the first ("..., and where do you see yourself
    in five years?") count ``second``: the first ask is what the question is about."""
    for k in range(start + 2, len(tokens) - 1):
        if words[k] != "and" or words[k + 1] not in _SECOND_ASKS:
            continue
        if words[k + 1] in ("do", "would", "are") and words[k + 2 : k + 3] != ["you"]:
            continue  # "and do you" opens a question; "and are" alone need not
        end = k
        while end < len(tokens) and not (end > k and tokens[end].sentence_start):
            out[end] = min(out[end], second)
            if tokens[end].question_end:
                break
            end += 1
        return
