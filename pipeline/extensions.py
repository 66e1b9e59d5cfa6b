"""Doc and Span extension attributes through which the stages communicate.

Registering is idempotent, so any `nlp` (ours or a user's) can call `register_extensions()`.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

from .records import PubDate

DOC_EXTENSIONS: dict[str, object] = {
    "doc_id": "",
    "dct": PubDate(),  # publication date; the dates component may refine it (method=inferred)
    "events": None,  # list[Event] written by the events component
}
SPAN_EXTENSIONS: dict[str, object] = {
    "person": None,  # PersonInfo
    "country": None,  # CountryInfo
    "org": None,  # OrgInfo
    "money": None,  # MoneyInfo
    "timex": None,  # Timex
}

SPAN_KEYS = ("persons", "countries", "organizations", "money", "dates")


def register_extensions() -> None:
    """Register all extension attributes once; later calls do nothing."""
    for name, default in DOC_EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    for name, default in SPAN_EXTENSIONS.items():
        if not Span.has_extension(name):
            Span.set_extension(name, default=default)


def sentence_numbers(doc: Doc) -> dict[int, int]:
    """Map each sentence's first token index to the sentence's 0-based number in `doc`."""
    return {sent.start: i for i, sent in enumerate(doc.sents)}


register_extensions()
