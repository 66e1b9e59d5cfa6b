"""`events` component: dated events per sentence, written to `doc._.events`. (stub)"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from . import extensions  # noqa: F401


@Language.factory("events")
def make_events(nlp: Language, name: str) -> "EventExtractor":
    return EventExtractor()


class EventExtractor:
    def __call__(self, doc: Doc) -> Doc:
        doc._.events = []
        return doc
