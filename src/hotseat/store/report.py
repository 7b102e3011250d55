"""A session as a readable report: Markdown, JSON or a self-contained HTML page.

The same content in each: the questions, what was said, scores, findings with
the quoted evidence, and tips.
"""

from __future__ import annotations

import json
from collections.abc import Mapping

from hotseat.session.caveats import caveat, said_text
from hotseat.store.html_report import render_html
from hotseat.store.records import SessionRecord
from hotseat.store.report_parts import (
    answer_facts,
    evidence_text,
    finding_groups,
    session_facts,
    session_title,
)

FORMATS = ("md", "json", "html")


def render_markdown(record: SessionRecord, audio_links: Mapping[int, str] | None = None) -> str:
    """The report in Markdown; ``audio_links`` maps answer positions to recording links."""
    lines = [f"# {session_title(record.info)}", ""]
    lines += [f"- **{name}:** {value}" for name, value in session_facts(record.info)]
    for number, answer in enumerate(record.answers, 1):
        lines += ["", f"## {number}. {answer.question_text}", ""]
        lines += [f"- **{name}:** {value}" for name, value in answer_facts(answer)]
        if audio_links is not None:
            link = audio_links.get(answer.position, "")
        else:
            link = str(answer.audio_path or "")
        if link:
            lines.append(f"- **Recording:** [{link.rsplit('/', 1)[-1]}](<{link}>)")
        if answer.skipped:
            continue
        lines += ["", "### What you said", ""]
        text = said_text(answer.transcript.text, answer.transcript.notes)
        lines += [f"> {line}" if line else ">" for line in text.splitlines()]
        found = caveat(answer.transcript.notes)
        if found is not None:  # the score stands on this transcript: say how far it can
            lines += ["", f"**Note:** {found.headline}", ""]
            lines += [f"- {note}" for note in found.notes]
        for title, findings in finding_groups(answer):
            lines += ["", f"### {title}", ""]
            for finding in findings:
                lines.append(f"- {finding.message}")
                lines += [f"  - {quote}" for quote in evidence_text(finding)]
                if finding.tip:
                    lines.append(f"  - Try: {finding.tip}")
        if answer.feedback and answer.feedback.tips:
            lines += ["", "### Tips", ""] + [f"- {tip}" for tip in answer.feedback.tips]
        if answer.feedback and answer.feedback.explanation:
            lines += ["", "### How the score was reached", ""]
            lines += [f"- {line}" for line in answer.feedback.explanation]
    return "\n".join(lines) + "\n"


def render_json(record: SessionRecord) -> str:
    return json.dumps(record.to_dict(), indent=2, ensure_ascii=False) + "\n"


def render(record: SessionRecord, fmt: str) -> str:
    if fmt == "md":
        return render_markdown(record)
    if fmt == "json":
        return render_json(record)
    if fmt == "html":
        return render_html(record)
    raise ValueError(f"unknown report format {fmt!r} (choose from {', '.join(FORMATS)})")
