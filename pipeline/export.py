"""Export stage: the CSV files of the output contract (`shared/docs/output-schema.md`) and run.json.

Every file is written to a temporary file in the output folder and then renamed over the target,
so an interrupted run never leaves a half-written CSV. Files are written with headers even when a
run found nothing.
"""
from __future__ import annotations

import csv
import json
import os
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import asdict
from decimal import Decimal
from pathlib import Path

from spacy.tokens import Doc, Span

from .extensions import SPAN_KEYS, sentence_numbers
from .reading import Document
from .records import Event, TimelineEntry

COLUMNS: dict[str, tuple[str, ...]] = {
    "documents": ("doc_id", "source_path", "title", "published", "published_precision",
                  "published_method", "status", "message", "encoding", "metadata_published",
                  "metadata_precision"),
    "persons": ("doc_id", "name", "mention", "role", "start", "end", "sentence"),
    "countries": ("doc_id", "iso3", "country", "mention", "kind", "start", "end", "sentence"),
    "organizations": ("doc_id", "name", "mention", "kind", "start", "end", "sentence"),
    "money": ("doc_id", "mention", "amount", "currency", "approx", "qualifier", "equivalent_of",
              "start", "end", "sentence"),
    "dates": ("doc_id", "mention", "type", "value", "date_start", "date_end", "precision",
              "modifier", "anchor", "start", "end", "sentence"),
    "events": ("event_id", "doc_id", "sentence", "text", "date_value", "date_start", "date_end",
               "precision", "event_type", "is_decision", "trigger", "persons", "countries",
               "organizations", "money", "location", "relevance", "date_source", "start", "end",
               "decision_score", "in_timeline"),
    "timeline": ("entry_id", "date_value", "date_start", "date_end", "precision", "event_type",
                 "is_decision", "summary", "persons", "countries", "money", "location",
                 "n_sources", "sources", "event_ids", "evidence"),
}
CONTRACT_FILES = ("documents", "persons", "countries", "money", "dates", "events", "timeline")


def cell(value: object) -> str:
    """One CSV cell: lists joined by `;`, booleans as true/false, whole numbers without `.0`."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return ";".join(cell(item) for item in value)
    if isinstance(value, float):
        return format_number(value)
    return str(value)


def format_number(value: float) -> str:
    """Plain decimal notation: 100000000000 rather than 1e+11, 1.5 rather than 1.50."""
    if value == int(value):
        return str(int(value))
    text = format(Decimal(repr(value)), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def document_rows(documents: Iterable[Document], dcts: Mapping[str, object]) -> list[dict]:
    """documents.csv rows; `dcts` holds the publication date each processed doc ended with."""
    rows = []
    for document in documents:
        published = dcts.get(document.doc_id, document.meta.published)
        rows.append({
            "doc_id": document.doc_id, "source_path": document.source_path,
            "title": document.meta.title, "published": published.value,
            "published_precision": published.precision, "published_method": published.method,
            "status": document.status, "message": document.message, "encoding": document.encoding,
            "metadata_published": document.meta.published.value,
            "metadata_precision": document.meta.published.precision,
        })
    return rows


def span_base(doc: Doc, span: Span, sentences: Mapping[int, int]) -> dict:
    """Columns every mention row shares."""
    return {"doc_id": doc._.doc_id, "mention": span.text, "start": span.start_char,
            "end": span.end_char, "sentence": sentences.get(span.sent.start, -1)}


def mention_rows(docs: Iterable[Doc]) -> dict[str, list[dict]]:
    """persons, countries, organizations, money and dates rows for all docs."""
    rows: dict[str, list[dict]] = {key: [] for key in SPAN_KEYS}
    for doc in docs:
        sentences = sentence_numbers(doc)
        for span in doc.spans.get("persons", []):
            person = span._.person
            rows["persons"].append({**span_base(doc, span, sentences), **asdict(person)})
        countries = doc.spans.get("countries", [])
        also = countries.attrs.get("also", {}) if countries else {}
        for span in countries:
            for country in (span._.country, *also.get(span.start_char, ())):
                rows["countries"].append({**span_base(doc, span, sentences), **asdict(country)})
        for span in doc.spans.get("organizations", []):
            rows["organizations"].append({**span_base(doc, span, sentences), **asdict(span._.org)})
        for span in doc.spans.get("money", []):
            rows["money"].append({**span_base(doc, span, sentences), **asdict(span._.money)})
        for span in doc.spans.get("dates", []):
            rows["dates"].append({**span_base(doc, span, sentences), **asdict(span._.timex)})
    return rows


def event_rows(events: Iterable[Event]) -> list[dict]:
    return [asdict(event) for event in events]


def timeline_rows(entries: Iterable[TimelineEntry]) -> list[dict]:
    return [{**asdict(entry), "n_sources": entry.n_sources} for entry in entries]


def write_csv_atomic(path: Path, columns: tuple[str, ...], rows: Iterable[Mapping]) -> int:
    """Write rows (extra keys ignored, missing ones empty) via a temp file + rename; return count."""
    count = 0
    handle = tempfile.NamedTemporaryFile(
        "w", encoding="utf-8", newline="", dir=path.parent, prefix=f".{path.name}.", delete=False
    )
    try:
        with handle:
            writer = csv.writer(handle)
            writer.writerow(columns)
            for row in rows:
                writer.writerow([cell(row.get(column)) for column in columns])
                count += 1
        os.replace(handle.name, path)
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise
    return count


def write_json_atomic(path: Path, data: Mapping) -> None:
    handle = tempfile.NamedTemporaryFile(
        "w", encoding="utf-8", dir=path.parent, prefix=f".{path.name}.", delete=False
    )
    try:
        with handle:
            json.dump(data, handle, ensure_ascii=False, indent=2, default=str)
            handle.write("\n")
        os.replace(handle.name, path)
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise


def write_tables(out_dir: Path, tables: Mapping[str, list[dict]]) -> dict[str, int]:
    """Write every table of COLUMNS (empty ones with headers); return row counts by table."""
    out_dir.mkdir(parents=True, exist_ok=True)
    return {
        name: write_csv_atomic(out_dir / f"{name}.csv", columns, tables.get(name, []))
        for name, columns in COLUMNS.items()
    }
