"""The word lists feedback reads, loaded from ``assets/lexicons/*.toml`` and validated.

Each file has a fixed set of keys (``SCHEMA``); each key holds one of:

- ``phrases``: a list whose items are a phrase (``"you know"``, ``"reduc*"``) or a
  table ``{ phrase = "...", not_after = [...], not_before = [...], only_after = [...],
  not_closing_after = [...] }``;
- ``words``: a list of single words;
- ``word_map``: a table of named word lists (``[topics] collaboration = [...]``);
- ``phrase_map``: a table of named phrase lists;
- ``text_map``: a table of named lists of free sentences (example wordings: never
  matched as phrases nor used to correct spelling).

A user may add entries by dropping a file of the same name into
``<config>/lexicons/``: its lists are added to the built-in ones. Every problem
is reported as ``LexiconError`` naming the file, the key and its line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from hotseat import paths, resources
from hotseat.feedback.matcher import PREFIX_KEY, Entry, Matcher, entry_from
from hotseat.feedback.spelling import Speller
from hotseat.feedback.tokens import split_words
from hotseat.feedback.wordings import WordingModel
from hotseat.tomlcheck import TomlFileError, read_checked
from hotseat.tomlfile import TomlLines

SCHEMA: dict[str, dict[str, str]] = {
    "fillers": {"phrases": "phrases"},
    "hedges": {"phrases": "phrases"},
    "star": {
        "situation": "phrases",
        "task": "phrases",
        "action": "phrases",
        "action_verbs": "words",
        "result": "phrases",
        "plan": "phrases",
        "reasons": "phrases",
        "estimate": "phrases",
    },
    "impact": {"result_verbs": "phrases", "number_words": "words", "comparatives": "words"},
    "negativity": {"blame": "phrases", "harsh": "phrases", "targets": "phrases"},
    "enthusiasm": {"positive": "phrases", "indifferent": "phrases"},
    "growth": {"phrases": "phrases", "triggers": "phrases"},
    "adaptability": {"phrases": "phrases", "triggers": "phrases"},
    "collaboration": {"i_words": "words", "we_words": "words", "team": "phrases"},
    "closing": {
        "askers": "phrases",
        "thoughtful": "phrases",
        "pay_perks": "phrases",
        "declines": "phrases",
        "question_verbs": "words",
    },
    "specificity": {"anchors": "phrases", "general": "phrases"},
    "research": {"cues": "phrases"},
    "language": {"english": "words", "stopwords": "words", "generic": "words"},
    "intents": {
        "intents": "phrase_map",
        "against": "phrase_map",
        "asides": "phrases",
        "cues": "word_map",
        "examples": "text_map",
    },
    "concepts": {"concepts": "phrase_map"},
    "valence": {
        "self": "words",
        "team": "words",
        "others": "words",
        "things": "words",
        "negators": "words",
        "negative": "phrases",
        "obstruct": "phrases",
        "capable": "phrases",
        "sneer": "words",
    },
    "topics": {"topics": "word_map", "asks": "word_map"},
    "sentences": {
        "openers": "phrases",
        "subjects": "words",
        "continuers": "words",
        "times": "words",
        "leads": "words",
        "verb_subjects": "words",
        "finite": "words",
    },
}
_CONTEXT_KEYS = ("not_after", "not_before", "only_after", "not_closing_after")
_WILDCARD = re.compile(r"^[^*\s]*\*?$")


class LexiconError(ValueError):
    """A lexicon file is broken; the message names the file, the key and the line."""


@dataclass(frozen=True)
class Lexicons:
    phrases: dict[str, tuple[Entry, ...]]  # "file.key" -> entries
    words: dict[str, frozenset[str]]  # "file.key" -> words
    maps: dict[str, dict[str, tuple[Entry, ...]]]  # "file.key" -> name -> entries
    word_maps: dict[str, dict[str, frozenset[str]]]
    sources: tuple[str, ...] = ()
    texts: dict[str, dict[str, tuple[str, ...]]] = field(default_factory=dict)
    matcher: Matcher = field(init=False, repr=False, compare=False)
    speller: Speller = field(init=False, repr=False, compare=False)
    wordings: WordingModel = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        concepts = self.maps.get("concepts.concepts", {})
        sets = {**self.phrases, **{f"concepts.{k}": v for k, v in concepts.items()}}
        object.__setattr__(self, "matcher", Matcher(sets))
        object.__setattr__(self, "speller", Speller.of(self))
        object.__setattr__(self, "wordings", WordingModel.of(self.intent_examples()))

    def intent_examples(self) -> dict[str, list[str]]:
        """Each intent's example wordings and its phrases: what ``wordings`` learns from."""
        out: dict[str, list[str]] = {}
        for intent, texts in self.texts.get("intents.examples", {}).items():
            out.setdefault(intent, []).extend(texts)
        for intent, entries in self.maps.get("intents.intents", {}).items():
            out.setdefault(intent, []).extend(e.phrase for e in entries)
        return out


class _Reader:
    def __init__(self, path: Path) -> None:
        self.path = path
        try:  # within tomlcheck's size and nesting limits; a problem names the line
            self.data, self.text = read_checked(path)
        except TomlFileError as exc:
            raise LexiconError(str(exc)) from None

    def fail(self, key: str, message: str) -> LexiconError:
        line = TomlLines(self.text).first_mention(key) or 1
        return LexiconError(f"{self.path}:{line}: '{key}': {message}")

    def words(self, key: str, value: Any) -> frozenset[str]:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.fail(key, "must be a list of words in quotes")
        out = set()
        for word in value:
            split = split_words(word)
            if len(split) != 1:
                raise self.fail(key, f"{word!r} must be one word")
            out.add(split[0])
        return frozenset(out)

    def texts(self, key: str, value: Any) -> tuple[str, ...]:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.fail(key, "must be a list of sentences in quotes")
        if not all(split_words(v) for v in value):
            raise self.fail(key, "a sentence has no words")
        return tuple(value)

    def phrases(self, key: str, value: Any) -> tuple[Entry, ...]:
        if not isinstance(value, list):
            raise self.fail(key, "must be a list of phrases")
        return tuple(self._entry(key, item) for item in value)

    def _entry(self, key: str, item: Any) -> Entry:
        context: dict[str, frozenset[str]] = {}
        if isinstance(item, dict):
            unknown = set(item) - {"phrase", *_CONTEXT_KEYS}
            if unknown:
                fields = "field" if len(unknown) == 1 else "fields"
                raise self.fail(key, f"unknown {fields} {', '.join(sorted(unknown))}")
            phrase = item.get("phrase")
            for name in _CONTEXT_KEYS:
                if name in item:
                    marks = {m for m in item[name] if m in ("^", ",")}
                    plain = [m for m in item[name] if m not in ("^", ",")]
                    context[name] = self.words(f"{key}.{name}", plain) | marks
        else:
            phrase = item
        if not isinstance(phrase, str) or not split_words(phrase):
            raise self.fail(key, f"{item!r} is not a phrase (a string with words)")
        pieces: list[str] = []
        for piece in phrase.split():
            if not _WILDCARD.match(piece):
                raise self.fail(key, f"{phrase!r}: '*' may only end a word")
            sub = split_words(piece.rstrip("*"))
            if piece.endswith("*") and (not sub or len(sub[-1]) < PREFIX_KEY):
                raise self.fail(key, f"{phrase!r}: a wildcard needs {PREFIX_KEY}+ letters")
            star = "*" if piece.endswith("*") else ""
            pieces.extend([*sub[:-1], sub[-1] + star] if sub else [])
        return entry_from(phrase, pieces, **context)


def _read_file(path: Path, name: str, *, required: bool) -> dict[str, Any]:
    reader = _Reader(path)
    schema = SCHEMA[name]
    unknown = set(reader.data) - set(schema)
    if unknown:
        key = sorted(unknown)[0]
        raise reader.fail(key, f"unknown key (expected one of: {', '.join(schema)})")
    out: dict[str, Any] = {}
    for key, kind in schema.items():
        if key not in reader.data:
            if required:
                raise LexiconError(f"{path}: missing the key '{key}' ({kind})")
            continue
        value = reader.data[key]
        if kind == "phrases":
            out[key] = reader.phrases(key, value)
        elif kind == "words":
            out[key] = reader.words(key, value)
        else:
            if not isinstance(value, dict):
                raise reader.fail(key, "must be a table of named lists")
            read = {"phrase_map": reader.phrases, "text_map": reader.texts}.get(kind, reader.words)
            out[key] = {sub: read(f"{key}.{sub}", v) for sub, v in value.items()}
    return out


def _merge(base: Any, extra: Any) -> Any:
    if isinstance(base, frozenset):
        return base | extra
    if isinstance(base, tuple):
        return base + extra
    merged = dict(base)
    for sub, value in extra.items():
        merged[sub] = _merge(merged[sub], value) if sub in merged else value
    return merged


def load_lexicons(builtin_dir: Path | None = None, user_dir: Path | None = None) -> Lexicons:
    """Read every lexicon; files in ``user_dir`` add to the built-in lists."""
    builtin_dir = builtin_dir or resources.asset("lexicons")
    phrases: dict[str, tuple[Entry, ...]] = {}
    words: dict[str, frozenset[str]] = {}
    maps: dict[str, dict[str, tuple[Entry, ...]]] = {}
    word_maps: dict[str, dict[str, frozenset[str]]] = {}
    texts: dict[str, dict[str, tuple[str, ...]]] = {}
    sources: list[str] = []
    for name, schema in SCHEMA.items():
        path = builtin_dir / f"{name}.toml"
        data = _read_file(path, name, required=True)
        extra = user_dir / f"{name}.toml" if user_dir else None
        if extra and extra.is_file():
            for key, value in _read_file(extra, name, required=False).items():
                data[key] = _merge(data[key], value)
            sources.append(str(extra))
        for key, kind in schema.items():
            dotted = f"{name}.{key}"
            if kind == "phrases":
                phrases[dotted] = data[key]
            elif kind == "words":
                words[dotted] = data[key]
            elif kind == "phrase_map":
                maps[dotted] = data[key]
            elif kind == "text_map":
                texts[dotted] = data[key]
            else:
                word_maps[dotted] = data[key]
    return Lexicons(phrases, words, maps, word_maps, tuple(sources), texts)


@cache
def _cached(config: str) -> tuple[Lexicons, str]:
    try:
        return load_lexicons(user_dir=Path(config) / "lexicons"), ""
    except LexiconError as exc:
        builtin = load_lexicons()  # raises again if the built-in files are at fault
        return builtin, f"{exc} (your lexicon files were ignored)"


def default_lexicons() -> Lexicons:
    """The built-in lexicons plus the user's additions, read once per config folder.

    A broken user file never stops feedback: only the built-in lists are used and
    ``lexicon_problem()`` says why.
    """
    return _cached(str(paths.config_dir()))[0]


def lexicon_problem() -> str:
    """Why the user's lexicon files were ignored, or ''."""
    return _cached(str(paths.config_dir()))[1]
