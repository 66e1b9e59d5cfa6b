"""The event lexicons are data: a newcomer edits a TSV file; these checks keep the files consistent."""
from __future__ import annotations

import re

from pipeline.events.lexicon import load_lexicon
from pipeline.resources import load_table

TYPES = {row["event_type"] for row in load_table("events_taxonomy.tsv")}
MARKER_KINDS = {row["kind"] for row in load_table("events_markers.tsv")}


def test_every_trigger_and_cue_names_a_type_of_the_taxonomy() -> None:
    for row in load_table("events_triggers.tsv"):
        assert row["pos"] in {"verb", "noun"}, row
        assert row["event_type"] in TYPES or (row["refine"] == "1" and not row["event_type"]), row
        assert row["decision"] in {"0", "1"} and row["compound"] in {"0", "1"} and row["refine"] in {"0", "1"}, row
        needs = [n.strip().removeprefix("!") for n in row["needs"].split(",") if n.strip()]
        assert all(n in MARKER_KINDS for n in needs), row
        if row["particle"]:
            assert row["lemma"].lower().startswith(row["particle"]), row
    for row in load_table("events_type_cues.tsv"):
        assert row["event_type"] in TYPES and re.compile(row["pattern"])


def test_taxonomy_families_and_priorities() -> None:
    rows = load_table("events_taxonomy.tsv")
    assert {row["family"] for row in rows} == {"gathering", "outcome", "support"}
    assert len({row["priority"] for row in rows}) == len(rows)


def test_settings_and_markers_are_complete() -> None:
    lexicon = load_lexicon()
    for key in ("min_relevance", "background_days", "merge_threshold", "same_doc_bonus", "weight_text"):
        assert key in lexicon.settings
    assert {"intention", "speculative", "expectation", "habitual", "past", "negation", "location"} <= set(lexicon.markers)
    assert lexicon.anaphora.search("Sein Nachfolger soll Mark Rutte werden.")
    assert not lexicon.anaphora.search("Seinetwegen wurde vertagt.")


def test_trigger_lookup_by_word_form() -> None:
    lexicon = load_lexicon()
    assert lexicon.noun_forms["gipfels"].event_type == "summit"
    assert any(suffix == "treffen" for suffix, _ in lexicon.compound_suffixes)  # Verteidigungsministertreffen
    assert "pressekonferenz" in lexicon.excluded
    assert {t.lemma for t, _ in lexicon.verb_forms["beschloss"]} == {"beschließen"}
    assert all(needs for t, needs in lexicon.verb_forms["lehnten"] if t.lemma == "ablehnen")
