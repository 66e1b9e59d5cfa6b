"""The events stage and the timeline merger.

- `candidates`: the `events` spaCy component (`@Language.factory("events")`), which writes the dated
  events of each sentence to `doc._.events`; it uses `triggers` (the trigger a sentence reports, its
  clause and markers) and `dating` (how an event gets its date).
- `intervals`: date intervals from TIMEX values and bounds; `lexicon`: the trigger, marker and type
  tables of `resources/de/`; `relevance`: the NATO–Ukraine relevance score.
- `decision`: the `event_decision` component: a small trained text classifier
  (`models/de_event_decision`, recipe `training/events.py`) decides which rule candidates are timeline events.
- `timeline`: merges the events of all documents into timeline entries (`build_timeline`), with
  `merge` (clustering events that report one occurrence) and `summary` (entry headlines).

Importing this package registers the `events` and `event_decision` factories.
"""
from .candidates import EventExtractor, extract_events, make_events
from .decision import EventDecision, make_event_decision

__all__ = ["EventDecision", "EventExtractor", "extract_events", "make_event_decision", "make_events"]
