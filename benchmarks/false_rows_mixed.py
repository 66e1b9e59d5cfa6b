"""Timeline rows the product invents on real news of other topics: `python benchmarks/false_rows_mixed.py`.

`news_feed_de/mixed/` holds posts that are not about NATO and Ukraine (fewer than five mentions of the
topic). This takes every 20th of them (offset 2), leaving out the posts the decision model was trained
on (every 5th, `pipeline/training/events.py`) and those of both gold splits, runs the batch job once as
shipped and once with the rules alone (without `event_decision`), and prints how many timeline rows
each produced and a sample of them. Nearly every such row is a false one, so this is a real-text
precision figure the blind test split (which holds almost no required row) cannot give.
"""
from __future__ import annotations

import csv
import tempfile
from pathlib import Path

from pipeline.evaluation.gold_build import split_documents
from pipeline.nlp import build_pipeline
from pipeline.runner import RunSettings, run
from pipeline.training.events import MIXED_EVERY

FEED = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "news_feed_de"


def held_out_posts() -> list[Path]:
    annotated = set(split_documents(FEED, "test")) | set(split_documents(FEED, "train"))
    posts = [p for p in sorted((FEED / "mixed").glob("*.md")) if p.relative_to(FEED).as_posix() not in annotated]
    trained = set(posts[::MIXED_EVERY])
    return [p for p in posts[2::20] if p not in trained]


def timeline_rows(paths: list[Path], nlp, choice) -> list[dict[str, str]]:
    with tempfile.TemporaryDirectory() as tmp:
        run(RunSettings(paths=tuple(paths), out_dir=Path(tmp)), nlp=nlp, model=choice)
        with (Path(tmp) / "timeline.csv").open(encoding="utf-8", newline="") as handle:
            return list(csv.DictReader(handle))


def main() -> None:
    paths = held_out_posts()
    nlp, choice = build_pipeline()
    shipped = timeline_rows(paths, nlp, choice)
    nlp.remove_pipe("event_decision")
    rules = timeline_rows(paths, nlp, choice)
    print(f"{len(paths)} held-out posts of mixed/ (other topics)")
    print(f"timeline rows, rules alone:          {len(rules)}")
    print(f"timeline rows, rules + decision model: {len(shipped)}")
    for row in shipped[:15]:
        print(f"  {row['date_value']:<12} {row['sources'][:38]:<38} {row['summary'][:90]}")


if __name__ == "__main__":
    main()
