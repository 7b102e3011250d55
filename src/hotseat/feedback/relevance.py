"""Relevance: does the answer answer this question, cover what the interviewer is
listening for (the question's ``look_for`` points), and fit this company and role?

Words are compared by stem, leaving out stopwords. Some look_for points are
better judged by the other checks ("a number", "what they learned") than by
shared words, so those use the checks' cues instead (``_PROXIES``).
"""

from __future__ import annotations

from collections.abc import Callable

from hotseat.feedback.job import Job
from hotseat.feedback.matcher import Entry, Match, Matcher
from hotseat.feedback.quoting import quotes
from hotseat.feedback.stems import content_stems, stem
from hotseat.feedback.tokens import split_words


def _result(j: Job) -> bool:
    return bool(j.found("star.result") or j.quantified)


def _example(j: Job) -> bool:
    return bool(j.found("specificity.anchors")) or len(j.actions) >= 2


def _credited(j: Job, *ids: str) -> bool:
    """A strength another check already credited: the look-for list never says a point
    is missing that a strength of the same answer shows, nor the other way round."""
    return any(h.id in ids and h.severity == "strength" for h in j.hits)


def _communicates(j: Job) -> bool:
    words = {stem(w) for w in j.lex.word_maps["topics.topics"].get("communication", ())}
    return bool(words & answer_stems(j))


_PROXY_WORDS: tuple[tuple[str, Callable[[Job], bool]], ...] = (
    (
        "number numbers metric metrics quantified quantify measurable measured figures",
        lambda j: bool(j.quantified),
    ),
    ("result results outcome outcomes impact", _result),
    (
        "learn learned learning lesson lessons growth grew reflection applied apply later "
        "changed differently",
        lambda j: bool(j.found("growth.phrases")) or _credited(j, "growth", "improving"),
    ),
    (
        "forward future towards move moving next",
        lambda j: _credited(j, "forward-looking", "goals"),
    ),
    ("example specific specifics story real concrete situation", _example),
    (
        "team teamwork collaboration collaborate credit colleagues others",
        lambda j: bool(j.found("collaboration.team")),
    ),
    ("own themselves personally contribution ownership i", lambda j: bool(j.i_actions)),
    ("action actions steps did", lambda j: bool(j.actions)),
    ("mission research company values products news", lambda j: bool(j.found("research.cues"))),
    ("enthusiasm excitement passion interest", lambda j: bool(j.found("enthusiasm.positive"))),
    (
        "adapt adapted adapting adaptability change changed flexible",
        lambda j: bool(j.found("adaptability.phrases")),
    ),
    (
        "calm blame constructive composure grace neutral positive respectful",
        lambda j: not j.metrics.get("negativity"),
    ),
    ("informed inform communicate communication update updates", _communicates),
    ("plan step steps prioritise prioritize", lambda j: len(j.found("star.plan")) >= 2),
)
_PROXIES: dict[str, list[Callable[[Job], bool]]] = {}
for _words, _check in _PROXY_WORDS:
    for _word in _words.split():
        _PROXIES.setdefault(stem(_word), []).append(_check)


def _stop(job: Job) -> frozenset[str]:
    return job.words("language.stopwords")


def answer_stems(job: Job) -> set[str]:
    return content_stems(job.answer.norms, _stop(job))


def question_competencies(job: Job) -> frozenset[str]:
    """The competencies a question is about: a bank question's own, and those its words
    name, as a topic ("tell me about the project") or as an ask (``[asks]``: "persuade",
    "above and beyond", "criticism"), which the answer puts in other words."""
    asked = content_stems(split_words(job.question_text), _stop(job))
    topics = job.lex.word_maps["topics.topics"]
    asks = job.lex.word_maps.get("topics.asks", {})
    named = {c for c, words in asks.items() if asked & {stem(w) for w in words}}
    if job.competencies:
        return job.competencies | named
    named |= {c for c, words in topics.items() if asked & {stem(w) for w in words}}
    return frozenset(named)


def check_topic(job: Job) -> None:
    """On topic? The question's own words count most; competency and work words help."""
    stop = _stop(job)
    said = answer_stems(job)
    asked = content_stems(split_words(job.question_text + " " + " ".join(job.look_for)), stop)
    topics = job.lex.word_maps["topics.topics"]
    cues = {stem(w) for c in question_competencies(job) for w in topics.get(c, ())}
    work = {stem(w) for w in topics.get("work", ())}
    on_question = asked & said
    on_competency = (cues & said) - asked
    on_work = (work & said) - asked - cues
    spoken = _first_words(job, on_question | on_competency | on_work)
    job.metrics["topic"] = {
        "question_words": sorted(spoken[s] for s in on_question),
        "competency_words": sorted(spoken[s] for s in on_competency),
        "work_words": sorted(spoken[s] for s in on_work),
    }
    if len(said) < 8:
        return  # too little to judge; "too short" says what matters
    others = len(on_competency) + len(on_work)
    opening = (job.answer.quote(0, min(job.n - 1, 11), pad=0),)
    # Asked for a story, a story of one's own doing is on the subject in its own words
    # ("our caterer cancelled... I rang six others..."): whether it is the right story is
    # judged by its intent's own topic (gaming.TOPIC), not by words shared with the question.
    story = job.applies("story") and len(job.facts.clean(job.facts.actions)) >= 2
    if not on_question and others <= job.rubric.n("topic.major_max") and not story:
        job.add(
            "off-topic",
            "major",
            "The answer seems to be about something else: it shares no words with the "
            "question or what it asks about, and hardly any with working life.",
            opening,
        )
    elif story:
        # On topic for what a story question asks: a story of one's own doing, whatever
        # its words ("our app's crash rate jumped... I grouped the reports...").
        acts = job.facts.clean(job.facts.self_actions) or job.facts.clean(job.facts.actions)
        job.add(
            "on-topic",
            "strength",
            "On topic: you answered with something you did yourself.",
            quotes(job, acts[:1]),
        )
    elif len(on_question) >= 2 and not job.applies("story"):
        # Asked for a story, its words said back with nothing done behind them ("I am
        # always good at solving problems under pressure") answer nothing.
        shown = ", ".join(spoken[s] for s in sorted(on_question)[:5])
        job.add("on-topic", "strength", f"On topic: you took up the question's words ({shown}).")


def _first_words(job: Job, stems: set[str]) -> dict[str, str]:
    """Each stem mapped to the first answer word it came from, for showing to the user."""
    out: dict[str, str] = {}
    for word in job.answer.norms:
        s = stem(word)
        if s in stems and s not in out:
            out[s] = word
    return out


def check_look_for(job: Job) -> None:
    if not job.look_for:
        return
    stop = _stop(job)
    said = answer_stems(job)
    covered: list[str] = []
    missed: list[str] = []
    for point in job.look_for:
        words = split_words(point)
        stems = content_stems(words, stop)
        checks = {c for w in words for c in _PROXIES.get(stem(w), ())}
        proxy = any(check(job) for check in checks)
        direct = stems & said
        need = max(1, (len(stems) + 2) // 3)
        (covered if proxy or len(direct) >= need else missed).append(point)
    job.metrics["look_for"] = {"covered": covered, "missed": missed}
    share = len(covered) / len(job.look_for)
    if share >= 0.6:
        missing = f"; not yet: {missed[0]}" if missed else ""
        job.add(
            "look-for-covered",
            "strength",
            f"Covers {len(covered)} of {len(job.look_for)} things interviewers look for here"
            f"{missing}.",
        )
    elif share < 0.4 and len(job.look_for) >= 3:
        listed = "; ".join(missed[:3])
        job.add("look-for-gaps", "minor", f"Misses what this question probes: {listed}.")


def company_mentions(job: Job) -> list[Match]:
    words = split_words(job.context.company)
    if not words:
        return []
    entries = [Entry(job.context.company, tuple(words), (False,) * len(words))]
    if len(words) > 1 and len(words[0]) >= 4 and words[0] not in _stop(job):
        entries.append(Entry(words[0], (words[0],), (False,)))
    return Matcher({"company": entries}).scan(job.answer.tokens)["company"]


def notes_overlap(job: Job) -> tuple[int, list[int]]:
    """How many key words of the notes the answer uses, and where (token indexes)."""
    stop = _stop(job)
    notes = content_stems(split_words(job.context.notes), stop)
    # Words of the question, the role and the company's name, and everyday job words,
    # say nothing about research: only the rest of the notes counts.
    notes -= content_stems(split_words(job.question_text + " " + job.context.role), stop)
    notes -= {stem(w) for w in split_words(job.context.company)}
    notes -= {stem(w) for w in job.words("language.generic")}
    if not notes:
        return 0, []
    shared: set[str] = set()
    where: list[int] = []
    for k, word in enumerate(job.answer.norms):
        s = stem(word)
        if s in notes and word not in stop and len(word) >= 3 and s not in shared:
            shared.add(s)
            where.append(k)
    return len(shared), where


def spread(where: list[int], gap: int = 10) -> list[int]:
    """Positions at least ``gap`` words apart, so two quotes never show the same words."""
    out: list[int] = []
    for k in where:
        if not out or k - out[-1] >= gap:
            out.append(k)
    return out


def check_tailoring(job: Job, *, required: bool) -> None:
    """Company name and notes. ``required`` (motivation questions) also penalises their absence."""
    named = company_mentions(job)
    overlap, where = notes_overlap(job)
    cues = job.found("research.cues")
    has_notes = bool(job.context.notes.strip())
    job.metrics["tailoring"] = {
        "company_mentioned": bool(named),
        "notes_words_used": overlap,
        "research_cues": len(cues),
    }
    if named:
        job.add(
            "company-named", "strength", f"You named {job.context.company}.", (job.quote(named[0]),)
        )
    if overlap >= 2:
        job.add(
            "tailored",
            "strength",
            f"You used {overlap} key words from your company notes.",
            tuple(job.answer.quote(k, k, pad=4) for k in spread(where)[:2]),
        )
    if not required:
        return
    if cues:
        job.add(
            "research-shown",
            "strength",
            "You showed you researched the company.",
            job.quotes(cues, 2),
        )
    if not job.context.company.strip() and not has_notes:
        job.add(
            "no-company-context",
            "info",
            "No company name or notes were given, so "
            "tailoring to the company could not be checked.",
        )
    if cues or overlap >= 2:
        if has_notes and overlap == 0:
            job.add(
                "not-tailored", "minor", "Nothing from your company notes made it into the answer."
            )
        return
    if job.context.company.strip() or has_notes:
        job.add(
            "not-tailored",
            "major",
            "Not tailored: nothing in the answer is specific to "
            f"{job.context.company or 'the company'} or comes from your notes.",
        )
    else:
        job.add(
            "no-company-research",
            "major",
            "No sign of research: nothing about the "
            "company's mission, products, customers or recent news.",
        )
