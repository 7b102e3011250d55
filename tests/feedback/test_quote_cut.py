"""A long piece of evidence is cut after a whole word, with "…" (trial7 T10: a quote
ended "since withou")."""

from __future__ import annotations

from hotseat.feedback.tokens import answer_from
from hotseat.transcript import Transcript


def test_a_long_quote_ends_on_a_whole_word_with_an_ellipsis() -> None:
    text = (
        "I have been looking after the payroll of a small charity since without any help "
        "from the finance office they could not pay anyone on time and the trustees were "
        "worried about the penalties that kept arriving every single quarter from the tax office"
    )
    answer = answer_from(Transcript.typed(text), 1000)
    quote = answer.quote(0, len(answer.tokens) - 1).text
    assert quote.endswith("…") and len(quote) <= 161, quote
    words = quote.removesuffix("…").split()
    assert words == text.split()[: len(words)], quote  # whole words only, in order


def test_a_short_quote_is_whole_and_has_no_ellipsis() -> None:
    answer = answer_from(Transcript.typed("I cut the invoices by half."), 1000)
    assert answer.quote(0, len(answer.tokens) - 1).text == "I cut the invoices by half"
