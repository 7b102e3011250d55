"""Find lexicon phrases in an answer in one pass over its words.

A phrase is a sequence of words; a word ending in ``*`` matches any word that
starts with it ("reduc*" matches "reduced" and "reducing"). Context rules keep
a phrase from counting where it means something else ("what kind of" is not a
filler, "I like" is not one either).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from hotseat.feedback.tokens import Token

PREFIX_KEY = 3  # a wildcard word needs at least this many letters before the '*'
# "I also noticed", "we then agreed", "I really enjoy": one such word after a subject
# does not stop "I noticed", "we agreed", "I enjoy" from being said.
SUBJECTS = frozenset(["i", "we", "i've", "we've", "i'd", "we'd", "i'll", "we'll", "i'm"])
INSERTS = frozenset(
    [
        "also",
        "then",
        "really",
        "just",
        "actually",
        "even",
        "first",
        "quickly",
        "personally",
        "later",
        "soon",
        "still",
        "already",
        "immediately",
        "finally",
        "eventually",
        "always",
        "recently",
        "genuinely",
        "truly",
        "honestly",
        "quietly",
        "now",
        "originally",
        "initially",
    ]
)
MAX_WORDS = 12  # no lexicon phrase is longer


@dataclass(frozen=True, slots=True)
class Entry:
    phrase: str  # as written in the lexicon, for reports
    words: tuple[str, ...]
    prefix: tuple[bool, ...]  # True where the word was written with a trailing '*'
    not_after: frozenset[str] = frozenset()
    not_before: frozenset[str] = frozenset()
    only_after: frozenset[str] = frozenset()  # may hold "^" (sentence start) and ","
    # not what it says when it closes its clause with one of these among the three words
    # before it ("took it literally", "translated the sign literally")
    not_closing_after: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Match:
    first: int  # index of the first token
    last: int  # index of the last token (inclusive)
    entry: Entry

    @property
    def phrase(self) -> str:
        return self.entry.phrase


def word_entry(word: str) -> Entry:
    """An entry for one word found by a rule rather than a lexicon (a verb, a unit)."""
    return Entry(word, (word,), (False,))


class Matcher:
    """Many named phrase sets compiled into one index.

    Phrases are filed by their first two words when those are plain words (most
    of them), so each position of an answer looks at only the few phrases that
    can start there.
    """

    def __init__(self, sets: Mapping[str, Iterable[Entry]]) -> None:
        self.names = tuple(sets)
        self._single: dict[str, list[tuple[str, Entry]]] = {}
        self._pair: dict[tuple[str, str], list[tuple[str, Entry]]] = {}
        self._first: dict[str, list[tuple[str, Entry]]] = {}  # second word has a '*'
        self._prefix: dict[str, list[tuple[str, Entry]]] = {}  # first word has a '*'
        for name, entries in sets.items():
            for entry in entries:
                item = (name, entry)
                if entry.prefix[0]:
                    self._prefix.setdefault(entry.words[0][:PREFIX_KEY], []).append(item)
                elif len(entry.words) == 1:
                    self._single.setdefault(entry.words[0], []).append(item)
                elif entry.prefix[1]:
                    self._first.setdefault(entry.words[0], []).append(item)
                else:
                    self._pair.setdefault((entry.words[0], entry.words[1]), []).append(item)

    def _candidates(self, norms: Sequence[str], i: int) -> list[tuple[str, Entry]]:
        word = norms[i]
        found: list[tuple[str, Entry]] = []
        if i + 1 < len(norms):
            found += self._pair.get((word, norms[i + 1]), ())
        found += self._first.get(word, ())
        found += self._single.get(word, ())
        found += self._prefix.get(word[:PREFIX_KEY], ())
        if len(found) > 1:
            # Longest phrases first, so the greedy scan prefers "i mean" to "i".
            found.sort(key=lambda item: -len(item[1].words))
        return found

    def scan(self, tokens: Sequence[Token]) -> dict[str, list[Match]]:
        """Every set's matches, left to right, never overlapping within a set."""
        found: dict[str, list[Match]] = {name: [] for name in self.names}
        busy_until: dict[str, int] = {}
        norms = [t.norm for t in tokens]
        for i in range(len(norms)):
            for name, entry in self._candidates(norms, i):
                if busy_until.get(name, -1) >= i:
                    continue
                if _matches(entry, norms, i) and _context_ok(entry, tokens, norms, i):
                    last = i + len(entry.words) - 1
                    found[name].append(Match(i, last, entry))
                    busy_until[name] = last
            if i + 2 < len(norms) and norms[i] in SUBJECTS and norms[i + 1] in INSERTS:
                self._scan_past_insert(tokens, norms, i, found, busy_until)
        return found

    def _scan_past_insert(
        self,
        tokens: Sequence[Token],
        norms: list[str],
        i: int,
        found: dict[str, list[Match]],
        busy_until: dict[str, int],
    ) -> None:
        """Phrases starting with the subject at ``i`` read past the word after it."""
        short = [norms[i], *norms[i + 2 : i + 2 + MAX_WORDS]]
        for name, entry in self._candidates(short, 0):
            if busy_until.get(name, -1) >= i or len(entry.words) < 2:
                continue
            if _matches(entry, short, 0):
                last = i + len(entry.words)
                found[name].append(Match(i, last, entry))
                busy_until[name] = last


def _matches(entry: Entry, norms: Sequence[str], i: int) -> bool:
    if i + len(entry.words) > len(norms):
        return False
    for k, (word, is_prefix) in enumerate(zip(entry.words, entry.prefix, strict=True)):
        token = norms[i + k]
        if not (token.startswith(word) if is_prefix else token == word):
            return False
    return True


# Words that start the next clause: a phrase before them closes its own.
_CLOSERS = frozenset(
    [
        *("and", "but", "so", "or", "because", "which", "when", "as", "then", "until"),
        *("instead", "rather", "than", "while", "since", "though", "although"),
    ]
)
_CLOSING_REACH = 3  # words looked back over for ``not_closing_after``


def _closes_after(
    entry: Entry, tokens: Sequence[Token], norms: Sequence[str], i: int, after: str, comma: bool
) -> bool:
    """The phrase ends its clause, with one of ``not_closing_after`` among the words
    just before it in its sentence ("took the brief literally and...")."""
    if after and not comma and after not in _CLOSERS:
        return False
    k = i
    while k > 0 and i - k < _CLOSING_REACH and not tokens[k].sentence_start:
        k -= 1
        if norms[k] in entry.not_closing_after:
            return True
    return False


def _context_ok(entry: Entry, tokens: Sequence[Token], norms: Sequence[str], i: int) -> bool:
    before = norms[i - 1] if i > 0 and not tokens[i].sentence_start else ""
    after_i = i + len(entry.words)
    after = norms[after_i] if after_i < len(norms) and not tokens[after_i].sentence_start else ""
    comma_next = after_i < len(tokens) and tokens[after_i].comma_before
    if (tokens[i].comma_before or not before) and (comma_next or not after):
        return True  # set off by commas (", you know,"): an aside whatever its neighbours
    if before and before in entry.not_after:
        return False
    if after and after in entry.not_before:
        return False
    if entry.not_closing_after and _closes_after(entry, tokens, norms, i, after, comma_next):
        return False
    if not entry.only_after:
        return True
    if before in entry.only_after:
        return True
    if "^" in entry.only_after and not before:
        return True
    return "," in entry.only_after and (tokens[i].comma_before or comma_next)


def entry_from(phrase: str, split: Sequence[str], **context: frozenset[str]) -> Entry:
    """Build an entry from its written form and its words (already split)."""
    words: list[str] = []
    prefix: list[bool] = []
    for piece in split:
        star = piece.endswith("*")
        words.append(piece.rstrip("*"))
        prefix.append(star)
    return Entry(phrase=phrase, words=tuple(words), prefix=tuple(prefix), **context)
