"""Trigger finding of the `events` component (`candidates`): the trigger a sentence reports (verbs
and nouns of `resources/de/events_triggers.tsv`, found by word form), its clause and the markers of
`events_markers.tsv` in it, quotes, and the event type a general trigger takes from its sentence.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.lang.de.stop_words import STOP_WORDS
from spacy.tokens import Span, Token

from .lexicon import Lexicon, Trigger

ZU_INFINITIVE = re.compile(r"^[a-zäöü]{2,}zu[a-zäöüß]{2,}e[lr]?n$")  # bereitzustellen, aufzunehmen
CLAUSE_BOUNDARIES = {",", ";", ":", "–", "—", "?", "!"}
PARTICLE_FOLLOWERS = {".", ",", ";", ":", "!", "?", "–", "—", "und", "oder", "aber", "sowie", '"', "“", "”", "»", "«", ")"}


@dataclass
class Found:
    """A trigger found in a sentence."""

    token: Token
    trigger: Trigger
    particle: Token | None = None


# --- quotes ------------------------------------------------------------------------------------

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


def preceded_by(found: Found, lexicon: Lexicon, kind: str) -> bool:
    """Whether a marker of `kind` stands in the four words before a trigger noun
    (prospective: `vor dem Gipfel`; retrospective: `nach dem Sondertreffen`, `beim Treffen`)."""
    doc = found.token.doc
    start = max(found.token.sent.start, found.token.i - 4)
    window = doc.text[doc[start].idx:found.token.idx]
    pattern = lexicon.markers.get(kind)
    return bool(pattern and pattern.search(window))


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
