"""The GermEval 2014 reader, the span scorer and the embedded NER model (no training here)."""
from __future__ import annotations

from pathlib import Path

import numpy
import pytest
import spacy
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from pipeline.training import germeval
from pipeline.training.train import score_spans

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
GERMEVAL = SHARED / "corpora" / "germeval2014_ner"
MODEL = Path(__file__).resolve().parents[1] / "pipeline" / "models" / "de_pipeline_ner"


@pytest.fixture(scope="module")
def dev_file() -> Path:
    if not (SHARED / "corpora").is_dir():
        pytest.skip(f"shared corpora folder not present at {SHARED / 'corpora'}")
    return GERMEVAL / germeval.DEV_FILE


# --- reader on the real dev file -------------------------------------------------------------

def test_dev_file_sentence_and_token_counts(dev_file: Path) -> None:
    sentences = list(germeval.read_sentences(dev_file))
    assert len(sentences) == 2200
    assert sum(len(s.words) for s in sentences) == 41653
    assert sentences[0].source == "http://www.heise.de/tp/r4/artikel/32/32883/1.html"
    assert sentences[0].words[:3] == ("Gleich", "darauf", "entwirft")


def test_dev_file_outer_entity_counts_match_source_md(dev_file: Path) -> None:
    assert germeval.outer_type_counts(dev_file) == {
        "LOC": 763, "LOCderiv": 235, "LOCpart": 52, "ORG": 496, "ORGpart": 91, "ORGderiv": 3,
        "OTH": 269, "OTHderiv": 16, "OTHpart": 18, "PER": 711, "PERpart": 18, "PERderiv": 2,
    }


def test_dev_file_mapped_counts_keep_only_the_four_plain_types(dev_file: Path) -> None:
    assert germeval.mapped_label_counts(dev_file) == {"LOC": 763, "PER": 711, "ORG": 496, "MISC": 269}


def test_dev_file_character_fixes(dev_file: Path) -> None:
    words = {w for s in germeval.read_sentences(dev_file) for w in s.words}
    assert not any("\u00ad" in w or "\u0096" in w for w in words)
    assert "Auswirkungen" in words and "Herausforderungen" in words


def test_dev_docs_carry_mapped_entities(dev_file: Path) -> None:
    doc = germeval.read_docs(dev_file)[0]
    assert doc.text.startswith('Gleich darauf entwirft er seine Selbstdarstellung "Ecce homo" in')
    assert [(e.text, e.label_) for e in doc.ents] == [("Ecce homo", "MISC"), ("Jesu", "PER")]


# --- label mapping and BIO handling ----------------------------------------------------------

def test_label_map_covers_every_germeval_type() -> None:
    kinds = [f"{base}{variant}" for base in ("PER", "LOC", "ORG", "OTH") for variant in ("", "deriv", "part")]
    assert set(germeval.LABEL_MAP) == set(kinds)
    assert {germeval.LABEL_MAP[k] for k in ("PER", "LOC", "ORG", "OTH")} == set(germeval.LABELS)
    assert all(germeval.LABEL_MAP[k] is None for k in kinds if k.endswith(("deriv", "part")))


def test_bio_entities_and_mapping() -> None:
    tags = ["B-PER", "I-PER", "O", "B-LOCderiv", "I-LOCderiv", "B-ORGpart", "I-OTH", "B-OTH", "B-LOC"]
    raw = germeval.bio_entities(tags)
    assert [(e.start, e.end, e.label) for e in raw] == [
        (0, 2, "PER"), (3, 5, "LOCderiv"), (5, 6, "ORGpart"), (6, 7, "OTH"), (7, 8, "OTH"), (8, 9, "LOC"),
    ]
    mapped = germeval.map_entities(raw)
    assert [(e.start, e.end, e.label) for e in mapped] == [
        (0, 2, "PER"), (6, 7, "MISC"), (7, 8, "MISC"), (8, 9, "LOC"),
    ]
    with pytest.raises(ValueError):
        germeval.map_entities([germeval.Entity(0, 1, "DATE")])


def test_guess_spaces_reads_like_text() -> None:
    words = ["Er", "sagte", ":", '"', "Ja", '"', "(", "heute", ")", "."]
    doc = Doc(Vocab(), words=words, spaces=germeval.guess_spaces(words))
    assert doc.text == 'Er sagte: "Ja" (heute).'


def test_score_spans_is_span_exact() -> None:
    vocab = Vocab()
    gold = Doc(vocab, words=["Jens", "Stoltenberg", "in", "Brüssel"])
    gold.ents = [Span(gold, 0, 2, "PER"), Span(gold, 3, 4, "LOC")]
    pred = Doc(vocab, words=["Jens", "Stoltenberg", "in", "Brüssel"])
    pred.ents = [Span(pred, 1, 2, "PER"), Span(pred, 3, 4, "LOC")]
    scores = score_spans([(gold, pred)])
    assert scores["per_label"]["LOC"]["f"] == 1.0
    assert scores["per_label"]["PER"] == {"p": 0.0, "r": 0.0, "f": 0.0, "tp": 0, "fp": 1, "fn": 1}
    assert scores["overall"]["p"] == 0.5 and scores["overall"]["r"] == 0.5


# --- the committed embedded model ------------------------------------------------------------

@pytest.fixture(scope="module")
def nlp():
    return spacy.load(MODEL)


def test_embedded_model_shape_and_meta(nlp) -> None:
    assert nlp.lang == "de"
    assert nlp.pipe_names == ["tok2vec", "ner"]
    assert set(nlp.get_pipe("ner").labels) == {"PER", "LOC", "ORG", "MISC"}
    assert nlp.meta["name"] == "pipeline_ner"
    assert "CC BY 4.0" in nlp.meta["license"]
    assert any("Benikova" in s["author"] for s in nlp.meta["sources"])
    size = sum(f.stat().st_size for f in MODEL.rglob("*") if f.is_file())
    assert size < 15_000_000


def ents(nlp, text: str) -> set[tuple[str, str]]:
    return {(e.text, e.label_) for e in nlp(text).ents}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("NATO-Generalsekretär Jens Stoltenberg sprach am Mittwoch in Brüssel.",
         {("Jens Stoltenberg", "PER"), ("Brüssel", "LOC")}),
        ("Außenministerin Annalena Baerbock traf in Washington ihren amerikanischen Kollegen Antony Blinken.",
         {("Annalena Baerbock", "PER"), ("Washington", "LOC")}),
        ("US-Präsident Joe Biden kündigte in Warschau neue Sanktionen gegen Russland an.",
         {("Joe Biden", "PER"), ("Warschau", "LOC"), ("Russland", "LOC")}),
        ("Verteidigungsminister Boris Pistorius besuchte am Dienstag Soldaten der Bundeswehr in Litauen.",
         {("Boris Pistorius", "PER"), ("Bundeswehr", "ORG"), ("Litauen", "LOC")}),
    ],
)
def test_embedded_model_tags_news_sentences(nlp, text: str, expected: set[tuple[str, str]]) -> None:
    found = ents(nlp, text)
    assert expected <= found
    # role nouns and compounds stay outside the entities (GermEval *part → no entity)
    assert not any(t.startswith(("NATO-", "US-", "Außenministerin", "Verteidigungsminister")) for t, _ in found)


# --- Brown cluster features -------------------------------------------------------------------

def test_brown_clusters_group_names_places_and_nouns() -> None:
    from pipeline.training.clusters import cluster_ids, cluster_table

    doc = spacy.blank("de")("Scholz Merkel Stoltenberg Jens Olaf Brüssel Paris Haus Auto Xqzvw")
    ids = cluster_ids(doc, cluster_table("de")).ravel().tolist()
    surnames, given, cities, nouns, unknown = ids[:3], ids[3:5], ids[5:7], ids[7:9], ids[9]
    assert len(set(surnames)) == 1 and len(set(given)) == 1 and len(set(cities)) == 1 and len(set(nouns)) == 1
    assert len({surnames[0], given[0], cities[0], nouns[0]}) == 4
    assert unknown == 0


def test_cluster_hash_embed_gives_one_vector_per_token() -> None:
    from pipeline.training.clusters import ClusterHashEmbed

    docs = [spacy.blank("de")("Adam Seroczynski gewann in Paris.")]
    model = ClusterHashEmbed(32, ["NORM", "PREFIX", "SUFFIX", "SHAPE"], [50, 50, 50, 50], 50)
    model.initialize(X=docs)
    assert model.predict(docs)[0].shape == (6, 32)


# --- compact cluster lookup (sorted hash arrays, cached on disk) -------------------------------

GERMAN = spacy.blank("de")  # a vocabulary with German lower-case forms (a bare Vocab has none)


def original_cluster_ids(doc: Doc, table) -> list[int]:
    """The lookup as it was before the compact arrays: two dict look-ups per token on the spaCy Table."""
    return [table.get(token.text) or table.get(token.lower_, 0) for token in doc]


def test_compact_clusters_keep_the_zero_fallthrough_of_the_table() -> None:
    from spacy.lookups import Table

    from pipeline.training.clusters import Clusters, cluster_ids

    table = Table.from_dict({"Bank": 0, "bank": 7, "Haus": 3, "haus": 9, "NOUN": 4, "EU": 0})
    doc = Doc(GERMAN.vocab, words=["Bank", "BANK", "Haus", "HAUS", "haus", "NOUN", "noun", "EU", "Xqzvw"])
    clusters = Clusters.from_table(table)
    assert clusters.values.dtype == "uint8" and list(clusters.keys) == sorted(clusters.keys)
    ids = cluster_ids(doc, clusters)
    assert ids.shape == (9, 1) and ids.dtype == "uint64"
    assert ids.ravel().tolist() == original_cluster_ids(doc, table) == [7, 7, 3, 9, 9, 4, 0, 0, 0]
    assert cluster_ids(Doc(GERMAN.vocab, words=[]), clusters).shape == (0, 1)
    assert cluster_ids(doc, Clusters.from_table(Table())).ravel().tolist() == [0] * 9


@pytest.fixture(scope="module")
def lookups_table():
    from pipeline.training.clusters import lookups_table

    return lookups_table("de")


def test_compact_clusters_give_the_table_ids_on_germeval_words(dev_file: Path, lookups_table) -> None:
    from pipeline.training.clusters import Clusters, cluster_ids, cluster_table

    dev_words = list(dict.fromkeys(w for s in germeval.read_sentences(dev_file) for w in s.words))
    words = dev_words[:500] + [w.upper() for w in dev_words[:150]] + [w.lower() for w in dev_words[150:300]]
    # words whose own entry is a stored 0 (mostly rare words; "e.G." falls through to "e.g.")
    words += [w for w in dev_words if lookups_table.get(w) == 0]
    # more stored zeros whose lower-case form has a cluster, and words the table does not know
    words += ["TeilnehmerInnen", "U.a.", "EMail", "KundInnen", "UNd", "NVidia", "Xqzvwmöp", "BUNDESTAG"]
    doc = Doc(GERMAN.vocab, words=words)
    expected = original_cluster_ids(doc, lookups_table)
    # the sample covers every branch: own cluster, stored 0 or missing then lower-case cluster, unknown
    by_text = [lookups_table.get(t.text) for t in doc]
    assert sum(1 for v in by_text if v) > 300
    assert sum(1 for v, e in zip(by_text, expected) if v == 0 and e) >= 7
    assert sum(1 for v, e in zip(by_text, expected) if v is None and e) > 20
    assert sum(1 for e in expected if e == 0) > 20
    assert cluster_ids(doc, cluster_table("de")).ravel().tolist() == expected
    assert cluster_ids(doc, Clusters.from_table(lookups_table)).ravel().tolist() == expected


def small_table_builder(calls: list[str]):
    from spacy.lookups import Table

    def build(lang: str) -> Table:
        calls.append(lang)
        return Table.from_dict({"Haus": 3, "haus": 9, "Bank": 0, "bank": 700})

    return build


def test_cluster_cache_is_written_atomically_and_memory_mapped(tmp_path: Path, monkeypatch) -> None:
    from pipeline.training import clusters

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    calls: list[str] = []
    built = clusters.load_clusters("de", build=small_table_builder(calls))
    folder = tmp_path / "pipeline"
    names = sorted(p.name for p in folder.iterdir())
    assert len(names) == 2 and all(n.startswith("de_lexeme_cluster-spacy-lookups-data-") for n in names)
    assert [n.rsplit(".", 2)[1:] for n in names] == [["keys", "npy"], ["values", "npy"]]  # no temp files left
    read = clusters.load_clusters("de", build=small_table_builder(calls))
    assert calls == ["de"]  # the second load came from the cache
    assert read.values.dtype == "uint16" and read.keys.dtype == "uint64"
    assert isinstance(read.keys.base, numpy.memmap)
    assert read.keys.tolist() == built.keys.tolist() and read.values.tolist() == built.values.tolist()
    doc = Doc(GERMAN.vocab, words=["Haus", "HAUS", "Bank", "Auto"])
    assert clusters.cluster_ids(doc, read).ravel().tolist() == [3, 9, 700, 0]


def test_broken_cluster_cache_is_rebuilt(tmp_path: Path, monkeypatch) -> None:
    from pipeline.training import clusters

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    calls: list[str] = []
    clusters.load_clusters("de", build=small_table_builder(calls))
    keys_file = next((tmp_path / "pipeline").glob("*.keys.npy"))
    keys_file.write_bytes(b"not an array")
    rebuilt = clusters.load_clusters("de", build=small_table_builder(calls))
    assert calls == ["de", "de"] and len(rebuilt.keys) == 4
    assert len(clusters.load_clusters("de", build=small_table_builder(calls)).keys) == 4 and len(calls) == 2


def test_unwritable_cluster_cache_falls_back_to_memory(tmp_path: Path, monkeypatch) -> None:
    from pipeline.training import clusters

    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder would go")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    calls: list[str] = []
    for _ in range(2):
        result = clusters.load_clusters("de", build=small_table_builder(calls))
        assert clusters.cluster_ids(Doc(GERMAN.vocab, words=["HAUS"]), result).ravel().tolist() == [9]
    assert calls == ["de", "de"]
    assert blocker.read_text() == "a file where the cache folder would go"


def test_cluster_cache_folder_follows_xdg(monkeypatch) -> None:
    from pipeline.training.clusters import cache_dir

    monkeypatch.setenv("XDG_CACHE_HOME", "/somewhere/cache")
    assert cache_dir() == Path("/somewhere/cache/pipeline")
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/cache")  # ignored, as the XDG spec says
    assert cache_dir() == Path.home() / ".cache" / "pipeline"
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert cache_dir() == Path.home() / ".cache" / "pipeline"
