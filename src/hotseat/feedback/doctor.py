"""``hotseat doctor`` checks for feedback: the rubric and lexicons load, the user's too."""

from __future__ import annotations

from collections.abc import Iterable

from hotseat.check import Check


def checks() -> Iterable[Check]:
    from hotseat import paths
    from hotseat.feedback.lexicon import LexiconError, default_lexicons, lexicon_problem
    from hotseat.feedback.rubric import RubricError, default_rubric, rubric_problem

    try:
        rubric = default_rubric()
        lexicons = default_lexicons()
    except (RubricError, LexiconError) as exc:
        yield Check("feedback", "fail", str(exc), "reinstall hotseat", required=True)
        return
    detail = f"{len(rubric.findings)} findings, {len(lexicons.phrases)} phrase lists"
    yield Check("feedback", "ok", detail)
    for what, problem in (("rubric", rubric_problem()), ("lexicons", lexicon_problem())):
        if problem:
            yield Check(
                f"feedback {what}",
                "warn",
                problem,
                f"fix or remove it in {paths.config_dir()}",
            )
