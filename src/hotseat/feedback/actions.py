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
) -> tuple[list[Match], list[Match]]:
    """Own action clauses (clause first, clause last, the verb), one per clause, and
    those of them the speaker did alone (not "we")."""
    actions: list[Match] = []
    mine: list[Match] = []
    for clause in reading.clauses:
        if clause.subject not in (SELF, TEAM):
            # "the rota was rebuilt by me overnight": the speaker's action told passively
            done = _done_by(norms, clause.first, clause.last, verbs)
            if done is not None and not reading.negated(Match(done[0], done[0], _BY)):
                m = Match(clause.first, clause.last, word_entry(norms[done[0]]))
                actions.append(m)
                if done[1] == SELF:
                    mine.append(m)
            continue
        for k in range(clause.first, clause.last + 1):
            causative = _causative(norms, k, clause.last, verbs)
            if norms[k] in verbs or _past_action(norms, k, clause.first) or causative:
                m = Match(clause.first, clause.last, word_entry(norms[k]))
                after = norms[k + 1 : clause.last + 1]
                content = [w for w in after if w not in stop and len(w) > 3]
                # "I merged it myself after hours", "I rewrote them": done to something
                # already named, however little follows
                done_to = bool(after) and after[0] in _DONE_TO
                if not reading.negated(Match(k, k, m.entry)) and (content or done_to or causative):
                    actions.append(m)
                    if clause.subject == SELF:
                        mine.append(m)
                break
    return actions, mine


# What a told action is done to when it was named before ("fixed it", "sent them").
_DONE_TO = frozenset(["it", "them", "these", "those", "everything", "both"])
# "I got the fix merged", "I had it signed off by noon": the speaker saw it done.
_HAVE_DONE = frozenset(["got", "had", "get", "gets"])
_NOT_OBJECTS = frozenset(["been", "to", "no", "nothing", "not", "never"])
_PARTICIPLES = frozenset(
    [
        *("done", "written", "rewritten", "built", "rebuilt", "made", "sorted", "fixed"),
        *("sent", "signed", "set", "run", "taken", "drawn", "cut", "put", "shipped"),
        *("redone", "sorted", "booked", "checked", "approved", "finished", "paid", "found"),
    ]
)
_AUX = frozenset(["was", "were", "got", "been", "is", "are", "get"])
_BY_ME = {"me": SELF, "myself": SELF, "us": TEAM}
_BY = word_entry("by")


def _participle(word: str, verbs: frozenset[str]) -> bool:
    return (
        word in _PARTICIPLES
        or word in verbs
        or (word.endswith("ed") and len(word) >= 5 and word not in _STATIVE)
    )


def _causative(norms: list[str], k: int, last: int, verbs: frozenset[str]) -> bool:
    """ "I got the fix merged", "we had it signed": something the speaker saw done."""
    if norms[k] not in _HAVE_DONE or k + 2 > last or norms[k + 1] in _NOT_OBJECTS:
        return False
    if k == 0 or norms[k - 1] not in _SUBJECTS | {"then", "and", "also", "finally"}:
        return False
    return any(_participle(norms[j], verbs) for j in range(k + 2, min(last, k + 4) + 1))


def _done_by(
    norms: list[str], first: int, last: int, verbs: frozenset[str]
) -> tuple[int, str] | None:
    """ "was rewritten by me", "were all checked by us": (the verb, whose it was)."""
    for k in range(first + 1, last):
        doer = _BY_ME.get(norms[k + 1]) if norms[k] == "by" else None
        if doer is None:
            continue
        for j in range(k - 1, max(first, k - 4), -1):
            if _participle(norms[j], verbs) and _AUX & set(norms[max(first, j - 3) : j]):
                return j, doer
    return None


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
