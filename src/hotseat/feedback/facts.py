"""The facts of one answer that the rubric's points and red flags are judged on.

Everything here is read clause by clause (``sense.read``): a phrase under a negation
does not count as the point it names, and an action counts as the candidate's own
only when the candidate (or their team) is the one doing it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from hotseat.feedback.edits import one_edit
from hotseat.feedback.matcher import Entry, Match
from hotseat.feedback.sense import NONE, OTHER, SELF, TEAM, Reading

# Concepts whose own phrases carry the negation ("I'm not good at", "can't think of").
_KEEP_NEGATED = frozenset(
    {
        *("denial", "weakness-named", "scorn", "setback", "drift", "money", "dig", "deflect"),
        "salary-deflect",
    }
)


TAINT_WORDS = 30  # a sentence this long (speech with few pauses) taints only near clauses


@dataclass
class Facts:
    reading: Reading
    concepts: dict[str, list[Match]]  # concept -> live matches (not negated)
    actions: list[Match]  # own action clauses: (clause first, verb)
    self_actions: list[Match]
    impact: list[Match]  # an outcome with a number measuring it
    criticism: list[Match]  # a person or employer run down
    deflection: list[Match]  # a failure put down to others or to circumstances
    repeated: list[tuple[int, int]]  # sentences said before
    novelty: float  # share of content words used once
    content_words: int
    numbers: list[int] = field(default_factory=list)

    def has(self, concept: str) -> bool:
        return bool(self.concepts.get(concept))

    def get(self, concept: str) -> list[Match]:
        return self.concepts.get(concept, [])

    @property
    def tainted(self) -> list[tuple[int, int]]:
        """Sentences that run someone down or put the blame elsewhere: no strength is
        credited with words from them ("I calmly explained that some of us had actually
        shipped..." shows no calm)."""
        spans = []
        reading = self.reading
        for m in self.criticism + self.deflection:
            span = sentence_of(reading, m.first)
            if span[1] - span[0] >= TAINT_WORDS:
                # Speech with few pauses makes long "sentences": keep to the clause and
                # its neighbours, not the whole run of words.
                k = reading.clause_of[m.first]
                lo = reading.clauses[max(0, k - 1)].first
                hi = reading.clauses[min(len(reading.clauses) - 1, k + 1)].last
                span = (lo, hi)
            if span not in spans:
                spans.append(span)
        return spans

    def clean(self, matches: list[Match]) -> list[Match]:
        """The matches outside the tainted sentences."""
        bad = self.tainted
        return [m for m in matches if not any(lo <= m.first <= hi for lo, hi in bad)]


def _live(reading: Reading, name: str, matches: list[Match]) -> list[Match]:
    if name in _KEEP_NEGATED:
        return list(matches)
    # A phrase that spells out its own negation ("not broken since") is what it says.
    return [m for m in matches if _says_no(m) or not reading.negated(m)]


_NO = frozenset(["not", "never", "no", "hasn't", "haven't", "didn't", "wasn't", "without"])


def _says_no(m: Match) -> bool:
    return any(w in _NO for w in m.entry.words)


def gather(job: object) -> Facts:
    from hotseat.feedback.job import Job
    from hotseat.feedback.sense import read

    assert isinstance(job, Job)
    reading = read(job.answer, job.lex)
    norms = job.answer.norms
    concepts: dict[str, list[Match]] = {}
    for key, matches in job.matches.items():
        if key.startswith("concepts."):
            name = key.split(".", 1)[1]
            concepts[name] = _live(reading, name, matches)
    # Own action clauses: the speaker or their team does something, not denied.
    verbs = job.words("star.action_verbs")
    stop = job.words("language.stopwords") | job.words("language.generic")
    actions: list[Match] = []
    for clause in reading.clauses:
        if clause.subject not in (SELF, TEAM):
            continue
        for k in range(clause.first, clause.last + 1):
            if norms[k] in verbs or _past_action(norms, k, clause.first):
                m = Match(clause.first, clause.last, _entry(norms[k]))
                content = [
                    w for w in norms[k + 1 : clause.last + 1] if w not in stop and len(w) > 3
                ]
                if not reading.negated(Match(k, k, m.entry)) and content:
                    actions.append(m)
                break
    self_actions = [m for m in actions if reading.clause(m.first).subject == SELF]
    number_words = job.words("impact.number_words")
    numbers = [
        k
        for k, t in enumerate(job.answer.tokens)
        if (t.is_number or t.norm in number_words or _misheard_number(norms, k, number_words))
        and not _not_a_quantity(norms, k)
        and not _a_year(norms, k)
    ]
    # "about 11% shorter", "forty minutes earlier": a number that measures a change itself
    # is an outcome (and its impact) wherever the story says it.
    changes = _measured_changes(norms, numbers, job.words("impact.comparatives"))
    concepts["outcome"] = sorted(concepts.get("outcome", []) + changes, key=lambda m: m.first)
    # A number measures an outcome when it shares a clause with one.
    # Words that only link a story to its end ("afterwards", "in the end") measure
    # nothing: "afterwards I set up a one week trial" holds no outcome, nor does "in
    # the end the launch slipped by two months".
    impact: list[Match] = list(changes)
    for m in concepts.get("outcome", []):
        if m in changes or _growing_up(norms, m) or " ".join(m.entry.words) in _LINKS_ONLY:
            continue
        clause = reading.clause(m.first)
        lo, hi = sentence_of(reading, m.first)
        # the number is not the outcome word itself ("customers got double discounts")
        near = [
            k
            for k in numbers
            if (clause.first <= k <= clause.last or (lo <= k <= hi and abs(k - m.first) <= 5))
            and not m.first <= k <= m.last
        ]
        if near:
            impact.append(Match(min(m.first, near[0]), max(m.last, near[-1]), m.entry))
    impact += _compared(norms, concepts.get("ending", []), numbers, impact)
    impact.sort(key=lambda m: m.first)
    criticism = _criticism(job, reading)
    deflection = _deflection(job, reading, concepts)
    repeated, novelty, content_words = _repetition(reading, norms, stop)
    return Facts(
        reading,
        concepts,
        actions,
        self_actions,
        impact,
        criticism,
        deflection,
        repeated,
        novelty,
        content_words,
        numbers,
    )


_LINKS_ONLY = frozenset(
    [
        *("as a result", "in the end", "the result", "the outcome", "ended up", "which meant"),
        *("this meant", "that meant", "led to", "resulted in", "by the end", "afterwards"),
        *("since then", "went well", "worked out", "it worked", "subsequent*", "paid off"),
    ]
)
_THAN = frozenset([("instead", "of"), ("rather", "than")])


def _same(a: Match, b: Match) -> bool:
    return a.first <= b.last and b.first <= a.last


def _compared(
    norms: list[str], endings: list[Match], numbers: list[int], found: list[Match]
) -> list[Match]:
    """ "twenty minutes instead of two days": a measured before and after."""
    out: list[Match] = []
    for m in endings:
        if m.entry.words not in _THAN or any(_same(m, f) for f in found):
            continue
        before = [k for k in numbers if m.first - 5 <= k < m.first]
        after = [k for k in numbers if m.last < k <= m.last + 4]
        if before and after:
            out.append(Match(before[0], min(len(norms) - 1, after[-1] + 1), m.entry))
    return out


_SUBJECTS = frozenset(["i", "we"])
_BETWEEN = frozenset(["then", "also", "quickly", "first", "finally", "just", "personally", "soon"])
_STATIVE = frozenset(
    [
        "needed",
        "wanted",
        "liked",
        "loved",
        "hated",
        "used",
        "seemed",
        "believed",
        "hoped",
        "wished",
        "preferred",
        "enjoyed",
        "cared",
        "feared",
        "worried",
        "disliked",
        "owned",
        # participles that describe someone ("I stay positive and focused")
        *("focused", "motivated", "dedicated", "committed", "driven", "organised"),
        *("organized", "detailed", "experienced", "qualified", "skilled", "interested"),
        *("excited", "determined", "talented", "balanced", "oriented", "reserved"),
    ]
)


def _past_action(norms: list[str], k: int, first: int) -> bool:
    """ "I formed", "we then reviewed": a past-tense verb right after I or we."""
    word = norms[k]
    if not word.endswith("ed") or len(word) < 5 or word in _STATIVE:
        return False
    j = k - 1
    while j >= first and norms[j] in _BETWEEN:
        j -= 1
    # "I ... and shipped it": a joined clause that kept its subject (sense.read).
    return j >= first and (norms[j] in _SUBJECTS or (j == first and norms[j] in ("and", "then")))


_UNITS = frozenset(
    [
        "days",
        "weeks",
        "months",
        "hours",
        "minutes",
        "years",
        "percent",
        "people",
        "times",
        "customers",
        "users",
        "clients",
        "staff",
        "sales",
        "tickets",
        "points",
        "thousand",
        "hundred",
        "million",
    ]
)


# "double check", "triple-checked": a number word used as a manner, not a quantity.
_MANNER_NUMBERS = frozenset(["double", "triple", "twice", "once"])


# "the one catching the errors", "the right people": after these, "one" is a pronoun and
# a word one letter off a number ("right"/"eight") is the word it looks like.
_DETERMINED = frozenset(["the", "a", "an", "this", "that", "my", "our", "their", "his", "her"])


def _not_a_quantity(norms: list[str], k: int) -> bool:
    nxt = norms[k + 1] if k + 1 < len(norms) else ""
    if norms[k] == "one" and k > 0 and norms[k - 1] in _DETERMINED:
        return True
    return norms[k] in _MANNER_NUMBERS and nxt.startswith(("check", "think", "guess"))


def _a_year(norms: list[str], k: int) -> bool:
    """ "In 2021 I shipped...": a year dates the story, it measures nothing."""
    word = norms[k]
    nxt = norms[k + 1] if k + 1 < len(norms) else ""
    return len(word) == 4 and word.isdigit() and 1900 <= int(word) <= 2099 and nxt not in _UNITS


_CHANGE_REACH = 2  # a comparative this many words after the number at most ("40 minutes earlier")


def _measured_changes(
    norms: list[str], numbers: list[int], comparatives: frozenset[str]
) -> list[Match]:
    out: list[Match] = []
    for k in numbers:
        for j in range(k + 1, min(len(norms), k + 1 + _CHANGE_REACH)):
            # "20 percent les than planned": a slip in the comparative after a number
            if norms[j] in comparatives or (
                len(norms[j]) >= 3 and any(one_edit(norms[j], c) for c in comparatives)
            ):
                # "two more weeks", "three more people": more of something, not a change
                if norms[j] == "more" and j + 1 < len(norms) and norms[j + 1] not in _UNITS:
                    break
                out.append(Match(k, j, _entry(norms[j])))
                break
    return out


def _growing_up(norms: list[str], m: Match) -> bool:
    """ "I grew up in Leeds", "grew up by the sea": childhood, not an outcome that grew."""
    for k in range(max(0, m.first - 1), m.last + 1):
        if norms[k].startswith(("grew", "grow")) and norms[k + 1 : k + 2] == ["up"]:
            after = norms[k + 2 : k + 3]
            return not (
                (after and after[0] in ("to", "from")) or norms[k + 2 : k + 4] == ["by", "about"]
            )
    return False


def _misheard_number(norms: list[str], k: int, number_words: frozenset[str]) -> bool:
    """ "thee days", "for tree weeks": a word one letter off a number, before a unit."""
    word = norms[k]
    if len(word) < 3 or k + 1 >= len(norms) or norms[k + 1] not in _UNITS:
        return False
    if k > 0 and norms[k - 1] in _DETERMINED:
        return False
    return any(one_edit(word, n) for n in number_words if abs(len(n) - len(word)) <= 1)


def _entry(word: str) -> Entry:
    return Entry(word, (word,), (False,))


def _criticism(job: object, reading: Reading) -> list[Match]:
    """Clauses that run a person or an employer down, whatever words carry it."""
    from hotseat.feedback.job import Job

    assert isinstance(job, Job)
    out: list[Match] = []
    norms = job.answer.norms
    for m in job.found("valence.negative"):
        if _free_of(norms, m):
            continue
        if (
            reading.subject(m) == OTHER
            and not reading.negated(m)
            and not _generic(reading, norms, m)
        ):
            out.append(m)
    # What someone did in the way ("kept changing the sheet I used") is a neutral account
    # when the speaker then worked it out with them; left standing as the whole story, or
    # with a sneer in the same sentence ("of course", "typical"), it runs them down.
    sneer = job.words("valence.sneer")
    worked_out = any(
        reading.subject(m) in (SELF, TEAM) and not reading.negated(m)
        for m in job.found("concepts.resolves")
    )
    for m in job.found("valence.obstruct"):
        if reading.subject(m) != OTHER or reading.negated(m):
            continue
        first, last = sentence_of(reading, m.first)
        if not worked_out or sneer & set(job.answer.norms[first : last + 1]):
            out.append(m)
    for m in job.found("valence.capable"):
        # "he never listened", "they couldn't keep up"; not "no patient would turn up",
        # where the negation belongs to the subject, not to what they did.
        if (
            reading.subject(m) == OTHER
            and reading.negated(m, by=_VERB_NEGATORS)
            and not _generic(reading, norms, m)
            and not _reported(reading, norms, m)
        ):
            out.append(m)
    others = job.words("valence.others")
    for m in job.found("concepts.scorn"):
        if m.entry.words == ("typical",) and norms[max(0, m.first - 1)] in ("a", "the", "our"):
            continue  # "a typical morning": an ordinary one, no sneer
        first, last = sentence_of(reading, m.first)
        if reading.subject(m) == OTHER or any(
            w in others for w in job.answer.norms[first : last + 1]
        ):
            out.append(m)
    for m in job.found("negativity.blame"):
        if _free_of(norms, m):
            continue
        if not reading.negated(m) or m.entry.words[0] == "not":
            out.append(m)
    # Sarcasm and digs ("which was adorable", "some of us had actually..."): scorn
    # without a negative word, whoever the sentence's subject is.
    # "I had been there a week", "I learned my lesson": said of oneself, no dig.
    for m in job.found("concepts.dig"):
        if not (_OF_ONESELF & set(m.entry.words) and reading.subject(m) in (SELF, TEAM)):
            out.append(m)
    out.sort(key=lambda m: (m.first, -m.last))
    merged: list[Match] = []
    for m in out:  # one piece of evidence per spot: "old guard" is not two criticisms
        if merged and m.first <= merged[-1].last + 3:
            if m.last > merged[-1].last:
                merged[-1] = Match(merged[-1].first, m.last, merged[-1].entry)
            continue
        merged.append(m)
    return merged


def _free_of(norms: list[str], m: Match) -> bool:
    """ "blame-free reviews", "a no-blame culture": the bad word named as absent."""
    after = norms[m.last + 1 : m.last + 2]
    return after in (["free"], ["less"]) or norms[max(0, m.first - 1) : m.first] == ["no"]


_OF_ONESELF = frozenset(["been", "lesson", "minutes", "week", "ears"])
_PEOPLE = frozenset(["other", "others", "people", "people's", "anyone", "anybody", "everyone"])
_LIMITS = frozenset(["control", "change", "trust", "rely", "depend", "fix", "help"])
_CANNOT = frozenset(["cannot", "can't", "cant", "never", "not"])


def _deflection(job: object, reading: Reading, concepts: dict[str, list[Match]]) -> list[Match]:
    """A failure put down to others or circumstances, however politely: the phrases of
    ``concepts.deflect``, and a lesson that other people cannot be controlled or
    trusted ("you can't control how other people work")."""
    from hotseat.feedback.job import Job

    assert isinstance(job, Job)
    norms = job.answer.norms
    out = list(concepts.get("deflect", []))
    for clause in reading.clauses:
        said = norms[clause.first : clause.last + 1]
        if _PEOPLE & set(said) and _LIMITS & set(said) and _CANNOT & set(said):
            k = next(j for j in range(clause.first, clause.last + 1) if norms[j] in _LIMITS)
            out.append(Match(clause.first, min(clause.last, k + 4), _entry(norms[k])))
    out.sort(key=lambda m: m.first)
    return out


_IF = frozenset(["if", "unless", "whenever", "when"])
_LEADS = frozenset(["and", "but", "so", "because", "since", "as", "even", "only"])
_YOU = frozenset(["you", "your", "you're", "you've", "yourself"])


def _generic(reading: Reading, norms: list[str], m: Match) -> bool:
    """ "if they don't trust you, the shift is harder": a rule of thumb about people in
    general (an "if" clause said to a generic "you"), not a judgement of someone."""
    clause = reading.clause(m.first)
    k = clause.first
    while k < clause.last and norms[k] in _LEADS:
        k += 1
    if norms[k] not in _IF:
        return False
    return bool(_YOU & set(norms[clause.first : clause.last + 1]))


_REPORTING = frozenset(
    ["said", "told", "says", "explained", "admitted", "mentioned", "felt", "thought", "asked"]
)


def _reported(reading: Reading, norms: list[str], m: Match) -> bool:
    """ "they told me they didn't know what to do": their own account, reported, not the
    speaker's judgement of them."""
    clause = reading.clause(m.first)
    sentence = sentence_of(reading, m.first)[0]
    before = norms[max(sentence, clause.first - 4) : m.first]
    return bool(_REPORTING & set(before))


_VERB_NEGATORS = frozenset(
    [
        "not",
        "never",
        "hardly",
        "barely",
        "refused",
        "failed",
        "didn't",
        "didnt",
        "don't",
        "dont",
        "doesn't",
        "doesnt",
        "wasn't",
        "wasnt",
        "weren't",
        "werent",
        "isn't",
        "isnt",
        "aren't",
        "arent",
        "couldn't",
        "couldnt",
        "can't",
        "cant",
        "cannot",
        "won't",
        "wont",
        "wouldn't",
        "wouldnt",
        "hasn't",
        "hasnt",
        "haven't",
        "havent",
        "hadn't",
        "hadnt",
    ]
)


def sentence_of(reading: Reading, k: int) -> tuple[int, int]:
    """The span (first, last) of the sentence token ``k`` is in."""
    for first, last in reading.sentences:
        if first <= k <= last:
            return first, last
    return k, k


def _repetition(
    reading: Reading, norms: list[str], stop: frozenset[str]
) -> tuple[list[tuple[int, int]], float, int]:
    seen: set[tuple[str, ...]] = set()
    repeated: list[tuple[int, int]] = []
    units = reading.sentences
    if len(units) < 3:  # no punctuation or pauses: compare clauses instead
        units = [(c.first, c.last) for c in reading.clauses]
    for first, last in units:
        key = tuple(norms[first : last + 1])
        if len(key) < 4:
            continue
        if key in seen:
            repeated.append((first, last))
        seen.add(key)
    content = [w for w in norms if w not in stop and len(w) > 3]
    novelty = len(set(content)) / len(content) if content else 1.0
    return repeated, novelty, len(content)


SUBJECTS = (SELF, TEAM, OTHER, NONE)
