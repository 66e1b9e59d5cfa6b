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
"""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, replace

from spacy.lang.de.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from . import extensions  # noqa: F401
from .eventing.intervals import Interval, from_bounds, parse_value, union
from .eventing.lexicon import Lexicon, Trigger, load_lexicon
from .eventing.relevance import COUNTRY_SIDES, combined, document_prior, document_share, side_hits
from .export import format_number
from .records import Event

ZU_INFINITIVE = re.compile(r"^[a-zäöü]{2,}zu[a-zäöüß]{2,}e[lr]?n$")  # bereitzustellen, aufzunehmen
ADJECTIVE_ENDINGS = ("e", "em", "en", "er", "es")
RELATIVE_PRONOUNS = {"dem", "der", "den", "denen", "deren", "dessen", "welchem", "welcher", "welchen"}
CLAUSE_BOUNDARIES = {",", ";", ":", "–", "—", "?", "!"}
PARTICLE_FOLLOWERS = {".", ",", ";", ":", "!", "?", "–", "—", "und", "oder", "aber", "sowie", '"', "“", "”", "»", "«", ")"}
COORDINATORS = re.compile(r"^\s*(?:und|bis|sowie|-|–|—|/|,)\s*$", re.I)
EXPLICIT_TYPES = {"DATE", "TIME"}
CLOCK_PART = re.compile(r"(?<=^\d{4}-\d{2}-\d{2})T.*$")
EXCLUDED_MODIFIERS = {"BEFORE", "AFTER"}
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


@dataclass
class Found:
    """A trigger found in a sentence."""

    token: Token
    trigger: Trigger
    particle: Token | None = None


@dataclass
class Dating:
    """When an event happens and how that was found."""

    interval: Interval
    source: str  # explicit | previous | dct
    span: Span | None = None


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


# --- sentences, spans, quotes ------------------------------------------------------------------

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


def quoted_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges inside quotation marks („…“, »…«, "…", “…”); a line break ends a quote."""
    ranges: list[tuple[int, int]] = []
    opened: int | None = None
    closer = ""
    for i, ch in enumerate(text):
        if ch == "\n":
            opened = None
            continue
        if opened is None:
            if ch in "„“»«\"":
                before = text[i - 1] if i else " "
                if ch == '"' and not (before.isspace() or before in "([–-—:"):
                    continue
                opened, closer = i, {"„": "“", "“": "”", "»": "«", "«": "»", '"': '"'}[ch]
        elif ch == closer or (closer == "“" and ch in '"”') or (closer == '"' and ch in "“”"):
            ranges.append((opened, i + 1))
            opened = None
    return ranges


def in_quotes(token: Token, quotes: list[tuple[int, int]]) -> bool:
    return any(start < token.idx < end for start, end in quotes)


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


# --- triggers ----------------------------------------------------------------------------------

def find_trigger(sent: Span, lexicon: Lexicon, quotes: list[tuple[int, int]], has_money: bool = False) -> Found | None:
    """The sentence's main trigger: outside quotes before inside, a verb (not an attributive
    participle) before a noun, nearer the root of the parse, earlier. A trigger whose `needs`
    marker is missing from its clause, or a general one the sentence gives no type, is none."""
    if heading_without_verb(sent, lexicon):
        return None
    candidates: list[Found] = []
    excluded_clauses: set[tuple[int, int]] = set()
    for token in sent:
        if token.is_punct or token.is_space or not token.text[:1].isalpha():
            continue
        found = match_token(token, sent, lexicon)
        if found is None:
            continue
        if excluded_by_clause(found, sent, lexicon):
            if found.trigger.pos == "verb":
                excluded_clauses.add(clause_bounds(sent, found))
            continue
        if not has_needed_markers(found, sent, lexicon) or advocated(found, sent, lexicon):
            continue
        if in_quotes(token, quotes) and not found.trigger.decision:
            continue  # `"Heute treffen wir uns als Gleiche", sagte Stoltenberg` quotes, it reports no event
        if not refine_type(sent, found, lexicon, has_money):
            continue
        candidates.append(found)
    # a noun in a clause whose verb states a state or a hit is part of that description (`Im US-Kongress
    # ist ein Hilfspaket seit Monaten blockiert, die EU will … bei einem Sondergipfel …`)
    candidates = [f for f in candidates if f.trigger.pos == "verb" or clause_bounds(sent, f) not in excluded_clauses]
    if not candidates:
        return None
    parsed = sent.doc.has_annotation("DEP")
    # a negated trigger yields to another one (`Ungarn blockiert das Vorhaben nicht; darauf hatten
    # sich Stoltenberg und Orbán verständigt`)
    return min(candidates, key=lambda f: (clause_has(sent, f, lexicon, "negation"), in_quotes(f.token, quotes),
                                          clause_opens(sent, f, lexicon, "question"),
                                          attributive(f), f.trigger.pos != "verb",
                                          depth(f.token) if parsed else 0, f.token.i))


def usable(found: Found, sent: Span, lexicon: Lexicon) -> bool:
    """Whether the trigger's clause holds the markers its row needs (`den Antrag stellen`) and none
    of those it excludes (`!target`: `Raketen können Ziele treffen` hits, it meets nobody; `!state`:
    `Im Westen sind 280 Milliarden Dollar blockiert` describes a state, no act of blocking)."""
    return not excluded_by_clause(found, sent, lexicon) and has_needed_markers(found, sent, lexicon)


def trigger_needs(trigger: Trigger) -> list[str]:
    """The marker kinds of a trigger row's `needs` cell; a leading `!` marks one it excludes."""
    return [need for need in (n.strip() for n in trigger.needs.split(",")) if need]


def has_needed_markers(found: Found, sent: Span, lexicon: Lexicon) -> bool:
    """Whether the trigger's clause holds every marker its row needs (`den Antrag stellen`)."""
    return all(clause_has(sent, found, lexicon, need) for need in trigger_needs(found.trigger)
               if not need.startswith("!"))


def excluded_by_clause(found: Found, sent: Span, lexicon: Lexicon) -> bool:
    """Whether the trigger's clause holds a marker its row excludes (`!state`, `!target`)."""
    return any(clause_has(sent, found, lexicon, need[1:]) for need in trigger_needs(found.trigger)
               if need.startswith("!"))


def advocated(found: Found, sent: Span, lexicon: Lexicon) -> bool:
    """A trigger in a complement clause (dass …, … zu tun) that an advocacy verb before it governs
    is what someone asks for, not what was decided (`Stoltenberg wirbt dafür, jährlich 40 Milliarden
    Euro bereitzustellen`, `Austin rief die Staaten auf, ihre Zusagen umzusetzen`, `Die USA sind
    dagegen, … aufzunehmen`)."""
    return complement_of(found, sent, lexicon, "advocacy")


def complement_of(found: Found, sent: Span, lexicon: Lexicon, kind: str) -> bool:
    """Whether the trigger stands in a complement clause (dass …, … zu tun) after a clause with a
    marker of `kind` (advocacy: `wirbt dafür, … bereitzustellen`; expectation: `Stoltenberg erwartet,
    dass sich die Minister für höhere Ziele aussprechen`: expected, not reported as happened)."""
    start, end = clause_bounds(sent, found)
    pattern = lexicon.markers.get(kind)
    if not pattern or start <= sent.start_char or not pattern.search(sent.doc.text[sent.start_char:start]):
        return False
    clause = sent.doc.char_span(start, end, alignment_mode="expand")
    words = [t for t in clause if t.is_alpha] if clause is not None else []
    if not words:
        return False
    last = words[-1]
    return words[0].lower_ == "dass" or ZU_INFINITIVE.match(last.text) is not None \
        or (len(words) > 1 and words[-2].lower_ == "zu" and last.text[:1].islower())


def heading_without_verb(sent: Span, lexicon: Lexicon) -> bool:
    """A short line of its own without a finite verb: a subheading, kicker or info box
    (`Hilfspakete aus Berlin und Paris`, `Gegenmaßnahmen angekündigt`), a label, not a report.
    Every lowercase word is a function word (spaCy's stop words, but no finite auxiliary
    of `events_markers.tsv`) or a participle that ends the line."""
    text = sent.doc.text
    start, end = stripped_bounds(sent)
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    if text[line_start:start].strip() or text[end:len(text) if line_end < 0 else line_end].strip():
        return False
    words = [t for t in sent if t.is_alpha]
    return bool(words) and len(words) <= lexicon.settings.get("heading_max_words", 12) and verbless(sent, lexicon)


def verbless(sent: Span, lexicon: Lexicon) -> bool:
    """Whether a sentence has no finite verb: every lowercase word is a function word (spaCy's stop
    words, but no finite auxiliary of `events_markers.tsv`) or a participle that ends it
    (`Tschechiens Präsident Petr Pavel auf der Münchner Sicherheitskonferenz.`, a photo caption)."""
    words = [t for t in sent if t.is_alpha]
    finite = lexicon.markers.get("finite")
    for token in words:
        if token.text[:1].isupper():
            continue
        if finite is not None and finite.fullmatch(token.text):
            return False
        if token.lower_ not in STOP_WORDS and token.i != words[-1].i:
            return False
    return True


def clause_opens(sent: Span, found: Found, lexicon: Lexicon, kind: str) -> bool:
    """Whether the trigger's clause opens with a marker of `kind` (question: an indirect question
    `Wie teuer die Zusagen werden, ist offen`, `Ob die Türkei zustimmt, …`)."""
    start, end = clause_bounds(sent, found)
    pattern = lexicon.markers.get(kind)
    match = pattern.search(sent.doc.text[start:end]) if pattern else None
    return bool(match and not sent.doc.text[start:start + match.start()].strip(" \"„“»«*"))


def attributive(found: Found) -> bool:
    """A participle used as an adjective before its noun (`den am Freitag vorgelegten Plan`)."""
    token = found.token
    if found.trigger.pos != "verb" or not token.lower_.endswith(("te", "ten", "ter", "tes", "ne", "nen", "ner", "nes")):
        return False
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    if following is None or not (following.text[:1].isupper() and following.is_alpha):
        return False
    if token.tag_:
        return token.tag_ == "ADJA"
    # a name after it is the subject of a finite verb (`unterzeichneten Biden und Selenski ein Abkommen`),
    # no noun an adjective could describe
    return not any(span.start == following.i for key in ("persons", "countries", "organizations")
                   for span in token.doc.spans.get(key, []))


def depth(token: Token) -> int:
    steps = 0
    while token.head != token and steps < 50:
        token, steps = token.head, steps + 1
    return steps


def match_token(token: Token, sent: Span, lexicon: Lexicon) -> Found | None:
    text = token.text
    low = text.lower()
    capitalised = text[:1].isupper()
    if capitalised:
        if low not in lexicon.excluded:
            trigger = lexicon.noun_forms.get(low)
            if trigger is None and "-" in low:
                trigger = lexicon.noun_forms.get(low.rsplit("-", 1)[1])
            if trigger is None:
                trigger = next((t for suffix, t in lexicon.compound_suffixes
                                if low.endswith(suffix) and len(low) > len(suffix)), None)
            if trigger is not None:
                return Found(token, trigger)
        if not token.is_sent_start:
            return None
    plain: Found | None = None  # `traf … ein` is eintreffen, `traf` alone treffen
    for trigger, needs_particle in lexicon.verb_forms.get(low, []):
        if not needs_particle:
            plain = plain or Found(token, trigger)
            continue
        particle = detached_particle(token, sent, trigger.particle)
        if particle is not None:
            return Found(token, trigger, particle)
    return plain


def detached_particle(token: Token, sent: Span, particle: str) -> Token | None:
    """The separable particle of a finite verb (`kündigte … an`): a parse's `svp`, else the clause end.
    Children are only asked for in a parsed document (spaCy may crash on those of an unparsed one)."""
    if token.doc.has_annotation("DEP"):
        for child in token.children:
            if child.dep_ == "svp" and child.lower_ == particle:
                return child
    end = sent.end
    for i in range(token.i + 1, end):
        candidate = token.doc[i]
        if candidate.lower_ != particle:
            continue
        following = token.doc[i + 1] if i + 1 < end else None
        if following is None or following.text in PARTICLE_FOLLOWERS or following.is_space:
            return candidate
    return None


def clause_bounds(sent: Span, found: Found) -> tuple[int, int]:
    """Character range of the clause around the trigger (commas, semicolons, dashes delimit it)."""
    start, end = sent.start, sent.end
    for i in range(found.token.i - 1, sent.start - 1, -1):
        if sent.doc[i].text in CLAUSE_BOUNDARIES:
            start = i + 1
            break
    last = max(found.token.i, found.particle.i if found.particle is not None else found.token.i)
    for i in range(last + 1, sent.end):
        if sent.doc[i].text in CLAUSE_BOUNDARIES:
            end = i
            break
    doc = sent.doc
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)


def clause_has(sent: Span, found: Found, lexicon: Lexicon, kind: str) -> bool:
    start, end = clause_bounds(sent, found)
    pattern = lexicon.markers.get(kind)
    return bool(pattern and pattern.search(sent.doc.text[start:end]))


COMPARISON = re.compile(r"(?<![\wäöüß])als\s+(?:[\wäöüß]+\s+){0,5}?(?:zuvor|vorher|früher|damals)(?![\wäöüß])", re.I)


def looks_back(sent: Span, lexicon: Lexicon) -> bool:
    """Whether the sentence tells background (`hatte`, `zuvor`), not counting a comparison with the past
    (`2,5 Milliarden Pfund, 200 Millionen mehr als in den beiden Jahren zuvor`)."""
    pattern = lexicon.markers.get("past")
    return bool(pattern and pattern.search(COMPARISON.sub(" ", sent.text)))


def sentence_has(sent: Span, lexicon: Lexicon, kind: str) -> bool:
    pattern = lexicon.markers.get(kind)
    return bool(pattern and pattern.search(sent.text))


# --- dates -------------------------------------------------------------------------------------

@dataclass
class SentenceDate:
    interval: Interval
    span: Span


def sentence_dates(sent: Span, spans: list[Span]) -> list[SentenceDate]:
    """Usable calendar dates of a sentence in text order; coordinated ones joined."""
    dates: list[SentenceDate] = []
    for span in spans:
        timex = span._.timex
        if timex is None or timex.type not in EXPLICIT_TYPES or timex.modifier in EXCLUDED_MODIFIERS:
            continue
        if not (timex.date_start and timex.date_end):
            continue
        value = CLOCK_PART.sub("", timex.value)  # 2024-04-03T19:20, 2023-07-10TEV → the day
        interval = from_bounds(value, timex.date_start, timex.date_end, timex.precision)
        if interval is None:
            continue
        if dates and COORDINATORS.match(sent.doc.text[dates[-1].span.end_char:span.start_char]) \
                and dates[-1].interval.precision == interval.precision:
            previous = dates.pop()
            joined = sent.doc[previous.span.start:span.end]
            dates.append(SentenceDate(union([previous.interval, interval]), joined))
            continue
        dates.append(SentenceDate(interval, span))
    return dates


def finest(dates: list[SentenceDate]) -> list[SentenceDate]:
    """The dates without those that only restate a finer one more coarsely (`im März, am 16.`)."""
    return [d for d in dates if not any(o is not d and o.interval.within(d.interval)
                                        and (o.interval.start, o.interval.end) != (d.interval.start, d.interval.end)
                                        for o in dates)]


def nearest_date(found: Found, dates: list[SentenceDate]) -> SentenceDate | None:
    """The date of the trigger: the one closest to it in the parse (fewest steps up the heads);
    without a parse the nearest one in the trigger's clause, else in a clause before it. A date in a
    clause after the trigger's belongs to a complement (`beschlossen, im kommenden Jahr … bereitzustellen`),
    and so does a date next to a trigger in a zu-infinitive when the governing clause before it has
    one (`erklärten am Mittwoch, im nächsten Jahr … bereitzustellen`). Only the dates a trigger can
    take are compared, so a finer date in another clause does not hide a coarser one in its own."""
    if found.token.doc.has_annotation("DEP"):
        attached = [(steps, i) for i, date in enumerate(dates) if (steps := head_steps(date.span.root, found.token)) is not None]
        if attached:
            return dates[min(attached)[1]]
    sent = found.token.sent
    start, end = clause_bounds(sent, found)
    same = [d for d in dates if d.span.start_char < end and d.span.end_char > start]
    before = [d for d in dates if d.span.end_char <= start]
    candidates = before if before and zu_infinitive(found) else same or before
    candidates = finest(candidates)
    if not candidates:
        return None
    position = found.token.i

    def distance(date: SentenceDate) -> int:
        if date.span.start <= position < date.span.end:
            return 0
        return min(abs(date.span.start - position), abs(date.span.end - 1 - position))

    return min(candidates, key=distance)


def object_date(date: SentenceDate, found: Found, dct: Interval | None, has_money: bool,
                lexicon: Lexicon) -> bool:
    """A date of what a decision or pledge gives, not of when it was made: a deadline after a noun
    (`sagte … 30 F-16-Kampfjets bis 2028 zu`; not `Bis Ende des Monats will Biden … bitten`, which
    dates the act) or, in a sentence with money, the budget year that holds the publication date
    (`stellt 2024 mindestens 126 Millionen Euro bereit`, `in diesem Jahr Militärhilfe von 977 Millionen
    Euro`; not a running total: `haben in diesem Jahr bereits … bestellt`). Only for decisions and
    pledges: an arrival or delivery happens by its deadline (`sollen bis Juni in der Ukraine ankommen`).
    Also the date of a gathering that an act points to (`lud Selenskyj zu dem Gipfeltreffen am 11. und
    12. Juli ein`: the invitation is dated by its own day, not the summit's)."""
    if gathering_destination(date, found, lexicon) or participle_attribute(date) or demanded(date, found, lexicon):
        return True
    if not found.trigger.decision:
        return False
    doc, sent = date.span.doc, found.token.sent
    start = date.span.start + 1 if date.span[0].lower_ == "bis" else date.span.start
    bis = next((i for i in range(start - 1, max(sent.start, start - 3) - 1, -1) if doc[i].lower_ == "bis"), None)
    if bis is not None and all(doc[i].lower_ in {"zum", "zur", "ende", "anfang", "mitte"} for i in range(bis + 1, start)):
        previous = doc[bis - 1] if bis > sent.start else None
        last_part = previous.text.rsplit("-", 1)[-1] if previous is not None else ""  # F-16-Kampfjets
        return last_part.isalpha() and last_part[:1].isupper() and last_part.lower() not in STOP_WORDS
    return has_money and dct is not None and date.interval.precision == "year" \
        and date.interval.start <= dct.start and dct.end <= date.interval.end \
        and not sentence_has(sent, lexicon, "cumulative")


def demanded(date: SentenceDate, found: Found, lexicon: Lexicon) -> bool:
    """Whether the date follows a trigger noun that an advocacy verb before it asks for (`Selenskyj
    drängte auf eine klare Entscheidung beim Nato-Gipfel im Juli`): the date is of what is asked for,
    the demand is made on its own day."""
    if found.trigger.pos != "noun" or date.span.start < found.token.i:
        return False
    start, _ = clause_bounds(found.token.sent, found)
    pattern = lexicon.markers.get("advocacy")
    return bool(pattern and pattern.search(found.token.doc.text[start:found.token.idx]))


PRESENT_PARTICIPLE = ("ende", "enden", "ender", "endes", "endem")


def participle_attribute(date: SentenceDate) -> bool:
    """Whether the date stands in a present-participle attribute of a noun (`Für das im April
    beginnende Finanzjahr stellt London 2,5 Milliarden Pfund bereit`): it dates the noun, not the act."""
    doc, end = date.span.doc, date.span.end
    if end + 1 >= len(doc):
        return False
    participle, noun = doc[end], doc[end + 1]
    return participle.is_alpha and participle.text[:1].islower() and participle.lower_.endswith(PRESENT_PARTICIPLE) \
        and noun.is_alpha and noun.text[:1].isupper()


def gathering_destination(date: SentenceDate, found: Found, lexicon: Lexicon) -> bool:
    """Whether the date follows a gathering noun introduced by a preposition of destination
    (`zu dem Gipfeltreffen am 11. Juli`, `für das Treffen am Freitag`) that is not the trigger itself
    and the trigger is no gathering: the date is the gathering's, not the act's."""
    if lexicon.type_info(found.trigger.event_type).family == "gathering":
        return False
    destination = lexicon.markers.get("destination")
    doc, sent = date.span.doc, found.token.sent
    if destination is None:
        return False
    for i in range(date.span.start - 1, max(sent.start, date.span.start - 3) - 1, -1):
        token = doc[i]
        if token.i == found.token.i:
            return False
        noun = match_token(token, sent, lexicon) if token.text[:1].isupper() else None
        if noun is None or noun.trigger.pos != "noun" \
                or lexicon.type_info(noun.trigger.event_type).family != "gathering":
            continue
        before = doc[max(sent.start, i - 3):i].text
        return bool(destination.search(before)) and not (found.token.i < i and found.token.i >= i - 3)
    return False


def paragraph_dating(sent: Span, number: int, last_dated: tuple[int, Interval] | None,
                     sentences: list[Span]) -> Dating | None:
    """The date of a sentence just before in the same paragraph (`Mehrere Verbündete stockten in dieser
    Woche ihre Hilfe auf. Belgien sagte … bis 2028 … zu.`), for a decision whose own dates are those of its object."""
    if last_dated is None or number - last_dated[0] > 2 or not same_paragraph(sentences[last_dated[0]], sent):
        return None
    return Dating(last_dated[1], "previous")


PARAGRAPH_BREAK = re.compile(r"\n")  # news text is not hard-wrapped: a line is a paragraph
HEADING_WEEK = 7  # a subheading reports what its paragraph dates within the week before publication


def heading_dating(sent: Span, number: int, dating: Dating, sentences: list[Span],
                   date_spans: dict[int, list[Span]]) -> Dating:
    """A subheading (a line without final punctuation) reports what the paragraph below it tells:
    dated by the publication day, it takes the day that paragraph's first sentence names within the
    week before (`Die Nato übernimmt die Koordination` / `Parallel dazu einigten sich die
    Verteidigungsminister am Donnerstag …`)."""
    text = sent.text.strip()
    if not text or text[-1] in ".!?:;\"“”»«)" or number + 1 >= len(sentences):
        return dating
    following = sentences[number + 1]
    if not PARAGRAPH_BREAK.search(sent.doc.text[sent.start_char + len(sent.text.rstrip()):following.start_char]):
        return dating
    earliest = dating.interval.start - dt.timedelta(days=HEADING_WEEK)
    days = [d for d in sentence_dates(following, date_spans.get(number + 1, []))
            if d.interval.precision == "day" and earliest <= d.interval.start <= dating.interval.end]
    return Dating(days[0].interval, "previous", days[0].span) if days else dating


def same_paragraph(earlier: Span, later: Span) -> bool:
    return not PARAGRAPH_BREAK.search(later.doc.text[earlier.end_char:later.start_char])


def narrative_dating(sent: Span, number: int, found: Found, dating: Dating, last_dated: tuple[int, Interval] | None,
                     sentences: list[Span], lexicon: Lexicon) -> Dating | None:
    """An undated sentence in a paragraph that narrates an earlier day does not report the day of
    publication. Right after that day's sentence, a clause that points back to it (`dort`, `dabei`, `Nach
    einem Treffen mit Orbán kündigten beide an`) takes its date, as does any such clause after a dated
    sentence (`Schon am Dienstag treffen sich die Minister. Pistorius will dort weitere Hilfe ankündigen.`);
    a clause right after it that does not point back keeps the publication date (`… hatte Biden am Dienstag
    angekündigt, … Die USA und Deutschland stellen Patriot-Komponenten bereit.` may be news of the day);
    later sentences of a paragraph (a line) about an earlier day (`Am 1. März hatte RT den Mitschnitt
    veröffentlicht. … Disziplinarische Konsequenzen lehnte er ab.`) are no events of a known day."""
    if last_dated is None or not same_paragraph(sentences[last_dated[0]], sent):
        return dating
    if last_dated[0] == number - 1:
        return Dating(last_dated[1], "previous") if points_back(sent, found, lexicon) else dating
    earlier = (dating.interval.start - last_dated[1].end).days > lexicon.settings.get("narrative_gap_days", 1)
    return None if earlier else dating


def points_back(sent: Span, found: Found, lexicon: Lexicon) -> bool:
    """Whether the trigger's clause refers to the occasion of the sentence before: a back-pointing
    adverb (`dort`, `dabei`) or a gathering noun after a retrospective preposition (`Nach einem Treffen`)."""
    if clause_has(sent, found, lexicon, "reference"):
        return True
    start, end = clause_bounds(sent, found)
    for token in sent:
        if token.i == found.token.i or not start <= token.idx < end or not token.text[:1].isupper():
            continue
        other = match_token(token, sent, lexicon)
        if other is not None and other.trigger.pos == "noun" \
                and lexicon.type_info(other.trigger.event_type).family == "gathering" \
                and preceded_by(other, lexicon, "retrospective"):
            return True
    return False


def zu_infinitive(found: Found) -> bool:
    """A verb trigger as a zu-infinitive (`bereitzustellen`, `zu liefern`): the complement of another verb."""
    token = found.token
    if found.trigger.pos != "verb" or found.particle is not None:
        return False
    low = token.lower_
    if found.trigger.particle and low == found.trigger.particle + "zu" + found.trigger.base:
        return True
    return token.i > token.sent.start and token.doc[token.i - 1].lower_ == "zu" and low.endswith("n")


def head_steps(token: Token, target: Token, limit: int = 8) -> int | None:
    """Steps from `token` up its heads to `target`, or None."""
    for steps in range(limit):
        if token == target:
            return steps
        if token.head == token:
            return None
        token = token.head
    return None


def date_event(sent: Span, number: int, found: Found, dates: list[SentenceDate], dct: Interval | None,
               last_dated: tuple[int, Interval] | None, lexicon: Lexicon,
               quotes: list[tuple[int, int]]) -> Dating | None:
    """When the event happens, or None when the sentence gives no reliable date for it."""
    chosen = nearest_date(found, dates) if dates else None
    if chosen is not None:
        return Dating(chosen.interval, "explicit", chosen.span)
    if last_dated is not None and number - last_dated[0] <= 2 and lexicon.anaphora.search(sent.text):
        if sentence_has(sent, lexicon, "habitual"):
            return None  # `Ihr Sprecher kündigte an, das Thema immer wieder auf die Tagesordnung zu setzen`
        return Dating(last_dated[1], "previous")
    if dct is None or in_quotes(found.token, quotes) or sent.text.rstrip().endswith("?"):
        return None
    if any(clause_has(sent, found, lexicon, kind) for kind in ("speculative", "expectation")):
        return None
    if clause_opens(sent, found, lexicon, "question") or refers_back(found, lexicon) \
            or complement_of(found, sent, lexicon, "expectation"):
        return None
    if any(sentence_has(sent, lexicon, kind) for kind in ("habitual", "judgement")) or looks_back(sent, lexicon):
        return None  # `… entscheiden nur einstimmig`; `Für Kiew kommt die Zusage zu einem schwierigen Zeitpunkt`
    if found.trigger.pos == "noun" and verbless(sent, lexicon):
        return None  # a caption or label names an occasion, it does not report that it happened today
    if found.trigger.pos == "noun":
        if preceded_by(found, lexicon, "prospective") or generic_plural(found, lexicon):
            return None
        gathering = lexicon.type_info(found.trigger.event_type).family == "gathering"
        if gathering and not preceded_by(found, lexicon, "retrospective"):
            return None  # `NATO-Gipfel in Vilnius: …` names a gathering, not that it took place today
    return Dating(dct, "dct")


def generic_plural(found: Found, lexicon: Lexicon) -> bool:
    """A trigger noun in the plural right after a preposition, without determiner, names a kind of
    occasion, not one that happened (`Bei Beschlüssen über die Friedensfazilität enthält sich Wien`)."""
    token = found.token
    if token.i == token.sent.start or token.lower_ == found.trigger.lemma.lower():
        return False
    pattern = lexicon.markers.get("generic")
    plural = token.lower_.endswith(("en", "e", "n")) and not token.lower_.endswith("es")
    return bool(pattern and pattern.fullmatch(token.doc[token.i - 1].text)) and plural


def refers_back(found: Found, lexicon: Lexicon) -> bool:
    """A bare decision or pledge noun after a definite determiner with nothing that says which
    (`Die Entscheidung fiel ohne große Zeremonie`, `Wie teuer die Zusagen werden`, `Mit dem Beitritt
    verdoppelt sich …`) refers back to an event reported before; `die Zusagen der G7`, `der Beitritt
    Schwedens` or a compound (`die Leopard-Entscheidung`) name one."""
    token = found.token
    if found.trigger.pos != "noun" or lexicon.type_info(found.trigger.event_type).family == "gathering":
        return False
    if lexicon.noun_forms.get(token.lower_) is not found.trigger:
        return False
    definite, complement = lexicon.markers.get("definite"), lexicon.markers.get("complement")
    doc, i = token.doc, token.i - 1
    while i >= token.sent.start and doc[i].is_alpha and doc[i].text[:1].islower() \
            and not (definite and definite.fullmatch(doc[i].text)):
        i -= 1  # adjectives between determiner and noun: die einzelnen Vereinbarungen
    if i < token.sent.start or not (definite and definite.fullmatch(doc[i].text)):
        return False
    following = doc[token.i + 1] if token.i + 1 < token.sent.end else None
    if following is None or not following.is_alpha:
        return True
    return not (following.text[:1].isupper() or (complement and complement.fullmatch(following.text)))


def gapped_dates(sent: Span, found: Found, dates: list[SentenceDate], dating: Dating,
                 lexicon: Lexicon) -> list[SentenceDate]:
    """Dates of clauses after the trigger's that leave out its verb and name another actor and day
    (`Ungarn stimmte Ende März zu, das türkische Parlament am Donnerstag vergangener Woche als
    letztes`; `Am Dienstag stimmte der Bundestag zu, am Freitag der Bundesrat`): each is an event
    of its own. Such a clause ends the sentence and has no finite verb and no trigger, only
    function words, adjectives and names besides its date."""
    if dating.source != "explicit":
        return []
    doc = sent.doc
    _, trigger_end = clause_bounds(sent, found)
    finite = lexicon.markers.get("finite")
    result = []
    for date in dates:
        if date.span.start_char < trigger_end or date.interval == dating.interval:
            continue
        start = max((t.i for t in doc[sent.start:date.span.start] if t.text in {",", ";"}), default=None)
        if start is None or doc[start].idx < trigger_end:
            continue
        if any(t.text in CLAUSE_BOUNDARIES for t in doc[date.span.end:sent.end]):
            continue  # the left-out verb's clause is the sentence's last: `…, erst seit vergangener Woche im Amt, ließ …`
        clause = [t for t in doc[start + 1:sent.end] if t.is_alpha]
        outside = [t for t in clause if not date.span.start <= t.i < date.span.end]
        if not any(t.text[:1].isupper() for t in outside):
            continue  # `…, voraussichtlich im April` restates the date, names no one
        if any((finite is not None and finite.fullmatch(t.text)) or match_token(t, sent, lexicon) is not None
               or (t.text[:1].islower() and t.lower_ not in STOP_WORDS and not t.lower_.endswith(ADJECTIVE_ENDINGS))
               for t in outside):
            continue
        result.append(date)
    return result


def preceded_by(found: Found, lexicon: Lexicon, kind: str) -> bool:
    """Whether a marker of `kind` stands in the four words before a trigger noun
    (prospective: `vor dem Gipfel`; retrospective: `nach dem Sondertreffen`, `beim Treffen`)."""
    doc = found.token.doc
    start = max(found.token.sent.start, found.token.i - 4)
    window = doc.text[doc[start].idx:found.token.idx]
    pattern = lexicon.markers.get(kind)
    return bool(pattern and pattern.search(window))


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


def refine_type(sent: Span, found: Found, lexicon: Lexicon, has_money: bool) -> str:
    """The trigger's type; a general trigger (refine=1) takes the type of another trigger noun (a
    decision or pledge before a gathering, and no gathering that only says where: `beim Gipfel`,
    `zum Auftakt des Gipfels`), of a money amount (aid) or of a cue in the sentence, else its own
    fallback ("" = no event)."""
    if not found.trigger.refine:
        return found.trigger.event_type
    nouns = []
    for token in sent:
        if token.i != found.token.i and token.text[:1].isupper():
            other = match_token(token, sent, lexicon)
            if other is None or other.trigger.pos != "noun" or other.trigger.refine or not usable(other, sent, lexicon):
                continue
            gathering = lexicon.type_info(other.trigger.event_type).family == "gathering"
            if gathering and preceded_by(other, lexicon, "retrospective"):
                continue  # `beim Gipfel in Madrid eingeladen`: where it happened, not what
            nouns.append((gathering, other.trigger.event_type))
    if nouns:  # `verkündeten … eine Entscheidung`, `zum Gipfel eingeladen`: what was announced
        return min(nouns)[1]
    if has_money:
        return "aid"
    for pattern, event_type in lexicon.type_cues:
        if pattern.search(sent.text):
            return event_type
    return found.trigger.event_type


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


def stripped_bounds(sent: Span) -> tuple[int, int]:
    text = sent.doc.text
    start, end = sent.start_char, sent.end_char
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    # an opening quote of the next sentence that the sentence splitter left behind (`beschließen. "`)
    if end - start > 3 and text[end - 1] in "\"„»«“" and text[end - 2].isspace() and text[end - 3] in ".!?":
        end -= 2
    return start, end


def unique(items) -> tuple[str, ...]:
    return tuple(dict.fromkeys(item for item in items if item))
