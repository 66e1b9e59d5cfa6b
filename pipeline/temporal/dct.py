"""Infer the publication day (DCT) from textual evidence when the metadata gives a month, a year or nothing.

Evidence is turned into constraints on the unknown day `c`, then every candidate day is scored by the
constraints it satisfies; only a unique best candidate is accepted, otherwise the coarser metadata value
stays (never a silent guess). Candidates are the days of the metadata month or year; without any metadata
date they are the days the evidence itself points to, and the winner must then satisfy a strong constraint
or two weak ones that agree.

Strong constraints (enough alone):
- a date line at the top: "25. Januar 2023, 19:52 Uhr • aus Berlin", "Brüssel, 14. Februar 2023 (dpa) -";
- "am 21. Tag des Kriegs": c = start of the anchor event + 20 days (anchor events are a data file).
Weak constraints:
- "noch am Mittwoch", "heute, Mittwoch": c is a Wednesday;
- "morgen" and "am Donnerstag" in sentences about the same thing (shared rare words): c is a Wednesday;
- a DCT-relative expression ("in vier Wochen", "Donnerstag der kommenden Woche") tied to a dated mention
  ("am 11. und 12. Juli", same rare noun nearby), to an anchor event named in its sentence
  ("NATO-Sondergipfel") or to an anniversary ("Am Freitag kommender Woche jährt sich der russische Angriff …
  zum ersten Mal", also a bare weekday or "heute" there): the expression resolved from c must hit that date;
- an anniversary without such an expression ("genau 74 Jahre nach … am 4. April 1949"): c is that day;
- without a metadata date only: the first weekday of the lead, in a past clause ("rief … am Dienstag dazu auf":
  a report names the day it appears): c is that weekday.
Without a metadata date, full dates of the lead are candidate days too (but no votes), and c is never before a
full date the text reports in the past tense.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from typing import Callable, NamedTuple

from spacy.lang.de.stop_words import STOP_WORDS

from ..records import PubDate
from . import calendar as cal
from .anchoring import Resolver
from .grammar import Match
from .lexicon import AnchorEvent, Lexicon

WORD = re.compile(r"[A-Za-zÄÖÜäöüß][\w-]{4,}")
TOLERANCE_DAYS = {"D": 0, "W": 3, "M": 10, "Y": 45}
SEARCH_DAYS = {"D": 60, "W": 60, "M": 400, "Y": 800}  # how far from a linked date c may lie, by unit
PARAGRAPH = re.compile(r"\n[ \t]*\n")
LEAD_PARAGRAPHS, LEAD_MIN_CHARS, HEAD_LINES, DATE_LINE_CHARS = 2, 150, 15, 120
# a date line: before the date nothing, a place or weekday with a comma ("Brüssel,") or a label ("Stand:",
# lexicon `date_label`); after it the end of the line, a separator or an agency ("(dpa) -"); a long line needs
# the agency or dash form of a dateline
DATE_LINE_AFTER = re.compile(r"\s*(?:$|[,•|·/]|\(|[-–—]\s)")
DATELINE_AFTER = re.compile(r"\s*(?:\([^()\n]{1,30}\)\s*)?[-–—]\s")


class Constraint(NamedTuple):
    name: str
    test: Callable[[dt.date], bool]
    strong: bool = False


class Evidence:
    def __init__(self, doc, matches: list[Match], dct: PubDate, lex: Lexicon,
                 events: tuple[AnchorEvent, ...], tense: Callable[[Match], str],
                 anniversaries: tuple[re.Pattern, ...] = ()):
        self.doc, self.text, self.matches, self.dct = doc, doc.text, matches, dct
        self.lex, self.events, self.tense, self.anniversary_patterns = lex, events, tense, anniversaries
        self.sentences = self.sentence_bounds()
        words = [set(self.words(s, e)) for s, e in self.sentences]
        self.sentence_words = words
        frequency = Counter(w for ws in words for w in ws)
        calendar_words = set(lex.weekdays) | set(lex.months)  # a shared weekday name links nothing
        self.rare = {w for w, n in frequency.items()
                     if n <= 3 and w.lower() not in STOP_WORDS and w not in calendar_words}
        self.lead_end = self.find_lead_end()

    def sentence_bounds(self) -> list[tuple[int, int]]:
        if self.doc.has_annotation("SENT_START"):
            return [(s.start_char, s.end_char) for s in self.doc.sents]
        bounds, start = [], 0
        for m in re.finditer(r"[.!?]\s+|\n\s*\n", self.text):
            bounds.append((start, m.end()))
            start = m.end()
        return bounds + [(start, len(self.text))]

    def find_lead_end(self) -> int:
        """End of the lead: the first LEAD_PARAGRAPHS paragraphs of running text (headline lines do not count)."""
        start, seen = 0, 0
        for m in list(PARAGRAPH.finditer(self.text)) + [None]:
            end = m.start() if m else len(self.text)
            if end - start >= LEAD_MIN_CHARS:
                seen += 1
                if seen == LEAD_PARAGRAPHS:
                    return end
            start = m.end() if m else end
        return len(self.text)

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

    # ---- dated mentions ------------------------------------------------------------------------------
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

    def head_dates(self) -> list[tuple[Match, dt.date]]:
        """Full dates that stand on a date line near the top (not a list of dates: a chronicle)."""
        out, lines = [], 0
        for m, day in self.dated_mentions():
            if not m.groups.get("year") or m.start > self.lead_end:
                continue
            line_start = self.text.rfind("\n", 0, m.start) + 1
            line_end = self.text.find("\n", m.end)
            line_end = len(self.text) if line_end < 0 else line_end
            if self.text[:line_start].count("\n") - self.text[:line_start].count("\n\n") > HEAD_LINES:
                continue
            before, after = self.text[line_start:m.start], self.text[m.end:line_end]
            if not self.lex.date_label_cue.fullmatch(before) or not DATE_LINE_AFTER.match(after):
                continue
            lines += 1
            if line_end - line_start <= DATE_LINE_CHARS or DATELINE_AFTER.match(after):
                out.append((m, day))
        return out if lines == 1 else []

    def lead_dates(self) -> list[dt.date]:
        """Days of full dates with a year in the lead (not on a date line), in a clause that is not future:
        candidate days, no votes (a retrospective lead "Am 24. Februar 2022 überfiel …" is no report day)."""
        head = {id(m) for m, _day in self.head_dates()}
        return [day for m, day in self.dated_mentions() if m.groups.get("year") and id(m) not in head
                and m.start < self.lead_end and self.tense(m) != "future"]

    def lead_weekday(self) -> int | None:
        """ISO weekday of the first weekday named in the lead, when its clause is past: a report names the
        day it appears ("rief … am Dienstag dazu auf"); a present clause may preview ("Am Freitag jährt sich")."""
        for m in self.matches:
            if m.start >= self.lead_end:
                return None
            if m.rule == "weekday" and not (m.groups.get("shift") or m.groups.get("wshift") or m.groups.get("wshift2")):
                return self.lex.weekdays[m.groups["weekday"]] if self.tense(m) == "past" else None
        return None

    def not_before(self) -> dt.date | None:
        """The latest start of a period the text dates with a year and reports in the past tense."""
        resolver = Resolver(self.lex, "news", PubDate(), self.events, self.tense, self.text)
        starts = []
        for m in self.matches:
            if m.norm == "explicit" and m.groups.get("year") and self.tense(m) == "past":
                timex = resolver.norm_explicit(m, m.groups)
                if timex is not None and timex.date_start:
                    starts.append(dt.date.fromisoformat(timex.date_start))
        return max(starts, default=None)

    def anniversaries(self) -> list[tuple[int, dt.date]]:
        """(sentence, day) of each anniversary phrase whose earlier event the sentence names unambiguously."""
        out = []
        dated = [(m, day) for m, day in self.dated_mentions() if m.groups.get("year")]
        for pattern in self.anniversary_patterns:
            for a in pattern.finditer(self.text):
                years = self.lex.number(a.group("years")) if a.groupdict().get("years") else None
                ordinal = a.groupdict().get("ord")
                if ordinal:
                    years = str(self.lex.ordinals.get(ordinal) or int(ordinal.rstrip(".")))
                if not years or not years.isdigit():
                    continue
                i = self.sentence_of(a.start())
                s, e = self.sentences[i]
                bases = {day for m, day in dated if s <= m.start < e}
                bases |= {dt.date.fromisoformat(ev.start) for ev in self.events
                          if not ev.count and ev.pattern.search(self.text, s, e)}
                if len(bases) == 1:
                    base = bases.pop()
                    out.append((i, cal.shift(base, "Y", int(years))))
        return out

    # ---- constraints ---------------------------------------------------------------------------------
    def weekday_cues(self) -> list[Constraint]:
        out: list[Constraint] = []
        weekdays = [m for m in self.matches if m.norm == "weekday" and not m.groups.get("shift")
                    and not m.groups.get("wshift") and not m.groups.get("wshift2")]
        for m in weekdays:
            w = self.lex.weekdays[m.groups["weekday"]]
            if self.lex.same_day_cue.search(self.text[max(0, m.start - 20):m.start]):
                out.append(Constraint(f"same day {m.groups['weekday']}", lambda c, w=w: c.isoweekday() == w))
        deictic = [m for m in self.matches if m.norm == "deictic" and self.day_offset(m) not in (None, 0)]
        for d in deictic:
            offset = self.day_offset(d) or 0
            for m in weekdays:
                if m.start != d.start and self.linked(d, m, near=False):
                    w = self.lex.weekdays[m.groups["weekday"]]
                    out.append(Constraint(f"{d.groups['deictic']} = {m.groups['weekday']}",
                                          lambda c, w=w, o=offset: (c + dt.timedelta(days=o)).isoweekday() == w))
        return out

    def day_offset(self, m: Match) -> int | None:
        """Days from the publication day of a deictic word ("gestern" → -1), None for other deictic words."""
        news = self.lex.deictic.get(" ".join(m.groups["deictic"].split()), ("", ""))[0]
        return int(news) if news[:1] in "+-" else None

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
        anniversaries = self.anniversaries()
        relatives = self.relative_mentions()
        for r in relatives:
            targets: list[tuple[str, dt.date, dt.date, AnchorEvent | None]] = []
            for m, day in dated:
                if self.linked(r, m, near=True):
                    targets.append((self.text[m.start:m.end], day, day, None))
            i = self.sentence_of(r.start)
            s, e = self.sentences[i]
            for event in self.events:
                if any(j == i for j, _day in anniversaries):
                    break  # the event an anniversary counts from is not the time of its sentence
                named = event.pattern.search(self.text, s, e)
                if event.count or not named or self.lex.aside_cue.search(self.text[max(s, named.start() - 30):named.start()]):
                    continue  # "seit Kriegsbeginn" gives the start of a period, not the time of the sentence
                targets.append((event.name, dt.date.fromisoformat(event.start), dt.date.fromisoformat(event.end), event))
            for name, first, last, event in targets:
                out.append(Constraint(f"{self.text[r.start:r.end]} -> {name}",
                                      lambda c, r=r, f=first, l=last, ev=event: self.valid(ev, c) and self.hits(r, c, f, l)))
        for i, day in anniversaries:
            mentions = self.anniversary_mentions(i)
            out += [Constraint(f"{self.text[r.start:r.end]} -> anniversary {day}",
                               lambda c, r=r, d=day: self.hits(r, c, d, d)) for r in mentions]
            if not mentions:  # "Finnland ist damit Mitglied, genau 74 Jahre nach …": the day of the text
                out.append(Constraint(f"anniversary {day}", lambda c, d=day: c == d))
        return out

    def anniversary_mentions(self, i: int) -> list[Match]:
        """Expressions of sentence `i` that an anniversary dates: relative ones and bare weekdays or day words
        ("Am Freitag jährt sich …", "Heute jährt sich …")."""
        relative = {id(m) for m in self.relative_mentions()}
        return [m for m in self.matches if self.sentence_of(m.start) == i
                and (id(m) in relative or m.norm == "weekday" or (m.norm == "deictic" and self.day_offset(m) is not None))]

    @staticmethod
    def valid(event: AnchorEvent | None, c: dt.date) -> bool:
        return event is None or event.valid_from <= c.isoformat() <= event.valid_to

    def unit(self, r: Match) -> str:
        if r.norm == "offset":
            return {"W": "W", "M": "M", "Y": "Y"}.get(self.lex.units.get(r.groups["unit"], "D"), "D")
        return "D"

    def hits(self, r: Match, c: dt.date, first: dt.date, last: dt.date) -> bool:
        timex = self.resolve(r, c)
        if timex is None or not timex.date_start:
            return False
        lo, hi = dt.date.fromisoformat(timex.date_start), dt.date.fromisoformat(timex.date_end)
        # an approximate offset resolved to a day ("in vier Wochen" from day precision) gets some slack;
        # a week or month value is already as coarse as the text
        tol = dt.timedelta(days=TOLERANCE_DAYS.get(self.unit(r), 0) if timex.precision == "day" else 0)
        return lo - tol <= last and first <= hi + tol

    def link_days(self) -> set[dt.date]:
        """Without a metadata date: the days from which a relative expression hits a date of its sentence."""
        days: set[dt.date] = set()
        links = [(r, day) for m, day in self.dated_mentions() if m.groups.get("year")
                 for r in self.relative_mentions() if self.sentence_of(r.start) == self.sentence_of(m.start)]
        links += [(r, day) for i, day in self.anniversaries() for r in self.anniversary_mentions(i)]
        for r, day in links:
            width = SEARCH_DAYS[self.unit(r)]
            days |= {c for c in (day + dt.timedelta(days=k) for k in range(-width, width + 1)) if self.hits(r, c, day, day)}
        return days


def candidate_days(dct: PubDate) -> list[dt.date]:
    if dct.precision not in ("month", "year") or not dct.known:
        return []
    start, end, _ = cal.interval(dct.value)
    first, last = dt.date.fromisoformat(start), dt.date.fromisoformat(end)
    return [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]


def textual_constraints(evidence: Evidence) -> tuple[list[dt.date], list[Constraint]]:
    """Without a metadata date: candidate days and the constraints that only a text without one may use."""
    head = [day for _m, day in evidence.head_dates()]
    constraints = [Constraint(f"date line {d}", lambda c, d=d: c == d, strong=True) for d in head]
    weekday = evidence.lead_weekday()
    if weekday is not None:
        constraints.append(Constraint(f"lead weekday {weekday}", lambda c, w=weekday: c.isoweekday() == w))
    days = set(head) | set(evidence.lead_dates()) | evidence.link_days()
    days |= {day for _i, day in evidence.anniversaries()}
    earliest = evidence.not_before()
    return sorted(d for d in days if earliest is None or d >= earliest), constraints


def infer_dct(doc, matches: list[Match], dct: PubDate, lex: Lexicon, events: tuple[AnchorEvent, ...],
              tense: Callable[[Match], str], explain: list | None = None,
              anniversaries: tuple[re.Pattern, ...] = ()) -> PubDate | None:
    """A day-precision PubDate(method="inferred") when the evidence singles out one day, else None."""
    evidence = Evidence(doc, matches, dct, lex, events, tense, anniversaries)
    candidates = candidate_days(dct)
    constraints: list[Constraint] = []
    if not dct.known:
        candidates, constraints = textual_constraints(evidence)
    else:  # a date line inside the metadata month or year ("2023-01" and "25. Januar 2023, 19:52 Uhr")
        constraints = [Constraint(f"date line {d}", lambda c, d=d: c == d, strong=True)
                       for _m, d in evidence.head_dates() if d in candidates]
    for day in evidence.event_days():
        if dct.known and day not in candidates:
            continue
        constraints.append(Constraint(f"event day {day}", lambda c, d=day: c == d, strong=True))
        if not dct.known:
            candidates = sorted(set(candidates) | {day})
    if not candidates:
        return None
    constraints += evidence.weekday_cues() + evidence.link_constraints()
    if not constraints:
        return None
    scores = {c: sum(1 for con in constraints if con.test(c)) for c in candidates}
    best = max(scores.values())
    winners = [c for c, s in scores.items() if s == best]
    if explain is not None:
        explain += [con.name for con in constraints] + [f"best={best} winners={winners[:5]}"]
    if best < 1 or len(winners) != 1:
        return None
    if not dct.known and best < 2 and not any(con.strong and con.test(winners[0]) for con in constraints):
        return None  # without a metadata date one weak clue is not enough
    return PubDate(winners[0].isoformat(), "day", "inferred")
