"""Calendar intervals of TIMEX3 values and publication dates, and how two of them relate.

A date at a precision stands for an interval of days: `2024-07` → 2024-07-01..2024-07-31,
`2024-FA` → 2024-09-01..2024-11-30, `2023-07-11/2023-07-12` → both days. Events, timeline entries
and the evaluation all compare dates as such intervals.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "season": 3, "quarter": 4, "half": 5, "year": 6,
                  "decade": 7, "century": 8}
SEASONS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}  # meteorological, WI runs into next year
DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$")
MONTH = re.compile(r"^(\d{4})-(\d{2})$")
YEAR = re.compile(r"^(\d{4})$")
WEEK = re.compile(r"^(\d{4})-W(\d{2})(?:-WE)?$")
SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")
QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
HALF = re.compile(r"^(\d{4})-H([12])$")
DECADE = re.compile(r"^(\d{3})X?$")


@dataclass(frozen=True)
class Interval:
    """Days `start`..`end` (inclusive) standing for a date `value` at `precision`."""

    value: str
    start: dt.date
    end: dt.date
    precision: str

    @property
    def rank(self) -> int:
        return PRECISION_RANK.get(self.precision, len(PRECISION_RANK))

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def overlaps(self, other: "Interval") -> bool:
        return self.start <= other.end and other.start <= self.end

    def within(self, other: "Interval") -> bool:
        return other.start <= self.start and self.end <= other.end


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def parse_value(value: str) -> Interval | None:
    """Interval of a TIMEX3 date value (`2024-04-03`, `2024-07`, `2024-FA`, `2022-W12`, `a/b`), else None."""
    value = (value or "").strip()
    if "/" in value:
        first, _, last = value.partition("/")
        a, b = parse_value(first), parse_value(last)
        if a and b and a.start <= b.end:
            precision = a.precision if a.rank >= b.rank else b.precision
            return Interval(value, a.start, b.end, precision)
        return None
    try:
        if m := DAY.match(value):
            day = dt.date(int(m[1]), int(m[2]), int(m[3]))
            return Interval(value, day, day, "day")
        if m := MONTH.match(value):
            year, month = int(m[1]), int(m[2])
            return Interval(value, dt.date(year, month, 1), month_end(year, month), "month")
        if m := YEAR.match(value):
            year = int(m[1])
            return Interval(value, dt.date(year, 1, 1), dt.date(year, 12, 31), "year")
        if m := WEEK.match(value):
            monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return Interval(value, monday, monday + dt.timedelta(days=6), "week")
        if m := SEASON.match(value):
            year, (first, last) = int(m[1]), SEASONS[m[2]]
            end = month_end(year + 1, last - 12) if last > 12 else month_end(year, last)
            return Interval(value, dt.date(year, first, 1), end, "season")
        if m := QUARTER.match(value):
            year, quarter = int(m[1]), int(m[2])
            return Interval(value, dt.date(year, 3 * quarter - 2, 1), month_end(year, 3 * quarter), "quarter")
        if m := HALF.match(value):
            year, half = int(m[1]), int(m[2])
            return Interval(value, dt.date(year, 6 * half - 5, 1), month_end(year, 6 * half), "half")
        if m := DECADE.match(value):
            decade = int(m[1]) * 10
            return Interval(value, dt.date(decade, 1, 1), dt.date(decade + 9, 12, 31), "decade")
    except ValueError:
        return None
    return None


def from_bounds(value: str, start: str, end: str, precision: str) -> Interval | None:
    """Interval from explicit ISO bounds (as in dates.csv), falling back to parsing the value."""
    try:
        first, last = dt.date.fromisoformat(start[:10]), dt.date.fromisoformat(end[:10])
    except ValueError:
        return parse_value(value)
    if last < first:
        return None
    parsed = parse_value(value)
    return Interval(value or first.isoformat(), first, last, precision or (parsed.precision if parsed else "day"))


def union(intervals: list[Interval]) -> Interval:
    """One interval spanning several coordinated dates (`am 11. und 12. Juli` → `…-11/…-12`)."""
    ordered = sorted(intervals, key=lambda i: (i.start, i.end))
    first, last = ordered[0], max(ordered, key=lambda i: i.end)
    if first.start == last.start and first.end == last.end:
        return first
    coarsest = max(ordered, key=lambda i: i.rank)
    return Interval(f"{first.value}/{last.value}", first.start, last.end, coarsest.precision)


def date_compatibility(a: Interval, b: Interval, coarse_factor: float = 0.6) -> float:
    """How well two dates can name one occurrence: 0 when they exclude each other, 1 when equal.

    Overlapping dates at the same precision (or one inside the other at a neighbouring precision)
    count fully; a day inside a season or year still counts, but only with `coarse_factor`.
    """
    if not a.overlaps(b):
        return 0.0
    if a.precision == b.precision:
        return 1.0 if (a.start, a.end) == (b.start, b.end) or "/" in a.value + b.value else 0.0
    fine, coarse = (a, b) if a.rank < b.rank else (b, a)
    if not fine.within(coarse):
        return 0.0
    return 1.0 if coarse.rank - fine.rank <= 2 and coarse.days <= 31 else coarse_factor
