"""`persons` component: person mentions → `doc.spans["persons"]` with `span._.person = PersonInfo(name, role)`.

Candidates are the union of
- the statistical model's PER spans (when the pipeline has an NER), trimmed of leading function words,
- role or title + name ("NATO-Generalsekretär Jens Stoltenberg", "Pentagon-Chef Austin", "Frau Baerbock"):
  role words are the heads in `resources/de/persons_roles.txt`, titles `persons_titles.txt`,
- first name + surname ("Mark Rutte", "Recep Tayyip Erdogan", "Ursula von der Leyen"): first names from
  `resources/de/first_names.txt` (generated from a maintained name dictionary), particles from
  `persons_particles.txt`.
Photo and agency credit lines (© IMAGO/…, APA/AFP/…, Reuters/…) are left out. Within a document a surname-only
or genitive mention (Stoltenberg, Stoltenbergs) takes the full name introduced elsewhere and transliteration
variants share one name; `role` is the function named next to the mention (before it, or in an apposition).
Across documents, `canonicalize_across_documents` maps spelling variants of one person to one name.
"""
from __future__ import annotations

import difflib
from collections import Counter, defaultdict
from functools import lru_cache
from typing import Iterable

from spacy.lang.de.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .. import extensions  # noqa: F401
from ..entities.countries_lexicon import country_lexicon
from ..entities.names import (
    equipment_names, first_names, first_names_after_role, german_spelling_score, name_words, common_words,
    known_words, given_name_words, platform_pairs,
    name_blockers_before, inner_particle_leads, lead_particles, name_blockers, particles, role_base, spelling_key,
    titles,
)
from ..entities.spans import CreditIndex, model_entities, select_longest
from ..records import PersonInfo
from .countries import capital_literal_cues, is_currency
from .organizations import organization_forms

SPAN_KEY = "persons"
MAX_NAME_TOKENS = 6
NAME_PUNCT = frozenset("-'’.")
DETERMINERS = frozenset({"der", "die", "das", "des", "dem", "den", "ein", "eine", "einen", "einem", "eines",
                         "einer", "sein", "seine", "seinem", "seinen", "seiner", "ihr", "ihre", "ihrem",
                         "ihren", "ihrer", "dessen", "deren"})


@lru_cache(maxsize=1)
def calendar_words() -> frozenset[str]:
    """Month and weekday names (Babel CLDR) plus words that head time phrases, never surnames."""
    from babel.dates import get_day_names, get_month_names

    words = set()
    for locale in ("de", "en"):  # English dates occur in embedded posts ("June 26, 2024")
        for width in ("wide", "abbreviated"):
            words |= {name.rstrip(".") for name in get_month_names(width, locale=locale).values()}
            words |= {name.rstrip(".") for name in get_day_names(width, locale=locale).values()}
    return frozenset(words)


@lru_cache(maxsize=1)
def inflected_words():
    """spaCy's German lemma lookup table: a key that maps to another lemma is an inflected common word."""
    from spacy.lookups import load_lookups

    return load_lookups("de", ["lemma_lookup"]).get_table("lemma_lookup")


def is_inflected_word(text: str) -> bool:
    """An inflected form of a German common word (Waffen → Waffe, Tore → Tor), not of a name
    (Williams → William, Thomas → Thoma stay names)."""
    lemma = inflected_words().get(text)
    if lemma is None or lemma == text:
        return False
    return lemma not in first_names_after_role() and lemma[:1].upper() + lemma[1:] not in first_names()


@lru_cache(maxsize=131072)
def name_like(text: str) -> bool:
    """Could `text` be part of a person's name (first name or surname)?"""
    if len(text) < 2 or not text[0].isupper():
        return False
    if not all(ch.isalpha() or ch in NAME_PUNCT for ch in text) or text[-1] in "-.":
        return False
    letters = [ch for ch in text if ch.isalpha()]
    if len(letters) > 1 and all(ch.isupper() for ch in letters):  # NATO, AFP
        return False
    if text.lower() in STOP_WORDS or text in calendar_words():
        return False
    if role_base(text) or text in titles():
        return False
    if country_lexicon().lookup(text) is not None or text in organization_forms():
        return False
    return True


def is_initial(token: Token) -> bool:
    """An initial (D.), also when the tokenizer split off its period (D + .)."""
    text = token.text
    doc = token.doc
    if token.i > 0 and (doc[token.i - 1].text, text.rstrip(".")) in platform_pairs():
        return False  # "schrieb Rutte auf X." names the platform
    if len(text) == 2 and text[0].isupper() and text[1] == ".":
        return True
    return len(text) == 1 and text.isupper() and token.i + 1 < len(doc) and doc[token.i + 1].text == "."


ROMAN_NUMERALS = frozenset(f"{numeral}." for numeral in (
    "I II III IV V VI VII VIII IX X XI XII XIII XIV XV XVI".split()))


@lru_cache(maxsize=1)
def noun_lemmas() -> frozenset[str]:
    """Capitalised lemmas of spaCy's German lookup table (nouns and some names)."""
    return frozenset(value for value in inflected_words().values()
                     if isinstance(value, str) and value[:1].isupper())


@lru_cache(maxsize=65536)
def is_first_name(text: str, after_role: bool = False) -> bool:
    """A first name of the lexicon, or a hyphenated one made of them (Frank-Walter, Hans-Dietrich)."""
    names = first_names_after_role() if after_role else first_names()
    if text in names or text in given_name_words():
        return True
    parts = text.split("-")
    return len(parts) > 1 and all(part in names for part in parts)


def surname_like(text: str, after_role: bool) -> bool:
    """A token that can end a name: name-like, not an inflected common word, not a noun compound part."""
    if not name_like(text):
        return False
    if text in name_words():
        return True
    if not after_role and is_inflected_word(text):
        return False
    if "-" in text:  # Kramp-Karrenbauer yes, Hochhuth-Stück / Elliott-Prinzip no
        last = text.rsplit("-", 1)[1]
        if last in noun_lemmas() and last not in first_names():
            return False
    return True


def particle_run(doc: Doc, p: int) -> int:
    """Index after a particle group starting at token p (von der, de la, Freiherr von), or p if none."""
    if p >= len(doc) or doc[p].text not in lead_particles():
        return p
    q = p + 1
    if doc[p].text in inner_particle_leads():
        while q < len(doc) and doc[q].text in particles() and q - p < 3:
            q += 1
    return q


def name_end(doc: Doc, start: int, after_role: bool) -> int:
    """End of the name that starts at token `start`, or `start` if there is none.

    A known first name opens a name that may go on with further given names, initials and particles and
    ends with one or two surname tokens (Recep Tayyip Erdogan, Shealah D. Craighead, Ursula von der Leyen,
    Christian Braad Thomsen) or a regnal number (Karl V.). Without a first name, only a role or title in
    front makes a name: one surname (Pentagon-Chef Austin) or two unknown words (Präsident Wolodymyr
    Selenskyj). A name followed by a word such as Verlag or Stiftung names an organisation.
    """
    n = len(doc)
    if start >= n or not name_like(doc[start].text):
        return start
    end = start
    if is_first_name(doc[start].text, after_role):
        end = start + 1
        p = start + 1
        while p < n and p - start < MAX_NAME_TOKENS:
            token = doc[p]
            if p == start + 1 and roman_end(doc, p) > p:
                end = roman_end(doc, p)
                break
            if is_initial(token):
                p += 1 if len(token.text) == 2 else 2
                if p >= n or not (name_like(doc[p].text) or is_initial(doc[p]) or doc[p].text in particles()):
                    end = p  # an abbreviated surname: "Andreas R."
                    break
                continue
            if is_first_name(token.text, after_role) and p + 1 < n and name_like(doc[p + 1].text) \
                    and not is_inflected_word(token.text) and not is_plain_noun(doc[p + 1].text):
                p += 1
                continue
            q = particle_run(doc, p)
            if q > p:
                if q < n and surname_like(doc[q].text, False):
                    p = q
                    continue
                break
            if surname_like(token.text, after_role) and not genitive_noun(doc, p):
                end = p + 1
                if end < n and surname_like(doc[end].text, False) and not is_first_name(doc[end].text) \
                        and not genitive_noun(doc, end) and doc[end].text not in noun_lemmas() \
                        and doc[end].text not in common_words() \
                        and not (doc[end - 1].text.endswith("s") and ends_in_common_noun(doc[end].text)) \
                        and (end + 1 >= n or not name_like(doc[end + 1].text)):
                    end += 1  # a second surname: Christian Braad Thomsen, Marine Le Pen
            break
        if end == start + 1 and not after_role:
            return start
    else:
        if not after_role or is_inflected_word(doc[start].text):
            return start
        end = start + 1
        if roman_end(doc, end) > end:
            end = roman_end(doc, end)
        elif end < n and surname_like(doc[end].text, False) and not genitive_noun(doc, end) \
                and (end + 1 >= n or not name_like(doc[end + 1].text)):
            end += 1
    blockers = name_blockers()
    if any(token.text in blockers for token in doc[start:end]):
        return start
    if end < n and doc[end].text in blockers and not after_role:  # "Jens Stoltenberg Platz nahm" after a role
        return start
    return end


def roman_end(doc: Doc, i: int) -> int:
    """End of a regnal number at token i (XVI. or XVI + .), or i if there is none."""
    if i >= len(doc):
        return i
    if doc[i].text in ROMAN_NUMERALS:
        return i + 1
    if doc[i].text + "." in ROMAN_NUMERALS and i + 1 < len(doc) and doc[i + 1].text == ".":
        return i + 2
    return i


def is_plain_noun(text: str) -> bool:
    """A common noun that is not also a known name word (Vertreter, Platz; not Fischer)."""
    return text not in name_words() and (text in common_words() or text in noun_lemmas())


def ends_in_common_noun(text: str) -> bool:
    """A closed compound whose last part is a noun of the lemma table (Modelsuche, Kriegsende)."""
    lemmas = noun_lemmas()
    return any(text[k].upper() + text[k + 1:] in lemmas for k in range(3, len(text) - 3))


def stands_alone(doc: Doc, start: int, end: int) -> bool:
    """The words around doc[start:end] make it part of another name or an amount: a place word before
    it (St. Peter, Hagia Sophia), an organisation word after it (Läpple AG), a number before it (5 Mio)."""
    before = doc[start - 1] if start > 0 else None
    if before is not None and (before.text in name_blockers_before() or before.like_num):
        return False
    if end - start == 1 and not is_first_name(doc[start].text) and (
            doc[start].text in equipment_names() or is_currency(doc[start].text)):
        return False  # "die Abrams", "vom Typ Stryker", "5,8 Mio Euro"
    if end - start == 1 and start > 1 and is_country_adjective(before.text) \
            and doc[start - 2].text in capital_literal_cues():
        return False  # "im spanischen Rota" is a place
    return not (end < len(doc) and doc[end].text in name_blockers())


def is_country_adjective(text: str) -> bool:
    return text[:1].islower() and country_lexicon().kind_of(text) == "adjective"


def genitive_noun(doc: Doc, i: int) -> bool:
    """doc[i] is a common noun governed by a genitive name before it (Hodlers Gemälde, Daniels Cousine)."""
    if i == 0 or not doc[i - 1].text.endswith("s") or doc[i - 1].text in first_names():
        return False
    return doc[i].text in noun_lemmas()


CLAUSE_FOLLOWERS = frozenset({".", ",", ";", ":", "!", "?", ")", "am", "im", "in", "bei", "vor", "nach", "dem",
                              "der", "den", "gegenüber", "zu", "auf", "laut", "und", "-", "–", "\"", "„", "“"})


@lru_cache(maxsize=1)
def speech_verbs() -> frozenset[str]:
    from ..resources import load_list

    return frozenset(load_list("persons_speech_verbs.txt"))


def speaker_end(doc: Doc, start: int) -> int:
    """A one- or two-word name right after a verb of saying that ends the clause ('", sagte Thoben.')."""
    n = len(doc)
    end = start
    while end < n and end - start < 2 and surname_like(doc[end].text, False):
        end += 1
    if end == start or (end < n and doc[end].text not in CLAUSE_FOLLOWERS):
        return start
    if end - start == 1 and is_first_name(doc[start].text) and end < n and doc[end].text not in ".,;:!?":
        return start
    return end


def role_at(doc: Doc, start: int, end: int) -> str:
    """The function named next to the mention doc[start:end]: right before it, or in an apposition."""
    if start > 0:
        base = role_base(doc[start - 1].text)
        if base:
            return base
    if end + 1 < len(doc) and doc[end].text == ",":
        k = end + 1
        if doc[k].lower_ in DETERMINERS and k + 1 < len(doc):
            k += 1
        base = role_base(doc[k].text)
        if base and (k + 1 >= len(doc) or not name_like(doc[k + 1].text)):
            return base
    return ""


def trim_model_span(doc: Doc, ent: Span) -> tuple[int, int] | None:
    """Drop leading roles, titles, articles and punctuation and trailing punctuation or lower-case words;
    None if no name token is left (a country, an organisation, an abbreviation)."""
    start, end = ent.start, ent.end

    def droppable_head(token: Token) -> bool:
        text = token.text
        if is_symbolic(token) or role_base(text) or text in titles() or text.lower() in DETERMINERS:
            return True
        return text[:1].islower() and text not in particles() and "-" not in text

    while start < end and (droppable_head(doc[start]) or end - start > 1 and (
            is_common_word(doc[start].text) or doc[start].text in known_words()
            and not is_first_name(doc[start].text, True))):
        start += 1
    while start > ent.start and start < end and doc[start].text in particles():  # "Rede von Bush"
        start += 1

    def droppable_tail(i: int) -> bool:
        token = doc[i]
        if is_symbolic(token):
            return token.text not in ROMAN_NUMERALS
        if token.text[:1].islower() or token.text in particles():  # a name never ends in "von"
            return "-" not in token.text or token.text in particles()
        if i - 1 < start or is_first_name(doc[i - 1].text, True) or doc[i - 1].text in particles():
            return False  # the surname after a given name stays (Alexander Bade, Hartmut Lange)
        return token.is_stop or is_common_word(token.text)

    while end > start and droppable_tail(end - 1):
        end -= 1
    if start >= end or any(ch.isdigit() for ch in doc[start:end].text):
        return None
    if end - start == 1 and (start, end) != (ent.start, ent.end) and doc[start].text not in name_words() \
            and not is_first_name(doc[start].text):
        return None  # what is left of "Beste Akteure" is no name
    if not any(name_like(token.text) or (token.text[:1].islower() and "-" in token.text)
               for token in doc[start:end]):
        return None
    return start, end


def is_symbolic(token: Token) -> bool:
    """Punctuation or a run of symbols (+++, •, ***) that can never be part of a name."""
    return token.is_punct or not any(ch.isalnum() for ch in token.text)


def is_common_word(text: str) -> bool:
    """A capitalised word that is almost never a name (Geschenk, Blogs, Fujitsu), and not a known name."""
    if text in name_words() or is_first_name(text, True):
        return False
    return text in common_words() or _genitive_base(text) in common_words() or is_inflected_word(text)


def extend_name(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Grow a span over given names and initials before it (H. Carstens) and, for a lone given name,
    over the surname after it (Jonathan → Jonathan Williams)."""
    while start > 0 and end - start < MAX_NAME_TOKENS:
        if is_initial(doc[start - 1]) or is_first_name(doc[start - 1].text, True) and name_like(doc[start - 1].text):
            start -= 1
        elif start > 1 and doc[start - 1].text == "." and is_initial(doc[start - 2]):
            start -= 2
        else:
            break
    if end - start == 1 and is_first_name(doc[start].text) and end < len(doc) \
            and doc[end].text in name_words() and name_like(doc[end].text):
        end += 1
    return start, end


def unknown_given(text: str) -> bool:
    """A capitalised word the vocabulary does not know and that is no inflected or compound common word."""
    return (name_like(text) and text not in known_words() and text not in name_words() and "-" not in text
            and not is_inflected_word(text) and text not in noun_lemmas())


def name_word_runs(doc: Doc) -> list[tuple[int, int, str]]:
    """Runs of words used as names (Stoltenberg; Albert Sieber; W. Hirschfeld; Jackson Brodie), at most
    four tokens, ending in a name word; not after a place word (Lake Calhoun, Sankt Michael)."""
    words = name_words()
    runs = []
    i, n = 0, len(doc)
    while i < n:
        if not (doc[i].text in words or is_initial(doc[i])) or i > 0 and doc[i - 1].text in name_blockers_before():
            i += 1
            continue
        j = i  # given names and initials, then one last name word (Scholz Stoltenberg are two people)
        while j < n and j - i < 4 and (is_initial(doc[j]) or is_first_name(doc[j].text) and name_like(doc[j].text)):
            j += 2 if is_initial(doc[j]) and len(doc[j].text) == 1 else 1
        if j < n and doc[j].text in words and name_like(doc[j].text):
            j += 1
            if j - i == 1 and j < n and doc[j].text in words and name_like(doc[j].text) \
                    and not is_first_name(doc[j].text):
                j += 1  # two name words (Jackson Brodie, Hulk Hogan); split later if the first is a surname
        end = j
        while end > i and not (doc[end - 1].text in words and name_like(doc[end - 1].text)):
            end -= 1
        if end - i == 1 and i > 1 and not doc[i - 1].is_sent_start and unknown_given(doc[i - 1].text) \
                and doc[i - 2].lower_ not in DETERMINERS and not is_first_name(doc[i].text):
            i -= 1  # an unknown given name before a surname: Alard Duhamel, Vilhjalmur Stefansson
        single = end - i == 1
        if end > i and not (single and is_first_name(doc[i].text) and i + 1 < n and name_like(doc[i + 1].text)) \
                and not (single and i > 0 and doc[i - 1].lower_ in DETERMINERS):  # "der Fischer" is a noun
            runs.append((i, end, "name word"))
        i = max(j, i + 1)
    return runs


def surname_repeats(doc: Doc, surnames: set[str]) -> list[tuple[int, int, str]]:
    """One-token mentions of a surname introduced with a full name in the document: the surname itself, its
    genitive (Bidens, Lambrechts) or a transliteration variant (Zelensky after Wolodymyr Selenskyj)."""
    keys = {spelling_key(surname) for surname in surnames if len(surname) >= 4}
    repeats = []
    for token in doc:
        text = token.text
        if not name_like(text) or not (text in surnames or _genitive_base(text) in surnames
                                        or spelling_key(text) in keys):
            continue
        following = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if following is not None and name_like(following.text) and not is_plain_noun(following.text) \
                and not genitive_noun(doc, following.i):
            continue  # the first word of another name (Mongkhon Thawip)
        repeats.append((token.i, token.i + 1, "surname"))
    return repeats


def vetoed(start: int, end: int, other: set[int]) -> bool:
    """A rule match is not a person where the model saw another kind of name on its first token or on
    all of it (Alfa Romeo, Jack Rouse Associates); "Jonathan Williams" with Williams as MISC stays."""
    return start in other or all(i in other for i in range(start, end))


def keep_model_span(doc: Doc, start: int, end: int, surnames: set[str]) -> bool:
    """False for a one-word model PER span that is a common word, unless it is the surname of a full
    name found in the same document (Blinken after Antony Blinken)."""
    if end - start != 1:  # several words, none of them a name or unknown: a firm, place or title
        return any(doc[i].text not in known_words() or doc[i].text in surnames or is_first_name(doc[i].text, True)
                   for i in range(start, end) if doc[i].text not in particles())
    text = doc[start].text
    if text in surnames or _genitive_base(text) in surnames or text in name_words() or is_first_name(text, True):
        return True
    if compound_of_common_noun(text):
        return False
    # a word of the vocabulary outside the name clusters (Geschenk, Monsanto, Uppsala) is rarely a person
    # the model got right; an unknown word (Selenskyj) may well be one
    return not (text in known_words() or is_common_word(text) or text in noun_lemmas())


def compound_of_common_noun(text: str) -> bool:
    """A hyphenated word whose last part is an ordinary noun (Patriot-Systeme, Leopard-Panzer) names
    a thing, not a person; double surnames (Kramp-Karrenbauer) end in a name."""
    head = text.rsplit("-", 1)[-1]
    return head != text and len(head) > 2 and head not in name_words() and (
        is_common_word(head) or head in noun_lemmas())


def mention_name(span: Span) -> str:
    """The mention as a one-line name (line breaks and double spaces collapsed)."""
    return " ".join(span.text.split())


@Language.factory("persons")
def make_component(nlp: Language, name: str) -> "PersonsComponent":
    return PersonsComponent()


class PersonsComponent:
    """Writes person mentions with canonical full names and roles."""

    def __init__(self):
        # load the lexicons once, at pipeline build time
        first_names(), particles(), titles(), country_lexicon(), organization_forms(), inflected_words()
        name_words(), common_words()
        calendar_words()

    def candidates(self, doc: Doc) -> list[tuple[int, int, object]]:
        found: list[tuple[int, int, object]] = []
        model_spans = [trimmed for ent in model_entities(doc, "PER") if (trimmed := trim_model_span(doc, ent))]
        title_words = titles()
        n = len(doc)
        for i, token in enumerate(doc):
            text = token.text
            if not text[:1].isupper():
                continue
            if role_base(text) or text in title_words:
                end = name_end(doc, i + 1, after_role=True)
                if end > i + 1:
                    found.append((i + 1, end, "role"))
            elif is_first_name(text) and (i == 0 or not is_first_name(doc[i - 1].text)):
                end = name_end(doc, i, after_role=False)
                if end > i + 1:
                    found.append((i, end, "first name"))
        found.extend(name_word_runs(doc))
        verbs = speech_verbs()
        for i, token in enumerate(doc[:-1]):
            if token.lower_ in verbs and (i == 0 or token.text != "So"):
                end = speaker_end(doc, i + 1)
                if end > i + 1:
                    found.append((i + 1, end, "speaker"))
        credits = CreditIndex(doc)
        named_orgs = {i for span in doc.spans.get("organizations", []) if span._.org.kind != "compound"
                      and span.text in organization_forms() for i in range(span.start, span.end)}
        # where the statistical model saw an organisation, place or work (Alfa Romeo, Roland Garros), a
        # name-word or speaker match is not a person; a role in front outweighs it, and a first name +
        # surname outweighs a model LOC (Pierluigi Casiraghi) but not an ORG or work (Alfa Romeo)
        other = {i for ent in doc.ents if ent.label_ != "PER" for i in range(ent.start, ent.end)}
        org = {i for ent in doc.ents if ent.label_ in ("ORG", "MISC") for i in range(ent.start, ent.end)}
        full_names = [(start, end) for start, end, _ in found if end - start > 1]
        full_names += [(start, end) for start, end in model_spans
                       if end - start > 1 and is_first_name(doc[start].text, True)]
        model_spans = [extend_name(doc, start, end) for start, end in model_spans
                       if not any(doc[i].text in name_blockers() for i in range(start, end))]
        surnames = {doc[end - 1].text for start, end in full_names}
        for k, (start, end, source) in enumerate(found):
            if source == "name word" and end - start == 2 and doc[start].text in surnames \
                    and not is_first_name(doc[start].text):
                found[k] = (start, start + 1, source)  # "empfing Scholz Stoltenberg"
                found.append((start + 1, end, source))
        for start, end in model_spans:
            # "empfing Scholz Stoltenberg": two surnames of the document side by side are two people
            if end - start > 1 and all(doc[i].text in surnames for i in range(start, end)):
                found.extend((i, i + 1, "model") for i in range(start, end))
            else:
                found.append((start, end, "model"))
        kept = [c for c in found if c[1] <= n and not credits.covers(doc[c[0]].idx)
                and not any(i in named_orgs for i in range(c[0], c[1]))  # General Dynamics
                and (c[2] == "role" or stands_alone(doc, c[0], c[1]))
                and (c[2] in ("model", "role") or not vetoed(c[0], c[1], org if c[2] == "first name" else other))
                and (c[2] != "model" or keep_model_span(doc, c[0], c[1], surnames))]
        # later mentions of a surname whose full name was kept (Bidens, Zelensky after Wolodymyr Selenskyj)
        covered = {i for start, end, _ in kept for i in range(start, end)}
        kept_surnames = {doc[end - 1].text for start, end, _ in kept
                         if end - start > 1 and surname_like(doc[end - 1].text, True)}
        kept += [c for c in surname_repeats(doc, kept_surnames) if c[0] not in covered
                 and stands_alone(doc, c[0], c[1]) and not vetoed(c[0], c[1], other)]
        return kept

    def __call__(self, doc: Doc) -> Doc:
        chosen = select_longest(self.candidates(doc))
        spans = [Span(doc, start, end, label="PER") for start, end, _ in chosen]
        raw = [mention_name(span) for span in spans]
        canonical = resolve_within_document(raw)
        for span, name in zip(spans, raw):
            span._.person = PersonInfo(canonical.get(name, name), role_at(doc, span.start, span.end))
        doc.spans[SPAN_KEY] = spans
        drop_model_organizations_of_persons(doc, spans)
        return doc


def drop_model_organizations_of_persons(doc: Doc, persons: list[Span]) -> None:
    """A statistical ORG span that is a person found by the rules (Premier Rishi Sunak) is no organisation;
    lexicon organisations and compounds stay."""
    organizations = doc.spans.get("organizations")
    if not organizations or not persons:
        return
    person_tokens = {i for span in persons for i in range(span.start, span.end)}
    forms = organization_forms()
    kept = [span for span in organizations if span._.org.kind == "compound" or span.text in forms
            or not any(i in person_tokens for i in range(span.start, span.end))]
    if len(kept) < len(organizations):
        doc.spans["organizations"] = kept


# ---- name resolution ---------------------------------------------------------------------------------

def _name_tokens(name: str) -> list[str]:
    return [part for part in name.split() if part not in particles()]


def _genitive_base(word: str) -> str:
    for suffix in ("’s", "'s", "'", "’", "s"):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            return word[: -len(suffix)]
    return ""


def _similar(a: str, b: str, threshold: float = 0.8) -> bool:
    if a[:1].lower() != b[:1].lower() or min(len(a), len(b)) < 5:
        return False
    return difflib.SequenceMatcher(None, a.lower(), b.lower()).ratio() >= threshold


def resolve_within_document(names: list[str]) -> dict[str, str]:
    """Map each mention name of one document to its full canonical name.

    A surname-only or genitive mention takes the full name introduced elsewhere in the document
    (Stoltenberg, Stoltenbergs → Jens Stoltenberg); close misspellings of a surname follow it (Lahbib →
    Lhabib); transliteration variants (Wladimir/Vladimir Putin) share the most frequent spelling.
    """
    counts = Counter(names)
    full = [name for name in counts if len(_name_tokens(name)) >= 2]
    # spelling variants of full names first (Vladimir → Wladimir Putin), so surnames follow the winner
    spelled = canonical_spellings(Counter({name: counts[name] for name in full}))
    mapping: dict[str, str] = {name: target for name, target in spelled.items() if target != name}
    full = [name for name in full if name not in mapping]
    full_set = set(full)
    for name in full:  # genitive of a full name: Jens Stoltenbergs → Jens Stoltenberg
        tokens = name.split()
        base = _genitive_base(tokens[-1])
        if base and " ".join([*tokens[:-1], base]) in full_set:
            mapping[name] = " ".join([*tokens[:-1], base])
    full = [name for name in full if name not in mapping]
    for name, target in list(mapping.items()):  # follow chains (genitive of a variant)
        mapping[name] = mapping.get(target, target)
    by_surname: dict[str, Counter] = defaultdict(Counter)
    for name in full:
        by_surname[_name_tokens(name)[-1]][name] += counts[name]
    singles = [name for name in counts if len(_name_tokens(name)) == 1]
    single_set = set(singles)
    for name in singles:
        word = _name_tokens(name)[0] if _name_tokens(name) else name
        target = None
        for form in (word, _genitive_base(word)):
            if form and form in by_surname:
                target = by_surname[form].most_common(1)[0][0]
                break
        if target is None:
            same_key = [surname for surname in by_surname if spelling_key(surname) == spelling_key(word)]
            if len(same_key) == 1:
                target = by_surname[same_key[0]].most_common(1)[0][0]
        if target is None:
            close = [surname for surname in by_surname if _similar(word, surname)]
            if len(close) == 1:
                target = by_surname[close[0]].most_common(1)[0][0]
        if target is None:
            base = _genitive_base(word)
            if base and base in single_set:
                target = base
        if target is not None:
            mapping[name] = target
    # transliteration variants inside the document share one spelling
    resolved = Counter()
    for name, count in counts.items():
        resolved[mapping.get(name, name)] += count
    variants = canonical_spellings(resolved)
    return {name: variants.get(mapping.get(name, name), mapping.get(name, name)) for name in counts}


def canonical_spellings(counts: Counter) -> dict[str, str]:
    """Group names whose spelling keys agree; each maps to the group's most frequent (then German) spelling."""
    groups: dict[str, list[str]] = defaultdict(list)
    for name in counts:
        groups[spelling_key(name)].append(name)
    mapping = {}
    for members in groups.values():
        best = max(members, key=lambda m: (counts[m], german_spelling_score(m), -len(m), m))
        for member in members:
            mapping[member] = best
    return mapping


def canonicalize_across_documents(names: Iterable[str]) -> dict[str, str]:
    """Map every person name of a run to one canonical spelling.

    `names` are the (within-document canonical) names of all mentions of a run, repeated per mention.
    Transliteration variants (Wladimir/Vladimir Putin, Selenskyj/Selensky, Resnikow/Reznikov) share the most
    frequent spelling; a genitive form whose base name occurs maps to it; a surname-only name maps to the one
    full name of the run with that surname (if there is exactly one).
    """
    counts = Counter(name for name in names if name)
    if not counts:
        return {}
    mapping = {name: name for name in counts}
    for name in counts:  # genitive: Stoltenbergs → Stoltenberg when the base name occurs
        tokens = name.split()
        base = _genitive_base(tokens[-1])
        candidate = " ".join([*tokens[:-1], base]) if base else ""
        if candidate and candidate in counts:
            mapping[name] = candidate
    merged: Counter = Counter()
    for name, count in counts.items():
        merged[mapping[name]] += count
    spellings = canonical_spellings(merged)
    # near-identical full names (same first-name key, surname keys very close): one person
    fulls = sorted({spellings[name] for name in merged if len(_name_tokens(name)) >= 2},
                   key=lambda n: -merged.get(n, 0))
    absorbed: dict[str, str] = {}
    keys = {name: [spelling_key(part) for part in _name_tokens(name)] for name in fulls}
    for i, name in enumerate(fulls):
        if name in absorbed:
            continue
        for other in fulls[i + 1:]:
            if other in absorbed or len(keys[other]) != len(keys[name]):
                continue
            if all(difflib.SequenceMatcher(None, a, b).ratio() >= 0.85
                   for a, b in zip(keys[name], keys[other])):
                absorbed[other] = name
    final = {name: absorbed.get(spellings[mapping[name]], spellings[mapping[name]]) for name in counts}
    # surname-only names: the single full name of the run with that surname
    by_surname: dict[str, set[str]] = defaultdict(set)
    for target in set(final.values()):
        tokens = _name_tokens(target)
        if len(tokens) >= 2:
            by_surname[spelling_key(tokens[-1])].add(target)
    mentions: Counter = Counter()
    for name, count in counts.items():
        mentions[final[name]] += count
    for name, target in final.items():
        if len(_name_tokens(target)) == 1:
            chosen = dominant(by_surname.get(spelling_key(target), set()), mentions)
            if chosen:
                final[name] = chosen
    return final


def dominant(candidates: set[str], mentions: Counter, ratio: int = 3) -> str:
    """The one full name among `candidates`, or the one mentioned at least `ratio` times as often as any
    other (Jens Stoltenberg over a stray "X. Stoltenberg"); '' when it is a real tie between people."""
    ranked = sorted(candidates, key=lambda name: -mentions[name])
    if len(ranked) == 1 or ranked and mentions[ranked[0]] >= ratio * mentions[ranked[1]]:
        return ranked[0]
    return ""
