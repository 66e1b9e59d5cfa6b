"""German country lexicon: Babel's CLDR names and pycountry codes, completed by `countries_lexicon.tsv`.

`country_lexicon()` returns every surface form that names a sovereign state, with its ISO 3166-1 alpha-3 code
and the kind of mention (name, capital, demonym, adjective), generated once from the data files:
inflected names (Russlands, Vereinigten Staaten, Niederlanden), adjectives in every inflection, demonyms in
number, case and gender, and capitals as seats of government.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from ..resources import load_list, load_table

KIND_PRIORITY = {"name": 0, "capital": 1, "demonym": 2, "adjective": 3}
ADJECTIVE_ENDINGS = ("", "e", "en", "er", "es", "em")


@dataclass
class CountryLexicon:
    """Surface forms → (iso3, kind); multi-word forms are kept as token tuples."""

    names: dict[str, str] = field(default_factory=dict)  # iso3 → German short name
    forms: dict[str, tuple[str, str]] = field(default_factory=dict)  # one-word form → (iso3, kind)
    phrases: dict[str, list[tuple[tuple[str, ...], str, str]]] = field(default_factory=dict)  # first word → …
    segments: dict[str, str] = field(default_factory=dict)  # compound part (Ukraine, US) → iso3
    stems: dict[str, str] = field(default_factory=dict)  # adjective stem (deutsch) → iso3
    coverage: dict[str, set[str]] = field(default_factory=dict)  # iso3 → kinds present

    def add(self, form: str, iso3: str, kind: str) -> None:
        form = form.strip()
        if not form:
            return
        self.coverage.setdefault(iso3, set()).add(kind)
        words = tuple(form.split())
        if len(words) == 1:
            known = self.forms.get(form)
            if known is None or KIND_PRIORITY[kind] < KIND_PRIORITY[known[1]]:
                self.forms[form] = (iso3, kind)
            return
        bucket = self.phrases.setdefault(words[0], [])
        if all(existing[0] != words for existing in bucket):
            bucket.append((words, iso3, kind))
            bucket.sort(key=lambda item: -len(item[0]))

    def lookup(self, form: str) -> tuple[str, str] | None:
        return self.forms.get(form)

    def kind_of(self, form: str) -> str:
        """The kind of a one-word form (name, adjective, demonym, capital …), or '' if it names no country."""
        entry = self.forms.get(form)
        return entry[1] if entry else ""


def name_forms(name: str) -> set[str]:
    """A country name and its inflected forms (genitive -s, adjectival -en, dative plural -n)."""
    forms = {name}
    words = name.split()
    if len(words) == 1:
        if not name.isupper() and not name.endswith(("s", "x", "z", "ß", "e", "ei")):
            forms.add(name + "s")
        if name.endswith("e") and not name.isupper():
            forms.add(name + "n")
        return forms
    inflected = []
    for word in words:
        if word.endswith("es") and word[0].isupper():
            inflected.append(word[:-2] + "en")
        elif word.endswith("e") and word[0].isupper() and word is not words[-1]:
            inflected.append(word + "n")
        else:
            inflected.append(word)
    forms.add(" ".join(inflected))
    for base in (words, inflected):
        last = base[-1]
        if last.endswith("e"):
            forms.add(" ".join([*base[:-1], last + "n"]))
        elif not last.endswith(("s", "x", "z", "n")) and last[0].isupper():
            forms.add(" ".join([*base[:-1], last + "s"]))
    return forms


def adjective_forms(stem: str) -> set[str]:
    """All inflections of a country adjective, lower case and capitalised (sentence start, noun use)."""
    if stem[0].isupper() and not stem[:2].isupper():  # indeclinable: Schweizer
        return {stem}
    forms = set()
    for ending in ADJECTIVE_ENDINGS:
        form = stem + ending
        forms.add(form)
        if ending:  # a capitalised bare stem is the language (Deutsch, Russisch), not a country mention
            forms.add(form[0].upper() + form[1:])
    return forms


def demonym_forms(masculine: str, feminine: str = "") -> set[str]:
    """Number, case and gender forms of an inhabitant noun (Ukrainer, Ukrainern, Ukrainerin, Russen …)."""
    forms = {masculine}
    if masculine.endswith("er"):
        forms |= {masculine + "n", masculine + "s"}
        female = feminine or masculine + "in"
    elif masculine.endswith("e"):
        forms.add(masculine + "n")
        female = feminine or masculine[:-1] + "in"
    elif masculine.endswith("i"):
        forms.add(masculine + "s")
        female = feminine or masculine + "n"
    else:
        forms.add(masculine + ("n" if masculine.endswith(("r", "l")) else "en"))
        female = feminine or masculine + "in"
    forms.add(female)
    if female.endswith("in"):
        forms.add(female + "nen")
    return forms


def split_values(cell: str) -> list[str]:
    return [value.strip() for value in cell.split(";") if value.strip()]


@lru_cache(maxsize=1)
def country_lexicon() -> CountryLexicon:
    """The lexicon of all sovereign states in `countries_lexicon.tsv`, built once per process."""
    import babel
    import pycountry

    territories = babel.Locale("de").territories
    excluded_capitals = set(load_list("countries_capitals_exclude.txt"))
    lexicon = CountryLexicon()
    for row in load_table("countries_lexicon.tsv"):
        iso3 = row["iso3"]
        if iso3 == "XKX":
            alpha2 = "XK"
        else:
            alpha2 = pycountry.countries.get(alpha_3=iso3).alpha_2
        short = territories.get(alpha2, "")
        names = [short, *split_values(row["names"])]
        display = short
        if iso3 == "PSE":  # CLDR's "Palästinensische Autonomiegebiete" is a territory label, not a short name
            display = "Palästina"
        lexicon.names[iso3] = display or names[1]
        for name in names:
            for form in name_forms(name):
                lexicon.add(form, iso3, "name")
            if " " not in name:
                lexicon.segments.setdefault(name, iso3)
        for capital in split_values(row["capital"]):
            if capital in excluded_capitals:
                lexicon.coverage.setdefault(iso3, set()).add("capital")
                continue
            lexicon.add(capital, iso3, "capital")
            if " " not in capital and not capital.endswith(("s", "x", "z")):
                lexicon.add(capital + "s", iso3, "capital")
        females = split_values(row["demonym_female"])
        adjectives = split_values(row["adjective"])
        for stem in adjectives:
            for form in adjective_forms(stem):
                lexicon.add(form, iso3, "adjective")
            lexicon.stems.setdefault(stem, iso3)
        for i, masculine in enumerate(split_values(row["demonym"])):
            feminine = females[i] if i < len(females) else ""
            adjectival = any(masculine == stem[0].upper() + stem[1:] + "er" for stem in adjectives)
            if adjectival:  # der Deutsche, ein Deutscher, die Deutschen
                stem = masculine[:-2]
                for ending in ADJECTIVE_ENDINGS[1:]:
                    lexicon.add(stem + ending, iso3, "demonym")
            else:
                for form in demonym_forms(masculine, feminine):
                    lexicon.add(form, iso3, "demonym")
    return lexicon
