"""``hotseat analyze`` as a user runs it: human report, JSON, and one-line usage errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from hotseat import paths
from hotseat.cli import main
from tests.feedback.labelled import load_pairs

PACK = """\
[pack]
id = "feedback-tests"
name = "Feedback tests"
description = "A question the feedback tests ask."

[[questions]]
id = "fbt-conflict"
text = "Tell me about a time you disagreed with a colleague at {company}."
category = "collaboration"
competencies = ["collaboration", "composure"]
kind = "behavioral"
prep_seconds = 15
answer_seconds = [60, 120]
look_for = ["Stays respectful about the colleague", "How they reached agreement", "The result"]
"""


@pytest.fixture
def pack() -> Path:
    folder = paths.user_questions_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "feedback-tests.toml"
    path.write_text(PACK, encoding="utf-8")
    return path


def pair(main_flaw: str, question: str = "disagree-colleague"):  # type: ignore[no-untyped-def]
    return next(p for p in load_pairs() if p.question.id == question and p.main == main_flaw)


def test_json_output_has_the_documented_schema(
    pack: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    answer = tmp_path / "answer.txt"
    answer.write_text(pair("negativity").weak, encoding="utf-8")
    code = main(["analyze", "--question", "fbt-conflict", "--text-file", str(answer), "--json"])
    assert code == 0
    data = json.loads(capsys.readouterr().out)
    assert {"score", "subscores", "metrics", "findings", "tips", "explanation"} <= set(data)
    assert 0 <= data["score"] <= 100
    assert set(data["subscores"]) == {"content", "structure", "delivery", "relevance"}
    assert data["metrics"]["word_count"] > 50
    assert "found" in data["metrics"]["fillers"] and "found" in data["metrics"]["hedges"]
    blame = next(f for f in data["findings"] if f["id"] == "negativity")
    assert {"id", "severity", "message", "evidence", "tip", "area"} <= set(blame)
    assert blame["severity"] == "major" and blame["tip"]
    assert {"text", "start", "end"} == set(blame["evidence"][0])
    assert "incompetent" in " ".join(e["text"] for e in blame["evidence"])
    assert data["tips"][0] == blame["tip"]


def test_human_report_shows_score_strengths_improvements_and_explanation(
    pack: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    strong = pair("negativity").strong
    code = main(["analyze", "--question", "fbt-conflict", "--company", "Acme", "--text", strong])
    out = capsys.readouterr().out
    assert code == 0
    assert "Question: Tell me about a time you disagreed with a colleague at Acme." in out
    assert "Score " in out and "/100" in out and "content " in out
    assert "Strengths" in out and "How the score was reached" in out
    assert all(len(line) <= 80 for line in out.splitlines())


def test_free_text_question_and_company_notes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    why = pair("not-tailored", "why-company")
    notes = tmp_path / "notes.txt"
    notes.write_text(why.context.notes, encoding="utf-8")
    args = ["analyze", "--question-text", why.question.text, "--company", why.context.company]
    main([*args, "--company-notes", str(notes), "--text", why.strong, "--json"])
    strong = json.loads(capsys.readouterr().out)
    main([*args, "--company-notes", str(notes), "--text", why.weak, "--json"])
    weak = json.loads(capsys.readouterr().out)
    assert strong["metrics"]["kind"] == "why-company"  # the intent (issue 10)
    assert "tailored" in {f["id"] for f in strong["findings"]}
    assert "not-tailored" in {f["id"] for f in weak["findings"]}
    assert strong["score"] > weak["score"]


def test_empty_answer_is_nothing_to_assess(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", "--question-text", "Why us?", "--text", "", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["assessable"] is False and data["score"] == 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--question", "no-such-id", "--text", "hi"], "unknown question id: no-such-id"),
        (["--question-text", "Why us?", "--text-file", "/nonexistent/a.txt"], "cannot read"),
        (["--question-text", "Why us?", "--audio", "/nonexistent/a.wav"], "no such file"),
        (["--question-text", "Why us?", "--text", "x", "--company-notes", "/nope"], "cannot read"),
        (["--question-text", "  ", "--text", "x"], "--question-text is empty"),
    ],
)
def test_wrong_usage_is_one_line_and_exit_2(
    args: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["analyze", *args]) == 2
    err = capsys.readouterr().err
    assert err.startswith("hotseat: ") and message in err and err.count("\n") == 1


def test_a_damaged_recording_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    wav = tmp_path / "a.wav"
    wav.write_bytes(b"RIFF0000WAVE")  # a header and nothing else
    assert main(["analyze", "--question-text", "Why us?", "--audio", str(wav)]) == 2
    err = capsys.readouterr().err
    assert str(wav) in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_installed_console_script(tmp_path: Path) -> None:
    script = Path(sys.executable).with_name("hotseat")
    env = {**os.environ, "COLUMNS": "80"}
    answer = pair("ramble").weak
    run = subprocess.run(
        [str(script), "analyze", "--question-text", pair("ramble").question.text, "--text", answer],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert "rambling" in run.stdout.lower() or "never reaches a result" in run.stdout


def test_audio_is_transcribed_then_analysed_with_its_timings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The wiring only: hotseat.asr's own tests check recognition itself."""
    import hotseat.asr
    from tests.feedback.labelled import spoken

    wav = tmp_path / "answer.wav"
    wav.write_bytes(b"RIFF0000WAVE")
    heard = spoken(pair("negativity").strong, engine="sphinx")
    seen: list[Path] = []

    def fake_transcribe(path: Path, engine: str | None = None, model: str | None = None):  # type: ignore[no-untyped-def]
        seen.append(path)
        return heard

    monkeypatch.setattr(hotseat.asr, "transcribe_file", fake_transcribe, raising=False)
    args = ["analyze", "--question-text", "Tell me about a time you disagreed with a colleague."]
    assert main([*args, "--audio", str(wav), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert seen == [wav]
    assert data["transcript"]["engine"] == "sphinx"
    assert data["metrics"]["timed"] is True and data["metrics"]["wpm"] > 0
    assert "recognizer-fillers" in {f["id"] for f in data["findings"]}
    assert main([*args, "--audio", str(wav)]) == 0
    assert "Heard (sphinx): in my previous role" in capsys.readouterr().out
