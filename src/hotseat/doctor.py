"""``hotseat doctor``: what works on this machine, and what to install if not.

Each subsystem contributes a ``checks()`` function returning ``Check`` items;
they are listed in ``PROVIDERS`` and imported lazily, so a broken subsystem
shows up as a failed check rather than a crash.
"""

from __future__ import annotations

import importlib
import os
import shutil
import sys
from collections.abc import Callable, Collection, Iterable

from hotseat.check import Check
from hotseat.wording import count

# "module:function" pairs, each returning an iterable of Check.
PROVIDERS = (
    "hotseat.doctor:core_checks",
    "hotseat.speech.doctor:checks",
    "hotseat.audio.doctor:checks",
    "hotseat.asr.doctor:checks",
    "hotseat.store.doctor:checks",
    "hotseat.feedback.doctor:checks",
)


def core_checks() -> Iterable[Check]:
    from hotseat import paths, resources
    from hotseat.questions import load_bank

    yield Check("python", "ok", sys.version.split()[0])
    term = os.environ.get("TERM", "")
    size = shutil.get_terminal_size((0, 0))
    if not term or term == "dumb":
        yield Check(
            "terminal", "warn", f"TERM={term or '(unset)'}", "run hotseat in a real terminal"
        )
    elif size.columns and (size.columns < 80 or size.lines < 24):
        yield Check(
            "terminal", "warn", f"{size.columns}x{size.lines}", "hotseat needs at least 80x24"
        )
    else:
        shown = f"{size.columns}x{size.lines}" if size.columns else "size unknown"
        yield Check("terminal", "ok", f"TERM={term}, {shown}")
    try:
        bank = load_bank()
    except (OSError, ValueError) as exc:
        yield Check("questions", "fail", str(exc), "reinstall hotseat", required=True)
    else:
        detail = f"{count(len(bank.questions), 'question')} in {count(len(bank.packs), 'pack')}"
        yield Check("questions", "ok", detail)
        for problem in bank.skipped:
            yield Check("question pack", "warn", f"skipped {problem}", "fix or remove that file")
    yield Check("assets", "ok", str(resources.assets_dir()))
    yield Check("config folder", "ok", str(paths.config_dir()))
    yield Check("data folder", "ok", str(paths.data_dir()))
    yield from settings_checks()
    yield from privacy_checks()
    yield analysis_check()


def settings_checks(key_ids: Collection[str] | None = None) -> Iterable[Check]:
    """The settings file: read as the app reads it, every problem with its line; with
    ``key_ids`` (the app's key binding ids) also ``[keys]`` entries that name none."""
    from hotseat.settings import load_settings, unknown_keys_problems

    settings = load_settings()
    problems = list(settings.problems)
    if key_ids is not None:
        problems += unknown_keys_problems(settings, key_ids)
    for problem in problems:
        yield Check("settings", "warn", problem, "fix that line in settings.toml")
    if not problems:
        yield Check("settings", "ok", str(settings.origin.path))


SAMPLE_QUESTION = "Tell me about a time you improved how your team worked."
SAMPLE_ANSWER = (
    "Last year our releases kept slipping, so I proposed a weekly planning meeting. "
    "I set it up, we agreed on priorities together, and after two months we shipped "
    "every release on time and cut overtime by a third."
)


def analysis_check() -> Check:
    """One real analysis of a sample answer, with the user's rubric and lexicons.

    The rubric loader refuses numbers that cannot score (``typed_wpm = 0``, NaN);
    anything else that breaks the arithmetic shows up here, not only when the
    user's first answer cannot be analysed.
    """
    import math

    from hotseat.transcript import Transcript

    try:
        from hotseat.feedback import analyze

        feedback = analyze(
            None, Transcript.typed(SAMPLE_ANSWER, 20.0), question_text=SAMPLE_QUESTION
        )
        score = float(feedback.score)
        if not math.isfinite(score) or not 0 <= score <= 100:
            raise ValueError(f"the score came out as {feedback.score}")
    except Exception as exc:  # any failure here is what the user would meet mid-session
        return Check(
            "analysis",
            "fail",
            f"a sample answer could not be analysed ({type(exc).__name__}: {exc})",
            "check rubric.toml and lexicons/ in your config folder",
            required=True,
        )
    return Check("analysis", "ok", f"a sample answer scored {feedback.score}")


def privacy_checks() -> Iterable[Check]:
    """Folders others could read, and files in the config folder hotseat ignores."""
    from hotseat.config_files import unknown_files
    from hotseat.privacy import exposed

    open_to_others = exposed()
    if open_to_others:
        shown = ", ".join(str(p) for p in open_to_others[:3])
        more = f" and {len(open_to_others) - 3} more" if len(open_to_others) > 3 else ""
        yield Check(
            "privacy",
            "warn",
            f"readable by other accounts: {shown}{more}",
            "start hotseat once (it makes them private) or chmod go-rwx them",
        )
    else:
        yield Check("privacy", "ok", "your folders and files are readable by you only")
    for problem in unknown_files():
        yield Check("config file", "warn", problem, "rename or remove it")


def run_checks(*, key_ids: Collection[str] | None = None) -> list[Check]:
    """Every subsystem's checks; ``key_ids``: the app's key binding ids (the TUI knows
    them; the CLI passes them) to check the ``[keys]`` table of the settings too."""
    results: list[Check] = []
    for spec in PROVIDERS:
        module_name, _, func_name = spec.partition(":")
        try:
            module = importlib.import_module(module_name)
        except Exception as exc:  # every subsystem ships with hotseat: a missing one is broken
            results.append(Check(module_name, "fail", f"cannot load: {exc}"))
            continue
        func: Callable[[], Iterable[Check]] = getattr(module, func_name)
        try:
            results.extend(func())
        except Exception as exc:
            results.append(Check(module_name, "fail", f"check crashed: {exc}"))
    if key_ids is not None:
        settings = [i for i, c in enumerate(results) if c.name == "settings"]
        if settings:  # the settings lines again, with the [keys] table checked
            rest = [c for c in results if c.name != "settings"]
            results = [*rest[: settings[0]], *settings_checks(key_ids), *rest[settings[0] :]]
    return results
