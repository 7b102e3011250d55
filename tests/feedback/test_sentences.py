"""Sentences found in answers with no punctuation (``feedback/breaks.py``).

Regression: where ``breaks.mark`` starts a sentence in a long unpunctuated run, and
where it must not (a compound subject, "the crew I ran", "I knew we", "so that", a
time put first), and that punctuated or short answers are left as written.
Validity: a recogniser's version of an answer (lowercase, no punctuation, steady word
times) gets the same content findings as the typed answer, where reading the whole
answer as one sentence credited what no single sentence says.
"""

from __future__ import annotations

from hotseat.feedback import analyze, breaks
from hotseat.feedback.lexicon import default_lexicons
from hotseat.feedback.tokens import Answer, answer_from
from hotseat.transcript import Transcript, Word
from tests.feedback.labelled import spoken


def marked(text: str) -> Answer:
    return breaks.mark(answer_from(Transcript.typed(text), 1000), default_lexicons())


def sentences(answer: Answer) -> list[str]:
    out: list[list[str]] = []
    for t in answer.tokens:
        if t.sentence_start or not out:
            out.append([])
        out[-1].append(t.norm)
    return [" ".join(s) for s in out]


def starts(text: str) -> list[str]:
    """The first two words of each sentence found."""
    return [" ".join(s.split()[:2]) for s in sentences(marked(text))]


STORY = (
    "the bakery kept running out of rolls before the lunch rush so i counted what we "
    "sold each hour for a fortnight and then i moved the second bake forward by an hour "
    "the owner was doubtful at first but after two weeks we had stopped turning people "
    "away she now plans every bake from that sheet"
)


def test_discourse_markers_and_new_subjects_start_sentences() -> None:
    assert starts(STORY) == [
        "the bakery",
        "so i",
        "and then",
        "but after",  # "after two weeks" stays with the sentence it opens
        "she now",
    ]


def test_a_time_or_adverb_put_first_opens_the_sentence_it_belongs_to() -> None:
    text = (
        "i had been on the paediatric ward for three years before that during my last "
        "rotation i ran the discharge checklist for the whole bay and i also trained "
        "two new healthcare assistants on the evening shift now i teach it to every new "
        "starter on the unit"
    )
    assert starts(text) == ["i had", "during my", "now i"]


def test_no_break_inside_a_sentence_that_carries_on() -> None:
    text = (
        "my supervisor and i knew we had to redo the survey because the crew i ran had "
        "missed the north wall so that the figures would hold and i was so relieved when "
        "the client said they would wait another week for it"
    )
    assert sentences(marked(text)) == [text]


def test_punctuated_and_short_answers_are_read_as_written() -> None:
    typed = (
        "I counted the rolls each hour for two weeks, and I moved the second bake. "
        "The owner was doubtful at first but we stopped turning people away so she kept it"
    )
    plain = answer_from(Transcript.typed(typed), 1000)
    assert [t.sentence_start for t in marked(typed).tokens] == [
        t.sentence_start for t in plain.tokens
    ]
    short = "so i counted the rolls and then i moved the bake"
    assert sentences(marked(short)) == [short]


def _timed(words: list[str], gap: float, long_after: int, pause: float) -> Transcript:
    out, t = [], 1.0
    for k, w in enumerate(words):
        out.append(Word(w, round(t, 3), round(t + 0.25, 3)))
        t += 0.25 + (pause if k == long_after else gap)
    return Transcript(" ".join(words), tuple(out), duration=t + 0.5, engine="vosk")


def test_a_pause_long_for_this_speaker_ends_a_sentence() -> None:
    said = (
        "the freezer alarm went off twice a night for a month the engineer replaced the "
        "seal the alarm has been quiet ever since that visit last spring"
    )
    words = said.split(" ")
    k = words.index("month")  # the pause falls after "month"
    lex = default_lexicons()
    brisk = breaks.mark(answer_from(_timed(words, 0.05, k, 0.5), 1000), lex)
    assert " ".join(sentences(brisk)[1].split()[:2]) == "the engineer"
    # The same half second from a speaker who leaves 0.2 s between words is no pause.
    slow = breaks.mark(answer_from(_timed(words, 0.2, k, 0.5), 1000), lex)
    assert len(sentences(slow)) == 1


# A life story given to "tell me about yourself": no sentence ties the candidate to the
# job. Read as one sentence, the recogniser's version borrowed "job" and "team" from the
# last sentence to credit "as a teenager" as experience offered.
LIFE_STORY = (
    "I grew up in a small fishing town on the coast and spent most summers on my "
    "uncle's boat. At school I was mad about music, and I played bass in a band with "
    "friends for years as a teenager. We even toured a few pubs one summer. These days I "
    "still love the sea, I swim most mornings, and I have just got a puppy who keeps me "
    "busy. My friends would say I am easy going and good fun at parties, and a job in "
    "your team would be nice."
)
SPOKEN_ONLY = {"pace-good", "pace-fast", "pace-slow", "pauses-long"}


def content(fb: object) -> set[tuple[str, str]]:
    from hotseat.feedback import Feedback

    assert isinstance(fb, Feedback)
    return {
        (f.id, f.severity) for f in fb.findings if f.id not in SPOKEN_ONLY and f.severity != "info"
    }


def test_a_recognised_life_story_is_not_credited_with_fit() -> None:
    q = "Tell me about yourself."
    typed = analyze(None, Transcript.typed(LIFE_STORY), question_text=q)
    heard = analyze(None, spoken(LIFE_STORY), question_text=q)
    assert "no-fit" in {f.id for f in heard.findings}
    assert "fit-shown" not in {f.id for f in heard.findings}
    assert content(heard) == content(typed)
    assert abs(heard.score - typed.score) <= 3


ANSWERS = [
    (
        "Tell me about a time you failed.",
        "I was running the tills at a garden centre and I let the cash float go short two "
        "weeks in a row because I skipped the midday count to help on the shop floor. My "
        "manager spotted it at the month end and it was my fault entirely. I went back "
        "through every receipt with her and we found the gaps. Now I count the float at "
        "noon every day even when we are busy, and it has balanced every week since.",
    ),
    (
        "Tell me about a time you disagreed with a colleague.",
        "A fellow surveyor and I disagreed about whether to resurvey a boundary before the "
        "sale. He thought the old plan was good enough. I walked the site with him and "
        "showed him where the fence had moved by almost a metre. We agreed to resurvey, "
        "and the buyer's solicitor accepted our plan without a single query.",
    ),
    ("Tell me about yourself.", LIFE_STORY),
]


def test_recognised_answers_get_the_typed_answers_content_findings() -> None:
    for question, text in ANSWERS:
        typed = analyze(None, Transcript.typed(text), question_text=question)
        heard = analyze(None, spoken(text), question_text=question)
        assert content(heard) == content(typed), question


def test_you_it_and_there_start_a_sentence_only_before_a_verb() -> None:
    text = (
        "everyone says the bakery on the corner cares about its regulars you have a name "
        "for it across town and i told you that when we first met it was the reason i "
        "applied because then i could learn from the best"
    )
    assert starts(text) == ["everyone says", "you have", "it was"]


def test_a_contracted_subject_after_a_noun_starts_a_main_clause() -> None:
    text = (
        "the takings were short again on friday and i reported it to the owner i'm not "
        "one to gossip about the team i led but the money matters to everyone here"
    )
    # "the owner I'm not...": a new sentence; "the team I led": a clause about the team
    assert starts(text) == ["the takings", "i'm not", "but the"]
