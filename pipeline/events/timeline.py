"""Timeline stage: merge events from all documents into one chronological timeline.

1. Keep the events whose date overlaps the window [date_from, date_to] (background such as
   `im Jahr 1997` or `seit 2002` falls out), that the decision model put in the timeline (or, where
   it did not run, whose relevance reaches `min_relevance`, `timeline_settings.tsv`) and whose date is
   at most a year wide.
2. Cluster events that report one occurrence (`merge`), within and across articles.
3. Turn each cluster into an entry: the finest date of its events (the most frequent one among
   equally fine dates), the type of highest priority (`events_taxonomy.tsv`), all persons,
   countries, money, sources and event ids, the best evidence sentence and a headline built from it.
4. Sort by date_start, finer precision first; entry ids follow that order.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable

from ..records import Event, TimelineEntry
from .intervals import Interval, from_bounds
from .lexicon import Lexicon, load_lexicon
from .merge import Item, cluster, content_words, occasions, text_similarity
from .summary import summarize

MAX_RANK = 6  # year
QUOTATION = re.compile(r"[\"„“»«]\s*\S+(?:\s+\S+){3,}?[\"“”«»]")  # a quoted phrase of four words or more
MAX_CENTRALITY_PEERS = 40  # evidence choice compares an event with at most this many others of its entry


def build_timeline(events: Iterable[Event], date_from: str, date_to: str, lang: str = "de") -> list[TimelineEntry]:
    """Timeline entries for the events inside [date_from, date_to], sorted chronologically."""
    lexicon = load_lexicon(lang)
    window = Interval("window", dt.date.fromisoformat(date_from), dt.date.fromisoformat(date_to), "day")
    items = [item for item in prepare(events, lexicon) if item.interval.overlaps(window)]
    groups = cluster(items, lexicon)
    drafts = [entry_from(group, lexicon) for group in groups]
    drafts.sort(key=lambda d: (d[0].start, d[0].rank, d[0].end, d[1].sources, d[1].event_ids))
    return [TimelineEntry(**{**entry.__dict__, "entry_id": f"tl-{n:03d}"}) for n, (_, entry) in enumerate(drafts, 1)]


def prepare(events: Iterable[Event], lexicon: Lexicon) -> list[Item]:
    items = []
    for index, event in enumerate(events):
        if not belongs_in_timeline(event, lexicon):
            continue
        interval = from_bounds(event.date_value, event.date_start, event.date_end, event.precision)
        if interval is None or interval.rank > MAX_RANK:
            continue
        family = lexicon.type_info(event.event_type).family
        items.append(Item(index, event, interval, content_words(event.text), family, occasions(event.text, lexicon)))
    return items


def belongs_in_timeline(event: Event, lexicon: Lexicon) -> bool:
    """The decision model's verdict where it ran (`event_decision`), else the rule relevance threshold."""
    if event.in_timeline is not None:
        return event.in_timeline
    return event.relevance >= lexicon.settings.get("min_relevance", 0.5)


def entry_date(group: list[Item]) -> Interval:
    """The finest date of the group; among equally fine ones the most frequent, then the earliest."""
    finest = min(item.interval.rank for item in group)
    candidates = [item.interval for item in group if item.interval.rank == finest]
    counts = Counter((i.start, i.end) for i in candidates)
    return min(candidates, key=lambda i: (-counts[(i.start, i.end)], i.start, i.end))


def evidence_score(item: Item, date: Interval, centrality: float) -> tuple:
    """Prefer a sentence that states the entry's date, reports a decision (not a reaction or the
    scene: `hat sich entschieden: Deutschland liefert …` before `Die Nachricht wurde mit
    Erleichterung aufgenommen`), is relevant, is worded like the others of the entry (the medoid),
    reports rather than quotes, names place, money and actors, and is short."""
    event = item.event
    score = (2.0 * ((item.interval.start, item.interval.end) == (date.start, date.end))
             + 1.0 * event.is_decision
             - 0.5 * bool(QUOTATION.search(event.text))
             + 1.5 * centrality
             + 0.8 * event.relevance
             + 0.3 * bool(event.money) + 0.3 * bool(event.location)
             + 0.1 * min(3, len(event.persons) + len(event.organizations) + len(event.countries))
             - 0.002 * max(0, len(event.text) - 160))
    return (-score, event.doc_id, event.sentence)


def centrality(item: Item, group: list[Item]) -> float:
    """Mean wording similarity of an event to the other events of its entry."""
    others = [other for other in group if other is not item][:MAX_CENTRALITY_PEERS]
    if not others:
        return 0.0
    return sum(text_similarity(item.words, other.words) for other in others) / len(others)


def entry_from(group: list[Item], lexicon: Lexicon) -> tuple[Interval, TimelineEntry]:
    date = entry_date(group)
    events = [item.event for item in group]
    entry_type = min((e.event_type for e in events), key=lambda t: lexicon.type_info(t).priority)
    evidence = min(group, key=lambda item: evidence_score(item, date, centrality(item, group))).event
    persons = merged(e.persons for e in events)
    organizations = merged(e.organizations for e in events)
    locations = Counter(e.location for e in events if e.location)
    entry = TimelineEntry(
        entry_id="",
        date_value=date.value,
        date_start=date.start.isoformat(),
        date_end=date.end.isoformat(),
        precision=date.precision,
        event_type=entry_type,
        is_decision=any(e.is_decision for e in events),
        summary=summarize(evidence, persons, organizations, lexicon),
        persons=persons,
        countries=merged(e.countries for e in events),
        money=merged(e.money for e in events),
        location=evidence.location or (locations.most_common(1)[0][0] if locations else ""),
        sources=merged((e.doc_id,) for e in events),
        event_ids=tuple(e.event_id for e in events),
        evidence=evidence.text,
    )
    return date, entry


def merged(values: Iterable[tuple[str, ...]]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(v for group in values for v in group if v))
