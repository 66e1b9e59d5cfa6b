"""`pipeline evaluate timeline`: a fresh run over data/raw against `shared/gold/seeds/timeline.csv`.

An entry matches a gold row when
* its date interval overlaps the gold date's interval and its precision is the gold precision or
  finer (a month entry does not find a day; a day inside a gold month does), and
* its summary or evidence contains one of the gold keywords (case-insensitive).

Reported: recall over the required rows, precision over all entries in the window (an entry is
correct when it matches any gold row), whether every multi-source gold row came out as one entry
with all its sources, and traceability: every entry's event ids exist in events.csv, its
evidence is the text of one of them, and that text is article prose (it occurs in the cleaned
text of its document, so nothing comes from teasers or other furniture).
"""
from __future__ import annotations

import csv
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from ..cleaning import clean_text
from ..events.intervals import Interval, PRECISION_RANK, from_bounds, parse_value
from ..reading import read_document
from ..runner import RunSettings, run as run_batch

REPO_ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class GoldRow:
    key: str
    interval: Interval
    precision: str
    required: bool
    sources: tuple[str, ...]
    kind: str
    summary: str
    keywords: tuple[str, ...]


def load_gold(path: Path) -> list[GoldRow]:
    rows = []
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            interval = parse_value(row["date"])
            if interval is None:
                raise ValueError(f"gold row {row['key']}: cannot read date {row['date']!r}")
            rows.append(GoldRow(
                key=row["key"], interval=interval, precision=row["precision"] or interval.precision,
                required=row["required"].strip() == "1",
                sources=tuple(s for s in row["sources"].split(";") if s),
                kind=row["kind"], summary=row["summary"],
                keywords=tuple(k.strip() for k in row["keywords"].split(";") if k.strip()),
            ))
    return rows


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def entry_interval(entry: dict[str, str]) -> Interval | None:
    return from_bounds(entry["date_value"], entry["date_start"], entry["date_end"], entry["precision"])


def date_matches(entry: dict[str, str], gold: GoldRow) -> bool:
    interval = entry_interval(entry)
    if interval is None:
        return False
    fine_enough = PRECISION_RANK.get(interval.precision, 99) <= PRECISION_RANK.get(gold.precision, 99)
    return fine_enough and interval.overlaps(gold.interval)


def keyword_matches(entry: dict[str, str], gold: GoldRow) -> bool:
    text = f"{entry['summary']} {entry['evidence']}".lower()
    return any(keyword.lower() in text for keyword in gold.keywords)


def matches(entry: dict[str, str], gold: GoldRow) -> bool:
    return date_matches(entry, gold) and keyword_matches(entry, gold)


def normalised(text: str) -> str:
    return " ".join(text.split())


def traceability(entries: list[dict], events: list[dict], raw: Path) -> list[str]:
    """Problems found tracing entries back to events, sentences and article prose."""
    by_id = {event["event_id"]: event for event in events}
    cleaned: dict[str, str] = {}
    for path in sorted(raw.iterdir()):
        if path.is_file():
            document = read_document(path)
            cleaned[document.doc_id] = normalised(clean_text(document))
    problems = []
    for entry in entries:
        ids = [i for i in entry["event_ids"].split(";") if i]
        missing = [i for i in ids if i not in by_id]
        if not ids or missing:
            problems.append(f"{entry['entry_id']}: event ids missing from events.csv: {missing or 'none listed'}")
            continue
        texts = {by_id[i]["text"] for i in ids}
        if entry["evidence"] not in texts:
            problems.append(f"{entry['entry_id']}: evidence is not the text of one of its events")
        sources = set(entry["sources"].split(";"))
        if sources != {by_id[i]["doc_id"] for i in ids}:
            problems.append(f"{entry['entry_id']}: sources differ from the documents of its events")
        for i in ids:
            event = by_id[i]
            if normalised(event["text"]) not in cleaned.get(event["doc_id"], ""):
                problems.append(f"{entry['entry_id']}: event {i} text is not article prose of {event['doc_id']}")
    return problems


def score(gold: list[GoldRow], entries: list[dict], events: list[dict], raw: Path) -> str:
    lines = ["Timeline against shared/gold/seeds/timeline.csv", ""]
    lines.append(f"{'key':<4} {'req':<3} {'gold date':<22} {'found':<16} {'merged':<6} gold summary")
    for row in gold:
        found = [entry for entry in entries if matches(entry, row)]
        ids = ",".join(entry["entry_id"] for entry in found) or "-"
        if len(row.sources) > 1:
            merged = any(set(row.sources) <= set(entry["sources"].split(";")) for entry in found)
            merged_text = "yes" if merged else "NO"
        else:
            merged_text = ""
        lines.append(f"{row.key:<4} {'1' if row.required else '0':<3} {row.interval.value:<22} {ids:<16} "
                     f"{merged_text:<6} {row.summary[:48]}")
    required = [row for row in gold if row.required]
    found_required = [row for row in required if any(matches(e, row) for e in entries)]
    correct = [e for e in entries if any(matches(e, row) for row in gold)]
    multi = [row for row in gold if len(row.sources) > 1]
    merged_rows = [row for row in multi if any(matches(e, row) and set(row.sources) <= set(e["sources"].split(";"))
                                               for e in entries)]
    single_entry = [row for row in multi if sum(1 for e in entries if matches(e, row)) == 1]
    recall = len(found_required) / len(required) if required else 1.0
    precision = len(correct) / len(entries) if entries else 0.0
    lines += ["", f"recall (required rows):        {len(found_required)}/{len(required)} = {recall:.2f}",
              f"precision (entries in window): {len(correct)}/{len(entries)} = {precision:.2f}",
              f"multi-source rows merged:      {len(merged_rows)}/{len(multi)} with all sources",
              f"multi-source rows as one entry: {len(single_entry)}/{len(multi)}"]
    missed = [row.key for row in required if row not in found_required]
    if missed:
        lines.append(f"missed required rows:          {', '.join(missed)}")
    unmatched = [e for e in entries if e not in correct]
    if unmatched:
        lines.append("entries matching no gold row:")
        lines += [f"  {e['entry_id']} {e['date_value']:<12} {e['summary'][:90]}" for e in unmatched]
    problems = traceability(entries, events, raw)
    lines.append(f"traceability (ids, evidence, prose): {'ok' if not problems else f'{len(problems)} problems'}")
    lines += [f"  {problem}" for problem in problems]
    return "\n".join(lines)


def run(shared: Path, model: str | None = None) -> str:
    """Run the pipeline over data/raw into a temporary folder and score its timeline."""
    gold_path = shared / "gold" / "seeds" / "timeline.csv"
    if not gold_path.is_file():
        return f"gold timeline not found: {gold_path}"
    gold = load_gold(gold_path)
    raw = REPO_ROOT / "data" / "raw"
    with tempfile.TemporaryDirectory(prefix="pipeline-eval-timeline-") as tmp:
        started = time.perf_counter()
        settings = RunSettings(paths=(raw,), out_dir=Path(tmp), model=model)
        result = run_batch(settings)
        seconds = time.perf_counter() - started
        entries = read_csv(Path(tmp) / "timeline.csv")
        events = read_csv(Path(tmp) / "events.csv")
    window = (settings.date_from, settings.date_to)
    report = score(gold, entries, events, raw)
    header = (f"model {result.model.name} ({result.model.source}), run {seconds:.1f} s\n"
              f"{len(events)} events, {len(entries)} entries in window {window[0]}..{window[1]}")
    return f"{header}\n{report}"


__all__ = ["run", "score", "load_gold", "matches", "date_matches", "keyword_matches"]


# --- gold folders on real articles (`pipeline evaluate timeline --gold DIR --docs DIR`) ---------------

@dataclass(frozen=True)
class FolderScores:
    """The figures of one timeline against one gold folder, inside the timeline window."""

    required: int
    found_required: int
    entries: int
    correct: int
    multi_source: int
    merged: int
    gold_rows: int = 0
    found_rows: int = 0

    @property
    def recall(self) -> float:
        return self.found_required / self.required if self.required else 1.0

    @property
    def precision(self) -> float:
        return self.correct / self.entries if self.entries else 0.0

    @property
    def any_recall(self) -> float:
        return self.found_rows / self.gold_rows if self.gold_rows else 1.0

    @property
    def merge_coverage(self) -> float:
        return self.merged / self.multi_source if self.multi_source else 1.0


def entry_sources(entry: dict[str, str]) -> set[str]:
    return {source for source in entry["sources"].split(";") if source}


def matches_gold_event(entry: dict[str, str], event) -> bool:
    """Same article, compatible date at the gold precision or finer, and a gold keyword."""
    if not entry_sources(entry) & event.sources:
        return False
    row = GoldRow(event.key, event.interval, event.precision, event.required, tuple(sorted(event.sources)),
                  event.type, event.summary, event.keywords)
    return matches(entry, row)


def in_window(interval: Interval, date_from: str, date_to: str) -> bool:
    return interval.start.isoformat() <= date_to and interval.end.isoformat() >= date_from


def folder_scores(events, entries: list[dict[str, str]]) -> FolderScores:
    required = [e for e in events if e.required]
    found = [e for e in required if any(matches_gold_event(entry, e) for entry in entries)]
    correct = [entry for entry in entries if any(matches_gold_event(entry, e) for e in events)]
    multi = [e for e in events if len(e.sources) > 1]
    merged = [e for e in multi
              if any(matches_gold_event(entry, e) and e.sources <= entry_sources(entry) for entry in entries)]
    found_any = [e for e in events if any(matches_gold_event(entry, e) for entry in entries)]
    return FolderScores(len(required), len(found), len(entries), len(correct), len(multi), len(merged),
                        len(events), len(found_any))


def type_table(events, entries: list[dict[str, str]]) -> list[str]:
    """Per event type: required gold rows found, and output rows that match gold."""
    types = sorted({e.type for e in events} | {entry["event_type"] for entry in entries})
    lines = [f"{'type':<13} {'gold req':>8} {'found':>6} {'output':>7} {'correct':>8}"]
    for kind in types:
        gold = [e for e in events if e.type == kind and e.required]
        found = [e for e in gold if any(matches_gold_event(entry, e) for entry in entries)]
        output = [entry for entry in entries if entry["event_type"] == kind]
        correct = [entry for entry in output if any(matches_gold_event(entry, e) for e in events)]
        lines.append(f"{kind:<13} {len(gold):>8} {len(found):>6} {len(output):>7} {len(correct):>8}")
    return lines


def folder_report(gold, entries: list[dict[str, str]], date_from: str, date_to: str) -> tuple[str, FolderScores]:
    events = [e for e in gold.events if in_window(e.interval, date_from, date_to)]
    scores = folder_scores(events, entries)
    lines = [f"Timeline against {gold.path} ({len(gold.documents)} documents, "
             f"{len(events)} gold rows in {date_from}..{date_to}, {len(gold.events) - len(events)} outside)", ""]
    for event in events:
        found = [entry["entry_id"] for entry in entries if matches_gold_event(entry, event)]
        merged = ""
        if len(event.sources) > 1 and found:
            merged = "merged" if any(matches_gold_event(entry, event) and event.sources <= entry_sources(entry)
                                     for entry in entries) else "SPLIT"
        lines.append(f"{event.key:<6} {'req' if event.required else 'opt'} {event.interval.value:<22} "
                     f"{','.join(found) or '-':<14} {merged:<6} {event.summary[:70]}")
    wrong = [entry for entry in entries if not any(matches_gold_event(entry, e) for e in events)]
    recall = f"{scores.recall:.2f}" if scores.required else "n/a (no required row in the window)"
    lines += ["", f"required recall:        {scores.found_required}/{scores.required} = {recall}",
              f"precision in window:    {scores.correct}/{scores.entries} = {scores.precision:.2f}",
              f"merge coverage:         {scores.merged}/{scores.multi_source} = {scores.merge_coverage:.2f}"
              " (multi-source gold rows, required or optional, with all sources in one row)",
              f"recall of all rows:     {scores.found_rows}/{scores.gold_rows} = {scores.any_recall:.2f}"
              " (required and optional)",
              "", *type_table(events, entries)]
    if wrong:
        lines += ["", "output rows matching no gold row:"]
        lines += [f"  {e['entry_id']} {e['date_value']:<12} {e['sources'][:40]:<40} {e['summary'][:80]}" for e in wrong]
    return "\n".join(lines), scores


def documents_of(gold, docs_dir: Path) -> tuple[Path, ...]:
    return tuple(docs_dir / doc for doc in gold.documents)


def run_folder(gold_dir: Path, docs_dir: Path, model: str | None = None, run_dir: Path | None = None) -> str:
    """Score a gold folder against a fresh run over its documents (or against an existing run's CSVs)."""
    from .gold_folder import load_gold_folder

    gold = load_gold_folder(gold_dir, docs_dir)
    settings = RunSettings(paths=documents_of(gold, docs_dir), model=model)
    if run_dir is not None:
        entries = read_csv(run_dir / "timeline.csv")
        report, _ = folder_report(gold, entries, settings.date_from, settings.date_to)
        return f"run {run_dir}: {len(entries)} entries\n{report}"
    with tempfile.TemporaryDirectory(prefix="pipeline-eval-timeline-") as tmp:
        started = time.perf_counter()
        settings = RunSettings(paths=documents_of(gold, docs_dir), out_dir=Path(tmp), model=model)
        result = run_batch(settings)
        seconds = time.perf_counter() - started
        entries = read_csv(Path(tmp) / "timeline.csv")
    report, _ = folder_report(gold, entries, settings.date_from, settings.date_to)
    return f"model {result.model.name} ({result.model.source}), run {seconds:.1f} s, {len(entries)} entries\n{report}"


__all__ += ["FolderScores", "folder_report", "folder_scores", "run_folder"]
