"""Delivery measured on the clock: pace, pauses, time to the first word, and length.

Pace is words per minute over *speaking time*: from the first word's start to the
last word's end, less every pause longer than ``delivery.pause_seconds``. Figures
that need word times are only measured when the transcript has them; otherwise
they are listed in ``metrics["not_measured"]`` and a note says so.
"""

from __future__ import annotations

from typing import Any

from hotseat.feedback.job import Job
from hotseat.feedback.model import Evidence
from hotseat.feedback.recognizers import recognizer_note
from hotseat.transcript import Transcript
from hotseat.wording import count

TIMED_METRICS = ("wpm", "speaking_seconds", "pauses", "time_to_first_word", "fillers_per_minute")


def _clock(seconds: float) -> str:
    minutes, secs = divmod(round(seconds), 60)
    return f"{minutes}:{secs:02d}"


def check_timing(job: Job) -> None:
    rubric = job.rubric
    tokens = job.answer.tokens
    m = job.metrics
    first_delay = job.transcript.first_word_delay
    if first_delay is None and job.answer.timed and tokens:
        first_delay = tokens[0].start
    m["time_to_first_word"] = _round(first_delay)
    if not job.answer.timed:
        m.update(wpm=None, speaking_seconds=None, pauses=None)
        m["not_measured"] = [
            k for k in TIMED_METRICS if k != "time_to_first_word" or first_delay is None
        ]
        source = "typed" if job.transcript.engine == "typed" else "recognised without word times"
        job.add(
            "timing-not-measured",
            "info",
            f"Pace, pauses and time to first word were not measured: this answer was {source}.",
        )
    else:
        _pace_and_pauses(job)
    if first_delay is not None and first_delay > rubric.n("delivery.first_word_seconds"):
        job.add(
            "slow-start",
            "minor",
            f"You took {first_delay:.1f} s to say the first word "
            f"(aim for under {rubric.n('delivery.first_word_seconds'):g} s).",
            (Evidence(job.answer.quote(0, 2, pad=0).text, 0.0, tokens[0].start),) if tokens else (),
        )
    note = recognizer_note(job.transcript.engine)
    if note:
        job.add("recognizer-fillers", "info", note)


def _round(value: float | None, digits: int = 2) -> float | None:
    return None if value is None else round(value, digits)


def dropped_from(transcript: Transcript) -> float | None:
    """Where a busy computer's recognizer fell behind and dropped words, in seconds on
    the words' clock (the earliest ``since`` of its incomplete notes); None when it
    kept up."""
    notes = transcript.notes
    cuts = [n.since for n in notes if n.incomplete and n.since is not None]
    return min(cuts, default=None)


def _pace_and_pauses(job: Job) -> None:
    rubric = job.rubric
    # Words typed alongside the speech (the transcript's last ``typed_words``) took no
    # speaking time: pace and pauses are the spoken words' over the spoken time.
    spoken = max(0, job.answer.total_words - job.transcript.typed_words)
    tokens = job.answer.tokens[:spoken]
    # Where the recognizer fell behind, the words it dropped leave silences and a slow
    # pace that the speaker never made: measure only up to there.
    cut = dropped_from(job.transcript)
    if cut is not None:
        tokens = tuple(t for t in tokens if t.start is not None and t.start < cut)
        job.metrics["measured_until"] = cut
        job.add(
            "timing-not-measured",
            "info",
            f"Pace and pauses were measured up to {_clock(cut)} only: "
            "the recognizer fell behind after that, so its gaps are not yours.",
        )
    if not tokens:  # nothing but recogniser noise was heard
        job.metrics.update(wpm=None, speaking_seconds=None, pauses=None)
        return
    threshold = rubric.n("delivery.pause_seconds")
    pauses: list[dict[str, Any]] = []
    for k in range(1, len(tokens)):
        # Milliseconds are the finest any recogniser reports; rounding keeps float
        # noise from turning a 2.0 s gap into a pause "over 2 s".
        gap = round((tokens[k].start or 0.0) - (tokens[k - 1].end or 0.0), 3)
        if gap > threshold:
            pauses.append(
                {
                    "start": tokens[k - 1].end,
                    "end": tokens[k].start,
                    "seconds": round(gap, 2),
                    "after": tokens[k - 1].norm,
                    "before": tokens[k].norm,
                    "index": k,
                }
            )
    span = (tokens[-1].end or 0.0) - (tokens[0].start or 0.0)
    speaking = span - sum(p["seconds"] for p in pauses)
    wpm = len(tokens) / (speaking / 60.0) if speaking > 0 else None
    longest = max((p["seconds"] for p in pauses), default=0.0)
    m = job.metrics
    m["speaking_seconds"] = _round(speaking if speaking > 0 else None)
    m["wpm"] = _round(wpm, 1)
    m["pauses"] = {
        "count": len(pauses),
        "longest": longest,
        "threshold": threshold,
        "at": [{k: v for k, v in p.items() if k != "index"} for p in pauses],
    }
    m["not_measured"] = []
    low, high = rubric.pace_band
    far = rubric.n("delivery.pace_far")
    if wpm is not None and len(tokens) >= 20:
        if wpm > high:
            sev = "major" if wpm > high + far else "minor"
            job.add(
                "too-fast",
                sev,
                f"You spoke at {wpm:.0f} words a minute, above the "
                f"{low:g}-{high:g} band that is easy to follow.",
            )
        elif wpm < low:
            sev = "major" if wpm < low - far else "minor"
            job.add(
                "too-slow",
                sev,
                f"You spoke at {wpm:.0f} words a minute, below the "
                f"{low:g}-{high:g} band; it can sound hesitant.",
            )
        else:
            job.add(
                "pace-good",
                "strength",
                f"Steady pace: {wpm:.0f} words a minute, inside the {low:g}-{high:g} band.",
            )
    allowed = rubric.n("delivery.pauses_allowed")
    long_pause = rubric.n("delivery.long_pause_seconds")
    if len(pauses) > allowed or longest > long_pause:
        worst = sorted(pauses, key=lambda p: -p["seconds"])[:3]
        evidence = tuple(_pause_evidence(job, p) for p in sorted(worst, key=lambda p: p["index"]))
        where = ", ".join(f"{p['seconds']:.1f} s at {_clock(p['start'])}" for p in worst)
        job.add(
            "long-pauses",
            "minor",
            f"{count(len(pauses), 'pause')} longer than {threshold:g} s; the longest was "
            f"{longest:.1f} s ({where}).",
            evidence,
        )


def _pause_evidence(job: Job, pause: dict[str, Any]) -> Evidence:
    k = pause["index"]
    before = job.answer.quote(max(0, k - 3), k - 1, pad=0).text
    after = job.answer.quote(k, min(len(job.answer.tokens) - 1, k + 2), pad=0).text
    return Evidence(f"{before} … {after}", pause["start"], pause["end"])


def check_length(job: Job) -> None:
    low, high = job.band
    rubric = job.rubric
    seconds = job.seconds
    job.metrics["length"] = {
        "seconds": round(seconds, 1),
        "estimated": job.estimated,
        "band": [low, high],
    }
    how = job.length_note()
    # Judged on whole seconds, as the message and the app's clock show them, and the
    # band's edges are inside it: 90 s in a 45-90 s band is in the band.
    shown = round(seconds)
    # A crisp answer near the band is fine: only well short of it is "too short".
    if shown < low * rubric.n("length.near_share"):
        sev = "major" if seconds < low * rubric.n("length.short_major") else "minor"
        if _complete_story(job) or _substance(job):
            # Length is a hint: a whole story, or a crisp answer with something specific
            # in it, is never badly short, typed or spoken; an empty one is.
            sev = "minor"
        job.metrics["length"]["verdict"] = "short"
        job.add(
            "too-short",
            sev,
            f"The answer is short ({how}); a good answer to this "
            f"question takes {low:g}-{high:g} s.",
        )
    elif shown > high:
        sev = "major" if seconds > high * rubric.n("length.long_major") else "minor"
        job.metrics["length"]["verdict"] = "long"
        job.add(
            "too-long",
            sev,
            f"The answer is long ({how}); aim for {low:g}-{high:g} s "
            "so the interviewer stays with you.",
        )
    else:
        job.metrics["length"]["verdict"] = "ok"
        where = "in" if shown >= low else "close to"
        job.add(
            "length-good", "strength", f"Length is {where} the {low:g}-{high:g} s band ({how})."
        )


def _complete_story(job: Job) -> bool:
    """The answer tells what the speaker did and how it ended, in enough words to be a
    story (a situation, an action and a result take a few sentences)."""
    f = job.facts
    return job.n >= STORY_MIN_WORDS and bool(f.actions) and f.has("outcome")


STORY_MIN_WORDS = 40


def _substance(job: Job) -> bool:
    """Something specific: two things the speaker did, or one with a time, a place or a
    measured outcome ("I've run payroll for 300 staff for five years with no late runs")."""
    f = job.facts
    acts = f.clean(f.actions)
    return len(acts) >= 2 or (bool(acts) and (bool(f.impact) or f.has("time-place")))
