"""The closing question: did the candidate ask questions, and were they thoughtful?

In a typed answer that uses question marks, each sentence ending in "?" is one
question, and so is a sentence that reports one ("I would ask what...", "I'd like
to know how..."), which takes no question mark. Otherwise (speech) a question starts
where one of ``closing.askers`` opens one ("what would...", "I'm curious...").
Its topics decide
whether it is thoughtful (the team, the challenges, success in the role) or only
about pay and perks.
"""

from __future__ import annotations

from hotseat.feedback.job import Job
from hotseat.feedback.matcher import Match
from hotseat.wording import count


def _sentences(job: Job) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    for k, token in enumerate(job.answer.tokens):
        if k and token.sentence_start:
            spans.append((start, k - 1))
            start = k
    if job.n:
        spans.append((start, job.n - 1))
    return spans


def _within(matches: list[Match], first: int, last: int) -> list[Match]:
    return [m for m in matches if first <= m.first <= last]


_FIRST_PERSON = frozenset(["i", "i'd", "i'm", "my", "one", "a"])


def _reports_question(match: Match) -> bool:
    """ "I would ask...", "I'd like to know...", "my question is...": said in the first
    person, a question told rather than asked, with or without a question mark."""
    return len(match.entry.words) >= 2 and match.entry.words[0] in _FIRST_PERSON


def _starts_question(job: Job, match: Match) -> bool:
    """A phrase asker ("could you", "I'm curious") opens a question; a single word
    ("what", "how") does when a question verb follows it ("what would", "how do")."""
    if len(match.entry.words) >= 2:
        return True
    following = match.last + 1
    verbs = job.words("closing.question_verbs")
    return following < job.n and job.answer.tokens[following].norm in verbs


def question_spans(job: Job) -> list[tuple[int, int]]:
    """Where the candidate asks something: (first, last) token index of each question."""
    askers = job.found("closing.askers")
    tokens = job.answer.tokens
    # A typed answer that uses question marks is taken at its word: a sentence without
    # one is a statement ("What I liked most was...").
    punctuated = any(t.question_end for t in tokens)
    out: list[tuple[int, int]] = []
    for first, last in _sentences(job):
        if punctuated:
            reported = [m for m in _within(askers, first, last) if _reports_question(m)]
            if tokens[last].question_end or reported:
                out.append((first, last))  # one question per question mark
            continue
        starts = [m.first for m in _within(askers, first, last) if _starts_question(job, m)]
        # Starts close together belong to one question ("could you tell me what...").
        merged: list[int] = []
        for start in starts:
            if not merged or start - merged[-1] > 6:
                merged.append(start)
        ends = [*merged[1:], last + 1] if merged else []
        for a, b in zip(merged, ends, strict=True):
            out.append((a, b - 1))
    return out


def check_closing(job: Job) -> None:
    thoughtful_all = job.found("closing.thoughtful")
    pay_all = job.found("closing.pay_perks")
    spans = question_spans(job)
    thoughtful: list[tuple[int, int]] = []
    pay_only: list[tuple[int, int]] = []
    for first, last in spans:
        if _within(thoughtful_all, first, last):
            thoughtful.append((first, last))
        elif _within(pay_all, first, last):
            pay_only.append((first, last))
    job.metrics["closing"] = {
        "questions": len(spans),
        "thoughtful": len(thoughtful),
        "pay_perks": len(pay_only),
    }
    if thoughtful:
        job.add(
            "thoughtful-questions",
            "strength",
            f"You asked {count(len(thoughtful), 'thoughtful question')} about the work.",
            tuple(job.answer.quote(a, b, pad=0) for a, b in thoughtful[:2]),
        )
    elif pay_only:
        job.add(
            "only-pay-questions",
            "major",
            "Your only questions were about pay, hours or perks: it can sound like the job "
            "itself matters less.",
            tuple(job.answer.quote(a, b, pad=0) for a, b in pay_only[:2]),
        )
    elif not spans:
        declines = job.found("closing.declines")
        job.add(
            "no-questions-asked",
            "major",
            "You asked no questions: this is your chance to show interest and to learn "
            "whether the job suits you.",
            job.quotes(declines, 1),
        )
