"""``hotseat questions list | show | validate``: browse the bank and check pack files."""

from __future__ import annotations

import argparse
import difflib
import sys
import textwrap
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hotseat.cli.common import HotseatArgumentParser, UsageError, print_json
from hotseat.wording import count

if TYPE_CHECKING:
    from hotseat.questions import Bank, Question

WIDTH = 80  # the table fits a classic terminal; wider terminals get a wider table


def register(sub: Any) -> None:
    parser = sub.add_parser("questions", help="list, show and check interview questions")
    actions = parser.add_subparsers(
        dest="action", metavar="ACTION", required=True, parser_class=HotseatArgumentParser
    )

    listing = actions.add_parser("list", help="the questions in the bank, as a table or JSON")
    listing.add_argument("--category", help="only this category (e.g. research, closing)")
    listing.add_argument("--pack", help="only this pack (e.g. core, role-sales)")
    listing.add_argument("--kind", help="only this kind (e.g. behavioral, curveball)")
    listing.add_argument("--json", action="store_true", help="a JSON list with every field")
    listing.set_defaults(func=run_list)

    show = actions.add_parser("show", help="one question in full: what to show, tips, follow-ups")
    show.add_argument("id", metavar="ID", help="question id (see 'hotseat questions list')")
    show.add_argument("--company", default="", help="fill {company} with this name")
    show.add_argument("--role", default="", help="fill {role} with this job title")
    show.add_argument("--json", action="store_true", help="one JSON object with every field")
    show.set_defaults(func=run_show)

    validate = actions.add_parser("validate", help="check question pack files for mistakes")
    validate.add_argument("paths", nargs="+", metavar="PATH", help="a pack file or a folder")
    validate.set_defaults(func=run_validate)


def _bank() -> Bank:
    from hotseat.questions import load_bank

    bank = load_bank()
    for file, problems in bank.skipped_files().items():
        more = f" (and {count(len(problems) - 1, 'more problem')})" if len(problems) > 1 else ""
        print(
            f"hotseat: skipped question pack {file}: line {problems[0].line}: "
            f"{problems[0].message}{more}; see 'hotseat questions validate {file}'",
            file=sys.stderr,
        )
    return bank


def _check_choice(what: str, value: str | None, choices: list[str]) -> None:
    if value is not None and value not in choices:
        raise UsageError(f"unknown {what} {value!r} (choose from: {', '.join(choices)})")


def run_list(args: argparse.Namespace) -> int:
    bank = _bank()
    _check_choice("category", args.category, bank.categories(include_roles=True))
    _check_choice("pack", args.pack, [p.id for p in bank.packs])
    _check_choice("kind", args.kind, bank.kinds())
    questions = bank.filter(category=args.category, pack=args.pack, kind=args.kind)
    if args.json:
        print_json([q.to_dict() for q in questions])
        return 0
    if not questions:
        print("No questions match those filters.")
        return 0
    width = max(WIDTH, _terminal_width())
    columns = (
        min(28, max(len(q.id) for q in questions)),
        min(16, max(len(q.category) for q in questions)),
    )
    for pack in bank.packs:
        rows = [q for q in questions if q.pack == pack.id]
        if rows:
            print(f"{pack.name} [{pack.id}]: {count(len(rows), 'question')}")
            print(_table(rows, width, columns))
            print()
    packs = len({q.pack for q in questions})
    print(f"{count(len(questions), 'question')} in {count(packs, 'pack')}.")
    print("See one in full with 'hotseat questions show ID'.")
    return 0


def _terminal_width() -> int:
    if not sys.stdout.isatty():
        return WIDTH
    import shutil

    return shutil.get_terminal_size((WIDTH, 24)).columns


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 3].rstrip() + "..."


def _table(questions: list[Question], width: int, columns: tuple[int, int]) -> str:
    """ID and category columns, with the question text wrapped in the remaining width."""
    id_w, cat_w = columns
    text_w = max(20, width - id_w - cat_w - 6)
    indent = " " * (id_w + cat_w + 6)
    lines = [f"  {'ID':<{id_w}}  {'CATEGORY':<{cat_w}}  QUESTION"]
    for q in questions:
        wrapped = textwrap.wrap(q.text, text_w) or [""]
        head = f"  {_cut(q.id, id_w):<{id_w}}  {_cut(q.category, cat_w):<{cat_w}}  "
        lines.append(head + wrapped[0])
        lines += [indent + more for more in wrapped[1:]]
    return "\n".join(lines)


def run_show(args: argparse.Namespace) -> int:
    bank = _bank()
    question = bank.get(args.id)
    if question is None:
        ids = [q.id for q in bank.questions]
        close = difflib.get_close_matches(args.id, ids, n=3, cutoff=0.5)
        hint = f" (did you mean: {', '.join(close)}?)" if close else ""
        raise UsageError(f"no question with id {args.id!r}{hint}")
    if args.company or args.role:
        question = question.filled(args.company, args.role)
    scored = _scored_as(question)  # as 'hotseat analyze --question ID' reads it
    words = _words_for(question, scored)
    if args.json:
        print_json({**question.to_dict(), "scored_as": scored, "scored_as_words": words})
        return 0
    print(_describe(question, bank, scored, words))
    return 0


def _scored_as(question: Question) -> str:
    """The rubric ``hotseat analyze --question ID`` scores an answer by: what the
    question's words ask, which can be more specific than its bank kind."""
    from hotseat.feedback import scored_as

    return scored_as(question)


def _words_for(question: Question, scored: str) -> list[str]:
    """The question's words that name the rubric it is scored by (none when its words
    as a whole, or its bank kind, decided)."""
    from hotseat.feedback.intent import said_for
    from hotseat.feedback.lexicon import default_lexicons
    from hotseat.questions.model import fill_placeholders

    return said_for(fill_placeholders(question.text), scored, default_lexicons())


def _bullets(title: str, items: tuple[str, ...]) -> list[str]:
    if not items:
        return []
    out = ["", title]
    for item in items:
        out += textwrap.wrap(item, WIDTH, initial_indent="  - ", subsequent_indent="    ")
    return out


def _describe(q: Question, bank: Bank, scored: str, words: list[str]) -> str:
    pack = bank.pack(q.pack)
    origin = f"{pack.name} [{q.pack}]" if pack else q.pack
    lines = [q.id, ""]
    lines += textwrap.wrap(q.text, WIDTH)
    lines += [
        "",
        f"Pack:         {origin}",
        f"Category:     {q.category}    Kind: {q.kind}",
        f"Scored as:    {scored} (the rubric for what its words ask)",
        *textwrap.wrap(
            ", ".join(f'"{w}"' for w in words) if words else "its words as a whole",
            WIDTH,
            initial_indent="Read from:    ",
            subsequent_indent=" " * 14,
        ),
        f"Competencies: {', '.join(q.competencies)}",
        f"Timing:       {q.prep_seconds} s to think, a good answer takes "
        f"{q.answer_min}-{q.answer_max} s",
    ]
    lines += _bullets("A strong answer shows:", q.look_for)
    lines += _bullets("Likely follow-ups:", q.follow_ups)
    lines += _bullets("Tips:", q.tips)
    return "\n".join(lines)


def run_validate(args: argparse.Namespace) -> int:
    from hotseat.questions import collect_files, validate_files

    try:
        files = collect_files(Path(p) for p in args.paths)
    except FileNotFoundError as exc:
        raise UsageError(f"no such file or folder: {exc}") from None
    if not files:
        raise UsageError(f"no question packs (*.toml) in {', '.join(args.paths)}")
    report = validate_files(files)
    for problem in report.problems:
        print(problem)
    if not report.ok:
        bad_files = len({p.file for p in report.problems})
        print(
            f"{count(len(report.problems), 'problem')} in {bad_files} of "
            f"{count(len(files), 'file')}.",
            file=sys.stderr,
        )
        return 1
    print(
        f"OK: {count(len(files), 'file')}, {count(len(report.packs), 'pack')}, "
        f"{count(report.question_count, 'question')}, no problems."
    )
    return 0
