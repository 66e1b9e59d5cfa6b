"""The batch job behind `pipeline run`: read → clean → nlp (extractors, events) → timeline → export.

Documents stream through the spaCy pipeline in chunks; each chunk is turned into table rows at
once, so memory stays flat on large folders. A component failing on one document marks that
document as `error` and the run goes on.
"""
from __future__ import annotations

import platform
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from . import __version__
from .cleaning import clean_text
from .events.timeline import build_timeline
from .export import (
    document_rows, event_rows, mention_rows, timeline_rows, write_json_atomic, write_tables,
)
from .extractors.persons import canonicalize_across_documents
from .nlp import ModelChoice, build_pipeline
from .reading import DEFAULT_MAX_BYTES, Document, collect_files, read_document
from .records import Event, PubDate

CHUNK_SIZE = 32


@dataclass(frozen=True)
class RunSettings:
    """What the user asked for."""

    paths: tuple[Path, ...] = (Path("data/raw"),)
    out_dir: Path = Path("data/processed")
    model: str | None = None
    date_from: str = "2022-01-01"
    date_to: str = "2024-12-31"
    max_bytes: int = DEFAULT_MAX_BYTES


@dataclass
class StageClock:
    """Seconds spent per stage, accumulated over chunks."""

    seconds: dict[str, float] = field(default_factory=lambda: defaultdict(float))

    def timed(self, stage: str, started: float) -> None:
        self.seconds[stage] += time.perf_counter() - started


@dataclass
class RunResult:
    """Everything a run produced, for the CLI summary and for notebooks."""

    documents: list[Document]
    counts: dict[str, int]
    seconds: dict[str, float]
    model: ModelChoice
    out_dir: Path

    @property
    def failed(self) -> list[Document]:
        return [document for document in self.documents if document.status == "error"]


def run(settings: RunSettings, on_document: Callable[[str], None] | None = None,
        nlp: Language | None = None, model: ModelChoice | None = None,
        load_seconds: float = 0.0) -> RunResult:
    """Process every file under `settings.paths` and write the exports to `settings.out_dir`.

    Pass a loaded `nlp` (and its `model` choice and `load_seconds`) to reuse a pipeline.
    """
    clock = StageClock()
    started = time.perf_counter() - load_seconds
    if nlp is None:
        nlp, model = build_pipeline(settings.model)
    clock.timed("load_model", started)
    nlp.max_length = max(nlp.max_length, settings.max_bytes + 1)
    files = collect_files(list(settings.paths))
    tables: dict[str, list[dict]] = defaultdict(list)
    documents: list[Document] = []
    events: list[Event] = []
    dcts: dict[str, PubDate] = {}
    for chunk in chunked(files, CHUNK_SIZE):
        read = [read_and_time(path, settings.max_bytes, clock) for path in chunk]
        documents.extend(read)
        docs = process_chunk(nlp, [document for document in read if document.ok], clock)
        step = time.perf_counter()
        for doc in docs:
            dcts[doc._.doc_id] = doc._.dct
            events.extend(doc._.events or [])
        for name, rows in mention_rows(docs).items():
            tables[name].extend(rows)
        clock.timed("rows", step)
        for document in read:
            if on_document:
                on_document(document.doc_id)
    step = time.perf_counter()
    names = canonicalize_across_documents(row["name"] for row in tables["persons"])
    for row in tables["persons"]:
        row["name"] = names.get(row["name"], row["name"])
    events = [replace(event, persons=tuple(dict.fromkeys(names.get(p, p) for p in event.persons)))
              for event in events]
    clock.timed("canonical_names", step)
    step = time.perf_counter()
    timeline = build_timeline(events, settings.date_from, settings.date_to)
    clock.timed("timeline", step)
    step = time.perf_counter()
    tables["documents"] = document_rows(documents, dcts)
    tables["events"] = event_rows(events)
    tables["timeline"] = timeline_rows(timeline)
    counts = write_tables(settings.out_dir, tables)
    clock.timed("export", step)
    clock.seconds["total"] = time.perf_counter() - started
    result = RunResult(documents, counts, dict(clock.seconds), model, settings.out_dir)
    write_json_atomic(settings.out_dir / "run.json", run_report(settings, result, nlp))
    return result


def chunked(items: list, size: int) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def read_and_time(path: Path, max_bytes: int, clock: StageClock) -> Document:
    started = time.perf_counter()
    document = read_document(path, max_bytes)
    clock.timed("read", started)
    return document


def make_docs(nlp: Language, documents: list[Document], clock: StageClock) -> list[Doc]:
    """Clean each document and wrap it in a Doc carrying its id and metadata date."""
    started = time.perf_counter()
    docs = []
    for document in documents:
        doc = nlp.make_doc(clean_text(document))
        doc._.doc_id = document.doc_id
        doc._.dct = document.meta.published
        docs.append(doc)
    clock.timed("clean+tokenize", started)
    return docs


def process_chunk(nlp: Language, documents: list[Document], clock: StageClock) -> list[Doc]:
    """Run the components over a chunk, stage by stage; isolate a document that makes one fail."""
    try:
        docs = make_docs(nlp, documents, clock)
        for name, component in nlp.pipeline:
            started = time.perf_counter()
            docs = apply_component(component, docs)
            clock.timed(name, started)
        return docs
    except Exception:  # noqa: BLE001 - one bad document must not stop the batch
        if len(documents) == 1:
            raise
    docs = []
    for document in documents:
        try:
            docs.extend(process_chunk(nlp, [document], clock))
        except Exception as exc:  # noqa: BLE001
            document.status = "error"
            document.message = f"processing failed: {type(exc).__name__}: {exc}".splitlines()[0][:300]
    return docs


def apply_component(component: Callable, docs: list[Doc]) -> list[Doc]:
    """Run one pipeline component over a chunk, batched where the component supports it."""
    pipe = getattr(component, "pipe", None)
    if pipe is not None:
        return list(pipe(docs, batch_size=CHUNK_SIZE))
    return [component(doc) for doc in docs]


def run_report(settings: RunSettings, result: RunResult, nlp: Language) -> dict:
    """The contents of run.json: versions, settings, counts, time per stage, failures."""
    statuses = Counter(document.status for document in result.documents)
    return {
        "package": {"name": "pipeline", "version": __version__},
        "python": platform.python_version(),
        "spacy": spacy.__version__,
        "model": {**asdict(result.model), "meta_name": nlp.meta.get("name", ""),
                  "meta_version": nlp.meta.get("version", ""), "components": nlp.pipe_names},
        "settings": {"paths": [str(path) for path in settings.paths], "out_dir": str(settings.out_dir),
                     "model": settings.model, "from": settings.date_from, "to": settings.date_to,
                     "max_bytes": settings.max_bytes},
        "counts": {"documents": len(result.documents), **{f"documents_{k}": v for k, v in statuses.items()},
                   **{f"rows_{k}": v for k, v in result.counts.items()}},
        "seconds": {stage: round(seconds, 4) for stage, seconds in result.seconds.items()},
        "failures": [{"doc_id": d.doc_id, "source_path": d.source_path, "status": d.status,
                      "message": d.message} for d in result.documents if d.status != "ok"],
    }
