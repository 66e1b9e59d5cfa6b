"""The temporal lexicons of one language, read once from `resources/<lang>/temporal_*.tsv`."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..resources import load_table


@dataclass(frozen=True)
class AnchorEvent:
    """A dated event relative expressions can be counted from or that dates a mention."""

    name: str
    start: str
    end: str
    valid_from: str
    valid_to: str
    count: bool
    pattern: re.Pattern


@dataclass(frozen=True)
class Lexicon:
    months: dict[str, int]
    weekdays: dict[str, int]
    seasons: dict[str, tuple[str, str]]
    parts: dict[str, str]
    year_parts: dict[str, str]
    numbers: dict[str, str]
    units: dict[str, str]
    compound_units: dict[str, str]
    shifts: dict[str, tuple[int, str]]
    deictic: dict[str, tuple[str, str]]
    dayparts: dict[str, str]
    holidays: dict[str, str]
    relative_nouns: dict[str, tuple[str, int, str]]
    tense: dict[str, str]
    perfect_aux: frozenset[str]
    rules: tuple[dict[str, str], ...]

    def month(self, word: str) -> int | None:
        word = " ".join(word.split())
        if word in self.months:
            return self.months[word]
        if word.endswith("s") and word[:-1] in self.months:
            return self.months[word[:-1]]
        return None

    def shift(self, word: str) -> tuple[int, str] | None:
        """'kommenden' → (1, 'dct'); capitalised forms ("Nächstes") are looked up lower-cased."""
        word = " ".join(word.split())
        return self.shifts.get(word) or self.shifts.get(word[:1].lower() + word[1:])

    def number(self, word: str) -> str | None:
        """'zwei' → '2', '12' → '12', 'mehrere' → 'X'."""
        word = word.strip()
        if re.fullmatch(r"\d+(?:,\d+)?", word):
            return word.replace(",", ".")
        return self.numbers.get(word.lower())


def _col(rows, key, value):
    return {row[key]: row[value] for row in rows}


@lru_cache(maxsize=None)
def load_lexicon(lang: str = "de") -> Lexicon:
    t = lambda name: load_table(f"temporal_{name}.tsv", lang)  # noqa: E731
    return Lexicon(
        months={r["word"]: int(r["month"]) for r in t("months")},
        weekdays={r["word"]: int(r["weekday"]) for r in t("weekdays")},
        seasons={r["word"]: (r["season"], r["modifier"]) for r in t("seasons")},
        parts=_col(t("parts"), "word", "modifier"),
        year_parts=_col(t("year_parts"), "word", "modifier"),
        numbers=_col(t("numbers"), "word", "value"),
        units=_col(t("units"), "word", "unit"),
        compound_units=_col(t("compound_units"), "stem", "unit"),
        shifts={r["word"]: (int(r["shift"]), r["anchor"]) for r in t("shifts")},
        deictic={r["word"]: (r["news"], r["narrative"]) for r in t("deictic")},
        dayparts=_col(t("dayparts"), "word", "code"),
        holidays=_col(t("holidays"), "word", "month_day"),
        relative_nouns={r["word"]: (r["unit"], int(r["shift"]), r["anchor"]) for r in t("relative_nouns")},
        tense=_col(t("tense"), "word", "tense"),
        perfect_aux=frozenset(r["word"] for r in t("perfect_aux")),
        rules=t("rules"),
    )


@lru_cache(maxsize=None)
def load_anchor_events(name: str = "temporal_anchor_events.tsv", lang: str = "de") -> tuple[AnchorEvent, ...]:
    return tuple(
        AnchorEvent(r["name"], r["start"], r["end"] or r["start"], r["valid_from"], r["valid_to"],
                    r["count"] == "1", re.compile(r["pattern"]))
        for r in load_table(name, lang)
    )
