"""Facts about the company recited: sentences that speak of the company and hold
nothing of the speaker's.

"Harbourline was founded in 1998. Its revenue passed forty million last year. You
opened a depot in Hull." Each sentence names the company, speaks to it ("your",
"you opened") or reads back the notes, and has no "I", "my", "we" or "our" in it.
Facts like these show the speaker looked the company up, not what it means to them:
the company's numbers are not the speaker's impact, its growth is not where the
speaker is going, and a list of them with no reason of one's own answers no "why us".
A fact tied to oneself ("your depot in Hull is ten minutes from me, and I ran one like
it") is no recital.
"""

from __future__ import annotations

from itertools import pairwise

from hotseat.feedback.job import Job
from hotseat.feedback.matcher import Match
from hotseat.feedback.stems import content_stems
from hotseat.feedback.tokens import split_words

_OWN = frozenset(
    [
        *("i", "i'm", "i've", "i'd", "i'll", "me", "my", "mine", "myself"),
        *("we", "we're", "we've", "we'd", "our", "ours", "us"),
    ]
)
# Spoken to the company: "your fleet", "you've grown", "you opened".
_YOURS = frozenset(["your", "yours", "you're", "you've"])
_THE_COMPANY = frozenset(
    [("the", w) for w in ("company", "firm", "business", "organisation", "organization", "group")]
    + [("this", "company"), ("this", "firm")]
)
# "you" said of anyone ("if you ask", "you have to", "you know"), not of the company.
_ANYONE_BEFORE = frozenset(["if", "when", "whether", "unless", "thank", "as", "once"])
_ANYONE_AFTER = frozenset(
    [
        *("know", "see", "have", "need", "can", "could", "would", "should", "might", "must"),
        *("get", "want", "'d", "do", "don't", "never", "just", "mean", "find", "feel"),
    ]
)
# A sentence that goes on about what the last one named: "It also won...", "Last
# year its revenue...".
_GOES_ON = frozenset(["it", "its", "it's", "they", "their", "they're", "they've", "this"])
NOTES_SHARE = 0.6  # a sentence with this share of its content words from the notes reads them


def recited(job: Job) -> list[tuple[int, int]]:
    """The sentences (first, last token) that recite facts about the company."""
    norms = job.answer.norms
    name = split_words(job.context.company)
    notes = _notes_stems(job)
    out: list[tuple[int, int]] = []
    for first, last in job.facts.reading.sentences:
        words = norms[first : last + 1]
        if any(w in _OWN for w in words):
            continue
        goes_on = bool(out) and out[-1][1] == first - 1 and bool(_GOES_ON & set(words))
        if goes_on or _names(words, name) or _speaks_to(words) or _reads_notes(job, words, notes):
            out.append((first, last))
    return out


def outside(spans: list[tuple[int, int]], matches: list[Match]) -> list[Match]:
    """The matches that start outside the recited sentences."""
    return [m for m in matches if not any(lo <= m.first <= hi for lo, hi in spans)]


def _names(words: list[str], name: list[str]) -> bool:
    """The company's name ("Harbourline", "Harbourline's", "Fern Vets"), or the first
    word of a longer one when it is a name of its own ("Fernside" of "Fernside Vets")."""
    if not name:
        return False
    plain = [w.removesuffix("'s") for w in words]
    n = len(name)
    if any(plain[k : k + n] == name for k in range(len(plain) - n + 1)):
        return True
    return n > 1 and len(name[0]) >= 4 and name[0] in plain


def _speaks_to(words: list[str]) -> bool:
    if _YOURS & set(words):
        return True
    if any(pair in _THE_COMPANY for pair in pairwise(words)):
        return True
    for k, word in enumerate(words):
        if word != "you":
            continue
        before = words[k - 1] if k else ""
        after = words[k + 1] if k + 1 < len(words) else ""
        if before not in _ANYONE_BEFORE and after not in _ANYONE_AFTER:
            return True
    return False


def _notes_stems(job: Job) -> frozenset[str]:
    notes = job.context.notes.strip()
    stop = job.words("language.stopwords")
    return frozenset(content_stems(split_words(notes), stop)) if notes else frozenset()


def _reads_notes(job: Job, words: list[str], notes: frozenset[str]) -> bool:
    if not notes:
        return False
    stems = content_stems(words, job.words("language.stopwords"))
    return len(stems) >= 4 and len(stems & notes) / len(stems) >= NOTES_SHARE


# What ties the company to the speaker: with any of these, the facts serve a reason.
_LINKED = frozenset(["forward-looking", "fit-shown", "research-shown", "goals"])
# An answer this much recital is facts offered in place of a reason (a fact or two beside
# a reason missed elsewhere is not).
RECITED_SHARE = 0.4


def check_recital(job: Job) -> None:
    """ "Why us" answered with facts about the company and nothing of one's own: no
    direction, no experience tied to the job, no fact met first-hand."""
    spans = job.recited
    said = sum(b - a + 1 for a, b in spans)
    # Notes read back are no research shown, however many of their words they use.
    linked = (
        _LINKED - {"research-shown"} if any(h.id == "recited-notes" for h in job.hits) else _LINKED
    )
    if said < RECITED_SHARE * job.n or any(
        h.id in linked and h.severity == "strength" for h in job.hits
    ):
        return
    job.add(
        "recited-facts",
        "major",
        "No reason of your own: the answer is facts about the company, and nothing says "
        "what draws you to it or what you would bring.",
        tuple(job.answer.quote(a, b, 0) for a, b in spans[:2]),
    )
