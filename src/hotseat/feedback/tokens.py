"""An answer cut into words the checks can read, keeping times and the original text.

Typed answers are split with a regular expression and keep their punctuation as
sentence and comma marks. Recognised answers come as words (with times when the
recogniser gave them) and have no punctuation, so a pause of ``SENTENCE_PAUSE``
seconds or more stands in for a sentence break.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from hotseat.feedback.model import Evidence
from hotseat.transcript import Transcript

_TOKEN = re.compile(r"[$£€]?\d+(?:[.,]\d+)*%?|[^\W_]+(?:['’][^\W_]+)*")
_SENTENCE_MARKS = frozenset(".!?\n")
_COMMA_MARKS = frozenset(",;:()—–")
SENTENCE_PAUSE = 0.8  # seconds of silence that count as a sentence break in speech
_QUOTE_LIMIT = 160  # characters at most in one quoted piece of evidence


@dataclass(frozen=True, slots=True)
class Token:
    norm: str  # lowercase, curly apostrophes straightened
    cstart: int  # character span in Answer.text
    cend: int
    start: float | None = None  # seconds, when recognised with times
    end: float | None = None
    sentence_start: bool = False  # first word of the answer or of a sentence
    comma_before: bool = False
    question_end: bool = False  # a "?" follows this word (typed answers)

    @property
    def is_number(self) -> bool:
        return self.norm[:1].isdigit() or self.norm[:1] in "$£€"


@dataclass(frozen=True)
class Answer:
    text: str
    tokens: tuple[Token, ...]
    timed: bool
    total_words: int  # before any cut to the analysis limit

    @property
    def norms(self) -> list[str]:
        return [t.norm for t in self.tokens]

    def __len__(self) -> int:
        return len(self.tokens)

    def quote(self, first: int, last: int, pad: int = 3) -> Evidence:
        """The words ``first..last`` (inclusive) with ``pad`` words of context each side."""
        if not self.tokens:
            return Evidence("")
        first = max(0, min(first, len(self.tokens) - 1))
        last = max(first, min(last, len(self.tokens) - 1))
        lo, hi = max(0, first - pad), min(len(self.tokens) - 1, last + pad)
        # Context stays inside the sentence the evidence sits in.
        while lo < first and any(t.sentence_start for t in self.tokens[lo + 1 : first + 1]):
            lo += 1
        while hi > last and any(t.sentence_start for t in self.tokens[last + 1 : hi + 1]):
            hi -= 1
        end = self.tokens[hi].cend
        while end < len(self.text) and self.text[end] in "-'’" and end + 1 < len(self.text):
            # "sign-off", not "sign": a quote never stops inside a hyphenated word
            end += 1
            while end < len(self.text) and (self.text[end].isalnum()):
                end += 1
        text = self.text[self.tokens[lo].cstart : end]
        cut = ""
        if len(text) > _QUOTE_LIMIT:
            # The evidence alone, cut after its last whole word that fits, with "…".
            start, lo, hi = self.tokens[first].cstart, first, first
            while hi < last and self.tokens[hi + 1].cend - start < _QUOTE_LIMIT:
                hi += 1
            text, cut = self.text[start : self.tokens[hi].cend], "…" if hi < last else ""
        text = " ".join(text.split()) + cut
        # The times span exactly the quoted words, so playing them back plays the quote.
        return Evidence(text, self.tokens[lo].start, self.tokens[hi].end)


def _norm(word: str) -> str:
    return word.lower().replace("’", "'")


def split_words(text: str) -> list[str]:
    """Lowercase words of ``text``, split exactly as answers are (used for lexicons too)."""
    return [_norm(m.group()) for m in _TOKEN.finditer(text)]


def _from_text(text: str, limit: int) -> tuple[list[Token], int]:
    tokens: list[Token] = []
    total = 0
    prev_end = 0
    for match in _TOKEN.finditer(text):
        total += 1
        if len(tokens) >= limit:
            total += len(_TOKEN.findall(text, match.end()))  # the rest is only counted
            break
        gap = text[prev_end : match.start()]
        if tokens and "?" in gap:
            tokens[-1] = _with_question_end(tokens[-1])
        tokens.append(
            Token(
                norm=_norm(match.group()),
                cstart=match.start(),
                cend=match.end(),
                sentence_start=not tokens or _ends_sentence(gap, match.group()),
                comma_before=any(c in _COMMA_MARKS for c in gap) or " - " in gap,
            )
        )
        prev_end = match.end()
    if tokens and "?" in text[prev_end:]:
        tokens[-1] = _with_question_end(tokens[-1])
    return tokens, total


def _ends_sentence(gap: str, word: str) -> bool:
    """A sentence mark, a blank line, or a line break before a capital (a list, a new
    line of its own); a line break inside a wrapped sentence is only a space."""
    if any(c in _SENTENCE_MARKS for c in gap.replace("\n", "")):
        return True
    if "\n" not in gap:
        return False
    return gap.count("\n") > 1 or word[:1].isupper() or word[:1].isdigit() or "-" in gap


def _with_question_end(token: Token) -> Token:
    return Token(
        token.norm,
        token.cstart,
        token.cend,
        token.start,
        token.end,
        token.sentence_start,
        token.comma_before,
        question_end=True,
    )


def _is_noise(word: str) -> bool:
    """Recogniser markers such as ``<sil>``, ``[noise]`` or ``[unk]`` are not words."""
    return not word or word[0] in "<[" or word.startswith("++")


def answer_from(transcript: Transcript, limit: int) -> Answer:
    """Cut a transcript into at most ``limit`` words for analysis."""
    if not transcript.words:
        tokens, total = _from_text(transcript.text, limit)
        return Answer(transcript.text, tuple(tokens), timed=False, total_words=total)
    words = [w for w in transcript.words if not _is_noise(w.word.strip())]
    timed = bool(words) and all(w.start is not None and w.end is not None for w in words)
    pieces: list[str] = []
    out: list[Token] = []
    offset = 0
    prev_end: float | None = None
    for w in words[:limit]:
        raw = " ".join(w.word.split())
        start = w.start if timed else None
        pause = start - prev_end if start is not None and prev_end is not None else 0.0
        out.append(
            Token(
                norm=_norm(raw),
                cstart=offset,
                cend=offset + len(raw),
                start=start,
                end=w.end if timed else None,
                sentence_start=not out or pause >= SENTENCE_PAUSE,
            )
        )
        pieces.append(raw)
        offset += len(raw) + 1
        prev_end = w.end if timed else None
    return Answer(" ".join(pieces), tuple(out), timed=timed, total_words=len(words))
