"""Model resolution and completion of any German pipeline."""
from __future__ import annotations

import spacy

from pipeline import nlp as nlp_module
from pipeline.nlp import EMBEDDED_MODEL, ensure_linguistic_basics, resolve_model


def test_explicit_model_wins_over_environment(monkeypatch) -> None:
    monkeypatch.setenv("PIPELINE_SPACY_MODEL", "de_from_env")
    assert resolve_model("/models/mine").source == "option"
    assert resolve_model(None).name == "de_from_env"


def test_installed_large_model_is_preferred_to_the_embedded_one(monkeypatch) -> None:
    monkeypatch.delenv("PIPELINE_SPACY_MODEL", raising=False)
    monkeypatch.setattr(nlp_module.spacy.util, "is_package", lambda name: name in {"de_core_news_lg", "de_core_news_sm"})
    choice = resolve_model(None)
    assert (choice.name, choice.source) == ("de_core_news_lg", "installed package")


def test_embedded_model_is_the_last_resort(monkeypatch) -> None:
    monkeypatch.delenv("PIPELINE_SPACY_MODEL", raising=False)
    monkeypatch.setattr(nlp_module.spacy.util, "is_package", lambda name: False)
    assert resolve_model(None).location == str(EMBEDDED_MODEL)


def test_blank_pipeline_gets_sentences_lemmas_and_paragraph_breaks() -> None:
    nlp = spacy.blank("de")
    ensure_linguistic_basics(nlp)
    assert nlp.pipe_names == ["token_edges", "paragraph_breaks", "sentencizer", "lemmatizer"]
    doc = nlp("NATO will dauerhafte Truppenaufstockung\n\nAm Mittwoch haben die Minister beraten. Sie beschlossen mehr Truppen.")
    assert [sent.text.strip() for sent in doc.sents] == [
        "NATO will dauerhafte Truppenaufstockung", "Am Mittwoch haben die Minister beraten.",
        "Sie beschlossen mehr Truppen."]
    assert doc[-2].lemma_ == "Truppe" and doc[-4].lemma_ == "beschließen"


def test_years_and_number_ranges_are_split_for_date_boundaries() -> None:
    nlp = spacy.blank("de")
    ensure_linguistic_basics(nlp)
    ensure_linguistic_basics(nlp)  # idempotent
    assert [t.text for t in nlp("Die Grundakte stammt aus dem Jahr 1997.")][-2:] == ["1997", "."]
    assert [t.text for t in nlp("Krieg 1939–1945 vom 9.–11. Juli")] == [
        "Krieg", "1939", "–", "1945", "vom", "9.", "–", "11.", "Juli"]
    assert [t.text for t in nlp("Am 3.4.2024 kostete es 1.000 Euro.")][1] == "3.4.2024"


def test_token_edges_are_sound_after_markdown_emphasis_and_double_spaces() -> None:
    """spaCy's tokenizer leaves wrong edges after `auch:**` (special case `:*`) and double spaces; reading
    `children` on such an unparsed doc could crash the process. The pipeline rebuilds it first."""
    from pipeline.nlp import build_pipeline

    nlp, _ = build_pipeline(None)
    doc = nlp.make_doc("**Lesen Sie auch:** Die Nato  beschloss am Mittwoch neue Hilfe.")
    doc._.doc_id = "probe"
    doc = nlp(doc)
    assert doc._.doc_id == "probe"
    assert all(token.left_edge.i == token.i == token.right_edge.i for token in doc)
    assert all(list(token.children) == [] for token in doc)
    assert [span.text for span in doc.spans["organizations"]] == ["Nato"]
