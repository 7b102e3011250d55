"""Numbers in an answer and the outcomes they measure.

A number counts as impact only when it measures an outcome: it shares a clause with
one ("cut the wait to 9 hours"), it measures a change itself ("about 11% shorter"),
or it sets a before beside an after ("twenty minutes instead of two days"). A year
dates a story, "double check" is a manner, "the one who..." is a pronoun.
"""

from __future__ import annotations

from hotseat.feedback.edits import one_edit
from hotseat.feedback.matcher import Match, word_entry
from hotseat.feedback.sense import Reading, sentence_of


def numbers_in(norms: list[str], is_number: list[bool], number_words: frozenset[str]) -> list[int]:
    """Token indices of the numbers that count quantities (not years, not manners)."""
    return [
        k
        for k in range(len(norms))
        if (is_number[k] or norms[k] in number_words or _misheard_number(norms, k, number_words))
        and not _not_a_quantity(norms, k)
        and not _a_year(norms, k)
    ]


def measured_impact(
    reading: Reading,
    norms: list[str],
    concepts: dict[str, list[Match]],
    numbers: list[int],
    comparatives: frozenset[str],
) -> list[Match]:
    """The outcomes a number measures; ``concepts["outcome"]`` gains the changes that
    measure themselves ("forty minutes earlier")."""
    # "about 11% shorter", "forty minutes earlier": a number that measures a change itself
    # is an outcome (and its impact) wherever the story says it.
    changes = _measured_changes(norms, numbers, comparatives) + _none_since(reading, norms, numbers)
    concepts["outcome"] = sorted(concepts.get("outcome", []) + changes, key=lambda m: m.first)
    # A number measures an outcome when it shares a clause with one.
    # Words that only link a story to its end ("afterwards", "in the end") measure
    # nothing: "afterwards I set up a one week trial" holds no outcome, nor does "in
    # the end the launch slipped by two months".
    impact: list[Match] = list(changes)
    for m in concepts.get("outcome", []):
        if m in changes or _growing_up(norms, m) or " ".join(m.entry.words) in _LINKS_ONLY:
            continue
        clause = reading.clause(m.first)
        lo, hi = sentence_of(reading, m.first)
        # the number is not the outcome word itself ("customers got double discounts")
        near = [
            k
            for k in numbers
            if (
                (clause.first <= k <= clause.last and abs(k - m.first) <= _CLAUSE_REACH)
                or (lo <= k <= hi and abs(k - m.first) <= 5)
            )
            and not m.first <= k <= m.last
        ]
        if near:
            impact.append(Match(min(m.first, near[0]), max(m.last, near[-1]), m.entry))
    impact += _compared(norms, concepts.get("ending", []), numbers, impact)
    impact.sort(key=lambda m: m.first)
    return impact


# "shipped a report with an error that overstated margin on one line by eight percent":
# a number this far along a long clause measures something else than its outcome word.
_CLAUSE_REACH = 12
_LINKS_ONLY = frozenset(
    [
        *("as a result", "in the end", "the result", "the outcome", "ended up", "which meant"),
        *("this meant", "that meant", "led to", "resulted in", "by the end", "afterwards"),
        *("since then", "went well", "worked out", "it worked", "subsequent*", "paid off"),
    ]
)
_THAN = frozenset([("instead", "of"), ("rather", "than")])


def _same(a: Match, b: Match) -> bool:
    return a.first <= b.last and b.first <= a.last


def _compared(
    norms: list[str], endings: list[Match], numbers: list[int], found: list[Match]
) -> list[Match]:
    """ "twenty minutes instead of two days": a measured before and after."""
    out: list[Match] = []
    for m in endings:
        if m.entry.words not in _THAN or any(_same(m, f) for f in found):
            continue
        before = [k for k in numbers if m.first - 5 <= k < m.first]
        after = [k for k in numbers if m.last < k <= m.last + 4]
        if before and after:
            out.append(Match(before[0], min(len(norms) - 1, after[-1] + 1), m.entry))
    return out


_UNITS = frozenset(
    [
        "days",
        "weeks",
        "months",
        "hours",
        "minutes",
        "years",
        "percent",
        "people",
        "times",
        "customers",
        "users",
        "clients",
        "staff",
        "sales",
        "tickets",
        "points",
        "thousand",
        "hundred",
        "million",
    ]
)


# "double check", "triple-checked": a number word used as a manner, not a quantity.
_MANNER_NUMBERS = frozenset(["double", "triple", "twice", "once"])


# "the one catching the errors", "the right people": after these, "one" is a pronoun and
# a word one letter off a number ("right"/"eight") is the word it looks like.
_DETERMINED = frozenset(["the", "a", "an", "this", "that", "my", "our", "their", "his", "her"])


def _not_a_quantity(norms: list[str], k: int) -> bool:
    nxt = norms[k + 1] if k + 1 < len(norms) else ""
    if norms[k] == "one" and k > 0 and norms[k - 1] in _DETERMINED:
        return True
    if norms[k] == "one" and nxt == "of":
        return True  # "one of our campaigns": which one, not how many
    return norms[k] in _MANNER_NUMBERS and nxt.startswith(("check", "think", "guess"))


def _a_year(norms: list[str], k: int) -> bool:
    """ "In 2021 I shipped...": a year dates the story, it measures nothing."""
    word = norms[k]
    nxt = norms[k + 1] if k + 1 < len(norms) else ""
    return len(word) == 4 and word.isdigit() and 1900 <= int(word) <= 2099 and nxt not in _UNITS


_WHEN = frozenset(["later"])
_CHANGE_REACH = 2  # a comparative this many words after the number at most ("40 minutes earlier")


def _measured_changes(
    norms: list[str], numbers: list[int], comparatives: frozenset[str]
) -> list[Match]:
    out: list[Match] = []
    for k in numbers:
        for j in range(k + 1, min(len(norms), k + 1 + _CHANGE_REACH)):
            # "20 percent les than planned": a slip in the comparative after a number
            # "spotted it two days later": when it happened, not a change ("later than
            # planned" is one)
            if norms[j] in _WHEN and norms[j + 1 : j + 2] != ["than"]:
                break
            if norms[j] in comparatives or (
                len(norms[j]) >= 3 and any(one_edit(norms[j], c) for c in comparatives)
            ):
                # "two more weeks", "three more people": more of something, not a change
                if norms[j] == "more" and j + 1 < len(norms) and norms[j + 1] not in _UNITS:
                    break
                out.append(Match(k, j, word_entry(norms[j])))
                break
    return out


_NONE = frozenset(["no", "zero", "none", "not"])
_SPELLS = frozenset(["days", "weeks", "months", "years", "shifts", "quarters", "audits"])


def _none_since(reading: Reading, norms: list[str], numbers: list[int]) -> list[Match]:
    """ "no wrong labels in the ten months since", "zero falls for six weeks": nothing
    going wrong over a counted time is an outcome the number measures."""
    out: list[Match] = []
    for k in numbers:
        if norms[k + 1 : k + 2] and norms[k + 1] in _SPELLS:
            clause = reading.clause(k)
            nos = [j for j in range(clause.first, k) if norms[j] in _NONE]
            if nos:
                out.append(Match(nos[0], k + 1, word_entry("none since")))
    return out


def _growing_up(norms: list[str], m: Match) -> bool:
    """ "I grew up in Leeds", "grew up by the sea": childhood, not an outcome that grew."""
    for k in range(max(0, m.first - 1), m.last + 1):
        if norms[k].startswith(("grew", "grow")) and norms[k + 1 : k + 2] == ["up"]:
            after = norms[k + 2 : k + 3]
            return not (
                (after and after[0] in ("to", "from")) or norms[k + 2 : k + 4] == ["by", "about"]
            )
    return False


def _misheard_number(norms: list[str], k: int, number_words: frozenset[str]) -> bool:
    """ "thee days", "for tree weeks": a word one letter off a number, before a unit."""
    word = norms[k]
    if len(word) < 3 or k + 1 >= len(norms) or norms[k + 1] not in _UNITS:
        return False
    if k > 0 and norms[k - 1] in _DETERMINED:
        return False
    return any(one_edit(word, n) for n in number_words if abs(len(n) - len(word)) <= 1)
