"""Throughput with and without the event decision model: `python benchmarks/decision_overhead.py [--posts N]`.

Runs the batch job in-process over N real posts of `../shared/corpora/news_feed_de/mixed/` (every k-th
in name order, so the sample spreads over the months) twice with one loaded pipeline: once as shipped,
once without the `event_decision` component. Prints words/s of both, the model's share of the run, and
the seconds the component itself took. Figures, not assertions (target: at most 10 % of throughput).
"""
from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from pipeline.nlp import build_pipeline
from pipeline.runner import RunSettings, run

FEED = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "news_feed_de" / "mixed"


def sample(posts: int) -> list[Path]:
    paths = sorted(FEED.glob("*.md"))
    step = max(1, len(paths) // posts)
    return paths[::step][:posts]


def timed_run(paths: list[Path], nlp, choice) -> tuple[float, dict[str, float]]:
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        result = run(RunSettings(paths=tuple(paths), out_dir=Path(tmp)), nlp=nlp, model=choice)
        return time.perf_counter() - started, result.seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=300)
    args = parser.parse_args()
    paths = sample(args.posts)
    words = sum(len(path.read_text(encoding="utf-8").split()) for path in paths)
    nlp, choice = build_pipeline()
    timed_run(paths[:10], nlp, choice)  # warm caches
    with_model, stages = timed_run(paths, nlp, choice)
    decision = nlp.remove_pipe("event_decision")
    without_model, _ = timed_run(paths, nlp, choice)
    nlp.add_pipe("event_decision")
    print(f"{len(paths)} posts, {words} words (model {choice.name})")
    print(f"with the decision model:    {with_model:6.1f} s  {words / with_model:7.0f} words/s")
    print(f"without the decision model: {without_model:6.1f} s  {words / without_model:7.0f} words/s")
    print(f"throughput cost of the model: {100 * (1 - without_model / with_model):.1f} % "
          f"(component alone {stages.get('event_decision', 0.0):.2f} s)")
    del decision


if __name__ == "__main__":
    main()
