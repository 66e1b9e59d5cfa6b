"""`pipeline evaluate dates`: temporal extraction and normalisation against WikiWarsDE and the seed gold.

WikiWarsDE (inline TIMEX2, narrative mode, the document's DATETIME as anchor): strict match (same
character offsets) and relaxed match (overlap) precision/recall/F1 for extraction, and value accuracy
(share of relaxed matches whose value equals the gold `val`). Seed gold (`gold/seeds/timex.csv`, news
mode, metadata date from `documents.csv`): each gold mention must be found (overlap with a system span)
with one of its `|`-separated values; inferred publication dates are compared with `true_date`.
"""
from __future__ import annotations

import csv
import html
import re
import time
from dataclasses import dataclass, field
from pathlib import Path

import spacy
from spacy.language import Language

from ..records import PubDate
from .scoring import precision_recall_f1

WIKIWARS = Path("corpora/wikiwarsde/WikiWarsDE_20110412/keyinline")
TIMEX2 = re.compile(r"<TIMEX2([^>]*)>(.*?)</TIMEX2>", re.S)
ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass
class GoldDoc:
    doc_id: str
    text: str
    dct: str
    spans: list[tuple[int, int, str]] = field(default_factory=list)  # start, end, val


def read_timex2(path: Path) -> GoldDoc:
    """Plain text and gold spans of one inline-TIMEX2 file (offsets into the tag-free TEXT part)."""
    raw = path.read_text(encoding="utf-8")
    dct_match = re.search(r"<DATETIME>.*?val=\"([^\"]+)\"", raw, re.S)
    dct = dct_match.group(1)[:10] if dct_match else ""
    body = raw.split("<TEXT>", 1)[1].split("</TEXT>", 1)[0]
    text, spans = strip_inline_tags(body, TIMEX2, "val")
    return GoldDoc(path.name.split(".")[0], text, dct, spans)


def strip_inline_tags(body: str, tag: re.Pattern, value_attr: str) -> tuple[str, list[tuple[int, int, str]]]:
    """Tag-free text of inline-annotated XML and (start, end, value) of each tagged span in it.

    `tag` matches one element with its attributes in group 1 and its text in group 2.
    """
    parts: list[str] = []
    spans = []
    pos, length = 0, 0
    for m in tag.finditer(body):
        before = html.unescape(body[pos:m.start()])
        parts.append(before)
        length += len(before)
        inner = html.unescape(m.group(2))
        attrs = dict(ATTR.findall(m.group(1)))
        spans.append((length, length + len(inner), attrs.get(value_attr, "")))
        parts.append(inner)
        length += len(inner)
        pos = m.end()
    parts.append(html.unescape(body[pos:]))
    return "".join(parts), spans


def load_wikiwars(shared: Path) -> list[GoldDoc]:
    folder = shared / WIKIWARS
    return [read_timex2(p) for p in sorted(folder.glob("*.key.xml"))]


def make_nlp(model: str | None, mode: str) -> Language:
    from ..nlp import ModelChoice, ensure_linguistic_basics, load_base, resolve_model
    from ..extractors import dates  # noqa: F401  (registers the factory)

    if model:
        nlp = load_base(resolve_model(model))
        keep = {"tok2vec", "tagger", "morphologizer", "parser", "senter", "lemmatizer", "attribute_ruler"}
        for name in list(nlp.pipe_names):
            if name not in keep:
                nlp.remove_pipe(name)
    else:
        nlp = spacy.blank("de")
    ensure_linguistic_basics(nlp)
    nlp.add_pipe("dates", config={"mode": mode})
    return nlp


@dataclass
class Scores:
    gold: int = 0
    pred: int = 0
    strict: int = 0
    relaxed: int = 0
    value_ok: int = 0
    tokens: int = 0
    seconds: float = 0.0

    @property
    def value_accuracy(self) -> float:
        return self.value_ok / self.relaxed if self.relaxed else 0.0

    def add(self, other: "Scores") -> None:
        for name in ("gold", "pred", "strict", "relaxed", "value_ok", "tokens"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.seconds += other.seconds


def score_spans(gold: list[tuple[int, int, str]], pred: list[tuple[int, int, str]]) -> tuple[Scores, list]:
    """Strict and relaxed (one-to-one, overlap) matches and value agreement on relaxed matches."""
    s = Scores(gold=len(gold), pred=len(pred))
    exact = {(g[0], g[1]) for g in gold}
    s.strict = sum(1 for p in pred if (p[0], p[1]) in exact)
    used: set[int] = set()
    errors = []
    for g in gold:
        best = None
        for i, p in enumerate(pred):
            if i in used or p[1] <= g[0] or p[0] >= g[1]:
                continue
            overlap = min(p[1], g[1]) - max(p[0], g[0])
            if best is None or overlap > best[0]:
                best = (overlap, i)
        if best is None:
            errors.append(("missed", g, None))
            continue
        used.add(best[1])
        s.relaxed += 1
        p = pred[best[1]]
        if p[2] == g[2]:
            s.value_ok += 1
        else:
            errors.append(("value", g, p))
    errors += [("spurious", None, p) for i, p in enumerate(pred) if i not in used]
    return s, errors


def run_wikiwars(shared: Path, model: str | None = None, errors_out: list | None = None) -> Scores:
    nlp = make_nlp(model, "narrative")
    total = Scores()
    for gold_doc in load_wikiwars(shared):
        doc = nlp.make_doc(gold_doc.text)
        doc._.dct = PubDate(gold_doc.dct, "day", "metadata")
        started = time.perf_counter()
        doc = nlp(doc)
        elapsed = time.perf_counter() - started
        pred = [(s.start_char, s.end_char, s._.timex.value) for s in doc.spans["dates"]]
        scores, errors = score_spans(gold_doc.spans, pred)
        scores.tokens, scores.seconds = len(doc), elapsed
        total.add(scores)
        if errors_out is not None:
            errors_out += [(gold_doc.doc_id, kind, g, p, gold_doc.text) for kind, g, p in errors]
    return total


def component_speed(shared: Path, repeats: int = 3) -> float:
    """Tokens per second of the `dates` component alone (tokenised docs with sentences and lemmas)."""
    nlp = make_nlp(None, "narrative")
    component = nlp.get_pipe("dates")
    docs = []
    for gold_doc in load_wikiwars(shared):
        doc = nlp.make_doc(gold_doc.text)
        doc._.dct = PubDate(gold_doc.dct, "day", "metadata")
        for name, proc in nlp.pipeline:
            if name != "dates":
                doc = proc(doc)
        docs.append(doc)
    tokens = sum(len(d) for d in docs)
    best = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        for doc in docs:
            component(doc)
        best = min(best, time.perf_counter() - started)
    return tokens / best


def seed_documents(shared: Path) -> dict[str, dict[str, str]]:
    with (shared / "gold/seeds/documents.csv").open(encoding="utf-8") as handle:
        return {row["doc_id"]: row for row in csv.DictReader(handle)}


def metadata_pubdate(value: str) -> PubDate:
    if not value:
        return PubDate()
    precision = {10: "day", 7: "month", 4: "year"}.get(len(value), "none")
    return PubDate(value, precision, "metadata")


def seed_text(path: Path) -> str:
    """The article text as the pipeline sees it (furniture blanked by the cleaning stage if available)."""
    try:
        from ..cleaning import clean_text
        from ..reading import read_document

        return clean_text(read_document(path))
    except Exception:  # noqa: BLE001 - the cleaning stage is optional for this evaluation
        text = path.read_text(encoding="utf-8")
        m = re.match(r"\A---\n.*?\n---\n", text, re.S)
        return (" " * m.end() + text[m.end():]) if m else text


def run_seeds(shared: Path, raw_dir: Path, model: str | None = None) -> tuple[list[str], int, int, int, int]:
    nlp = make_nlp(model, "news")
    documents = seed_documents(shared)
    with (shared / "gold/seeds/timex.csv").open(encoding="utf-8") as handle:
        gold_rows = list(csv.DictReader(handle))
    lines: list[str] = []
    req_ok = req_total = dct_ok = dct_total = 0
    docs = {}
    for doc_id, row in documents.items():
        path = raw_dir / f"{doc_id}.txt"
        if not path.exists():
            continue
        doc = nlp.make_doc(seed_text(path))
        doc._.dct = metadata_pubdate(row["metadata_date"])
        docs[doc_id] = nlp(doc)
        if row["metadata_date"] != row["true_date"]:
            dct_total += 1
            got = docs[doc_id]._.dct
            ok = got.value == row["true_date"] and got.method == "inferred"
            dct_ok += ok
            lines.append(f"  DCT {doc_id}: {got.value or '-'} ({got.method}) gold {row['true_date']} "
                         f"{'ok' if ok else 'WRONG'}")
    for row in gold_rows:
        doc = docs.get(row["doc_id"])
        if doc is None:
            continue
        accepted = set(row["value"].split("|"))
        found = find_mention(doc, row["mention"])
        got = found._.timex.value if found is not None else "-"
        ok = got in accepted
        if row["required"] == "1":
            req_total += 1
            req_ok += ok
        mark = "ok" if ok else ("MISSING" if found is None else "WRONG")
        lines.append(f"  {row['doc_id'][:3]} req={row['required']} {row['mention']!r:38} gold={row['value']:28} "
                     f"got={got:22} {mark}")
    return lines, req_ok, req_total, dct_ok, dct_total


def find_mention(doc, mention: str):
    """The system span overlapping the first occurrence of `mention` (word-bounded) in the text."""
    for m in re.finditer(r"(?<!\w)" + re.escape(mention) + r"(?!\w)", doc.text):
        for span in doc.spans["dates"]:
            if span.start_char < m.end() and m.start() < span.end_char:
                return span
    return None


def format_scores(name: str, s: Scores) -> list[str]:
    sp, sr, sf = precision_recall_f1(s.strict, s.pred, s.gold)
    rp, rr, rf = precision_recall_f1(s.relaxed, s.pred, s.gold)
    return [
        f"{name}: gold {s.gold}, system {s.pred}",
        f"  strict   P {sp:.3f}  R {sr:.3f}  F1 {sf:.3f}",
        f"  relaxed  P {rp:.3f}  R {rr:.3f}  F1 {rf:.3f}",
        f"  value accuracy (on relaxed matches) {s.value_accuracy:.3f}",
    ]


def run(shared: Path, model: str | None = None) -> str:
    lines: list[str] = []
    raw_dir = Path(__file__).resolve().parents[2] / "data" / "raw"
    if (shared / WIKIWARS).is_dir():
        lines += format_scores("WikiWarsDE (narrative mode)", run_wikiwars(shared, model))
        lines.append(f"  dates component speed: {component_speed(shared):,.0f} tokens/s")
    else:
        lines.append(f"WikiWarsDE not found under {shared / WIKIWARS}")
    if (shared / "gold/seeds/timex.csv").exists() and raw_dir.is_dir():
        seed_lines, req_ok, req_total, dct_ok, dct_total = run_seeds(shared, raw_dir, model)
        lines.append(f"Seed gold (news mode): required {req_ok}/{req_total}, inferred DCT {dct_ok}/{dct_total}")
        lines += seed_lines
    return "\n".join(lines)


if __name__ == "__main__":  # pragma: no cover
    import sys

    print(run(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("../shared")))
