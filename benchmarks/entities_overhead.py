"""Run-time overhead of the entity stages: `python benchmarks/entities_overhead.py [--copies N] [--model M]`.

Times `nlp.pipe` over the cleaned sample articles (N copies each) with the base pipeline (the model plus
sentence boundaries and lemmas, as `pipeline.nlp` completes it) and again with the `organizations`,
`countries` and `persons` components added, and prints the added share and the seconds per component.
Target of issue 4: the entity stages add less than 20 % with the embedded model. A figure, not a test.
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

from pipeline.cleaning import clean_text
from pipeline.nlp import ensure_linguistic_basics, load_base, resolve_model
from pipeline.reading import read_document

RAW = Path(__file__).resolve().parents[1] / "data" / "raw"
COMPONENTS = ("organizations", "countries", "persons")


def best_of(runs: int, action) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=20, help="copies of each sample article")
    parser.add_argument("--runs", type=int, default=3, help="timed repetitions (the best is reported)")
    parser.add_argument("--model", default=None, help="spaCy pipeline name or path (default: resolution order)")
    args = parser.parse_args()
    choice = resolve_model(args.model)
    nlp = load_base(choice)
    ensure_linguistic_basics(nlp)
    texts = [clean_text(read_document(path)) for path in sorted(RAW.glob("*.txt"))] * args.copies
    tokens = sum(len(nlp.make_doc(text)) for text in texts)
    list(nlp.pipe(texts[:5]))  # warm-up
    base = best_of(args.runs, lambda: list(nlp.pipe(texts)))
    loading = time.perf_counter()
    for name in COMPONENTS:
        nlp.add_pipe(name)
    docs = list(nlp.pipe(texts[:5]))  # warm-up, loads the lexicons
    load_seconds = time.perf_counter() - loading
    full = best_of(args.runs, lambda: list(nlp.pipe(texts)))
    # per component, on docs the base pipeline has already processed
    with nlp.select_pipes(disable=list(COMPONENTS)):
        docs = list(nlp.pipe(texts))
    per_component = {}
    for name in COMPONENTS:
        component = nlp.get_pipe(name)
        per_component[name] = best_of(args.runs, lambda: [component(doc) for doc in docs])
    print(f"model: {choice.name} ({choice.source}); {len(texts)} documents, {tokens:,} tokens")
    print(f"nlp.pipe base pipeline:        {base:7.3f} s  ({tokens / base:,.0f} tokens/s)")
    print(f"nlp.pipe with entity stages:   {full:7.3f} s")
    print(f"added by the entity stages:    {full - base:7.3f} s  = {100 * (full - base) / base:5.1f} % "
          f"(target < 20 %)")
    print(f"one-off lexicon loading when the stages are added: {load_seconds:.2f} s")
    for name, seconds in per_component.items():
        print(f"  {name:<14} {seconds:7.3f} s  ({100 * seconds / base:5.1f} % of base)")


if __name__ == "__main__":
    main()
