"""The event lexicons of `resources/<lang>/events_*.tsv` and `timeline_settings.tsv`, compiled once.

Triggers are looked up by word form: regular (weak) verb forms and noun endings are generated
from the lemma, irregular ones are listed in the file, so the component does not depend on the
quality of the loaded pipeline's lemmatizer.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..resources import load_table

INSEPARABLE_PREFIXES = ("be", "emp", "ent", "er", "ge", "miss", "ver", "zer", "über", "unter", "wider")


@dataclass(frozen=True)
class Trigger:
    """One row of events_triggers.tsv."""

    lemma: str
    pos: str
    particle: str
    event_type: str
    decision: bool
    compound: bool
    needs: str  # a marker kind (events_markers.tsv) the trigger's clause must hold, or ""
    base: str  # the verb without its separable particle
    refine: bool = False  # the type is taken from the sentence (noun trigger, money, cue); event_type is the fallback


@dataclass(frozen=True)
class TypeInfo:
    event_type: str
    family: str
    priority: int
    label: str
    document_prior: bool = False


@dataclass
class Lexicon:
    """Everything the events component and the merger read from data files."""

    verb_forms: dict[str, list[tuple[Trigger, bool]]]  # form → (trigger, particle still needed)
    noun_forms: dict[str, Trigger]
    compound_suffixes: list[tuple[str, Trigger]]  # longest first
    excluded: frozenset[str]
    types: dict[str, TypeInfo]
    type_cues: list[tuple[re.Pattern, str]]
    markers: dict[str, re.Pattern]
    anaphora: re.Pattern
    relevance: list[tuple[str, re.Pattern]]
    locations: list[tuple[str, str]]  # (name as written, display name), longest first
    settings: dict[str, float] = field(default_factory=dict)
    country_sides: dict[str, str] = field(default_factory=dict)  # ISO3 → side (events_relevance.tsv `country:` rows)

    def type_info(self, event_type: str) -> TypeInfo:
        return self.types.get(event_type, TypeInfo(event_type, "outcome", 99, event_type))


def weak_forms(verb: str) -> set[str]:
    """Regular present, past, participle forms of a weak verb given in the infinitive (no present
    participle: `entscheidend`, `ablehnend` are adjectives, not events)."""
    if verb.endswith(("ern", "eln")):
        stem = verb[:-1]
    elif verb.endswith("en"):
        stem = verb[:-2]
    else:
        stem = verb[:-1]
    e = "e" if stem.endswith(("t", "d", "chn", "ffn", "gn")) else ""
    forms = {verb, stem + "e", stem + e + "st", stem + e + "t", stem + e + "te", stem + e + "ten",
             stem + e + "test", stem + e + "tet"}
    prefixed = verb.startswith(INSEPARABLE_PREFIXES) or verb.endswith("ieren")
    participle = (stem if prefixed else "ge" + stem) + e + "t"
    forms |= {participle, participle + "e", participle + "en", participle + "er", participle + "es"}
    return forms


def verb_forms(row: dict[str, str]) -> set[str]:
    """All forms of the particle-less verb: generated weak forms plus the listed irregular ones,
    without the row's excluded words (`einige` is no form of `einigen`)."""
    lemma, particle = row["lemma"].lower(), row["particle"].lower()
    base = lemma[len(particle):] if particle and lemma.startswith(particle) else lemma
    listed = {form.strip().lower() for form in row["forms"].split("|") if form.strip()}
    return (weak_forms(base) | listed | {base}) - split_words(row["exclude"])


def split_words(field: str) -> set[str]:
    return {w.strip().lower() for w in field.split("|") if w.strip()}


def noun_forms(row: dict[str, str]) -> set[str]:
    lemma = row["lemma"].lower()
    listed = {form.strip().lower() for form in row["forms"].split("|") if form.strip()}
    endings = ("", "s", "es", "n", "en", "e") if not lemma.endswith("e") else ("", "n")
    return {lemma + ending for ending in endings} | listed


def word_pattern(alternatives: str) -> re.Pattern:
    """`a|b c` → a case-insensitive pattern for whole words or word sequences."""
    words = [re.escape(w.strip()).replace(r"\ ", r"\s+") for w in alternatives.split("|") if w.strip()]
    return re.compile(r"(?<![\wäöüß])(?:" + "|".join(words) + r")(?![\wäöüß])", re.I)


@lru_cache(maxsize=None)
def load_lexicon(lang: str = "de") -> Lexicon:
    """Compile all event lexicons of a language once."""
    verbs: dict[str, list[tuple[Trigger, bool]]] = {}
    nouns: dict[str, Trigger] = {}
    suffixes: list[tuple[str, Trigger]] = []
    excluded: set[str] = set()
    for row in load_table("events_triggers.tsv", lang):
        particle = row["particle"].lower()
        lemma = row["lemma"]
        trigger = Trigger(
            lemma=lemma, pos=row["pos"], particle=particle, event_type=row["event_type"],
            decision=row["decision"] == "1", compound=row["compound"] == "1", needs=row["needs"],
            base=lemma.lower()[len(particle):] if particle else lemma.lower(), refine=row["refine"] == "1",
        )
        if trigger.pos == "verb":
            forms = verb_forms(row)
            for form in forms:
                if particle:
                    verbs.setdefault(particle + form, []).append((trigger, False))
                    verbs.setdefault(form, []).append((trigger, True))
                else:
                    verbs.setdefault(form, []).append((trigger, False))
            if particle:
                verbs.setdefault(particle + "zu" + trigger.base, []).append((trigger, False))
        else:
            excluded |= split_words(row["exclude"])
            for form in noun_forms(row):
                nouns.setdefault(form, trigger)
                if trigger.compound:
                    suffixes.append((form, trigger))
    suffixes.sort(key=lambda item: -len(item[0]))
    types = {
        row["event_type"]: TypeInfo(row["event_type"], row["family"], int(row["priority"]), row["label"],
                                    row["document_prior"] == "1")
        for row in load_table("events_taxonomy.tsv", lang)
    }
    cues = [(re.compile(row["pattern"], re.I), row["event_type"]) for row in load_table("events_type_cues.tsv", lang)]
    marker_rows = load_table("events_markers.tsv", lang)
    markers = {row["kind"]: word_pattern(row["pattern"]) for row in marker_rows if row["kind"] != "anaphora"}
    anaphora_words = next(row["pattern"] for row in marker_rows if row["kind"] == "anaphora")
    anaphora = re.compile(r"^\W*" + word_pattern(anaphora_words).pattern, re.I)
    relevance_rows = load_table("events_relevance.tsv", lang)
    relevance = [(row["side"], re.compile(row["pattern"], re.I)) for row in relevance_rows
                 if not row["pattern"].startswith("country:")]
    country_sides = {code.strip().upper(): row["side"] for row in relevance_rows if row["pattern"].startswith("country:")
                     for code in row["pattern"][len("country:"):].split("|") if code.strip()}
    locations = sorted(((row["name"], row["location"]) for row in load_table("events_locations.tsv", lang)),
                       key=lambda item: -len(item[0]))
    settings = {row["key"]: float(row["value"]) for row in load_table("timeline_settings.tsv", lang)}
    return Lexicon(verbs, nouns, suffixes, frozenset(excluded), types, cues, markers, anaphora,
                   relevance, locations, settings, country_sides)
