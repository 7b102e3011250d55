"""Which findings cannot stand together in one answer.

A strength is never credited for a point the answer violates: red flags veto the
strengths they contradict (``VETOES``), after all checks ran; and of a strength and a
problem that cannot both be said (``CONTRADICTS``), the one with the stronger quoted
evidence stays.
"""

from __future__ import annotations

from hotseat.feedback.findings import Hit

# red flag -> strengths it contradicts (dropped when the red flag is found)
VETOES: dict[str, frozenset[str]] = {
    "negativity": frozenset({"resolved", "look-for-covered", "owns-mistake", "on-topic"}),
    "deflects-blame": frozenset({"look-for-covered", "owns-mistake", "on-topic"}),
    "denial": frozenset(
        {
            "owns-mistake",
            "own-contribution",
            "growth",
            "look-for-covered",
            "weakness-named",
            "improving",
            "resolved",
            "on-topic",
        }
    ),
    "weakness-cliche": frozenset({"weakness-named", "improving", "look-for-covered"}),
    "trivial-failure": frozenset({"owns-mistake", "look-for-covered", "on-topic"}),
    "salary-ultimatum": frozenset({"salary-ready", "look-for-covered"}),
    "conceals-mistake": frozenset(
        {"owns-mistake", "growth", "look-for-covered", "star-result", "on-topic"}
    ),
    "prefers-alone": frozenset({"look-for-covered", "on-topic"}),
    "arrogance": frozenset({"look-for-covered"}),
    "cue-words-no-story": frozenset(
        {
            *("star-situation", "star-action", "star-result", "specific-example"),
            *("own-contribution", "on-topic"),
        }
    ),
    "repeated-sentences": frozenset({"look-for-covered", "length-good", "on-topic"}),
    "padding": frozenset({"length-good"}),
    "goes-in-circles": frozenset({"look-for-covered", "length-good", "on-topic"}),
    "off-topic": frozenset(
        {"look-for-covered", "star-result", "specific-example", "growth", "owns-mistake"}
    ),
    "recited-notes": frozenset({"tailored", "research-shown", "look-for-covered"}),
    # "I always lead by example" with nothing done behind it: a claim, not leading shown.
    "no-specific-example": frozenset({"leads"}),
    "star-action-missing": frozenset({"leads"}),
    "empty-claims": frozenset({"leads", "on-topic"}),
}

# (strength, problem) pairs that cannot both be said of one answer: the analysis keeps
# the one with the stronger quoted evidence (``consistent`` below).
CONTRADICTS: tuple[tuple[str, str], ...] = (
    ("own-contribution", "no-ownership"),
    ("own-contribution", "own-role-unclear"),
    ("owns-mistake", "no-ownership"),
    ("fit-shown", "vague-future"),
    ("fit-shown", "no-fit"),
    ("goals", "vague-future"),
    ("growth", "no-learning"),
    ("improving", "not-improving"),
    ("star-result", "result-missing"),
    ("star-action", "star-action-missing"),
    ("specific-example", "no-specific-example"),
    ("resolved", "not-resolved"),
    ("weakness-named", "no-real-weakness"),
    ("research-shown", "no-company-research"),
    ("research-shown", "not-tailored"),
    ("length-good", "too-short"),
    ("length-good", "too-long"),
    ("on-topic", "off-topic"),
    ("salary-ready", "salary-unready"),
)


# Findings that presume the answer is about what was asked ("not worked out" presumes a
# disagreement; "no ownership" a failure): they cannot stand beside "off topic", which
# says the answer never tells one. One that quotes the answer shows the topic is there,
# so "off topic" goes; otherwise the presuming problems go (``_settle_topic``).
PRESUMES_TOPIC = frozenset({"resolved", "not-resolved", "no-ownership", "copes", "no-coping"})


def _settle_topic(hits: list[Hit]) -> list[Hit]:
    if not any(h.id == "off-topic" for h in hits):
        return hits
    presumed = [h for h in hits if h.id in PRESUMES_TOPIC]
    if any(h.evidence for h in presumed):
        return [h for h in hits if h.id != "off-topic"]
    return [h for h in hits if h.id not in PRESUMES_TOPIC]


def consistent(hits: list[Hit]) -> list[Hit]:
    """Drop strengths that a red flag in the same answer contradicts (``VETOES``), then
    settle each pair of findings that cannot both hold (``CONTRADICTS``): the one with
    more quoted evidence stays; on a tie the problem stays. Last, "off topic" and the
    findings that presume the topic are settled (``PRESUMES_TOPIC``)."""
    found = {h.id for h in hits if h.severity in ("major", "minor")}
    vetoed: set[str] = set()
    for flag in found:
        vetoed |= VETOES.get(flag, frozenset())
    kept = [h for h in hits if not (h.severity == "strength" and h.id in vetoed)]
    by_id = {h.id: h for h in kept}
    dropped: set[str] = set()
    for strength, problem in CONTRADICTS:
        good, bad = by_id.get(strength), by_id.get(problem)
        if good is None or bad is None or good.severity != "strength":
            continue
        dropped.add(problem if len(good.evidence) > len(bad.evidence) else strength)
    return _settle_topic([h for h in kept if h.id not in dropped])
