"""Which events report the same real-world occurrence: pairwise similarity and clustering.

Two events can only be one occurrence when their dates are compatible at their precisions
(`intervals.date_compatibility`), or when one article dates the act by its publication day and another
names a day shortly before it (`report_lag`: the same permission reported on Sunday and on Wednesday). Within that, similarity adds up weighted evidence (weights in
`timeline_settings.tsv`): wording (difflib's ratio over the sorted content words of both
sentences, German stop words from spaCy removed, compounds split at hyphens), shared persons,
the same location, compatible event types (support against gathering or outcome blocks a merge
unless the wording is alike, ratio ≥ 0.5), speaking of the
same kind of gathering (Gipfel, Treffen), shared organisations and countries, and for two events
of one article the same date or neighbouring sentences, but not when their actors differ: two
events of one article and one day by different actors are one occurrence only when other
evidence says so (Macron pledges SCALP missiles, the G7 publish a declaration), and never when
they are worded otherwise (Pistorius' and Austin's packages; NATO and the NATO-Ukraine-Rat are one
body), unless they name
the same gathering (`Blinken nahm auch an dem Treffen teil`) or the second continues the first
(`Sein Nachfolger …`); what one article reports done beside a gathering (`Am Rande des Gipfels
unterzeichneten Biden und Selenski …`) is never one occurrence with its other events unless worded alike; Ukraine and Russia, which nearly every event of the timeline is about,
tell no actors apart.

Clustering is agglomerative over the pairs, best first: two clusters join when their best pair
reaches `merge_threshold`, every cross pair has compatible dates, no two different known
locations meet, and the cross pairs average at least half the threshold, so a chain cannot drift
from one day, place or topic to another through one bridging event.
"""
from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.lang.de.stop_words import STOP_WORDS

from ..records import Event
from .intervals import Interval, date_compatibility
from .lexicon import Lexicon
from .relevance import COUNTRY_SIDES

APART = 0.01  # two events that never merge by themselves, yet may share an entry through others (not 0: incompatible)
WORD = re.compile(r"[\wÄÖÜäöüß]+")
WORD_OR_COMPOUND = re.compile(r"[\wÄÖÜäöüß][\wÄÖÜäöüß-]*")


@dataclass
class Item:
    """An event prepared for comparison."""

    index: int
    event: Event
    interval: Interval
    words: tuple[str, ...]
    family: str
    occasions: frozenset[str] = frozenset()


def content_words(text: str) -> tuple[str, ...]:
    """Sorted distinct content words of a sentence (lowercased, hyphen compounds split)."""
    words = {w for w in WORD.findall(text.lower().replace("-", " ")) if w not in STOP_WORDS and len(w) > 2 and not w.isdigit()}
    return tuple(sorted(words))


def occasions(text: str, lexicon: Lexicon) -> frozenset[tuple[str, str]]:
    """Gathering nouns a sentence speaks of, as (trigger lemma, compound modifier):
    `NATO-Sondergipfel` → (Gipfel, sonder), `Verteidigungsministertreffen` → (Treffen, verteidigungsminister)."""
    found = set()
    for word in WORD_OR_COMPOUND.findall(text):
        low = word.lower()
        if not word[:1].isupper() or low in lexicon.excluded:
            continue
        last = low.rsplit("-", 1)[-1]
        trigger, suffix = lexicon.noun_forms.get(last), last
        if trigger is None:
            suffix, trigger = next(((x, t) for x, t in lexicon.compound_suffixes if last.endswith(x)), ("", None))
        if trigger is not None and lexicon.type_info(trigger.event_type).family == "gathering":
            found.add((trigger.lemma, last[: len(last) - len(suffix)]))
    return frozenset(found)


def occasion_similarity(a: Item, b: Item) -> float:
    """1 for the same gathering noun or the same compound modifier (Sondertreffen ~ Sondergipfel),
    0.5 for two different gatherings, 0 when one sentence names none."""
    if not a.occasions or not b.occasions:
        return 0.0
    if {lemma for lemma, _ in a.occasions} & {lemma for lemma, _ in b.occasions}:
        return 1.0
    if {m for _, m in a.occasions if m} & {m for _, m in b.occasions if m}:
        return 1.0
    return 0.5


@lru_cache(maxsize=100_000)
def text_similarity(a: tuple[str, ...], b: tuple[str, ...]) -> float:
    """difflib's ratio of two sorted content-word tuples (cached: clustering and evidence ask twice)."""
    if not a or not b:
        return 0.0
    if a > b:
        a, b = b, a
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def overlap(a: tuple[str, ...], b: tuple[str, ...]) -> float:
    """Share of the smaller set found in the other (0 when either is empty)."""
    if not a or not b:
        return 0.0
    sa, sb = set(a), set(b)
    return len(sa & sb) / min(len(sa), len(sb))


def type_compatibility(a: Item, b: Item) -> float:
    if a.event.event_type == b.event.event_type:
        return 1.0
    if a.family == b.family or {a.family, b.family} == {"gathering", "outcome"}:
        return 0.5
    return 0.0


def similarity(a: Item, b: Item, lexicon: Lexicon, needed: float | None = None) -> float:
    """0 when the two events cannot be one occurrence, else a weighted similarity (≈ -0.4..1.5).

    With `needed`, the wording is only compared when it could lift the score to that value.
    """
    s = lexicon.settings
    ea, eb = a.event, b.event
    if ea.doc_id != eb.doc_id and (a.interval.days > 31) != (b.interval.days > 31):
        return 0.0  # across articles a season or year is too vague to be recognised as a dated report's day
    compatible = date_compatibility(a.interval, b.interval, s.get("coarse_date_factor", 0.6))
    if compatible == 0.0:
        compatible = report_lag(a, b, lexicon)
    if compatible == 0.0:
        return 0.0
    same_day_here = ea.doc_id == eb.doc_id and (a.interval.start, a.interval.end) == (b.interval.start, b.interval.end)
    if same_day_here and not continues(ea, eb) and different_actors(ea, eb) and occasion_similarity(a, b) < 1.0:
        same_day_here = False  # one article, one day, other actors, no common gathering: maybe another occurrence
        if text_similarity(a.words, b.words) < 0.5 and not related_organizations(ea, eb):
            return APART  # and worded otherwise: another occurrence (Pistorius' and Austin's packages)
    if ea.doc_id == eb.doc_id and sideline(ea.text, lexicon) != sideline(eb.text, lexicon) \
            and text_similarity(a.words, b.words) < 0.5:
        return APART  # `Am Rande des Gipfels unterzeichneten Biden und Selenski …`: another occurrence than the summit's
    if ea.location and eb.location and ea.location != eb.location:
        location = -1.0
    else:
        location = 1.0 if ea.location and ea.location == eb.location else 0.0
    types = type_compatibility(a, b)
    if types == 0.0 and text_similarity(a.words, b.words) < 0.5:
        return 0.0  # help pledged or bought is another occurrence than a meeting or decision, unless worded alike
    score = (s.get("weight_persons", 0.2) * overlap(ea.persons, eb.persons)
             + s.get("weight_location", 0.2) * location
             + s.get("weight_type", 0.15) * (types if types > 0 else -1.0)
             + s.get("weight_occasion", 0.3) * occasion_similarity(a, b)
             + s.get("weight_actors", 0.1) * overlap(ea.organizations + ea.countries, eb.organizations + eb.countries))
    if same_day_here:
        score += s.get("same_doc_bonus", 0.15)
        if abs(ea.sentence - eb.sentence) <= 1:
            score += s.get("adjacent_bonus", 0.35)
    text_weight = s.get("weight_text", 0.35)
    if needed is None or (score + text_weight) * compatible >= needed:
        score += text_weight * text_similarity(a.words, b.words)
    return score * compatible


def report_lag(a: Item, b: Item, lexicon: Lexicon) -> float:
    """Date compatibility of two reports in different articles where one article dates the act only by
    its own publication day (`Biden hat erlaubt …` in a post of Wednesday) and the other names the
    day a little earlier (`am Sonntag erlaubt`): `report_lag_factor` when the explicit day lies at most
    `report_lag_days` before the other article's day, else 0."""
    if a.event.doc_id == b.event.doc_id or a.interval.precision != "day" or b.interval.precision != "day":
        return 0.0
    for reported, named in ((a, b), (b, a)):
        if reported.event.date_source == "dct" and named.event.date_source != "dct":
            lag = (reported.interval.start - named.interval.end).days
            if 0 < lag <= lexicon.settings.get("report_lag_days", 0):
                return lexicon.settings.get("report_lag_factor", 0.0)
    return 0.0


def sideline(text: str, lexicon: Lexicon) -> bool:
    """Whether a sentence reports something done beside a gathering (`am Rande des Gipfels`, `parallel dazu`)."""
    pattern = lexicon.markers.get("sideline")
    return bool(pattern and pattern.search(text))


def continues(a: Event, b: Event) -> bool:
    """Whether one event is the next sentence continuing the other and dated by it (`Stoltenberg hört
    im Herbst auf. Sein Nachfolger soll Mark Rutte werden.`): its actors are the other's."""
    first, second = (a, b) if a.sentence < b.sentence else (b, a)
    return second.sentence - first.sentence == 1 and second.date_source == "previous"


def different_actors(a: Event, b: Event) -> bool:
    """Whether two events name different actors: they share no person, organisation or country
    (Ukraine and Russia aside), and both name persons, or both name organisations or countries
    (Macron and France against the G7). A person is not compared with an institution: the
    secretary general acts for the alliance."""
    def institutions(event: Event) -> set[str]:
        return set(event.organizations) | (set(event.countries) - COUNTRY_SIDES.keys())

    kinds = [(set(a.persons), set(b.persons)), (institutions(a), institutions(b))]
    if any(x & y for x, y in kinds):
        return False
    return any(x and y for x, y in kinds)


def related_organizations(a: Event, b: Event) -> bool:
    """Whether two events name organisations that share a name part (NATO and the NATO-Ukraine-Rat):
    one body acting through another, not two actors."""
    def parts(event: Event) -> set[str]:
        return {part.lower() for name in event.organizations for part in re.split(r"[-\s]+", name) if len(part) > 1}
    return bool(parts(a) & parts(b))


def cluster(items: list[Item], lexicon: Lexicon) -> list[list[Item]]:
    """Group items into occurrences (see the module docstring)."""
    threshold = lexicon.settings.get("merge_threshold", 0.4)
    scores: dict[tuple[int, int], float] = {}
    compatible: set[tuple[int, int]] = set()
    lag = dt.timedelta(days=lexicon.settings.get("report_lag_days", 0))
    ordered = sorted(items, key=lambda item: item.interval.start)
    for i, a in enumerate(ordered):
        for b in ordered[i + 1:]:
            if b.interval.start > a.interval.end + lag:
                break
            score = similarity(a, b, lexicon, needed=threshold)
            if score != 0.0:
                compatible.add(key(a, b))
                scores[key(a, b)] = score
    members: dict[int, list[Item]] = {item.index: [item] for item in items}
    owner = {item.index: item.index for item in items}
    for (i, j), score in sorted(scores.items(), key=lambda kv: (-kv[1], kv[0])):
        if score < threshold:
            break
        ci, cj = owner[i], owner[j]
        if ci == cj or not joinable(members[ci], members[cj], compatible, scores, threshold):
            continue
        for item in members[cj]:
            owner[item.index] = ci
        members[ci].extend(members.pop(cj))
    return [sorted(group, key=lambda item: item.index) for group in members.values()]


def key(a: Item, b: Item) -> tuple[int, int]:
    return (a.index, b.index) if a.index < b.index else (b.index, a.index)


def joinable(first: list[Item], second: list[Item], compatible: set[tuple[int, int]],
             scores: dict[tuple[int, int], float], threshold: float) -> bool:
    """Every cross pair has compatible dates, no two different locations are involved, and the
    cross pairs are on average at least half as similar as a merge needs (no chaining through
    one bridging event)."""
    locations = {item.event.location for item in first + second if item.event.location}
    if len(locations) > 1:
        return False
    pairs = [key(a, b) for a in first for b in second]
    if not all(pair in compatible for pair in pairs):
        return False
    return sum(scores[pair] for pair in pairs) / len(pairs) >= threshold / 2

