"""`pipeline evaluate entities`: persons and countries against the seed gold, PER/LOC spans on GermEval dev.

(a) Seeds (`shared/gold/seeds/persons.csv`, `countries.csv`): per document, the set of canonical person names
    (after the run-wide `canonicalize_across_documents`, as the export does) and the set of iso3 codes are
    compared with the gold; rows with required=0 are neither required nor counted as errors.
(b) GermEval 2014 dev (`shared/corpora/germeval2014_ner/NER-de-dev.tsv`, outer labels, span-exact): PER and LOC
    for the model alone (`doc.ents`) and for model + rules (PER = `doc.spans["persons"]`; LOC = the model's
    LOC spans plus country names and capitals from `doc.spans["countries"]`; ORG likewise with
    `doc.spans["organizations"]`), side by side.
"""
from __future__ import annotations

import csv
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from ..cleaning import clean_text
from ..extractors.persons import canonicalize_across_documents
from ..nlp import ModelError, build_pipeline, ensure_linguistic_basics, resolve_model
from ..reading import read_document
from .scoring import Counts, precision_recall_f1

REPO_ROOT = Path(__file__).resolve().parents[2]
RAW_DIR = REPO_ROOT / "data" / "raw"
ENTITY_COMPONENTS = ("organizations", "countries", "persons")
GERMEVAL_DEV = Path("corpora") / "germeval2014_ner" / "NER-de-dev.tsv"


@dataclass
class SetScore(Counts):
    """Counts of a set comparison summed over documents."""

    lines: list[str] = field(default_factory=list)

    def add(self, doc_id: str, predicted: set[str], required: set[str], optional: set[str]) -> None:
        found = predicted & required
        missing = required - predicted
        extra = predicted - required - optional
        self.tp += len(found)
        self.fn += len(missing)
        self.fp += len(extra)
        detail = f"  {doc_id}: {len(found)}/{len(required)} required"
        if missing:
            detail += f"; missing {sorted(missing)}"
        if extra:
            detail += f"; extra {sorted(extra)}"
        self.lines.append(detail)


def read_gold(path: Path, value_column: str) -> dict[str, tuple[set[str], set[str]]]:
    """doc_id → (required values, optional values) from a seed gold CSV."""
    gold: dict[str, tuple[set[str], set[str]]] = defaultdict(lambda: (set(), set()))
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            required, optional = gold[row["doc_id"]]
            (required if row["required"].strip() == "1" else optional).add(row[value_column].strip())
    return dict(gold)


def rules_pipeline(model: str | None) -> tuple[Language, str]:
    """The product pipeline (model + rules); without a loadable model, a blank German one with the rules."""
    try:
        nlp, choice = build_pipeline(model)
        return nlp, f"{choice.name} + rules"
    except ModelError as exc:
        return rules_only_pipeline(), f"rules only (no model: {exc})"


def rules_only_pipeline() -> Language:
    """A blank German pipeline with the entity components and no statistical NER: the rules alone."""
    nlp = spacy.blank("de")
    ensure_linguistic_basics(nlp)
    for name in ENTITY_COMPONENTS:
        nlp.add_pipe(name)
    return nlp


def only_entity_stages(nlp: Language):
    """Context manager disabling the stages after the entity extractors (money, dates, events)."""
    disable = [name for name in nlp.pipe_names if name in ("money", "dates", "events")]
    return nlp.select_pipes(disable=disable)


def evaluate_seeds(nlp: Language, shared: Path, raw_dir: Path = RAW_DIR) -> tuple[SetScore, SetScore]:
    persons_gold = read_gold(shared / "gold" / "seeds" / "persons.csv", "name")
    countries_gold = read_gold(shared / "gold" / "seeds" / "countries.csv", "iso3")
    doc_ids = sorted(set(persons_gold) | set(countries_gold))
    docs: dict[str, Doc] = {}
    with only_entity_stages(nlp):
        for doc_id in doc_ids:
            path = raw_dir / f"{doc_id}.txt"
            if not path.exists():
                continue
            document = read_document(path)
            doc = nlp.make_doc(clean_text(document))
            doc._.doc_id = doc_id
            docs[doc_id] = nlp(doc)
    names = [span._.person.name for doc in docs.values() for span in doc.spans["persons"]]
    canonical = canonicalize_across_documents(names)
    persons, countries = SetScore(), SetScore()
    for doc_id, doc in docs.items():
        predicted = {canonical.get(span._.person.name, span._.person.name) for span in doc.spans["persons"]}
        persons.add(doc_id, predicted, *persons_gold.get(doc_id, (set(), set())))
        codes = {span._.country.iso3 for span in doc.spans["countries"]}
        countries.add(doc_id, codes, *countries_gold.get(doc_id, (set(), set())))
    return persons, countries


# ---- GermEval -----------------------------------------------------------------------------------------

def label_scores(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    return precision_recall_f1(tp, tp + fp, tp + fn)


def rule_spans(doc: Doc) -> dict[str, set[tuple[int, int]]]:
    """PER/LOC/ORG spans of model + rules for one doc."""
    spans = {label: {(e.start, e.end) for e in doc.ents if e.label_ == label} for label in ("LOC", "ORG")}
    spans["PER"] = {(s.start, s.end) for s in doc.spans.get("persons", [])}
    person_tokens = {i for start, end in spans["PER"] for i in range(start, end)}
    spans["LOC"] = {span for span in spans["LOC"] if not person_tokens & set(range(*span))}
    spans["LOC"] |= {(s.start, s.end) for s in doc.spans.get("countries", [])
                     if s._.country.kind in ("name", "capital")}
    spans["ORG"] |= {(s.start, s.end) for s in doc.spans.get("organizations", [])
                     if s._.org.kind == "name"}  # GermEval tags no compound (ORGpart)
    # a span is one label: the more specific rule wins over an overlapping model span
    for label, other in (("ORG", "PER"), ("ORG", "LOC"), ("LOC", "PER")):
        taken = {i for start, end in spans[other] for i in range(start, end)}
        spans[label] = {span for span in spans[label] if not taken & set(range(*span))}
    return spans


def model_spans(doc: Doc) -> dict[str, set[tuple[int, int]]]:
    return {label: {(e.start, e.end) for e in doc.ents if e.label_ == label} for label in ("PER", "LOC", "ORG")}


def evaluate_germeval(shared: Path, model: str | None, nlp_rules: Language) -> list[str]:
    from ..training import germeval

    path = shared / GERMEVAL_DEV
    if not path.exists():
        return [f"GermEval dev not found at {path}: skipped"]
    choice = resolve_model(model)
    try:
        nlp_model = spacy.load(choice.location)
    except (OSError, ValueError, KeyError) as exc:
        nlp_model = None
        model_note = f"model alone: not available ({str(exc).splitlines()[0][:120]})"
    gold_docs = germeval.read_docs(path, nlp_rules.vocab)
    gold = [{label: {(e.start, e.end) for e in g.ents if e.label_ == label} for label in ("PER", "LOC", "ORG")}
            for g in gold_docs]

    def inputs(vocab):
        return (Doc(vocab, words=[t.text for t in g], spaces=[bool(t.whitespace_) for t in g]) for g in gold_docs)

    results: dict[str, dict[str, list[int]]] = {}
    timings: dict[str, float] = {}
    systems = []
    if nlp_model is not None:
        systems.append(("model alone", nlp_model, model_spans))
    systems.append(("model + rules" if nlp_model is not None else "rules only", nlp_rules, rule_spans))
    for name, nlp, extract in systems:
        counts = {label: [0, 0, 0] for label in ("PER", "LOC", "ORG")}
        started = time.perf_counter()
        context = only_entity_stages(nlp) if nlp is nlp_rules else nlp.select_pipes(disable=[])
        with context:
            for g, doc in zip(gold, nlp.pipe(inputs(nlp.vocab), batch_size=128)):
                predicted = extract(doc)
                for label, c in counts.items():
                    c[0] += len(predicted[label] & g[label])
                    c[1] += len(predicted[label] - g[label])
                    c[2] += len(g[label] - predicted[label])
        timings[name] = time.perf_counter() - started
        results[name] = counts
    lines = [f"GermEval 2014 dev ({len(gold_docs)} sentences, outer labels, span-exact; "
             f"model {choice.name}):"]
    if nlp_model is None:
        lines.append("  " + model_note)
    header = f"  {'label':5} " + "  ".join(f"{name:>24}" for name in results)
    lines.append(header)
    lines.append(f"  {'':5} " + "  ".join(f"{'P     R     F1':>24}" for _ in results))
    for label in ("PER", "LOC", "ORG"):
        cells = []
        for name in results:
            p, r, f = label_scores(*results[name][label])
            cells.append(f"{p:.3f} {r:.3f} {f:.3f}".rjust(24))
        lines.append(f"  {label:5} " + "  ".join(cells))
    if len(results) == 2:
        names = list(results)
        delta = label_scores(*results[names[1]]["PER"])[2] - label_scores(*results[names[0]]["PER"])[2]
        lines.append(f"  PER F1 gain of rules: {delta:+.3f}")
    lines.append("  time: " + ", ".join(f"{name} {seconds:.1f} s" for name, seconds in timings.items()))
    return lines


def run(shared: Path, model: str | None = None) -> str:
    """The printable entities report (seeds, then GermEval dev)."""
    shared = Path(shared)
    nlp, label = rules_pipeline(model)
    lines = [f"Entities evaluation — pipeline: {label}", ""]
    persons, countries = evaluate_seeds(nlp, shared)
    for title, score in (("persons (canonical names)", persons), ("countries (iso3)", countries)):
        lines.append(f"Seeds, {title}: precision {score.precision:.3f} ({score.tp}/{score.tp + score.fp}), "
                     f"recall {score.recall:.3f} ({score.tp}/{score.tp + score.fn})")
        lines.extend(score.lines)
    lines.append("")
    lines.extend(evaluate_germeval(shared, model, nlp))
    return "\n".join(lines)
