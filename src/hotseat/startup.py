"""What every start of the app checks in the user's folders, as notices to show."""

from __future__ import annotations

from hotseat import privacy
from hotseat.config_files import unknown_files


def startup_notices() -> list[str]:
    """Repair permissions and list files hotseat would ignore; one sentence each."""
    notices: list[str] = []
    changed = privacy.repair()
    if changed == 1:
        notices.append(
            "1 file or folder in your hotseat folders was readable by other accounts; "
            "it is now yours only."
        )
    elif changed:
        notices.append(
            f"{changed} files or folders in your hotseat folders were readable by other "
            "accounts; they are now yours only."
        )
    notices += unknown_files()
    return notices
