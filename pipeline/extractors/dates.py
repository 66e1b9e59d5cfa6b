"""`dates` component: German temporal expressions → `doc.spans["dates"]` with `span._.timex` set.

Thin wrapper around `pipeline.temporal`: the grammar finds expressions in `doc.text`, the publication
date may be refined from textual evidence (`doc._.dct` becomes method="inferred"), and every match is
normalised in text order (news mode: relative to the DCT; narrative mode: to the last explicit date).
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from .. import extensions  # noqa: F401
from ..records import PubDate, Timex
from ..temporal.anchoring import Resolver
from ..temporal.dct import infer_dct
from ..temporal.grammar import Match, get_grammar
from ..temporal.lexicon import load_anchor_events
from ..temporal.tense import clause_tense

TIME_OF_DAY_NORMS = ("daypart", "time")  # need a day to anchor to
DAY_NORMS = ("deictic", "weekday")  # name a day without a date: gestern, am Dienstag
CLAUSE_BREAK = re.compile(r"[,;:.!?–—\n]")

DEFAULT_CONFIG = {
    "mode": "news",  # news | narrative
    "anchor_events": "temporal_anchor_events.tsv",  # file under pipeline/resources/<lang>/
    "infer_dct": True,
    "lang": "de",
}


@Language.factory("dates", default_config=DEFAULT_CONFIG)
def make_component(nlp: Language, name: str, mode: str, anchor_events: str, infer_dct: bool,
                   lang: str) -> "DatesComponent":
    return DatesComponent(mode=mode, anchor_events=anchor_events, infer_dct=infer_dct, lang=lang)


class DatesComponent:
    """Find, normalise and anchor temporal expressions of one document."""

    def __init__(self, mode: str = "news", anchor_events: str = "temporal_anchor_events.tsv",
                 infer_dct: bool = True, lang: str = "de"):
        if mode not in ("news", "narrative"):
            raise ValueError(f"dates: mode must be 'news' or 'narrative', not {mode!r}")
        self.mode = mode
        self.anchor_events_file = anchor_events
        self.infer = infer_dct
        self.lang = lang
        self.grammar = get_grammar(lang, anchor_events)
        self.events = load_anchor_events(anchor_events, lang)

    def __call__(self, doc: Doc) -> Doc:
        matches = self.grammar.find(doc.text)
        spans = [doc.char_span(m.start, m.end, alignment_mode="expand") for m in matches]
        tokens = {id(m): (s.start, s.end) for m, s in zip(matches, spans) if s is not None}
        has_sents = doc.has_annotation("SENT_START")

        def tense(match: Match) -> str:
            if not has_sents or id(match) not in tokens:
                return ""
            start, end = tokens[id(match)]
            return clause_tense(doc, start, end, self.grammar.lex)

        dct: PubDate = doc._.dct or PubDate()
        if self.infer and self.mode == "news" and dct.precision != "day":
            inferred = infer_dct(doc, matches, dct, self.grammar.lex, self.events, tense,
                                 anniversaries=self.grammar.anniversaries)
            if inferred is not None:
                dct = inferred
                doc._.dct = inferred
        resolver = Resolver(self.grammar.lex, self.mode, dct, self.events, tense, doc.text)
        timexes: dict[int, Timex] = {}
        seen: set[tuple[int, int]] = set()
        for i in resolution_order(matches, doc.text):
            span = spans[i]
            if span is None or (span.start, span.end) in seen:
                continue  # two expressions inside one token ("1939–1945"): the token gets the first
            seen.add((span.start, span.end))
            timex = resolver.resolve(matches[i])
            if timex is not None:
                timexes[i] = timex
        result: list[Span] = []
        for i, timex in sorted(timexes.items()):
            spans[i]._.timex = timex
            result.append(spans[i])
        doc.spans["dates"] = result
        return doc

    def to_disk(self, path, exclude=tuple()):  # configuration lives in the config; nothing else to save
        return None

    def from_disk(self, path, exclude=tuple()):
        return self


def resolution_order(matches: list[Match], text: str) -> list[int]:
    """Indices of `matches` in the order to resolve them: text order, except that a part of day or clock time
    waits for a day word later in the same clause ("Schon am frühen Morgen kreisten gestern die Hubschrauber":
    the morning is yesterday's), so that the day word is its reference."""
    order: list[int] = []
    waiting: dict[int, list[int]] = {}
    for i, m in enumerate(matches):
        if m.norm in TIME_OF_DAY_NORMS:
            later = next((j for j in range(i + 1, len(matches)) if matches[j].norm in DAY_NORMS), None)
            if later is not None and not CLAUSE_BREAK.search(text, m.end, matches[later].start):
                waiting.setdefault(later, []).append(i)
                continue
        order.append(i)
        order.extend(waiting.pop(i, []))
    return order
