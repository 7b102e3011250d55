"""Small pack files written by the tests, and a way to find a line in them."""

from __future__ import annotations

from pathlib import Path

GOOD_QUESTION = """
[[questions]]
id = "{id}"
text = "Tell me about a time you {what}."
category = "impact"
competencies = ["impact"]
kind = "behavioral"
prep_seconds = 20
answer_seconds = [60, 120]
look_for = ["A number", "Your own part"]
follow_ups = ["What happened next?"]
tips = ["Say the result first."]
"""


def good_pack(pack_id: str, *question_ids: str) -> str:
    head = f'[pack]\nid = "{pack_id}"\nname = "Pack {pack_id}"\ndescription = "Test pack."\n'
    return head + "".join(GOOD_QUESTION.format(id=q, what="won") for q in question_ids)


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def line_of(path: Path, snippet: str) -> int:
    """The 1-based line of the only line containing ``snippet``."""
    hits = [n for n, line in enumerate(path.read_text().splitlines(), 1) if snippet in line]
    assert len(hits) == 1, f"{snippet!r} found on lines {hits}"
    return hits[0]
