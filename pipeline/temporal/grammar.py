"""Find temporal expressions: rules from `temporal_rules.tsv`, building blocks from the lexicons.

Each rule is one compiled regex run over the whole text; matches of all rules are then resolved
longest-first (ties: rule order). The result is a list of `Match` with character offsets and the
named groups the normaliser needs. Nothing here knows German: words come from the lexicon files.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..resources import load_table
from .lexicon import Lexicon, alternation, initial_cases, load_anchor_events, load_lexicon


@dataclass
class Match:
    start: int
    end: int
    rule: str
    norm: str
    groups: dict[str, str] = field(default_factory=dict)
    order: int = 0

    @property
    def length(self) -> int:
        return self.end - self.start


def building_blocks(lex: Lexicon, events_file: str) -> dict[str, str]:
    plain_months = [w for w in lex.months if not w.endswith(".")]
    abbreviations = [w for w in lex.months if w.endswith(".")]
    numbers = set(lex.numbers) | {w.capitalize() for w in lex.numbers}
    counting = [e.pattern.pattern for e in load_anchor_events(events_file) if e.count]
    every = [e.pattern.pattern for e in load_anchor_events(events_file)]
    return {
        "MONTH": "(?:" + alternation(plain_months, "s?") + r"(?!\w)|" + alternation(abbreviations) + ")",
        "MONTHABBR": alternation([w[:-1] for w in abbreviations]) + r"\.?",
        "WEEKDAY": alternation(lex.weekdays),
        "SEASON": alternation(lex.seasons),
        "PART": alternation(lex.parts),
        "YEARPART": alternation(lex.year_parts),
        "NUM": "(?:" + alternation(numbers) + r"|\d{1,3}(?:,\d+)?)",
        "UNIT": alternation(lex.units),
        "COMPOUND": alternation(lex.compound_units),
        "SHIFT": alternation(initial_cases(lex.shifts)),
        "DEICTIC": alternation(lex.deictic),
        "DAYPART": alternation(lex.dayparts),
        "HOLIDAY": alternation(lex.holidays),
        "RELNOUN": alternation(lex.relative_nouns),
        "DECADEWORD": alternation(lex.decades),
        "SETWORD": alternation(initial_cases(lex.set_units)),
        "ORDINAL": alternation(lex.ordinals),
        "EVENTEDGE": alternation(lex.event_edges),
        "QUARTERUNIT": alternation(lex.quarter_units),
        "WINDOWSHIFT": alternation(lex.window_shifts),
        "EVENTCOUNT": "(?:" + "|".join(f"(?:{p})" for p in counting) + ")" if counting else "(?!)",
        "EVENTANY": "(?:" + "|".join(f"(?:{p})" for p in every) + ")" if every else "(?!)",
        "DAY": r"(?:0?[1-9]|[12][0-9]|3[01])",
        "MON": r"(?:0?[1-9]|1[0-2])",
        "YEAR": r"(?:1[0-9]{3}|20[0-9]{2})",
        "TIME": r"(?:[01]?[0-9]|2[0-3])[:.][0-5][0-9]",
    }


def expand(pattern: str, blocks: dict[str, str]) -> str:
    for name in sorted(blocks, key=len, reverse=True):
        pattern = pattern.replace("%" + name, blocks[name])
    return pattern


@dataclass
class Rule:
    name: str
    norm: str
    guard: str
    regex: re.Pattern
    order: int


class Grammar:
    """All rules of one language, compiled once."""

    def __init__(self, lang: str = "de", events_file: str = "temporal_anchor_events.tsv"):
        self.lex = load_lexicon(lang)
        blocks = building_blocks(self.lex, events_file)
        self.rules = [
            Rule(row["name"], row["norm"], row.get("guard", ""), re.compile(expand(row["pattern"], blocks)), i)
            for i, row in enumerate(self.lex.rules)
        ]
        self.counting_nouns = re.compile(r"[A-ZÄÖÜ][a-zäöüß]+")
        # anniversary phrases ("jährt sich … zum ersten Mal"): evidence for the publication day, not mentions
        self.anniversaries = tuple(re.compile(expand(row["pattern"], blocks))
                                   for row in load_table("temporal_anniversaries.tsv", lang))

    def find(self, text: str) -> list[Match]:
        found: list[Match] = []
        for rule in self.rules:
            for m in rule.regex.finditer(text):
                groups = {k: v for k, v in m.groupdict().items() if v is not None}
                if "core" in groups:
                    start, end = m.span("core")
                else:
                    start, end = m.span()
                if start == end:
                    continue
                if rule.guard and not self.guard(rule.guard, text, start, end, groups):
                    continue
                found.append(Match(start, end, rule.name, rule.norm, groups, rule.order))
        return resolve_overlaps(found)

    def guard(self, name: str, text: str, start: int, end: int, groups: dict[str, str]) -> bool:
        if name == "compound":
            # "23-jährige", "der 75-Jährige": an age, not a period of time
            return not (groups.get("num", "").isdigit() and self.lex.compound_units.get(groups.get("stem", "")) == "Y")
        if name == "duration":
            # "der Dienstag war ein Tag wie kein anderer", "ein Jahr der Krisen": a noun phrase, not a duration
            return not (groups.get("num", "") in self.lex.noun_phrase_articles
                        and self.lex.noun_phrase_cue.match(text, end))
        if name == "bare_year":
            before = text[max(0, start - 25):start]
            after = text[end:end + 30]
            if self.lex.count_cue.search(before):
                return False
            nxt = after.lstrip()
            follower = self.counting_nouns.match(nxt)
            line_start = re.search(r"(?:^|\n)[ \t]*(?:[*•-][ \t]*)?$", before) is not None
            if follower and not self.lex.year_cue.search(before) and not line_start:
                word = follower.group(0)
                # a capitalised word right after a number is usually what is counted (1000 Soldaten),
                # unless it starts a new sentence or clause
                if after[:1] in " \t" and self.lex.month(word) is None:
                    return False
            if self.lex.measure_cue.match(after):
                return False
            return True
        return True


def resolve_overlaps(found: list[Match]) -> list[Match]:
    """Keep the longest match where matches overlap (ties: earlier rule), in text order."""
    found.sort(key=lambda m: (-m.length, m.order, m.start))
    taken: list[tuple[int, int]] = []
    kept: list[Match] = []
    for m in found:
        if any(m.start < e and s < m.end for s, e in taken):
            continue
        taken.append((m.start, m.end))
        kept.append(m)
    kept.sort(key=lambda m: m.start)
    return kept


@lru_cache(maxsize=None)
def get_grammar(lang: str = "de", events_file: str = "temporal_anchor_events.tsv") -> Grammar:
    return Grammar(lang, events_file)
