"""Finding an installed Vosk model, and telling what is wrong with a broken one.

Discovery order (the first place that holds a model wins):

1. ``--model PATH`` on the command line,
2. the ``model_path`` setting,
3. hotseat's own model folder (``<data dir>/models``),
4. ``$VOSK_MODEL_PATH``,
5. ``/usr/share/vosk``,
6. ``~/.cache/vosk``.

Places 1 and 2 are the user's explicit choice: when they are broken,
discovery stops there and reports why rather than quietly using something
else. Places 3-6 may hold a model directly or several model folders; English
models are preferred there, the default one first.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from hotseat import paths

DEFAULT_MODEL_NAME = "vosk-model-small-en-us-0.15"

_REQUIRED = ("am/final.mdl", "conf/model.conf")
_GRAPHS = (("graph/HCLG.fst",), ("graph/HCLr.fst", "graph/Gr.fst"))


def model_problems(path: Path) -> list[str]:
    """What is missing or empty in a Vosk model folder ([] when it looks complete)."""
    if not path.exists():
        return [f"{path} does not exist"]
    if not path.is_dir():
        return [f"{path} is not a folder"]
    problems: list[str] = []

    def bad(rel: str) -> str | None:
        file = path / rel
        if not file.is_file():
            return f"missing {rel}"
        if file.stat().st_size == 0:
            return f"{rel} is empty"
        return None

    for rel in _REQUIRED:
        problem = bad(rel)
        if problem:
            problems.append(problem)
    graph_checks = [[bad(rel) for rel in option] for option in _GRAPHS]
    if not any(all(p is None for p in option) for option in graph_checks):
        if (path / "graph" / "HCLr.fst").exists() or (path / "graph" / "Gr.fst").exists():
            problems.extend(p for p in graph_checks[1] if p)
        else:
            problems.append("missing graph/HCLG.fst (or graph/HCLr.fst with graph/Gr.fst)")
    return problems


def _looks_like_model(path: Path) -> bool:
    return path.is_dir() and (
        path.name.startswith("vosk-model") or any((path / d).is_dir() for d in ("am", "graph"))
    )


def _preference(path: Path) -> tuple[int, str]:
    name = path.name.lower()
    if name == DEFAULT_MODEL_NAME:
        rank = 0
    elif "en-us" in name or "-en-" in name or name.endswith("-en"):
        rank = 1
    else:
        rank = 2
    return rank, name


def models_in(root: Path) -> list[Path]:
    """``root`` itself when it is a model, else the model folders inside it, best first."""
    if not root.is_dir():
        return []
    if (root / "am").is_dir() or (root / "graph").is_dir():
        return [root]
    try:
        children = [c for c in root.iterdir() if not c.name.startswith(".")]
    except OSError:
        return []
    return sorted((c for c in children if _looks_like_model(c)), key=_preference)


def search_places(environ: Mapping[str, str] | None = None) -> list[tuple[str, Path]]:
    """The shared places (3-6 above), labelled for messages."""
    env = os.environ if environ is None else environ
    places = [("hotseat's model folder", paths.models_dir())]
    if env.get("VOSK_MODEL_PATH"):
        places.append(("VOSK_MODEL_PATH", Path(env["VOSK_MODEL_PATH"]).expanduser()))
    places.append(("/usr/share/vosk", Path("/usr/share/vosk")))
    places.append(("~/.cache/vosk", Path.home() / ".cache" / "vosk"))
    return places


@dataclass(frozen=True)
class Discovery:
    """The model to use (or None), where it came from, and broken ones seen on the way."""

    path: Path | None
    source: str = ""
    problems: tuple[str, ...] = field(default=())

    @property
    def summary(self) -> str:
        if self.path is not None:
            return f"{self.path} (from {self.source})"
        return "; ".join(self.problems) or "no Vosk model installed"


def _first_good(candidates: list[Path]) -> tuple[Path | None, list[str]]:
    problems: list[str] = []
    for candidate in candidates:
        missing = model_problems(candidate)
        if not missing:
            return candidate, problems
        problems.append(f"the Vosk model at {candidate} is incomplete: {', '.join(missing)}")
    return None, problems


def discover_model(
    explicit: str | None = None,
    setting: str = "",
    environ: Mapping[str, str] | None = None,
) -> Discovery:
    for source, value in (("--model", explicit), ("the model_path setting", setting)):
        if not value:
            continue
        path = Path(value).expanduser()
        if not path.exists():
            missing = f"the Vosk model folder {path} ({source}) does not exist"
            return Discovery(None, source, (missing,))
        found, problems = _first_good(models_in(path) or [path])
        return Discovery(found, source, tuple(problems))
    seen: list[str] = []
    for source, root in search_places(environ):
        found, problems = _first_good(models_in(root))
        seen.extend(problems)
        if found is not None:
            return Discovery(found, source, tuple(seen))
    return Discovery(None, "", tuple(seen))


@dataclass(frozen=True)
class InstalledModel:
    path: Path
    source: str
    problems: tuple[str, ...]


def installed_models(environ: Mapping[str, str] | None = None) -> list[InstalledModel]:
    """Every model folder in the shared places, complete or not (for ``models list``)."""
    found: list[InstalledModel] = []
    for source, root in search_places(environ):
        for path in models_in(root):
            found.append(InstalledModel(path, source, tuple(model_problems(path))))
    return found
