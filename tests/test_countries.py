"""Countries: lexicon coverage (UN members + Kosovo, Palestine, Taiwan), mention kinds, seeds."""
from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.entities.countries_lexicon import country_lexicon
from pipeline.evaluation.entities import evaluate_seeds, rules_only_pipeline

SHARED = Path(__file__).resolve().parents[1].parent / "shared"

# The 193 member states of the United Nations (ISO 3166-1 alpha-3).
UN_MEMBERS = """
AFG AGO ALB AND ARE ARG ARM ATG AUS AUT AZE BDI BEL BEN BFA BGD BGR BHR BHS BIH BLR BLZ BOL BRA BRB
BRN BTN BWA CAF CAN CHE CHL CHN CIV CMR COD COG COL COM CPV CRI CUB CYP CZE DEU DJI DMA DNK DOM DZA
ECU EGY ERI ESP EST ETH FIN FJI FRA FSM GAB GBR GEO GHA GIN GMB GNB GNQ GRC GRD GTM GUY HND HRV HTI
HUN IDN IND IRL IRN IRQ ISL ISR ITA JAM JOR JPN KAZ KEN KGZ KHM KIR KNA KOR KWT LAO LBN LBR LBY LCA
LIE LKA LSO LTU LUX LVA MAR MCO MDA MDG MDV MEX MHL MKD MLI MLT MMR MNE MNG MOZ MRT MUS MWI MYS NAM
NER NGA NIC NLD NOR NPL NRU NZL OMN PAK PAN PER PHL PLW PNG POL PRK PRT PRY QAT ROU RUS RWA SAU SDN
SEN SGP SLB SLE SLV SMR SOM SRB SSD STP SUR SVK SVN SWE SWZ SYC SYR TCD TGO THA TJK TKM TLS TON TTO
TUN TUR TUV TZA UGA UKR URY USA UZB VCT VEN VNM VUT WSM YEM ZAF ZMB ZWE
""".split()


@pytest.fixture(scope="module")
def nlp():
    return rules_only_pipeline()


def mentions(nlp, text: str) -> list[tuple[str, str, str]]:
    doc = nlp(text)
    return [(s.text, s._.country.iso3, s._.country.kind) for s in doc.spans["countries"]]


def test_un_members_plus_three_have_name_adjective_and_demonym() -> None:
    assert len(set(UN_MEMBERS)) == 193
    lexicon = country_lexicon()
    missing = {code: sorted({"name", "adjective", "demonym"} - lexicon.coverage.get(code, set()))
               for code in [*UN_MEMBERS, "XKX", "PSE", "TWN"]}
    assert {code: kinds for code, kinds in missing.items() if kinds} == {}
    assert lexicon.names["USA"] == "Vereinigte Staaten"
    assert lexicon.names["XKX"] == "Kosovo"
    assert lexicon.names["UKR"] == "Ukraine"


@pytest.mark.parametrize("form, iso3, kind", [
    ("Russlands", "RUS", "name"), ("Ukraine", "UKR", "name"), ("Niederlanden", "NLD", "name"),
    ("ukrainische", "UKR", "adjective"), ("ukrainischen", "UKR", "adjective"), ("ukrainischer", "UKR", "adjective"),
    ("ukrainisches", "UKR", "adjective"), ("ukrainischem", "UKR", "adjective"), ("belgische", "BEL", "adjective"),
    ("türkische", "TUR", "adjective"), ("US-amerikanischen", "USA", "adjective"),
    ("Niederländer", "NLD", "demonym"), ("US-Amerikaner", "USA", "demonym"), ("Ukrainerin", "UKR", "demonym"),
    ("Russen", "RUS", "demonym"), ("Französin", "FRA", "demonym"), ("Israelis", "ISR", "demonym"),
    ("Moskau", "RUS", "capital"), ("Kiew", "UKR", "capital"), ("Washington", "USA", "capital"),
])
def test_lexicon_forms(form: str, iso3: str, kind: str) -> None:
    assert country_lexicon().lookup(form) == (iso3, kind)


def test_mentions_in_news_prose(nlp) -> None:
    found = mentions(nlp, "Der US-Präsident sprach mit der belgische Außenministerin über die Ukraine-Hilfe, "
                          "bevor der NATO-Ukraine-Rat tagte und Kiew neue Waffen forderte. "
                          "Die Vereinigten Staaten und Russlands Führung schwiegen.")
    assert ("US-Präsident", "USA", "compound") in found
    assert ("belgische", "BEL", "adjective") in found
    assert ("Ukraine-Hilfe", "UKR", "compound") in found
    assert ("NATO-Ukraine-Rat", "UKR", "compound") in found
    assert ("Kiew", "UKR", "capital") in found
    assert ("Vereinigten Staaten", "USA", "name") in found
    assert ("Russlands", "RUS", "name") in found


def test_regions_and_cities_are_not_countries(nlp) -> None:
    text = ("In Osteuropa, in Rheinland-Pfalz und in Düsseldorf wächst die Sorge; "
            "das Treffen in Brüssel und in Ramstein begann.")
    assert mentions(nlp, text) == []


def test_capital_after_locative_preposition_is_the_city(nlp) -> None:
    assert mentions(nlp, "Die Minister trafen sich in Moskau.") == []
    assert mentions(nlp, "Moskau warnte den Westen.") == [("Moskau", "RUS", "capital")]


def test_compound_adjective_names_both_countries(nlp) -> None:
    doc = nlp("Die deutsch-französische Brigade übt.")
    (span,) = doc.spans["countries"]
    assert span._.country.iso3 == "DEU"
    assert [info.iso3 for info in doc.spans["countries"].attrs["also"][span.start_char]] == ["FRA"]


def test_seed_countries_found_with_precision(nlp) -> None:
    if not (SHARED / "gold" / "seeds" / "countries.csv").exists():
        pytest.skip(f"seed gold not found under {SHARED}")
    _, countries = evaluate_seeds(nlp, SHARED)
    assert countries.fn == 0, countries.lines
    assert countries.precision >= 0.95, countries.lines


def test_currency_compounds_and_language_names_are_not_country_mentions() -> None:
    from pipeline.evaluation.entities import rules_only_pipeline

    nlp = rules_only_pipeline()
    doc = nlp("DW Deutsch | Themen. Die Hilfe kostet 5 Milliarden US-Dollar, sagte die US-Regierung auf Deutsch.")
    assert [(s.text, s._.country.iso3) for s in doc.spans["countries"]] == [("US-Regierung", "USA")]
