"""Money amounts: the product's `money` component against Duckling on the same phrase suite.

Prints one table with precision, recall and F1 on (amount, currency) per sentence and the time per
sentence, for both systems in the same run. The suite is `tests/data/money_phrases.tsv` (German news
sentences with their expected amounts; format in its header).

Duckling is a benchmark peer only and is never imported by the product. Install it with

    .venv/bin/pip install pyduckling-native-phihos      # or: pip install -e ".[bench]"

Run:

    .venv/bin/python benchmarks/money_vs_duckling.py [--suite PATH] [--errors] [--repeat N]

Duckling's units are mapped to ISO 4217 the same way the product reads them: "$" is USD (bare Dollar in
this domain), "£" GBP, "cent" is a hundredth of a euro; a Duckling interval gives one row per bound;
Duckling's float values are rounded to cents before comparison.
Scoring is the product's own `score_phrase` with attributes off, so both systems are judged alike.
"""
from __future__ import annotations

import argparse
import sys
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.evaluation.money import (  # noqa: E402
    PHRASE_SUITE, Phrase, Predicted, SuiteScore, load_phrase_suite, money_pipeline, predictions, score_phrase,
)

DUCKLING_UNITS = {
    "$": ("USD", Decimal(1)), "USD": ("USD", Decimal(1)), "EUR": ("EUR", Decimal(1)), "€": ("EUR", Decimal(1)),
    "£": ("GBP", Decimal(1)), "GBP": ("GBP", Decimal(1)), "cent": ("EUR", Decimal("0.01")),
    "JPY": ("JPY", Decimal(1)), "¥": ("JPY", Decimal(1)), "CNY": ("CNY", Decimal(1)), "CHF": ("CHF", Decimal(1)),
    "RUB": ("RUB", Decimal(1)), "UAH": ("UAH", Decimal(1)), "PLN": ("PLN", Decimal(1)), "SEK": ("SEK", Decimal(1)),
    "NOK": ("NOK", Decimal(1)), "DKK": ("DKK", Decimal(1)), "CAD": ("CAD", Decimal(1)), "AUD": ("AUD", Decimal(1)),
    "INR": ("INR", Decimal(1)), "KRW": ("KRW", Decimal(1)),
}


class Duckling:
    """German AmountOfMoney parsing with pyduckling-native-phihos."""

    def __init__(self) -> None:
        import duckling  # noqa: PLC0415 - optional dependency, benchmark only

        self.d = duckling
        zones = duckling.load_time_zones("/usr/share/zoneinfo")
        ref = duckling.parse_ref_time(zones, "Europe/Berlin", int(time.time()))
        locale = duckling.default_locale_lang(duckling.parse_lang("DE"))
        self.context = duckling.Context(ref, locale)
        self.dims = duckling.parse_dimensions(["amount-of-money"])

    def __call__(self, text: str) -> list[Predicted]:
        out = []
        for entity in self.d.parse(text, self.context, self.dims, False):
            value = entity.get("value", {})
            bounds = [value] if value.get("type") == "value" else [value.get("from"), value.get("to")]
            for bound in bounds:
                if not bound or "value" not in bound:
                    continue
                iso, factor = DUCKLING_UNITS.get(str(bound.get("unit")), (str(bound.get("unit")), Decimal(1)))
                # Duckling computes in binary floats (4,1 Milliarden -> 4099999999.9999995); round to cents so
                # that only real misreadings count against it
                amount = (Decimal(str(bound["value"])) * factor).quantize(Decimal("0.01")).normalize()
                out.append(Predicted(amount, iso, mention=entity.get("body", "")))
        return out


def evaluate(system, phrases: list[Phrase], repeat: int) -> SuiteScore:
    score = SuiteScore()
    for phrase in phrases:
        started = time.perf_counter()
        for _ in range(repeat):
            predicted = system(phrase.sentence)
        score.seconds += (time.perf_counter() - started) / repeat
        score.sentences += 1
        score_phrase(phrase, predicted, score, attributes=False)
    return score


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--suite", type=Path, default=PHRASE_SUITE, help="phrase suite TSV")
    parser.add_argument("--errors", action="store_true", help="list the sentences each system gets wrong")
    parser.add_argument("--repeat", type=int, default=3, help="runs per sentence for the timing (default 3)")
    args = parser.parse_args()
    phrases = load_phrase_suite(args.suite)
    nlp = money_pipeline(None)
    product = lambda text: predictions(nlp, text)  # noqa: E731
    systems = [("product (blank de + money)", product)]
    try:
        systems.append(("Duckling (pyduckling-native-phihos)", Duckling()))
    except ImportError:
        print("Duckling not installed: .venv/bin/pip install pyduckling-native-phihos", file=sys.stderr)
    for _, system in systems:  # warm-up: lexicons, regex compilation, Haskell runtime
        system("Die EU zahlt 5 Milliarden Euro.")
    results = [(name, evaluate(system, phrases, max(1, args.repeat))) for name, system in systems]

    amounts = sum(len(p.expected) for p in phrases)
    print(f"Money amounts, amount+currency per sentence: {args.suite.name}, {len(phrases)} sentences, "
          f"{amounts} expected amounts")
    header = f"{'system':38} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5} {'ms/sentence':>12}"
    print(header)
    print("-" * len(header))
    for name, s in results:
        print(f"{name:38} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} {s.tp:5d} {s.fp:5d} {s.fn:5d} "
              f"{s.ms_per_sentence:12.3f}")
    if args.errors:
        for name, s in results:
            print(f"\n{name}: {len(s.errors)} sentences with differences")
            for error in s.errors:
                print("  " + error)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
