"""``hotseat export DIR``: the whole history as plain files a person can diff.

Layout (names depend only on the history, never on when you export)::

    DIR/README.md                          an index of sessions and questions
    DIR/sessions/2025-03-04_s0007.md       one report per session
    DIR/recordings/2025-03-04_s0007/answer-01.wav
    DIR/questions/tell-me-about-yourself.md  every answer to one question, oldest first

Exporting again rewrites the same files with the same bytes, so keeping DIR
under version control shows exactly how a story changed between attempts.
Files of ours that a later export no longer needs (a deleted session) are left
alone: export never deletes anything in DIR.
"""

from __future__ import annotations

import re
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

from hotseat.session.caveats import said_text
from hotseat.store.records import AnswerRecord, SessionInfo
from hotseat.store.report import render_markdown
from hotseat.store.report_parts import clock, when
from hotseat.store.store import Store
from hotseat.wording import count


@dataclass
class ExportResult:
    sessions: int = 0
    written: list[Path] = field(default_factory=list)
    missing_audio: list[Path] = field(default_factory=list)  # recordings no longer on disk


def session_stem(info: SessionInfo) -> str:
    day = time.strftime("%Y-%m-%d", time.localtime(info.started_at))
    return f"{day}_s{info.id:04d}"


def _safe_name(text: str) -> str:
    cleaned = re.sub(r"[^A-Za-z0-9._-]+", "-", text).strip("-.")
    return cleaned[:80] or "question"


def _write(path: Path, text: str, result: ExportResult) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.is_file() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
    result.written.append(path)


def _copy_audio(source: Path, target: Path, result: ExportResult) -> bool:
    if not source.is_file():
        result.missing_audio.append(source)
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    if not target.is_file() or target.read_bytes() != source.read_bytes():
        shutil.copyfile(source, target)
    result.written.append(target)
    return True


def _question_file(question_id: str, answers: list[tuple[SessionInfo, AnswerRecord]]) -> str:
    first = answers[-1][1]  # the latest wording of the question
    lines = [f"# {first.question_text}", "", f"Question id: `{question_id}`", ""]
    for info, answer in answers:
        score = "not assessed" if answer.score is None else f"{answer.score}/100"
        lines += [
            f"## {when(answer.saved_at)}, session {info.id}: {score}",
            "",
            f"Length {clock(answer.transcript.duration)}",
            "",
        ]
        text = said_text(answer.transcript.text, answer.transcript.notes)
        lines += [*text.splitlines(), ""]
    return "\n".join(lines)


def export_history(store: Store, folder: Path) -> ExportResult:
    """Write every session, its recordings and a per-question file into ``folder``."""
    result = ExportResult()
    sessions = sorted(store.list_sessions(), key=lambda s: (s.started_at, s.id))
    by_question: dict[str, list[tuple[SessionInfo, AnswerRecord]]] = {}
    index = ["# hotseat history", "", "## Sessions", ""]
    for info in sessions:
        record = store.load_session(info.id)
        stem = session_stem(info)
        links: dict[int, str] = {}
        for answer in record.answers:
            if answer.audio_path is not None:
                name = f"answer-{answer.position + 1:02d}.wav"
                if _copy_audio(answer.audio_path, folder / "recordings" / stem / name, result):
                    links[answer.position] = f"../recordings/{stem}/{name}"
            if not answer.skipped:
                by_question.setdefault(answer.question_id, []).append((info, answer))
        text = render_markdown(record, audio_links=links)
        _write(folder / "sessions" / f"{stem}.md", text, result)
        result.sessions += 1
        average = "-" if info.average_score is None else f"{info.average_score:.0f}"
        index.append(
            f"- [{when(info.started_at)}](sessions/{stem}.md): {info.mode or 'practice'}, "
            f"{info.answered} answered, average {average}"
        )
    index += ["", "## Questions", ""]
    for question_id in sorted(by_question):
        answers = sorted(by_question[question_id], key=lambda pair: (pair[1].saved_at, pair[1].id))
        name = f"{_safe_name(question_id)}.md"
        _write(folder / "questions" / name, _question_file(question_id, answers), result)
        index.append(
            f"- [{answers[-1][1].question_text}](questions/{name}): {count(len(answers), 'answer')}"
        )
    _write(folder / "README.md", "\n".join(index) + "\n", result)
    return result
