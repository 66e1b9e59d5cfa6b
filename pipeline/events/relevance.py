"""NATO–Ukraine relevance: vocabulary hits (events_relevance.tsv), organisations, countries, roles.

A text counts for the NATO side and for the Ukraine side (the war and Russia count half for the
Ukraine side). A sentence scores 0, 0.5 or 1 per side; a document scores by the number of hits.
Western military support for Ukraine belongs to the NATO context even where NATO is not named: in
an article about Ukraine, a sentence naming a Western actor (the EU, a NATO member country, the
Bundesregierung) together with military vocabulary (Munition, Kampfjets, Friedensfazilität) counts
for the NATO side (`support`), so the EU's top-up of its Peace Facility or a member's jets for Kiew
count, while the EU's farm policy or an Abrams delivery in an article without Ukraine do not.
An article whose sentences name NATO or Ukraine often (its share) gives its decisions and pledges
a floor (`document_prior_*` in timeline_settings.tsv), so an aid decision in a Ukraine article
counts even when its sentence names only the donor and the weapon.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from .lexicon import Lexicon

COUNTRY_SIDES = {"UKR": "ukraine", "RUS": "war"}
WORDS = re.compile(r"[^\W\d_]+")


def side_hits(lexicon: Lexicon, texts: Iterable[str], countries: Iterable[str] = ()) -> Counter:
    """Number of vocabulary hits per side in some texts, plus country codes that mark a side."""
    hits: Counter = Counter()
    for text in texts:
        if not text:
            continue
        for side, pattern in lexicon.relevance:
            hits[side] += len(pattern.findall(text))
    for iso3 in countries:
        side = COUNTRY_SIDES.get(iso3) or lexicon.country_sides.get(iso3)
        if side:
            hits[side] += 1
    return hits


def side_score(hits: Counter, full: float = 1.0, support: bool = False) -> float:
    """0..1: half for the NATO side, half for the Ukraine side (war/Russia counts half of it).
    With `support` (an article about Ukraine) a Western actor with military vocabulary counts for the NATO side."""
    nato = hits["nato"]
    if support:
        nato = max(nato, min(hits["western"], hits["military"]))
    nato = min(1.0, nato / full)
    ukraine = max(min(1.0, hits["ukraine"] / full), 0.5 * min(1.0, hits["war"] / full))
    return 0.5 * nato + 0.5 * ukraine


def about_ukraine(lexicon: Lexicon, document_hits: Counter) -> bool:
    """Whether an article is about Ukraine (its Ukraine vocabulary reaches `document_hits`)."""
    return document_hits["ukraine"] >= lexicon.settings.get("document_hits", 3.0)


def combined(lexicon: Lexicon, sentence_hits: Counter, document_hits: Counter) -> float:
    weight = lexicon.settings.get("sentence_weight", 0.6)
    full = lexicon.settings.get("document_hits", 3.0)
    support = about_ukraine(lexicon, document_hits)
    return weight * side_score(sentence_hits, support=support) \
        + (1 - weight) * side_score(document_hits, full, support=support)


def document_share(lexicon: Lexicon, sentences: Iterable[str], min_words: int = 4) -> float:
    """Share of the sentences (of `min_words` words or more) that name NATO or Ukraine."""
    counted = named = 0
    for text in sentences:
        if len(WORDS.findall(text)) < min_words:
            continue
        counted += 1
        hits = side_hits(lexicon, [text])
        named += bool(hits["nato"] or hits["ukraine"])
    return named / counted if counted else 0.0


def document_prior(lexicon: Lexicon, share: float) -> float:
    """The least relevance of a decision or pledge in an article with this share of NATO/Ukraine sentences."""
    full = lexicon.settings.get("document_prior_share", 0.3)
    return lexicon.settings.get("document_prior_weight", 0.0) * min(1.0, share / full if full else 1.0)
