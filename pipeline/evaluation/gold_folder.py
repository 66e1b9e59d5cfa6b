"""Timeline gold on real articles, kept as pointers into files outside the repository.

A gold folder (`data/gold/news_feed_de/test`, see `docs/annotation-guidelines.md`) holds
* `documents.csv` (`doc, sha256`): the articles of the split, by file name, with a checksum of each file;
* `timeline.csv` (`key, date, precision, required, type, actors, countries, amount, currency, summary,
  keywords`): one row per real-world event;
* `mentions.csv` (`key, doc, start, end, sha256`): the sentences that report each event, as character
  offsets into the file decoded as UTF-8 with the first 16 hex digits of the span's SHA-256.

Loading checks every checksum against the documents folder, so a changed or missing corpus file is
reported instead of misread. No article text is ever stored in the gold folder.
"""
from __future__ import annotations

import csv
import hashlib
from dataclasses import dataclass
from pathlib import Path

from ..events.intervals import Interval, parse_value

CHECKSUM_DIGITS = 16


class GoldError(ValueError):
    """The gold folder does not fit the documents it points into."""


@dataclass(frozen=True)
class Mention:
    """One sentence of one article that reports a gold event."""

    key: str
    doc: str
    start: int
    end: int
    sha256: str


@dataclass(frozen=True)
class GoldEvent:
    key: str
    interval: Interval
    precision: str
    required: bool
    type: str
    actors: tuple[str, ...]
    countries: tuple[str, ...]
    amount: str
    currency: str
    summary: str
    keywords: tuple[str, ...]
    mentions: tuple[Mention, ...]

    @property
    def sources(self) -> frozenset[str]:
        """Doc ids (file names without extension) of the articles that report the event."""
        return frozenset(Path(mention.doc).stem for mention in self.mentions)


@dataclass(frozen=True)
class GoldFolder:
    path: Path
    documents: tuple[str, ...]
    events: tuple[GoldEvent, ...]


def span_checksum(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:CHECKSUM_DIGITS]


def file_checksum(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:CHECKSUM_DIGITS]


def split_cell(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in (cell or "").split(";") if part.strip())


def read_rows(path: Path) -> list[dict[str, str]]:
    if not path.is_file():
        raise GoldError(f"gold file missing: {path}")
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def check_documents(rows: list[dict[str, str]], docs_dir: Path) -> list[str]:
    problems = []
    for row in rows:
        path = docs_dir / row["doc"]
        if not path.is_file():
            problems.append(f"document missing: {path}")
        elif file_checksum(path) != row["sha256"]:
            problems.append(f"document changed since annotation: {path}")
    return problems


def load_mentions(rows: list[dict[str, str]], docs_dir: Path) -> tuple[list[Mention], list[str]]:
    texts: dict[str, str] = {}
    mentions, problems = [], []
    for row in rows:
        mention = Mention(row["key"], row["doc"], int(row["start"]), int(row["end"]), row["sha256"])
        if mention.doc not in texts:
            texts[mention.doc] = (docs_dir / mention.doc).read_text(encoding="utf-8")
        if span_checksum(texts[mention.doc][mention.start:mention.end]) != mention.sha256:
            problems.append(f"{mention.key}: span {mention.doc}[{mention.start}:{mention.end}] fails its checksum")
        mentions.append(mention)
    return mentions, problems


def gold_event(row: dict[str, str], mentions: tuple[Mention, ...]) -> GoldEvent:
    interval = parse_value(row["date"])
    if interval is None:
        raise GoldError(f"gold row {row['key']}: cannot read date {row['date']!r}")
    return GoldEvent(
        key=row["key"], interval=interval, precision=row["precision"] or interval.precision,
        required=row["required"].strip() == "1", type=row["type"], actors=split_cell(row["actors"]),
        countries=split_cell(row["countries"]), amount=row["amount"], currency=row["currency"],
        summary=row["summary"], keywords=split_cell(row["keywords"]), mentions=mentions,
    )


def load_gold_folder(gold_dir: Path, docs_dir: Path) -> GoldFolder:
    """Read a gold folder and verify it against the documents it points into (raises `GoldError`)."""
    document_rows = read_rows(gold_dir / "documents.csv")
    problems = check_documents(document_rows, docs_dir)
    if problems:
        raise GoldError("; ".join(problems))
    mentions, problems = load_mentions(read_rows(gold_dir / "mentions.csv"), docs_dir)
    if problems:
        raise GoldError("; ".join(problems))
    by_key: dict[str, list[Mention]] = {}
    for mention in mentions:
        by_key.setdefault(mention.key, []).append(mention)
    events = []
    for row in read_rows(gold_dir / "timeline.csv"):
        if row["key"] not in by_key:
            raise GoldError(f"gold row {row['key']} has no mention")
        events.append(gold_event(row, tuple(by_key.pop(row["key"]))))
    if by_key:
        raise GoldError(f"mentions of unknown gold rows: {', '.join(sorted(by_key))}")
    return GoldFolder(gold_dir, tuple(row["doc"] for row in document_rows), tuple(events))


__all__ = ["GoldError", "GoldEvent", "GoldFolder", "Mention", "file_checksum", "load_gold_folder",
           "span_checksum"]
