"""Calendar arithmetic on TIMEX3 values: intervals, precision, shifting by units."""
from __future__ import annotations

import calendar as _cal
import datetime as dt
import re

SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}
QUARTER_MONTHS = {1: (1, 3), 2: (4, 6), 3: (7, 9), 4: (10, 12)}


def last_day(year: int, month: int) -> int:
    return _cal.monthrange(year, month)[1]


def add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(day.day, last_day(year, month + 1)))


def shift(day: dt.date, unit: str, amount: int) -> dt.date:
    if unit == "D":
        return day + dt.timedelta(days=amount)
    if unit == "W":
        return day + dt.timedelta(weeks=amount)
    if unit == "M":
        return add_months(day, amount)
    if unit == "Q":
        return add_months(day, 3 * amount)
    if unit == "Y":
        return add_months(day, 12 * amount)
    if unit == "DE":
        return add_months(day, 120 * amount)
    raise ValueError(unit)


def value_at(day: dt.date, precision: str) -> str:
    """The value of the period of `precision` that contains `day`."""
    if precision == "day":
        return day.isoformat()
    if precision == "week":
        iso = day.isocalendar()
        return f"{iso[0]:04d}-W{iso[1]:02d}"
    if precision == "month":
        return f"{day.year:04d}-{day.month:02d}"
    if precision == "quarter":
        return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"
    if precision == "season":  # a winter is named by the year of its December
        season = next(code for code, (first, last) in SEASON_MONTHS.items()
                      if first <= day.month <= last or (first > last and (day.month >= first or day.month <= last)))
        return f"{day.year - (1 if season == 'WI' and day.month <= 2 else 0):04d}-{season}"
    if precision == "year":
        return f"{day.year:04d}"
    if precision == "decade":
        return f"{day.year // 10:03d}"
    raise ValueError(precision)


UNIT_PRECISION = {"D": "day", "W": "week", "M": "month", "Q": "quarter", "Y": "year", "DE": "decade"}

_PATTERNS = [
    (re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$"), "day"),
    (re.compile(r"^(\d{4})-W(\d{2})$"), "week"),
    (re.compile(r"^(\d{4})-(\d{2})$"), "month"),
    (re.compile(r"^(\d{4})-(SP|SU|FA|WI)$"), "season"),
    (re.compile(r"^(\d{4})-Q([1-4])$"), "quarter"),
    (re.compile(r"^(\d{4})-H([12])$"), "half"),
    (re.compile(r"^(\d{4})$"), "year"),
    (re.compile(r"^(\d{3})$"), "decade"),
    (re.compile(r"^(\d{2})$"), "century"),
]


def interval(value: str) -> tuple[str, str, str]:
    """(date_start, date_end, precision) of a TIMEX3 value; empty strings where it has none."""
    for pattern, precision in _PATTERNS:
        m = pattern.match(value)
        if not m:
            continue
        try:
            if precision == "day":
                d = dt.date(int(m[1]), int(m[2]), int(m[3]))
                return d.isoformat(), d.isoformat(), "day"
            if precision == "week":
                start = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
                return start.isoformat(), (start + dt.timedelta(days=6)).isoformat(), "week"
            year = int(m[1])
            if precision == "month":
                month = int(m[2])
                return (dt.date(year, month, 1).isoformat(),
                        dt.date(year, month, last_day(year, month)).isoformat(), "month")
            if precision == "season":
                first, last = SEASON_MONTHS[m[2]]
                end_year = year + 1 if last < first else year
                return (dt.date(year, first, 1).isoformat(),
                        dt.date(end_year, last, last_day(end_year, last)).isoformat(), "season")
            if precision in ("quarter", "half"):
                first, last = (QUARTER_MONTHS[int(m[2])] if precision == "quarter"
                               else ((1, 6) if m[2] == "1" else (7, 12)))
                return (dt.date(year, first, 1).isoformat(),
                        dt.date(year, last, last_day(year, last)).isoformat(),
                        "quarter" if precision == "quarter" else "")
            if precision == "year":
                return f"{year:04d}-01-01", f"{year:04d}-12-31", "year"
            if precision == "decade":
                return f"{year * 10:04d}-01-01", f"{year * 10 + 9:04d}-12-31", "decade"
            if precision == "century":
                return f"{year * 100:04d}-01-01", f"{year * 100 + 99:04d}-12-31", ""
        except ValueError:
            return "", "", ""
    return "", "", ""


def parse_day(value: str) -> dt.date | None:
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})", value)
    if not m:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None
