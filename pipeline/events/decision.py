"""`event_decision` component: a small trained model decides which rule candidates are timeline events.

The rules of `candidates` propose events generously (a trigger, a date, actors); this component
reads each candidate as its sentence plus the rule signals (type, trigger, how it was dated, its
relevance, whether the date lies years before the article, the kinds of actors), and a bag-of-words
text classifier (`pipeline/models/de_event_decision`, trained by `pipeline train events`,
`pipeline/training/events.py`) gives the probability that the candidate is a NATO–Ukraine decision
event of the guidelines (`docs/annotation-guidelines.md`). The score is written to
`Event.decision_score`; the timeline keeps the candidates at or above the model's threshold. A type
the model is confident about (`T_<type>` label) replaces the rule's type.

Without the model folder the component leaves the events as they are (`decision_score` stays -1),
and the timeline falls back to the rule relevance.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from ..records import Event
from .lexicon import Lexicon, load_lexicon
from .relevance import side_hits

DEFAULT_MODEL = Path(__file__).resolve().parents[1] / "models" / "de_event_decision"
EVENT_LABEL = "EVENT"
SIGNAL_SEPARATOR = "|"
SIDES = ("nato", "ukraine", "war", "western", "military")


def year_gap_signal(event: Event, dct: dt.date | None) -> str:
    """How far the event's date lies before or after the publication year."""
    if dct is None or not event.date_start:
        return "gap_unknown"
    gap = int(event.date_start[:4]) - dct.year
    return f"gap_{max(-3, min(2, gap))}"


def side_signals(prefix: str, hits: Counter, levels: tuple[int, ...]) -> list[str]:
    """`s_nato1`, `d_ukraine3`: which sides (events_relevance.tsv) a text names, and how often."""
    return [f"{prefix}_{side}{max(level for level in levels if hits[side] >= level)}"
            for side in SIDES if hits[side] >= levels[0]]


def candidate_text(event: Event, dct: dt.date | None, lexicon: Lexicon, document_hits: Counter) -> str:
    """The text the decision model reads: rule signals as pseudo-words, then the sentence."""
    signals = [
        f"typ_{event.event_type}",
        f"trg_{event.trigger.replace(' ', '_').lower()}",
        f"src_{event.date_source or 'none'}",
        f"prec_{event.precision}",
        f"rel_{round(event.relevance * 5)}",
        "dec_yes" if event.is_decision else "dec_no",
        "money_yes" if event.money else "money_no",
        "per_yes" if event.persons else "per_no",
        year_gap_signal(event, dct),
        *side_signals("s", side_hits(lexicon, [event.text]), (1, 2)),
        *side_signals("d", document_hits, (1, 3, 10)),
        *(f"iso_{code}" for code in sorted(set(event.countries))),
        *(f"org_{name.replace(' ', '_').lower()}" for name in sorted(set(event.organizations))[:4]),
    ]
    return " ".join(signals) + f" {SIGNAL_SEPARATOR} " + " ".join(event.text.split())


def document_side_hits(doc: Doc, lexicon: Lexicon) -> Counter:
    return side_hits(lexicon, [doc.text])


def publication_day(doc: Doc) -> dt.date | None:
    dct = getattr(doc._, "dct", None)
    value = str(getattr(dct, "value", "") or "")
    try:
        return dt.date.fromisoformat(value[:10]) if len(value) >= 10 else None
    except ValueError:
        return None


@Language.factory("event_decision", default_config={"model": None, "threshold": None, "lang": "de"})
def make_event_decision(nlp: Language, name: str, model: str | None, threshold: float | None,
                        lang: str) -> "EventDecision":
    return EventDecision(Path(model) if model else DEFAULT_MODEL, threshold, lang)


class EventDecision:
    """Scores `doc._.events` with the trained decision model (see the module docstring)."""

    def __init__(self, path: Path = DEFAULT_MODEL, threshold: float | None = None, lang: str = "de") -> None:
        self.path = path
        self.lexicon = load_lexicon(lang)
        self.classifier = spacy.load(path) if (path / "meta.json").is_file() else None
        meta = self.classifier.meta if self.classifier is not None else {}
        self.threshold = threshold if threshold is not None else float(meta.get("threshold", 0.5))

    def __call__(self, doc: Doc) -> Doc:
        return next(self.pipe([doc]))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 64) -> Iterator[Doc]:
        docs = list(docs)
        if self.classifier is None:
            yield from docs
            return
        texts = []
        for doc in docs:
            if doc._.events:
                hits, dct = document_side_hits(doc, self.lexicon), publication_day(doc)
                texts.extend(candidate_text(event, dct, self.lexicon, hits) for event in doc._.events)
        scored = iter(self.classifier.pipe(texts, batch_size=256))
        for doc in docs:
            doc._.events = [self.decide(event, next(scored).cats) for event in (doc._.events or [])]
            yield doc

    def decide(self, event: Event, cats: dict[str, float]) -> Event:
        score = round(cats.get(EVENT_LABEL, 0.0), 4)
        return replace(event, decision_score=score, in_timeline=score >= self.threshold)
