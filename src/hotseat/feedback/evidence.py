"""No strength rests on words that a problem in the same answer quotes against it.

A sentence that is the evidence of a problem cannot also be the evidence of a strength
that the problem contradicts: "I saw the salary band on the advert" shows money first,
so it does not show research about the company; "We tested it" is the "every action is
we" problem, so it does not show what the candidate did; a sentence said six times is
the repetition problem, so none of its copies earns a point. ``drop_shared`` takes such
quotes off each strength and drops a strength left with none.
"""

from __future__ import annotations

from hotseat.feedback.findings import Hit
from hotseat.feedback.model import Evidence, Finding
from hotseat.feedback.tokens import Answer

# Strengths that rest on what the answer says (not on delivery or length).
_SAID = frozenset(
    [
        *("star-situation", "star-task", "star-action", "star-result", "result-clear"),
        *("plan-steps", "reasons-given", "specific-example", "quantified-impact"),
        *("own-contribution", "growth", "adaptability", "enthusiasm", "thoughtful-questions"),
        *("owns-mistake", "weakness-named", "improving", "resolved", "copes", "leads"),
        *("fit-shown", "forward-looking", "goals", "salary-ready", "look-for-covered"),
        *("tailored", "research-shown"),
    ]
)
# Being run down, blamed or boasted over contradicts every point a sentence could show
# about the speaker's part, their reasons for the move and how they work with people.
_CHARACTER = frozenset(
    [
        *("star-action", "star-result", "own-contribution", "growth", "owns-mistake"),
        *("resolved", "copes", "leads", "fit-shown", "forward-looking", "enthusiasm"),
        *("look-for-covered", "specific-example", "quantified-impact", "improving"),
        *("weakness-named", "goals", "reasons-given", "research-shown", "tailored"),
    ]
)

# problem -> strengths that may not quote the sentences the problem quotes
TAINTS: dict[str, frozenset[str]] = {
    # Pay, perks and convenience are not research, fit, a direction or interest in the work.
    "sounds-indifferent": frozenset(
        [
            *("research-shown", "fit-shown", "forward-looking", "enthusiasm", "goals"),
            *("tailored", "look-for-covered", "specific-example", "reasons-given"),
        ]
    ),
    # "We ..." in every action is not the candidate's own action or lead.
    "own-role-unclear": frozenset(["star-action", "own-contribution", "leads"]),
    "negativity": _CHARACTER,
    "deflects-blame": _CHARACTER,
    "arrogance": _CHARACTER,
    "prefers-alone": _CHARACTER,
    "conceals-mistake": _CHARACTER,
    "denial": _CHARACTER,
    "private-life": frozenset(["fit-shown", "specific-example", "forward-looking", "goals"]),
    "weakness-cliche": frozenset(["weakness-named", "improving"]),
    "cue-words-no-story": frozenset(
        ["star-action", "star-result", "leads", "specific-example", "own-contribution"]
    ),
    # A sentence said over and over counts for nothing, in any of its copies.
    "repeated-sentences": _SAID,
    "vague-future": frozenset(["goals"]),
}

LONG_SENTENCE = 30  # in a run this long (speech with few pauses) only the quote itself counts


def drop_shared(hits: list[Hit], answer: Answer, sentences: list[tuple[int, int]]) -> list[Hit]:
    """The hits with every strength's quotes that share a sentence with a contradicting
    problem's quotes taken off; a strength with quotes, none of them left, is dropped."""
    texts = [answer.quote(lo, hi, pad=0).text for lo, hi in sentences]
    short = [hi - lo + 1 < LONG_SENTENCE for lo, hi in sentences]
    barred: dict[str, list[str]] = {}  # strength -> texts it may not quote
    for hit in hits:
        if hit.severity not in ("major", "minor"):
            continue
        for strength in TAINTS.get(hit.id, ()):
            for e in hit.evidence:
                barred.setdefault(strength, []).append(e.text)
                barred[strength] += [
                    t for t, ok in zip(texts, short, strict=True) if ok and e.text and e.text in t
                ]
    out: list[Hit] = []
    for hit in hits:
        bad = barred.get(hit.id)
        if hit.severity != "strength" or not bad or not hit.evidence:
            out.append(hit)
            continue
        kept = tuple(e for e in hit.evidence if not _shares(e, bad))
        if kept:
            out.append(Hit(hit.id, hit.severity, hit.message, kept))
    return out


def _shares(e: Evidence, bad: list[str]) -> bool:
    return any(e.text in b or (len(b.split()) >= 3 and b in e.text) for b in bad if b)


def shared(findings: list[Finding]) -> list[tuple[str, str]]:
    """(strength, problem) pairs on one answer where the strength quotes words the
    problem it contradicts quotes: what ``drop_shared`` should have left none of."""
    out: list[tuple[str, str]] = []
    for bad in findings:
        if bad.severity not in ("major", "minor"):
            continue
        for good in findings:
            if good.severity != "strength" or good.id not in TAINTS.get(bad.id, ()):
                continue
            texts = [b.text for b in bad.evidence]
            if any(_shares(g, texts) or any(g.text in t for t in texts) for g in good.evidence):
                out.append((good.id, bad.id))
    return out


def drop_after(hits: list[Hit], cut: float | None) -> list[Hit]:
    """Where the recognizer fell behind (from ``cut`` seconds on) its words may be wrong:
    no strength rests on them. Quotes from there are taken off each strength, and a
    strength left with none is dropped."""
    if cut is None:
        return hits
    out: list[Hit] = []
    for hit in hits:
        if hit.severity != "strength" or not hit.evidence:
            out.append(hit)
            continue
        kept = tuple(e for e in hit.evidence if e.start is None or e.start < cut)
        if kept:
            out.append(Hit(hit.id, hit.severity, hit.message, kept))
    return out
