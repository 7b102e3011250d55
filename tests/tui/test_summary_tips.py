"""The session summary lists tips on their own, without the finding's message: a tip
must make sense there, so none may point to "the message" or to text shown elsewhere."""

from __future__ import annotations

import re

from hotseat.feedback.model import Feedback, Finding
from hotseat.feedback.rubric import default_rubric
from hotseat.feedback.summary import summarize

POINTING = re.compile(r"\b(the message|above|below|listed|shown here)\b", re.IGNORECASE)


def test_no_tip_that_can_reach_the_summary_points_elsewhere() -> None:
    rubric = default_rubric()
    pointing = {
        fid: rule.tip
        for fid, rule in rubric.findings.items()
        if rule.points < 0 and POINTING.search(rule.tip)
    }
    assert pointing == {}


def test_the_summary_line_for_missed_look_fors_stands_on_its_own() -> None:
    gaps = Finding(
        "look-for-gaps",
        "minor",
        "relevance",
        "It does not show ownership or a result.",
        tip=default_rubric().findings["look-for-gaps"].tip,
    )
    feedback = Feedback(score=55, subscores={}, metrics={}, findings=[gaps], tips=[gaps.tip])
    summary = summarize([("Tell me about a project you led.", feedback)])
    [line] = summary.practise_next
    assert line.startswith("Misses what interviewers look for: ")
    assert not POINTING.search(line)
