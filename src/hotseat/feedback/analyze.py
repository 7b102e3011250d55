"""``analyze()``: one answer in, coaching feedback out.

The question's kind decides which checks run (``[kinds]`` in ``rubric.toml``).
Answers with nothing to assess (empty, a word or two, only fillers, another
language) get an honest "nothing to assess" instead of an invented score.
"""

from __future__ import annotations

from collections.abc import Callable

from hotseat.feedback import (
    breaks,
    closing,
    content,
    delivery,
    evidence,
    fit,
    gaming,
    habits,
    handling,
    mistakes,
    motives,
    recital,
    redflags,
    relevance,
    research,
    story,
    structure,
    weakness,
)
from hotseat.feedback.consistency import consistent
from hotseat.feedback.findings import Hit
from hotseat.feedback.intent import classify, intent_of
from hotseat.feedback.job import Job
from hotseat.feedback.lexicon import Lexicons, default_lexicons, lexicon_problem
from hotseat.feedback.model import AREAS, Context, Feedback
from hotseat.feedback.rubric import Rubric, default_rubric, rubric_problem
from hotseat.feedback.scoring import score
from hotseat.feedback.tokens import Answer, answer_from, split_words
from hotseat.questions.model import Question
from hotseat.transcript import Transcript

NO_CONTEXT = Context()


def prepare() -> None:
    """Read the rubric, the lexicons and the English word frequencies now (about 0.1-0.2 s),
    so the first answer's feedback does not wait for them. Call it off the UI thread."""
    from hotseat.feedback.spelling import english_frequencies

    default_rubric()
    default_lexicons()
    english_frequencies()


def infer_kind(question_text: str, lex: Lexicons) -> str:
    """The intent of a free-text question (``intents.toml``); "general" if unsure."""
    return classify(question_text, lex)


def scored_as(
    question: Question | None,
    question_text: str | None = None,
    rubric: Rubric | None = None,
    lexicons: Lexicons | None = None,
) -> str:
    """The rubric kind (``[kinds]`` in ``rubric.toml``) an answer to this question is
    scored by: what its words ask, which for a bank question may differ from its
    ``kind`` ("What is a weakness you are working on?" is a motivation question scored
    as a weakness)."""
    rubric = rubric or default_rubric()
    lex = lexicons or default_lexicons()
    text = question_text if question_text is not None else (question.text if question else "")
    kind = intent_of(question, text, lex)
    if kind in _ESTIMABLE and _asks_estimate(text, lex):
        kind = "curveball"  # worked out aloud, whatever else its words name
    return kind if kind in rubric.kinds else "general"


# Intents an estimate question can be read as by its other words ("cups of coffee in
# your city", "how would you work out..."): none of them asks for a story.
_ESTIMABLE = frozenset(["general", "technical", "curveball", "situational", "behavioral"])


def _asks_estimate(text: str, lex: Lexicons) -> bool:
    from hotseat.feedback.matcher import Matcher
    from hotseat.feedback.tokens import answer_from

    tokens = answer_from(Transcript.typed(text), 200).tokens
    found = Matcher({"e": lex.phrases["star.estimate"]}).scan(tokens)["e"]
    return bool(found)


def analyze(
    question: Question | None,
    transcript: Transcript,
    context: Context = NO_CONTEXT,
    *,
    question_text: str | None = None,
    rubric: Rubric | None = None,
    lexicons: Lexicons | None = None,
) -> Feedback:
    """Measure, score and explain one answer. Never raises on odd input."""
    problems = [] if rubric else [rubric_problem()]
    problems += [] if lexicons else [lexicon_problem()]
    rubric = rubric or default_rubric()
    lex = lexicons or default_lexicons()
    text = question_text if question_text is not None else (question.text if question else "")
    kind = scored_as(question, text, rubric, lex)
    rule = rubric.kind(kind)
    band = (float(question.answer_min), float(question.answer_max)) if question else rule.band
    keep = frozenset(split_words(f"{text} {context.company} {context.role} {context.notes}"))
    answer = lex.speller.fix(answer_from(transcript, int(rubric.n("limits.max_words"))), keep)
    answer = breaks.mark(answer, lex)
    seconds, estimated = _length(answer, transcript, rubric)
    job = Job(
        answer=answer,
        transcript=transcript,
        kind=kind,
        rule=rule,
        band=band,
        question_text=text,
        competencies=frozenset(question.competencies) if question else frozenset(),
        look_for=question.look_for if question else (),
        context=context,
        lex=lex,
        rubric=rubric,
        matches=lex.matcher.scan(answer.tokens),
        seconds=seconds,
        estimated=estimated,
    )
    job.metrics.update(
        kind=kind,
        engine=transcript.engine,
        word_count=answer.total_words,
        analysed_words=len(answer),
        timed=answer.timed,
        maxima={area: int(rubric.maxima[area]) for area in AREAS},
        duration_seconds=round(seconds, 2) if not estimated else None,
        estimated_seconds=round(seconds, 1) if estimated else None,
        typed_seconds=transcript.duration if transcript.engine == "typed" else None,
    )
    for problem in filter(None, problems):
        job.add("user-files-ignored", "info", problem)
    reason = _not_assessable(job)
    if reason is not None:
        return _nothing_to_assess(job, reason)
    _run_checks(job)
    shown = evidence.drop_shared(job.hits, job.answer, job.facts.reading.sentences)
    shown = evidence.drop_after(shown, delivery.dropped_from(transcript))
    scored = score(consistent(shown), rubric, kind)
    improvements = [f for f in scored.findings if f.severity in ("major", "minor")][:3]
    return Feedback(
        score=scored.score,
        subscores=scored.subscores,
        metrics=job.metrics,
        findings=scored.findings,
        tips=[f.tip for f in improvements],
        explanation=scored.explanation,
    )


def _length(answer: Answer, transcript: Transcript, rubric: Rubric) -> tuple[float, bool]:
    """How long the answer lasts when spoken: measured when we can, else estimated.

    A typed answer's clock measured typing, not speaking, so typed answers are always
    estimated from their word count.
    """
    if transcript.engine != "typed":
        if transcript.duration is not None and transcript.duration > 0:
            return transcript.duration, False
        if answer.timed:
            return answer.tokens[-1].end or 0.0, False
    return answer.total_words * 60.0 / rubric.n("delivery.typed_wpm"), True


def _not_assessable(job: Job) -> Hit | None:
    rubric = job.rubric
    if job.n < rubric.n("limits.min_words"):
        said = "is empty" if not job.n else f"has only {job.n} word{'s' if job.n > 1 else ''}"
        return Hit("nothing-to-assess", "info", f"Nothing to assess: the answer {said}.")
    filler_words = sum(m.last - m.first + 1 for m in job.found(habits.FILLERS))
    if filler_words >= job.n:
        return Hit(
            "only-fillers",
            "info",
            f"Nothing to assess: the answer is only filler words ({job.n} of them).",
        )
    english = job.words("language.english")
    if not all(t.norm.isascii() for t in job.answer.tokens[:200]) or (
        job.n >= rubric.n("limits.language_min_words")
    ):
        sample = job.answer.norms[:400]
        share = sum(1 for w in sample if w in english) / len(sample)
        if share < rubric.n("limits.english_share"):
            return Hit(
                "not-english",
                "info",
                "Nothing to assess: this does not look like English, and hotseat's "
                "feedback reads English only.",
            )
    return None


def _nothing_to_assess(job: Job, hit: Hit) -> Feedback:
    habits.check_fillers(job)
    rule = job.rubric.findings[hit.id]
    scored = score([hit], job.rubric, job.kind)
    return Feedback(
        score=0,
        subscores={area: 0 for area in AREAS},
        metrics=job.metrics,
        findings=scored.findings,
        tips=[rule.tip],
        explanation=[f"no score: {hit.message}"],
        assessable=False,
    )


_CHECKS: list[tuple[str, Callable[[Job], None]]] = [
    ("length", delivery.check_length),
    ("story", story.check_story),
    ("specific", story.check_specific),
    ("impact", story.check_impact),
    ("ownership", story.check_ownership),
    ("owns", mistakes.check_owns),
    ("learning", mistakes.check_learning),
    ("weakness", weakness.check_weakness),
    ("resolution", handling.check_resolution),
    ("coping", handling.check_coping),
    ("leading", handling.check_leading),
    ("credit", handling.check_credit),
    ("fit", fit.check_fit),
    ("forward", motives.check_forward),
    ("money", motives.check_money),
    ("private", redflags.check_private),
    ("goals", motives.check_goals),
    ("salary", motives.check_salary),
    ("claims", redflags.check_claims),
    ("negativity", redflags.check_negativity),
    ("plan", structure.check_plan),
    ("reasons", structure.check_reasons),
    ("enthusiasm", content.check_enthusiasm),
    ("closing", closing.check_closing),
    ("topic", gaming.check_topic),
    ("look-for", relevance.check_look_for),
]


def _run_checks(job: Job) -> None:
    if job.answer.total_words > len(job.answer):
        job.add(
            "truncated",
            "info",
            f"Only the first {len(job.answer)} of {job.answer.total_words} words were analysed.",
        )
    delivery.check_timing(job)
    habits.check_fillers(job)
    habits.check_hedges(job)
    habits.check_repetition(job)
    for name, check in _CHECKS:
        if job.applies(name):
            check(job)
    if job.applies("research"):
        research.check_research(job)
    if job.applies("research") or job.applies("tailoring"):
        relevance.check_tailoring(job, required=False)
    # Gaming is checked whatever the question.
    gaming.check_cue_words(job)
    gaming.check_repeats(job)
    gaming.check_padding(job)
    gaming.check_circling(job)
    gaming.check_recited(job)
    if job.applies("recital"):  # last: after every check that could tie the facts to one
        recital.check_recital(job)
