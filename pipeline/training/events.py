"""Train the event decision model (`pipeline/models/de_event_decision`) from real gold and negatives.

Recipe (`pipeline train events`):
1. Run the product's rule pipeline (without the decision model) over
   * the **train** split of the real news gold (`data/gold/news_feed_de/train`, pointing into
     `../shared/corpora/news_feed_de/nato_ukraine/`): a candidate whose sentence overlaps a gold
     mention is positive, with the gold row's type; every other candidate is negative;
   * the seed and synthetic probe articles (`data/raw`, `tests/data/probe*`) against their gold
     timelines (same document, compatible date, a gold keyword in the sentence);
   * every `MIXED_EVERY`-th post of `news_feed_de/mixed/` outside both gold splits (other topics):
     all candidates negative.
   The blind **test** split is never read.
2. Every `DEV_EVERY`-th document (in sorted order) of each source is held out as dev data: the
   model is trained on the rest, and the threshold with the best F1 on dev is chosen.
3. The final model is trained on all documents with the same settings and stored with its
   threshold and the dev figures in `meta.json`.

The classifier is spaCy's `textcat_multilabel` with the bag-of-words architecture (`TextCatBOW.v3`,
uni- and bigrams of the lower-cased words and of the rule signals), small and fast on a CPU.
"""
from __future__ import annotations

import datetime as dt
import pickle
import random
import shutil
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import spacy
from spacy.training import Example
from spacy.util import minibatch

from ..evaluation.gold_build import split_documents
from ..evaluation.gold_folder import load_gold_folder
from ..evaluation.timeline import GoldRow, keyword_matches, load_gold
from ..events.intervals import parse_value
from ..events.decision import EVENT_LABEL, candidate_text, document_side_hits, publication_day
from ..events.lexicon import Lexicon, load_lexicon
from ..nlp import build_pipeline
from ..reading import read_document
from ..records import Event
from ..runner import StageClock, process_chunk

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_OUTPUT = REPO_ROOT / "pipeline" / "models" / "de_event_decision"
MIXED_EVERY = 5
DEV_EVERY = 4
EPOCHS = 10
SEED = 7
BOW_LENGTH = 2 ** 16
KIND_TO_TYPE = {"plan": "proposal", "anniversary": "commemoration"}
TYPES = ("decision", "rejection", "summit", "aid", "membership", "deployment", "procurement", "leadership",
         "proposal", "meeting", "commemoration")


@dataclass(frozen=True)
class Candidate:
    """A rule candidate with its training label."""

    source: str  # news | probe | mixed
    doc_id: str
    event: Event
    dct: dt.date | None
    document_hits: Counter
    positive: bool
    event_type: str  # gold type of a positive, else ""

    def text(self, lexicon: Lexicon) -> str:
        """What the classifier reads."""
        return candidate_text(self.event, self.dct, lexicon, self.document_hits)


@dataclass(frozen=True)
class Found:
    """The rule events of one document, with what the decision model reads besides them."""

    events: list[Event]
    dct: dt.date | None
    document_hits: Counter


def candidates_of(nlp, paths: list[Path]) -> dict[str, Found]:
    """Rule events, publication day and side hits of each document, by doc id."""
    lexicon = load_lexicon()
    result = {}
    clock = StageClock()
    for path in paths:
        document = read_document(path)
        if not document.ok:
            continue
        for doc in process_chunk(nlp, [document], clock):
            result[doc._.doc_id] = Found(list(doc._.events or []), publication_day(doc),
                                         document_side_hits(doc, lexicon))
    return result


def overlaps(event: Event, start: int, end: int) -> bool:
    return event.start < end and start < event.end


def news_candidates(nlp, gold_dir: Path, docs_dir: Path) -> list[Candidate]:
    gold = load_gold_folder(gold_dir, docs_dir)
    mentions = [(Path(m.doc).stem, m.start, m.end, event.type) for event in gold.events for m in event.mentions]
    found = candidates_of(nlp, [docs_dir / doc for doc in gold.documents])
    result = []
    for doc_id, item in sorted(found.items()):
        for event in item.events:
            types = [kind for doc, start, end, kind in mentions if doc == doc_id and overlaps(event, start, end)]
            result.append(Candidate("news", doc_id, event, item.dct, item.document_hits, bool(types),
                                    types[0] if types else ""))
    return result


def event_as_entry(event: Event) -> dict[str, str]:
    return {"date_value": event.date_value, "date_start": event.date_start, "date_end": event.date_end,
            "precision": event.precision, "summary": " ".join((*event.persons, *event.organizations)),
            "evidence": event.text}


def reports(event: Event, row: GoldRow) -> bool:
    """Whether a candidate of a gold row's article reports it: its date overlaps the gold date (a
    coarser date too: the rules may date a sentence worse than the annotator) and it names a gold
    keyword, or, for a sentence without a keyword, it is dated the very same day."""
    interval = parse_value(event.date_value) if event.date_value else None
    if interval is None or not interval.overlaps(row.interval):
        return False
    if keyword_matches(event_as_entry(event), row):
        return True
    return row.precision == "day" and interval.precision == "day"


def timeline_gold_candidates(nlp, raw: Path, gold_csv: Path) -> list[Candidate]:
    rows: list[GoldRow] = load_gold(gold_csv)
    found = candidates_of(nlp, sorted(p for p in raw.iterdir() if p.is_file() and p.suffix in {".txt", ".md", ".html"}))
    result = []
    for doc_id, item in sorted(found.items()):
        for event in item.events:
            hits = [row for row in rows if doc_id in row.sources and reports(event, row)]
            kind = KIND_TO_TYPE.get(hits[0].kind, hits[0].kind) if hits else ""
            result.append(Candidate("probe", doc_id, event, item.dct, item.document_hits, bool(hits),
                                    kind if kind in TYPES else ""))
    return result


def mixed_candidates(nlp, feed: Path) -> list[Candidate]:
    """Candidates of every `MIXED_EVERY`-th post of mixed/ outside both gold splits: all negative."""
    annotated = set(split_documents(feed, "test")) | set(split_documents(feed, "train"))
    paths = [path for path in sorted((feed / "mixed").glob("*.md"))
             if path.relative_to(feed).as_posix() not in annotated][::MIXED_EVERY]
    found = candidates_of(nlp, paths)
    return [Candidate("mixed", doc_id, event, item.dct, item.document_hits, False, "")
            for doc_id, item in sorted(found.items()) for event in item.events]


def collect(shared: Path) -> list[Candidate]:
    nlp, _ = build_pipeline()
    if "event_decision" in nlp.pipe_names:
        nlp.remove_pipe("event_decision")
    feed = shared / "corpora" / "news_feed_de"
    result = news_candidates(nlp, REPO_ROOT / "data" / "gold" / "news_feed_de" / "train", feed)
    result += timeline_gold_candidates(nlp, REPO_ROOT / "data" / "raw", shared / "gold" / "seeds" / "timeline.csv")
    for probe in sorted((REPO_ROOT / "tests" / "data").glob("probe*")):
        result += timeline_gold_candidates(nlp, probe, probe / "gold" / "timeline.csv")
    result += mixed_candidates(nlp, feed)
    return result


def is_dev(candidate: Candidate, dev_docs: set[tuple[str, str]]) -> bool:
    return (candidate.source, candidate.doc_id) in dev_docs


def dev_documents(candidates: list[Candidate]) -> set[tuple[str, str]]:
    docs = sorted({(c.source, c.doc_id) for c in candidates})
    by_source: dict[str, list[tuple[str, str]]] = {}
    for doc in docs:
        by_source.setdefault(doc[0], []).append(doc)
    return {doc for group in by_source.values() for doc in group[DEV_EVERY - 1::DEV_EVERY]}


def labels_of(candidate: Candidate) -> dict[str, float]:
    return {EVENT_LABEL: float(candidate.positive)}


def train_classifier(candidates: list[Candidate], epochs: int = EPOCHS, seed: int = SEED):
    spacy.util.fix_random_seed(seed)
    nlp = spacy.blank("de")
    nlp.add_pipe("textcat_multilabel", config={"model": {
        "@architectures": "spacy.TextCatBOW.v3", "exclusive_classes": False, "ngram_size": 2,
        "no_output_layer": False, "length": BOW_LENGTH}})
    lexicon = load_lexicon()
    examples = [Example.from_dict(nlp.make_doc(c.text(lexicon)), {"cats": labels_of(c)}) for c in candidates]
    nlp.initialize(lambda: examples)
    rng = random.Random(seed)
    for _ in range(epochs):
        rng.shuffle(examples)
        losses: dict[str, float] = {}
        for batch in minibatch(examples, size=16):
            nlp.update(batch, drop=0.1, losses=losses)
    return nlp


def best_threshold(nlp, dev: list[Candidate]) -> tuple[float, dict[str, float]]:
    lexicon = load_lexicon()
    scores = [doc.cats[EVENT_LABEL] for doc in nlp.pipe([c.text(lexicon) for c in dev])]
    best = (0.5, {"precision": 0.0, "recall": 0.0, "f1": 0.0})
    for step in range(5, 96, 5):
        threshold = step / 100
        tp = sum(1 for s, c in zip(scores, dev) if s >= threshold and c.positive)
        fp = sum(1 for s, c in zip(scores, dev) if s >= threshold and not c.positive)
        fn = sum(1 for s, c in zip(scores, dev) if s < threshold and c.positive)
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        if f1 > best[1]["f1"]:
            best = (threshold, {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f1, 3)})
    return best


def train_events(shared: Path, output: Path = DEFAULT_OUTPUT, cache: Path | None = None) -> str:
    """Run the recipe; returns a printable report. With `cache`, the candidates collected by a
    previous run are reused (delete the file after changing the rules)."""
    started = time.perf_counter()
    if cache is not None and cache.is_file():
        candidates = pickle.loads(cache.read_bytes())
    else:
        candidates = collect(shared)
        if cache is not None:
            cache.parent.mkdir(parents=True, exist_ok=True)
            cache.write_bytes(pickle.dumps(candidates))
    dev_docs = dev_documents(candidates)
    train = [c for c in candidates if not is_dev(c, dev_docs)]
    dev = [c for c in candidates if is_dev(c, dev_docs)]
    threshold, figures = best_threshold(train_classifier(train), dev)
    final = train_classifier(candidates)
    final.meta.update({"name": "event_decision", "version": "1.0.0", "threshold": threshold,
                       "description": "Decides which rule candidates are NATO–Ukraine timeline events "
                                      "(pipeline/training/events.py).",
                       "dev": figures, "candidates": dict(Counter(f"{c.source}_{'pos' if c.positive else 'neg'}"
                                                                 for c in candidates))})
    if output.exists():
        shutil.rmtree(output)
    final.to_disk(output)
    counts = Counter((c.source, c.positive) for c in candidates)
    lines = [f"candidates: " + ", ".join(f"{s} {'pos' if p else 'neg'} {n}" for (s, p), n in sorted(counts.items())),
             f"dev ({len(dev)} candidates of {len(dev_docs)} documents): threshold {threshold:.2f}, "
             f"precision {figures['precision']:.3f}, recall {figures['recall']:.3f}, F1 {figures['f1']:.3f}",
             f"model written to {output} in {time.perf_counter() - started:.0f} s"]
    return "\n".join(lines)
