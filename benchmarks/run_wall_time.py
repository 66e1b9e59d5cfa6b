"""Wall time of `pipeline run data/raw`, end to end in a fresh process (model loading included).

    .venv/bin/python benchmarks/run_wall_time.py [--repeat 3] [--model NAME_OR_PATH] [PATHS…]

Runs the installed `pipeline` command next to this interpreter into a temporary folder and prints
the seconds of every run and the best and median of them. The product target is under 30 s on the
2-core development machines.
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def one_run(paths: list[str], model: str | None) -> float:
    command = [str(Path(sys.executable).with_name("pipeline")), "run", *paths]
    with tempfile.TemporaryDirectory(prefix="pipeline-bench-") as out:
        command += ["--out", out] + (["--model", model] if model else [])
        started = time.perf_counter()
        completed = subprocess.run(command, cwd=REPO, capture_output=True, text=True)
        seconds = time.perf_counter() - started
    if completed.returncode not in (0, 1):
        sys.exit(f"pipeline run failed ({completed.returncode}): {completed.stderr.strip()[-500:]}")
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", default=["data/raw"])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--model", default=None)
    args = parser.parse_args()
    times = []
    for n in range(1, args.repeat + 1):
        times.append(one_run(args.paths, args.model))
        print(f"run {n}: {times[-1]:.2f} s")
    print(f"pipeline run {' '.join(args.paths)}: best {min(times):.2f} s, median {statistics.median(times):.2f} s "
          f"(wall time incl. model loading, {args.repeat} runs)")


if __name__ == "__main__":
    main()
