"""Typed records shared by the stages: what extractors attach to spans and what exports write."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PubDate:
    """A publication date at its real precision (`2024-04-03`, `2023-06`, or empty)."""

    value: str = ""
    precision: str = "none"  # day | month | year | none
    method: str = "none"  # metadata | text | inferred | none

    @property
    def known(self) -> bool:
        return bool(self.value)


@dataclass(frozen=True)
class PersonInfo:
    """Canonical person behind a mention (attached as `span._.person`)."""

    name: str
    role: str = ""


@dataclass(frozen=True)
class CountryInfo:
    """Country behind a mention (attached as `span._.country`)."""

    iso3: str
    country: str  # German short name, e.g. "Vereinigte Staaten"
    kind: str  # name | adjective | demonym | compound | capital


@dataclass(frozen=True)
class OrgInfo:
    """Canonical organisation behind a mention (attached as `span._.org`)."""

    name: str
    kind: str = "name"  # name (NATO, Bundesregierung) | compound (NATO-Verteidigungsminister)


@dataclass(frozen=True)
class MoneyInfo:
    """A normalised money amount (attached as `span._.money`)."""

    amount: float
    currency: str  # ISO 4217
    approx: bool = False
    qualifier: str = ""
    equivalent_of: int | None = None  # start char offset of the amount this one restates


@dataclass(frozen=True)
class Timex:
    """A TIMEX3 normalisation of a temporal expression (attached as `span._.timex`)."""

    type: str  # DATE | TIME | DURATION | SET
    value: str
    date_start: str = ""
    date_end: str = ""
    precision: str = ""  # day | week | month | season | quarter | year | decade | ""
    modifier: str = ""  # START | MID | END | APPROX | BEFORE | AFTER | ""
    anchor: str = "none"  # dct | previous | none


@dataclass(frozen=True)
class Event:
    """A dated event stated in one sentence (one row of events.csv)."""

    event_id: str
    doc_id: str
    sentence: int
    text: str
    date_value: str
    date_start: str
    date_end: str
    precision: str
    event_type: str
    is_decision: bool
    trigger: str
    persons: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    organizations: tuple[str, ...] = ()
    money: tuple[str, ...] = ()  # "amount currency" pairs
    location: str = ""
    relevance: float = 0.0
    start: int = 0  # character offsets of the sentence in the document text
    end: int = 0
    date_source: str = ""  # explicit (a date in the sentence) | previous (carried over) | dct
    decision_score: float = -1.0  # the decision model's probability of a timeline event; -1 when not scored
    in_timeline: bool | None = None  # the decision model's verdict; None: the timeline uses the rule relevance


@dataclass(frozen=True)
class TimelineEntry:
    """One merged entry of the timeline (one row of timeline.csv)."""

    entry_id: str
    date_value: str
    date_start: str
    date_end: str
    precision: str
    event_type: str
    is_decision: bool
    summary: str
    persons: tuple[str, ...]
    countries: tuple[str, ...]
    money: tuple[str, ...]
    location: str
    sources: tuple[str, ...]
    event_ids: tuple[str, ...]
    evidence: str

    @property
    def n_sources(self) -> int:
        return len(self.sources)
