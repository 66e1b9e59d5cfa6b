"""`countries` component: mentions of sovereign states → `doc.spans["countries"]` (`span._.country`).

Forms come from `pipeline.entities.countries_lexicon` (Babel/CLDR German names, pycountry codes and
`resources/de/countries_lexicon.tsv`): names in every case (Russlands, der Ukraine, Vereinigten Staaten),
adjectives (belgische, US-amerikanischen), demonyms (Niederländer, Ukrainerin), capitals as seats of
government (Moskau, Kiew), and hyphenated compounds with a country part (US-Präsident, Ukraine-Hilfe,
NATO-Ukraine-Rat; deutsch-französische → both countries). A capital after a locative preposition or a
city noun (in Moskau, Hauptstadt Vilnius; `countries_capital_literal.txt`) is the city, not the government. Mentions inside a longer organisation or person
name (Deutsche Bank, Washington Post) are not countries. Regions and cities are not in the lexicon.
"""
from __future__ import annotations

from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span

from .. import extensions  # noqa: F401
from ..entities.countries_lexicon import CountryLexicon, country_lexicon
from ..entities.spans import model_entities
from ..records import CountryInfo
from ..resources import load_list

SPAN_KEY = "countries"


@lru_cache(maxsize=1)
def capital_literal_cues() -> frozenset[str]:
    """Words before a capital that make it the city, not the government (in Moskau, Hauptstadt Vilnius)."""
    return frozenset(load_list("countries_capital_literal.txt"))


def compound_countries(token_text: str, lexicon: CountryLexicon) -> tuple[list[str], str]:
    """Countries named by the parts of a hyphenated token, and the kind (compound or adjective)."""
    parts = token_text.split("-")
    if len(parts) < 2 or not all(parts):
        return [], ""
    last = lexicon.lookup(parts[-1])
    if last and last[1] == "adjective" and parts[-1][0].islower():
        codes = [last[0]]
        for part in parts[:-1]:
            code = lexicon.stems.get(part) or lexicon.segments.get(part)
            if code is None:
                return [], ""
            codes.insert(len(codes) - 1, code)
        return list(dict.fromkeys(codes)), "adjective"
    if is_currency(parts[-1]):  # US-Dollar, Hongkong-Dollar name a currency, not a country
        return [], ""
    codes = [lexicon.segments[part] for part in parts if part in lexicon.segments]
    return list(dict.fromkeys(codes)), "compound"


def is_currency(word: str) -> bool:
    """A currency name of the money lexicon (Dollar, Rubel, Franken)."""
    from ..amounts.lexicon import load_lexicon

    currency = load_lexicon().currency(word)
    return currency is not None and currency.kind == "word"


def adjective_kind(doc: Doc, i: int, kind: str) -> str:
    """A capitalised adjective form before a noun is an adjective (Russische Truppen), else a demonym."""
    token = doc[i]
    if kind not in ("adjective", "demonym") or not token.text[0].isupper():
        return kind
    if token.text[1:2].isupper():  # US-amerikanisch …
        return kind
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    lower = token.text[0].lower() + token.text[1:]
    if country_lexicon().lookup(lower) is None:
        return kind
    if nxt is not None and nxt.text[:1].isupper() and nxt.is_alpha:
        return "adjective"
    return "demonym"


@Language.factory("countries")
def make_component(nlp: Language, name: str) -> "CountriesComponent":
    return CountriesComponent()


class CountriesComponent:
    """Writes one span per country mention, with iso3, German short name and kind."""

    def __init__(self):
        self.lexicon = country_lexicon()

    def blocked_ranges(self, doc: Doc) -> list[tuple[int, int]]:
        """Token ranges of multi-token organisation and person names (Deutsche Bank, Washington Post)."""
        ranges = [(span.start, span.end) for span in doc.spans.get("organizations", []) if len(span) > 1]
        ranges += [(ent.start, ent.end) for ent in model_entities(doc, "PER") if len(ent) > 1]
        ranges += [(ent.start, ent.end) for ent in model_entities(doc, "ORG") if len(ent) > 1]
        return ranges

    def __call__(self, doc: Doc) -> Doc:
        lexicon = self.lexicon
        blocked = self.blocked_ranges(doc)
        spans: list[Span] = []
        also: dict[int, tuple[CountryInfo, ...]] = {}
        i, n = 0, len(doc)
        while i < n:
            token = doc[i]
            text = token.text
            if not text[:1].isalpha():
                i += 1
                continue
            found = None
            for words, iso3, kind in lexicon.phrases.get(text, ()):
                end = i + len(words)
                if end <= n and all(doc[i + k].text == words[k] for k in range(len(words))):
                    found = (i, end, [iso3], kind)
                    break
            if found is None:
                entry = lexicon.lookup(text)
                if entry is not None:
                    found = (i, i + 1, [entry[0]], adjective_kind(doc, i, entry[1]))
                elif "-" in text:
                    codes, kind = compound_countries(text, lexicon)
                    if codes:
                        found = (i, i + 1, codes, kind)
            if found is None:
                i += 1
                continue
            start, end, codes, kind = found
            if kind == "capital" and start > 0 and doc[start - 1].text in capital_literal_cues():
                i = end
                continue
            if any(b_start <= start and end <= b_end and (b_end - b_start) > (end - start)
                   for b_start, b_end in blocked):
                i = end
                continue
            # spaCy keys span extensions by character offsets, so one token carries one country: a token
            # naming several (deutsch-französische) gets the first on the span; the others are listed in
            # `doc.spans["countries"].attrs["also"][span.start_char]`.
            iso3 = codes[0]
            span = Span(doc, start, end, label=iso3)
            span._.country = CountryInfo(iso3, lexicon.names[iso3], kind)
            spans.append(span)
            if len(codes) > 1:
                also[span.start_char] = tuple(
                    CountryInfo(code, lexicon.names[code], kind) for code in codes[1:])
            i = end
        doc.spans[SPAN_KEY] = spans
        if also:
            doc.spans[SPAN_KEY].attrs["also"] = also
        return doc
