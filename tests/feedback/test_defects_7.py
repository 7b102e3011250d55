"""Regression cases for the sixth QA trial's findings on feedback (2026-11-30, issue 10),
fixed by cause and pinned in hotseat's own words on other jobs, never the trial's
(tests/feedback/README.md):

1. "actually" said of what someone needs ("what they actually use") counted as a
   filler, and the few-fillers credit withheld without naming the words that cost it;
2. a plan's steps counted only where a stock phrase opened them, so a third action
   told in its own clause ("I would ...") or after "then" / "finally" went uncounted;
3. "leave out anything they never check" (things named by how they are used, as the object of
   the speaker's own doing) read as running those people down.
"""

from __future__ import annotations

import pytest

from hotseat.feedback import Context, Feedback, analyze, count_fillers
from hotseat.transcript import Transcript


def run(question: str, text: str) -> Feedback:
    return analyze(None, Transcript.typed(text), Context(), question_text=question)


def ids(fb: Feedback) -> set[str]:
    return {f.id for f in fb.findings}


def finding(fb: Feedback, fid: str):  # type: ignore[no-untyped-def]
    found = [f for f in fb.findings if f.id == fid]
    assert found, f"{fid} not among {sorted(ids(fb))}"
    return found[0]


def test_actually_said_of_what_someone_needs_is_no_filler() -> None:
    assert count_fillers("Before I quote, I ask each ward what they actually use in a month.") == 0
    assert count_fillers("We swapped the pump, and it actually leaked at the seal.") == 0
    assert count_fillers("Actually, the pump had been fine all along.") == 1
    assert count_fillers("So we, um, actually, rebuilt the rota.") == 2


STOCK = "Tell me about a time you saved your team money."
MEANT = (
    "Our dental practice ordered gloves and masks by habit, so I counted what we actually "
    "used over six weeks. We were buying forty percent more than we got through. "
    "I set a monthly order from those counts, checked it with the senior nurse, and our "
    "supplies bill fell by a third that year without one shortage."
)
FILLED = (
    "Actually, our dental practice ordered gloves and masks by habit, so I counted what "
    "we used over six weeks. We were buying forty percent more than we got "
    "through. I set a monthly order from those counts, um, checked it with the senior "
    "nurse, and our supplies bill fell by a third that year without one shortage."
)


def test_a_meant_actually_keeps_the_credit_and_a_withheld_credit_names_its_words() -> None:
    meant, filled = run(STOCK, MEANT), run(STOCK, FILLED)
    assert "fillers-low" in ids(meant)
    assert "fillers-low" not in ids(filled)
    some = finding(filled, "fillers-some")
    assert '"actually"' in some.message and '"um"' in some.message
    quoted = " ".join(e.text for e in some.evidence).lower()
    assert "actually" in quoted and "um," in quoted.split()
    assert meant.subscores["delivery"] > filled.subscores["delivery"]
    assert meant.score > filled.score


CLASH = "What would you do if two managers both wanted your time for the same week?"
PLANS = [
    # each clause its own "I'd ...", one after "after that"
    (
        "I'd ring both managers to hear what each date is really for. Then I'd put hours "
        "against both jobs so the clash is in numbers. After that I'd let my own lead pick "
        "the order, and email both managers the outcome that afternoon.",
        ("ring", "put hours", "let my"),
    ),
    # steps joined by "then" and "finally" with no subject of their own
    (
        "First, I'd sit down with the two site foremen and hear what each pour depends on, "
        "then I'd draw both jobs on one programme with the crane hours, and finally take "
        "that to the contracts manager, who owns the schedule.",
        ("sit down", "draw both", "finally take"),
    ),
    # a stock opener, a middle step told plainly with "I'll", a closing "then"
    (
        "I'd start by asking each teacher what the marks are needed for and by when. I'll "
        "work out with the exams officer how long each set takes to moderate. Then I'd "
        "agree an order with the head of department and tell both teachers that morning.",
        ("asking each", "work out", "agree an order"),
    ),
]


@pytest.mark.parametrize(("answer", "steps"), PLANS)
def test_every_action_in_a_plan_is_a_step(answer: str, steps: tuple[str, ...]) -> None:
    fb = run(CLASH, answer)
    plan = finding(fb, "plan-steps")
    assert "3 steps" in plan.message
    quotes = [e.text for e in plan.evidence]
    assert len(quotes) == 3
    for quote, step in zip(quotes, steps, strict=True):
        assert step in quote
    weak = run(CLASH, "I would just do both and stay late. I don't like saying no to people.")
    assert fb.score > weak.score
    assert fb.subscores["structure"] > weak.subscores["structure"]


REDO = "If you could run one past project again, what would you change?"
OWN_CHANGE = (
    "If I could go back to one project, it would be the clinic's booking rebuild. I would "
    "sit with the receptionists in the first week, not the fifth, because we designed three "
    "screens before anyone at the desk had tried one. Next time I would trial it for a "
    "fortnight with two of them and leave out anything they never check."
)
BLAMING = (
    "If I could go back to one project, it would be the clinic's booking rebuild, though I "
    "would not change what I did. The receptionists never read the guides I wrote for them, "
    "so the screens went unused and the launch slipped, and that was down to them."
)


def test_things_named_by_how_they_are_used_run_nobody_down() -> None:
    own, blaming = run(REDO, OWN_CHANGE), run(REDO, BLAMING)
    assert "negativity" not in ids(own)
    # the guard: a person said not to do what they should still runs them down
    blame = finding(blaming, "negativity")
    assert "never read" in " ".join(e.text for e in blame.evidence)
    assert own.score > blaming.score
    assert own.subscores["content"] > blaming.subscores["content"]


WEAKNESS = "What is your greatest weakness?"
SILENT_ABOUT_OTHERS = [
    "My weakness has been speaking up early. Last spring a supplier kept shipping short "
    "pallets and I said nothing for six weeks, which left our shelves bare before a bank "
    "holiday. Now I log every short delivery the same day and raise it with the account "
    "manager on Friday calls, and my area manager checks I have.",
    "I have tended to avoid awkward conversations. When a new colleague kept skipping the "
    "allergen checks I didn't say anything for a month, and a table nearly got the wrong "
    "dish. Since then I raise problems the same shift, face to face, and I practise those "
    "talks with my head chef; last month I flagged two lapses and both were fixed that day.",
    "Honestly, confronting peers. A fellow tutor marked coursework far too generously and "
    "I kept quiet about it until the moderation failed. I now bring any doubt to our "
    "weekly moderation meeting with examples, and I asked my head of department to tell me "
    "if she sees me holding back.",
]


@pytest.mark.parametrize("answer", SILENT_ABOUT_OTHERS)
def test_keeping_quiet_about_someone_elses_doing_is_not_hiding_a_mistake(answer: str) -> None:
    fb = run(WEAKNESS, answer)
    assert "conceals-mistake" not in ids(fb)
    hiding = answer.replace(
        answer.split(". ")[1], "I mislabelled a batch myself and kept it to myself"
    )
    hidden = run(WEAKNESS, hiding)  # one's own slip kept quiet is still a red flag
    assert "kept it to myself" in finding(hidden, "conceals-mistake").evidence[0].text
    assert fb.score > hidden.score + 10
