"""``hotseat analyze``: feedback on one answer, typed, from a file, or from a recording.

``--json`` prints one object: ``score``, ``subscores``, ``metrics``, ``findings``
(``id``, ``severity``, ``area``, ``message``, ``evidence`` [``text``, ``start``,
``end``], ``tip``), ``tips``, ``explanation`` and ``assessable``.
"""

from __future__ import annotations

import argparse
import textwrap
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hotseat.cli.common import UsageError, print_json, read_text_arg

if TYPE_CHECKING:
    from hotseat.feedback.model import Feedback, Finding
    from hotseat.questions.model import Question
    from hotseat.transcript import Transcript

WIDTH = 78
JSON_HELP = """\
--json prints one object:
  score        0-100 (0 when there was nothing to assess; see assessable)
  subscores    content, structure, delivery, relevance
  metrics      word_count, wpm, pauses, time_to_first_word, fillers, hedges,
               repeats, length, star, ... (not_measured lists what needs timings)
  findings     [{id, severity (strength|info|minor|major), area, message,
                 evidence: [{text, start, end}], tip}]
  tips         tips for the (at most three) points to work on
  explanation  how each subscore was reached, point by point
  assessable   false for empty, one-word, filler-only or non-English answers
  transcript   what was heard (with --audio only)
"""


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "analyze",
        help="coaching feedback on one answer",
        description="Score an answer to an interview question and explain every point.",
        epilog=JSON_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    which = parser.add_mutually_exclusive_group(required=True)
    which.add_argument("--question", metavar="ID", help="a question id from the bank")
    which.add_argument("--question-text", metavar="Q", help="any question, as text")
    answer = parser.add_mutually_exclusive_group(required=True)
    answer.add_argument("--text", metavar="T", help="the answer as text")
    answer.add_argument("--text-file", metavar="F", help="a file holding the answer ('-': stdin)")
    answer.add_argument("--audio", metavar="FILE.wav", help="a recording; transcribed first")
    parser.add_argument("--company", default="", help="the company's name")
    parser.add_argument("--role", default="", help="the role applied for")
    parser.add_argument(
        "--company-notes", metavar="F", help="a file of company notes or the job description"
    )
    parser.add_argument("--json", action="store_true", help="one JSON object on stdout")
    parser.set_defaults(func=run)


def _question(args: argparse.Namespace) -> tuple[Question | None, str]:
    if args.question_text is not None:
        if not args.question_text.strip():
            raise UsageError("--question-text is empty")
        return None, args.question_text
    from hotseat.questions import load_bank

    question = load_bank().get(args.question)
    if question is None:
        raise UsageError(f"unknown question id: {args.question} (see 'hotseat questions list')")
    question = question.filled(args.company, args.role)
    return question, question.text


def _transcript(args: argparse.Namespace) -> Transcript:
    from hotseat.transcript import Transcript

    if args.audio is None:
        return Transcript.typed(read_text_arg(args.text, args.text_file, "answer"))
    path = Path(args.audio)
    if not path.is_file():
        raise UsageError(f"cannot read {path}: no such file")
    from hotseat.asr import transcribe_file

    try:
        result: Transcript = transcribe_file(path)
    except (OSError, ValueError, RuntimeError) as exc:
        raise UsageError(f"cannot transcribe {path}: {exc}") from None
    return result


def run(args: argparse.Namespace) -> int:
    from hotseat.feedback import Context, analyze

    question, text = _question(args)
    notes = ""
    if args.company_notes is not None:
        try:
            notes = Path(args.company_notes).read_text(encoding="utf-8", errors="replace")
        except OSError as exc:
            raise UsageError(f"cannot read {args.company_notes}: {exc.strerror or exc}") from None
    transcript = _transcript(args)
    context = Context(company=args.company, role=args.role, notes=notes)
    feedback = analyze(question, transcript, context, question_text=text)
    heard = transcript if args.audio is not None else None
    if args.json:
        data = feedback.to_dict()
        if heard is not None:
            data["transcript"] = heard.to_dict()
        print_json(data)
    else:
        print(render(text, feedback, heard))
    return 0


def _wrap(text: str, indent: str, first: str | None = None) -> str:
    return textwrap.fill(
        text, WIDTH, initial_indent=first if first is not None else indent, subsequent_indent=indent
    )


def _clock(seconds: float | None) -> str:
    if seconds is None:
        return ""
    minutes, secs = divmod(seconds, 60)
    return f" [{int(minutes)}:{secs:04.1f}]"


def _evidence(finding: Finding, indent: str) -> list[str]:
    return [
        _wrap(f'"{e.text}"{_clock(e.start)}', indent + "  ", indent + "> ")
        for e in finding.evidence
        if e.text
    ]


def render(question_text: str, feedback: Feedback, heard: Transcript | None = None) -> str:
    """The human-readable report, plain text within 78 columns."""
    lines = [_wrap(f"Question: {question_text}", "          ", "")]
    if heard is not None:
        said = heard.text.strip() or "(nothing was recognised)"
        lines.append(_wrap(f"Heard ({heard.engine}): {said}", "          ", ""))
    if not feedback.assessable:
        lines.append("")
        for finding in feedback.findings:
            lines.append(_wrap(finding.message, ""))
            if finding.tip:
                lines.append(_wrap(f"Tip: {finding.tip}", "     "))
        return "\n".join(lines)
    maxima = feedback.metrics.get("maxima", {})
    subs = "  ".join(
        f"{area} {value}/{maxima[area]}" if area in maxima else f"{area} {value}"
        for area, value in feedback.subscores.items()
    )
    lines += ["", f"Score {feedback.score}/100    {subs}"]
    strengths = feedback.strengths[:4]
    if strengths:
        lines += ["", "Strengths"]
        for finding in strengths:
            lines.append(_wrap(finding.message, "    ", "  + "))
            lines += _evidence(finding, "    ")[:1]
    improvements = feedback.improvements
    if improvements:
        lines += ["", "To work on"]
        for n, finding in enumerate(improvements, 1):
            lines.append(_wrap(f"[{finding.severity}] {finding.message}", "     ", f"  {n}. "))
            lines += _evidence(finding, "     ")
            lines.append(_wrap(f"Try: {finding.tip}", "          ", "     "))
    notes = [f for f in feedback.findings if f.severity == "info"]
    if notes:
        lines += ["", "Notes"]
        lines += [_wrap(f.message, "    ", "  - ") for f in notes]
    lines += ["", "How the score was reached"]
    lines += [_wrap(line, "    ", "  ") for line in feedback.explanation]
    return "\n".join(lines)
