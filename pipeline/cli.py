"""Command-line interface `pipeline`: run the batch job, inspect the model, train and evaluate.

Exit codes of `pipeline run`: 0 every document processed; 1 some documents were skipped or failed
(all others are still written); 2 usage or set-up error, with a one-line reason.
"""
from __future__ import annotations

import datetime as dt
import importlib
import os
import time
from collections import Counter
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from .reading import DEFAULT_MAX_BYTES, collect_files

app = typer.Typer(
    help="Extract persons, countries, money, dates and events from German news and build a "
    "NATO–Ukraine timeline as CSV files.",
    no_args_is_help=True,
    add_completion=False,
)
evaluate_app = typer.Typer(help="Score a stage against gold data in the shared/ folder.", no_args_is_help=True)
app.add_typer(evaluate_app, name="evaluate")
train_app = typer.Typer(help="Re-train the product's embedded models.", no_args_is_help=True)
app.add_typer(train_app, name="train")
console = Console(stderr=True)
out = Console()

ModelOption = Annotated[
    Optional[str],
    typer.Option("--model", "-m", help="spaCy pipeline name or path (default: $PIPELINE_SPACY_MODEL, "
                 "then de_core_news_lg/md/sm if installed, else the embedded model)."),
]
SharedOption = Annotated[
    Optional[Path],
    typer.Option("--shared", help="The shared/ folder with gold data and corpora "
                 "(default: $PIPELINE_SHARED_DIR or ../shared beside the checkout)."),
]


def fail(message: str) -> None:
    """Print a one-line set-up or usage error and exit with code 2."""
    console.print(f"[bold red]error:[/] {message}", soft_wrap=True)
    raise typer.Exit(2)


def check_iso_date(value: str, option: str) -> str:
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        fail(f"{option} must be an ISO date such as 2022-01-01, not {value!r}")
        raise  # unreachable


@app.command()
def run(
    paths: Annotated[Optional[list[Path]], typer.Argument(help="Files or folders of articles (.txt, .md, .html).")] = None,
    out_dir: Annotated[Path, typer.Option("--out", "-o", help="Folder for the CSV exports and run.json.")] = Path("data/processed"),
    model: ModelOption = None,
    date_from: Annotated[str, typer.Option("--from", help="First day of the timeline window.")] = "2022-01-01",
    date_to: Annotated[str, typer.Option("--to", help="Last day of the timeline window.")] = "2024-12-31",
    max_bytes: Annotated[int, typer.Option(help="Files larger than this are skipped.")] = DEFAULT_MAX_BYTES,
) -> None:
    """Process a folder of German news articles into the CSV files of the output contract.

    Exit codes: 0 every document processed; 1 some documents were skipped or failed (the others are
    still written; see documents.csv and run.json); 2 usage or set-up error.
    """
    from .nlp import ModelError, build_pipeline
    from .runner import RunSettings, run as run_batch

    paths = paths or [Path("data/raw")]
    missing = [str(path) for path in paths if not path.exists()]
    if missing:
        fail(f"no such file or folder: {', '.join(missing)}")
    files = collect_files(paths)
    if not files:
        fail(f"no .txt, .md or .html files found in {', '.join(map(str, paths))}")
    start, end = check_iso_date(date_from, "--from"), check_iso_date(date_to, "--to")
    if start > end:
        fail(f"--from {start} is after --to {end}")
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        fail(f"cannot create output folder {out_dir}: {exc.strerror or exc}")
    settings = RunSettings(tuple(paths), out_dir, model, start, end, max_bytes)
    loading = time.perf_counter()
    with console.status("Loading the spaCy pipeline…"):
        try:
            nlp, choice = build_pipeline(model)
        except ModelError as exc:
            fail(str(exc))
    load_seconds = time.perf_counter() - loading
    with progress_bar() as progress:
        task = progress.add_task("Articles", total=len(files))
        result = run_batch(settings, lambda _doc_id: progress.advance(task), nlp=nlp, model=choice,
                           load_seconds=load_seconds)
    print_summary(result)
    if any(document.status != "ok" for document in result.documents):
        raise typer.Exit(1)


def progress_bar() -> Progress:
    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                    TimeElapsedColumn(), console=console, transient=False)


def print_summary(result) -> None:
    """One line on the run, a table of rows per output file, and the documents not processed."""
    statuses = Counter(document.status for document in result.documents)
    out.print(f"Wrote {len(result.counts) + 1} files to {result.out_dir} in "
              f"{result.seconds.get('total', 0):.1f} s with model {result.model.name} "
              f"({result.model.source}); documents: "
              + ", ".join(f"{count} {status}" for status, count in sorted(statuses.items())),
              soft_wrap=True)
    table = Table(show_edge=False)
    table.add_column("output")
    table.add_column("rows", justify="right")
    for name, count in result.counts.items():
        table.add_row(f"{name}.csv", str(count))
    out.print(table)
    for document in result.documents:
        if document.status != "ok":
            out.print(f"[red]{document.status}[/] {document.source_path}: {document.message}",
                      soft_wrap=True, highlight=False)


@app.command()
def info(model: ModelOption = None) -> None:
    """Show which spaCy pipeline would be used, where it comes from and its components."""
    from .nlp import ModelError, build_pipeline

    try:
        nlp, choice = build_pipeline(model)
    except ModelError as exc:
        fail(str(exc))
    table = Table(title="spaCy pipeline", show_header=False)
    table.add_row("name", f"{nlp.meta.get('name', '')} {nlp.meta.get('version', '')}".strip())
    table.add_row("chosen as", choice.source)
    table.add_row("location", choice.location)
    table.add_row("components", ", ".join(nlp.pipe_names))
    if "ner" in nlp.pipe_names:
        table.add_row("NER labels", ", ".join(nlp.get_pipe("ner").labels))
    if "event_decision" in nlp.pipe_names:
        decision = nlp.get_pipe("event_decision")
        if decision.classifier is None:
            table.add_row("event decision", f"no model at {decision.path}: the rule relevance decides")
        else:
            table.add_row("event decision", f"{decision.path} (threshold {decision.threshold:.2f})")
    out.print(table)


@train_app.command("ner")
def train_ner(
    corpus: Annotated[Path, typer.Option(help="Folder with GermEval 2014 NER-de-test.tsv and NER-de-dev.tsv.")] = Path("../shared/corpora/germeval2014_ner"),
    output: Annotated[Path, typer.Option(help="Where the trained pipeline is written.")] = Path("pipeline/models/de_pipeline_ner"),
    max_minutes: Annotated[Optional[float], typer.Option(help="Stop training after this many minutes.")] = None,
) -> None:
    """Train the embedded German NER model on GermEval 2014 (train on test, evaluate on dev)."""
    from .training.train import train_ner as train

    if not corpus.is_dir():
        fail(f"GermEval corpus folder not found: {corpus}")
    scores = train(corpus, output, max_minutes=max_minutes)
    out.print(scores)


app.command("train-ner", help="Same as `pipeline train ner`.")(train_ner)


@train_app.command("events")
def train_events_command(
    shared: SharedOption = None,
    output: Annotated[Optional[Path], typer.Option(help="Where the trained decision model is written.")] = None,
    cache: Annotated[Optional[Path], typer.Option(help="Keep the collected candidates in this file and reuse "
                                                       "them on the next run (delete it after changing the rules).")] = None,
) -> None:
    """Train the event decision model on the real-news train gold, the seeds, the probe sets and mixed/ negatives."""
    from .training.events import DEFAULT_OUTPUT, train_events

    out.print(train_events(shared_folder(shared), output or DEFAULT_OUTPUT, cache))


def shared_folder(given: Path | None) -> Path:
    """The shared/ folder: the option, $PIPELINE_SHARED_DIR, or ../shared beside the checkout."""
    candidates = [given] if given else []
    if os.environ.get("PIPELINE_SHARED_DIR"):
        candidates.append(Path(os.environ["PIPELINE_SHARED_DIR"]))
    candidates += [Path.cwd().parent / "shared", Path(__file__).resolve().parents[2] / "shared"]
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    fail("shared/ folder with gold data not found; pass --shared PATH")
    raise AssertionError("unreachable")


def evaluate(kind: str, shared: Path | None, model: str | None) -> None:
    module = importlib.import_module(f"pipeline.evaluation.{kind}")
    print(module.run(shared_folder(shared), model))


@evaluate_app.command("dates")
def evaluate_dates(shared: SharedOption = None, model: ModelOption = None) -> None:
    """Temporal expressions against WikiWarsDE and the seed gold (strict/relaxed F1, value accuracy)."""
    evaluate("dates", shared, model)


@evaluate_app.command("entities")
def evaluate_entities(shared: SharedOption = None, model: ModelOption = None) -> None:
    """Persons and countries against the seed gold; PER/LOC spans on GermEval dev."""
    evaluate("entities", shared, model)


@evaluate_app.command("money")
def evaluate_money(shared: SharedOption = None, model: ModelOption = None) -> None:
    """Money amounts against the seed gold and the project's phrase suite."""
    evaluate("money", shared, model)


@evaluate_app.command("timeline")
def evaluate_timeline(
    shared: SharedOption = None,
    model: ModelOption = None,
    gold: Annotated[Optional[Path], typer.Option(help="A gold folder (documents.csv, timeline.csv, mentions.csv; "
                                                      "docs/annotation-guidelines.md) instead of the seed gold.")] = None,
    docs: Annotated[Optional[Path], typer.Option(help="The folder of the articles the gold folder points into.")] = None,
    run_dir: Annotated[Optional[Path], typer.Option("--run", help="Score this earlier run's CSVs instead of running.")] = None,
) -> None:
    """The timeline of a fresh run over the seeds (or a gold folder's articles) against its gold."""
    if gold is None:
        evaluate("timeline", shared, model)
        return
    from .evaluation.gold_folder import GoldError
    from .evaluation.timeline import run_folder

    if docs is None:
        fail("--gold needs --docs, the folder of the articles it points into")
    try:
        print(run_folder(gold, docs, model, run_dir))
    except GoldError as error:
        fail(str(error))
