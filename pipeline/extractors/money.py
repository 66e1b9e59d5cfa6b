"""`money` component: writes `doc.spans["money"]` with `span._.money` (a `MoneyInfo`) set.

A thin wrapper around the pure-Python parser `pipeline.amounts.parse_money`, which works on the doc
text with the lexicons in `resources/<lang>/money_*.tsv`. Each match is snapped to tokens with
`doc.char_span(alignment_mode="expand")`; `equivalent_of` is the `start_char` of the restated span.
Works with any German pipeline (a blank `spacy.blank("de")` is enough).
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from .. import extensions  # noqa: F401
from ..amounts import as_number, parse_money
from ..records import MoneyInfo

SPAN_KEY = "money"
LABEL = "MONEY"


@Language.factory("money", default_config={"span_key": SPAN_KEY, "lang": "de"})
def make_component(nlp: Language, name: str, span_key: str = SPAN_KEY, lang: str = "de") -> "MoneyComponent":
    return MoneyComponent(span_key=span_key, lang=lang)


class MoneyComponent:
    """Find money amounts and attach a normalised `MoneyInfo` to each span."""

    def __init__(self, span_key: str = SPAN_KEY, lang: str = "de") -> None:
        self.span_key = span_key
        self.lang = lang

    def __call__(self, doc: Doc) -> Doc:
        pairs: list[tuple[object, Span]] = []
        start_of: dict[int, int] = {}  # parser start offset -> span.start_char
        for match in parse_money(doc.text, self.lang):
            span = doc.char_span(match.start, match.end, label=LABEL, alignment_mode="expand")
            if span is not None:
                start_of[match.start] = span.start_char
                pairs.append((match, span))
        kept = []
        for match, span in pairs:
            equivalent = start_of.get(match.equivalent_of) if match.equivalent_of is not None else None
            span._.money = MoneyInfo(
                amount=as_number(match.amount),
                currency=match.currency,
                approx=match.approx,
                qualifier=match.qualifier,
                equivalent_of=equivalent,
            )
            kept.append(span)
        doc.spans[self.span_key] = kept
        return doc


# Backwards-compatible name of the stub's class.
Component = MoneyComponent
