"""A short German headline for a timeline entry, built from its evidence sentence: who — what.

The clause of the evidence that holds the trigger is kept, attributions and hedges
(`timeline_summary.tsv`) are dropped unless they open the clause, and it is cut to a headline's
length; the entry's persons (or else organisations) are named in front unless the clause names them.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..records import Event
from ..resources import load_table
from .lexicon import Lexicon

WORD = re.compile(r"[\wÄÖÜäöüß]+")
CLAUSE_SPLIT = re.compile(r",\s+|;\s+|:\s+|\s+[–—]\s+")
MAX_WORDS = 18
RELATIVE_PRONOUNS = {"der", "die", "das", "dem", "den", "deren", "dessen", "denen", "welche", "welcher", "welches", "wo"}


@lru_cache(maxsize=None)
def drop_patterns(lang: str = "de") -> tuple[re.Pattern, ...]:
    return tuple(re.compile(row["pattern"], re.I) for row in load_table("timeline_summary.tsv", lang))


def states_trigger(clause: str, event: Event, lexicon: Lexicon) -> bool:
    """Whether a clause holds the event's trigger (any inflected form of the verb, or the noun)."""
    if event.trigger and event.trigger in clause:
        return True
    return any(trigger.lemma == event.trigger
               for word in WORD.findall(clause) for trigger, _ in lexicon.verb_forms.get(word.lower(), ()))


def keep_opening(match: re.Match, text: str) -> str:
    """Drop a phrase, except one that opens the clause (dropping it would leave the verb first)."""
    if not text[:match.start()].strip() and match.group(0)[:1].isalpha():
        return match.group(0)
    return " "


def headline_clause(event: Event, lexicon: Lexicon) -> str:
    clauses = [c for c in CLAUSE_SPLIT.split(event.text) if c.strip()] or [event.text]
    index = next((i for i, c in enumerate(clauses) if states_trigger(c, event, lexicon)),
                 max(range(len(clauses)), key=lambda i: len(clauses[i])))
    chosen = clauses[index]
    if index and chosen.split()[0] in RELATIVE_PRONOUNS:  # a relative clause needs its noun
        chosen = f"{clauses[index - 1]}, {chosen}"
    for pattern in drop_patterns():
        chosen = pattern.sub(lambda m, text=chosen: keep_opening(m, text), chosen)
    words = chosen.split()
    while words and words[0].lower() in {"und", "oder", "aber", "doch", "denn", "sondern"}:
        words.pop(0)
    text = " ".join(words).rstrip(" .;:,")
    if len(words) > MAX_WORDS:
        text = " ".join(words[:MAX_WORDS]).rstrip(" .;:,") + " …"
    return text[:1].upper() + text[1:]


def summarize(evidence: Event, persons: tuple[str, ...], organizations: tuple[str, ...], lexicon: Lexicon) -> str:
    """`Who: what` from the evidence sentence: who are the evidence's persons (else organisations)
    that the clause does not name; a clause opening with a pronoun (`Sein Nachfolger …`) is
    preceded by the entry's first person it does not name."""
    what = headline_clause(evidence, lexicon)
    actors = list(evidence.persons[:2]) or list(evidence.organizations[:2])
    if lexicon.anaphora.search(what):
        actors = actors + list(persons[:1])
    named = list(dict.fromkeys(a for a in actors if a.split()[-1].lower() not in what.lower()))
    return f"{', '.join(named)}: {what}" if named else what
