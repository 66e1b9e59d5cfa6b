"""Find money amounts in German text and normalise them: `parse_money(text) -> list[MoneyMatch]`.

Stages (each a small function, all patterns from `lexicon.py`):
1. full amounts: number [scale] currency ("1,5 Mrd. €", "zwei Milliarden US-Dollar", "50-Milliarden-Euro-Paket")
   and currency number [scale] ("€ 500.000", "CHF 1,5 Mio."); an adjective may stand before the scale word,
   and then an article may count one ("eine weitere Milliarde Pfund", "die erste Milliarde Euro");
2. the hedge or bound right before each ("knapp", "mehr als", "bis zu"; "über" only where it means more than);
3. a bare number sharing the currency (and scale) of the next amount: ranges ("zwischen fünf und sechs
   Milliarden Euro", "5 bis 6 Mrd. €") give one match per bound; changes ("von 50 auf 52 Milliarden Euro");
4. an elliptic amount after one ("12 Millionen Euro – 3 Millionen mehr"), and amounts without a currency
   word tied to a noun naming money (currency from money_implicit.tsv): compounds ("das 100-Milliarden-
   Sondervermögen", "das 50-Milliarden-Ukraine-Hilfspaket") and links (money_implicit_links.tsv: "ein Paket
   über 2,5 Milliarden", "das 100 Milliarden schwere Sondervermögen");
5. restatements in another currency ("800 Millionen Dollar (730 Millionen Euro)") linked by `equivalent_of`.

The parser never raises: any unexpected input yields an empty or partial list.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from .lexicon import Lexicon, ScaleAdjective, _key, load_lexicon

log = logging.getLogger(__name__)

MAX_DIGITS = 20  # longer digit strings are not amounts (and would overflow Decimal quantize)
MAX_AMOUNT = Decimal("1e21")  # above any amount in the news; guards against absurd products
SENTENCE_END = re.compile(r"[.!?](?:\s|$)|\n\s*\n")
ZERO_CENTS = re.compile(r",(?:-{1,2}|[–—])\Z")


@dataclass(frozen=True)
class MoneyMatch:
    """One money amount: character offsets into the parsed text and the normalised value."""

    start: int
    end: int
    text: str
    amount: Decimal
    currency: str  # ISO 4217
    approx: bool = False
    qualifier: str = ""
    equivalent_of: int | None = None  # start offset of the amount this one restates
    number_start: int = -1  # where the number (or a currency before it) begins, after any hedge

    @property
    def value(self) -> int | float:
        """The amount as an int when whole, else a float (for CSV and spreadsheets)."""
        return as_number(self.amount)


def as_number(amount: Decimal) -> int | float:
    if amount == amount.to_integral_value():
        return int(amount)
    return float(amount)


# --- numbers ---------------------------------------------------------------------------------------

def parse_number(surface: str, lex: Lexicon) -> Decimal | None:
    """Value of a digit string with German separators or of a German number word; None if invalid."""
    s = surface.strip()
    if not s:
        return None
    if s[0].isdigit():
        return _parse_digits(s)
    return _parse_words(s, lex)


def _parse_digits(s: str) -> Decimal | None:
    s = re.sub(r"[\u00a0\u2009\u202f '’]", "", s)
    s = ZERO_CENTS.sub("", s)  # "5.000,-" is 5.000 (a dash for zero cents)
    if re.match(r"0[0-9]", s):
        return None  # "000", "0800": a fragment or a phone number, not an amount
    if len(s) > MAX_DIGITS:
        return None  # a run of digit groups, not a number anyone writes for money
    if re.fullmatch(r"[0-9]{1,3}(?:\.[0-9]{3})+(?:,[0-9]+)?", s):
        s = s.replace(".", "").replace(",", ".")
    elif "," in s:
        s = s.replace(".", "").replace(",", ".")
    # else: plain digits or an English decimal point (1.5 Milliarden)
    try:
        return Decimal(s)
    except (InvalidOperation, ValueError):
        return None


def _parse_words(s: str, lex: Lexicon) -> Decimal | None:
    key = _key(s)
    fixed = lex.number_words.get(key)
    if fixed is not None and fixed[1] == "word":
        return fixed[0]
    total, current, pos, seen_value = Decimal(0), Decimal(0), 0, False
    pattern = lex.compound_atom
    while pos < len(key):
        m = pattern.match(key, pos) if pattern else None
        if not m or m.end() == pos:
            return None
        value, kind = lex.number_words.get(m.group(0), (None, ""))
        if value is None:
            return None
        if kind == "atom":
            current += value
            seen_value = True
        elif kind == "hundred":
            current = (current or Decimal(1)) * value
            seen_value = True
        elif kind == "thousand":
            total += (current or Decimal(1)) * value
            current = Decimal(0)
            seen_value = True
        elif kind == "half":
            current += value
        elif kind != "joiner":
            return None
        pos = m.end()
    if not seen_value or key.endswith("und"):
        return None
    return total + current


def _is_word_one(surface: str, value: Decimal) -> bool:
    return value == 1 and not surface.strip()[:1].isdigit()


# --- stage 1: full amounts ---------------------------------------------------------------------------

@dataclass
class _Raw:
    start: int  # mention start (hedge or opener included later)
    end: int
    num_start: int
    num_end: int
    amount: Decimal
    currency: str
    factor: Decimal  # currency factor (0.01 for Cent)
    scale: Decimal | None
    raw_number: Decimal
    approx: bool = False
    qualifier: str = ""
    equivalent_of: int | None = None
    in_range: bool = False  # one bound of a range/change found by sharing a currency
    borrowed: bool = False  # elliptic amount that borrowed its currency
    hedged: bool = False


def _scale_ok(number_surface: str, value: Decimal, scale_surface: str | None, lex: Lexicon) -> Decimal | None:
    """Scale factor (1 without a scale word); None when the combination is ungrammatical (ein Milliarden)."""
    if not scale_surface:
        return Decimal(1)
    found = lex.scale(scale_surface)
    if found is None:
        return None
    factor, number = found
    if number == "pl" and _is_word_one(number_surface, value):
        return None
    return factor


@dataclass(frozen=True)
class _Scaled:
    """The value of "number [adjectives] [scale]" before any currency factor."""

    value: Decimal  # the number times the adjectives' factors (eine gute halbe = 0.5)
    scale: Decimal  # 1 without a scale word
    hedge: ScaleAdjective | None  # the first approximating adjective (eine knappe Milliarde), if any


def _scaled_value(number: str, adjectives: str | None, scale_surface: str | None, lex: Lexicon) -> _Scaled | None:
    """Read a number with the adjectives and scale word after it; None when they do not make an amount.

    An article (money_numbers.tsv kind=determiner) counts one only with an adjective and a singular scale
    word ("die erste Milliarde"); a year before an adjective is no number of the amount ("2024 weitere
    Milliarden Euro").
    """
    determiner = _key(number) in lex.determiners
    if determiner and not (adjectives and scale_surface):
        return None
    value = Decimal(1) if determiner else parse_number(number, lex)
    if value is None or (adjectives and _looks_like_year(number)):
        return None
    scale = _scale_ok(number, value, scale_surface, lex)
    if scale is None:
        return None
    hedge = None
    for adjective in lex.adjectives(adjectives):
        value *= adjective.factor
        if hedge is None and adjective.qualifier:
            hedge = adjective
    return _Scaled(value, scale, hedge)


def _apply_adjective(raw: _Raw, hedge: ScaleAdjective | None) -> _Raw:
    """Give `raw` the hedge of an approximating adjective ("eine knappe Milliarde": q=knapp, approx)."""
    if hedge is not None:
        raw.qualifier, raw.approx, raw.hedged = hedge.qualifier, hedge.approx, True
    return raw


def _full_amounts(text: str, lex: Lexicon) -> list[_Raw]:
    found: list[_Raw] = []
    for pattern, build in ((lex.post_amount, _from_post), (lex.pre_amount, _from_pre)):
        pos = 0
        while pos <= len(text):
            m = pattern.search(text, pos)
            if not m:
                break
            raw = build(m, text, lex)
            if raw:
                found.append(raw)
            # after a rejected short match look again inside it (long ones are digit runs, skip them whole)
            pos = m.end() if raw or m.end() - m.start() > 60 else m.start() + 1
    found.sort(key=lambda r: (r.start, -(r.end - r.start)))
    kept: list[_Raw] = []
    for raw in found:
        if kept and raw.start < kept[-1].end:
            if raw.end - raw.start > kept[-1].end - kept[-1].start and raw.start == kept[-1].start:
                kept[-1] = raw
            continue
        kept.append(raw)
    return kept


def _from_post(m: re.Match, text: str, lex: Lexicon) -> _Raw | None:
    currency = lex.currency(m.group("cur"))
    if currency is None:
        return None
    sep1, sep2 = m.group("sep1") or "", m.group("sep2") or ""
    after = text[m.end():m.end() + 2]
    compound = sep2 == "-" or (sep1 == "-")
    if compound and not (sep2 == "-" and (not m.group("scale") or sep1 == "-")):
        return None  # "Ein Milliarden-Euro-Paket", "5-Milliarden Euro"
    if after[:1] == "-" and after[1:2].isalpha() and not compound and not m.group("scale"):
        return None  # "20 Euro-Länder" counts countries; "100 Milliarden Euro-Paket" is money
    if currency.kind != "symbol" and after[:1].isalnum():
        return None
    if compound and not m.group("scale") and not m.group("num")[:1].isdigit():
        return None  # "Ein-Euro-Jobs", "Zehn-Euro-Schein": names of things, not amounts
    scaled = _scaled_value(m.group("num"), m.group("adj"), m.group("scale"), lex)
    if scaled is None or lex.vague_before.search(text, max(0, m.start() - 30), m.start()):
        return None  # "mehrere tausend Euro"
    amount = scaled.value * scaled.scale * currency.factor
    iso = _resolve_iso(currency.iso, text, m.start(), lex)
    if iso is None:
        return None
    raw = _Raw(m.start(), m.end(), m.start("num"), m.end("num"), amount, iso, currency.factor,
               scaled.scale if m.group("scale") else None, scaled.value)
    return _apply_adjective(raw, scaled.hedge)


def _from_pre(m: re.Match, text: str, lex: Lexicon) -> _Raw | None:
    currency = lex.currency(m.group("cur"))
    if currency is None or currency.position not in ("both", "before"):
        return None
    value = parse_number(m.group("num"), lex)
    if value is None or not m.group("num")[:1].isdigit():
        return None  # "€ zwei" is not how amounts are written
    scale = _scale_ok(m.group("num"), value, m.group("scale"), lex)
    if scale is None:
        return None
    end = m.end()
    amount = value * scale * currency.factor
    iso = _resolve_iso(currency.iso, text, m.start(), lex)
    if iso is None:
        return None
    return _Raw(m.start(), end, m.start("cur"), m.end("num"), amount, iso, currency.factor,
                scale if m.group("scale") else None, value)


def _resolve_iso(iso: str, text: str, pos: int, lex: Lexicon) -> str | None:
    """The ISO code; for a name shared by several currencies, the one whose country the sentence names."""
    if "|" not in iso:
        return iso
    candidates = set(iso.split("|"))
    start = max((m.end() for m in SENTENCE_END.finditer(text, max(0, pos - 400), pos)), default=max(0, pos - 400))
    end_match = SENTENCE_END.search(text, pos, pos + 400)
    sentence = text[start:end_match.start() if end_match else min(len(text), pos + 400)].casefold()
    best, best_distance = None, None
    for cue, code in lex.currency_cues:
        if code not in candidates:
            continue
        for found in re.finditer(r"(?<!\w)" + re.escape(cue), sentence):
            distance = abs(start + found.start() - pos)
            if best_distance is None or distance < best_distance:
                best, best_distance = code, distance
    return best


# --- stage 2: hedges -------------------------------------------------------------------------------------

WORD_OR_MARK = re.compile(r"[^\W\d_][\w.-]*|[0-9][\w.,]*|[^\w\s]")
QUOTES = set("\"'„“”«»‚‘’")


def _follows_noun(text: str, pos: int, lex: Lexicon) -> bool:
    """True if "über" at `pos` follows a noun of payment ("Hilfen für Kiew über", "Kredit über")."""
    return _noun_before(text, pos, lex, lex.amount_nouns) is not None


def _noun_before(text: str, pos: int, lex: Lexicon, stems: tuple[str, ...]) -> str | None:
    """The noun ending with one of `stems` that the word at `pos` follows, possibly behind prepositional
    phrases ("Hilfen für Kiew über", "ein Paket über"); None after a verb, a number or punctuation."""
    words = [w for w in WORD_OR_MARK.findall(text[max(0, pos - 120):pos]) if w not in QUOTES]
    if not stems or not words or not words[-1][0].isalpha() or not words[-1][0].isupper():
        return None  # "von über", "auf über", "hat über", sentence start or a number before it
    for word in reversed(words[-8:]):
        key = _key(word)
        if not word[0].isalpha():
            return None  # punctuation or a number: the clause ends here
        if word[0].isupper():
            if key.endswith(stems):
                return word
            continue
        if key in lex.prepositions or key in lex.articles:
            continue  # inside a prepositional phrase: "für Kiew", "von der EU"
        return None  # a verb, adverb or adjective: "erhält von der EU über"
    return None


def _attach_hedge(raw: _Raw, text: str, lex: Lexicon, floor: int = 0) -> None:
    """Include the hedge right before `raw` (not before `floor`) and take its qualifier and approx flag."""
    m = lex.hedge_before.search(text, max(floor, raw.start - 40), raw.start)
    if not m:
        return
    hedge = lex.hedge(m.group("hedge"))
    if hedge is None:
        return
    if hedge.context == "not_after_noun" and _follows_noun(text, m.start("hedge"), lex):
        return  # "Hilfen für Kiew über 800 Millionen Dollar": über = in the amount of
    raw.start = m.start("hedge")
    raw.approx = hedge.approx
    raw.qualifier = hedge.qualifier
    raw.hedged = True


# --- stage 3: ranges and changes ----------------------------------------------------------------------

def _shared_before(raw: _Raw, text: str, lex: Lexicon) -> _Raw | None:
    """A bare number right before `raw` joined by bis/und/auf/–, sharing its currency (and scale)."""
    if raw.hedged:
        return None
    m = lex.range_before.search(text, max(0, raw.start - 80), raw.start)
    if not m:
        return None
    joiners = lex.joiners.get(_key(m.group("join")), [])
    opener = _key(m.group("opener") or "")
    chosen = next((j for j in joiners if j.opener and j.opener == opener), None)
    if chosen is None:
        chosen = next((j for j in joiners if not j.opener), None)
    if chosen is None:
        return None
    value = parse_number(m.group("num"), lex)
    if value is None:
        return None
    if m.group("scale"):
        scale = _scale_ok(m.group("num"), value, m.group("scale"), lex)
        if scale is None:
            return None
    else:
        scale = Decimal(1)
        ratio = value / raw.raw_number if raw.raw_number else Decimal(0)
        if _looks_like_year(m.group("num")) and not (raw.scale is None and Decimal("0.5") <= ratio <= 2):
            return None  # a year before the amount: "Mitte 2022 – 5 Mrd. Euro"; "1900 bis 2100 Euro" stays
        if raw.scale is not None and Decimal("0.01") <= ratio <= Decimal(100):
            scale = raw.scale  # "5 bis 6 Mrd. €", "von 50 auf 52 Milliarden Euro"
    lower = _Raw(m.start("num"), m.end("scale") if m.group("scale") else m.end("num"), m.start("num"),
                 m.end("num"), value * scale * raw.factor, raw.currency, raw.factor, scale, value)
    _attach_hedge(lower, text, lex)  # "rund 3 bis 4 Mrd.", "zwischen etwa 2 und 3", "von rund 50 auf 52"
    if chosen.kind == "range":
        if m.group("opener"):
            lower.start = min(lower.start, m.start("opener"))
        _hedge_range(lower, raw, text, lex)
    return lower


def _hedge_range(lower: _Raw, upper: _Raw, text: str, lex: Lexicon) -> None:
    """Give both bounds of a range its range qualifiers and the approximation of a hedge before it.

    A hedge right before the lower number ("rund 3 bis 4 Milliarden Euro", "zwischen etwa 2 und 3 Mrd.")
    or before the whole range ("etwa zwischen 2 und 3 Mrd.") is included in the lower bound's mention;
    an approximating hedge (approx=1 in money_qualifiers.tsv) makes both bounds approximate. The bounds
    keep the range_lower / range_upper qualifiers, which say more than the hedge word.
    """
    if not lower.hedged:
        _attach_hedge(lower, text, lex)
    approx = lower.approx or upper.approx
    lower.qualifier = lex.range_qualifiers.get("range_lower", "")
    upper.qualifier = lex.range_qualifiers.get("range_upper", "")
    lower.approx = upper.approx = approx


def _looks_like_year(surface: str) -> bool:
    return bool(re.fullmatch(r"(19|20)[0-9]{2}", surface.strip()))


# --- stage 4: elliptic amounts ------------------------------------------------------------------------

LINK_WINDOW = 80  # characters searched around a link word such as "schwere" for the amount and noun beside it
CONNECTOR_GAP = 12  # "12 Millionen Euro – 3 Millionen mehr": only a dash, comma or "und" between


def _ellipsis_after(raw: _Raw, text: str, lex: Lexicon, taken: list[tuple[int, int]]) -> _Raw | None:
    """A scaled number without currency after `raw` that borrows its currency (see money_ellipsis.tsv)."""
    limit = max([CONNECTOR_GAP, *lex.ellipsis_before.values()])
    m = lex.bare_scaled.search(text, raw.end, min(len(text), raw.end + limit + 40))
    if not m or any(s < m.end() and m.start() < e for s, e in taken):
        return None
    scaled = _scaled_value(m.group("num"), m.group("adj"), m.group("scale"), lex)
    if scaled is None:
        return None
    ell = _Raw(m.start("num"), m.end("scale"), m.start("num"), m.end("num"),
               scaled.value * scaled.scale * raw.factor, raw.currency, raw.factor, scaled.scale, scaled.value,
               borrowed=True)
    _attach_hedge(_apply_adjective(ell, scaled.hedge), text, lex)
    gap = text[raw.end:ell.start]
    if SENTENCE_END.search(gap) or re.search(r"[0-9()\[\]]", gap) or len(gap) > limit:
        return None
    if not _amount_ends(text, m.end(), lex):
        return None
    if lex.connector_only.match(gap) and len(gap) <= CONNECTOR_GAP:
        return ell
    before = re.search(r"(\w+)\W*\Z", gap)
    max_gap = lex.ellipsis_before.get(_key(before.group(1))) if before else None
    if max_gap is None or len(gap) > max_gap:
        return None
    return ell


def _amount_ends(text: str, pos: int, lex: Lexicon, then: str = "") -> bool:
    """True if a scaled number without currency ends at `pos`: the next word is `then` when given, else
    punctuation or a word of role `after` in money_ellipsis.tsv, never a noun ("2 Millionen Menschen")."""
    follow = re.match(r"[ \t\u00a0]*(\w+|[^\w\s]|\Z)", text[pos:pos + 40])
    after = follow.group(1) if follow else ""
    if then:
        return _key(after) == then
    if after[:1].isalnum():
        return _key(after) in lex.ellipsis_after
    return after not in ("-", "(", "/")


def _bounded_pairs(items: list[_Raw], text: str, lex: Lexicon) -> None:
    """Two full amounts of one currency forming a range: "zwischen 15.000 € und 20.000 €"."""
    for a, b in zip(items, items[1:]):
        if a.currency != b.currency or (a.hedged and not a.approx) or b.hedged or a.in_range or b.in_range \
                or b.borrowed or a.amount >= b.amount:
            continue  # "12 Mio. Euro – 3 Mio. Euro mehr" is no range: a range rises
        rows = lex.joiners.get(_key(text[a.end:b.start]), [])
        m = re.search(r"(?<!\w)(\w+)[ \t\u00a0]+\Z", text[max(0, a.start - 30):a.start])
        opener = _key(m.group(1)) if m else ""
        chosen = next((j for j in rows if j.opener and j.opener == opener), None)
        if chosen is None:
            chosen = next((j for j in rows if not j.opener), None)
            opener = "" if chosen is None or opener not in lex.openers_keys else opener
        if chosen is None or chosen.kind != "range":
            continue
        if opener and m:
            a.start = max(0, a.start - 30) + m.start(1)
        _hedge_range(a, b, text, lex)
        a.in_range = b.in_range = True


def _implicit_amounts(text: str, lex: Lexicon, taken: list[tuple[int, int]]) -> list[_Raw]:
    """Number-scale-noun compounds without a currency word: "das 100-Milliarden-Sondervermögen".

    The noun must name money (money_implicit.tsv); the currency is the default of that row unless the
    sentence names the country of another candidate ("Der US-Kongress billigte das 61-Milliarden-Paket").
    """
    found: list[_Raw] = []
    if lex.implicit_compound is None or lex.number_before is None or not lex.implicit_heads:
        return found
    for m in lex.implicit_compound.finditer(text):
        parts = m.group("head").split("-")
        candidates = None if any(lex.counted(p) for p in parts[:-1]) else lex.implicit_iso(parts[-1])
        number = lex.number_before.search(text, max(0, m.start() - 40), m.start()) if candidates else None
        if candidates is None or number is None or any(s < m.end() and number.start() < e for s, e in taken):
            continue
        value = parse_number(number.group("num"), lex)
        scale = _scale_ok(number.group("num"), value, m.group("scale"), lex) if value is not None else None
        if value is None or scale is None:
            continue  # "Ein-Milliarden-Paket": no number of its own
        iso = _resolve_iso(candidates, text, number.start(), lex) or candidates.split("|")[0]
        found.append(_Raw(number.start(), m.end("scale"), number.start(), number.end(), value * scale, iso,
                          Decimal(1), scale, value))
    return found


def _linked_amounts(text: str, lex: Lexicon, taken: list[tuple[int, int]]) -> list[_Raw]:
    """Scaled amounts without a currency word tied to a noun naming money by a link of money_implicit_links.tsv:
    "ein Paket über 2,5 Milliarden", "Das Sondervermögen ist 100 Milliarden schwer" (noun before the link),
    "das 100 Milliarden schwere Sondervermögen" (noun after it). The currency is chosen as for compounds.
    """
    found: list[_Raw] = []
    stems = tuple(stem for stem, _ in lex.implicit_heads)
    if lex.linked_before is None or lex.linked_after is None or lex.after_link is None:
        return found
    matches = list(lex.linked_before.finditer(text))
    for cue in lex.after_link.finditer(text):  # the amount ends right before the link: search just there
        window = lex.linked_after.finditer(text, max(0, cue.start() - LINK_WINDOW), cue.end() + LINK_WINDOW)
        matches.extend(m for m in window if m.start("link") == cue.start())
    for m in matches:
        link = lex.implicit_links.get(_key(m.group("link")))
        if link is None or any(s < m.end("scale") and m.start("num") < e for s, e in taken):
            continue
        if link.position == "before":
            noun = _noun_before(text, m.start("link"), lex, stems)
            if noun is None or not _amount_ends(text, m.end("scale"), lex, link.then):
                continue
        else:
            noun = m.group("head")
            if not noun[0].isupper() or any(lex.counted(p) for p in noun.split("-")[:-1]):
                continue
        candidates = lex.implicit_iso(noun)
        scaled = _scaled_value(m.group("num"), m.group("adj"), m.group("scale"), lex)
        if candidates is None or scaled is None:
            continue
        iso = _resolve_iso(candidates, text, m.start("num"), lex) or candidates.split("|")[0]
        raw = _Raw(m.start("num"), m.end("scale"), m.start("num"), m.end("num"), scaled.value * scaled.scale,
                   iso, Decimal(1), scaled.scale, scaled.value)
        _attach_hedge(_apply_adjective(raw, scaled.hedge), text, lex,
                      floor=m.end("link") if link.position == "before" else 0)
        found.append(raw)
        taken.append((raw.start, raw.end))
    return found


# --- stage 5: restatements ------------------------------------------------------------------------------

def _link_restatements(items: list[_Raw], text: str, lex: Lexicon) -> None:
    for i in range(1, len(items)):
        a, b = items[i - 1], items[i]
        if a.currency == b.currency:
            continue
        gap = text[a.end:b.start]
        norm = _key(gap)
        for cue, max_gap in lex.restatement_cues.items():
            if norm.endswith(cue) and len(gap) <= max_gap + len(cue) and _cue_boundary(norm, cue) \
                    and not SENTENCE_END.search(norm[:len(norm) - len(cue)] + " "):
                b.equivalent_of = a.start
                break


def _cue_boundary(norm: str, cue: str) -> bool:
    before = norm[:len(norm) - len(cue)]
    return not cue[:1].isalnum() or not before[-1:].isalnum()


# --- entry point ---------------------------------------------------------------------------------------

def parse_money(text: str, lang: str = "de") -> list[MoneyMatch]:
    """All money amounts in `text`, in order, with character offsets into `text`. Never raises."""
    if not isinstance(text, str) or not text:
        return []
    try:
        return _parse(text, load_lexicon(lang))
    except Exception:  # noqa: BLE001 - the contract is "never raises"; log and give up on this text
        log.exception("money parser failed on a text of %d characters", len(text))
        return []


def _parse(text: str, lex: Lexicon) -> list[MoneyMatch]:
    full = _full_amounts(text, lex)
    for raw in full:
        _attach_hedge(raw, text, lex)
    items: list[_Raw] = []
    taken = [(r.start, r.end) for r in full]
    for raw in full:
        lower = _shared_before(raw, text, lex)
        if lower and not any(s < lower.end and lower.start < e for s, e in taken):
            items.append(lower)
            taken.append((lower.start, lower.end))
            lower.in_range = raw.in_range = True
        items.append(raw)
    extra = []
    for raw in full:
        ell = _ellipsis_after(raw, text, lex, taken)
        if ell:
            extra.append(ell)
            taken.append((ell.start, ell.end))
    items.extend(extra)
    implicit = _implicit_amounts(text, lex, taken)
    taken.extend((r.start, r.end) for r in implicit)
    items.extend(implicit)
    items.extend(_linked_amounts(text, lex, taken))
    items = sorted((r for r in items if r.amount < MAX_AMOUNT), key=lambda r: (r.start, r.end))
    _bounded_pairs(items, text, lex)
    _link_restatements(items, text, lex)
    return [
        MoneyMatch(r.start, r.end, text[r.start:r.end], _normalise(r.amount), r.currency, r.approx,
                   r.qualifier, r.equivalent_of, r.num_start)
        for r in items
    ]


def _normalise(amount: Decimal) -> Decimal:
    if amount == amount.to_integral_value():
        return amount.quantize(Decimal(1))
    return amount.normalize()


__all__ = ["MoneyMatch", "as_number", "parse_money", "parse_number"]
