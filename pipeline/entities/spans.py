"""Small helpers shared by the entity components: overlap resolution, credit ranges, model entities."""
from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Span

from .names import credit_ranges


def model_entities(doc: Doc, label: str) -> list[Span]:
    """The statistical NER's spans of one label (empty if the pipeline has no NER), without the line breaks
    and blanks a model sometimes includes at either end ("SPIEGEL\n\n")."""
    spans = []
    for ent in doc.ents:
        if ent.label_ != label:
            continue
        start, end = ent.start, ent.end
        while start < end and doc[start].is_space:
            start += 1
        while end > start and doc[end - 1].is_space:
            end -= 1
        if start < end:
            spans.append(ent if (start, end) == (ent.start, ent.end) else Span(doc, start, end, label=ent.label))
    return spans


def select_longest(candidates: list[tuple[int, int, object]]) -> list[tuple[int, int, object]]:
    """Keep non-overlapping (start, end, payload) token ranges, longest first, then leftmost."""
    taken: list[tuple[int, int, object]] = []
    used: set[int] = set()
    for start, end, payload in sorted(candidates, key=lambda c: (-(c[1] - c[0]), c[0])):
        if any(i in used for i in range(start, end)):
            continue
        used.update(range(start, end))
        taken.append((start, end, payload))
    return sorted(taken, key=lambda c: c[0])


class CreditIndex:
    """Answers whether a character offset lies inside a photo/agency credit line of the doc."""

    def __init__(self, doc: Doc):
        cached = doc.user_data.get("_credit_ranges")
        if cached is None:
            cached = credit_ranges(doc.text)
            doc.user_data["_credit_ranges"] = cached
        self.starts = [start for start, _ in cached]
        self.ranges = cached

    def covers(self, start_char: int) -> bool:
        i = bisect_right(self.starts, start_char) - 1
        return i >= 0 and self.ranges[i][0] <= start_char < self.ranges[i][1]
