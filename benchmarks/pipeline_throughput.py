"""Throughput and memory of the whole batch: `python benchmarks/pipeline_throughput.py [--copies N]`.

Copies the sample articles N times into a temporary folder, runs the batch job in-process with the
default model and prints documents/s, tokens/s, seconds per stage and peak resident memory.
Figures, not assertions: speed targets are checked here, never in tests.
"""
from __future__ import annotations

import argparse
import resource
import shutil
import tempfile
import time
from pathlib import Path

from pipeline.nlp import build_pipeline
from pipeline.runner import RunSettings, run

RAW = Path(__file__).resolve().parents[1] / "data" / "raw"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=40, help="copies of each sample article")
    parser.add_argument("--model", default=None, help="spaCy pipeline name or path")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "raw"
        folder.mkdir()
        for copy in range(args.copies):
            for path in RAW.glob("*.txt"):
                shutil.copy(path, folder / f"{path.stem}_{copy:04d}.txt")
        loading = time.perf_counter()
        nlp, choice = build_pipeline(args.model)
        load_seconds = time.perf_counter() - loading
        tokens = sum(len(nlp.make_doc(p.read_text(encoding="utf-8"))) for p in folder.glob("*.txt"))
        started = time.perf_counter()
        result = run(RunSettings(paths=(folder,), out_dir=Path(tmp) / "out"), nlp=nlp, model=choice)
        seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"model: {choice.name} ({choice.source}), loaded in {load_seconds:.2f} s")
    print(f"documents: {len(result.documents)}  tokens: {tokens:,}  processing: {seconds:.2f} s")
    print(f"throughput: {len(result.documents) / seconds:.1f} docs/s, {tokens / seconds:,.0f} tokens/s")
    print(f"peak resident memory: {peak_mb:.0f} MB")
    print("seconds per stage:")
    for stage, stage_seconds in sorted(result.seconds.items(), key=lambda item: -item[1]):
        print(f"  {stage:<18} {stage_seconds:8.3f}")


if __name__ == "__main__":
    main()
