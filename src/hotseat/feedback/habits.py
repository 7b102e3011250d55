"""Speech habits: filler words (and their clusters), hedges, and repeated words.

Fillers are counted per 100 words always, and per minute of speaking time when
the answer has word times. A cluster is two or more fillers with at most
``delivery.cluster_gap`` other words between them ("um, like, you know").
"""

from __future__ import annotations

from collections import Counter

from hotseat.feedback.job import Job
from hotseat.feedback.lexicon import Lexicons, default_lexicons
from hotseat.feedback.matcher import Match, Matcher
from hotseat.feedback.model import Evidence
from hotseat.feedback.tokens import answer_from
from hotseat.transcript import Transcript
from hotseat.wording import count

FILLERS = "fillers.phrases"
HEDGES = "hedges.phrases"
_MIN_FILLERS = 3  # two fillers in a short answer are not yet a habit
_DOUBLES_OK = frozenset({"had", "that", "very", "really", "so", "no", "bye", "yes"})


def _per_100(count: int, words: int) -> float:
    return round(100.0 * count / words, 2) if words else 0.0


def _counts(matches: list[Match]) -> dict[str, int]:
    counts = Counter(m.entry.phrase for m in matches)
    return dict(counts.most_common())


def count_fillers(text: str, lexicons: Lexicons | None = None) -> int:
    """Fillers in a (partial) transcript: the one quiet figure shown while answering."""
    lex = lexicons or default_lexicons()
    tokens = answer_from(Transcript.typed(text), 100_000).tokens
    return len(Matcher({FILLERS: lex.phrases[FILLERS]}).scan(tokens)[FILLERS])


def clusters(matches: list[Match], gap: int) -> list[list[Match]]:
    groups: list[list[Match]] = []
    for m in matches:
        if groups and m.first - groups[-1][-1].last - 1 <= gap:
            groups[-1].append(m)
        else:
            groups.append([m])
    return [g for g in groups if len(g) >= 2]


def check_fillers(job: Job) -> None:
    rubric = job.rubric
    fillers = job.found(FILLERS)
    n = job.n
    per_100 = _per_100(len(fillers), n)
    speaking = job.metrics.get("speaking_seconds")
    per_minute = round(len(fillers) / (speaking / 60.0), 2) if speaking else None
    groups = clusters(fillers, int(rubric.n("delivery.cluster_gap")))
    job.metrics["fillers"] = {
        "count": len(fillers),
        "per_100_words": per_100,
        "per_minute": per_minute,
        "found": _counts(fillers),
        "clusters": len(groups),
    }
    minute = f", {per_minute:.1f} a minute" if per_minute is not None else ""
    found = ", ".join(f'"{w}" x{c}' for w, c in list(job.metrics["fillers"]["found"].items())[:5])
    if per_100 > rubric.n("delivery.fillers_minor") and len(fillers) >= _MIN_FILLERS:
        sev = "major" if per_100 > rubric.n("delivery.fillers_major") else "minor"
        # The first clusters, then single fillers, shown in the order they were said.
        spans = [(g[0].first, g[-1].last, 1) for g in groups[:2]]
        in_clusters = {id(m) for g in groups for m in g}
        spans += [(m.first, m.last, 2) for m in fillers if id(m) not in in_clusters]
        shown = [job.answer.quote(a, b, pad=pad) for a, b, pad in sorted(spans[:3])]
        back_to_back = count(len(groups), "cluster")
        cluster_note = f"; {back_to_back} of fillers back to back" if groups else ""
        job.add(
            "fillers",
            sev,
            f"{count(len(fillers), 'filler word')} ({per_100:.1f} per 100 words{minute}): "
            f"{found}{cluster_note}.",
            tuple(shown),
        )
    elif per_100 <= rubric.n("delivery.fillers_fine") and n >= 40:
        job.add(
            "fillers-low",
            "strength",
            f"Few filler words: {len(fillers)} in {n} words ({per_100:.1f} per 100{minute}).",
        )
    elif n >= 40:
        # Too few to mark down, too many for the "few fillers" credit: say which words.
        job.add(
            "fillers-some",
            "info",
            f"{count(len(fillers), 'filler word')} ({per_100:.1f} per 100 words{minute}): "
            f"{found}; "
            f"at {rubric.n('delivery.fillers_fine'):g} or fewer per 100 words they earn "
            "the few-fillers credit.",
            tuple(_with_what_follows(job, m) for m in fillers[:3]),
        )


# A quote never stops on a word that leads into the rest of the clause.
_LEADS_ON = frozenset(
    [
        "a", "an", "the", "and", "but", "or", "of", "to", "with", "for", "in", "on", "at",
        "by", "some", "my", "our", "their", "his", "her", "its", "your", "that", "who", "which",
    ]
)  # fmt: skip


def _with_what_follows(job: Job, m: Match) -> Evidence:
    """The filler and the words it was said with, never stopping on a leading word."""
    tokens = job.answer.tokens
    last = min(m.last + 2, len(tokens) - 1)
    for k in range(m.last + 1, last + 1):
        if tokens[k].sentence_start:
            last = k - 1
            break
    while last + 1 < len(tokens) and not tokens[last + 1].sentence_start:
        if tokens[last].norm not in _LEADS_ON:
            break
        last += 1
    return job.answer.quote(m.first, last, pad=0)


def check_hedges(job: Job) -> None:
    filler_spans = {i for m in job.found(FILLERS) for i in range(m.first, m.last + 1)}
    hedges = [m for m in job.found(HEDGES) if m.first not in filler_spans]
    per_100 = _per_100(len(hedges), job.n)
    job.metrics["hedges"] = {
        "count": len(hedges),
        "per_100_words": per_100,
        "found": _counts(hedges),
    }
    rubric = job.rubric
    if len(hedges) >= rubric.n("delivery.hedges_min") and per_100 > rubric.n(
        "delivery.hedges_per_100"
    ):
        found = ", ".join(
            f'"{w}" x{c}' for w, c in list(job.metrics["hedges"]["found"].items())[:4]
        )
        major = per_100 > rubric.n("delivery.hedges_major")
        job.add(
            "hedging",
            "major" if major else "minor",
            f"{len(hedges)} hedges ({per_100:.1f} per 100 words: {found}) make the answer "
            "sound less sure than it is.",
            job.quotes(hedges, 3),
        )


def _grow(norms: list[str], starts: list[int], size: int, longest: int = 8) -> list[str]:
    """Widen a repeated phrase while every occurrence shares the next word on either side,
    so "end of the" is reported as "at the end of the day"."""
    first, last = 0, size  # relative span of the phrase around each start
    while last - first < longest:
        ends = {norms[p + last] if p + last < len(norms) else None for p in starts}
        if len(ends) != 1 or None in ends or len(starts) < 2:
            break
        last += 1
    while last - first < longest:
        heads = {norms[p + first - 1] if p + first > 0 else None for p in starts}
        if len(heads) != 1 or None in heads or len(starts) < 2:
            break
        first -= 1
    return norms[starts[0] + first : starts[0] + last]


def check_repetition(job: Job) -> None:
    norms = job.answer.norms
    stop = job.words("language.stopwords")
    fillers = {w for m in job.found(FILLERS) for w in m.entry.words}
    stutters = [
        k
        for k in range(1, len(norms))
        if norms[k] == norms[k - 1] and norms[k] not in _DOUBLES_OK and not norms[k][0].isdigit()
    ]
    # Stock phrases mix little words with a content word ("to be honest", "at the end
    # of"); all-content phrases are the answer's subject ("customer success") and
    # all-stopword ones are grammar, so neither counts.
    where: dict[tuple[str, ...], list[int]] = {}
    for k in range(len(norms) - 2):
        gram = tuple(norms[k : k + 3])
        little = sum(1 for w in gram if w in stop or w in fillers)
        if 0 < little < 3:
            where.setdefault(gram, []).append(k)
    minimum = max(job.rubric.n("delivery.repeat_phrase_min"), len(norms) / 75)
    repeated: dict[str, int] = {}
    top = sorted((g for g in where if len(where[g]) >= minimum), key=lambda g: -len(where[g]))
    for gram in top[:6]:
        phrase = " ".join(_grow(norms, where[gram], 3))
        if not any(phrase in other for other in repeated):
            repeated[phrase] = len(where[gram])
    job.metrics["repeats"] = {"stutters": len(stutters), "phrases": repeated}
    too_many_stutters = len(stutters) >= job.rubric.n("delivery.stutter_min")
    if repeated or too_many_stutters:
        parts = [f'"{p}" {c} times' for p, c in repeated.items()]
        if too_many_stutters:
            parts.append(f"{len(stutters)} words said twice in a row")
        evidence = tuple(job.answer.quote(k - 1, k, pad=2) for k in stutters[:2])
        job.add("repetition", "minor", "Repeated words: " + "; ".join(parts) + ".", evidence)
