"""Timeline stage: merge events from all documents into one chronological timeline. (first version)"""
from __future__ import annotations

from collections.abc import Iterable

from .records import Event, TimelineEntry


def build_timeline(events: Iterable[Event], date_from: str, date_to: str) -> list[TimelineEntry]:
    """Timeline entries for the events inside [date_from, date_to], sorted chronologically."""
    return []
