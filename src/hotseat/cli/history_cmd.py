"""``hotseat history``, ``report``, ``export`` and ``purge``: your answers, your data."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hotseat.cli.common import HotseatArgumentParser, UsageError, print_json
from hotseat.wording import count

MODE_WIDTH = len("pressure-ladder")  # the longest mode's name, shown whole

if TYPE_CHECKING:
    from hotseat.store import Store


def register(sub: Any) -> None:
    history = sub.add_parser("history", help="list past sessions; delete or close one")
    history.add_argument("--json", action="store_true", help="machine-readable output")
    history.set_defaults(func=_list)
    actions = history.add_subparsers(
        dest="action", metavar="ACTION", parser_class=HotseatArgumentParser
    )
    delete = actions.add_parser("delete", help="delete one session and its recordings")
    delete.add_argument("session", help="session id (see 'hotseat history')")
    delete.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    delete.set_defaults(func=_delete)
    close = actions.add_parser("close", help="close an interrupted session instead of resuming")
    close.add_argument("session", help="session id")
    close.set_defaults(func=_close)

    report = sub.add_parser("report", help="a readable report of one session")
    report.add_argument("session", help="session id, or 'last' for the newest one with an answer")
    report.add_argument("--format", choices=("md", "json", "html"), default="md")
    report.add_argument("-o", "--output", metavar="FILE", help="write to FILE, not the screen")
    report.set_defaults(func=_report)

    export = sub.add_parser("export", help="every session as Markdown plus its recordings")
    export.add_argument("folder", metavar="DIR", help="folder to write into (made if missing)")
    export.set_defaults(func=_export)

    purge = sub.add_parser("purge", help="delete all history and recordings")
    purge.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    purge.set_defaults(func=_purge)


def _open(*, writes: bool) -> Store:
    from hotseat.store import Store, StoreError, StoreUnwritable

    try:
        store = Store()
    except StoreUnwritable as exc:
        if writes:
            raise SystemExit(f"hotseat: {str(exc).split(';')[0]}; nothing was changed.") from None
        try:  # reading needs no write access: show the history as it is
            store = Store(read_only=True)
        except StoreError as again:
            raise SystemExit(f"hotseat: {again}") from None
        print(
            f"hotseat: {store.path.parent} cannot be written; the history is shown read-only.",
            file=sys.stderr,
        )
    except StoreError as exc:
        raise SystemExit(f"hotseat: {exc}") from None
    for notice in store.notices:
        print(f"hotseat: {notice}", file=sys.stderr)
    return store


def _with_store(action: Callable[[Store], int], *, writes: bool = False) -> int:
    from hotseat.store import StoreError, UnknownSession

    store = _open(writes=writes)
    try:
        return action(store)
    except UnknownSession as exc:
        raise UsageError(str(exc)) from None
    except StoreError as exc:
        print(f"hotseat: {exc}", file=sys.stderr)
        return 1
    finally:
        store.close()


def _session_id(store: Store, text: str, *, answered: bool = False) -> int:
    """The session a user named; 'last' is the newest (with ``answered``: the newest
    with at least one answer, so a session left at once is not what a report shows)."""
    if text == "last":
        sessions = store.list_sessions()
        if not sessions:
            raise UsageError("there are no sessions in the history yet")
        if answered:
            sessions = [s for s in sessions if s.answered > 0]
            if not sessions:
                raise UsageError("no session in the history has an answer yet")
        return sessions[0].id
    try:
        session_id = int(text)
    except ValueError:
        raise UsageError(f"{text!r} is not a session id (see 'hotseat history')") from None
    store.session_info(session_id)  # UnknownSession -> exit 2
    return session_id


def _confirm(question: str, yes: bool) -> bool:
    if yes:
        return True
    if not sys.stdin.isatty():
        raise UsageError(f"{question.rstrip('?')}: not confirmed (no terminal); add --yes")
    try:
        answer = input(f"{question} [y/N] ")
    except EOFError:
        return False
    return answer.strip().lower() in ("y", "yes")


def _list(args: argparse.Namespace) -> int:
    from hotseat.store.report_parts import when

    def run(store: Store) -> int:
        sessions = store.list_sessions()
        if args.json:
            print_json([s.to_dict() for s in sessions])
            return 0
        listed = [s for s in sessions if not s.empty]  # (--json: every one)
        if not listed:
            print("No sessions yet. Start one with 'hotseat'.")
            return 0
        mode_head = f"{'Mode':<{MODE_WIDTH}}"
        print(f"{'ID':>4}  {'Started':<16}  {mode_head}  {'Status':<11}  {'Answers':>7}  Score")
        for s in listed:
            score = "-" if s.average_score is None else f"{s.average_score:.0f}"
            answers = "{}/{}".format(*s.progress)  # answered/planned
            mode = s.mode or "-"
            print(
                f"{s.id:>4}  {when(s.started_at):<16}  {mode:<{MODE_WIDTH}}  {s.status:<11}  "
                f"{answers:>7}  {score:>5}"
            )
        if len(listed) < len(sessions):
            empty = len(sessions) - len(listed)
            print(f"\n{count(empty, 'session')} ended before any answer: not listed.")
        waiting = [s.id for s in sessions if s.status == "interrupted"]
        if waiting:
            print(
                f"\n{len(waiting)} interrupted: resume in the app, or 'hotseat history close ID'."
            )
        return 0

    return _with_store(run)


def _delete(args: argparse.Namespace) -> int:
    def run(store: Store) -> int:
        session_id = _session_id(store, args.session)
        info = store.session_info(session_id)
        answers = count(info.answered, "answer")
        question = f"Delete session {session_id} ({answers}) and its recordings?"
        if not _confirm(question, args.yes):
            print("Nothing deleted.")
            return 1
        removed = store.delete_session(session_id)
        print(f"Deleted session {session_id} and {count(len(removed), 'recording')}.")
        return 0

    return _with_store(run, writes=True)


def _close(args: argparse.Namespace) -> int:
    def run(store: Store) -> int:
        session_id = _session_id(store, args.session)
        store.close_session(session_id)
        print(f"Closed session {session_id}; its answers are kept.")
        return 0

    return _with_store(run, writes=True)


def _report(args: argparse.Namespace) -> int:
    from hotseat.store.report import render

    def run(store: Store) -> int:
        text = render(
            store.load_session(_session_id(store, args.session, answered=True)), args.format
        )
        if not args.output:
            sys.stdout.write(text)
            return 0
        try:
            Path(args.output).write_text(text, encoding="utf-8")
        except OSError as exc:
            raise UsageError(f"cannot write {args.output}: {exc.strerror or exc}") from None
        print(f"Wrote {args.output}")
        return 0

    return _with_store(run)


def _export(args: argparse.Namespace) -> int:
    from hotseat.store.export import export_history

    folder = Path(args.folder)
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"{folder} exists and is not a folder")

    def run(store: Store) -> int:
        try:
            result = export_history(store, folder)
        except OSError as exc:
            print(f"hotseat: cannot write into {folder}: {exc.strerror or exc}", file=sys.stderr)
            return 1
        written = count(len(result.written), "file")
        print(f"Wrote {written} ({count(result.sessions, 'session')}) to {folder}")
        for path in result.missing_audio:
            print(f"hotseat: recording missing, not exported: {path}", file=sys.stderr)
        return 0

    return _with_store(run)


def _purge(args: argparse.Namespace) -> int:
    from hotseat.store import spill
    from hotseat.store.database import damaged_copies

    def run(store: Store) -> int:
        sessions = store.list_sessions()
        extra = damaged_copies(store.path) + spill.leftovers()
        also = f" (and {len(extra)} damaged or unsaved copies)" if extra else ""
        every = "all " if len(sessions) != 1 else "the "
        question = (
            f"Delete {every}{count(len(sessions), 'session')}, every answer and recording{also}?"
        )
        if not _confirm(question, args.yes):
            print("Nothing deleted.")
            return 1
        deleted = store.purge()
        for path in extra:
            path.unlink(missing_ok=True)
        their = "its" if deleted == 1 else "their"
        print(f"Deleted {count(deleted, 'session')} and {their} recordings. The history is empty.")
        return 0

    return _with_store(run, writes=True)
