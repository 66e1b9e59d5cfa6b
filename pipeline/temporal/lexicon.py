"""The temporal lexicons of one language, read once from `resources/<lang>/temporal_*.tsv`.

Besides the word lists, the context cues (words right before or after a mention) are compiled
here into regexes, so no module hard-codes German words.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
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
    """Word lists of one language; the `*_cue` patterns are compiled from `temporal_context_cues.tsv`."""

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
    deictic_dayparts: dict[str, str]
    dayparts: dict[str, str]
    holidays: dict[str, str]
    relative_nouns: dict[str, tuple[str, int, str]]
    tense: dict[str, str]
    perfect_aux: frozenset[str]
    rules: tuple[dict[str, str], ...]
    approx_words: frozenset[str]
    decades: dict[str, int]
    set_units: dict[str, str]
    ordinals: dict[str, int]
    quarter_units: dict[str, str]
    unit_prefixes: tuple[tuple[str, str], ...]
    offset_directions: dict[str, tuple[int, str, str]]
    window_shifts: dict[str, str]
    time_zones: dict[str, str]
    plural_units: frozenset[str]
    event_edges: dict[str, tuple[str, int]]
    noun_phrase_articles: frozenset[str]
    aside_cue: re.Pattern
    same_day_cue: re.Pattern
    year_cue: re.Pattern
    count_cue: re.Pattern
    measure_cue: re.Pattern
    noun_phrase_cue: re.Pattern
    date_label_cue: re.Pattern
    year_turns: frozenset[str] = frozenset()
    offset_counted: dict[str, str] = field(default_factory=dict)
    subordinators: frozenset[str] = frozenset()

    def month(self, word: str) -> int | None:
        word = " ".join(word.split())
        if word in self.months:
            return self.months[word]
        if word.endswith("s") and word[:-1] in self.months:
            return self.months[word[:-1]]
        if word + "." in self.months:  # an abbreviation without its period in a wire dateline ("01. Aug")
            return self.months[word + "."]
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

    def unit_prefix(self, word: str) -> str:
        """Unit of a word by its longest listed prefix ('Jahrs' → 'Y', 'Wochenende' → 'WE'), else ''."""
        return next((unit for prefix, unit in self.unit_prefixes if word.startswith(prefix)), "")

    def offset_direction(self, word: str) -> tuple[int, str, str]:
        """'vor' → (-1, 'dct', 'ref'): sign, anchor kind and what a vague count gives; unlisted: forward."""
        return self.offset_directions.get(word.lower(), (1, "previous", "ref"))

    def time_zone(self, name: str) -> str:
        """'MESZ' → '+02'; '' for no or an unknown zone."""
        return self.time_zones.get(" ".join(name.split()), "")


def _col(rows, key, value):
    return {row[key]: row[value] for row in rows}


def alternation(words: Iterable[str], suffix: str = "") -> str:
    """A non-capturing, longest-first alternation of literal words (inner spaces match any whitespace)."""
    escaped = sorted({w for w in words if w}, key=len, reverse=True)
    parts = [r"\s+".join(re.escape(p) for p in w.split()) for w in escaped]
    return "(?:" + "|".join(parts) + ")" + suffix


def initial_cases(words: Iterable[str]) -> set[str]:
    """Each word with a lower- and an upper-case first letter ('seit' → seit, Seit)."""
    return {w[:1].lower() + w[1:] for w in words} | {w[:1].upper() + w[1:] for w in words}


def cue_before(rows: tuple[dict[str, str], ...], cue: str) -> str:
    """Regex source for text that ends in a lead word of `cue`, an optional filler word, and whitespace."""
    def words(role: str) -> list[str]:
        return [r["word"] for r in rows if r["cue"] == cue and r["role"] == role]

    fillers = words("filler")
    source = r"\b" + alternation(initial_cases(words("lead"))) + r"\s+"
    return source + ("(?:" + alternation(fillers) + r"\s+)?" if fillers else "")


def measure_after(rows: tuple[dict[str, str], ...]) -> str:
    """Regex source for a measure word right after a number ("1990 Euro"); `whole` words end at a boundary."""
    starts = [r["word"] for r in rows if r["whole"] != "1"]
    whole = [r["word"] for r in rows if r["whole"] == "1"]
    return r"\s*(?:" + alternation(starts) + "|" + alternation(whole, r"\b") + ")"


def words_after(rows: tuple[dict[str, str], ...], cue: str) -> str:
    """Regex source for one `after` word of `cue` right after a mention (optional whitespace before it)."""
    return r"\s*" + alternation(r["word"] for r in rows if r["cue"] == cue and r["role"] == "after") + r"(?!\w)"


def date_label(rows: tuple[dict[str, str], ...]) -> str:
    """Regex source for what may stand before the date of a date line: a place or weekday and a comma
    ("Brüssel, "), or a label of cue `date_label` ("Stand:", "Aktualisiert am"), then a filler ("den")."""
    def words(role: str) -> list[str]:
        return [r["word"] for r in rows if r["cue"] == "date_label" and r["role"] == role]

    return (r"(?:[^\d,:.!?\n]{1,30}[,:]\s*|" + alternation(initial_cases(words("lead"))) + r":?\s*)?"
            + r"(?:" + alternation(words("filler")) + r"\s+)?")


@lru_cache(maxsize=None)
def load_lexicon(lang: str = "de") -> Lexicon:
    t = lambda name: load_table(f"temporal_{name}.tsv", lang)  # noqa: E731
    cues = t("context_cues")
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
        deictic_dayparts={r["word"]: r["daypart"] for r in t("deictic") if r["daypart"]},
        dayparts=_col(t("dayparts"), "word", "code"),
        holidays=_col(t("holidays"), "word", "month_day"),
        relative_nouns={r["word"]: (r["unit"], int(r["shift"]), r["anchor"]) for r in t("relative_nouns")},
        tense=_col(t("tense"), "word", "tense"),
        perfect_aux=frozenset(r["word"] for r in t("perfect_aux")),
        rules=t("rules"),
        approx_words=frozenset(r["word"] for r in t("approx")),
        decades={r["word"]: int(r["decade"]) for r in t("decades")},
        set_units=_col(t("set_words"), "word", "unit"),
        ordinals={r["word"]: int(r["number"]) for r in t("ordinals")},
        quarter_units=_col(t("quarter_units"), "word", "unit"),
        unit_prefixes=tuple(sorted(((r["prefix"], r["unit"]) for r in t("unit_prefixes")),
                                   key=lambda pair: len(pair[0]), reverse=True)),
        offset_directions={r["word"]: (int(r["sign"]), r["anchor"], r["vague"]) for r in t("offset_directions")},
        window_shifts=_col(t("window_shifts"), "word", "value"),
        time_zones=_col(t("time_zones"), "word", "offset"),
        plural_units=frozenset(r["word"] for r in t("units") if r["plural"] == "1"),
        event_edges={r["word"]: (r["edge"], int(r["offset"])) for r in t("event_edges")},
        noun_phrase_articles=frozenset(r["word"] for r in cues if r["cue"] == "noun_phrase" and r["role"] == "lead"),
        aside_cue=re.compile(cue_before(cues, "aside") + "$"),
        same_day_cue=re.compile(cue_before(cues, "same_day") + "$"),
        year_cue=re.compile("(?:" + cue_before(cues, "year") + r"|[(–-]\s*)$"),
        count_cue=re.compile(cue_before(cues, "count") + "$"),
        measure_cue=re.compile(measure_after(t("measure_words"))),
        noun_phrase_cue=re.compile(words_after(cues, "noun_phrase")),
        date_label_cue=re.compile(date_label(cues)),
        year_turns=frozenset(r["word"] for r in t("year_parts") if r.get("turn") == "1"),
        offset_counted={r["word"]: r["counted"] for r in t("offset_directions") if r.get("counted")},
        subordinators=frozenset(r["word"] for r in t("subordinators")),
    )


@lru_cache(maxsize=None)
def load_anchor_events(name: str = "temporal_anchor_events.tsv", lang: str = "de") -> tuple[AnchorEvent, ...]:
    return tuple(
        AnchorEvent(r["name"], r["start"], r["end"] or r["start"], r["valid_from"], r["valid_to"],
                    r["count"] == "1", re.compile(r["pattern"]))
        for r in load_table(name, lang)
    )
