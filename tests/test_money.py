"""Money amounts: the parser (`pipeline.amounts`), the `money` component and its evaluation."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
import spacy

from pipeline.amounts import parse_money, parse_number
from pipeline.amounts.lexicon import load_lexicon
from pipeline.evaluation import money as money_eval
from pipeline.extractors import money as _money  # noqa: F401  (registers the "money" factory)

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("de")
    nlp.add_pipe("money")
    return nlp


def amounts(text: str) -> list[tuple[Decimal, str]]:
    return [(m.amount, m.currency) for m in parse_money(text)]


# --- numbers ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("surface, value", [
    ("1.000", "1000"), ("1,5", "1.5"), ("12.500", "12500"), ("1.000.000", "1000000"), ("11.227,20", "11227.20"),
    ("15 000", "15000"), ("1'000", "1000"), ("1.5", "1.5"), ("2443", "2443"), ("1,1", "1.1"),
    ("ein", "1"), ("eine", "1"), ("einer", "1"), ("zwölf", "12"), ("zwanzig", "20"), ("hundert", "100"),
    ("tausend", "1000"), ("fünfundzwanzig", "25"), ("dreihundert", "300"), ("zehntausend", "10000"),
    ("eineinhalb", "1.5"), ("zweieinhalb", "2.5"), ("anderthalb", "1.5"), ("eine halbe", "0.5"),
])
def test_parse_number(surface, value):
    assert parse_number(surface, load_lexicon()) == Decimal(value)


def test_decimal_not_binary_float():
    (match,) = parse_money("Die Kosten liegen bei 1,1 Mrd. Euro.")
    assert match.amount == Decimal("1100000000")
    assert match.value == 1100000000 and isinstance(match.value, int)
    (cents,) = parse_money("Der Liter kostet 2,15 Euro.")
    assert cents.value == 2.15


# --- forms -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, amount, currency", [
    ("100 Milliarden Euro", 100_000_000_000, "EUR"),
    ("1,5 Milliarden Dollar", 1_500_000_000, "USD"),
    ("eine halbe Milliarde Euro", 500_000_000, "EUR"),
    ("zwei Milliarden US-Dollar", 2_000_000_000, "USD"),
    ("€ 500.000", 500_000, "EUR"),
    ("5 Mrd. €", 5_000_000_000, "EUR"),
    ("3 Tsd. Euro", 3_000, "EUR"),
    ("1 Bio. Euro", 1_000_000_000_000, "EUR"),
    ("USD 2,3 Mrd.", 2_300_000_000, "USD"),
    ("300 Mio. US$", 300_000_000, "USD"),
    ("£2 Mrd.", 2_000_000_000, "GBP"),
    ("7,4 Milliarden Franken", 7_400_000_000, "CHF"),
    ("100.000 Hrywnja", 100_000, "UAH"),
    ("25.000 Griwna", 25_000, "UAH"),
    ("10,8 Billionen Rubel", 10_800_000_000_000, "RUB"),
    ("800 Milliarden Yen", 800_000_000_000, "JPY"),
    ("20 Milliarden Yuan", 20_000_000_000, "CNY"),
    ("500 Millionen kanadische Dollar", 500_000_000, "CAD"),
    ("40 Cent", Decimal("0.4"), "EUR"),
    ("ein 50-Milliarden-Euro-Paket", 50_000_000_000, "EUR"),
    ("einer Million Euro", 1_000_000, "EUR"),
    # abbreviated scales (English "bn" = 10^9, German "Bio." = 10^12), scales after a sign, currency names
    ("5,2 bn Dollar", 5_200_000_000, "USD"),
    ("$1.2bn", 1_200_000_000, "USD"),
    ("USD 5bn", 5_000_000_000, "USD"),
    ("5 Mrd Euro", 5_000_000_000, "EUR"),
    ("5Mrd. Euro", 5_000_000_000, "EUR"),
    ("350 Mio Euro", 350_000_000, "EUR"),
    ("15 Tsd. Euro", 15_000, "EUR"),
    ("13,5 Bio. Rubel", 13_500_000_000_000, "RUB"),
    ("13,5 Bio Rubel", 13_500_000_000_000, "RUB"),
    ("3 Mia Franken", 3_000_000_000, "CHF"),
    ("€ 2,5 Mrd.", 2_500_000_000, "EUR"),
    ("$1,2 Mrd.", 1_200_000_000, "USD"),
    ("500 Millionen US-Dollar", 500_000_000, "USD"),
    ("100 Mio. Franken", 100_000_000, "CHF"),
    ("2,5 Milliarden Pfund Sterling", 2_500_000_000, "GBP"),
    ("5 Mrd. Rubel", 5_000_000_000, "RUB"),
    ("5 Mio. belarussische Rubel", 5_000_000, "BYN"),
    ("100.000 Griwna", 100_000, "UAH"),
    ("500 Milliarden Hrywnja", 500_000_000_000, "UAH"),
    ("5 Mrd. Hrywni", 5_000_000_000, "UAH"),
    ("159 Milliarden Złoty", 159_000_000_000, "PLN"),
    ("159 Milliarden Zloty", 159_000_000_000, "PLN"),
    ("3.000 zł", 3_000, "PLN"),
    ("500 TEUR", 500_000, "EUR"),
    ("1.234 MioEUR", 1_234_000_000, "EUR"),
    # compounds whose noun names money but no currency: euros unless the sentence names the USA
    ("Mit dem 100-Milliarden-Sondervermögen soll die Bundeswehr modernisiert werden.", 100_000_000_000, "EUR"),
    ("Die EU beschloss das 50-Milliarden-Hilfspaket.", 50_000_000_000, "EUR"),
    ("Im Haushalt klafft ein 60-Milliarden-Loch.", 60_000_000_000, "EUR"),
    ("Der US-Kongress billigte das 61-Milliarden-Paket für die Ukraine.", 61_000_000_000, "USD"),
])
def test_forms(text, amount, currency):
    assert amounts(text) == [(Decimal(amount), currency)]


@pytest.mark.parametrize("text", [
    "Die Nato-Staaten wollen mindestens zwei Prozent des BIP ausgeben.",
    "Vertreter aus 50 Ländern nahmen teil.",
    "Die USA haben rund 100.000 US-Soldaten in Europa.",
    "Der Gipfel findet am 9. Juli 2024 statt.",
    "Die Milliardenhilfe für Kiew ist umstritten.",
    "Die Euro-Zone rutscht in die Rezession.",
    "Der Dollar-Kurs stieg.",
    "In Franken fanden Kundgebungen statt.",
    "Bei der Euro 2024 spielte die Ukraine.",
    "Die Hotline ist unter 0800 123 4567 erreichbar.",
    "Ein Milliarden-Euro-Paket ist in Vorbereitung.",
    "Mehrere Millionen Euro wurden veruntreut.",
    "Bewerber müssen mehrere tausend Euro investieren.",
    "Die 20 Euro-Länder beraten.",
    "Ein-Euro-Jobs sind umstritten.",
    "Der Jet vom Typ F-35 kostet viel.",
    # compounds that name no money or no number
    "Das Milliarden-Sondervermögen ist verplant.",
    "Die 3-Millionen-Metropole Kiew wird beschossen.",
    "Die EU will den 1-Million-Granaten-Plan erfüllen.",
    "Das Spiel endete 2,- und damit unentschieden.",
    # an adjective before the scale word, but no amount
    "Die EU hat 2023 zusätzliche Milliarden Euro bereitgestellt.",  # a year, not the number of the amount
    "Die Reparatur wird mehrere hundert Millionen Euro kosten.",  # not quantified
    "Die erste Euro-Münze und die neue Euro-Zone.",  # an article alone counts nothing
    "Die Milliarde Euro aus dem letzten Jahr ist verplant.",  # an article without an adjective: a reference
    "Das Land nahm eine weitere Million Flüchtlinge auf.",
    "Die Metropole wuchs um eine weitere Million auf zwölf Millionen.",
    "Mit zwei neuen Millionen-Euro-Projekten.",
    # a number without currency and without a money noun tied to it
    "Die Bundeswehr bestellte ein Paket über 2 Millionen Schuss Munition.",  # a counted noun after the number
    "Das Programm hat über 2 Millionen Nutzer.",  # a verb between noun and number
    "Der 50 Milliarden schwere Streit.",  # no money noun
    "Die 3 Millionen schweren Granaten.",
    "Das 1-Million-Granaten-Programm der EU verfehlt sein Ziel.",  # things counted (money_counted_nouns.tsv)
    "Ein 2-Millionen-Einwohner-Land kann sich das kaum leisten.",
    "Die Stadt zählt über 2 Millionen.",
])
def test_not_money(text):
    assert parse_money(text) == []


# --- hedges, bounds, ranges, restatements -----------------------------------------------------------

@pytest.mark.parametrize("text, approx, qualifier, mention", [
    ("knapp 930 Millionen Euro", True, "knapp", "knapp 930 Millionen Euro"),
    ("rund 40 Mio. Euro", True, "rund", "rund 40 Mio. Euro"),
    ("gut 2 Milliarden Euro", True, "gut", "gut 2 Milliarden Euro"),
    ("mindestens 100 Milliarden Dollar", False, "mindestens", "mindestens 100 Milliarden Dollar"),
    ("mehr als sieben Milliarden Euro", False, "mehr als", "mehr als sieben Milliarden Euro"),
    ("bis zu acht Milliarden Euro", False, "bis zu", "bis zu acht Milliarden Euro"),
    ("weniger als 200 Millionen Euro", False, "weniger als", "weniger als 200 Millionen Euro"),
    ("Waffen im Wert von über 40 Milliarden Dollar", False, "über", "über 40 Milliarden Dollar"),
    ("weitere Hilfen für Kiew über 800 Millionen Dollar", False, "", "800 Millionen Dollar"),
])
def test_hedges(text, approx, qualifier, mention):
    (match,) = parse_money(text)
    assert (match.approx, match.qualifier, match.text) == (approx, qualifier, mention)


@pytest.mark.parametrize("text", [
    "zwischen fünf und sechs Milliarden Euro", "5 bis 6 Mrd. €", "5–6 Milliarden Euro",
    "zwischen 5 Mrd. Euro und 6 Mrd. Euro",
])
def test_ranges_give_one_row_per_bound(text):
    low, high = parse_money(text)
    assert (low.amount, low.currency, low.qualifier) == (Decimal(5_000_000_000), "EUR", "mindestens")
    assert (high.amount, high.currency, high.qualifier) == (Decimal(6_000_000_000), "EUR", "bis zu")


def test_change_shares_scale_and_currency():
    low, high = parse_money("Der Etat steigt von 50 auf 52 Milliarden Euro.")
    assert (low.amount, high.amount, low.qualifier, high.qualifier) == (
        Decimal(50_000_000_000), Decimal(52_000_000_000), "", "")


def test_restatements_are_linked():
    text = "im Wert von einer Milliarde Dollar (knapp 930 Millionen Euro) und 800 Millionen Dollar (730 Millionen Euro)"
    first, second, third, fourth = parse_money(text)
    assert second.equivalent_of == first.start and second.approx
    assert fourth.equivalent_of == third.start
    assert first.equivalent_of is None and third.equivalent_of is None
    (_, later) = parse_money("Japan sagte 4,5 Milliarden Dollar zu, umgerechnet etwa 4,1 Milliarden Euro.")
    assert later.equivalent_of is not None


def test_same_currency_is_no_restatement():
    assert all(m.equivalent_of is None for m in parse_money("Es sind 5 Mio. Euro (statt 4 Mio. Euro)."))


# --- the component -----------------------------------------------------------------------------------

def test_component_writes_spans(nlp):
    text = 'Biden will weitere "Sicherheitshilfen" für Kiew über 800 Millionen Dollar (730 Millionen Euro) ankündigen.'
    doc = nlp(text)
    spans = list(doc.spans["money"])
    assert [s.text for s in spans] == ["800 Millionen Dollar", "730 Millionen Euro"]
    first, second = (s._.money for s in spans)
    assert (first.amount, first.currency, first.approx, first.equivalent_of) == (800_000_000, "USD", False, None)
    assert (second.amount, second.currency, second.equivalent_of) == (730_000_000, "EUR", spans[0].start_char)


def test_component_snaps_to_tokens(nlp):
    doc = nlp("Die EU beschloss ein 50-Milliarden-Euro-Paket.")
    (span,) = doc.spans["money"]
    assert span._.money.amount == 50_000_000_000
    assert span.start_char <= doc.text.index("50-") and span.end_char >= doc.text.index("-Paket")


def test_component_on_empty_and_moneyless_docs(nlp):
    assert list(nlp("").spans["money"]) == []
    assert list(nlp("Die Nato hat 32 Mitglieder.").spans["money"]) == []


def test_component_in_a_pipeline_with_sentences():
    nlp = spacy.blank("de")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("money")
    doc = nlp("Das Sondervermögen von 100 Milliarden Euro. Davon sind 32 Milliarden Euro verplant.")
    assert [s._.money.amount for s in doc.spans["money"]] == [100_000_000_000, 32_000_000_000]


# --- evaluation: seeds and phrase suite ------------------------------------------------------------

def test_phrase_suite_is_large_and_readable():
    phrases = money_eval.load_phrase_suite()
    assert len(phrases) >= 150
    assert sum(1 for p in phrases if not p.expected) >= 30  # negatives are part of the suite


def test_phrase_suite_f1(nlp):
    score = money_eval.run_suite(nlp, money_eval.load_phrase_suite())
    assert score.f1 >= 0.97, "\n".join(score.errors)
    assert score.approx_ok / score.matched >= 0.95
    assert score.links_ok == score.links_expected


@pytest.fixture(scope="module")
def seed_result(nlp):
    if not (SHARED / "gold" / "seeds" / "money.csv").exists():
        pytest.skip(f"seed gold not found at {SHARED}/gold/seeds/money.csv")
    return money_eval.run_seeds(SHARED, nlp)


def test_seeds_all_gold_amounts_and_nothing_else(seed_result):
    assert (seed_result.tp, seed_result.fn, seed_result.fp) == (7, 0, 0), "\n".join(seed_result.lines)
    assert seed_result.wrong_approx == 0
    assert not [line for line in seed_result.lines if line.split()[0] in ("MISS", "EXTRA", "DIFF", "LINK")]


def test_seeds_restatement_links(seed_result):
    assert len(seed_result.links) == 2
    joined = "\n".join(seed_result.links)
    assert "'knapp 930 Millionen Euro' restates 'einer Milliarde Dollar'" in joined
    assert "'730 Millionen Euro' restates '800 Millionen Dollar'" in joined


def test_evaluate_report(shared):
    report = money_eval.run(shared)
    assert "found 7 of 7 gold amounts, 0 extra rows" in report
    assert "Phrase suite" in report and "F1=" in report


@pytest.mark.parametrize("text, qualifier", [
    ('weitere "Sicherheitshilfen" für Kiew über 800 Millionen Dollar', ""),
    ("Die G7 einigten sich auf einen Kredit über 50 Milliarden US-Dollar.", ""),
    ("Kredite der Weltbank über 2 Mrd. Euro", ""),
    ("Die Ukraine erhält von der EU über 50 Mrd. Euro.", "über"),
    ("Polen gab im vergangenen Jahr über 30 Mrd. Euro aus.", "über"),
    ("Über 5 Mrd. Euro flossen.", "über"),
    ("Der Rubel fiel auf über 100 Rubel.", "über"),
])
def test_ueber_more_than_or_amount_of(text, qualifier):
    (match,) = parse_money(text)
    assert match.qualifier == qualifier


def test_beziehungsweise_restates():
    first, second = parse_money("Es ging um 5 Mrd. Euro bzw. 5,4 Mrd. Dollar.")
    assert second.equivalent_of == first.start


@pytest.mark.parametrize("text, expected", [
    ("Mitte 2022 – 5 Mrd. Euro", [5_000_000_000]),
    ("zwischen 2022 und 2024 5 Mrd. Euro", [5_000_000_000]),
    ("Die Zahl stieg von 2021 bis 2023 auf 5 Mrd. Euro", [5_000_000_000]),
    ("Die Löhne liegen bei 1900 bis 2100 Euro.", [1900, 2100]),
    ("Rund 5 Milliarden Euro – davon 2 Milliarden für Waffen.", [5_000_000_000, 2_000_000_000]),
    ("5 Mrd. Euro für 2 Millionen Menschen", [5_000_000_000]),
])
def test_years_and_elliptic_amounts(text, expected):
    assert [m.value for m in parse_money(text)] == expected


@pytest.mark.parametrize("text, currency", [
    ("Norwegen hat ein Hilfsprogramm über 75 Milliarden Kronen aufgelegt.", "NOK"),
    ("Die dänische Regierung gibt 2 Mrd. Kronen.", "DKK"),
    ("Stockholm stellt 7 Mrd. Kronen bereit.", "SEK"),
    ("Dänemark stockt seinen Ukraine-Fonds um 6,5 Mrd. Kronen auf.", "DKK"),
    ("Der isländische Staat zahlt 5 Mrd. Kronen.", "ISK"),
    ("Tschechien zahlt 1,5 Mrd. Kronen für Munition.", "CZK"),
])
def test_shared_currency_names_resolved_by_country(text, currency):
    (match,) = parse_money(text)
    assert match.currency == currency


def test_shared_currency_name_without_country_is_dropped():
    assert parse_money("Die Firma erhielt 5 Mio. Kronen.") == []


# --- price notation with a dash for zero cents ----------------------------------------------------------

@pytest.mark.parametrize("text, amount, mention", [
    ("Die Geldstrafe beträgt 5.000,- Euro.", 5000, "5.000,- Euro"),
    ("Die Teilnahme kostet 5.000,-- €.", 5000, "5.000,-- €"),
    ("Die Gebühr beträgt EUR 1.200,-.", 1200, "EUR 1.200,-"),
    ("Das Abo kostet 49,– € im Monat.", 49, "49,– €"),
    ("Das Ticket kostet 12,50 €.", Decimal("12.5"), "12,50 €"),
    ("Die Miete beträgt 1 200,- Euro.", 1200, "1 200,- Euro"),
])
def test_dash_for_zero_cents(text, amount, mention):
    (match,) = parse_money(text)
    assert (match.amount, match.currency, match.text) == (Decimal(amount), "EUR", mention)


def test_dash_for_zero_cents_in_a_range():
    low, high = parse_money("Die Preise liegen zwischen 100,- und 200,- Euro.")
    assert (low.amount, high.amount, low.qualifier, high.qualifier) == (100, 200, "mindestens", "bis zu")


# --- a hedge before a range ------------------------------------------------------------------------------

@pytest.mark.parametrize("text, low_value, high_value, currency, low_mention", [
    ("Der Schaden liegt bei rund 3 bis 4 Milliarden Euro.", 3_000_000_000, 4_000_000_000, "EUR", "rund 3"),
    ("Die Kosten liegen zwischen etwa 2 und 3 Mrd. Dollar.", 2_000_000_000, 3_000_000_000, "USD",
     "zwischen etwa 2"),
    ("Die Kosten liegen etwa zwischen 2 und 3 Mrd. Dollar.", 2_000_000_000, 3_000_000_000, "USD",
     "etwa zwischen 2"),
    ("Die Reparatur kostet zwischen rund 15.000 € und 20.000 €.", 15_000, 20_000, "EUR", "zwischen rund 15.000 €"),
    ("Die Reparatur kostet ca. 15.000 € bis 20.000 €.", 15_000, 20_000, "EUR", "ca. 15.000 €"),
])
def test_hedge_before_a_range_makes_both_bounds_approximate(text, low_value, high_value, currency, low_mention):
    low, high = parse_money(text)
    assert (low.value, high.value, low.currency, high.currency) == (low_value, high_value, currency, currency)
    assert (low.approx, high.approx) == (True, True)
    assert (low.qualifier, high.qualifier) == ("mindestens", "bis zu")
    assert low.text == low_mention


def test_bound_hedge_before_a_range_keeps_the_range_qualifiers():
    low, high = parse_money("Es fehlen mindestens 2 bis 3 Mrd. Euro.")
    assert (low.approx, high.approx, low.qualifier, high.qualifier) == (False, False, "mindestens", "bis zu")


def test_hedge_before_a_change_stays_with_its_number():
    old, new = parse_money("Der Etat steigt von rund 50 auf 52 Milliarden Euro.")
    assert (old.value, old.approx, old.qualifier) == (50_000_000_000, True, "rund")
    assert (new.value, new.approx, new.qualifier) == (52_000_000_000, False, "")


def test_falling_amounts_joined_by_a_dash_are_no_range():
    first, second = parse_money("Die Kampagne kostet 12 Millionen Euro – 3 Millionen Euro mehr als geplant.")
    assert (first.qualifier, second.qualifier) == ("", "")


# --- an adjective before the scale word; amounts tied to a money noun without a currency word -------------

@pytest.mark.parametrize("text, value, currency, approx, qualifier, mention", [
    ("versprach eine weitere Milliarde Pfund an Militärhilfe", 1_000_000_000, "GBP", False, "",
     "eine weitere Milliarde Pfund"),
    ("stellt eine zusätzliche Milliarde Euro bereit", 1_000_000_000, "EUR", False, "",
     "eine zusätzliche Milliarde Euro"),
    ("sagten zwei weitere Milliarden Euro zu", 2_000_000_000, "EUR", False, "", "zwei weitere Milliarden Euro"),
    ("kostet eine knappe Milliarde Euro", 1_000_000_000, "EUR", True, "knapp", "eine knappe Milliarde Euro"),
    ("mit einer knappen Milliarde Euro", 1_000_000_000, "EUR", True, "knapp", "einer knappen Milliarde Euro"),
    ("ist eine gute halbe Milliarde Euro vorgesehen", 500_000_000, "EUR", True, "gut",
     "eine gute halbe Milliarde Euro"),
    ("um eine weitere halbe Milliarde Dollar", 500_000_000, "USD", False, "", "eine weitere halbe Milliarde Dollar"),
    ("Die erste Milliarde Euro ist geflossen.", 1_000_000_000, "EUR", False, "", "Die erste Milliarde Euro"),
    ("Jede weitere Million Euro muss freigegeben werden.", 1_000_000, "EUR", False, "", "Jede weitere Million Euro"),
    ("Es fehlen rund eine weitere Milliarde Euro.", 1_000_000_000, "EUR", True, "rund",
     "rund eine weitere Milliarde Euro"),
])
def test_adjective_before_the_scale_word(text, value, currency, approx, qualifier, mention):
    (match,) = parse_money(text)
    assert (match.value, match.currency, match.approx, match.qualifier, match.text) == (
        value, currency, approx, qualifier, mention)


@pytest.mark.parametrize("text, value, currency, mention", [
    ("Das 100 Milliarden schwere Sondervermögen ist verplant.", 100_000_000_000, "EUR", "100 Milliarden"),
    ("Die Regierung legte ein 200 Milliarden schweres neues Entlastungspaket auf.", 200_000_000_000, "EUR",
     "200 Milliarden"),
    ("Der Kongress billigte ein 61 Milliarden schweres Hilfspaket.", 61_000_000_000, "USD", "61 Milliarden"),
    ("Die Bundesregierung schnürte ein Paket über 2,5 Milliarden für die Luftverteidigung.", 2_500_000_000, "EUR",
     "2,5 Milliarden"),
    ("Das Pentagon kündigte ein Paket für Kiew über 1,2 Milliarden an.", 1_200_000_000, "USD", "1,2 Milliarden"),
    ("Die Ukraine erhält Kredite im Umfang von 45 Milliarden.", 45_000_000_000, "EUR", "45 Milliarden"),
    ("Das Sondervermögen ist 100 Milliarden schwer.", 100_000_000_000, "EUR", "100 Milliarden"),
    ("Der Europäische Rat billigte das 50-Milliarden-Ukraine-Hilfspaket.", 50_000_000_000, "EUR", "50-Milliarden"),
    ("Der US-Kongress stritt über das 61-Milliarden-Ukraine-Paket.", 61_000_000_000, "USD", "61-Milliarden"),
    ("Das 100-Milliarden-Euro-Sondervermögen läuft aus.", 100_000_000_000, "EUR", "100-Milliarden-Euro"),
    ("Der Senat stimmte dem 8-Milliarden-Dollar-Paket zu.", 8_000_000_000, "USD", "8-Milliarden-Dollar"),
])
def test_amount_tied_to_a_money_noun(text, value, currency, mention):
    (match,) = parse_money(text)
    assert (match.value, match.currency, match.text, match.qualifier) == (value, currency, mention, "")


def test_hedge_after_a_link_stays_with_the_amount():
    (rund,) = parse_money("Die Hilfe im Wert von rund 2 Milliarden für die Ukraine.")
    assert (rund.value, rund.approx, rund.qualifier, rund.text) == (2_000_000_000, True, "rund", "rund 2 Milliarden")
    (over,) = parse_money("Kredite von über 2 Milliarden.")
    assert (over.approx, over.qualifier) == (False, "über")
    (heavy,) = parse_money("Das rund 60 Milliarden schwere Loch im Haushalt.")
    assert (heavy.value, heavy.approx, heavy.qualifier) == (60_000_000_000, True, "rund")


def test_elliptic_amount_with_an_adjective():
    text = "Kiew erhält eine weitere Milliarde Euro, eine zusätzliche halbe Milliarde soll folgen."
    first, second = parse_money(text)
    assert (first.value, second.value, second.currency) == (1_000_000_000, 500_000_000, "EUR")
    assert second.text == "eine zusätzliche halbe Milliarde"
