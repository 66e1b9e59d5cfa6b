"""Train and evaluate the embedded German NER pipeline (tok2vec + ner) on GermEval 2014.

Recipe: the GermEval *train* split is not available, so the model is trained on `NER-de-test.tsv`.
Every 10th sentence of it is held out to choose the best checkpoint (spaCy's "dev" corpus), and
`NER-de-dev.tsv` is used only for the final, untouched evaluation reported by `train_ner`.

    from pathlib import Path
    from pipeline.training.train import train_ner
    train_ner(Path("../shared/corpora/germeval2014_ner"), Path("pipeline/models/de_pipeline_ner"))
"""
from __future__ import annotations

import json
import shutil
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, TextIO

import spacy
from spacy.language import Language
from spacy.schemas import ConfigSchemaTraining
from spacy.tokens import Doc
from spacy.training.initialize import init_nlp
from spacy.training.loop import (
    create_evaluation_callback,
    create_train_batches,
    train_while_improving,
    update_meta,
)
from spacy.util import load_config, registry, resolve_dot_names

from ..evaluation.scoring import precision_recall_f1
from . import germeval

CONFIG_PATH = Path(__file__).with_name("ner.cfg")
REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_WORK_DIR = REPO_ROOT / "training_output"
HOLDOUT_EVERY = 10  # every 10th training sentence picks the checkpoint

MODEL_NAME = "pipeline_ner"
MODEL_VERSION = "1.0.0"
MODEL_DESCRIPTION = (
    "Small German NER pipeline (tok2vec CNN without pretrained vectors + ner; labels PER, LOC, ORG, "
    "MISC) embedded in the `pipeline` product as the fallback when no de_core_news_* package is "
    "installed. Trained on the GermEval 2014 NER test split; deriv/part variants are not entities. "
    "See pipeline/models/MODEL_CARD.md."
)
MODEL_LICENSE = "CC BY 4.0 (training data: GermEval 2014 NER / NoSta-D)"
MODEL_SOURCES = [
    {
        "name": "GermEval 2014 NER (NoSta-D)",
        "url": "https://sites.google.com/site/germeval2014ner/data",
        "license": "CC BY 4.0",
        "author": "D. Benikova, C. Biemann, M. Reznicek. NoSta-D Named Entity Annotation for German: "
        "Guidelines and Dataset. Proceedings of LREC 2014, Reykjavik, Iceland, pp. 2524-2531.",
    }
]


@dataclass(frozen=True)
class CorpusFiles:
    """Paths of the converted DocBins: training part, checkpoint-selection hold-out, GermEval dev."""

    train: Path
    holdout: Path
    dev: Path


def convert_corpus(corpus_dir: Path, work_dir: Path) -> CorpusFiles:
    """Convert GermEval test (→ train + hold-out) and dev TSVs to DocBins under `work_dir/corpus`."""
    target = Path(work_dir) / "corpus"
    docs = germeval.read_docs(Path(corpus_dir) / germeval.TRAIN_FILE)
    files = CorpusFiles(target / "train.spacy", target / "holdout.spacy", target / "dev.spacy")
    germeval.write_docbin(
        (d for i, d in enumerate(docs) if i % HOLDOUT_EVERY != HOLDOUT_EVERY - 1), files.train
    )
    germeval.write_docbin(docs[HOLDOUT_EVERY - 1 :: HOLDOUT_EVERY], files.holdout)
    germeval.write_docbin(germeval.read_docs(Path(corpus_dir) / germeval.DEV_FILE), files.dev)
    return files


def init_pipeline(files: CorpusFiles, seed: int, config_path: Path = CONFIG_PATH) -> Language:
    """Create and initialise the untrained pipeline from `ner.cfg` with the corpus paths filled in."""
    overrides = {"paths.train": str(files.train), "paths.dev": str(files.holdout), "system.seed": seed}
    config = load_config(config_path, overrides=overrides, interpolate=False)
    return init_nlp(config, use_gpu=-1)


def run_training(
    nlp: Language, best_dir: Path, *, max_minutes: float | None, log: TextIO = sys.stdout
) -> dict:
    """Train `nlp` with spaCy's training loop, saving the best checkpoint (by hold-out F) to `best_dir`.

    Stops at the config's `max_steps`/`patience`, or after `max_minutes`. Returns the hold-out
    scores of the best checkpoint.
    """
    config = nlp.config.interpolate()
    T = registry.resolve(config["training"], schema=ConfigSchemaTraining)
    train_corpus, dev_corpus = resolve_dot_names(config, [T["train_corpus"], T["dev_corpus"]])
    optimizer = T["optimizer"]
    steps = train_while_improving(
        nlp,
        optimizer,
        create_train_batches(nlp, train_corpus, T["batcher"], T["max_epochs"]),
        create_evaluation_callback(nlp, dev_corpus, T["score_weights"]),
        dropout=T["dropout"],
        accumulate_gradient=T["accumulate_gradient"],
        patience=T["patience"],
        max_steps=T["max_steps"],
        eval_frequency=T["eval_frequency"],
        exclude=T["frozen_components"],
        annotating_components=T["annotating_components"],
        before_update=T["before_update"],
    )
    start, best = time.monotonic(), {"score": -1.0}
    for _batch, info, is_best in steps:
        minutes = (time.monotonic() - start) / 60
        if is_best is not None:
            ents = info["other_scores"]
            log.write(
                f"epoch {info['epoch']:3d} step {info['step']:5d} {minutes:5.1f} min  "
                f"loss {info['losses'].get('ner', 0.0):9.1f}  hold-out P {ents['ents_p']:.3f} "
                f"R {ents['ents_r']:.3f} F {ents['ents_f']:.3f}{'  *' if is_best else ''}\n"
            )
            log.flush()
            if is_best:
                update_meta(T, nlp, info)
                with nlp.use_params(optimizer.averages):
                    if best_dir.exists():
                        shutil.rmtree(best_dir)
                    nlp.to_disk(best_dir)
                best = {"score": info["score"], "step": info["step"], "epoch": info["epoch"],
                        "minutes": round(minutes, 2), **{k: ents[k] for k in ("ents_p", "ents_r", "ents_f")}}
        if max_minutes is not None and minutes >= max_minutes:
            log.write(f"time limit of {max_minutes} min reached at step {info['step']}\n")
            break
    if not best_dir.exists():  # time ran out before the first evaluation
        with nlp.use_params(optimizer.averages):
            nlp.to_disk(best_dir)
    return best


def set_model_meta(nlp: Language, dev_scores: dict, training: dict) -> None:
    """Name, version, description, licence/attribution and measured scores in `nlp.meta`."""
    nlp.meta.update(
        name=MODEL_NAME,
        version=MODEL_VERSION,
        description=MODEL_DESCRIPTION,
        license=MODEL_LICENSE,
        author="pipeline project",
        sources=MODEL_SOURCES,
    )
    nlp.meta["germeval2014_dev"] = dev_scores
    nlp.meta["training"] = training


def replace_dir(source_nlp: Language, output_dir: Path) -> None:
    """Write the pipeline to `output_dir`, replacing an earlier pipeline there (never other folders)."""
    output_dir = Path(output_dir)
    if output_dir.exists() and any(output_dir.iterdir()) and not (output_dir / "config.cfg").exists():
        raise FileExistsError(f"{output_dir} exists and is not a spaCy pipeline; not overwriting it")
    staging = output_dir.with_name(output_dir.name + ".tmp")
    if staging.exists():
        shutil.rmtree(staging)
    source_nlp.to_disk(staging)
    if output_dir.exists():
        shutil.rmtree(output_dir)
    staging.rename(output_dir)


def directory_megabytes(path: Path) -> float:
    """Total size of the files below `path` in MB (10^6 bytes)."""
    return round(sum(f.stat().st_size for f in Path(path).rglob("*") if f.is_file()) / 1e6, 2)


def train_ner(
    corpus_dir: Path,
    output_dir: Path,
    *,
    max_minutes: float | None = None,
    seed: int = 0,
    work_dir: Path = DEFAULT_WORK_DIR,
    config_path: Path = CONFIG_PATH,
) -> dict:
    """Convert GermEval, train tok2vec+ner, write the best pipeline to `output_dir`, return dev scores.

    The returned dict is `evaluate_ner` on GermEval dev plus a `training` entry (steps, minutes,
    hold-out scores of the chosen checkpoint, model size). Scratch files go to `work_dir`.
    """
    started = time.monotonic()
    files = convert_corpus(corpus_dir, work_dir)
    nlp = init_pipeline(files, seed, config_path)
    best = run_training(nlp, Path(work_dir) / "model-best", max_minutes=max_minutes)
    # evaluate on a separate copy so that dev-set strings do not end up in the saved vocab
    dev_scores = evaluate_ner(Path(work_dir) / "model-best", Path(corpus_dir) / germeval.DEV_FILE)
    trained = spacy.load(Path(work_dir) / "model-best")
    training = {
        "train_file": germeval.TRAIN_FILE,
        "holdout": f"every {HOLDOUT_EVERY}th sentence of the train file",
        "seed": seed,
        "best_checkpoint": best,
        "wall_minutes": round((time.monotonic() - started) / 60, 2),
    }
    set_model_meta(trained, dev_scores, training)
    replace_dir(trained, output_dir)
    training["model_megabytes"] = directory_megabytes(output_dir)
    return {**dev_scores, "training": training}


def prf(tp: int, fp: int, fn: int) -> dict:
    """Precision, recall and F1 with the raw counts."""
    p, r, f = precision_recall_f1(tp, tp + fp, tp + fn)
    return {"p": round(p, 4), "r": round(r, 4), "f": round(f, 4), "tp": tp, "fp": fp, "fn": fn}


def span_set(doc: Doc) -> set[tuple[int, int, str]]:
    """The entities of `doc` as (start token, end token, label) triples."""
    return {(e.start, e.end, e.label_) for e in doc.ents}


def score_spans(pairs: Iterable[tuple[Doc, Doc]]) -> dict:
    """Span-exact P/R/F1 overall (micro) and per label over (gold, predicted) doc pairs."""
    counts: dict[str, list[int]] = {}
    for gold, pred in pairs:
        gold_spans, pred_spans = span_set(gold), span_set(pred)
        for label in {s[2] for s in gold_spans | pred_spans}:
            c = counts.setdefault(label, [0, 0, 0])
            g = {s for s in gold_spans if s[2] == label}
            p = {s for s in pred_spans if s[2] == label}
            c[0] += len(g & p)
            c[1] += len(p - g)
            c[2] += len(g - p)
    total = [sum(c[i] for c in counts.values()) for i in range(3)]
    return {"overall": prf(*total), "per_label": {k: prf(*counts[k]) for k in sorted(counts)}}


def evaluate_pipeline(nlp: Language, dev_file: Path) -> dict:
    """Score a loaded pipeline on a GermEval file using GermEval's own tokenisation (outer labels)."""
    gold_docs = germeval.read_docs(Path(dev_file), nlp.vocab)
    inputs = (Doc(nlp.vocab, words=[t.text for t in g], spaces=[bool(t.whitespace_) for t in g])
              for g in gold_docs)
    predicted = list(nlp.pipe(inputs, batch_size=256))
    scores = score_spans(zip(gold_docs, predicted))
    scores["sentences"] = len(gold_docs)
    scores["file"] = Path(dev_file).name
    return scores


def evaluate_ner(model_path: Path | str, dev_file: Path | str) -> dict:
    """Load the pipeline at `model_path` and score it span-exactly on a GermEval file (outer labels).

    Returns `{"overall": {p, r, f, tp, fp, fn}, "per_label": {label: {...}}, "sentences": n, "file": name}`.
    """
    return evaluate_pipeline(spacy.load(model_path), Path(dev_file))


def format_scores(scores: dict) -> str:
    """A small table of per-label and overall P/R/F1 for logs and the model card."""
    rows = ["| label | P | R | F1 | gold |", "|---|---|---|---|---|"]
    for label, s in [*scores["per_label"].items(), ("overall", scores["overall"])]:
        rows.append(f"| {label} | {s['p']:.3f} | {s['r']:.3f} | {s['f']:.3f} | {s['tp'] + s['fn']} |")
    return "\n".join(rows)


if __name__ == "__main__":  # python -m pipeline.training.train CORPUS_DIR OUTPUT_DIR [MAX_MINUTES]
    result = train_ner(Path(sys.argv[1]), Path(sys.argv[2]),
                       max_minutes=float(sys.argv[3]) if len(sys.argv) > 3 else None)
    print(format_scores(result))
    print(json.dumps(result["training"], indent=2))
