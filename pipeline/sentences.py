"""Token structure before the models run.

`token_edges`: spaCy's tokenizer can leave wrong left/right edges on tokens it builds from special cases and
extra whitespace ("auch:**" → `:*` `*`, "a  b"); on a document without a parse, `Token.children`,
`left_edge` or `subtree` then read outside the document and may crash the process. The component rebuilds
such a document from its words, keeping norms and extension values.
`paragraph_breaks`: a line break in news text always ends a sentence (headlines, captions).
"""
from __future__ import annotations

from spacy.attrs import NORM, SENT_START
from spacy.language import Language
from spacy.tokens import Doc


def edges_intact(doc: Doc) -> bool:
    """Every token of an unparsed document is its own left and right edge."""
    n = len(doc)
    try:
        return all(token.left_edge.i == token.i == token.right_edge.i for token in doc) if n else True
    except IndexError:
        return False


@Language.component("token_edges")
def token_edges(doc: Doc) -> Doc:
    """Return `doc`, or a rebuilt copy with sound token edges when the tokenizer left them wrong."""
    if doc.has_annotation("DEP") or edges_intact(doc):
        return doc
    rebuilt = Doc(doc.vocab, words=[token.text for token in doc],
                  spaces=[bool(token.whitespace_) for token in doc])
    attrs = [NORM, SENT_START] if doc.has_annotation("SENT_START") else [NORM]
    rebuilt.from_array(attrs, doc.to_array(attrs))
    rebuilt.user_data.update(doc.user_data)
    return rebuilt


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
