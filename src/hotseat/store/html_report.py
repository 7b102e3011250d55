"""The report as one self-contained HTML page: inline style, no scripts, no links out.

Every piece of text from the history goes through ``html.escape``: a
transcript saying ``<script>`` shows those characters, never runs them.
"""

from __future__ import annotations

from html import escape

from hotseat.session.caveats import caveat, said_text
from hotseat.store.records import SessionRecord
from hotseat.store.report_parts import (
    answer_facts,
    evidence_text,
    finding_groups,
    session_facts,
    session_title,
)

_STYLE = """
body { font: 16px/1.5 system-ui, sans-serif; max-width: 46rem; margin: 2rem auto;
       padding: 0 1rem; color: #1d1d1f; background: #fff; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.25rem; margin-top: 2.2rem;
       border-top: 1px solid #ddd; padding-top: 1rem; } h3 { font-size: 1rem; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; }
dt { font-weight: 600; } dd { margin: 0; }
blockquote { margin: .5rem 0; padding: .5rem 1rem; background: #f4f4f6;
       border-left: 4px solid #8a8fa3; white-space: pre-wrap; }
.evidence { color: #444; } .tip { color: #0b5e2e; }
@media (prefers-color-scheme: dark) {
  body { color: #e8e8ea; background: #18181b; }
  blockquote { background: #26262b; } .evidence { color: #bbb; } .tip { color: #7fd6a0; }
}
"""


def _facts(facts: list[tuple[str, str]]) -> list[str]:
    rows = [f"<dt>{escape(name)}</dt><dd>{escape(value)}</dd>" for name, value in facts]
    return ["<dl>", *rows, "</dl>"]


def render_html(record: SessionRecord) -> str:
    title = escape(session_title(record.info))
    out = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        '<head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>hotseat: {title}</title>",
        f"<style>{_STYLE}</style></head>",
        "<body>",
        f"<h1>{title}</h1>",
        *_facts(session_facts(record.info)),
    ]
    for number, answer in enumerate(record.answers, 1):
        out.append(f"<h2>{number}. {escape(answer.question_text)}</h2>")
        facts = answer_facts(answer)
        if answer.audio_path:
            facts.append(("Recording", str(answer.audio_path)))
        out += _facts(facts)
        if answer.skipped:
            continue
        text = said_text(answer.transcript.text, answer.transcript.notes)
        out += ["<h3>What you said</h3>", f"<blockquote>{escape(text)}</blockquote>"]
        found = caveat(answer.transcript.notes)
        if found is not None:
            out.append(f"<p><strong>Note:</strong> {escape(found.headline)}</p><ul>")
            out += [f"<li>{escape(note)}</li>" for note in found.notes]
            out.append("</ul>")
        for heading, findings in finding_groups(answer):
            out += [f"<h3>{escape(heading)}</h3>", "<ul>"]
            for finding in findings:
                item = [escape(finding.message)]
                item += [
                    f'<br><span class="evidence">{escape(q)}</span>' for q in evidence_text(finding)
                ]
                if finding.tip:
                    item.append(f'<br><span class="tip">Try: {escape(finding.tip)}</span>')
                out.append(f"<li>{''.join(item)}</li>")
            out.append("</ul>")
        if answer.feedback and answer.feedback.tips:
            out += ["<h3>Tips</h3>", "<ul>"]
            out += [f"<li>{escape(tip)}</li>" for tip in answer.feedback.tips]
            out.append("</ul>")
        if answer.feedback and answer.feedback.explanation:
            out += ["<h3>How the score was reached</h3>", "<ul>"]
            out += [f"<li>{escape(line)}</li>" for line in answer.feedback.explanation]
            out.append("</ul>")
    out += ["</body>", "</html>"]
    return "\n".join(out) + "\n"
