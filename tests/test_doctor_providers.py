"""`hotseat doctor` reports a subsystem that cannot load instead of leaving it out."""

from __future__ import annotations

import pytest

from hotseat import doctor


def test_a_subsystem_that_cannot_be_imported_is_a_failed_check(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Every subsystem ships in the wheel: one missing means a damaged install, which
    # the user must hear about rather than get a shorter, all-green report.
    monkeypatch.setattr(doctor, "PROVIDERS", ("hotseat.no_such_subsystem:checks",))
    found = doctor.run_checks()
    assert [(c.name, c.status) for c in found] == [("hotseat.no_such_subsystem", "fail")]
    assert "cannot load" in found[0].detail and "no_such_subsystem" in found[0].detail
