"""The money lexicons (`resources/de/money_*.tsv`) turned into lookup tables and regular expressions.

Nothing here knows German: every word comes from a data file. Adding a currency, a scale word or a
hedge is a one-line change to a TSV file.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache

from ..resources import load_table

# blanks allowed inside one mention: spaces, no-break spaces, a single line break (not a paragraph break)
SPACE = r"(?:[ \t\u00a0\u2009\u202f]|\r?\n(?![ \t]*\r?\n))"
DIGIT = "[0-9]"
# digits with German separators: 1.000 / 1.000.000,50 / 15 000 / 1'000 / 1,5 / 1.5 (English decimal) / 2443
_END = r"(?![0-9])(?![.,][0-9])"
# a dash for zero cents in price notation: 5.000,- / 5.000,-- / 49,– (no digit or further dash after it)
ZERO_CENTS = r",(?:-{1,2}|[–—])(?![0-9–—-])"
DIGITS = (
    r"(?<![\w.,/])(?<![^\W\d_]-)"  # not inside a number or a code such as F-35 / ES-11/1
    r"(?:[0-9]{1,3}(?:\.[0-9]{3})+(?:,[0-9]+|" + ZERO_CENTS + ")?" + _END
    # a number grouped by blanks or apostrophes never starts inside a run of such groups (keeps long runs linear)
    + r"|(?<![\u00a0\u2009\u202f ][0-9]{3}[\u00a0\u2009\u202f ])"
    + r"[0-9]{1,3}(?:[\u00a0\u2009\u202f ][0-9]{3})+(?:,[0-9]+|" + ZERO_CENTS + ")?" + _END
    + r"|(?<![0-9]['’])[0-9]{1,3}(?:['’][0-9]{3})+(?:[.,][0-9]+)?" + _END
    + r"|[0-9]+,[0-9]+" + _END
    + r"|[0-9]+\.[0-9]{1,2}" + _END
    + r"|[0-9]+(?:" + ZERO_CENTS + ")?" + _END + ")"
)


def _alternation(surfaces: list[str], word_end: bool = True) -> str:
    """Regex alternation of literal surfaces, longest first; words must end at a word boundary."""
    parts = []
    for surface in sorted(set(surfaces), key=len, reverse=True):
        pattern = re.escape(surface).replace(r"\ ", SPACE + "+")
        if word_end and surface[-1:].isalnum():
            pattern += r"(?!\w)"
        parts.append(pattern)
    return "(?:" + "|".join(parts) + ")" if parts else "(?!)"


def _key(surface: str) -> str:
    """Lookup key of a matched surface: case-folded, inner blanks collapsed."""
    return re.sub(r"\s+", " ", surface.replace("\u00a0", " ").replace("\u202f", " ")).strip().casefold()


@dataclass(frozen=True)
class Currency:
    iso: str
    factor: Decimal
    kind: str  # word | code | symbol
    position: str  # after | both | before


@dataclass(frozen=True)
class Hedge:
    qualifier: str
    approx: bool
    context: str  # any | not_after_noun


@dataclass(frozen=True)
class ScaleAdjective:
    """An adjective between a number and its scale word ("eine weitere / knappe / gute halbe Milliarde")."""

    factor: Decimal  # 0.5 for "halb", else 1
    qualifier: str  # "" = none
    approx: bool


@dataclass(frozen=True)
class ImplicitLink:
    """Words tying a currency-less scaled amount to a money noun ("Paket über", "schwere Sondervermögen")."""

    position: str  # before (noun, link, amount) | after (amount, link, noun)
    then: str  # before only: the word that must follow the amount ("" = punctuation or an ellipsis `after` word)


ADJECTIVE_ENDINGS = ("e", "en", "er", "es", "em")


@dataclass(frozen=True)
class Joiner:
    kind: str  # range | change | alternative
    opener: str  # "" = none needed


@dataclass
class Lexicon:
    currencies: dict[str, Currency] = field(default_factory=dict)  # key: surface (case-folded for words)
    number_words: dict[str, tuple[Decimal, str]] = field(default_factory=dict)
    scales: dict[str, tuple[Decimal, str]] = field(default_factory=dict)
    hedges: dict[str, Hedge] = field(default_factory=dict)
    range_qualifiers: dict[str, str] = field(default_factory=dict)  # range_lower / range_upper -> qualifier
    joiners: dict[str, list[Joiner]] = field(default_factory=dict)
    openers: set[str] = field(default_factory=set)
    openers_keys: set[str] = field(default_factory=set)
    restatement_cues: dict[str, int] = field(default_factory=dict)
    currency_cues: tuple[tuple[str, str], ...] = ()  # (cue, iso) for names shared by several currencies
    prepositions: frozenset[str] = frozenset()
    articles: frozenset[str] = frozenset()
    amount_nouns: tuple[str, ...] = ()
    ellipsis_before: dict[str, int] = field(default_factory=dict)  # word before -> max gap
    ellipsis_after: set[str] = field(default_factory=set)
    implicit_heads: tuple[tuple[str, str], ...] = ()  # (noun stem, candidate ISO codes) of money_implicit.tsv
    implicit_links: dict[str, ImplicitLink] = field(default_factory=dict)  # key: link words (money_implicit_links)
    counted_nouns: tuple[str, ...] = ()  # stems of money_counted_nouns.tsv
    scale_adjectives: dict[str, ScaleAdjective] = field(default_factory=dict)  # key: inflected surface
    determiners: frozenset[str] = frozenset()  # money_numbers.tsv kind=determiner
    number: re.Pattern | None = None
    post_amount: re.Pattern | None = None
    pre_amount: re.Pattern | None = None
    hedge_before: re.Pattern | None = None
    vague_before: re.Pattern | None = None
    range_before: re.Pattern | None = None
    bare_scaled: re.Pattern | None = None
    connector_only: re.Pattern | None = None
    compound_atom: re.Pattern | None = None
    implicit_compound: re.Pattern | None = None
    number_before: re.Pattern | None = None
    linked_before: re.Pattern | None = None  # link, [hedge], number [adjectives] scale: "über 2,5 Milliarden"
    linked_after: re.Pattern | None = None  # number [adjectives] scale, link, noun: "100 Milliarden schwere X"
    after_link: re.Pattern | None = None  # the link words of linked_after alone (a cheap first search)

    def currency(self, surface: str) -> Currency | None:
        return self.currencies.get(surface.strip()) or self.currencies.get(_key(surface))

    def scale(self, surface: str) -> tuple[Decimal, str] | None:
        return self.scales.get(_key(surface))

    def hedge(self, surface: str) -> Hedge | None:
        return self.hedges.get(_key(surface))

    def adjectives(self, surface: str | None) -> list[ScaleAdjective]:
        """The scale adjectives of a matched run such as " weitere halbe" (empty for None)."""
        return [self.scale_adjectives[w] for w in _key(surface or "").split() if w in self.scale_adjectives]

    def implicit_iso(self, noun: str) -> str | None:
        """Candidate ISO codes of a noun naming money (money_implicit.tsv), judged by its last hyphen part."""
        last = _key(noun).rsplit("-", 1)[-1]
        return next((iso for stem, iso in self.implicit_heads if last.endswith(stem)), None)

    def counted(self, part: str) -> bool:
        """True if a compound part names things counted, not paid ("Granaten", money_counted_nouns.tsv)."""
        return _key(part).endswith(self.counted_nouns) if self.counted_nouns else False


@lru_cache(maxsize=None)
def load_lexicon(lang: str = "de") -> Lexicon:
    """Read the money_*.tsv files of `lang` once and compile the patterns built from them."""
    lex = Lexicon()
    exact_currencies, word_currencies, pre_currencies = [], [], []
    for row in load_table("money_currencies.tsv", lang):
        cur = Currency(row["iso"], Decimal(row["factor"]), row["kind"], row["position"])
        surface = row["surface"]
        if row["kind"] == "word":
            lex.currencies[_key(surface)] = cur
            word_currencies.append(surface)
        else:
            lex.currencies[surface] = cur
            exact_currencies.append(surface)
        if row["position"] in ("both", "before") and row["kind"] != "word":
            pre_currencies.append(surface)
    post_exact = [s for s in exact_currencies if lex.currencies[s].position in ("both", "after")]

    atoms, fixed, determiners = [], [], []
    for row in load_table("money_numbers.tsv", lang):
        if row["kind"] == "determiner":
            determiners.append(row["word"])
            continue
        lex.number_words[_key(row["word"])] = (Decimal(row["value"]), row["kind"])
        (fixed if row["kind"] == "word" else atoms).append(row["word"])
    lex.determiners = frozenset(_key(d) for d in determiners)
    for row in load_table("money_scale_adjectives.tsv", lang):
        adjective = ScaleAdjective(Decimal(row["factor"]), "" if row["qualifier"] == "-" else row["qualifier"],
                                   row["approx"] == "1")
        for ending in ADJECTIVE_ENDINGS:
            lex.scale_adjectives[_key(row["stem"] + ending)] = adjective
    for row in load_table("money_implicit_links.tsv", lang):
        then = "" if row["then"] == "-" else _key(row["then"])
        lex.implicit_links[_key(row["words"])] = ImplicitLink(row["position"], then)
    lex.counted_nouns = tuple(_key(r["stem"]) for r in load_table("money_counted_nouns.tsv", lang))
    for row in load_table("money_scales.tsv", lang):
        lex.scales[_key(row["surface"])] = (Decimal(row["factor"]), row["number"])
    hedge_surfaces, vague_surfaces = [], []
    for row in load_table("money_qualifiers.tsv", lang):
        if row["kind"] == "vague":
            vague_surfaces.append(row["surface"])
            continue
        if row["kind"] in ("range_lower", "range_upper"):
            lex.range_qualifiers[row["kind"]] = row["qualifier"]
            continue
        lex.hedges[_key(row["surface"])] = Hedge(row["qualifier"], row["approx"] == "1", row["context"])
        hedge_surfaces.append(row["surface"])
    for row in load_table("money_ranges.tsv", lang):
        opener = "" if row["opener"] == "-" else row["opener"]
        lex.joiners.setdefault(_key(row["joiner"]), []).append(Joiner(row["kind"], _key(opener)))
        if opener:
            lex.openers.add(opener)
            lex.openers_keys.add(_key(opener))
    lex.currency_cues = tuple((_key(r["cue"]), r["iso"]) for r in load_table("money_currency_context.tsv", lang))
    function_words = load_table("money_prepositions.tsv", lang)
    lex.prepositions = frozenset(_key(r["word"]) for r in function_words if r["kind"] == "preposition")
    lex.articles = frozenset(_key(r["word"]) for r in function_words if r["kind"] == "article")
    lex.amount_nouns = tuple(_key(r["stem"]) for r in load_table("money_amount_nouns.tsv", lang))
    for row in load_table("money_restatements.tsv", lang):
        lex.restatement_cues[_key(row["cue"])] = int(row["max_gap"])
    lex.implicit_heads = tuple((_key(r["stem"]), r["iso"]) for r in load_table("money_implicit.tsv", lang))
    for row in load_table("money_ellipsis.tsv", lang):
        if row["role"] == "before":
            lex.ellipsis_before[_key(row["word"])] = int(row["max_gap"])
        else:
            lex.ellipsis_after.add(_key(row["word"]))

    value_atoms = [a for a in atoms if lex.number_words[_key(a)][1] in ("atom", "hundred", "thousand")]
    compound = (
        _alternation(value_atoms, word_end=False)
        + "(?:" + _alternation(atoms, word_end=False) + ")*"
    )
    words = r"(?<![\w-])(?:" + _alternation(fixed, word_end=False) + "|" + compound + r")(?![\w])"
    number = f"(?:{DIGITS}|{words})"
    scale = _alternation([row["surface"] for row in load_table("money_scales.tsv", lang)])
    adjective = _alternation(list(lex.scale_adjectives))
    adjectives = rf"(?:{SPACE}+{adjective})+"
    # before a scale word an article may count one when an adjective follows: "die erste Milliarde"
    counted = rf"(?:{number}|(?<![\w-]){_alternation(determiners)}(?={SPACE}+{adjective}))"
    word_cur = _alternation(word_currencies)
    post_exact_re = _alternation(post_exact)
    pre_re = _alternation(pre_currencies)
    flags = re.IGNORECASE
    lex.number = re.compile(number, flags)
    lex.compound_atom = re.compile(_alternation(atoms, word_end=False), flags)
    lex.post_amount = re.compile(
        rf"(?P<num>{counted})(?:(?:(?P<adj>{adjectives}){SPACE}+|(?P<sep1>{SPACE}*|-))(?P<scale>{scale}))?"
        rf"(?P<sep2>{SPACE}*|-)(?P<cur>{word_cur}|(?-i:{post_exact_re}))",
        flags,
    )
    lex.pre_amount = re.compile(
        rf"(?<![\w$€£¥₽₴])(?P<cur>(?-i:{pre_re})){SPACE}?(?P<num>{number})"
        rf"(?:(?P<sep1>{SPACE}*)(?P<scale>{scale}))?",
        flags,
    )
    lex.hedge_before = re.compile(rf"(?<!\w)(?P<hedge>{_alternation(hedge_surfaces)}){SPACE}+\Z", flags)
    lex.vague_before = re.compile(rf"(?<!\w){_alternation(vague_surfaces)}{SPACE}+\Z", flags)
    openers = _alternation(sorted(lex.openers))
    joiners = _alternation(list({row["joiner"] for row in load_table("money_ranges.tsv", lang)}))
    hedges = _alternation(hedge_surfaces)
    lex.range_before = re.compile(  # "zwischen 5 und", "rund 3 bis", "zwischen etwa 2 und", "von 50 auf"
        rf"(?:(?<!\w)(?P<opener>{openers}){SPACE}+)?(?:(?<!\w)(?P<hedge>{hedges}){SPACE}+)?(?P<num>{number})"
        rf"(?:(?P<sep1>{SPACE}+)(?P<scale>{scale}))?{SPACE}*(?P<join>{joiners}){SPACE}*\Z",
        flags,
    )
    # "100-Milliarden-Sondervermögen": found from "-Milliarden-Sondervermögen" (the noun part is checked against
    # lex.implicit_heads), then the number is read backwards with number_before (linear on long digit runs)
    lex.implicit_compound = re.compile(
        rf"(?<=\w)-(?P<scale>{scale})-(?P<head>[^\W\d_]+(?:-[^\W\d_]+)*)(?!\w)", flags)
    lex.number_before = re.compile(rf"(?P<num>{number})\Z", flags)
    scaled = rf"(?P<num>{counted})(?P<adj>{adjectives})?{SPACE}+(?P<scale>{scale})"
    lex.bare_scaled = re.compile(scaled, flags)
    links = lex.implicit_links
    before_links = _alternation([w for w, link in links.items() if link.position == "before"])
    after_links = _alternation([w for w, link in links.items() if link.position == "after"])
    lex.linked_before = re.compile(
        rf"(?<!\w)(?P<link>{before_links}){SPACE}+(?:(?P<hedge>{hedges}){SPACE}+)?{scaled}", flags)
    lex.linked_after = re.compile(
        rf"{scaled}{SPACE}+(?P<link>{after_links}){SPACE}+(?:(?-i:[a-zäöüß]+){SPACE}+)?"
        rf"(?P<head>[^\W\d_]+(?:-[^\W\d_]+)*)(?!\w)", flags)
    lex.after_link = re.compile(rf"(?<!\w){after_links}", flags)  # where to look for linked_after
    lex.connector_only = re.compile(rf"{SPACE}*(?:[–—-]|,|;|und(?!\w)|sowie(?!\w))?{SPACE}*\Z", flags)
    return lex
