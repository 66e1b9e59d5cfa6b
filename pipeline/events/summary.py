"""A short German headline for a timeline entry, built from its evidence sentence: who — what.

The clause of the evidence that holds the trigger is kept, attributions and hedges
(`timeline_summary.tsv`) are dropped unless they open the clause, and it is cut to a headline's
length; the entry's persons (or else organisations) are named in front unless the clause names them.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..records import Event
from ..resources import load_list, load_table
from .lexicon import Lexicon

WORD = re.compile(r"[\wÄÖÜäöüß]+")
CLAUSE_SEPARATOR = re.compile(r"(,\s+|;\s+|:\s+|\s+[–—]\s+)")
MAX_WORDS = 20
ARTICLES = {"der", "die", "das", "dem", "den", "des", "ein", "eine", "einer", "einem", "einen", "eines"}
INSERTION_OPENERS = ARTICLES | {"deren", "dessen", "denen", "welche", "welcher", "welches", "wo"}
CONJUNCTIONS = {"dass", "daß", "wonach", "ob", "weil", "nachdem", "womit", "wobei", "sodass", "damit"}
RELATIVE_PRONOUNS = {"der", "die", "das", "dem", "den", "deren", "dessen", "denen", "welche", "welcher", "welches", "wo"}
INNER_PUNCTUATION = re.compile(r"[:;–—]")
LIST_WORDS = re.compile(r"\b(?:und|sowie|oder)\b")
ZU_CLAUSE = re.compile(r"(?:\bzu\s+[a-zäöüß]+|\b[a-zäöü]{2,}zu[a-zäöüß]{2,}e[lr]?n)\W*$")


@lru_cache(maxsize=None)
def drop_patterns(lang: str = "de") -> tuple[re.Pattern, ...]:
    return tuple(re.compile(row["pattern"], re.I) for row in load_table("timeline_summary.tsv", lang))


def states_trigger(clause: str, event: Event, lexicon: Lexicon) -> bool:
    """Whether a clause holds the event's trigger (any inflected form of the verb, or the noun)."""
    if event.trigger and event.trigger in clause:
        return True
    return any(trigger.lemma == event.trigger
               for word in WORD.findall(clause) for trigger, _ in lexicon.verb_forms.get(word.lower(), ()))


def keep_opening(match: re.Match, text: str) -> str:
    """Drop a phrase, except one that opens the clause (dropping it would leave the verb first)."""
    if not text[:match.start()].strip() and match.group(0)[:1].isalpha():
        return match.group(0)
    return " "


def headline_clause(event: Event, lexicon: Lexicon) -> str:
    """What happened, in at most MAX_WORDS words: the sentence without inserted relative clauses and
    appositions (`der Nordatlantikrat, das wichtigste Gremium der Allianz, ernannte …`), attributions
    and hedges; when it is longer, the clause of the trigger with what it needs: the clause it
    depends on (`…, wonach sie der Ukraine Sicherheitszusagen machen wollen`, `…, teilte X mit`) and
    the object clause of a reporting or deciding verb (`kündigte an, dass Deutschland …`)."""
    text = without_insertions(event.text, event, lexicon)
    for pattern in drop_patterns():
        text = pattern.sub(lambda m, whole=text: keep_opening(m, whole), text)
    if len(text.split()) > MAX_WORDS:
        text = trigger_clauses(text, event, lexicon)
    words = text.lstrip("#*>_ ").split()
    while words and words[0].lower() in {"und", "oder", "aber", "doch", "denn", "sondern"}:
        words.pop(0)
    words = subject_first(words, lexicon)
    text = " ".join(words).rstrip(" .;:,")
    if len(words) > MAX_WORDS:
        text = " ".join(words[:MAX_WORDS]).rstrip(" .;:,") + " …"
    return text[:1].upper() + text[1:]


@lru_cache(maxsize=None)
def saying_verbs(lang: str = "de") -> frozenset[str]:
    """Verbs of saying (`sagte`, `erklärte`) and the perfect auxiliaries (`hat`, `ist`)."""
    auxiliaries = {row["word"] for row in load_table("temporal_perfect_aux.tsv", lang)}
    return frozenset(load_list("persons_speech_verbs.txt", lang)) | auxiliaries


def is_finite_verb(word: str, lexicon: Lexicon) -> bool:
    low = word.lower()
    return word[:1].islower() and (low in saying_verbs() or bool(lexicon.verb_forms.get(low)))


def subject_first(words: list[str], lexicon: Lexicon) -> list[str]:
    """A clause cut out behind its fronted part starts with the verb (`sagte Rutte am Rande des
    Gipfels`, `kündigte Biden an …`): the named subject right after it moves in front
    (`Rutte sagte am Rande des Gipfels`), so the line reads as a sentence."""
    if len(words) < 3 or not is_finite_verb(words[0], lexicon):
        return words
    end = 1
    while end < min(len(words), 5) and words[end][:1].isupper() and words[end].lower() not in ARTICLES:
        end += 1
    if end == 1:
        return words
    return [*words[1:end], words[0], *words[end:]]


def pieces(text: str) -> list[tuple[str, str]]:
    """The sentence split at clause punctuation as (clause, separator before it); a list of names
    (`Deutschland, Dänemark und die Niederlande`) is kept together."""
    parts = CLAUSE_SEPARATOR.split(text)
    joined: list[tuple[str, str]] = []
    separator = ""
    for i, part in enumerate(parts):
        if i % 2:
            separator = part
            continue
        if not part.strip():
            continue
        if joined and separator.strip() == "," and enumerated(joined[-1][0], part, text):
            joined[-1] = (f"{joined[-1][0]}, {part}", joined[-1][1])
        else:
            joined.append((part, separator))
    return joined or [(text, "")]


def enumerated(before: str, after: str, text: str) -> bool:
    """Whether a comma between `before` and `after` separates the names of a list: a name before
    it, a name (or article and name) after it, and `und`/`sowie`/`oder` before the next comma."""
    last, first = before.split()[-1], after.split()[0]
    if not last[:1].isupper() or not (first[:1].isupper() or first.lower() in ARTICLES):
        return False
    if first.lower() in ARTICLES:  # `die Niederlande`, `die schwedische Regierungschefin`, not `der das Bündnis führt`
        second = after.split()[1] if len(after.split()) > 1 else ""
        if second.lower() in INSERTION_OPENERS or not (second[:1].isupper() or second.endswith(("e", "en", "er", "es"))):
            return False
    rest = text[text.find(after):]
    return bool(LIST_WORDS.search(rest.split(",")[0])) or (len(after.split()) <= 2 and "," in rest)


def without_insertions(text: str, event: Event, lexicon: Lexicon) -> str:
    """The sentence without comma-enclosed relative clauses and appositions after a noun that do not
    hold the trigger (`Billström, der in Brüssel als Gast dabei war, …`)."""
    parts = re.split(r"(,\s+)", text)
    kept: list[str] = []
    i = 0
    while i < len(parts):
        part = parts[i]
        enclosed = 0 < i < len(parts) - 1 and i % 2 == 0 and parts[i + 1].startswith(",")
        words = part.split()
        after_noun = enclosed and parts[i - 2].split()[-1][:1].isupper()
        if after_noun and words and words[0].lower() in INSERTION_OPENERS and not states_trigger(part, event, lexicon) \
                and not LIST_WORDS.search(part) and not INNER_PUNCTUATION.search(part):
            kept.pop()  # the comma before it
            i += 2  # and the one after it
            kept.append(" ")
            continue
        kept.append(part)
        i += 1
    return re.sub(r"\s+", " ", "".join(kept)).strip()


def trigger_clauses(text: str, event: Event, lexicon: Lexicon) -> str:
    """The trigger's clause with the clause it depends on and the object clause it introduces."""
    clauses = pieces(text)
    index = next((i for i, (c, _) in enumerate(clauses) if states_trigger(c, event, lexicon)),
                 max(range(len(clauses)), key=lambda i: len(clauses[i][0])))
    first = index
    opener = clauses[index][0].split()[0]
    if index and is_trigger_form(opener, event, lexicon):
        first = 0  # `Am Dienstagabend, noch vor dem Auftakt, unterzeichneten …`, `…, teilte X mit`
    elif index and (opener.lower() in CONJUNCTIONS | RELATIVE_PRONOUNS or ZU_CLAUSE.search(clauses[index][0])):
        first = index - 1  # `…, wonach …`, `hofft, … aufgenommen zu werden`
    last = index
    if index + 1 < len(clauses):
        following, separator = clauses[index + 1]
        if separator.strip() == ":" or (ends_with_trigger(clauses[index][0], event, lexicon) and (
                following.split()[0].lower() in CONJUNCTIONS or ZU_CLAUSE.search(following))):
            last = index + 1  # `kündigte an, dass …`, `verkündeten eine Entscheidung: Ab 2026 …`
    return "".join((sep if i > first else "") + clause for i, (clause, sep) in enumerate(clauses) if first <= i <= last)


def through_trigger(event: Event, lexicon: Lexicon) -> str:
    """The evidence sentence up to the end of the trigger's clause."""
    text, end = event.text, 0
    for clause, separator in pieces(event.text):
        end = text.find(clause, end) + len(clause)
        if states_trigger(clause, event, lexicon):
            return text[:end]
    return text


def is_trigger_form(word: str, event: Event, lexicon: Lexicon) -> bool:
    return word[:1].islower() and any(t.lemma == event.trigger for t, _ in lexicon.verb_forms.get(word.lower(), ()))


def ends_with_trigger(clause: str, event: Event, lexicon: Lexicon) -> bool:
    """A clause that ends with its trigger, as a verb, its particle or a noun (`kündigte in Ramstein
    an`, `hatte … entschieden`, `stellte den Antrag`): what was announced or decided follows it."""
    words = WORD.findall(clause)
    if not words:
        return False
    last = words[-1]
    if last == event.trigger or is_trigger_form(last, event, lexicon):
        return True
    particles = {t.particle for t, _ in lexicon.verb_forms.get(event.trigger.lower(), ()) if t.lemma == event.trigger}
    return last in particles - {""}


def summarize(evidence: Event, persons: tuple[str, ...], organizations: tuple[str, ...], lexicon: Lexicon) -> str:
    """`Who: what` from the evidence sentence. Who is named in front only when the clause names
    none of the evidence's persons and organisations (`US-Präsident Joe Biden kündigte an …` needs
    no `Rota:` from a stray name elsewhere in the sentence), and only persons named up to the
    trigger's clause (not `…, darunter Schützenpanzer vom Typ Stryker`); a clause opening with a
    pronoun (`Sein Nachfolger …`) is preceded by the entry's first person it does not name."""
    what = headline_clause(evidence, lexicon)

    def names(actor: str) -> bool:
        return actor.split()[-1].lower() in what.lower()

    if lexicon.anaphora.search(what):
        named = [p for p in persons[:1] if not names(p)]
    else:
        head = through_trigger(evidence, lexicon).lower()
        actors = [p for p in evidence.persons if p.split()[-1].lower() in head][:2] or list(evidence.organizations[:2])
        named = [] if any(names(a) for a in (*evidence.persons, *evidence.organizations)) else actors
    return f"{', '.join(named)}: {what}" if named else what
