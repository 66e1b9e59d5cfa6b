"""Infer the publication day (DCT) from textual evidence when the metadata gives only a month or year.

Evidence is turned into constraints on the unknown day `c`, then every candidate day (the metadata
month or year, or the days an anchor event fixes) is scored; only a unique best candidate is accepted,
otherwise the coarser metadata value stays (never a silent guess). Constraints:

- "am 21. Tag des Kriegs": c = start of the anchor event + 20 days (anchor events are a data file);
- "noch am Mittwoch", "heute, Mittwoch": c is a Wednesday;
- "morgen" and "am Donnerstag" in sentences about the same thing (shared rare words): c is a Wednesday;
- a DCT-relative expression ("in vier Wochen", "Donnerstag der kommenden Woche") tied to a dated
  mention ("am 11. und 12. Juli", same rare noun nearby) or to a dated anchor event named in its
  sentence ("NATO-Sondergipfel"): the expression resolved from c must hit that date.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from typing import Callable

from spacy.lang.de.stop_words import STOP_WORDS

from ..records import PubDate
from . import calendar as cal
from .anchoring import Resolver
from .grammar import Match
from .lexicon import AnchorEvent, Lexicon

WORD = re.compile(r"[A-Za-zÄÖÜäöüß][\w-]{4,}")
TOLERANCE_DAYS = {"D": 0, "W": 3, "M": 10, "Y": 45}
Constraint = tuple[str, Callable[[dt.date], bool]]


class Evidence:
    def __init__(self, doc, matches: list[Match], dct: PubDate, lex: Lexicon,
                 events: tuple[AnchorEvent, ...], tense: Callable[[Match], str]):
        self.doc, self.text, self.matches, self.dct = doc, doc.text, matches, dct
        self.lex, self.events, self.tense = lex, events, tense
        self.sentences = self.sentence_bounds()
        words = [set(self.words(s, e)) for s, e in self.sentences]
        self.sentence_words = words
        frequency = Counter(w for ws in words for w in ws)
        calendar_words = set(lex.weekdays) | set(lex.months)  # a shared weekday name links nothing
        self.rare = {w for w, n in frequency.items()
                     if n <= 3 and w.lower() not in STOP_WORDS and w not in calendar_words}

    def sentence_bounds(self) -> list[tuple[int, int]]:
        if self.doc.has_annotation("SENT_START"):
            return [(s.start_char, s.end_char) for s in self.doc.sents]
        bounds, start = [], 0
        for m in re.finditer(r"[.!?]\s+|\n\s*\n", self.text):
            bounds.append((start, m.end()))
            start = m.end()
        return bounds + [(start, len(self.text))]

    def words(self, start: int, end: int) -> list[str]:
        return WORD.findall(self.text[start:end])

    def sentence_of(self, pos: int) -> int:
        for i, (s, e) in enumerate(self.sentences):
            if s <= pos < e:
                return i
        return len(self.sentences) - 1

    def near_words(self, m: Match, width: int = 80) -> set[str]:
        s, e = self.sentences[self.sentence_of(m.start)]
        lo, hi = max(s, m.start - width), min(e, m.end + width)
        return {w for w in self.words(lo, hi) if w in self.rare}

    def linked(self, a: Match, b: Match, near: bool) -> bool:
        sa, sb = self.sentence_of(a.start), self.sentence_of(b.start)
        if sa == sb:
            return True
        if near:
            return bool(self.near_words(a) & self.near_words(b))
        shared = self.sentence_words[sa] & self.sentence_words[sb] & self.rare
        return len(shared) >= 2

    def resolve(self, m: Match, day: dt.date):
        resolver = Resolver(self.lex, "news", PubDate(day.isoformat(), "day", "inferred"), self.events,
                            self.tense, self.text)
        handler = getattr(resolver, "norm_" + m.norm, None)
        return handler(m, m.groups) if handler else None

    # ---- constraints -----------------------------------------------------------------------------
    def event_days(self) -> list[dt.date]:
        days = []
        for m in self.matches:
            if m.rule != "event_day":
                continue
            resolver = Resolver(self.lex, "news", self.dct, self.events, self.tense, self.text)
            timex = resolver.norm_eventday(m, m.groups)
            if timex is not None and self.tense(m) != "past":
                days.append(dt.date.fromisoformat(timex.value))
        return days

    def weekday_cues(self) -> list[Constraint]:
        out: list[Constraint] = []
        weekdays = [m for m in self.matches if m.norm == "weekday" and not m.groups.get("shift")
                    and not m.groups.get("wshift") and not m.groups.get("wshift2")]
        for m in weekdays:
            w = self.lex.weekdays[m.groups["weekday"]]
            if self.lex.same_day_cue.search(self.text[max(0, m.start - 20):m.start]):
                out.append((f"same day {m.groups['weekday']}", lambda c, w=w: c.isoweekday() == w))
        deictic = [m for m in self.matches if m.norm == "deictic"
                   and self.lex.deictic.get(" ".join(m.groups["deictic"].split()), ("", ""))[0][:1] in "+-"
                   and self.lex.deictic[" ".join(m.groups["deictic"].split())][0] != "+0"]
        for d in deictic:
            offset = int(self.lex.deictic[" ".join(d.groups["deictic"].split())][0])
            for m in weekdays:
                if m.start != d.start and self.linked(d, m, near=False):
                    w = self.lex.weekdays[m.groups["weekday"]]
                    out.append((f"{d.groups['deictic']} = {m.groups['weekday']}",
                                lambda c, w=w, o=offset: (c + dt.timedelta(days=o)).isoweekday() == w))
        return out

    def dated_mentions(self) -> list[tuple[Match, dt.date]]:
        resolver = Resolver(self.lex, "news", self.dct, self.events, self.tense, self.text)
        out = []
        for m in self.matches:
            if m.norm != "explicit" or not m.groups.get("day"):
                continue
            if not (m.groups.get("year") or self.dct.known):
                continue
            timex = resolver.norm_explicit(m, m.groups)
            day = cal.parse_day(timex.value) if timex else None
            if day:
                out.append((m, day))
        return out

    def relative_mentions(self) -> list[Match]:
        out = []
        for m in self.matches:
            g = m.groups
            if m.norm == "offset" and self.lex.offset_direction(g.get("dir", ""))[1] == "dct":
                out.append(m)
            elif m.norm == "shift" and (self.lex.shift(g.get("shift", "")) or (0, ""))[1] == "dct":
                out.append(m)
            elif m.norm == "weekday" and (g.get("wshift") or g.get("wshift2") or g.get("shift")):
                out.append(m)
        return out

    def link_constraints(self) -> list[Constraint]:
        out: list[Constraint] = []
        dated = self.dated_mentions()
        for r in self.relative_mentions():
            unit = "D"
            if r.norm == "offset":
                unit = {"W": "W", "M": "M", "Y": "Y"}.get(self.lex.units.get(r.groups["unit"], "D"), "D")
            targets: list[tuple[str, dt.date, dt.date]] = []
            for m, day in dated:
                if self.linked(r, m, near=True):
                    targets.append((self.text[m.start:m.end], day, day))
            sentence = self.text[slice(*self.sentences[self.sentence_of(r.start)])]
            for event in self.events:
                if event.count or not event.pattern.search(sentence):
                    continue
                targets.append((event.name, dt.date.fromisoformat(event.start), dt.date.fromisoformat(event.end)))
            for name, first, last in targets:
                out.append((f"{self.text[r.start:r.end]} -> {name}",
                            lambda c, r=r, f=first, l=last, u=unit: self.hits(r, c, f, l, u)))
        return out

    def hits(self, r: Match, c: dt.date, first: dt.date, last: dt.date, unit: str) -> bool:
        timex = self.resolve(r, c)
        if timex is None or not timex.date_start:
            return False
        lo, hi = dt.date.fromisoformat(timex.date_start), dt.date.fromisoformat(timex.date_end)
        # an approximate offset resolved to a day ("in vier Wochen" from day precision) gets some slack;
        # a week or month value is already as coarse as the text
        tol = dt.timedelta(days=TOLERANCE_DAYS.get(unit, 0) if timex.precision == "day" else 0)
        return lo - tol <= last and first <= hi + tol

    def event_window_ok(self, c: dt.date) -> bool:
        return True


def candidate_days(dct: PubDate) -> list[dt.date]:
    if dct.precision not in ("month", "year") or not dct.known:
        return []
    start, end, _ = cal.interval(dct.value)
    first, last = dt.date.fromisoformat(start), dt.date.fromisoformat(end)
    return [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]


def infer_dct(doc, matches: list[Match], dct: PubDate, lex: Lexicon, events: tuple[AnchorEvent, ...],
              tense: Callable[[Match], str], explain: list | None = None) -> PubDate | None:
    """A day-precision PubDate(method="inferred") when the evidence singles out one day, else None."""
    evidence = Evidence(doc, matches, dct, lex, events, tense)
    candidates = candidate_days(dct)
    constraints: list[Constraint] = []
    for day in evidence.event_days():
        if candidates and day not in candidates:
            continue
        constraints.append((f"event day {day}", lambda c, d=day: c == d))
        if not dct.known:
            candidates = sorted(set(candidates) | {day})
    if not candidates:
        return None
    constraints += evidence.weekday_cues() + evidence.link_constraints()
    if not constraints:
        return None
    scores = {c: sum(1 for _name, test in constraints if test(c)) for c in candidates}
    best = max(scores.values())
    winners = [c for c, s in scores.items() if s == best]
    if explain is not None:
        explain += [name for name, _t in constraints] + [f"best={best} winners={winners[:5]}"]
    if best < 1 or len(winners) != 1:
        return None
    return PubDate(winners[0].isoformat(), "day", "inferred")
