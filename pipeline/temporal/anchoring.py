"""Normalise matched expressions to TIMEX3 values, anchoring relative ones.

News mode resolves relative expressions against the publication date (DCT); narrative mode against
the last explicit date in the text (the reference time moves on with every resolved date). A value is
never more precise than what the anchor supports: with a month-level DCT, "morgen" is that month.

Layout and clause structure refine the reference in news: a clock time that opens a line ("09:40 Uhr – Prag:
…") is a live-ticker entry of the ticker's day heading (a line that is only a date) or of the DCT, not of the
last weekday in the prose above, and a part of day in that entry without a day of its own follows it;
"am selben Tag" repeats the day of the main clause of the last sentence that named a day, not the day of a
subordinate "nachdem …" clause (`temporal_subordinators.tsv`).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Callable

from ..records import PubDate, Timex
from . import calendar as cal
from .grammar import Match
from .lexicon import AnchorEvent, Lexicon

PRECISION_RANK = {"day": 5, "week": 4, "month": 3, "season": 2, "quarter": 2, "year": 1, "decade": 0, "": -1}
DURATION_UNITS = {"D": "D", "W": "W", "M": "M", "Y": "Y", "DE": "DE", "CE": "CE"}
TIME_UNITS = {"H": "H", "MIN": "M", "S": "S"}
SEASON_ORDER = {"SP": 1, "SU": 2, "FA": 3, "WI": 4}
PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
SENTENCE_END = re.compile(r"(?<!\d)[.!?](?=\s+[A-ZÄÖÜ\"„])|\n")  # "am 4. April" ends no sentence
LINE_LEAD = re.compile(r"[\s*#>•·|_+–—-]*(?:(?:um|Um|gegen|Gegen|ab|Ab)\s+)?")  # markup before a ticker time
LINE_REST = re.compile(r"[\s*#>•·|_:.,–—-]*")  # markup and punctuation around a day heading
TICKER_NEXT = re.compile(r"\s*\n[\s*#>•·|_+–—-]*(?:[01]?\d|2[0-3])[:.][0-5]\d(?!\d)")  # next line opens with a time
CLAUSE_START = re.compile(r"[,;:–—(]|(?<!\d)[.!?]\s|\n")


def season_index(month: int) -> int:
    """Position of `month` in the season order of its calendar year: January and February still belong to
    the winter that began the December before (0), December begins this year's winter (4)."""
    return 0 if month < 3 else 1 if month < 6 else 2 if month < 9 else 3 if month < 12 else 4


@dataclass
class Point:
    """A resolved date as a representative day plus its precision (the anchor state)."""

    day: dt.date
    precision: str
    value: str

    @classmethod
    def from_value(cls, value: str) -> "Point | None":
        start, _end, precision = cal.interval(value)
        if not start or precision not in PRECISION_RANK or precision in ("", "decade"):
            return None
        return cls(dt.date.fromisoformat(start), precision, value)


def sentence_start(text: str, pos: int) -> int:
    """Start of the sentence around `pos` (after the last sentence end or line break before it)."""
    ends = [m.end() for m in SENTENCE_END.finditer(text, max(0, pos - 400), pos)]
    return ends[-1] if ends else max(0, pos - 400)


def sentence_end(text: str, pos: int) -> int:
    m = SENTENCE_END.search(text, pos, pos + 400)
    return m.start() if m else min(len(text), pos + 400)


def point_from_pubdate(dct: PubDate) -> Point | None:
    return Point.from_value(dct.value) if dct and dct.known else None


def unit_of(word: str, lex: Lexicon) -> str:
    """Unit letter of a unit word: listed in the units lexicon, else by its prefix ('Jahrs' → 'Y')."""
    word = word.strip()
    return lex.units.get(word) or lex.unit_prefix(word)


def number_text(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


class Resolver:
    """Turns grammar matches into `Timex` records, keeping the narrative reference time."""

    def __init__(self, lex: Lexicon, mode: str, dct: PubDate, events: tuple[AnchorEvent, ...] = (),
                 tense: Callable[[Match], str] | None = None, text: str = ""):
        self.text = text
        self.lex = lex
        self.mode = mode
        self.dct_pub = dct
        self.dct = point_from_pubdate(dct)
        self.previous: Point | None = None
        self.previous_at = 0  # where the mention that set `previous` starts
        self.current: Match | None = None  # the match being resolved
        self.events = events
        self.tense = tense or (lambda _m: "")
        self.days: list[tuple[int, Point, bool]] = []  # resolved days: (start, point, in a subordinate clause)
        self.heading: Point | None = None  # the day of the last line that is only a date (a ticker's day)
        self.ticker: tuple[int, Point, str] | None = None  # (line start, day) of the last line opened by a clock time

    # ---- anchors -------------------------------------------------------------------------------
    def anchor_for(self, kind: str, nearby: bool = True) -> tuple[Point | None, str]:
        """The anchor of a relative expression: kind 'dct' (news) or 'previous'.

        News without a publication date takes the previous date only from the same paragraph ("Ende 2021
        hatte …" says nothing about the year of a "Ende Juni" paragraphs later); `nearby=False` lifts that
        for uses that need only the century."""
        if self.mode == "news" and kind == "dct":
            return self.dct, "dct"
        if self.previous is not None and (not nearby or self.previous_is_near()):
            return self.previous, "previous"
        return self.dct, "dct"

    def previous_is_near(self) -> bool:
        """Narrative mode, a known DCT, or `previous` set in the paragraph of the current match."""
        if self.mode != "news" or self.dct is not None or self.current is None:
            return True
        return not PARAGRAPH_BREAK.search(self.text, self.previous_at, self.current.start)

    def aside(self, match: Match) -> bool:
        """True for mentions that do not move the narrative time: "seit 1939", "bis 1881", "(1890–1970)"."""
        if not self.text:
            return False
        before = self.text[max(0, match.start - 30):match.start]
        if self.lex.aside_cue.search(before):
            return True
        line_start = self.text.rfind("\n", 0, match.start) + 1
        opened = self.text.rfind("(", line_start, match.start)
        return opened >= 0 and self.text.rfind(")", opened, match.start) < 0

    def remember(self, timex: Timex) -> None:
        if timex.type not in ("DATE", "TIME") or not timex.date_start:
            return
        point = Point.from_value(timex.value.split("T")[0] if "T" in timex.value else timex.value)
        if point is None:
            return
        prev = self.previous
        if (prev is not None and PRECISION_RANK[point.precision] < PRECISION_RANK[prev.precision]
                and prev.value.startswith(point.value)):
            return  # a coarser mention of the same period keeps the finer reference
        self.previous = point
        self.previous_at = self.current.start if self.current is not None else 0
        if point.precision == "day" and self.current is not None:
            self.days.append((self.current.start, point, self.subordinate(self.current.start)))
            if timex.type == "DATE" and self.day_heading(self.current):
                self.heading = point

    # ---- text layout ---------------------------------------------------------------------------
    def line_start(self, pos: int) -> int:
        return self.text.rfind("\n", 0, pos) + 1

    def line_initial(self, match: Match) -> bool:
        """The match opens its line, after markup or "um" at most ("09:40 Uhr – Prag: …", "**12:55**")."""
        start = self.line_start(match.start)
        return bool(self.text) and LINE_LEAD.fullmatch(self.text, start, match.start) is not None

    def day_heading(self, match: Match) -> bool:
        """The match is all of its line but markup ("Freitag, 31. Mai 2024", "**30.05.2024**") and the next
        line opens with a clock time: the day heading of live-ticker entries (a date line is not one)."""
        if not self.text:
            return False
        start, end = self.line_start(match.start), self.text.find("\n", match.end)
        end = len(self.text) if end < 0 else end
        return (LINE_REST.fullmatch(self.text, start, match.start) is not None
                and LINE_REST.fullmatch(self.text, match.end, end) is not None
                and TICKER_NEXT.match(self.text, end) is not None)

    def subordinate(self, pos: int) -> bool:
        """The clause before `pos` opens with a subordinating conjunction ("…, nachdem der Senat am …")."""
        if not self.text:
            return False
        begin = max(0, pos - 200)
        breaks = [m.end() for m in CLAUSE_START.finditer(self.text, begin, pos)]
        clause = self.text[breaks[-1] if breaks else begin:pos]
        words = re.findall(r"\w+", clause.lower())
        return bool(words) and words[0] in self.lex.subordinators

    def same_day(self, pos: int) -> tuple[Point, str] | None:
        """The day that "am selben Tag" at `pos` repeats: of the last sentence before it that names a day, the
        last day named in a main clause, else its last day ("Er unterzeichnete am Mittwoch, nachdem der Senat
        am Dienstagabend zugestimmt hatte. … noch am selben Tag" → Mittwoch)."""
        before = [d for d in self.days if d[0] < pos]
        if not before:
            return None
        begin = sentence_start(self.text, before[-1][0]) if self.text else 0
        sentence = [d for d in before if d[0] >= begin]
        main = [d for d in sentence if not d[2]]
        return (main or sentence)[-1][1], "previous"

    # ---- entry point ---------------------------------------------------------------------------
    def resolve(self, match: Match) -> Timex | None:
        handler = getattr(self, "norm_" + match.norm, None)
        if handler is None:
            return None
        self.current = match
        timex = handler(match, match.groups)
        if timex is not None and not self.aside(match):
            self.remember(timex)
        return timex

    # ---- helpers -------------------------------------------------------------------------------
    def make(self, type_: str, value: str, modifier: str = "", anchor: str = "none") -> Timex:
        start, end, precision = cal.interval(value.split("T")[0] if type_ in ("DATE", "TIME") else "")
        if value.endswith("-WE"):
            start, end, precision = cal.interval(value[:-3])
        return Timex(type_, value, start, end, precision, modifier, anchor)

    def coarse(self, point: Point, precision: str) -> str:
        """`point` at `precision`, or at the point's own precision when that is coarser."""
        if PRECISION_RANK[point.precision] < PRECISION_RANK.get(precision, 0):
            return point.value
        return cal.value_at(point.day, precision)

    def year_for(self, month: int | None, day: int | None, match: Match, season: str = "") -> tuple[int | None, str]:
        """Year of a date written without one: (year, anchor)."""
        if self.mode == "news" and self.dct is not None:
            ref, anchor = self.dct, "dct"
        else:
            ref, anchor = self.anchor_for("previous")
        if ref is None:
            return None, "none"
        year = ref.day.year
        if self.mode != "news" or anchor != "dct":
            earlier = month and ref.precision in ("day", "month", "season", "quarter") and (month, day or 31) < (ref.day.month, ref.day.day)
            if earlier and self.tense(match) == "future":
                return year + 1, anchor  # "die am 1. Januar in Kraft treten sollte" after a September date
            if earlier and self.mode == "news" and month < ref.day.month:
                return None, "none"  # news without a DCT, "Ende Juni 2022 … Ende März": flashback or next year?
            return year, anchor
        if ref.precision == "year" or (month is None and not season):
            return year, anchor
        tense = self.tense(match)
        if season:
            here = SEASON_ORDER[season]
            now = season_index(ref.day.month)  # "im Frühjahr" said in February: this year's spring is ahead
            if tense == "future" and here < now:
                return year + 1, anchor
            if tense == "past" and here > now:
                return year - 1, anchor
            return year, anchor
        if ref.precision == "day":
            key, now = (month, day or 15), (ref.day.month, ref.day.day)
        else:  # a month-level DCT: only the month can be compared
            key, now = (month, 0), (ref.day.month, 0)
        if tense == "past" and key > now:
            return year - 1, anchor  # "Im März kam die Union auf 30 Prozent" written in February
        if tense == "future" and key < now and ref.day.month - month >= 2:
            return year + 1, anchor
        if not tense and ref.day.month - month > 6:
            return year + 1, anchor  # present tense looks ahead: "am 15. Januar" written in November
        return year, anchor

    def modifier(self, g: dict[str, str]) -> str:
        if g.get("part"):
            return self.lex.parts.get(" ".join(g["part"].split()), "")
        if g.get("yearpart"):
            return self.lex.year_parts.get(g["yearpart"], "")
        if g.get("approx"):
            return self.approx(g)
        return ""

    def approx(self, g: dict[str, str]) -> str:
        """'APPROX' when the `approx` group starts with an approximating word ("etwa"), else ''."""
        return "APPROX" if g.get("approx") and g["approx"].split()[0].lower() in self.lex.approx_words else ""

    # ---- normalisers ---------------------------------------------------------------------------
    def norm_explicit(self, m: Match, g: dict[str, str]) -> Timex | None:
        if g.get("yearpart") in self.lex.year_turns and not g.get("year"):
            return self.year_turn(m)
        month = None
        if g.get("monthname"):
            month = self.lex.month(g["monthname"])
        elif g.get("monthnum"):
            month = int(g["monthnum"])
        day = int(g["day"]) if g.get("day") else None
        season, season_mod = self.lex.seasons.get(g.get("season", ""), ("", ""))
        modifier = self.modifier(g) or season_mod
        anchor = "none"
        if g.get("bcyear"):
            value = f"BC{int(g['bcyear']):04d}"
            if month:
                value += f"-{month:02d}" + (f"-{day:02d}" if day else "")
            elif season:
                value += f"-{season}"
            precision = "day" if day else "month" if month else "season" if season else "year"
            return Timex("DATE", value, "", "", precision, modifier, "none")
        if g.get("year") or g.get("year_ahead"):
            year = int(g.get("year") or g["year_ahead"])
        elif g.get("year2"):
            ref, anchor = self.anchor_for("previous", nearby=False)
            century = ref.day.year // 100 if ref else 19
            year = century * 100 + int(g["year2"])
            anchor = "none"
        else:
            if g.get("mshift") and month:
                year, anchor = self.shifted_month_year(month, g["mshift"])
            elif g.get("shift") or g.get("shift2") or m.rule in ("month_rel_year", "season_rel_year", "season_shift"):
                year, anchor = self.shifted_year(m, g, season)
            else:
                year, anchor = self.event_year(month, m) if month else (None, "none")
                if year is None:
                    year, anchor = self.year_for(month, day, m, season)
            if year is None:  # nothing to anchor to: keep what the text says ("XXXX-07-11")
                if not (month or season):
                    return None
                value = (f"XXXX-{month:02d}" + (f"-{day:02d}" if day else "")) if month else f"XXXX-{season}"
                return Timex("DATE", value, "", "", "", modifier, "none")
        if year < 1 or year > 2999:
            return None
        if month and day:
            try:
                value = dt.date(year, month, day).isoformat()
            except ValueError:
                return None
            if g.get("time"):
                hh, mm = re.split(r"[:.]", g["time"])
                return self.make("TIME", f"{value}T{int(hh):02d}:{mm}{self.zone(g)}", modifier, anchor)
            if g.get("daypart"):
                value += "T" + self.lex.dayparts.get(g["daypart"], "")
        elif month:
            value = f"{year:04d}-{month:02d}"
        elif season:
            value = f"{year:04d}-{season}"
        else:
            value = f"{year:04d}"
        return self.make("DATE", value, modifier, anchor)

    def year_turn(self, m: Match) -> Timex | None:
        """"um den Jahreswechsel" without a year: the December before the turn, modifier END (TIMEX3 has no
        value for the boundary). News: the coming turn in a future clause, the last one in a past clause;
        otherwise (and in narrative mode) the nearer one: January to June the last one."""
        if self.mode == "news" and self.dct is not None:
            ref, anchor = self.dct, "dct"
            tense = self.tense(m)
        else:
            ref, anchor = self.anchor_for("previous")
            tense = ""
        if ref is None:
            return None
        year = ref.day.year
        if ref.precision == "year":
            return self.make("DATE", f"{year:04d}", "END", anchor)
        if tense == "past" or (tense != "future" and ref.day.month <= 6):
            year -= 1
        return self.make("DATE", f"{year:04d}-12", "END", anchor)

    def shifted_year(self, m: Match, g: dict[str, str], season: str) -> tuple[int | None, str]:
        """Year of "im Mai vergangenen Jahres", "im kommenden Frühjahr": (year, anchor), None without anchor."""
        word = g.get("shift") or g.get("shift2") or ""
        n, kind = (self.lex.shift(word) or (0, "previous")) if word else (0, "previous")
        ref, anchor = self.anchor_for(kind)
        if ref is None:
            return None, "none"
        if m.rule == "season_shift" and n != 0 and anchor == "dct":
            return self.season_shift_year(ref, season, n), anchor
        return ref.day.year + n, anchor

    def shifted_month_year(self, month: int, word: str) -> tuple[int | None, str]:
        """"im vergangenen Juni": the last June before the reference month; "im kommenden Mai": the next one."""
        n, kind = self.lex.shift(word) or (0, "previous")
        ref, anchor = self.anchor_for(kind)
        if ref is None:
            return None, "none"
        year = ref.day.year
        if n < 0:
            return (year if month < ref.day.month else year - 1), anchor
        if n > 0:
            return (year if month > ref.day.month else year + 1), anchor
        return year, anchor

    def event_year(self, month: int, m: Match) -> tuple[int | None, str]:
        """The year of an anchor event named in the sentence of a bare month that falls in that event
        ("Beim Gipfel in Madrid Ende Juni" → 2022): (year, 'none'), or (None, 'none')."""
        sentence = self.text[sentence_start(self.text, m.start):sentence_end(self.text, m.end)]
        years = set()
        for event in self.events:
            if not event.pattern.search(sentence) or not self.event_valid(event):
                continue
            first, last = dt.date.fromisoformat(event.start), dt.date.fromisoformat(event.end)
            years |= {y for y in range(first.year, last.year + 1)
                      if (first.year, first.month) <= (y, month) <= (last.year, last.month)}
        return (years.pop(), "none") if len(years) == 1 else (None, "none")

    def season_shift_year(self, ref: Point, season: str, n: int) -> int:
        current, year = season_index(ref.day.month), ref.day.year
        if n > 0:
            return year if SEASON_ORDER[season] > current else year + 1
        return year if SEASON_ORDER[season] < current else year - 1

    def norm_weekday(self, m: Match, g: dict[str, str]) -> Timex | None:
        weekday = self.lex.weekdays[g["weekday"]]
        ref, anchor = self.anchor_for("dct")
        if ref is None and self.mode == "news":  # no publication date: a dated day in the same paragraph
            ref, anchor = self.anchor_for("previous")
            ref = ref if ref is not None and ref.precision == "day" else None
        if ref is None:
            return Timex("DATE", f"XXXX-WXX-{weekday}", "", "", "", "", "none")
        if ref.precision != "day":
            return self.make("DATE", ref.value, "", anchor)
        base = ref.day
        wshift = g.get("wshift") or g.get("wshift2")
        if wshift:
            n = (self.lex.shift(wshift) or (0, ""))[0]
            monday = base - dt.timedelta(days=base.isoweekday() - 1) + dt.timedelta(weeks=n)
            target = monday + dt.timedelta(days=weekday - 1)
        else:
            delta = weekday - base.isoweekday()
            forward, backward = delta % 7, -((-delta) % 7)
            shift_word = g.get("shift", "")
            n = (self.lex.shift(shift_word) or (None, ""))[0] if shift_word else None
            if n is not None and n > 0:
                days = forward or 7
            elif n is not None and n < 0:
                days = backward or -7
            elif delta == 0:
                days = 0
            elif self.mode != "news":
                days = forward
            else:
                tense = self.tense(m)
                if tense == "past":
                    days = backward
                elif tense == "future":
                    days = forward
                else:
                    days = forward if forward <= -backward else backward
            target = base + dt.timedelta(days=days)
        if g.get("night"):
            return self.make("DATE", (target - dt.timedelta(days=1)).isoformat() + "TNI", "", anchor)
        value = target.isoformat()
        if g.get("daypart"):
            code = self.lex.dayparts.get(g["daypart"].capitalize(), "")
            value += f"T{code}" if code else ""
        return self.make("DATE", value, "", anchor)

    def norm_deictic(self, m: Match, g: dict[str, str]) -> Timex | None:
        word = " ".join(g["deictic"].split())
        news, narrative = self.lex.deictic[word]
        token = news if self.mode == "news" else narrative
        if token == "AFTER_REF":  # "wenig später" after a reported event: past in a past-tense clause
            token = "PAST_REF" if self.tense(m) == "past" else "FUTURE_REF"
        if token.startswith(("+", "-")):
            ref, anchor = self.anchor_for("dct")
            if token == "+0" and (ref is None or ref.precision != "day"):
                return Timex("DATE", "PRESENT_REF", "", "", "", "", anchor if ref else "none")
            if ref is None:
                return None
            if ref.precision != "day":
                return self.make("DATE", ref.value, "", anchor)
            value = (ref.day + dt.timedelta(days=int(token))).isoformat()
            if word in self.lex.deictic_dayparts:
                value += "T" + self.lex.deictic_dayparts[word]
            return self.make("DATE", value, "", anchor)
        ref, anchor = self.anchor_for("dct")
        return Timex("DATE", token, "", "", "", "", anchor if ref else "none")

    def norm_shift(self, m: Match, g: dict[str, str]) -> Timex | None:
        unit_word = g["unit"]
        word = g.get("shift", "")
        n, kind = (self.lex.shift(word) or (0, "dct" if m.rule == "part_unit" else "previous"))
        ref, anchor = self.anchor_for(kind)
        if (m.rule == "same_period" and n == 0 and anchor == "previous" and ref.precision == "day"
                and (unit_word == "Tag" or unit_word in self.lex.dayparts)):
            ref, anchor = self.same_day(m.start) or (ref, anchor)
        if ref is None:
            return None
        modifier = self.modifier(g)
        if unit_word in self.lex.dayparts:
            if ref.precision != "day":
                return self.make("DATE", ref.value, modifier, anchor)
            day = ref.day + dt.timedelta(days=n)
            return self.make("DATE", f"{day.isoformat()}T{self.lex.dayparts[unit_word]}", modifier, anchor)
        unit = unit_of(unit_word, self.lex)
        if unit == "WE":
            if ref.precision != "day":
                return self.make("DATE", ref.value, modifier, anchor)
            day = cal.shift(ref.day, "W", n)
            return self.make("DATE", cal.value_at(day, "week") + "-WE", modifier, anchor)
        if not unit:
            return None
        precision = cal.UNIT_PRECISION[unit]
        if PRECISION_RANK[ref.precision] < PRECISION_RANK[precision]:
            return self.make("DATE", ref.value if n == 0 else cal.value_at(cal.shift(ref.day, unit, n), ref.precision),
                             modifier, anchor)
        return self.make("DATE", cal.value_at(cal.shift(ref.day, unit, n), precision), modifier, anchor)

    def norm_relnoun(self, m: Match, g: dict[str, str]) -> Timex | None:
        unit, n, kind = self.lex.relative_nouns[" ".join(g["relnoun"].split())]
        ref, anchor = self.anchor_for(kind)
        if ref is None:
            return None
        precision = cal.UNIT_PRECISION[unit]
        day = cal.shift(ref.day, unit, n)
        if PRECISION_RANK[ref.precision] < PRECISION_RANK[precision]:
            return self.make("DATE", cal.value_at(day, ref.precision), "", anchor)
        return self.make("DATE", cal.value_at(day, precision), "", anchor)

    def norm_offset(self, m: Match, g: dict[str, str]) -> Timex | None:
        sign, kind, vague = self.lex.offset_direction(g["dir"])
        number = self.lex.number(g["num"])
        unit = unit_of(g["unit"], self.lex)
        ref, anchor = self.anchor_for(kind)
        modifier = "APPROX" if g.get("approx") else ""
        if number is None or not unit:
            return None
        if g.get("half") and unit == "Y" and number == "1":
            number, unit = "6", "M"
        if self.lex.offset_counted.get(g["dir"].lower()) == "duration" and number != "X":
            return Timex("DURATION", self.duration_value(number, unit), modifier=modifier)  # "binnen zwölf Monaten"
        if number == "X" and vague == "duration":
            return Timex("DURATION", self.duration_value("X", unit), modifier=modifier)
        if number == "X" or "." in number or unit in ("CE",) or unit in TIME_UNITS:
            if unit in TIME_UNITS and ref is not None and number not in ("X",):
                return self.make("DATE", ref.value, modifier, anchor)
            token = "FUTURE_REF" if sign > 0 else "PAST_REF"
            return Timex("DATE", token, "", "", "", modifier, anchor if ref else "none")
        if ref is None:
            return None
        amount = int(number) * sign
        precision = cal.UNIT_PRECISION.get(unit, "year")
        if unit == "W" and ref.precision == "day" and kind == "previous":
            precision = "day"  # "zwei Wochen später" counts days from a dated event; "in vier Wochen" is a week
        day = cal.shift(ref.day, unit if unit != "Q" else "Q", amount)
        if PRECISION_RANK[ref.precision] < PRECISION_RANK[precision]:
            return self.make("DATE", cal.value_at(day, ref.precision), modifier, anchor)
        return self.make("DATE", cal.value_at(day, precision), modifier, anchor)

    def duration_value(self, number: str, unit: str) -> str:
        if unit == "H" and number != "X" and float(number).is_integer() and int(float(number)) % 24 == 0:
            return f"P{int(float(number)) // 24}D"
        if number != "X" and not float(number).is_integer() and unit in ("Y", "CE"):
            whole, rest = divmod(float(number), 1)
            small, factor = ("M", 12) if unit == "Y" else ("DE", 10)
            parts = (f"{int(whole)}{unit}" if whole else "") + f"{number_text(rest * factor)}{small}"
            return "P" + parts
        if unit in TIME_UNITS:
            return f"PT{number}{TIME_UNITS[unit]}"
        if unit == "Q":
            return f"P{number_text(float(number) * 3)}M" if number != "X" else "PXM"
        if number != "X" and not float(number).is_integer() and unit == "Y":
            return f"P{number_text(float(number) * 12)}M"
        return f"P{number}{DURATION_UNITS.get(unit, unit)}"

    def norm_duration(self, m: Match, g: dict[str, str]) -> Timex | None:
        modifier = self.approx(g)
        if g.get("vagueunit"):
            unit = unit_of(g["vagueunit"].capitalize(), self.lex)
            return Timex("DURATION", self.duration_value("X", unit), modifier=modifier)
        if g.get("stem"):
            number = self.lex.number(g["num"])
            unit = self.lex.compound_units[g["stem"]]
            return Timex("DURATION", self.duration_value(number or "X", unit), modifier=modifier) if number else None
        unit = unit_of(g["unit"], self.lex)
        if not unit:
            return None
        if g.get("seit"):
            return Timex("DURATION", self.duration_value("X", unit), modifier=modifier)
        number = self.lex.number(g["num"])
        if number is None:
            return None
        if g.get("half"):
            number = "X" if number == "X" else number_text(float(number) * 0.5) if g["num"][0].isdigit() else "0.5"
        return Timex("DURATION", self.duration_value(number_text(float(number)) if number != "X" else "X", unit),
                     modifier=modifier)

    def norm_window(self, m: Match, g: dict[str, str]) -> Timex | None:
        unit = unit_of(g["unit"], self.lex)
        if not unit:
            return None
        if g.get("num"):
            number = self.lex.number(g["num"])
            if number is None:
                return None
            return Timex("DURATION", self.duration_value(number if number == "X" else number_text(float(number)), unit))
        if g.get("within") and g["unit"] not in self.lex.plural_units:
            return Timex("DURATION", self.duration_value("1", unit))  # "innerhalb des nächsten Jahres": P1Y
        value = self.lex.window_shifts.get(g["shift"], "PAST_REF")
        if value == "DURATION":
            return Timex("DURATION", self.duration_value("X", unit))
        ref, anchor = self.anchor_for("dct")
        return Timex("DATE", value, "", "", "", "", anchor if ref else "none")

    def norm_set(self, m: Match, g: dict[str, str]) -> Timex | None:
        """"wöchentlich", "einmal im Monat", "jedes Jahr", "alle zwei Wochen", "Tag für Tag": SET P<n><unit>."""
        if g.get("setword"):
            return Timex("SET", f"P1{self.lex.set_units[g['setword'].lower()]}")
        unit = unit_of(g["unit"], self.lex)
        number = self.lex.number(g["num"]) if g.get("num") else "1"
        if not unit or number is None:
            return None
        return Timex("SET", self.duration_value(number if number == "X" else number_text(float(number)), unit))

    def norm_weekend(self, m: Match, g: dict[str, str]) -> Timex | None:
        """"am Wochenende": the last weekend in a past-tense clause (or after "seit dem"), else the coming one."""
        ref, anchor = self.anchor_for("dct")
        if ref is None:
            return Timex("DATE", "XXXX-WXX-WE", "", "", "", "", "none")
        if ref.precision != "day":
            return self.make("DATE", ref.value, "", anchor)
        if g.get("since") or self.tense(m) == "past":
            saturday = ref.day - dt.timedelta(days=(ref.day.isoweekday() - 6) % 7 or 7)
        else:
            saturday = ref.day + dt.timedelta(days=6 - ref.day.isoweekday())  # this week's (Sunday: yesterday's)
        return self.make("DATE", cal.value_at(saturday, "week") + "-WE", "", anchor)

    def norm_decade(self, m: Match, g: dict[str, str]) -> Timex | None:
        if g.get("decade"):
            value = g["decade"][:3]
        else:
            ref, _ = self.anchor_for("previous", nearby=False)
            decade = self.lex.decades[g["decadeword"]]
            century = ref.day.year // 100 if ref else 19
            if ref and century * 100 + decade * 10 > ref.day.year:
                century -= 1  # "die neunziger Jahre" said in 2023 are the 1990s: the latest such decade
            value = f"{century}{decade}"
        return self.make("DATE", value, self.modifier(g), "none")

    def norm_century(self, m: Match, g: dict[str, str]) -> Timex | None:
        n = int(g["ordinal"]) - 1
        if n < 0:
            return None
        if g.get("bc"):
            return Timex("DATE", f"BC{n:02d}", "", "", "", self.modifier(g), "none")
        return self.make("DATE", f"{n:02d}", self.modifier(g), "none")

    def norm_time(self, m: Match, g: dict[str, str]) -> Timex | None:
        if g.get("time"):
            hh, mm = re.split(r"[:.]", g["time"])
        else:
            hh, mm = g["hour"], g.get("minute") or "00"
        clock = f"T{int(hh):02d}:{int(mm):02d}{self.zone(g)}"
        ref, anchor = self.anchor_for("previous")
        ticker = self.ticker_day(m)
        if ticker is not None:
            ref, anchor = ticker
            self.ticker = (self.line_start(m.start), ref, anchor)
        if ref is None or ref.precision != "day":
            return Timex("TIME", "XXXX-XX-XX" + clock, "", "", "", "", "none")
        return self.make("TIME", ref.day.isoformat() + clock, "", anchor)

    def ticker_day(self, m: Match) -> tuple[Point, str] | None:
        """The day of a clock time that opens a line in news ("09:40 Uhr – Prag: …"): a live-ticker entry
        of the ticker's day heading, else of the publication day, not of the last weekday in the prose above.
        None when a day word later in its clause was resolved first ("10 Uhr am Mittwoch")."""
        if self.mode != "news" or not self.line_initial(m) or self.previous_at > m.start:
            return None
        if self.heading is not None:
            return self.heading, "previous"
        if self.dct is not None and self.dct.precision == "day":
            return self.dct, "dct"
        return None

    def zone(self, g: dict[str, str]) -> str:
        """UTC offset of the `tz` group ("MESZ" → "+02"), '' without one."""
        return self.lex.time_zone(g.get("tz", ""))

    def norm_daypart(self, m: Match, g: dict[str, str]) -> Timex | None:
        ref, anchor = self.anchor_for("previous")
        code = self.lex.dayparts.get(g["daypart"], "")
        if (self.ticker is not None and self.ticker[0] == self.line_start(m.start)
                and self.previous_at < sentence_start(self.text, m.start)):
            ref, anchor = self.ticker[1], self.ticker[2]  # "17:25 Uhr – … in der Nacht": the ticker entry's day
        if ref is None or ref.precision != "day":
            return None
        return self.make("DATE", f"{ref.day.isoformat()}T{code}", self.modifier(g), anchor)

    def stated_or_anchored_year(self, g: dict[str, str]) -> tuple[int | None, str]:
        """The year written in the match, else the anchor's year (None when there is no anchor)."""
        if g.get("year"):
            return int(g["year"]), "none"
        ref, anchor = self.anchor_for("dct")
        return (ref.day.year if ref is not None else None), anchor

    def norm_holiday(self, m: Match, g: dict[str, str]) -> Timex | None:
        month_day = self.lex.holidays[" ".join(g["holiday"].split())]
        year, anchor = self.stated_or_anchored_year(g)
        if year is None:
            return None
        return self.make("DATE", f"{year:04d}-{month_day}", "", anchor)

    def norm_quarter(self, m: Match, g: dict[str, str]) -> Timex | None:
        n = self.lex.ordinals.get(g["ord"]) or int(g["ord"].rstrip("."))
        half = self.lex.quarter_units[g["qunit"]] == "H"
        if n > (2 if half else 4):
            return None
        year, anchor = self.stated_or_anchored_year(g)
        if year is None:
            return None
        return self.make("DATE", f"{year:04d}-{'H' if half else 'Q'}{n}", "", anchor)

    def norm_eventday(self, m: Match, g: dict[str, str]) -> Timex | None:
        event = self.event_for(g["event"])
        if event is None:
            return None
        day = dt.date.fromisoformat(event.start) + dt.timedelta(days=int(g["ordinal"]) - 1)
        return self.make("DATE", day.isoformat(), "", "none")

    def norm_eventedge(self, m: Match, g: dict[str, str]) -> Timex | None:
        """"am letzten Tag des Jubiläumsgipfels": a day counted from the anchor event's start or end."""
        event = self.event_for(g["event"], counting=False)
        if event is None:
            return None
        edge, offset = self.lex.event_edges[g["edge"]]
        if edge == "start":
            day = dt.date.fromisoformat(event.start) + dt.timedelta(days=offset)
        else:
            day = dt.date.fromisoformat(event.end) - dt.timedelta(days=offset)
        return self.make("DATE", day.isoformat(), "", "none")

    def norm_eventoffset(self, m: Match, g: dict[str, str]) -> Timex | None:
        """"zwei Jahre nach Kriegsbeginn": the anchor event's start plus the offset (else the duration)."""
        number, unit = self.lex.number(g["num"]), unit_of(g["unit"], self.lex)
        event = self.event_for(g["event"], counting=False)
        modifier = "APPROX" if g.get("approx") else ""
        if number is None or not unit:
            return None
        if event is None or number == "X" or "." in number or unit not in cal.UNIT_PRECISION:
            return Timex("DURATION", self.duration_value(number, unit), modifier=modifier)
        day = cal.shift(dt.date.fromisoformat(event.start), unit, int(number))
        return self.make("DATE", cal.value_at(day, cal.UNIT_PRECISION[unit]), modifier, "none")

    def event_for(self, text: str, counting: bool = True) -> AnchorEvent | None:
        """The anchor event named by `text` whose validity window fits the DCT."""
        for event in self.events:
            if (counting and not event.count) or not event.pattern.fullmatch(text):
                continue
            if self.event_valid(event):
                return event
        return None

    def event_valid(self, event: AnchorEvent) -> bool:
        """The DCT lies in the event's validity window (news without a DCT: any window)."""
        if self.mode != "news":
            return self.dct is not None and event.valid_from <= self.dct.value[:10] <= event.valid_to
        if self.dct is None:
            return True
        _s, end, _p = cal.interval(self.dct.value)
        return not (end < event.valid_from or self.dct.value[:10] > event.valid_to)
