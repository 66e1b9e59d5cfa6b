"""`organizations` component: organisations named in the text → `doc.spans["organizations"]` (`span._.org`).

Union of the statistical model's ORG spans (when the pipeline has an NER) and the lexicon of the field's
actors in `resources/de/organizations_lexicon.tsv` (NATO, EU, Bundesregierung, Kreml, Ramstein-Format …),
each with its canonical name; model spans that a lexicon form names get the canonical name too.
Photo/agency credit lines are left out.
"""
from __future__ import annotations

from functools import lru_cache

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from .. import extensions  # noqa: F401
from ..entities.countries_lexicon import CountryLexicon, country_lexicon
from ..entities.names import equipment_names, first_names
from ..entities.spans import CreditIndex, model_entities, select_longest
from ..records import OrgInfo
from ..resources import load_table

SPAN_KEY = "organizations"


@lru_cache(maxsize=1)
def organization_forms() -> dict[str, str]:
    """Surface form → canonical name, with capitalised acronyms and genitive forms added."""
    forms: dict[str, str] = {}
    for row in load_table("organizations_lexicon.tsv"):
        name = row["name"]
        for form in (value.strip() for value in row["forms"].split(";")):
            if not form:
                continue
            variants = {form}
            if form.isupper() and len(form) >= 3 and form.isalpha():
                variants.add(form[0] + form[1:].lower())
            if " " not in form and not form.isupper() and form[-1].islower() and not form.endswith(("s", "e")):
                variants |= {form + "s", form + "es"}
            for variant in variants:
                forms.setdefault(variant, name)
    return forms


def compound_org(text: str) -> str:
    """Canonical name of the organisation that opens a hyphenated compound (NATO-Verteidigungsminister,
    EU-Gipfel, Bundeswehr-Soldaten), else ''. Only the first part counts: `Anti-NATO-Protest` names none."""
    head, _, rest = text.partition("-")
    if not rest or not rest[:1].isalpha():
        return ""
    return organization_forms().get(head, "")


def canonical_org(text: str) -> str:
    """Canonical name of an organisation mention (lexicon name, else the text itself)."""
    forms = organization_forms()
    if text in forms:
        return forms[text]
    if text.endswith("s") and text[:-1] in forms:
        return forms[text[:-1]]
    return text


def model_organizations(doc: Doc) -> list[tuple[int, int]]:
    """The model's ORG spans, a known organisation split from a country name beside it ("bezeichnet die NATO
    Russland als …" → NATO; "Financial Times Deutschland" stays), and none that is only a country, a number or
    a weapon system (SCALP)."""
    countries, forms = country_lexicon(), organization_forms()
    kept = []
    for ent in model_entities(doc, "ORG"):
        start, end = ent.start, ent.end
        while start < end and not any(ch.isalnum() for ch in doc[start].text):
            start += 1  # "+++ ATACMS +++" in a ticker heading
        while end > start and not any(ch.isalnum() for ch in doc[end - 1].text):
            end -= 1
        if start == end:
            continue
        if end - start > 1 and countries.kind_of(doc[end - 1].text) == "name" and doc[start:end - 1].text in forms:
            end -= 1
        elif end - start > 1 and countries.kind_of(doc[start].text) == "name" and doc[start + 1:end].text in forms:
            start += 1
        text = doc[start:end].text
        if not any(ch.isalpha() for ch in text) or countries.lookup(text) or text in equipment_names():
            continue
        if looks_like_person(doc[start:end]) or names_country_topic(text, countries):
            continue
        kept.append((start, end))
    return kept


def looks_like_person(span: Span) -> bool:
    """Given name + one capitalised word (Rishi Sunak): a person the model took for an organisation."""
    return len(span) == 2 and span[0].text in first_names() and span[1].text[:1].isupper() \
        and not span[1].text.isupper() and span.text not in organization_forms()


def names_country_topic(text: str, countries: CountryLexicon) -> bool:
    """A compound of a country name and an ordinary noun (Ukraine-Krieg, Russland-Sanktionen) is a topic."""
    head, _, rest = text.partition("-")
    if not rest or " " in text or countries.kind_of(head) != "name":
        return False
    return rest[:1].isupper() and not compound_org(rest) and rest not in organization_forms()


@Language.factory("organizations")
def make_component(nlp: Language, name: str) -> "OrganizationsComponent":
    return OrganizationsComponent(nlp)


class OrganizationsComponent:
    """Writes organisation mentions with their canonical names."""

    def __init__(self, nlp: Language):
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        forms = organization_forms()
        self.matcher.add("ORG", [nlp.make_doc(form) for form in forms])

    def __call__(self, doc: Doc) -> Doc:
        credits = CreditIndex(doc)
        candidates: list[tuple[int, int, object]] = []
        for _, start, end in self.matcher(doc):
            candidates.append((start, end, ("lexicon", doc[start:end].text)))
        for token in doc:
            if "-" in token.text and compound_org(token.text):
                candidates.append((token.i, token.i + 1, ("compound", token.text)))
        for start, end in model_organizations(doc):
            candidates.append((start, end, ("model", doc[start:end].text)))
        spans = []
        for start, end, (source, text) in select_longest(candidates):
            span = Span(doc, start, end, label="ORG")
            if credits.covers(span.start_char):
                continue
            if source == "compound":
                span._.org = OrgInfo(compound_org(text), "compound")
            else:
                span._.org = OrgInfo(canonical_org(text))
            spans.append(span)
        doc.spans[SPAN_KEY] = spans
        return doc
