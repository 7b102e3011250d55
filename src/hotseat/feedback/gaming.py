"""What games a word-counting scorer: cue words with no story, a sentence said over
and over, padding past the band with nothing new, and company notes recited
without tying them to the candidate. Each lowers the score with its evidence.
"""

from __future__ import annotations

from hotseat.feedback.job import Job
from hotseat.feedback.matcher import Entry, Match
from hotseat.feedback.quoting import quotes
from hotseat.feedback.relevance import _stop
from hotseat.feedback.sense import OTHER
from hotseat.feedback.stems import content_stems, stem
from hotseat.feedback.tokens import split_words

# The words that show an answer is about what its intent asks.
TOPIC = {
    "failure": ("setback", "owns"),
    "conflict": ("disagreement",),
}
_OWN = frozenset(
    ["i", "i'm", "i've", "i'd", "i'll", "me", "my", "mine", "we", "we're", "we've", "our", "us"]
)
_ANOTHER_QUESTION = frozenset(["own-contribution", "quantified-impact", "resolved"])
TOPIC_MIN_WORDS = 30  # a shorter answer is judged on what it lacks, not on its topic
NOVELTY_FLOOR = 0.45  # share of content words used only once, below which a long answer pads


def check_topic(job: Job) -> None:
    concepts = TOPIC.get(job.kind)
    if job.n < TOPIC_MIN_WORDS:
        return
    if job.kind == "weakness":
        return  # "no real weakness" is the topic check here
    if not concepts:
        from hotseat.feedback.relevance import check_topic as by_shared_words

        by_shared_words(job)
        return
    # "the wait dropped to five weeks" is a success, though "dropped" can tell a slip:
    # a word read both as an outcome and as a setback does not make the topic.
    outcomes = job.facts.get("outcome")
    found = [
        m
        for c in concepts
        for m in job.facts.get(c)
        if not any(o.first <= m.first <= o.last for o in outcomes)
    ]
    if job.kind == "conflict":
        found += _other_view(job)
    if found and len(job.facts.clean(job.facts.actions)) >= 2:
        what = {"failure": "what went wrong", "conflict": "the disagreement"}[job.kind]
        job.add(
            "on-topic",
            "strength",
            f"On topic: you told {what} and what you did about it.",
            quotes(job, sorted(found, key=lambda m: m.first)[:1]),
        )
    if not found:
        what = {
            "failure": "anything that went wrong",
            "conflict": "a disagreement with anyone",
        }[job.kind]
        job.add(
            "off-topic",
            "major",
            f"Off topic: the question asks about {what}, and the answer never mentions one.",
        )
        # A success story told to "a time you failed" earns nothing for how well it is
        # told: its actions and numbers answer another question.
        job.hits = [h for h in job.hits if h.id not in _ANOTHER_QUESTION]


# "the new chef wanted to plate it his way", "she felt it would clash": someone else's
# view or wish, the other side of a disagreement.
_WISHES = frozenset(
    [
        *("wanted", "insisted", "preferred", "felt", "thought", "believed", "argued"),
        *("pushed", "pushing", "demanded", "refused", "rejected", "resisted", "opposed"),
        *("challenged", "questioned", "dismissed", "objected"),
    ]
)


def _other_view(job: Job) -> list[Match]:
    reading = job.facts.reading
    norms = job.answer.norms
    return [
        Match(c.first, c.last, Entry("view", ("view",), (False,)))
        for c in reading.clauses
        if c.subject == OTHER and _WISHES & set(norms[c.first : c.last + 1])
    ]


def check_cue_words(job: Job) -> None:
    f = job.facts
    cues = f.get("cue-words")
    if len(cues) >= 3 and len(cues) > len(f.actions):
        job.add(
            "cue-words-no-story",
            "major",
            f"Story words with no story behind them ({len(cues)} cue words, "
            f"{len(f.actions)} things you actually did).",
            tuple(job.answer.quote(m.first, m.last, 2) for m in cues[:3]),
        )


def check_repeats(job: Job) -> None:
    f = job.facts
    if f.repeated and len(f.repeated) >= 2:
        first, last = f.repeated[0]
        job.add(
            "repeated-sentences",
            "major",
            f"The same sentence is said {len(f.repeated) + 1} times.",
            (job.answer.quote(first, last, 0),),
        )


def check_padding(job: Job) -> None:
    high = job.band[1]
    f = job.facts
    if round(job.seconds) > high and f.novelty < NOVELTY_FLOOR and f.content_words >= 40:
        job.add(
            "padding",
            "major",
            f"Past the {high:g} s band with little new: only {f.novelty:.0%} of its "
            "content words are said once.",
        )


CIRCLE_TIMES = 5  # a content word said this often, with no example, is the answer circling
CIRCLE_SHARE = 0.08  # ...and making up this share of the answer's content words


def check_circling(job: Job) -> None:
    """ "Teamwork is important... good teamwork means communication... I value teamwork":
    a few words said over and over, inside the band, with nothing done behind them."""
    f = job.facts
    if len(f.actions) >= 2:
        return
    stop = _stop(job)
    counts: dict[str, list[int]] = {}
    for k, word in enumerate(job.answer.norms):
        if word not in stop and len(word) > 3:
            counts.setdefault(stem(word), []).append(k)
    total = sum(len(v) for v in counts.values())
    often = sorted(
        (v for v in counts.values() if len(v) >= CIRCLE_TIMES and len(v) >= CIRCLE_SHARE * total),
        key=len,
        reverse=True,
    )
    if total < 25 or not often:
        return
    said = ", ".join(f'"{job.answer.norms[v[0]]}" {len(v)} times' for v in often[:2])
    job.add(
        "goes-in-circles",
        "major",
        f"Says the same thing over and over with no example behind it: {said}.",
        tuple(job.answer.quote(v[1], v[1], 3) for v in often[:2]),
    )


def check_recited(job: Job) -> None:
    """Sentences that repeat the company notes without a word about the candidate."""
    notes = job.context.notes.strip()
    if not notes:
        return
    stop = _stop(job)
    note_stems = content_stems(split_words(notes), stop)
    reading = job.facts.reading
    recited: list[tuple[int, int]] = []
    norms = job.answer.norms
    for first, last in reading.sentences:
        words = norms[first : last + 1]
        stems = content_stems(words, stop)
        if len(stems) < 4:
            continue
        shared = len(stems & note_stems) / len(stems)
        own = any(w in _OWN for w in words)
        if shared >= 0.6 and not own:
            recited.append((first, last))
    if recited:
        job.add(
            "recited-notes",
            "major",
            "Company facts recited without saying what they mean to you or what you bring.",
            tuple(job.answer.quote(a, b, 0) for a, b in recited[:2]),
        )
