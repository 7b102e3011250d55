"""A user's own packs load next to the built-in ones; a broken one never stops the app."""

from __future__ import annotations

from pathlib import Path

from hotseat import paths
from hotseat.questions import load_bank
from tests.questions.helpers import good_pack, line_of, write


def _user_dir() -> Path:
    return paths.user_questions_dir()  # inside the test's own HOTSEAT_CONFIG_DIR


def test_good_user_packs_load_beside_the_builtin_ones() -> None:
    write(_user_dir(), "mine.toml", good_pack("mine", "my-launch-story"))
    bank = load_bank()
    assert bank.skipped == []
    mine = bank.pack("mine")
    assert mine is not None and not mine.builtin
    assert bank.get("my-launch-story") is not None
    assert bank.get("tell-me-about-yourself") is not None
    assert "impact" in bank.categories()


def test_each_kind_of_broken_pack_is_skipped_with_its_reason() -> None:
    folder = _user_dir()
    write(folder, "good.toml", good_pack("good", "good-story"))
    broken = good_pack("syntax", "s-q").replace('kind = "behavioral"', 'kind = "behavioral')
    syntax = write(folder, "syntax.toml", broken)
    types = write(
        folder,
        "types.toml",
        good_pack("types", "t-q").replace("prep_seconds = 20", "prep_seconds = []"),
    )
    unknown = write(
        folder, "comp.toml", good_pack("comp", "c-q").replace('["impact"]', '["impact", "magic"]')
    )
    clash = write(folder, "clash.toml", good_pack("clash", "own-q", "why-this-company"))
    same_pack = write(folder, "zz-core.toml", good_pack("core", "z-q"))
    write(folder, "notes.txt", "not a pack, ignored")

    bank = load_bank()
    reasons = {(Path(p.file).name, p.line): p.message for p in bank.skipped}
    assert "not valid TOML" in reasons[("syntax.toml", line_of(syntax, 'kind = "behavioral'))]
    assert "prep_seconds" in reasons[("types.toml", line_of(types, "prep_seconds = []"))]
    magic = reasons[("comp.toml", line_of(unknown, '"magic"'))]
    assert "question c-q competencies: 'magic' is not a known competency" in magic
    assert (
        "'why-this-company' is already used by pack 'core'"
        in (reasons[("clash.toml", line_of(clash, '"why-this-company"'))])
    )
    assert "pack id 'core' is already used by core.toml" in reasons[("zz-core.toml", 1)]
    assert {f for f, _ in reasons} == {
        "syntax.toml", "types.toml", "comp.toml", "clash.toml", "zz-core.toml"
    }  # fmt: skip
    # The good user pack and every built-in pack still load; nothing of a broken one does.
    assert [p.id for p in bank.packs if not p.builtin] == ["good"]
    assert bank.get("own-q") is None and bank.get("good-story") is not None
    assert len(bank.role_packs()) >= 4
    assert str(same_pack) in {p.file for p in bank.skipped}


def test_an_unreadable_pack_is_skipped_not_fatal() -> None:
    path = _user_dir() / "binary.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"\xff\xfe\x00garbage")
    bank = load_bank()
    assert [Path(p.file).name for p in bank.skipped] == ["binary.toml"]
    assert "cannot read the file" in bank.skipped[0].message
    assert bank.get("tell-me-about-yourself") is not None


def test_a_missing_user_folder_is_simply_empty() -> None:
    assert not _user_dir().exists()
    bank = load_bank()
    assert bank.skipped == [] and all(p.builtin for p in bank.packs)


def test_category_drills_can_leave_role_packs_out() -> None:
    bank = load_bank()
    with_roles = bank.filter(category="impact")
    general = bank.filter(category="impact", roles=False)
    assert {q.pack for q in general} == {"core"}
    assert len(with_roles) > len(general)
