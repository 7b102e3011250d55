"""`hotseat report`, `export`, `history`, `purge` and `history delete`, as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hotseat import paths
from hotseat.cli import main
from hotseat.store import Recorder, Store
from tests.store.sample import question, turn, wav

HOSTILE = 'I said <script>alert("x")</script> & left'


def _history() -> tuple[int, int]:
    """Two sessions; the second has a recording and a transcript with HTML in it."""
    with Store() as store:
        first = store.begin_session(mode="mock", persona="recruiter", started_at=1_700_000_000)
        store.save_answer(first, turn(question("q-story"), "we shipped it late", 48))
        store.save_answer(first, turn(question("q-other"), skipped=True))
        store.end_session(first)
    recorder = Recorder()
    second = recorder.begin_session(mode="rapid-fire", company="Acme & Co")
    audio = wav(recorder.recording_path(second) or Path("x"))
    recorder.save_answer(second, turn(question("q-story"), "I shipped it in 3 days", 81), audio)
    recorder.save_answer(second, turn(question("q-html"), HOSTILE, 55))
    recorder.end_session(second)
    recorder.close()
    return first, second


def test_markdown_report_has_questions_transcripts_scores_findings_and_tips(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, second = _history()
    assert main(["report", str(second)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"# Session {second}, ")
    assert "Tell me about a time you made a difference (q-story)." in out
    assert "> I shipped it in 3 days" in out
    assert "**Score:** 81/100" in out
    assert "- The story stops before the result." in out
    assert "\u201cand then we shipped it\u201d (at 0:04)" in out
    assert "Try: End with what changed, in numbers." in out
    assert "Say the number: 'cut costs by 12%'." in out
    assert "**Company:** Acme & Co" in out
    assert "answer-01.wav" in out


def test_json_report_is_one_object_with_every_answer(capsys: pytest.CaptureFixture[str]) -> None:
    first, _ = _history()
    assert main(["report", str(first), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["session"]["mode"] == "mock"
    assert data["session"]["status"] == "finished"
    answers = data["answers"]
    assert [a["question_id"] for a in answers] == ["q-story", "q-other"]
    assert answers[0]["transcript"]["text"] == "we shipped it late"
    assert answers[0]["feedback"]["findings"][0]["evidence"][0]["text"] == "and then we shipped it"
    assert answers[1]["skipped"] is True


def test_report_last_skips_sessions_with_no_answers(capsys: pytest.CaptureFixture[str]) -> None:
    _, second = _history()
    with Store() as store:
        left_at_once = store.begin_session(mode="mock")  # newer, nothing answered
        store.save_answer(left_at_once, turn(question("q-other"), skipped=True))
        store.end_session(left_at_once)
        store.begin_session(mode="focus")  # newer still, nothing at all
    assert main(["report", "last"]) == 0
    assert capsys.readouterr().out.startswith(f"# Session {second}, ")
    assert main(["report", str(left_at_once)]) == 0  # asked for by id, it is shown


def test_report_last_with_no_answer_anywhere_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    with Store() as store:
        store.begin_session(mode="mock")
    assert main(["report", "last"]) == 2
    assert capsys.readouterr().err == "hotseat: no session in the history has an answer yet\n"


def test_html_report_is_escaped_and_self_contained(tmp_path: Path) -> None:
    _, second = _history()
    target = tmp_path / "report.html"
    assert main(["report", "last", "--format", "html", "-o", str(target)]) == 0
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert "<script" not in page  # the transcript's tag is shown, never run
    assert "I said &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; left" in page
    assert "Acme &amp; Co" in page
    assert "src=" not in page and "http" not in page  # nothing fetched from elsewhere
    assert "The story stops before the result." in page
    assert f"Session {second}," in page


def test_unknown_session_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    _history()
    assert main(["report", "999"]) == 2
    assert "no session 999" in capsys.readouterr().err
    assert main(["report", "abc"]) == 2
    assert main(["history", "delete", "999", "--yes"]) == 2


def test_export_writes_markdown_and_wav_with_stable_names(tmp_path: Path) -> None:
    first, second = _history()
    out = tmp_path / "export"
    assert main(["export", str(out)]) == 0
    files = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    day = [f for f in files if f.startswith("sessions/")]
    assert len(day) == 2 and day[0].endswith(f"_s{first:04d}.md")
    [recording] = [f for f in files if f.endswith(".wav")]
    assert recording.startswith("recordings/") and recording.endswith("answer-01.wav")
    with Store() as store:
        source = store.load_session(second).answers[0].audio_path
    assert source is not None and (out / recording).read_bytes() == source.read_bytes()
    story = (out / "questions" / "q-story.md").read_text(encoding="utf-8")
    # every attempt at one question, oldest first: a story's progress in one file
    assert story.index("we shipped it late") < story.index("I shipped it in 3 days")
    session_md = (out / day[1]).read_text(encoding="utf-8")
    assert f"(<../{recording}>)" in session_md  # the report links the copied recording
    assert "q-story.md" in (out / "README.md").read_text(encoding="utf-8")

    before = {f: (out / f).read_bytes() for f in files}
    assert main(["export", str(out)]) == 0  # again: the very same bytes
    assert {f: (out / f).read_bytes() for f in files} == before


def test_history_lists_sessions_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    first, second = _history()
    assert main(["history"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["ID", "Started", "Mode", "Status", "Answers", "Score"]
    assert lines[1].split()[0] == str(second) and "rapid-fire" in lines[1]
    assert lines[2].split()[0] == str(first) and "1/2" in lines[2] and "48" in lines[2]
    assert all(len(line) <= 80 for line in lines)
    assert main(["history", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [s["id"] for s in data] == [second, first]
    assert data[1]["average_score"] == 48.0 and data[1]["status"] == "finished"


def test_history_shows_the_longest_mode_name_whole(capsys: pytest.CaptureFixture[str]) -> None:
    with Store() as store:
        ladder = store.begin_session(mode="pressure-ladder", persona="recruiter")
        store.save_answer(ladder, turn(question("q-story"), "we shipped it late", 48))
    assert main(["history"]) == 0
    row = capsys.readouterr().out.splitlines()[1]
    assert row.split()[3] == "pressure-ladder" and len(row) <= 80


def test_delete_and_purge_need_confirmation_without_a_terminal(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = _history()
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    assert main(["history", "delete", str(first)]) == 2
    assert main(["purge"]) == 2
    assert "add --yes" in capsys.readouterr().err
    with Store() as store:
        assert len(store.list_sessions()) == 2  # nothing was deleted

    assert main(["history", "delete", str(first), "--yes"]) == 0
    with Store() as store:
        assert [s.id for s in store.list_sessions()] == [second]
    assert main(["purge", "--yes"]) == 0
    assert "Deleted 1 session and its recordings." in capsys.readouterr().out
    with Store() as store:
        assert store.list_sessions() == []
    assert not list(paths.recordings_dir().rglob("*.wav"))


def test_purge_asks_on_a_terminal_and_keeps_everything_on_no(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _history()
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", lambda prompt: "n")
    assert main(["purge"]) == 1
    assert "Nothing deleted." in capsys.readouterr().out
    damaged = paths.database_file().with_name("history.sqlite3.damaged-20250101-000000")
    damaged.write_bytes(b"an old damaged copy, still the user's words")
    unsaved = paths.cache_dir() / "unsaved" / "20250101-000000-1.json"
    unsaved.parent.mkdir(parents=True)
    unsaved.write_text("{}")
    asked: list[str] = []

    def say_yes(prompt: str) -> str:
        asked.append(prompt)
        return "yes"

    monkeypatch.setattr("builtins.input", say_yes)
    assert main(["purge"]) == 0
    assert "and 2 damaged or unsaved copies" in asked[0]
    with Store() as store:
        assert store.list_sessions() == []
    assert not damaged.exists() and not unsaved.exists()


def test_an_unfinished_session_is_flagged_and_can_be_closed(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with Store() as store:
        sid = store.begin_session(mode="mock")
        store.save_answer(sid, turn(text="half way"))
    # the app went away without ending it
    assert main(["history"]) == 0
    out = capsys.readouterr().out
    assert "interrupted" in out and "hotseat history close ID" in out
    assert main(["history", "close", str(sid)]) == 0
    assert main(["history", "--json"]) == 0
    [info] = json.loads(capsys.readouterr().out.split("\n", 1)[1])
    assert info["status"] == "closed" and info["answered"] == 1
