"""Read GermEval 2014 NER TSV files and convert them to spaCy `DocBin`s.

File format (see `shared/corpora/germeval2014_ner/SOURCE.md`): UTF-8, one token per line as
`idx<TAB>token<TAB>outer-BIO<TAB>nested-BIO`, a `#<TAB>source<TAB>[date]` line before each sentence
and a blank line after it. Only the outer (3rd) column is used.

Label mapping (`LABEL_MAP`) from GermEval's 12 outer types to the product's four NER labels:

* `PER`, `LOC`, `ORG` keep their names; `OTH` becomes `MISC` (the name spaCy's German pipelines use).
* `*deriv` (words derived from a name: `deutsche`, `ukrainischen`, `Marxsche`) become **no entity**.
  They are adjectives, not names. The product recognises country adjectives with its own lexicon
  component (`countries`), so an NER `LOC` on `deutsche` would only duplicate that, and it would
  teach the model to put adjectives into `LOC`, which the persons/organisations logic reads as places.
  Folding them into `MISC` (the CoNLL habit) would mix adjectives into titles/events/products.
* `*part` (compounds that only *contain* a name: `NATO-Generalsekretär`, `Ukraine-Krieg`,
  `Troia-Ausstellung`) become **no entity** as well: the token as a whole is a person's role, an
  event or an object, not the organisation/place/person, and a span cannot cover part of a token.

The mapping is applied to whole spans, so an `I-LOCderiv` continuing a `B-LOCderiv` disappears with it.
While reading, U+00AD (soft hyphen) is deleted and the stray C1 control U+0096 becomes an en dash,
which is the organisers' 2022 encoding fix.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator, Mapping

from spacy.tokens import Doc, DocBin, Span
from spacy.vocab import Vocab

TRAIN_FILE = "NER-de-test.tsv"  # the train split is not available; the test split is used for training
DEV_FILE = "NER-de-dev.tsv"

LABELS: tuple[str, ...] = ("PER", "LOC", "ORG", "MISC")

#: GermEval outer entity type → product label, or None for "not an entity" (see module docstring).
LABEL_MAP: dict[str, str | None] = {
    "PER": "PER",
    "LOC": "LOC",
    "ORG": "ORG",
    "OTH": "MISC",
    "PERderiv": None,
    "LOCderiv": None,
    "ORGderiv": None,
    "OTHderiv": None,
    "PERpart": None,
    "LOCpart": None,
    "ORGpart": None,
    "OTHpart": None,
}

CHARACTER_FIXES = {"\u00ad": "", "\u0096": "\u2013"}

NO_SPACE_BEFORE = frozenset({".", ",", ";", ":", "!", "?", ")", "]", "}", "%", "...", "…"})
NO_SPACE_AFTER = frozenset({"(", "[", "{"})
QUOTES = frozenset({'"', "„", "“", "”", "«", "»"})


@dataclass(frozen=True)
class Sentence:
    """One GermEval sentence: its source line, tokens and raw outer BIO tags."""

    source: str
    words: tuple[str, ...]
    tags: tuple[str, ...]


@dataclass(frozen=True)
class Entity:
    """A token span `[start, end)` with a GermEval type such as `LOC` or `LOCderiv`."""

    start: int
    end: int
    label: str


def fix_characters(token: str) -> str:
    """Delete soft hyphens and replace the stray C1 control U+0096 with an en dash."""
    for bad, good in CHARACTER_FIXES.items():
        token = token.replace(bad, good)
    return token


def read_sentences(path: Path) -> Iterator[Sentence]:
    """Yield the sentences of a GermEval TSV file in file order."""
    source, words, tags = "", [], []
    with Path(path).open(encoding="utf-8") as handle:
        for line_number, line in enumerate(handle, start=1):
            line = line.rstrip("\r\n")
            if not line.strip():
                if words:
                    yield Sentence(source, tuple(words), tuple(tags))
                source, words, tags = "", [], []
                continue
            fields = line.split("\t")
            if fields[0] == "#":
                source = fields[1] if len(fields) > 1 else ""
                continue
            if len(fields) < 3:
                raise ValueError(f"{path}:{line_number}: expected idx, token, outer tag: {line!r}")
            word = fix_characters(fields[1])
            if not word:
                raise ValueError(f"{path}:{line_number}: token is empty after character fixes")
            words.append(word)
            tags.append(fields[2])
    if words:
        yield Sentence(source, tuple(words), tuple(tags))


def bio_entities(tags: Iterable[str]) -> list[Entity]:
    """Turn BIO tags into entity spans; an `I-` tag without a matching open span starts a new one."""
    entities: list[Entity] = []
    start, label = None, None
    position = -1
    for position, tag in enumerate(tags):
        prefix, _, kind = tag.partition("-")
        if prefix == "I" and label == kind:
            continue
        if label is not None:
            entities.append(Entity(start, position, label))
        start, label = (position, kind) if prefix in ("B", "I") else (None, None)
    if label is not None:
        entities.append(Entity(start, position + 1, label))
    return entities


def map_entities(
    entities: Iterable[Entity], label_map: Mapping[str, str | None] = LABEL_MAP
) -> list[Entity]:
    """Rename entity types with `label_map` and drop those mapped to None; unknown types raise."""
    mapped = []
    for entity in entities:
        if entity.label not in label_map:
            raise ValueError(f"unknown GermEval entity type {entity.label!r}")
        label = label_map[entity.label]
        if label is not None:
            mapped.append(Entity(entity.start, entity.end, label))
    return mapped


def guess_spaces(words: Iterable[str]) -> list[bool]:
    """Guess which tokens are followed by a space so that `doc.text` reads like normal German text."""
    words = list(words)
    spaces = [True] * len(words)
    quote_open = False
    for i, word in enumerate(words):
        if word in QUOTES:
            quote_open = not quote_open
            if quote_open:
                spaces[i] = False
            elif i > 0:
                spaces[i - 1] = False
        if word in NO_SPACE_BEFORE and i > 0:
            spaces[i - 1] = False
        if word in NO_SPACE_AFTER:
            spaces[i] = False
    if spaces:
        spaces[-1] = False
    return spaces


def sentence_to_doc(
    sentence: Sentence, vocab: Vocab, label_map: Mapping[str, str | None] = LABEL_MAP
) -> Doc:
    """A spaCy `Doc` with GermEval's tokens and the mapped outer entities in `doc.ents`."""
    doc = Doc(vocab, words=list(sentence.words), spaces=guess_spaces(sentence.words))
    entities = map_entities(bio_entities(sentence.tags), label_map)
    doc.ents = [Span(doc, e.start, e.end, label=e.label) for e in entities]
    return doc


def read_docs(
    path: Path, vocab: Vocab | None = None, label_map: Mapping[str, str | None] = LABEL_MAP
) -> list[Doc]:
    """All sentences of a GermEval file as spaCy `Doc`s with gold entities."""
    vocab = vocab if vocab is not None else Vocab()
    return [sentence_to_doc(s, vocab, label_map) for s in read_sentences(path)]


def write_docbin(docs: Iterable[Doc], path: Path) -> int:
    """Save `docs` as a spaCy `DocBin` (`.spacy`) file and return how many were written."""
    docs = list(docs)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    DocBin(docs=docs, attrs=["ORTH", "ENT_IOB", "ENT_TYPE"]).to_disk(path)
    return len(docs)


def outer_type_counts(path: Path) -> Counter[str]:
    """Count entities per raw GermEval outer type (`LOC`, `LOCderiv`, …) by their B- tags."""
    counts: Counter[str] = Counter()
    for sentence in read_sentences(path):
        counts.update(tag[2:] for tag in sentence.tags if tag.startswith("B-"))
    return counts


def mapped_label_counts(
    path: Path, label_map: Mapping[str, str | None] = LABEL_MAP
) -> Counter[str]:
    """Count entities per product label after mapping (spans, so stray `I-` tags count too)."""
    counts: Counter[str] = Counter()
    for sentence in read_sentences(path):
        counts.update(e.label for e in map_entities(bio_entities(sentence.tags), label_map))
    return counts
