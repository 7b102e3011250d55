"""The user's settings.toml: never wiped, never polluted by the environment, comments kept."""

from __future__ import annotations

import dataclasses
import stat
from pathlib import Path

import pytest

from hotseat import paths
from hotseat.settings import load_settings
from hotseat.settings_writer import SettingsNotSaved

USER_FILE = """\
# chosen with care
save_recordings = false  # never record me
muted = false

# where I apply next
last_company = "Acme"
"""


def _file() -> Path:
    path = paths.settings_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def test_a_change_keeps_comments_order_and_other_values_and_a_backup() -> None:
    path = _file()
    path.write_text(USER_FILE, encoding="utf-8")
    settings = load_settings()
    dataclasses.replace(settings, muted=True).save()
    text = path.read_text(encoding="utf-8")
    assert text == USER_FILE.replace("muted = false", "muted = true")
    assert (path.with_name("settings.toml.bak")).read_text(encoding="utf-8") == USER_FILE
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert load_settings().save_recordings is False


def test_a_file_that_does_not_parse_is_kept_named_and_never_saved_over() -> None:
    path = _file()
    broken = "save_recordings = false\nmuted = tru\n"
    path.write_text(broken, encoding="utf-8")
    settings = load_settings()
    # The broken line falls back to its default; the user's other choices stand.
    assert settings.muted is False and settings.save_recordings is False
    assert len(settings.problems) == 1
    assert "line 2" in settings.problems[0] and "will not save" in settings.problems[0]
    with pytest.raises(SettingsNotSaved, match="line 2"):
        dataclasses.replace(settings, muted=True, last_company="Initech").save()
    assert path.read_text(encoding="utf-8") == broken
    assert not path.with_name("settings.toml.bak").exists()


def test_a_broken_line_keeps_the_tables_below_it() -> None:
    path = _file()
    path.write_text('persona = "recruiter\n[keys]\nhome.history = "f9"\nhome.start = 5\n')
    settings = load_settings()
    assert settings.keys == {"home.history": "f9"}  # still the [keys] table, not settings
    assert settings.problems[1:] == [
        f"{path}:4: [keys] home.start: must be keys in quotes "
        '(such as "ctrl+p" or "f6,ctrl+p"); kept the default'
    ]


def test_once_the_user_fixes_the_line_saving_works_again() -> None:
    path = _file()
    path.write_text("muted = tru\n", encoding="utf-8")
    settings = load_settings()
    path.write_text("muted = true\n# fixed\n", encoding="utf-8")
    dataclasses.replace(settings, last_company="Initech").save()
    assert path.read_text(encoding="utf-8") == 'muted = true\n# fixed\nlast_company = "Initech"\n'


def test_environment_overrides_are_used_but_never_written() -> None:
    path = _file()
    path.write_text("muted = false\n", encoding="utf-8")
    settings = load_settings(environ={"HOTSEAT_MUTED": "1", "HOTSEAT_ENGINE": "typed"})
    assert settings.muted is True and settings.engine == "typed"
    dataclasses.replace(settings, last_company="Initech").save()
    again = load_settings(environ={})
    assert again.muted is False and again.engine == "auto" and again.last_company == "Initech"


def test_a_value_changed_in_the_app_is_written_even_when_the_environment_set_it() -> None:
    path = _file()
    path.write_text("muted = true\n", encoding="utf-8")
    settings = load_settings(environ={"HOTSEAT_MUTED": "0"})
    first = dataclasses.replace(settings, muted=True)
    first.save()
    assert load_settings(environ={}).muted is True
    second = dataclasses.replace(first, muted=False)
    second.save()
    third = dataclasses.replace(second, muted=True)  # toggled back: written again
    third.save()
    assert load_settings(environ={}).muted is True


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("silence_end_seconds = nan\n", ":1: silence_end_seconds: must be a finite number"),
        ("silence_end_seconds = inf\n", ":1: silence_end_seconds: must be a finite number"),
        ("drill_silence_end_seconds = -4\n", ":1: drill_silence_end_seconds: must be zero or"),
        ("x = " + "[" * 500 + "]" * 500 + "\n", ", line 1: nested"),
    ],
)
def test_bad_numbers_and_deep_nesting_are_one_line_each(text: str, says: str) -> None:
    _file().write_text(text, encoding="utf-8")
    settings = load_settings()
    assert len(settings.problems) == 1
    assert settings.problems[0].startswith(f"{_file()}{says}")  # file, line, field
    assert settings.silence_end_seconds == 0.0 and settings.drill_silence_end_seconds == 4.0


def test_doctor_names_the_broken_line() -> None:
    from hotseat.doctor import settings_checks

    assert [c.status for c in settings_checks()] == ["ok"]
    _file().write_text("muted = false\nengine = \n", encoding="utf-8")
    [check] = settings_checks()
    assert check.status == "warn" and "line 2" in check.detail
