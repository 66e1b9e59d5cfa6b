"""Dating of the `events` component (`candidates`): how an event gets its date. The sentence's own
resolved dates (`doc.spans["dates"]`, coordinated ones joined), the one of the trigger, dates of
what a decision gives rather than of the act, the previous sentence's or the paragraph's date, the
publication date for a plain report of the day, and verbless clauses that repeat the trigger for
another actor and date.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from spacy.lang.de.stop_words import STOP_WORDS
from spacy.tokens import Span, Token

from .intervals import Interval, from_bounds, union
from .lexicon import Lexicon
from .triggers import (
    CLAUSE_BOUNDARIES, Found, clause_bounds, clause_has, clause_opens, complement_of, in_quotes, looks_back,
    match_token, preceded_by, sentence_has, verbless,
)

ADJECTIVE_ENDINGS = ("e", "em", "en", "er", "es")
COORDINATORS = re.compile(r"^\s*(?:und|bis|sowie|-|–|—|/|,)\s*$", re.I)
EXPLICIT_TYPES = {"DATE", "TIME"}
CLOCK_PART = re.compile(r"(?<=^\d{4}-\d{2}-\d{2})T.*$")
EXCLUDED_MODIFIERS = {"BEFORE", "AFTER"}


@dataclass
class Dating:
    """When an event happens and how that was found."""

    interval: Interval
    source: str  # explicit | previous | dct
    span: Span | None = None


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
