"""The rubric and lexicons are data: editable, validated with errors naming file, key
and line, and every point of a score is explained by them."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from hotseat import paths, resources
from hotseat.feedback import analyze
from hotseat.feedback.findings import FINDING_IDS
from hotseat.feedback.lexicon import LexiconError, load_lexicons
from hotseat.feedback.rubric import RubricError, load_rubric
from hotseat.transcript import Transcript
from tests.feedback.labelled import load_pairs

RUBRIC = resources.asset("rubric.toml")


def test_every_finding_has_points_a_label_and_a_tip() -> None:
    rubric = load_rubric()
    assert set(rubric.findings) == FINDING_IDS
    assert sum(rubric.maxima.values()) == 100
    low, high = rubric.pace_band
    assert (low, high) == (120, 160)
    assert "120-160" in RUBRIC.read_text(encoding="utf-8")  # the band is explained there


def test_explanation_adds_up_to_each_subscore() -> None:
    for pair in load_pairs():
        for text in (pair.strong, pair.weak):
            feedback = analyze(pair.question, Transcript.typed(text), pair.context)
            assert feedback.score == sum(feedback.subscores.values())
            for line in feedback.explanation:
                area, got, top = re.match(r"(\w+) (\d+)/(\d+): ", line).groups()  # type: ignore[union-attr]
                start = float(re.search(r"starts at ([\d.]+)", line).group(1))  # type: ignore[union-attr]
                # a red flag's cut comes last, after the area was kept within its range
                line, _, flagged = line.partition("red flag")
                moves = [float(x) for x in re.findall(r"\(([+-][\d.]+)", line)]
                cut = sum(float(x) for x in re.findall(r"\((-[\d.]+)\)", flagged))
                expected = min(float(top), max(0.0, start + sum(moves)))
                assert int(got) == round(expected) + cut, line
                assert feedback.subscores[area] == int(got)
                assert ("kept within" in line) == (start + sum(moves) != expected), line


def test_a_user_rubric_changes_one_weight(tmp_path: Path) -> None:
    pair = next(p for p in load_pairs() if p.main == "negativity")
    before = analyze(pair.question, Transcript.typed(pair.weak), pair.context)
    user = paths.config_dir() / "rubric.toml"
    user.write_text("[findings.negativity]\npoints = -2\n", encoding="utf-8")
    rubric = load_rubric(user_path=user)
    after = analyze(pair.question, Transcript.typed(pair.weak), pair.context, rubric=rubric)
    assert after.subscores["content"] > before.subscores["content"]
    assert any("blame or negativity (-2)" in line for line in after.explanation)


def test_default_rubric_reads_the_config_folder() -> None:
    from hotseat.feedback.rubric import default_rubric

    (paths.config_dir() / "rubric.toml").write_text("[delivery]\ntyped_wpm = 100\n")
    assert default_rubric().n("delivery.typed_wpm") == 100


@pytest.mark.parametrize(
    ("user_text", "key", "line"),
    [
        ("[findings.negativity]\npoints = 'lots'\n", "findings.negativity.points", 2),
        ("[findings.made-up]\narea = 'content'\n", "findings.made-up", 1),
        ("[areas.content]\nmax = 50\n", "areas", 1),
        ("\n[kinds.behavioral]\nchecks = ['star', 'magic']\n", "kinds.behavioral.checks", 3),
        ("[delivery]\npace_band = [160, 120]\n", "delivery.pace_band", 2),
        ("[kinds.questions-for-us]\ntips = { made-up = 'x' }\n", "kinds.questions-for-us.tips", 2),
    ],
)
def test_a_broken_user_rubric_names_file_key_and_line(user_text: str, key: str, line: int) -> None:
    user = paths.config_dir() / "rubric.toml"
    user.write_text(user_text, encoding="utf-8")
    with pytest.raises(RubricError) as caught:
        load_rubric(user_path=user)
    message = str(caught.value)
    assert f"'{key}'" in message
    assert message.startswith(f"{user}:{line}:")


def test_a_rubric_missing_a_finding_is_refused(tmp_path: Path) -> None:
    text = RUBRIC.read_text(encoding="utf-8")
    broken = tmp_path / "rubric.toml"
    broken.write_text(text.replace("[findings.ramble]", "[findings.ramble-gone]"))
    with pytest.raises(RubricError, match="unknown finding id"):
        load_rubric(broken)
    broken.write_text(re.sub(r"\[findings\.ramble\][^\[]*", "", text))
    with pytest.raises(RubricError, match=r"missing \[findings\.ramble\]"):
        load_rubric(broken)


def _copy_lexicons(tmp_path: Path) -> Path:
    folder = tmp_path / "lexicons"
    shutil.copytree(resources.asset("lexicons"), folder)
    return folder


@pytest.mark.parametrize(
    ("file", "append", "needle"),
    [
        ("fillers.toml", "\nextra = ['x']\n", "'extra': unknown key"),
        ("hedges.toml", "", "missing the key 'phrases'"),
        ("star.toml", "\nresult = 'as a result'\n", "not valid TOML"),
        ("language.toml", "", "missing the key 'english'"),
    ],
)
def test_broken_lexicons_name_file_and_key(
    tmp_path: Path, file: str, append: str, needle: str
) -> None:
    folder = _copy_lexicons(tmp_path)
    path = folder / file
    text = path.read_text(encoding="utf-8")
    path.write_text(text + append if append else "# emptied\n", encoding="utf-8")
    with pytest.raises(LexiconError) as caught:
        load_lexicons(folder)
    assert str(caught.value).startswith(str(path)) and needle in str(caught.value)


@pytest.mark.parametrize(
    ("bad", "needle"),
    [
        ("phrases = ['um', 3]", "is not a phrase"),
        ("phrases = ['re*duce']", "'*' may only end a word"),
        ("phrases = ['ab*']", "a wildcard needs 3+ letters"),
        ("phrases = [{ phrase = 'like', sometimes = ['x'] }]", "unknown field sometimes"),
        ("phrases = 'um'", "must be a list of phrases"),
    ],
)
def test_bad_lexicon_entries_are_explained(tmp_path: Path, bad: str, needle: str) -> None:
    folder = _copy_lexicons(tmp_path)
    (folder / "fillers.toml").write_text(f"# fillers\n\n{bad}\n", encoding="utf-8")
    with pytest.raises(LexiconError) as caught:
        load_lexicons(folder)
    assert str(caught.value).startswith(f"{folder / 'fillers.toml'}:3: 'phrases'")
    assert needle in str(caught.value)


def test_a_user_lexicon_adds_fillers(tmp_path: Path) -> None:
    user = tmp_path / "user"
    user.mkdir()
    (user / "fillers.toml").write_text("phrases = ['right so']\n", encoding="utf-8")
    lex = load_lexicons(user_dir=user)
    text = "Right so I led the launch and right so we shipped it and right so it worked well."
    with_user = analyze(None, Transcript.typed(text), question_text="q", lexicons=lex)
    plain = analyze(None, Transcript.typed(text), question_text="q", lexicons=load_lexicons())
    assert with_user.metrics["fillers"]["found"] == {"right so": 3}
    assert plain.metrics["fillers"]["count"] == 0
    assert str(user / "fillers.toml") in lex.sources


def test_a_broken_user_rubric_never_stops_feedback() -> None:
    from hotseat.feedback.doctor import checks

    (paths.config_dir() / "rubric.toml").write_text("[findings.negativity]\npoints = 'x'\n")
    lexicons = paths.config_dir() / "lexicons"
    lexicons.mkdir()
    (lexicons / "fillers.toml").write_text("phrases = 'um'\n")
    feedback = analyze(None, Transcript.typed("I led the launch and we shipped it on time."))
    note = [f.message for f in feedback.findings if f.id == "user-files-ignored"]
    assert len(note) == 2
    assert "points" in note[0] and "built-in rubric was used" in note[0]
    assert "fillers.toml" in note[1]
    warned = {c.name: c for c in checks()}
    assert warned["feedback"].status == "ok"
    assert warned["feedback rubric"].status == "warn"
    assert warned["feedback lexicons"].status == "warn"


def test_a_short_closing_answer_is_told_to_ask_more_not_to_tell_a_story() -> None:
    questions = "How does the team measure success? What is its biggest challenge this year?"
    closing = analyze(None, Transcript.typed(questions), question_text="Any questions for us?")
    story = analyze(None, Transcript.typed("I led the launch."), question_text="Tell me a time.")
    (short,) = [f for f in closing.improvements if f.id == "too-short"]
    assert short.tip.startswith("Ask two or three questions")
    (other,) = [f for f in story.improvements if f.id == "too-short"]
    assert "real example" in other.tip  # other kinds keep the rubric's own tip
