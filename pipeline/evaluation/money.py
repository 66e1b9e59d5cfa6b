"""`pipeline evaluate money`: the money component against the seed gold and the project's phrase suite.

Seeds (`shared/gold/seeds/money.csv`): every required gold amount must be found with the same amount,
currency and approx flag (mention compared too); any other predicted amount is a false positive.
Restatement links are listed (and checked when the gold has an `equivalent_of` column).

Phrase suite (`tests/data/money_phrases.tsv`, format described in its header): precision, recall and F1
on (amount, currency) per sentence, plus agreement of approx, qualifier and restatement links on the
matched amounts.
"""
from __future__ import annotations

import csv
import time
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

import spacy
from spacy.language import Language

from .. import extensions  # noqa: F401
from ..extractors import money as _money_component  # noqa: F401  (registers the factory)
from .scoring import Counts

REPO_ROOT = Path(__file__).resolve().parents[2]
PHRASE_SUITE = REPO_ROOT / "tests" / "data" / "money_phrases.tsv"


# --- the phrase suite -----------------------------------------------------------------------------

@dataclass(frozen=True)
class Expected:
    amount: Decimal
    currency: str
    approx: bool = False
    qualifier: str = ""
    eq: int | None = None  # 0-based index of the restated item in the same sentence

    @property
    def key(self) -> tuple[Decimal, str]:
        return (self.amount.normalize(), self.currency)


@dataclass(frozen=True)
class Predicted(Expected):
    """A system amount; `eq` indexes the restated prediction."""

    mention: str = ""


@dataclass(frozen=True)
class Phrase:
    line: int
    sentence: str
    expected: tuple[Expected, ...]


def parse_expected(cell: str) -> tuple[Expected, ...]:
    """`500000000 USD | 460000000 EUR ~ q=rund eq=1` → Expected items; `-` → none."""
    cell = cell.strip()
    if not cell or cell == "-":
        return ()
    items = []
    for part in cell.split("|"):
        fields = part.split()
        amount, currency = Decimal(fields[0]), fields[1]
        approx, eq, qualifier_words, in_q = False, None, [], False
        for f in fields[2:]:
            if f == "~":
                approx, in_q = True, False
            elif f.startswith("q="):
                qualifier_words, in_q = [f[2:]], True
            elif f.startswith("eq="):
                eq, in_q = int(f[3:]) - 1, False
            elif in_q:
                qualifier_words.append(f)
            else:
                raise ValueError(f"cannot read expected item {part!r}")
        items.append(Expected(amount, currency, approx, " ".join(qualifier_words), eq))
    return tuple(items)


def load_phrase_suite(path: Path = PHRASE_SUITE) -> list[Phrase]:
    phrases = []
    with path.open(encoding="utf-8") as handle:
        header_seen = False
        for number, line in enumerate(handle, 1):
            if not line.strip() or line.startswith("#"):
                continue
            if not header_seen:
                header_seen = True
                continue
            sentence, expected = line.rstrip("\n").split("\t")
            phrases.append(Phrase(number, sentence, parse_expected(expected)))
    return phrases


@dataclass
class SuiteScore(Counts):
    matched: int = 0
    approx_ok: int = 0
    qualifier_ok: int = 0
    links_expected: int = 0
    links_ok: int = 0
    links_spurious: int = 0
    seconds: float = 0.0
    sentences: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def ms_per_sentence(self) -> float:
        return 1000 * self.seconds / self.sentences if self.sentences else 0.0


def _pair(expected: tuple[Expected, ...], predicted: list[Predicted]) -> dict[int, int]:
    """Expected index → predicted index, pairing equal (amount, currency) in order of appearance."""
    free: dict[tuple, list[int]] = {}
    for j, p in enumerate(predicted):
        free.setdefault(p.key, []).append(j)
    pairs = {}
    for i, e in enumerate(expected):
        if free.get(e.key):
            pairs[i] = free[e.key].pop(0)
    return pairs


def score_phrase(phrase: Phrase, predicted: list[Predicted], score: SuiteScore, attributes: bool = True) -> None:
    exp = phrase.expected
    counts_e = Counter(e.key for e in exp)
    counts_p = Counter(p.key for p in predicted)
    tp = sum((counts_e & counts_p).values())
    score.tp += tp
    score.fp += sum(counts_p.values()) - tp
    score.fn += sum(counts_e.values()) - tp
    problems = []
    if tp != len(exp) or tp != len(predicted):
        problems.append("amounts")
    if attributes:
        pairs = _pair(exp, predicted)
        for i, j in pairs.items():
            e, p = exp[i], predicted[j]
            score.matched += 1
            score.approx_ok += e.approx == p.approx
            score.qualifier_ok += e.qualifier == p.qualifier
            if e.approx != p.approx or e.qualifier != p.qualifier:
                problems.append("hedge")
            if e.eq is not None:
                score.links_expected += 1
                target = pairs.get(e.eq)
                if target is not None and p.eq == target:
                    score.links_ok += 1
                else:
                    problems.append("link")
            elif p.eq is not None:
                score.links_spurious += 1
                problems.append("link")
    if problems:
        got = " | ".join(_show(p) for p in predicted) or "-"
        want = " | ".join(_show(e) for e in exp) or "-"
        score.errors.append(f"line {phrase.line} [{','.join(sorted(set(problems)))}] {phrase.sentence}\n"
                            f"      expected: {want}\n      got:      {got}")


def _show(item: Expected | Predicted) -> str:
    text = f"{_plain(item.amount)} {item.currency}"
    if item.approx:
        text += " ~"
    if item.qualifier:
        text += f" q={item.qualifier}"
    if item.eq is not None:
        text += f" eq={item.eq + 1}"
    return text


def _plain(amount: Decimal) -> str:
    if amount == amount.to_integral_value():
        return str(amount.quantize(Decimal(1)))
    return format(amount.normalize(), "f")


def money_pipeline(model: str | None = None) -> Language:
    """A German pipeline with the money component: blank German unless a model is named."""
    if model:
        from ..nlp import load_base, resolve_model

        nlp = load_base(resolve_model(model))
    else:
        nlp = spacy.blank("de")
    if "money" not in nlp.pipe_names:
        nlp.add_pipe("money")
    return nlp


def predictions(nlp: Language, text: str) -> list[Predicted]:
    doc = nlp(text)
    spans = list(doc.spans.get("money", []))
    index = {span.start_char: i for i, span in enumerate(spans)}
    out = []
    for span in spans:
        info = span._.money
        try:
            amount = Decimal(str(info.amount))
        except (InvalidOperation, ValueError):
            continue
        eq = index.get(info.equivalent_of) if info.equivalent_of is not None else None
        out.append(Predicted(amount, info.currency, info.approx, info.qualifier, eq, span.text))
    return out


def run_suite(nlp: Language, phrases: list[Phrase]) -> SuiteScore:
    score = SuiteScore()
    for phrase in phrases:
        started = time.perf_counter()
        predicted = predictions(nlp, phrase.sentence)
        score.seconds += time.perf_counter() - started
        score.sentences += 1
        score_phrase(phrase, predicted, score)
    return score


# --- the seed gold -------------------------------------------------------------------------------------

@dataclass
class SeedResult:
    lines: list[str]
    tp: int = 0
    fp: int = 0
    fn: int = 0
    wrong_approx: int = 0
    links: list[str] = field(default_factory=list)
    link_errors: int = 0


def seed_text(path: Path) -> str:
    """The article text as the runner gives it to spaCy (read and cleaned; offsets unchanged)."""
    try:
        from ..cleaning import clean_text
        from ..reading import read_document

        return clean_text(read_document(path))
    except Exception:  # noqa: BLE001 - evaluation falls back to the raw file
        return path.read_text(encoding="utf-8", errors="replace")


def run_seeds(shared: Path, nlp: Language) -> SeedResult:
    gold_path = shared / "gold" / "seeds" / "money.csv"
    with gold_path.open(encoding="utf-8", newline="") as handle:
        gold_rows = list(csv.DictReader(handle))
    doc_ids = sorted({row["doc_id"] for row in gold_rows} | {p.stem for p in (shared / "seeds").glob("*.txt")})
    result = SeedResult(lines=[])
    for doc_id in doc_ids:
        path = shared / "seeds" / f"{doc_id}.txt"
        if not path.exists():
            result.lines.append(f"  {doc_id}: seed text missing")
            result.fn += sum(1 for r in gold_rows if r["doc_id"] == doc_id and r.get("required", "1") != "0")
            continue
        doc = nlp(seed_text(path))
        result.lines.append(f"  {doc_id}")
        spans = list(doc.spans.get("money", []))
        by_start = {span.start_char: span for span in spans}
        used: set[int] = set()
        for row in (r for r in gold_rows if r["doc_id"] == doc_id):
            required = row.get("required", "1") != "0"
            amount, currency = Decimal(row["amount"]), row["currency"]
            mentions = row["mention"].split("|")
            hit = next((i for i, s in enumerate(spans) if i not in used
                        and Decimal(str(s._.money.amount)) == amount and s._.money.currency == currency
                        and s.text in mentions), None)
            if hit is None:
                hit = next((i for i, s in enumerate(spans) if i not in used
                            and Decimal(str(s._.money.amount)) == amount and s._.money.currency == currency),
                           None)
            if hit is None:
                if required:
                    result.fn += 1
                    result.lines.append(f"    MISS  {row['mention']!r} {row['amount']} {currency}")
                continue
            used.add(hit)
            span = spans[hit]
            info = span._.money
            approx_gold = row["approx"].strip().lower() in ("1", "true")
            ok_approx = info.approx == approx_gold
            result.tp += 1
            result.wrong_approx += not ok_approx
            mark = "ok  " if ok_approx and span.text in mentions else "DIFF"
            result.lines.append(
                f"    {mark}  {span.text!r} {_plain(Decimal(str(info.amount)))} {info.currency}"
                + (" ~" if info.approx else "") + (f" q={info.qualifier}" if info.qualifier else "")
                + ("" if ok_approx else f" (gold approx={str(approx_gold).lower()})")
                + ("" if span.text in mentions else f" (gold mention {row['mention']!r})")
            )
            gold_eq = (row.get("equivalent_of") or "").strip()
            target = by_start.get(info.equivalent_of) if info.equivalent_of is not None else None
            if target is not None:
                link = f"{span.text!r} restates {target.text!r}"
                result.links.append(f"{doc_id}: {link} (offset {target.start_char})")
                result.lines.append(f"    link  {link}")
            if gold_eq and (target is None or target.text not in gold_eq.split("|")):
                result.link_errors += 1
                result.lines.append(f"    LINK  {span.text!r} should restate {gold_eq!r}")
        for i, span in enumerate(spans):
            if i not in used:
                result.fp += 1
                info = span._.money
                result.lines.append(f"    EXTRA {span.text!r} {_plain(Decimal(str(info.amount)))} {info.currency}")
    return result


# --- report ----------------------------------------------------------------------------------------------

def run(shared: Path, model: str | None = None) -> str:
    nlp = money_pipeline(model)
    out = [f"Money amounts (pipeline: {'blank de' if not model else model} + money)"]
    gold = shared / "gold" / "seeds" / "money.csv"
    if gold.exists():
        seeds = run_seeds(shared, nlp)
        out.append(f"\nSeeds ({gold.relative_to(shared.parent) if gold.is_relative_to(shared.parent) else gold}):")
        out.extend(seeds.lines)
        out.append(f"  found {seeds.tp} of {seeds.tp + seeds.fn} gold amounts, {seeds.fp} extra rows, "
                   f"{seeds.wrong_approx} wrong approx flags,")
        out.append(f"  {len(seeds.links)} restatement links, {seeds.link_errors} wrong links")
    else:
        out.append(f"\nSeeds: {gold} not found, skipped")
    if PHRASE_SUITE.exists():
        phrases = load_phrase_suite()
        score = run_suite(nlp, phrases)
        out.append(f"\nPhrase suite ({PHRASE_SUITE.relative_to(REPO_ROOT)},")
        out.append(f"  {len(phrases)} sentences, {sum(len(p.expected) for p in phrases)} amounts):")
        out.append(f"  amount+currency  P={score.precision:.3f} R={score.recall:.3f} F1={score.f1:.3f} "
                   f"(tp={score.tp} fp={score.fp} fn={score.fn})")
        if score.matched:
            out.append(f"  on matched amounts: approx {score.approx_ok}/{score.matched}, "
                       f"qualifier {score.qualifier_ok}/{score.matched},")
            out.append(f"  restatement links {score.links_ok}/{score.links_expected} "
                       f"(spurious {score.links_spurious})")
        out.append(f"  {score.ms_per_sentence:.2f} ms per sentence")
        if score.errors:
            out.append(f"  sentences with differences ({len(score.errors)}):")
            out.extend("    " + e for e in score.errors)
    else:
        out.append(f"\nPhrase suite: {PHRASE_SUITE} not found (only in a source checkout), skipped")
    return "\n".join(out)
