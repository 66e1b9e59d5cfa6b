"""The event decision component, its training recipe's pieces, and the real-news gold folders."""
from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pytest
import spacy

from pipeline.evaluation.gold_folder import GoldError, load_gold_folder
from pipeline.events.decision import DEFAULT_MODEL, EventDecision, candidate_text
from pipeline.events.lexicon import load_lexicon
from pipeline.nlp import build_pipeline
from pipeline.records import PubDate

REPO = Path(__file__).resolve().parents[1]
FEED = REPO.parent / "shared" / "corpora" / "news_feed_de"
GOLD = REPO / "data" / "gold" / "news_feed_de"

ALLIANCE = ("Die Nato-Verteidigungsminister haben am Donnerstag in Brüssel beschlossen, der Ukraine weitere "
            "Flugabwehrsysteme zu liefern. Das teilte Generalsekretär Jens Stoltenberg mit.")
RECIPE = ("Für den Teig verrührt man am Sonntag Mehl, Zucker und Eier. Dann beschließt die Familie, "
          "den Kuchen im Garten zu essen.")


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline()[0]


def analysed(nlp, text: str):
    doc = nlp.make_doc(text)
    doc._.doc_id = "t"
    doc._.dct = PubDate("2024-06-14", "day", "metadata")
    return nlp(doc)


def test_the_shipped_model_scores_every_candidate(nlp):
    assert (DEFAULT_MODEL / "meta.json").is_file()
    events = analysed(nlp, ALLIANCE)._.events
    assert events and all(0.0 <= e.decision_score <= 1.0 and e.in_timeline is not None for e in events)


def test_an_alliance_decision_scores_above_a_family_decision(nlp):
    alliance = max(e.decision_score for e in analysed(nlp, ALLIANCE)._.events)
    family = [e.decision_score for e in analysed(nlp, RECIPE)._.events]
    assert all(score < alliance for score in family)
    assert alliance >= nlp.get_pipe("event_decision").threshold


def test_the_candidate_text_carries_the_rule_signals(nlp):
    event = analysed(nlp, ALLIANCE)._.events[0]
    text = candidate_text(event, None, load_lexicon(), Counter())
    assert text.startswith(f"typ_{event.event_type} trg_") and "gap_unknown" in text and " | Die Nato" in text


def test_without_a_model_folder_the_rules_decide(tmp_path, nlp):
    component = EventDecision(tmp_path / "missing")
    doc = analysed(nlp, ALLIANCE)
    doc._.events = [e.__class__(**{**e.__dict__, "decision_score": -1.0, "in_timeline": None}) for e in doc._.events]
    assert all(e.in_timeline is None and e.decision_score == -1.0 for e in component(doc)._.events)


def test_the_component_works_in_another_nlp():
    import pipeline.components  # noqa: F401  (registers the factories)
    from pipeline.nlp import ensure_linguistic_basics

    other = spacy.blank("de")
    ensure_linguistic_basics(other)
    for name in ("organizations", "countries", "persons", "money", "dates", "events", "event_decision"):
        other.add_pipe(name)
    assert analysed(other, ALLIANCE)._.events[0].decision_score >= 0.0


@pytest.mark.skipif(not FEED.is_dir(), reason="needs ../shared/corpora/news_feed_de")
@pytest.mark.parametrize("split", ["test", "train"])
def test_the_gold_folders_point_into_unchanged_articles(split):
    gold = load_gold_folder(GOLD / split, FEED)
    assert gold.events and all(event.mentions for event in gold.events)
    assert len(gold.documents) == {"test": 34, "train": 62}[split]


@pytest.mark.skipif(not FEED.is_dir(), reason="needs ../shared/corpora/news_feed_de")
def test_a_changed_article_is_reported_not_misread(tmp_path):
    copy = tmp_path / "feed"
    for doc in load_gold_folder(GOLD / "test", FEED).documents:
        (copy / doc).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(FEED / doc, copy / doc)
    changed = copy / "nato_ukraine" / "2024-11-28-nato.md"
    changed.write_text(changed.read_text(encoding="utf-8").replace("Zypern", "Malta"), encoding="utf-8")
    with pytest.raises(GoldError, match="changed since annotation"):
        load_gold_folder(GOLD / "test", copy)
