"""Organisations: lexicon of the field's actors with canonical names."""
from __future__ import annotations

import pytest
import spacy

from pipeline.extractors.organizations import canonical_org
from pipeline.nlp import ensure_linguistic_basics


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("de")
    ensure_linguistic_basics(nlp)
    nlp.add_pipe("organizations")
    return nlp


def test_field_actors_get_canonical_names(nlp) -> None:
    doc = nlp("Die Nato und die Vereinten Nationen kritisierten den Kreml. Die Bundesregierung sagte im "
              "Ramstein-Format und im NATO-Ukraine-Rat weitere Hilfe zu; das Pentagon und die "
              "Ukraine-Kontaktgruppe stimmten zu. Ein Sprecher des Kremls und die Bundeswehr schwiegen.")
    found = [(s.text, s._.org.name) for s in doc.spans["organizations"]]
    assert found == [
        ("Nato", "NATO"), ("Vereinten Nationen", "UN"), ("Kreml", "Kreml"),
        ("Bundesregierung", "Bundesregierung"), ("Ramstein-Format", "Ramstein-Format"),
        ("NATO-Ukraine-Rat", "NATO-Ukraine-Rat"), ("Pentagon", "Pentagon"),
        ("Ukraine-Kontaktgruppe", "Ramstein-Format"), ("Kremls", "Kreml"), ("Bundeswehr", "Bundeswehr"),
    ]


def test_credit_lines_are_not_organisations(nlp) -> None:
    doc = nlp("Stoltenberg in Brüssel\nAPA/AFP/Kenzo Tribouillard\nDie EU berät.")
    assert [s._.org.name for s in doc.spans["organizations"]] == ["EU"]


def test_canonical_org_of_unknown_text_is_the_text() -> None:
    assert canonical_org("Europäischen Union") == "EU"
    assert canonical_org("Rheinmetalls") == "Rheinmetall"
    assert canonical_org("Amnesty International") == "Amnesty International"


def test_compounds_opening_with_an_organisation_name_it(nlp) -> None:
    doc = nlp("Die NATO-Verteidigungsminister und die EU-Außenminister berieten mit dem NATO-Ukraine-Rat; "
              "Bundeswehr-Soldaten sicherten, während Anti-NATO-Proteste und ein Nato-Gipfel folgten.")
    found = [(s.text, s._.org.name, s._.org.kind) for s in doc.spans["organizations"]]
    assert found == [
        ("NATO-Verteidigungsminister", "NATO", "compound"), ("EU-Außenminister", "EU", "compound"),
        ("NATO-Ukraine-Rat", "NATO-Ukraine-Rat", "name"), ("Bundeswehr-Soldaten", "Bundeswehr", "compound"),
        ("Nato-Gipfel", "NATO", "compound"),
    ]


def test_inflected_and_council_forms(nlp) -> None:
    doc = nlp("Scholz und das Weiße Haus verkündeten die Einigung. Trump will zurück ins Weiße Haus. Am "
              "Mittwoch ernannte der Nordatlantikrat Mark Rutte; bezahlt wird über die Europäische Friedensfazilität.")
    found = [(s.text, s._.org.name) for s in doc.spans["organizations"]]
    assert found == [("Weiße Haus", "Weißes Haus"), ("Weiße Haus", "Weißes Haus"),
                     ("Nordatlantikrat", "Nordatlantikrat"),
                     ("Europäische Friedensfazilität", "Europäische Friedensfazilität")]


def test_model_organisation_beside_a_country_and_weapon_systems() -> None:
    """A statistical ORG span "NATO Russland" gives NATO; a model ORG "SCALP" (a missile) gives none."""
    from spacy.tokens import Span

    nlp = spacy.blank("de")
    ensure_linguistic_basics(nlp)
    component = nlp.add_pipe("organizations")
    doc = nlp.make_doc("Darin bezeichnet die NATO Russland als Bedrohung und liefert Marschflugkörper vom Typ SCALP .")
    doc.ents = [Span(doc, 3, 5, label="ORG"), Span(doc, 12, 13, label="ORG")]
    doc = component(doc)
    assert [(s.text, s._.org.name) for s in doc.spans["organizations"]] == [("NATO", "NATO")]


def test_defence_firms_parties_institutes_and_no_genitive_of_adjectives(nlp) -> None:
    doc = nlp("Grünes Licht aus Washington: Der Senat stimmte zu, die Republikaner zögerten. General Dynamics "
              "und Rheinmetall liefern, sagt das Kiel Institut für Weltwirtschaft (IfW).")
    found = [(s.text, s._.org.name) for s in doc.spans["organizations"]]
    assert found == [("Senat", "Senat"), ("Republikaner", "Republikanische Partei"),
                     ("General Dynamics", "General Dynamics"), ("Rheinmetall", "Rheinmetall"),
                     ("Kiel Institut für Weltwirtschaft", "Kiel Institut für Weltwirtschaft"),
                     ("IfW", "Kiel Institut für Weltwirtschaft")]


def test_model_persons_and_country_topics_are_not_organisations() -> None:
    from spacy.tokens import Span

    nlp = spacy.blank("de")
    ensure_linguistic_basics(nlp)
    for name in ("organizations", "countries", "persons"):
        nlp.add_pipe(name)
    doc = nlp.make_doc("Im Ukraine-Krieg sagte der britische Premier Rishi Sunak zu , Panzer zu liefern .")
    doc.ents = [Span(doc, 1, 2, label="ORG"), Span(doc, 6, 8, label="ORG")]
    for _, component in nlp.pipeline:
        doc = component(doc)
    assert [s.text for s in doc.spans["organizations"]] == []
    assert [(s.text, s._.person.role) for s in doc.spans["persons"]] == [("Rishi Sunak", "Premier")]


def test_mercenary_group_and_clearing_house_are_organisations_not_persons() -> None:
    from pipeline.evaluation.entities import rules_only_pipeline

    nlp = rules_only_pipeline()
    doc = nlp("Die Söldnergruppe Wagner verlegt Kämpfer nach Belarus. Das Geld liegt beim Finanzdienstleister "
              "Euroclear in Brüssel.")
    assert [(s.text, s._.org.name) for s in doc.spans["organizations"]] == [
        ("Söldnergruppe Wagner", "Gruppe Wagner"), ("Euroclear", "Euroclear")]
    assert list(doc.spans["persons"]) == []
