"""The spaCy stage: pick a German pipeline, complete it, and add the product's components.

Resolution order: an explicit name or path, then `$PIPELINE_SPACY_MODEL`, then the installed
`de_core_news_lg`, `de_core_news_md`, `de_core_news_sm`, else the small NER model shipped inside
this package. Whatever is loaded gets sentence boundaries and lemmas if it lacks them, so the
later stages behave the same with any German pipeline.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

import spacy
from spacy.language import Language

from . import extensions  # noqa: F401  (registers extension attributes)
from . import components  # noqa: F401  (registers the component factories)
from .training import clusters  # noqa: F401  (registers the embedded model's embedding layer)

ENV_VAR = "PIPELINE_SPACY_MODEL"
PREFERRED_PACKAGES = ("de_core_news_lg", "de_core_news_md", "de_core_news_sm")
EMBEDDED_MODEL = Path(__file__).parent / "models" / "de_pipeline_ner"
EXTRACTORS = ("organizations", "countries", "persons", "money", "dates")


class ModelError(RuntimeError):
    """The requested spaCy pipeline cannot be loaded or is not usable."""


@dataclass(frozen=True)
class ModelChoice:
    """Which spaCy pipeline was chosen and why."""

    name: str
    location: str
    source: str  # option | environment | installed package | embedded


def resolve_model(requested: str | None = None) -> ModelChoice:
    """Choose the spaCy pipeline to load, following the documented resolution order."""
    if requested:
        return ModelChoice(requested, requested, "option")
    from_env = os.environ.get(ENV_VAR, "").strip()
    if from_env:
        return ModelChoice(from_env, from_env, "environment")
    for package in PREFERRED_PACKAGES:
        if spacy.util.is_package(package):
            return ModelChoice(package, package, "installed package")
    return ModelChoice(EMBEDDED_MODEL.name, str(EMBEDDED_MODEL), "embedded")


def load_base(choice: ModelChoice) -> Language:
    """Load the chosen pipeline, turning every failure into a one-line ModelError."""
    try:
        nlp = spacy.load(choice.location)
    except (OSError, IOError, ValueError, KeyError) as exc:
        first_line = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise ModelError(f"cannot load spaCy pipeline {choice.location!r}: {first_line}") from exc
    if nlp.lang != "de":
        raise ModelError(f"spaCy pipeline {choice.name!r} is for language {nlp.lang!r}, not German")
    return nlp


def has_sentence_boundaries(nlp: Language) -> bool:
    """True if an enabled component sets sentence starts."""
    return any(name in nlp.pipe_names for name in ("parser", "senter", "sentencizer"))


# Split a sentence-final full stop off a year ("1997.") and dashes/slashes inside number ranges
# ("1939–1945", "9.–11."), which German tokenizer defaults keep in one token.
EXTRA_SUFFIXES = (r"(?<=[0-9]{4})\.",)
EXTRA_INFIXES = (r"(?<=[0-9.])[–—/](?=[0-9])",)


def extend_pattern(regex: re.Pattern | None, extra: tuple[str, ...], anchor: str) -> re.Pattern:
    """A tokenizer regex that also matches the `extra` patterns (anchored like the original)."""
    added = "|".join(f"{pattern}{anchor}" if anchor == "$" else pattern for pattern in extra)
    return re.compile(f"{regex.pattern}|{added}" if regex is not None else added)


def adapt_tokenizer(nlp: Language) -> None:
    """Add the number-boundary rules to whatever tokenizer the pipeline has (idempotent)."""
    tokenizer = nlp.tokenizer
    suffix = getattr(tokenizer.suffix_search, "__self__", None)
    infix = getattr(tokenizer.infix_finditer, "__self__", None)
    if suffix is not None and EXTRA_SUFFIXES[0] in suffix.pattern:
        return
    tokenizer.suffix_search = extend_pattern(suffix, EXTRA_SUFFIXES, "$").search
    tokenizer.infix_finditer = extend_pattern(infix, EXTRA_INFIXES, "").finditer


def ensure_linguistic_basics(nlp: Language) -> None:
    """Add number-aware tokenization, sound token edges, paragraph breaks, sentence boundaries and lemmas if
    missing."""
    adapt_tokenizer(nlp)
    first_structural = next(
        (name for name in ("parser", "senter", "sentencizer") if name in nlp.pipe_names), None
    )
    if "paragraph_breaks" not in nlp.pipe_names:
        if first_structural:
            nlp.add_pipe("paragraph_breaks", before=first_structural)
        else:
            nlp.add_pipe("paragraph_breaks", first=True)
    if not has_sentence_boundaries(nlp):
        nlp.add_pipe("sentencizer", after="paragraph_breaks")
    if "lemmatizer" not in nlp.pipe_names:
        lemmatizer = nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
        lemmatizer.initialize()
    if "token_edges" not in nlp.pipe_names:
        nlp.add_pipe("token_edges", first=True)  # before anything reads or sets token structure


def add_extractors(nlp: Language, names: tuple[str, ...] = EXTRACTORS) -> None:
    """Append the product's extractor components (and the events component) once each."""
    for name in (*names, "events", "event_decision"):
        if name not in nlp.pipe_names:
            nlp.add_pipe(name)


def build_pipeline(requested: str | None = None) -> tuple[Language, ModelChoice]:
    """Load a German pipeline and make it ready for every stage of the product."""
    choice = resolve_model(requested)
    nlp = load_base(choice)
    ensure_linguistic_basics(nlp)
    add_extractors(nlp)
    return nlp, choice
