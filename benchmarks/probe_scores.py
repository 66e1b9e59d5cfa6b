"""Score a pipeline run on the synthetic probe articles (tests/data/probe) against tests/data/probe/gold.

Usage (from the repository root):
    .venv/bin/pipeline run tests/data/probe --out /tmp/probe_out
    .venv/bin/python benchmarks/probe_scores.py /tmp/probe_out
    .venv/bin/pipeline run tests/data/probe2 --out /tmp/probe2_out
    PROBE_GOLD=tests/data/probe2/gold .venv/bin/python benchmarks/probe_scores.py /tmp/probe2_out
Prints per-extractor details and a summary (documents, persons, countries, organisations, money, dates,
events, timeline). The probe set is for development diagnosis, not a test: see tests/data/probe/gold/README.md.
"""
import csv, os, sys, unicodedata, re, pathlib, collections
REPO = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
from pipeline.events.intervals import parse_value, from_bounds, PRECISION_RANK

OUT = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/probe_out")
GOLD = pathlib.Path(os.environ.get("PROBE_GOLD") or REPO / "tests" / "data" / "probe" / "gold").resolve(); PROBE = pathlib.Path(sys.argv[2]) if len(sys.argv) > 2 else GOLD.parent
def rd(p): 
    with open(p, encoding="utf-8", newline="") as f: return list(csv.DictReader(f))
def norm(s):
    s = unicodedata.normalize("NFKD", s); s = "".join(c for c in s if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", s.replace("’", "'")).strip().lower()
texts = {p.stem: p.read_text(encoding="utf-8") for p in PROBE.iterdir() if p.is_file() and p.suffix in (".txt", ".md", ".html")}
def sent_at(doc, start, end):
    t = texts[doc]; a = max(t.rfind("\n", 0, start), t.rfind(". ", 0, start) + 1); b = t.find("\n", end)
    return re.sub(r"\s+", " ", t[a + 1 if a >= 0 else 0: b if b > 0 else len(t)]).strip()[:300]
def pr(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0; r = tp / (tp + fn) if tp + fn else 0
    return f"P {p:.2f} ({tp}/{tp+fp})  R {r:.2f} ({tp}/{tp+fn})"
SUMMARY = {}
# ---------- documents
print("=== DOCUMENTS")
pred = {r["doc_id"]: r for r in rd(OUT / "documents.csv")}
ok = 0
for g in rd(GOLD / "documents.csv"):
    p = pred[g["doc_id"]]; good = p["published"] == g["true_date"]; ok += good; NDOC = len(rd(GOLD / "documents.csv"))
    print(f"{'OK ' if good else 'BAD'} {g['doc_id']}: published={p['published']!r} ({p['published_precision']},{p['published_method']}) gold={g['true_date']} | title={p['title']!r} gold_title={g['title']!r}")
SUMMARY["documents"] = f"published correct {ok}/{NDOC}; titles correct {sum(any(norm(pred[g['doc_id']]['title']).startswith(norm(a)[:30]) for a in g['title'].split('|')) for g in rd(GOLD/'documents.csv'))}/{NDOC}"
# ---------- persons
print("\n=== PERSONS")
gold = collections.defaultdict(list)
for g in rd(GOLD / "persons.csv"):
    keys = {norm(g["name"])} | {norm(a) for a in g["aliases"].split("|") if a and "(" not in a}
    gold[g["doc_id"]].append((g, keys))
prows = rd(OUT / "persons.csv")
names_by_doc = collections.defaultdict(lambda: collections.defaultdict(list))
for r in prows: names_by_doc[r["doc_id"]][r["name"]].append(r)
tp = fp = fn = 0
for doc in sorted(texts):
    found = set()
    for name, rows in names_by_doc[doc].items():
        hit = [g for g, k in gold[doc] if norm(name) in k or any(norm(m["mention"]) in k for m in rows)]
        if hit:
            for g in hit: found.add(g["name"])
            if hit[0]["required"] == "1" and norm(name) != norm(hit[0]["name"]):
                print(f"  NAME-VARIANT {doc}: canonical {name!r} for gold {hit[0]['name']!r} (mentions {sorted({m['mention'] for m in rows})})")
            if hit[0]["required"] == "1": tp += 1
        else:
            fp += 1
            m = rows[0]; print(f"  FP {doc}: name={name!r} mentions={sorted({x['mention'] for x in rows})} role={m['role']!r} :: {sent_at(doc,int(m['start']),int(m['end']))}")
    for g, k in gold[doc]:
        if g["required"] == "1" and g["name"] not in found:
            fn += 1; print(f"  FN {doc}: {g['name']}")
SUMMARY["persons"] = pr(tp, fp, fn)
# canonical consistency across run
allnames = collections.defaultdict(set)
for r in prows:
    if r["name"]: allnames[r["name"].split()[-1].lower()].add(r["name"])
for k, v in allnames.items():
    if len(v) > 1: print(f"  INCONSISTENT canonical across run: {sorted(v)}")
print("  empty-name rows:", [(r["doc_id"], r["mention"]) for r in prows if not r["name"]])
# ---------- countries
print("\n=== COUNTRIES")
gold = collections.defaultdict(dict)
for g in rd(GOLD / "countries.csv"): gold[g["doc_id"]][g["iso3"]] = g
crows = rd(OUT / "countries.csv")
by = collections.defaultdict(lambda: collections.defaultdict(list))
for r in crows: by[r["doc_id"]][r["iso3"]].append(r)
tp = fp = fn = 0; ev_tot = ev_hit = 0
for doc in sorted(texts):
    for iso, rows in by[doc].items():
        if iso in gold[doc]:
            tp += gold[doc][iso]["required"] == "1"
        else:
            fp += 1; print(f"  FP {doc}: {iso} from {sorted({(x['mention'], x['kind']) for x in rows})} :: {sent_at(doc,int(rows[0]['start']),int(rows[0]['end']))}")
    for iso, g in gold[doc].items():
        if g["required"] == "1" and iso not in by[doc]:
            fn += 1; print(f"  FN {doc}: {iso} (evidence {g['evidence']})")
        if g["required"] == "1":
            mentions = {norm(x["mention"]) for x in by[doc].get(iso, [])}
            for e in g["evidence"].split(";"):
                e = re.sub(r"\(.*?\)", "", e).strip()
                if not e: continue
                ev_tot += 1
                if norm(e) in mentions: ev_hit += 1
                else:
                    wrong = [(x["mention"], x["iso3"]) for x in crows if x["doc_id"] == doc and norm(x["mention"]) == norm(e)]
                    print(f"  mention-miss {doc}: {e!r} -> {iso}" + (f" (tagged as {wrong})" if wrong else ""))
SUMMARY["countries"] = pr(tp, fp, fn) + f"; evidence mentions found {ev_hit}/{ev_tot}"
# ---------- organizations
print("\n=== ORGANIZATIONS")
gold = collections.defaultdict(list)
for g in rd(GOLD / "organizations.csv"):
    keys = {norm(g["name"])} | {norm(a) for a in re.split(r"[;|]", g["aliases"]) if a}
    gold[g["doc_id"]].append((g, keys))
orows = rd(OUT / "organizations.csv")
by = collections.defaultdict(lambda: collections.defaultdict(list))
for r in orows: by[r["doc_id"]][r["name"]].append(r)
tp = fp = fn = 0
for doc in sorted(texts):
    found = set()
    for name, rows in by[doc].items():
        hit = [g for g, k in gold[doc] if norm(name) in k or any(norm(m["mention"]) in k for m in rows) or any(norm(g["name"]) in norm(m["mention"]) for m in rows)]
        if hit:
            for g in hit: found.add(g["name"])
            tp += hit[0]["required"] == "1"
        else:
            fp += 1; print(f"  FP {doc}: {name!r} from {sorted({(x['mention'], x['kind']) for x in rows})} :: {sent_at(doc,int(rows[0]['start']),int(rows[0]['end']))}")
    for g, k in gold[doc]:
        if g["required"] == "1" and g["name"] not in found:
            fn += 1; print(f"  FN {doc}: {g['name']} ({g['aliases']})")
SUMMARY["organizations"] = pr(tp, fp, fn)
# ---------- money
print("\n=== MONEY")
mrows = rd(OUT / "money.csv"); gold = collections.defaultdict(list)
for g in rd(GOLD / "money.csv"): gold[g["doc_id"]].append(g)
tp = fp = fn = 0; approx_bad = 0
for doc in sorted(texts):
    preds = [r for r in mrows if r["doc_id"] == doc]; used = set()
    for g in gold[doc]:
        m = next((i for i, r in enumerate(preds) if i not in used and float(r["amount"]) == float(g["amount"]) and r["currency"] == g["currency"]), None)
        if m is None:
            if g["required"] == "1":
                fn += 1
                near = [(r["mention"], r["amount"], r["currency"]) for r in preds if norm(g["mention"].split(" (")[0])[:8] in norm(r["mention"]) or norm(r["mention"]) in norm(g["mention"])]
                print(f"  FN {doc}: {g['mention']!r} = {g['amount']} {g['currency']}; produced: {near or 'nothing'}")
        else:
            used.add(m); r = preds[m]; tp += g["required"] == "1"
            if (r["approx"] == "true") != (g["approx"] == "1"):
                approx_bad += 1; print(f"  APPROX {doc}: {r['mention']!r} approx={r['approx']} gold={g['approx']}")
            print(f"  ok {doc}: {r['mention']!r} {r['amount']} {r['currency']} approx={r['approx']} qual={r['qualifier']!r} eq={r['equivalent_of']!r}")
    for i, r in enumerate(preds):
        if i not in used:
            fp += 1; print(f"  FP {doc}: {r['mention']!r} = {r['amount']} {r['currency']} :: {sent_at(doc,int(r['start']),int(r['end']))}")
SUMMARY["money"] = pr(tp, fp, fn) + f"; wrong approx flags {approx_bad}"
# ---------- dates
print("\n=== DATES")
drows = rd(OUT / "dates.csv"); gold = collections.defaultdict(list)
for g in rd(GOLD / "timex.csv"): gold[g["doc_id"]].append(g)
tp = fp = fn = 0; wrongv = 0; spans_found = 0; req = 0
for doc in sorted(texts):
    t = texts[doc]; pos = 0; spans = []
    if t.lstrip().lower().startswith("<!doctype") or t.lstrip().startswith("<html"): pos = t.find("<body")
    for g in gold[doc]:
        i = t.find(g["mention"], pos)
        if i < 0: i = t.find(g["mention"])
        if i < 0: print("  !! gold mention not found", doc, g["mention"]); continue
        spans.append((i, i + len(g["mention"]), g)); pos = i + len(g["mention"])
    preds = [r for r in drows if r["doc_id"] == doc]; matched = set()
    for a, b, g in spans:
        hits = [r for r in preds if int(r["start"]) < b and a < int(r["end"])]
        for r in hits: matched.add(id(r))
        vals = [v for v in g["value"].split("|") if v]
        good = [r for r in hits if r["value"] in vals or (r["value"].split("T")[0] in vals and r["type"] in ("DATE", "TIME"))]
        if g["required"] == "1":
            req += 1; spans_found += bool(hits)
            if good: tp += 1
            else:
                fn += 1
                if hits: wrongv += 1
                desc = "; ".join(f"{r['mention']!r}->{r['value']} ({r['anchor']})" for r in hits) or "nothing"
                print(f"  {'WRONG' if hits else 'MISS '} {doc}: {g['mention']!r} gold {g['value']} | produced {desc} :: {sent_at(doc,a,b)}")
        elif hits and not good and vals:
            print(f"  (opt wrong) {doc}: {g['mention']!r} gold {g['value']} | produced " + "; ".join(f"{r['mention']!r}->{r['value']}" for r in hits))
    for r in preds:
        if id(r) not in matched:
            fp += 1; print(f"  FP {doc}: {r['mention']!r} {r['type']} {r['value']} ({r['anchor']}) :: {sent_at(doc,int(r['start']),int(r['end']))}")
SUMMARY["dates"] = f"required values correct {tp}/{req} (span found {spans_found}/{req}, wrong value {wrongv}); unmatched predicted (FP) {fp} of {len(drows)}; " + pr(tp, fp + wrongv, fn)
# ---------- events & timeline
tgold = rd(GOLD / "timeline.csv")
for g in tgold:
    g["iv"] = parse_value(g["date"]); g["kw"] = [k.strip().lower() for k in g["keywords"].split(";") if k.strip()]; g["src"] = set(g["sources"].split(";"))
def dmatch(iv, g):
    return iv is not None and PRECISION_RANK.get(iv.precision, 99) <= PRECISION_RANK.get(g["precision"], 99) and iv.overlaps(g["iv"])
print("\n=== EVENTS")
erows = rd(OUT / "events.csv")
good_ev = 0; boiler = []
for e in erows:
    iv = from_bounds(e["date_value"], e["date_start"], e["date_end"], e["precision"])
    hits = [g for g in tgold if dmatch(iv, g) and any(k in e["text"].lower() for k in g["kw"]) and e["doc_id"] in g["src"]]
    if hits: good_ev += 1
    else: print(f"  FP {e['event_id']}: {e['date_value']} ({e['date_source']}) {e['event_type']} :: {e['text'][:200]}")
req_pairs = [(g, d) for g in tgold if g["required"] == "1" for d in g["src"]]
found_pairs = 0
for g, d in req_pairs:
    ok_ = any(e["doc_id"] == d and dmatch(from_bounds(e["date_value"], e["date_start"], e["date_end"], e["precision"]), g) and any(k in e["text"].lower() for k in g["kw"]) for e in erows)
    found_pairs += ok_
    if not ok_:
        cand = [f"{e['date_value']}:{e['text'][:90]}" for e in erows if e["doc_id"] == d and any(k in e["text"].lower() for k in g["kw"])]
        print(f"  FN {g['key']} {g['date']} [{d}] {g['summary'][:100]} | same-keyword events: {cand[:2] or 'none'}")
SUMMARY["events"] = f"P {good_ev/len(erows):.2f} ({good_ev}/{len(erows)} events match a gold row of their document by date+keyword)  R {found_pairs/len(req_pairs):.2f} ({found_pairs}/{len(req_pairs)} required (row, source document) pairs have a matching event)"
print("\n=== TIMELINE")
trows = rd(OUT / "timeline.csv")
correct = 0; strict = 0
for t in trows:
    iv = from_bounds(t["date_value"], t["date_start"], t["date_end"], t["precision"])
    text = f"{t['summary']} {t['evidence']}".lower()
    hits = [g for g in tgold if dmatch(iv, g) and any(k in text for k in g["kw"])]
    srcok = [g for g in hits if set(t["sources"].split(";")) <= g["src"] | set().union(*[x["src"] for x in hits])]
    if hits: correct += 1
    if hits and any(set(t["sources"].split(";")) & g["src"] for g in hits): strict += 1
    tag = ",".join(g["key"] for g in hits) or "NO-GOLD"
    print(f"  {t['entry_id']} {t['date_value']:<12} {tag:<12} [{t['sources']}] {t['summary'][:110]}")
req = [g for g in tgold if g["required"] == "1"]; found = []
for g in req:
    ms = [t for t in trows if dmatch(from_bounds(t["date_value"], t["date_start"], t["date_end"], t["precision"]), g) and any(k in f"{t['summary']} {t['evidence']}".lower() for k in g["kw"])]
    if ms: found.append(g)
    else: print(f"  MISSED {g['key']} {g['date']} ({g['sources']}) {g['summary']}")
multi = [g for g in tgold if len(g["src"]) > 1 and g["required"] == "1"]
for g in multi:
    ms = [t for t in trows if dmatch(from_bounds(t["date_value"], t["date_start"], t["date_end"], t["precision"]), g) and any(k in f"{t['summary']} {t['evidence']}".lower() for k in g["kw"])]
    print(f"  multi-source {g['key']}: entries {[ (t['entry_id'], t['sources']) for t in ms]}")
SUMMARY["timeline"] = f"recall (required rows) {len(found)}/{len(req)} = {len(found)/len(req):.2f}; precision (repo rule: date+keyword) {correct}/{len(trows)} = {correct/len(trows):.2f}; strict (also source doc of the gold row) {strict}/{len(trows)}"
print("\n=== SUMMARY")
for k, v in SUMMARY.items(): print(f"{k:14} {v}")
