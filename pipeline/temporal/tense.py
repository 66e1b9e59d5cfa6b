"""Tense of the clause around an expression, from word lists and lemmas (no parser needed)."""
from __future__ import annotations

import re

from spacy.tokens import Doc

from .lexicon import Lexicon

CLAUSE_BREAKS = {",", ";", ":", "–", "—", "(", ")", '"', "„", "“", "”", "«", "»", "?", "!"}
PARTICIPLE = re.compile(r"^(?:ge\w{2,}(?:t|en)|\w{3,}iert)$")
INFINITIVE = re.compile(r"^(?:[a-zäöüß]{2,}(?:en|ern|eln)|sein|tun)$")
INFINITIVE_TAGS = {"VVINF", "VAINF", "VMINF", "VVIZU"}
PERFECT_INFINITIVES = {"haben", "sein"}


def modal_tense(after, before) -> str:
    """Tense of a clause with a modal verb: 'future' with an infinitive at the clause end ("im November
    könnte die Debatte von vorn beginnen"; verb-final: "…, dass die Debatte im November beginnen könnte"),
    'past' with a perfect infinitive ("dürfte … gestiegen sein"), '' without an infinitive. `after` and
    `before` are the clause's tokens after and before the modal. Uses tags when the model sets them, else the
    form of the last word."""
    words = [t for t in after if t.is_alpha] or [t for t in before if t.is_alpha]
    if not words:
        return ""
    tagged = any(t.tag_ for t in words)
    last = words[-1]
    infinitive = (last.tag_ in INFINITIVE_TAGS) if tagged else bool(INFINITIVE.match(last.text))
    if not infinitive:
        return ""
    if last.lower_ in PERFECT_INFINITIVES and len(words) > 1 and PARTICIPLE.match(words[-2].lower_):
        return "past"
    return "future"


def token_tense(token, lex: Lexicon, has_aux: bool) -> str:
    low = token.lower_
    marked = lex.tense.get(low)
    if marked:
        return marked
    if has_aux and PARTICIPLE.match(low) and token.text.islower():
        return "past"
    lemma = token.lemma_
    if (token.text.islower() and low.endswith(("te", "ten")) and lemma and lemma != token.text
            and lemma.endswith("en") and not lemma.endswith(("ten", "ter")) and len(low) > 4):
        return "past"
    return ""


def clause_tense(doc: Doc, start_token: int, end_token: int, lex: Lexicon) -> str:
    """'past', 'future' or '' (no marker: present or unknown) for the clause around tokens [start, end)."""
    sent = doc[start_token].sent
    left = start_token
    while left > sent.start and doc[left - 1].text not in CLAUSE_BREAKS:
        left -= 1
    right = end_token
    while right < sent.end and doc[right].text not in CLAUSE_BREAKS:
        right += 1
    for lo, hi in ((left, right),):  # the clause only: a frame such as "sagte er" says nothing about it
        tokens = doc[lo:hi]
        has_aux = any(t.lower_ in lex.perfect_aux for t in tokens)
        best, best_distance = "", 10**6
        for token in tokens:
            if start_token <= token.i < end_token:
                continue
            tense = token_tense(token, lex, has_aux)
            if tense in ("modal", "modal_present"):
                reading = modal_tense(doc[token.i + 1:hi], doc[lo:token.i])
                tense = "past" if reading == "past" else "future" if tense == "modal" else ""
            if tense:
                distance = min(abs(token.i - start_token), abs(token.i - end_token))
                if distance < best_distance:
                    best, best_distance = tense, distance
        if best:
            return best
    return ""
