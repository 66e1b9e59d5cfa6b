"""`paragraph_breaks`: a line break in news text always ends a sentence (headlines, captions)."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break; whitespace never starts one. Later components keep it."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if token.is_space:
            token.is_sent_start = False
        elif previous.is_space and "\n" in previous.text:
            token.is_sent_start = True
    return doc
