"""Reading stage: one file → one `Document` with decoded text, title and publication date.

Never raises for a bad file: empty, binary, undecodable or oversized input becomes a `Document`
with `status` `skipped` or `error` and a one-line `message`, so one file never stops a batch.
Input files are only read, never modified.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from charset_normalizer import from_bytes

from .metadata import Metadata, extract_metadata

SUPPORTED_SUFFIXES = (".txt", ".md", ".html", ".htm")
DEFAULT_MAX_BYTES = 1_000_000  # spaCy's default max_length is 1,000,000 characters
FALLBACK_ENCODINGS = ("cp1252", "latin_1", "iso8859_15", "utf_16")
FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)
HTML_START = re.compile(r"\A\s*(?:<!doctype html|<html\b|<head\b|<body\b)", re.I)
# Files that document a folder rather than being an article in it (README.md of a corpus or gold folder).
FOLDER_DOCS = re.compile(r"(?:README|LICEN[CS]E|CHANGELOG|CONTRIBUTING)(?:\.\w+)?", re.I)


@dataclass
class Document:
    """A document as read: text exactly as decoded, plus what its metadata says."""

    doc_id: str
    source_path: str
    text: str = ""
    encoding: str = ""
    is_html: bool = False
    front_matter: dict = field(default_factory=dict)
    front_matter_end: int = 0  # character offset where the front matter block ends (0 if none)
    meta: Metadata = field(default_factory=Metadata)
    status: str = "ok"  # ok | skipped | error
    message: str = ""

    @property
    def ok(self) -> bool:
        return self.status == "ok"


class UnreadableFile(Exception):
    """A file that cannot become a document; the message says why in one line."""

    def __init__(self, status: str, message: str) -> None:
        super().__init__(message)
        self.status = status


def collect_files(paths: list[Path]) -> list[Path]:
    """Expand folders (recursively) into supported files, sorted, without hidden files and folder
    documentation (README, LICENSE); keep explicit files as given."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(
                p for p in sorted(path.rglob("*"))
                if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES and not p.name.startswith(".")
                and not FOLDER_DOCS.fullmatch(p.name)
            )
        else:
            files.append(path)
    return files


def read_document(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read one file into a Document; failures are recorded on the Document, never raised."""
    document = Document(doc_id=path.stem, source_path=str(path))
    try:
        raw = read_bytes(path, max_bytes)
        document.text, document.encoding = decode(raw)
        check_text(document.text)
    except UnreadableFile as problem:
        document.status, document.message = problem.status, str(problem)
        return document
    document.is_html = bool(HTML_START.match(document.text))
    document.front_matter, document.front_matter_end = parse_front_matter(document.text)
    document.meta = extract_metadata(document.text, document.front_matter, document.is_html)
    if document.is_html:
        document.message = "HTML input: markup ignored, text between tags analysed"
    return document


def read_bytes(path: Path, max_bytes: int) -> bytes:
    """The file's bytes, refusing missing, non-regular, empty or oversized files."""
    if not path.exists():
        raise UnreadableFile("error", "file not found")
    if not path.is_file():
        raise UnreadableFile("skipped", "not a regular file")
    size = path.stat().st_size
    if size == 0:
        raise UnreadableFile("skipped", "empty file")
    if size > max_bytes:
        raise UnreadableFile("skipped", f"file too large: {size:,} bytes (limit {max_bytes:,})")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise UnreadableFile("error", f"cannot read file: {exc.strerror or exc}") from exc


def decode(raw: bytes) -> tuple[str, str]:
    """Decode UTF-8 (with or without BOM), else the encoding charset-normalizer detects."""
    if looks_binary(raw):
        raise UnreadableFile("skipped", "binary file (not text)")
    try:
        return raw.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(raw, cp_isolation=list(FALLBACK_ENCODINGS)).best()
    if best is None:
        raise UnreadableFile("error", "cannot decode text: not UTF-8 and no likely legacy encoding")
    return str(best), best.encoding


def looks_binary(raw: bytes, sample_size: int = 8192) -> bool:
    """True for data with NUL bytes (outside UTF-16 text) or many control characters."""
    sample = raw[:sample_size]
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    if b"\x00" in sample:
        return True
    controls = sum(1 for byte in sample if byte < 32 and byte not in (9, 10, 12, 13))
    return controls > len(sample) * 0.05


def check_text(text: str) -> None:
    """Refuse decoded text with no letters at all (nothing to analyse)."""
    if not text.strip():
        raise UnreadableFile("skipped", "file contains only whitespace")
    if not any(char.isalpha() for char in text):
        raise UnreadableFile("skipped", "file contains no words")


def parse_front_matter(text: str) -> tuple[dict, int]:
    """YAML/Jekyll front matter as a dict and the offset where it ends ({} and 0 if none)."""
    match = FRONT_MATTER.match(text)
    if not match:
        return {}, 0
    try:
        data = yaml.safe_load(match.group(1))
    except yaml.YAMLError:
        data = parse_loose_front_matter(match.group(1))
    return (data if isinstance(data, dict) else {}), match.end()


def parse_loose_front_matter(block: str) -> dict:
    """`key: value` lines of front matter that is not valid YAML."""
    pairs = (line.split(":", 1) for line in block.splitlines() if ":" in line)
    return {key.strip(): value.strip() for key, value in pairs}
