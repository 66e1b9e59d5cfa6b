"""`events` component: dated events per sentence, written to `doc._.events` as `Event` records.

For every sentence the component looks for an event trigger (verbs and nouns of
`resources/de/events_triggers.tsv`, found by word form, so any lemmatizer will do; a noun or
general verb only in its construction: `den Antrag stellen`, `sich verständigen`). Subheadings,
quotes without a decision, demands (`wirbt dafür, … bereitzustellen`) and indirect questions are
no reports of events. Then it asks:

* when? the sentence's own resolved date (`doc.spans["dates"]`, the one nearest the trigger, or
  the dependency head's date when the pipeline parses; coordinated dates `am 11. und 12. Juli`
  become one interval); else, for a sentence that opens by continuing the previous one (`Dann`,
  `Sein Nachfolger`), the previous sentence's date; else the publication date (`doc._.dct`) for a
  plain report about the day itself. Hedged, expected, habitual or background statements, quotes
  and questions get no publication date (`events_markers.tsv`), and negated triggers no event;
  neither do verbless captions or later sentences of a paragraph that narrates an earlier day, while
  a clause right after a dated sentence that points back to it (`dort`, `Nach einem Treffen`) takes
  its date. A pledge's deadline after a noun (`30 F-16 bis 2028`) or budget year (`stellt 2024 …
  Millionen Euro bereit`) does not date it: the paragraph's date or the publication date does. A
  headline of the publication day that the article dates the day before takes that date;
* who and what? persons, countries, organisations and money of the sentence, a location after a
  place preposition in the trigger's clause (`in Brüssel`), the event type (`events_taxonomy.tsv`)
  and whether it is a decision;
* how relevant? a NATO–Ukraine score from the sentence (with the previous one when it continues
  it), its actors' roles and the whole article (`events_relevance.tsv`); a decision or pledge in an
  article mostly about NATO or Ukraine counts at least as much as the article's share of such
  sentences gives; events dated long before publication that are no decisions are background and count less.

A last clause that leaves out the verb for another actor and day (`Ungarn stimmte Ende März zu, das
türkische Parlament am Donnerstag`) is an event of its own. Event ids are `<doc_id>-e<n>`, numbered
in sentence order, so they are stable for a given text.

The trigger of a sentence is found in `triggers`, its date in `dating`; this module assembles the
`Event` records.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .. import extensions  # noqa: F401
from ..export import format_number
from ..records import Event
from .dating import (
    Dating, date_event, finest, gapped_dates, heading_dating, narrative_dating, object_date, paragraph_dating,
    sentence_dates,
)
from .intervals import Interval, parse_value
from .lexicon import Lexicon, load_lexicon
from .relevance import COUNTRY_SIDES, combined, document_prior, document_share, side_hits
from .triggers import Found, clause_bounds, clause_has, find_trigger, quoted_ranges, refine_type, stripped_bounds

RELATIVE_PRONOUNS = {"dem", "der", "den", "denen", "deren", "dessen", "welchem", "welcher", "welchen"}
USABLE_PRECISIONS = {"day", "week", "month", "season", "quarter", "half", "year"}
DCT_PRECISIONS = {"day", "month"}


@Language.factory("events", default_config={"lang": "de"})
def make_events(nlp: Language, name: str, lang: str) -> "EventExtractor":
    return EventExtractor(lang)


class EventExtractor:
    """Finds dated events sentence by sentence (see the module docstring)."""

    def __init__(self, lang: str = "de") -> None:
        self.lang = lang
        self.lexicon = load_lexicon(lang)

    def __call__(self, doc: Doc) -> Doc:
        doc._.events = extract_events(doc, self.lexicon)
        return doc


def extract_events(doc: Doc, lexicon: Lexicon) -> list[Event]:
    """All events of a document: one per sentence with a trigger, and one more for each verbless
    clause that repeats the trigger for another actor and date (`gapped_dates`)."""
    sentences = list(doc.sents)
    if not sentences:
        return []
    sentence_of = token_sentence_index(doc, sentences)
    spans = {key: spans_by_sentence(doc, key, sentence_of) for key in ("persons", "countries", "organizations", "money", "dates")}
    quotes = quoted_ranges(doc.text)
    dct = publication_interval(doc)
    roles = person_roles(doc)
    share = document_share(lexicon, (sent.text for sent in sentences))
    western = [s._.country.iso3 for s in doc.spans.get("countries", []) if s._.country]  # country sides of the text
    article = Article(side_hits(lexicon, [doc.text], [c for c in western if c not in COUNTRY_SIDES]),
                      document_prior(lexicon, share), dct)
    events: list[Event] = []
    last_dated: tuple[int, Interval] | None = None
    for number, sent in enumerate(sentences):
        all_dates = sentence_dates(sent, spans["dates"].get(number, []))
        has_money = bool(spans["money"].get(number))
        found = find_trigger(sent, lexicon, quotes, has_money)
        dates = [d for d in all_dates if found is None or not object_date(d, found, dct, has_money, lexicon)]
        if found is not None and not clause_has(sent, found, lexicon, "negation"):
            if all_dates and not dates:  # only the pledge's due date or budget year: the paragraph's date or the day
                dating = paragraph_dating(sent, number, last_dated, sentences)
                dating = dating or date_event(sent, number, found, [], dct, None, lexicon, quotes)
            else:
                dating = date_event(sent, number, found, dates, dct, last_dated, lexicon, quotes)
            if dating is not None and dating.source == "dct":
                dating = narrative_dating(sent, number, found, dating, last_dated, sentences, lexicon)
            if dating is not None and dating.source == "dct":
                dating = heading_dating(sent, number, dating, sentences, spans["dates"])
            if dating is not None and dating.interval.precision in USABLE_PRECISIONS:
                context = ""
                if number and lexicon.anaphora.search(sent.text):  # a continuation is read with its predecessor
                    previous = [s._.person.name for s in spans["persons"].get(number - 1, []) if s._.person]
                    context = " ".join([sentences[number - 1].text, *(roles.get(p, "") for p in previous)])
                event = build_event(doc, sent, number, len(events), found, dating, spans, roles,
                                    article, lexicon, context)
                events.append(event)
                for date in gapped_dates(sent, found, dates, dating, lexicon):
                    again = Dating(date.interval, "explicit", date.span)
                    events.append(build_event(doc, sent, number, len(events), found, again, spans, roles,
                                              article, lexicon, context))
        elif found is None and events and events[-1].sentence == number - 1 \
                and lexicon.anaphora.search(sent.text):
            events[-1] = with_participants(events[-1], number, spans)
        if dates:
            last_dated = (number, finest(dates)[-1].interval)
    return restated(events, dct)


def restated(events: list[Event], dct: Interval | None) -> list[Event]:
    """An event dated by the publication day that the article also reports, with the same trigger and
    type, for the day before (`Biden unterzeichnet 61-Milliarden-Paket` in the headline of an article
    published after midnight or the next morning, `Er unterzeichnete das Gesetz am Mittwoch`) is that
    occurrence: it takes the explicit date. Only one day back and not for other actors (Sunak announced
    on Tuesday, Biden on the publication day), so a repeated act stays apart."""
    if dct is None or dct.precision != "day":
        return events
    day_before = {(e.trigger, e.event_type): e for e in events
                  if e.date_source == "explicit" and e.precision == "day"
                  and (dct.start - parse_value(e.date_start).start).days == 1}
    result = []
    for event in events:
        same = day_before.get((event.trigger, event.event_type)) if event.date_source == "dct" else None
        if same is not None and not other_actors(event, same):
            event = replace(event, date_value=same.date_value, date_start=same.date_start, date_end=same.date_end,
                            precision=same.precision, date_source="previous")
        result.append(event)
    return result


# --- sentences, spans --------------------------------------------------------------------------

def other_actors(a: Event, b: Event) -> bool:
    """Whether two events name persons, or countries besides Ukraine and Russia, and share none of them."""
    for field in ("persons", "countries"):
        first = set(getattr(a, field)) - COUNTRY_SIDES.keys()
        second = set(getattr(b, field)) - COUNTRY_SIDES.keys()
        if first and second and not first & second:
            return True
    return False


def token_sentence_index(doc: Doc, sentences: list[Span]) -> list[int]:
    index = [0] * len(doc)
    for number, sent in enumerate(sentences):
        for i in range(sent.start, sent.end):
            index[i] = number
    return index


def spans_by_sentence(doc: Doc, key: str, sentence_of: list[int]) -> dict[int, list[Span]]:
    grouped: dict[int, list[Span]] = {}
    if key not in doc.spans:
        return grouped
    for span in doc.spans[key]:
        if len(span):
            grouped.setdefault(sentence_of[span.start], []).append(span)
    for group in grouped.values():
        group.sort(key=lambda s: s.start)
    return grouped


def publication_interval(doc: Doc) -> Interval | None:
    dct = doc._.dct
    if dct is None or not getattr(dct, "value", "") or getattr(dct, "precision", "none") not in DCT_PRECISIONS:
        return None
    return parse_value(dct.value)


def person_roles(doc: Doc) -> dict[str, str]:
    """Canonical name → the roles given anywhere in the document (NATO-Generalsekretär …)."""
    roles: dict[str, str] = {}
    for span in doc.spans.get("persons", []):
        person = span._.person
        if person is not None and person.role:
            roles[person.name] = " ".join(filter(None, (roles.get(person.name, ""), person.role)))
    return roles


# --- the record --------------------------------------------------------------------------------

@dataclass
class Article:
    """What the whole document says about relevance and time."""

    hits: Counter  # NATO/Ukraine vocabulary hits of the whole text
    prior: float  # least relevance of a decision or pledge (relevance.document_prior)
    dct: Interval | None


def build_event(doc: Doc, sent: Span, number: int, index: int, found: Found, dating: Dating,
                spans: dict[str, dict[int, list[Span]]], roles: dict[str, str], article: Article,
                lexicon: Lexicon, context: str = "") -> Event:
    persons = unique(span._.person.name for span in spans["persons"].get(number, []) if span._.person)
    others = [*spans["persons"].get(number, []), *spans["organizations"].get(number, [])]
    location, location_span = find_location(sent, spans["countries"].get(number, []), lexicon, others,
                                            clause_bounds(sent, found))
    country_spans = [s for s in spans["countries"].get(number, []) if s._.country and s is not location_span]
    countries = unique(span._.country.iso3 for span in country_spans)
    organizations = unique(span._.org.name for span in spans["organizations"].get(number, []) if span._.org)
    money = unique(f"{format_number(float(span._.money.amount))} {span._.money.currency}"
                   for span in spans["money"].get(number, [])
                   if span._.money is not None and span._.money.equivalent_of is None)
    event_type = refine_type(sent, found, lexicon, bool(money))
    speculative = clause_has(sent, found, lexicon, "speculative")
    hits = side_hits(lexicon, [sent.text, context, *organizations, *(roles.get(p, "") for p in persons)], countries)
    relevance = combined(lexicon, hits, article.hits)
    if lexicon.type_info(event_type).document_prior:
        relevance = max(relevance, article.prior)
    is_decision = found.trigger.decision and not speculative
    background = lexicon.settings.get("background_days", 120)
    if article.dct is not None and dating.source == "explicit" and not is_decision \
            and (article.dct.start - dating.interval.end).days > background:
        relevance *= lexicon.settings.get("background_factor", 0.5)
    start, end = stripped_bounds(sent)
    trigger = found.trigger.lemma if found.trigger.pos == "verb" else found.token.text
    return Event(
        event_id=f"{doc._.doc_id or 'doc'}-e{index}", doc_id=doc._.doc_id, sentence=number,
        text=" ".join(doc.text[start:end].split()), date_value=dating.interval.value,
        date_start=dating.interval.start.isoformat(), date_end=dating.interval.end.isoformat(),
        precision=dating.interval.precision, event_type=event_type,
        is_decision=is_decision, trigger=trigger,
        persons=persons, countries=countries, organizations=organizations, money=money,
        location=location, relevance=round(relevance, 3), start=start, end=end,
        date_source=dating.source,
    )


def with_participants(event: Event, number: int, spans: dict[str, dict[int, list[Span]]]) -> Event:
    """The event continued by a trigger-less sentence (`Zu diesem wird auch Biden erwartet`) gains its actors."""
    persons = unique((*event.persons, *(s._.person.name for s in spans["persons"].get(number, []) if s._.person)))
    countries = unique((*event.countries, *(s._.country.iso3 for s in spans["countries"].get(number, []) if s._.country)))
    organizations = unique((*event.organizations, *(s._.org.name for s in spans["organizations"].get(number, []) if s._.org)))
    return replace(event, persons=persons, countries=countries, organizations=organizations)


def find_location(sent: Span, countries: list[Span], lexicon: Lexicon, others: list[Span] = (),
                  within: tuple[int, int] | None = None) -> tuple[str, Span | None]:
    """The place after a place preposition in the trigger's clause (`within`, character bounds):
    a known venue, a capital or a LOC entity that is no country, person or organisation (`nach`
    only before a known venue or capital: it also means "according to", as in `nach Stoltenbergs
    Worten`). A place in another clause belongs to something else (`Finnland ist das 31. Mitglied,
    74 Jahre nach der Unterzeichnung des Vertrags in Washington`)."""
    doc = sent.doc
    preposition = lexicon.markers.get("location")
    taken = {i for span in (*countries, *others) for i in range(span.start, span.end)}
    locs = [ent for ent in doc.ents if ent.label_ == "LOC" and ent.start >= sent.start and ent.end <= sent.end
            and not taken.intersection(range(ent.start, ent.end))]
    for token in sent:
        if preposition is None or not preposition.fullmatch(token.text) or opens_relative_clause(token):
            continue
        if within is not None and not within[0] <= token.idx < within[1]:
            continue
        for offset in range(1, 5):
            i = token.i + offset
            if i >= sent.end or doc[i].is_punct:
                break
            candidate = doc[i]
            rest = doc.text[candidate.idx:sent.end_char]
            for name, display in lexicon.locations:
                if rest.startswith(name) and (len(rest) == len(name) or not rest[len(name)].isalpha()):
                    span = next((s for s in countries if s.start == i), None)
                    return display, span
            for span in countries:
                if span.start == i and span._.country and span._.country.kind == "capital":
                    return span.text, span
            for ent in locs:
                if ent.start == i and offset == 1 and token.lower_ != "nach":
                    return ent.text, next((s for s in countries if s.start == i), None)
            if candidate.text[:1].isupper() and offset > 1 and candidate.text != "Hauptstadt":
                break
    return "", None


def opens_relative_clause(preposition: Token) -> bool:
    """`…-Rat, in dem Kiew und die Verbündeten beraten`: a preposition after a comma before a
    relative pronoun opens a relative clause; the name after it is no place."""
    doc = preposition.doc
    i = preposition.i
    return 0 < i < len(doc) - 1 and doc[i - 1].text == "," and doc[i + 1].lower_ in RELATIVE_PRONOUNS


def unique(items) -> tuple[str, ...]:
    return tuple(dict.fromkeys(item for item in items if item))
