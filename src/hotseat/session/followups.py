"""Follow-up questions driven by the answer, with rules in ``assets/follow_up_rules.toml``.

A rule matches the :class:`~hotseat.feedback.model.Feedback` of an answer: by
the ids of its findings (any one suffices), or by its metrics (all conditions
must hold), or either when it names both. The first matching rule in file order
wins; a rule is asked at most once per question. :class:`FollowUpPolicy` is what
a :class:`~hotseat.session.engine.Session` consults after each answer.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hotseat import resources
from hotseat.feedback.model import Feedback
from hotseat.questions.model import KINDS, Question, fill_placeholders
from hotseat.session.datafile import DataFileError, is_number, read_toml
from hotseat.tomlfields import FieldReader

_OPS: dict[str, Callable[[Any, Any], bool]] = {
    "<": operator.lt,
    "<=": operator.le,
    "==": operator.eq,
    "!=": operator.ne,
    ">=": operator.ge,
    ">": operator.gt,
}
SEPARATOR = "--"  # follow-up question ids read "<question id>--<rule id>"


@dataclass(frozen=True)
class MetricCondition:
    name: str  # a key of Feedback.metrics; dots reach into nested tables
    op: str
    value: float | bool

    def holds(self, metrics: dict[str, Any]) -> bool:
        current: Any = metrics
        for part in self.name.split("."):
            if not isinstance(current, dict) or part not in current:
                return False  # not measured: no evidence either way
            current = current[part]
        if isinstance(self.value, bool) != isinstance(current, bool):
            return False
        if not isinstance(current, int | float):
            return False
        return _OPS[self.op](current, self.value)


@dataclass(frozen=True)
class FollowUpRule:
    id: str
    say: str
    findings: tuple[str, ...] = ()
    metrics: tuple[MetricCondition, ...] = ()
    kinds: tuple[str, ...] = ()  # kinds of the original question (empty: any)
    from_question: bool = False  # prefer the question's own follow-ups as the text
    competencies: tuple[str, ...] = ()
    look_for: tuple[str, ...] = ()
    answer_seconds: tuple[int, int] = (20, 60)
    kind: str = "follow-up"  # how the answer to the follow-up is judged

    def matches(self, question: Question, feedback: Feedback) -> bool:
        if self.kinds and question.kind not in self.kinds:
            return False
        ids = {f.id for f in feedback.findings}
        by_finding = any(f in ids for f in self.findings)
        by_metric = bool(self.metrics) and all(c.holds(feedback.metrics) for c in self.metrics)
        return by_finding or by_metric


@dataclass(frozen=True)
class FollowUpPolicy:
    """The rules plus the mode's limit; chooses at most one follow-up per answer."""

    rules: tuple[FollowUpRule, ...]
    max_per_question: int = 1
    company: str = ""
    role: str = ""

    def choose(
        self, root: Question, feedback: Feedback, asked: Sequence[Question]
    ) -> Question | None:
        """The follow-up to ask about ``root`` after an answer with ``feedback``, if any.

        ``asked`` are the follow-ups already asked about ``root`` (their answer is
        the one ``feedback`` describes when there are any).
        """
        if len(asked) >= self.max_per_question or not feedback.assessable:
            return None
        used_rules = {q.id.rpartition(SEPARATOR)[2] for q in asked}
        used_texts = {q.text for q in asked}
        for rule in self.rules:
            if rule.id in used_rules or not rule.matches(root, feedback):
                continue
            text = rule.say
            if rule.from_question:
                own = [t for t in root.follow_ups if t not in used_texts]
                text = own[0] if own else text
            return self._question(rule, root, text)
        return None

    def _question(self, rule: FollowUpRule, root: Question, text: str) -> Question:
        low, high = rule.answer_seconds
        return Question(
            id=f"{root.id}{SEPARATOR}{rule.id}",
            text=fill_placeholders(text, self.company, self.role),
            category=root.category,
            competencies=rule.competencies or root.competencies,
            kind=rule.kind,
            prep_seconds=0,
            answer_min=low,
            answer_max=high,
            look_for=rule.look_for or root.look_for,
            pack=root.pack,
            role=root.role,
        )


def load_follow_up_rules(path: Path | None = None) -> tuple[FollowUpRule, ...]:
    """Read and check the rules; raise DataFileError listing every mistake with its line."""
    source = path or resources.asset("follow_up_rules.toml")
    data, lines = read_toml(source)
    problems: list[str] = []
    raw_rules = data.get("rules")
    if not isinstance(raw_rules, list) or not raw_rules:
        raise DataFileError([f"{source}:1: needs at least one [[rules]] entry"])
    for key in data:
        if key != "rules":
            problems.append(f"{source}:{lines.table(key) or 1}: unknown table {key!r}")
    rules: list[FollowUpRule] = []
    seen: set[str] = set()
    for index, raw in enumerate(raw_rules):
        start = lines.array_item("rules", index) or 1
        read = FieldReader(source, lines, start, f"rule {index + 1}", problems)
        rule = _read_rule(raw, read)
        if rule is None:
            continue
        if rule.id in seen:
            read.bad("id", f"duplicate rule id {rule.id!r}")
        seen.add(rule.id)
        rules.append(rule)
    if problems:
        raise DataFileError(problems)
    return tuple(rules)


_RULE_FIELDS = {
    "id", "say", "findings", "metrics", "kinds", "from_question",
    "competencies", "look_for", "answer_seconds", "kind",
}  # fmt: skip


def _read_rule(raw: Any, read: FieldReader) -> FollowUpRule | None:
    if not isinstance(raw, dict):
        read.bad("", "must be a table")
        return None
    before = len(read.problems)
    read.unknown(raw, _RULE_FIELDS)
    rule_id, say = raw.get("id"), raw.get("say")
    if not isinstance(rule_id, str) or not rule_id.strip() or SEPARATOR in rule_id:
        read.bad("id", f"is required text without {SEPARATOR!r}")
    if not isinstance(say, str) or not say.strip():
        read.bad("say", "is required text: what the interviewer asks")
    findings = read.texts(raw, "findings")
    competencies, look_for = read.texts(raw, "competencies"), read.texts(raw, "look_for")
    kinds = read.choices(raw, "kinds", KINDS, "a question kind")
    metrics = _metrics(raw.get("metrics", []), read.bad)
    if not findings and not metrics:
        read.bad("", "needs `findings` or `metrics` to say when it applies")
    low, high = read.band(raw, "answer_seconds", whole=True) or (20, 60)
    from_question = read.flag(raw, "from_question", False)
    kind = raw.get("kind", "follow-up")
    if kind not in KINDS:
        read.bad("kind", f"must be a question kind ({', '.join(KINDS)})")
    if len(read.problems) > before:
        return None
    return FollowUpRule(
        id=str(rule_id).strip(),
        say=str(say).strip(),
        findings=findings,
        metrics=metrics,
        kinds=kinds,
        from_question=from_question,
        competencies=competencies,
        look_for=look_for,
        answer_seconds=(int(low), int(high)),
        kind=str(kind),
    )


def _metrics(value: Any, problem: Callable[[str, str], None]) -> tuple[MetricCondition, ...]:
    if not isinstance(value, list):
        problem("metrics", "must be a list of { name, op, value } tables")
        return ()
    out = []
    for item in value:
        ok = (
            isinstance(item, dict)
            and set(item) == {"name", "op", "value"}
            and isinstance(item["name"], str)
            and item["name"].strip()
            and item["op"] in _OPS
            and (is_number(item["value"]) or isinstance(item["value"], bool))
        )
        if not ok:
            problem("metrics", f"each must be {{ name, op ({' '.join(_OPS)}), value (number) }}")
            continue
        out.append(MetricCondition(str(item["name"]), str(item["op"]), item["value"]))
    return tuple(out)
