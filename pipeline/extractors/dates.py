"""`dates` component: writes `doc.spans["dates"]` with `span._.timex` set. (stub, being implemented)"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions  # noqa: F401


@Language.factory("dates")
def make_component(nlp: Language, name: str) -> "Component":
    return Component()


class Component:
    def __call__(self, doc: Doc) -> Doc:
        doc.spans["dates"] = []
        return doc
