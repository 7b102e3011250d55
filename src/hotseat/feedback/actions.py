"""The candidate's own actions: clauses in which the speaker (or their team) does
something, not denied, with something done to ("I rebuilt the rota", "we then
reviewed every order"). A story's actions, its specific example and whose part it
was are all judged on these.
"""

from __future__ import annotations

from hotseat.feedback.matcher import Match, word_entry
from hotseat.feedback.sense import SELF, TEAM, Reading


def own_actions(
    reading: Reading, norms: list[str], verbs: frozenset[str], stop: frozenset[str]
) -> list[Match]:
    """Own action clauses: (clause first, clause last, the verb), one per clause."""
    actions: list[Match] = []
    for clause in reading.clauses:
        if clause.subject not in (SELF, TEAM):
            continue
        for k in range(clause.first, clause.last + 1):
            if norms[k] in verbs or _past_action(norms, k, clause.first):
                m = Match(clause.first, clause.last, word_entry(norms[k]))
                content = [
                    w for w in norms[k + 1 : clause.last + 1] if w not in stop and len(w) > 3
                ]
                if not reading.negated(Match(k, k, m.entry)) and content:
                    actions.append(m)
                break
    return actions


_SUBJECTS = frozenset(["i", "we"])
_BETWEEN = frozenset(["then", "also", "quickly", "first", "finally", "just", "personally", "soon"])
_STATIVE = frozenset(
    [
        "needed",
        "wanted",
        "liked",
        "loved",
        "hated",
        "used",
        "seemed",
        "believed",
        "hoped",
        "wished",
        "preferred",
        "enjoyed",
        "cared",
        "feared",
        "worried",
        "disliked",
        "owned",
        # participles that describe someone ("I stay positive and focused")
        *("focused", "motivated", "dedicated", "committed", "driven", "organised"),
        *("organized", "detailed", "experienced", "qualified", "skilled", "interested"),
        *("excited", "determined", "talented", "balanced", "oriented", "reserved"),
    ]
)


def _past_action(norms: list[str], k: int, first: int) -> bool:
    """ "I formed", "we then reviewed": a past-tense verb right after I or we."""
    word = norms[k]
    if not word.endswith("ed") or len(word) < 5 or word in _STATIVE:
        return False
    j = k - 1
    while j >= first and norms[j] in _BETWEEN:
        j -= 1
    # "I ... and shipped it": a joined clause that kept its subject (sense.read).
    return j >= first and (norms[j] in _SUBJECTS or (j == first and norms[j] in ("and", "then")))
