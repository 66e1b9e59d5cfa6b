"""Turn annotators' quote files into a gold folder of offsets and checksums (no article text).

Annotators write JSON lines outside the repository (`docs/annotation-guidelines.md`): one object per
event mention with the exact `quote` of the reporting sentence, or `{"doc": …, "no_events": true}`.
`build_gold_folder` locates every quote in its file, gives each real-world event a key (`<prefix>001`,
mentions that share an annotator's `local_key` share the key; `merge` joins keys of different files)
and writes `documents.csv`, `timeline.csv` and `mentions.csv`.

    python -m pipeline.evaluation.gold_build --docs ../shared/corpora/news_feed_de --split test --out data/gold/news_feed_de/test --prefix T a.jsonl
"""
from __future__ import annotations

import argparse
import csv
import json
import re
from pathlib import Path

from .gold_folder import file_checksum, span_checksum

TIMELINE_FIELDS = ["key", "date", "precision", "required", "type", "actors", "countries", "amount", "currency",
                   "summary", "keywords"]
MENTION_FIELDS = ["key", "doc", "start", "end", "sha256"]


FRONT_MATTER_DATE = re.compile(r"^date:\s*(.+)$", re.M)
RFC2822_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


MIXED_QUERY = re.compile(r"militärhilfe|waffenliefer|nato-gipfel|ramstein|sicherheitsabkommen|atacms|taurus|patriot-"
                         r"|f-16|hilfspaket", re.I)  # which posts of mixed/ join the gold (the guidelines' split)


def split_documents(feed_dir: Path, split: str) -> list[str]:
    """Paths (relative to the feed folder) of the split: every post of `nato_ukraine/` and the posts of
    `mixed/` that name military aid vocabulary (`MIXED_QUERY`), by the publication month's parity."""
    chosen = [path for path in sorted((feed_dir / "nato_ukraine").glob("*.md"))]
    chosen += [path for path in sorted((feed_dir / "mixed").glob("*.md"))
               if MIXED_QUERY.search(path.read_text(encoding="utf-8"))]
    return [path.relative_to(feed_dir).as_posix() for path in chosen if split_of(path) == split]


def split_of(path: Path) -> str:
    """The split rule of the guidelines: a post published in an odd-numbered month is `test`, else `train`."""
    found = FRONT_MATTER_DATE.search(path.read_text(encoding="utf-8")[:2000])
    if not found:
        raise ValueError(f"no front-matter date in {path}")
    month = RFC2822_MONTHS.index(found[1].split()[2]) + 1  # "Wed, 03 Apr 2024 15:00:00 +0200" (time may be garbled)
    return "test" if month % 2 else "train"


def read_annotations(paths: list[Path]) -> list[dict]:
    records = []
    for path in paths:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                record = json.loads(line)
                record["_group"] = f"{path.stem}:{record.get('local_key', number)}"
                if "/" not in record["doc"]:  # the first annotators named files of nato_ukraine/ alone
                    record["doc"] = f"nato_ukraine/{record['doc']}"
                records.append(record)
    return records


def locate(quote: str, text: str) -> tuple[int, int]:
    start = text.find(quote.strip())
    if start < 0:
        raise ValueError(f"quote not found: {quote[:80]!r}")
    return start, start + len(quote.strip())


PRECISION_ORDER = {"day": 0, "month": 1, "year": 2}


def finest_records(records: list[dict], merge: dict[str, str]) -> dict[str, dict]:
    """Per event group, the annotation with the finest date (one mention may say only `Anfang 2023`),
    with the keywords of all its mentions."""
    best: dict[str, dict] = {}
    keywords: dict[str, list[str]] = {}
    for record in records:
        group = merge.get(record["_group"], record["_group"])
        keywords.setdefault(group, []).extend(k.strip() for k in record["keywords"].split(";") if k.strip())
        rank = PRECISION_ORDER.get(record["precision"], 3)
        if group not in best or rank < PRECISION_ORDER.get(best[group]["precision"], 3):
            best[group] = record
    return {group: {**record, "keywords": ";".join(dict.fromkeys(keywords[group]))} for group, record in best.items()}


def write_csv(path: Path, fields: list[str], rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def build_gold_folder(paths: list[Path], docs_dir: Path, out_dir: Path, prefix: str, split: str,
                      merge: dict[str, str] | None = None) -> tuple[int, int]:
    """Write the gold folder of one split; returns (events, mentions)."""
    records = read_annotations(paths)
    merge = merge or {}
    documents = split_documents(docs_dir, split)
    strays = {record["doc"] for record in records} - set(documents)
    if strays:
        raise ValueError(f"annotations of documents outside the {split} split: {sorted(strays)}")
    events = [record for record in records if not record.get("no_events")]
    events.sort(key=lambda r: (r["date"], r["doc"], r["_group"]))
    keys: dict[str, str] = {}
    timeline, mentions = [], []
    representatives = finest_records(events, merge)
    for record in events:
        group = merge.get(record["_group"], record["_group"])
        if group not in keys:
            keys[group] = f"{prefix}{len(keys) + 1:03d}"
            timeline.append({**representatives[group], "key": keys[group]})
        text = (docs_dir / record["doc"]).read_text(encoding="utf-8")
        start, end = locate(record["quote"], text)
        mentions.append({"key": keys[group], "doc": record["doc"], "start": start, "end": end,
                         "sha256": span_checksum(text[start:end])})
    out_dir.mkdir(parents=True, exist_ok=True)
    write_csv(out_dir / "documents.csv", ["doc", "sha256"],
              [{"doc": doc, "sha256": file_checksum(docs_dir / doc)} for doc in documents])
    write_csv(out_dir / "timeline.csv", TIMELINE_FIELDS, timeline)
    write_csv(out_dir / "mentions.csv", MENTION_FIELDS, sorted(mentions, key=lambda m: (m["key"], m["doc"], m["start"])))
    return len(timeline), len(mentions)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("annotations", nargs="+", type=Path)
    parser.add_argument("--docs", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--prefix", required=True)
    parser.add_argument("--split", choices=["test", "train"], required=True)
    parser.add_argument("--merge", type=Path, help="JSON object: annotator group → group it joins")
    args = parser.parse_args()
    merge = json.loads(args.merge.read_text(encoding="utf-8")) if args.merge else None
    events, mentions = build_gold_folder(args.annotations, args.docs, args.out, args.prefix, args.split, merge)
    print(f"{events} events, {mentions} mentions → {args.out}")


if __name__ == "__main__":
    main()
