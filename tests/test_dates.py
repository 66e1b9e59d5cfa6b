"""The `dates` component on real German sentences: values, offsets, anchors, precision, and the samples."""
from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
import spacy

from pipeline.extractors import dates  # noqa: F401  (registers the factory)
from pipeline.nlp import ensure_linguistic_basics
from pipeline.records import PubDate
from pipeline.temporal.lexicon import load_lexicon

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def make_nlp(mode: str = "news"):
    nlp = spacy.blank("de")
    ensure_linguistic_basics(nlp)
    nlp.add_pipe("dates", config={"mode": mode})
    return nlp


@pytest.fixture(scope="module")
def news():
    return make_nlp("news")


@pytest.fixture(scope="module")
def narrative():
    return make_nlp("narrative")


def run(nlp, text: str, dct: PubDate = PubDate()):
    doc = nlp.make_doc(text)
    doc._.dct = dct
    return nlp(doc)


def day(value: str) -> PubDate:
    return PubDate(value, "day", "metadata")


def found(doc) -> dict[str, object]:
    return {span.text: span._.timex for span in doc.spans["dates"]}


# ---- absolute dates, months, years ----------------------------------------------------------------
def test_full_date_with_offsets_and_interval(news):
    text = "Am 3. April 2024 trafen sich die Außenminister in Brüssel."
    doc = run(news, text, day("2024-04-05"))
    [span] = doc.spans["dates"]
    assert (span.start_char, span.end_char) == (text.index("3. April"), text.index(" trafen"))
    t = span._.timex
    assert (t.type, t.value, t.date_start, t.date_end, t.precision, t.anchor) == (
        "DATE", "2024-04-03", "2024-04-03", "2024-04-03", "day", "none")


def test_numeric_date_with_clock_time_is_one_time_expression(news):
    t = found(run(news, "Stand: 03.04.2024 19:20 Uhr", day("2024-04-03")))["03.04.2024 19:20 Uhr"]
    assert (t.type, t.value, t.precision) == ("TIME", "2024-04-03T19:20", "day")


def test_day_lists_share_month_and_year(news):
    doc = run(news, "Der Gipfel findet am 11. und 12. Juli in Vilnius statt, Treffen vom 9. bis 10. Juni.",
              PubDate("2023-06", "month", "metadata"))
    values = {s.text: s._.timex.value for s in doc.spans["dates"]}
    assert values == {"11.": "2023-07-11", "12. Juli": "2023-07-12", "9.": "2023-06-09", "10. Juni": "2023-06-10"}


def test_month_and_year_forms(news):
    doc = run(news, "Im Januar 2022 tagte der Rat letztmals. Russland ist seit 2002 dabei, "
                    "die im Jahr 1997 unterzeichnete Grundakte gilt noch.", day("2023-06-14"))
    values = {s.text: (s._.timex.value, s._.timex.precision, s._.timex.anchor) for s in doc.spans["dates"]}
    assert values["Januar 2022"] == ("2022-01", "month", "none")
    assert values["2002"] == ("2002", "year", "none")
    assert values["Jahr 1997"] == ("1997", "year", "none")


def test_month_without_year_takes_the_publication_year(news):
    t = found(run(news, "Alles dient der Vorbereitung des Gipfels im Juli in Washington.", day("2024-04-03")))["Juli"]
    assert (t.value, t.date_start, t.date_end, t.anchor) == ("2024-07", "2024-07-01", "2024-07-31", "dct")


@pytest.mark.parametrize("text, mention, value", [
    ("Rutte übernimmt am 1. Oktober das Amt.", "1. Oktober", "2024-10-01"),  # present tense looks ahead
    ("Im März kam die Union auf 30 Prozent.", "März", "2023-03"),  # past tense: the March before
    ("Im Dezember hatte Selenskyj gewarnt.", "Dezember", "2023-12"),
    ("Der Gipfel soll im Januar stattfinden.", "Januar", "2024-01"),
])
def test_tense_decides_the_year_of_a_bare_month(news, text, mention, value):
    assert found(run(news, text, day("2024-02-21")))[mention].value == value


def test_parts_of_periods_keep_value_and_set_modifier(news):
    doc = run(news, "Die Entscheidung fällt Ende Juni in Madrid, Anfang 2025 oder Mitte Juli, spätestens Ende 2025 soll es so weit sein.",
              day("2022-03-16"))
    got = {s.text: (s._.timex.value, s._.timex.modifier) for s in doc.spans["dates"]}
    assert got["Ende Juni"] == ("2022-06", "END")
    assert got["Anfang 2025"] == ("2025", "START")
    assert got["Mitte Juli"] == ("2022-07", "MID")
    assert got["Ende 2025"] == ("2025", "END")


def test_season_and_quarter(news):
    doc = run(news, "Stoltenberg hört im Herbst auf. Im ersten Quartal 2024 stiegen die Ausgaben.", day("2024-04-03"))
    got = {s.text: (s._.timex.value, s._.timex.precision) for s in doc.spans["dates"]}
    assert got["Herbst"] == ("2024-FA", "season")
    assert got["ersten Quartal 2024"] == ("2024-Q1", "quarter")


# ---- deictic words, weeks, weekdays, offsets ---------------------------------------------------------
def test_deictic_words_resolve_against_the_publication_date(news):
    doc = run(news, "Gestern wurde beraten, heute wird verhandelt, morgen wird gefeiert und übermorgen gereist.",
              day("2024-04-03"))
    got = {s.text: (s._.timex.value, s._.timex.anchor) for s in doc.spans["dates"]}
    assert got == {"Gestern": ("2024-04-02", "dct"), "heute": ("2024-04-03", "dct"),
                   "morgen": ("2024-04-04", "dct"), "übermorgen": ("2024-04-05", "dct")}


def test_weeks_and_weekdays(news):
    text = ("Auch kommende Woche soll es ein Treffen geben. Biden wird am Donnerstag der kommenden Woche erwartet. "
            "Am Donnerstag empfängt Scholz Stoltenberg. Am Montag hatte Lambrecht gewarnt.")
    doc = run(news, text, day("2022-03-16"))  # a Wednesday
    got = {s.text: s._.timex for s in doc.spans["dates"]}
    week = got["kommende Woche"]
    assert (week.value, week.precision, week.date_start, week.date_end) == ("2022-W12", "week", "2022-03-21", "2022-03-27")
    assert got["Donnerstag der kommenden Woche"].value == "2022-03-24"
    assert got["Donnerstag"].value == "2022-03-17"  # present tense: the coming Thursday
    assert got["Montag"].value == "2022-03-14"  # past perfect: the Monday before


def test_offsets_and_relative_years(news):
    doc = run(news, "Vor zwei Wochen begann der Streit, in vier Wochen tagt der Gipfel. "
                    "Im vergangenen Jahr stiegen die Ausgaben.", day("2024-04-03"))
    got = {s.text: (s._.timex.value, s._.timex.anchor) for s in doc.spans["dates"]}
    assert got["Vor zwei Wochen"] == ("2024-W12", "dct")
    assert got["in vier Wochen"] == ("2024-W18", "dct")
    assert got["vergangenen Jahr"] == ("2023", "dct")


def test_durations_and_vague_references(news):
    doc = run(news, "100 Milliarden Euro in den nächsten fünf Jahren? Die USA blockieren seit Monaten Geld. "
                    "Kürzlich sagte er, man werde in wenigen Tagen entscheiden.", day("2024-04-03"))
    got = {s.text: (s._.timex.type, s._.timex.value, s._.timex.date_start) for s in doc.spans["dates"]}
    assert got["nächsten fünf Jahren"] == ("DURATION", "P5Y", "")
    assert got["Monaten"] == ("DURATION", "PXM", "")  # "seit" stays outside (TIMEX2 span convention)
    assert got["Kürzlich"] == ("DATE", "PAST_REF", "")
    assert got["in wenigen Tagen"] == ("DATE", "FUTURE_REF", "")
    assert not any("Milliarden" in text for text in got)


def test_relative_periods_with_parts_and_capitalised_shifts(news):
    doc = run(news, "Anfang nächsten Jahres soll das Paket stehen, spätestens Ende des Monats. "
                    "Nächstes Jahr wird gewählt. Ende kommender Woche wird beraten.", day("2024-02-21"))
    got = {s.text: (s._.timex.value, s._.timex.modifier) for s in doc.spans["dates"]}
    assert got["Anfang nächsten Jahres"] == ("2025", "START")
    assert got["Ende des Monats"] == ("2024-02", "END")
    assert got["Nächstes Jahr"] == ("2025", "")
    assert got["Ende kommender Woche"] == ("2024-W09", "END")


def test_offset_from_an_anchor_event_and_night_before(news):
    doc = run(news, "Zwei Jahre nach Kriegsbeginn zieht die NATO Bilanz. In der Nacht zum Mittwoch griffen Drohnen an.",
              day("2024-02-21"))
    got = {s.text: s._.timex for s in doc.spans["dates"]}
    assert (got["Zwei Jahre nach Kriegsbeginn"].value, got["Zwei Jahre nach Kriegsbeginn"].precision) == ("2024", "year")
    assert got["Nacht zum Mittwoch"].value == "2024-02-20TNI"


def test_season_not_yet_begun_is_this_years(news):
    doc = run(news, "Kiew plant im Frühjahr eine Gegenoffensive. Im kommenden Frühjahr soll die Ausbildung enden, "
                    "im vergangenen Herbst hatte sie begonnen.", day("2023-02-14"))
    got = {s.text: s._.timex.value for s in doc.spans["dates"]}
    assert got == {"Frühjahr": "2023-SP", "kommenden Frühjahr": "2023-SP", "vergangenen Herbst": "2022-FA"}


def test_weekend_follows_the_tense(news):
    doc = run(news, "Austin war erst am Wochenende in Kiew gewesen. Am Wochenende beraten die Außenminister erneut.",
              day("2022-04-27"))  # a Wednesday
    assert [s._.timex.value for s in doc.spans["dates"]] == ["2022-W16-WE", "2022-W17-WE"]


@pytest.mark.parametrize("text, mention, value", [
    ("Die Runde solle künftig einmal im Monat zusammenkommen.", "einmal im Monat", "P1M"),
    ("Jeden Monat liefert Deutschland neue Munition.", "Jeden Monat", "P1M"),
    ("Die Minister treffen sich monatlich in Ramstein.", "monatlich", "P1M"),
    ("Alle zwei Jahre findet ein Gipfel statt.", "Alle zwei Jahre", "P2Y"),
    ("Die Verluste steigen Woche für Woche.", "Woche für Woche", "P1W"),
])
def test_recurring_times_are_sets(news, text, mention, value):
    t = found(run(news, text, day("2022-04-27")))[mention]
    assert (t.type, t.value) == ("SET", value)


def test_within_the_next_year_is_a_one_year_window(news):
    doc = run(news, "Die Verbündeten wollen der Ukraine innerhalb des nächsten Jahres Militärhilfe bereitstellen, "
                    "im kommenden Jahr soll die Produktion steigen, binnen der kommenden Wochen mehr.", day("2024-07-11"))
    got = {s.text: (s._.timex.type, s._.timex.value) for s in doc.spans["dates"]}
    assert got == {"nächsten Jahres": ("DURATION", "P1Y"), "kommenden Jahr": ("DATE", "2025"),
                   "kommenden Wochen": ("DATE", "FUTURE_REF")}


def test_last_day_of_a_summit_is_not_yesterday(news):
    doc = run(news, "Am letzten Tag des Jubiläumsgipfels stand die Ukraine im Mittelpunkt. "
                    "Am letzten Tag des Treffens sprach Selenskyj. In der letzten Woche hatte er gewarnt.", day("2024-07-11"))
    got = {s.text: s._.timex.value for s in doc.spans["dates"]}
    assert got == {"letzten Tag des Jubiläumsgipfels": "2024-07-11", "letzten Woche": "2024-W27"}


def test_shortly_after_in_a_past_report_is_past(news):
    doc = run(news, "Am Dienstagnachmittag war es so weit. Wenig später wurde vor dem Gebäude die Flagge gehisst. "
                    "Kurz darauf soll der Beitritt gefeiert werden.", day("2023-04-04"))
    got = {s.text: s._.timex.value for s in doc.spans["dates"]}
    assert got["Wenig später"] == "PAST_REF" and got["Kurz darauf"] == "FUTURE_REF"


def test_morning_of_a_later_day_word_in_the_same_clause(news):
    doc = run(news, "Ramstein-Miesenbach. Schon am frühen Morgen kreisten gestern die Hubschrauber über der Westpfalz. "
                    "Am Abend sprach Austin, am Donnerstag reist er weiter.", day("2022-04-27"))
    got = {s.text: s._.timex.value for s in doc.spans["dates"]}
    assert got["am frühen Morgen"] == "2022-04-26TMO" and got["gestern"] == "2022-04-26"
    assert got["Am Abend"] == "2022-04-26TEV"  # a comma ends the clause: Thursday is not its day


def test_shift_words_before_a_month(news):
    doc = run(news, "Dafür steht das Sondervermögen bereit, das der Bundestag im vergangenen Juni beschlossen hatte. "
                    "Im kommenden Mai soll die Ausbildung beginnen, Anfang nächsten März die Lieferung.", day("2023-01-25"))
    got = {s.text: s._.timex.value for s in doc.spans["dates"]}
    assert got == {"vergangenen Juni": "2022-06", "kommenden Mai": "2023-05", "Anfang nächsten März": "2023-03"}


def test_month_of_the_previous_year_is_found_without_a_publication_date(news):
    doc = run(news, "Den Antrag hatten Finnland und Schweden im Mai vergangenen Jahres gemeinsam gestellt, "
                    "der Bundestag hatte im vergangenen Juni zugestimmt.")
    assert [(s.text, s._.timex.value) for s in doc.spans["dates"]] == [
        ("Mai vergangenen Jahres", "XXXX-05"), ("vergangenen Juni", "XXXX-06")]
    doc = run(news, "Den Antrag hatten Finnland und Schweden im Mai vergangenen Jahres gemeinsam gestellt.", day("2023-04-04"))
    assert found(doc)["Mai vergangenen Jahres"].value == "2022-05"


def test_without_publication_date_a_distant_year_is_no_anchor(news):
    text = ("Helsinki bringt eine der größten Artilleriestreitkräfte Europas mit. Ende 2021 hatte die Regierung "
            "den Kauf von 64 Kampfjets beschlossen.\n\nDen Antrag hatten Finnland und Schweden gemeinsam gestellt. "
            "Beim Gipfel in Madrid Ende Juni wurden beide offiziell eingeladen. Ungarn stimmte Ende März zu. "
            "Billström hofft, dass sein Land bis zum Gipfel in Vilnius im Juli aufgenommen werde.")
    doc = run(news, text)
    got = {s.text: s._.timex.value for s in doc.spans["dates"]}
    assert got["Ende Juni"] == "2022-06" and got["Juli"] == "2023-07"  # the months of the named summits
    assert got["Ende März"] == "XXXX-03"  # after June 2022: a flashback or the next year, the text does not say


def test_without_publication_date_weekdays_take_a_date_of_their_paragraph(news):
    text = ("Die Verteidigungsminister hatten sich am 14. Februar 2023 in Brüssel getroffen. Am Mittwoch setzen sie ihre "
            "Beratungen fort, am Montag hatte Stoltenberg gewarnt.\n\nAm Freitag beginnt die Sicherheitskonferenz.")
    doc = run(news, text)
    got = [(s.text, s._.timex.value) for s in doc.spans["dates"]]
    assert got[1:] == [("Mittwoch", "2023-02-15"), ("Montag", "2023-02-13"), ("Freitag", "XXXX-WXX-5")]


def test_offset_from_a_season_keeps_the_season(news):
    doc = run(news, "Im Sommer 1940 begann die Luftschlacht um England. Drei Wochen später griff die Luftwaffe London an.")
    assert found(doc)["Drei Wochen später"].value == "1940-SU"  # never more precise than its anchor


# ---- no false positives --------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Die Ministerin sprach mit Sam und Don über die Lage.",
    "Die Abgeordnete Maria Mai stimmte dagegen.",
    "Insgesamt 100 Milliarden Euro sollen fließen.",
    "Bis zu 50 Länder haben sich in Ramstein getroffen.",
    "Rund 1500 Soldaten und 2000 Panzer wurden verlegt.",
    "Der Morgen war kalt, die Mitte der Allianz hielt.",
    "Die 23-jährige Israelin gewann, Dreimonatig-Freiwillige halfen.",
    "Für die Menschen rund um die Air Base war es ein Tag wie kein anderer.",
    "Es war ein Jahr der Krisen, ein Tag, an dem vieles zerbrach.",
])
def test_no_false_positives(news, text):
    assert [s.text for s in run(news, text, day("2024-04-03")).spans["dates"]] == []


# ---- narrative mode -------------------------------------------------------------------------------------
def test_narrative_mode_anchors_to_the_last_explicit_date(narrative):
    text = ("Am 1. September 1939 begann der Angriff. Am 3. September erklärte Großbritannien den Krieg. "
            "Einen Tag später folgte Frankreich. Im Mai griff die Wehrmacht an. Heute erinnert ein Denkmal daran.")
    doc = run(narrative, text, day("2011-02-16"))
    got = {s.text: (s._.timex.value, s._.timex.anchor) for s in doc.spans["dates"]}
    assert got["3. September"] == ("1939-09-03", "previous")
    assert got["Einen Tag später"] == ("1939-09-04", "previous")
    assert got["Mai"] == ("1939-05", "previous")
    assert got["Heute"][0] == "PRESENT_REF"


def test_anchor_event_counts_only_inside_its_validity_window(narrative):
    doc = run(narrative, "Am 5. Tag des Krieges fiel die Stadt.", day("2011-02-16"))
    assert all(s._.timex.value != "2022-02-28" for s in doc.spans["dates"])


# ---- word lists kept as data files ------------------------------------------------------------------------
def test_temporal_word_lists_load_from_data_files():
    lex = load_lexicon("de")
    assert lex.decades["neunziger"] == 9 and "etwa" in lex.approx_words and lex.set_units["wöchentlich"] == "W"
    assert lex.ordinals["zweiten"] == 2 and lex.quarter_units["Jahreshälfte"] == "H"
    assert lex.offset_direction("Vor") == (-1, "dct", "ref") and lex.window_shifts["ersten"] == "DURATION"
    assert lex.time_zone("mitteleuropäischer  Sommerzeit") == "+02" and lex.unit_prefix("Wochenende") == "WE"
    assert lex.deictic_dayparts["heute Abend"] == "EV"
    assert lex.aside_cue.search("Bis in die ") and lex.same_day_cue.search("Heute, ")
    assert lex.year_cue.search("Stand ") and lex.count_cue.search("mehr als ") and lex.measure_cue.match(" Euro")


def test_decades_approximations_and_sets_normalise_from_the_data(narrative):
    doc = run(narrative, "In den neunziger Jahren, um 1900 und etwa im März 2023 dauerte es etwa drei Jahre. "
                         "Die Zeitung erscheint wöchentlich, die Bilanz kommt in der zweiten Jahreshälfte.",
              day("1998-06-14"))
    got = {s.text: (s._.timex.type, s._.timex.value, s._.timex.modifier) for s in doc.spans["dates"]}
    assert got == {"den neunziger Jahren": ("DATE", "199", ""), "um 1900": ("DATE", "1900", "APPROX"),
                   "März 2023": ("DATE", "2023-03", ""), "etwa drei Jahre": ("DURATION", "P3Y", "APPROX"),
                   "wöchentlich": ("SET", "P1W", ""), "zweiten Jahreshälfte": ("DATE", "2023-H2", "")}


def test_decade_word_without_century_is_the_latest_such_decade(news):
    doc = run(news, "Seit den neunziger Jahren wächst die NATO, in den zwanziger Jahren erst recht.", day("2023-06-14"))
    got = {s.text: s._.timex.value for s in doc.spans["dates"]}
    assert got == {"den neunziger Jahren": "199", "den zwanziger Jahren": "202"}


# ---- publication-date inference --------------------------------------------------------------------------
def test_dct_inferred_from_day_of_war(news):
    doc = run(news, "Obwohl der Vormarsch am 21. Tag des Kriegs als gescheitert gelten kann, bleibt die Lage ernst. "
                    "Auch kommende Woche soll es ein Treffen geben.")
    assert doc._.dct == PubDate("2022-03-16", "day", "inferred")
    assert found(doc)["kommende Woche"].value == "2022-W12"


def test_dct_stays_coarse_without_enough_evidence(news):
    doc = run(news, "Am Donnerstag beraten die Minister in Brüssel.", PubDate("2022-03", "month", "metadata"))
    assert doc._.dct == PubDate("2022-03", "month", "metadata")
    assert found(doc)["Donnerstag"].value == "2022-03"  # never more precise than the anchor


def test_dct_from_tomorrow_thursday_and_a_dated_summit(news):
    text = ("Die Verteidigungsminister beraten morgen in Brüssel über neue Militärhilfen. "
            "Über weitere Militärhilfen beraten am Donnerstag die Verteidigungsminister im Hauptquartier. "
            "Der Beitritt sollte auf dem NATO-Gipfel in vier Wochen gefeiert werden. "
            "Selenskyj ist zum NATO-Gipfel in Vilnius am 11. und 12. Juli eingeladen.")
    doc = run(news, text, PubDate("2023-06", "month", "metadata"))
    assert doc._.dct == PubDate("2023-06-14", "day", "inferred")
    assert found(doc)["morgen"].value == "2023-06-15"


@pytest.mark.parametrize("text, dct, mentions", [
    # a date line with trailing text under the headline
    ("Kampfpanzer für die Ukraine\n\n25. Januar 2023, 19:52 Uhr • aus Berlin und Washington\n\n"
     "Die Entscheidung kam am Mittwochvormittag per Pressemitteilung. Am Dienstag hatte Warschau den Antrag gestellt.",
     "2023-01-25", {"Dienstag": "2023-01-24"}),
    # an agency dateline with a date
    ("Brüssel, 14. Februar 2023 (dpa) - Die westlichen Unterstützer der Ukraine wollen Kiew rasch mit mehr Munition "
     "versorgen. Ab Freitag treffen sich Politiker zur Münchner Sicherheitskonferenz.", "2023-02-14", {"Freitag": "2023-02-17"}),
    # an anniversary of a dated event and the weekday of the lead agree
    ("Nato-Erweiterung\n\nAm Dienstagnachmittag war es so weit: Der finnische Außenminister übergab in Brüssel "
     "die Beitrittsurkunde. Finnland ist damit das 31. Mitglied der Allianz, genau 74 Jahre nach der Unterzeichnung "
     "des Nordatlantikvertrags am 4. April 1949 in Washington. Das Treffen der Außenminister wird am Mittwoch "
     "fortgesetzt, das türkische Parlament hatte am Donnerstag vergangener Woche zugestimmt.",
     "2023-04-04", {"Mittwoch": "2023-04-05", "Donnerstag vergangener Woche": "2023-03-30"}),
    # an anniversary next week of an anchor event and the weekday of the lead agree
    ("Brüssel (dpa) - Bei einem Treffen im Nato-Hauptquartier rief US-Verteidigungsminister Lloyd Austin die "
     "Partner am Dienstag dazu auf, ihre Zusagen schnell umzusetzen. Die Minister beraten weiter.\n\n"
     "Am Freitag kommender Woche jährt sich der russische Angriff auf die Ukraine zum ersten Mal.",
     "2023-02-14", {"Freitag kommender Woche": "2023-02-24"}),
])
def test_dct_inferred_from_the_text_alone(news, text, dct, mentions):
    doc = run(news, text)
    assert doc._.dct == PubDate(dct, "day", "inferred")
    got = found(doc)
    assert {mention: got[mention].value for mention in mentions} == mentions


def test_dct_from_a_date_line_refines_a_metadata_month(news):
    doc = run(news, "Kampfpanzer für die Ukraine\n\n25. Januar 2023 | Lesezeit 4 Min.\n\nDie Entscheidung fiel am Mittwoch.",
              PubDate("2023-01", "month", "metadata"))
    assert doc._.dct == PubDate("2023-01-25", "day", "inferred")


@pytest.mark.parametrize("text", [
    # a lead weekday alone: any Tuesday
    "Brüssel (dpa) - Die Verteidigungsminister der Nato haben am Dienstag über Munition beraten.",
    # a retrospective lead date and nothing that agrees with it
    "Am 24. Februar 2022 überfiel Russland die Ukraine. Seitdem hat die Nato ihre Ostflanke verstärkt.",
    # a chronicle: dates at the start of several lines are entries, not the date of the text
    "Chronik\n\n24. Februar 2022: Russland greift an\n\n18. Mai 2022: Finnland beantragt die Aufnahme",
    # a past event after the date line's date: the line is not the publication date
    "14. Februar 2023\n\nAm 20. März 2023 hatten die Minister in Brüssel beraten.",
])
def test_dct_not_inferred_from_weak_or_contradicted_evidence(news, text):
    assert run(news, text)._.dct == PubDate()


# ---- the five samples against the seed gold --------------------------------------------------------------
METADATA = {"000": "2024-04-03", "001": "2024-02-10", "002": "2023-06", "003": "", "004": "2022-03"}


def blank_front_matter(text: str) -> str:
    m = re.match(r"\A---\n.*?\n---\n", text, re.S)
    return re.sub(r"[^\n]", " ", m.group(0)) + text[m.end():] if m else text


def pubdate(value: str) -> PubDate:
    return PubDate(value, {10: "day", 7: "month"}.get(len(value), "none"), "metadata" if value else "none")


@pytest.fixture(scope="module")
def sample_docs(news):
    if not (SHARED / "gold" / "seeds" / "timex.csv").exists():
        pytest.skip(f"seed gold not found under {SHARED}")
    docs = {}
    for path in sorted((REPO / "data" / "raw").glob("*.txt")):
        docs[path.stem] = run(news, blank_front_matter(path.read_text(encoding="utf-8")), pubdate(METADATA[path.stem[:3]]))
    return docs


def gold_rows(name: str) -> list[dict[str, str]]:
    with (SHARED / "gold" / "seeds" / name).open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_samples_required_gold_values(sample_docs):
    failures = []
    for row in gold_rows("timex.csv"):
        if row["required"] != "1":
            continue
        doc = sample_docs[row["doc_id"]]
        m = re.search(r"(?<!\w)" + re.escape(row["mention"]) + r"(?!\w)", doc.text)
        assert m, row
        spans = [s for s in doc.spans["dates"] if s.start_char < m.end() and m.start() < s.end_char]
        value = spans[0]._.timex.value if spans else None
        if value not in row["value"].split("|"):
            failures.append((row["doc_id"][:3], row["mention"], row["value"], value))
    assert failures == []


def test_samples_inferred_publication_dates(sample_docs):
    for row in gold_rows("documents.csv"):
        if row["metadata_date"] != row["true_date"]:
            assert sample_docs[row["doc_id"]]._.dct == PubDate(row["true_date"], "day", "inferred"), row["doc_id"]
        else:
            assert sample_docs[row["doc_id"]]._.dct.method == "metadata"


def test_absolute_dates_agree_with_dateparser(news):
    """Cross-check: the table-driven normalisation of full dates equals dateparser's reading of the span."""
    dateparser = pytest.importorskip("dateparser")
    text = ("Am 3. April 2024 trafen sich die Minister, am 24. Februar 2022 begann der Krieg. "
            "Stand: 10.02.2024. Der Gipfel war am 11. Juli 2023, die Konferenz am 1. September 1939.")
    doc = run(news, text, day("2024-04-05"))
    checked = 0
    for span in doc.spans["dates"]:
        t = span._.timex
        if t.anchor != "none" or t.precision != "day":
            continue
        parsed = dateparser.parse(span.text, languages=["de"],
                                  settings={"DATE_ORDER": "DMY", "REQUIRE_PARTS": ["day", "month", "year"]})
        assert parsed is not None and parsed.date().isoformat() == t.value[:10], span.text
        checked += 1
    assert checked == 5


def values(nlp, text: str, dct: str) -> dict[str, str]:
    """Mention → TIMEX3 value of `text` published on `dct`."""
    doc = run(nlp, text, day(dct))
    return {span.text: span._.timex.value for span in doc.spans["dates"]}


TICKER = """Schweden kündigte am Mittwoch sein bislang größtes Paket im Wert von 13,3 Milliarden Kronen an.

Die Entwicklungen im Tagesverlauf:

09:40 Uhr – Prag: Nato-Generalsekretär Stoltenberg begrüßt die Entscheidung Washingtons.

**12:55 Uhr** – Berlin: Regierungssprecher Hebestreit bestätigt die Genehmigung auch für deutsche Waffen.

17:25 Uhr – Charkiw: Bei einem russischen Raketenangriff auf ein Wohnhaus in der Nacht sind mehrere Menschen getötet worden.
"""


def test_live_ticker_times_take_the_publication_day_not_the_last_weekday(news):
    got = values(news, TICKER, "2024-05-31")
    assert got["Mittwoch"] == "2024-05-29"
    assert (got["09:40 Uhr"], got["12:55 Uhr"], got["17:25 Uhr"]) == (
        "2024-05-31T09:40", "2024-05-31T12:55", "2024-05-31T17:25")
    assert got["Nacht"] == "2024-05-31TNI"  # no day word in its sentence: the ticker entry's day


def test_live_ticker_times_follow_a_day_heading(news):
    text = ("Freitag, 31. Mai 2024\n\n18:05 Uhr – Kiew: Selenskyj dankt den Partnern.\n\n"
            "Donnerstag, 30. Mai 2024\n\n21:10 Uhr – Washington: Blinken deutet eine Kursänderung an.\n")
    got = values(news, text, "2024-05-31")
    assert (got["18:05 Uhr"], got["21:10 Uhr"]) == ("2024-05-31T18:05", "2024-05-30T21:10")


def test_a_date_line_is_no_ticker_heading(news):
    text = ("30.05.2024\n\nNato-Staaten lockern Auflagen für Waffen\n\nDie Entwicklungen im Tagesverlauf:\n\n"
            "08:15 Uhr – Kiew: Selenskyj dankt den Partnern.\n")
    assert values(news, text, "2024-05-31")["08:15 Uhr"] == "2024-05-31T08:15"  # updated: the DCT's day


def test_clock_time_inside_prose_keeps_the_day_of_its_narrative(news):
    text = "Am Mittwoch landete Scholz in Kiew. Um 14 Uhr traf er Selenskyj. Der Besuch war geheim gehalten worden."
    got = values(news, text, "2024-05-31")
    assert got["14 Uhr"] == "2024-05-29T14:00"


@pytest.mark.parametrize("text, value", [
    ("Biden unterzeichnete das Gesetz am Mittwoch im Weißen Haus, nachdem der Senat am Dienstagabend mit 79 zu 18 "
     "Stimmen zugestimmt hatte. Das Pentagon gab noch am selben Tag ein erstes Paket bekannt.", "2024-04-24"),
    ("Nachdem der Senat am Dienstag zugestimmt hatte, tagte der Ausschuss. Am gleichen Tag reiste Sunak nach "
     "Warschau.", "2024-04-23"),  # no day in a main clause: the subordinate one
    ("Am Samstag stimmte das Repräsentantenhaus zu. Biden unterschrieb am Mittwoch. Noch am selben Tag rollten "
     "die ersten Lieferungen an.", "2024-04-24"),
])
def test_same_day_repeats_the_main_clause_day_of_the_last_dated_sentence(news, text, value):
    got = values(news, text, "2024-04-24")
    assert got[next(k for k in got if k.endswith(("selben Tag", "gleichen Tag")))] == value


@pytest.mark.parametrize("text, value", [
    ("Spätestens nach der Präsidentschaftswahl im November könnte die Debatte von vorn beginnen.", "2024-11"),
    ("Im Dezember dürfte der Bundestag über den Haushalt abstimmen.", "2024-12"),
    ("Im Februar könnte die Zahl der Angriffe weiter steigen.", "2025-02"),  # non-past: the coming February
    ("Im März dürfte die Zahl der Angriffe bereits gestiegen sein.", "2024-03"),  # perfect infinitive: past
    ("Im Mai konnte die Armee die Stadt nicht halten.", "2023-05"),  # past modal
    ("Beobachter erwarten, dass die Debatte im Februar von vorn beginnen könnte.", "2025-02"),  # verb-final
    ("Der Oligarch soll am Montag nach Dubai geflohen sein.", "2024-04-22"),  # reported past
    ("Im Februar kann die Ukraine auf keine neuen Lieferungen hoffen.", "2024-02"),  # indicative: no tense
])
def test_modal_with_infinitive_is_non_past(news, text, value):
    got = values(news, text, "2024-04-24")
    assert list(got.values()) == [value]


@pytest.mark.parametrize("text, dct, value", [
    ("Die ersten sechs Jets sollen um den Jahreswechsel übergeben werden.", "2023-08-20", "2023-12"),
    ("Um den Jahreswechsel hatte Russland die Angriffe auf Kiew verstärkt.", "2024-08-20", "2023-12"),
    ("Die Front ist seit der Jahreswende weitgehend erstarrt.", "2024-02-10", "2023-12"),
])
def test_turn_of_the_year_is_the_december_before_it(news, text, dct, value):
    t = next(iter(found(run(news, text, day(dct))).values()))
    assert (t.type, t.value, t.modifier) == ("DATE", value, "END")


def test_turn_of_the_year_with_a_written_year_keeps_the_year(narrative):
    t = found(run(narrative, "Zum Jahreswechsel 1942 stand die Wehrmacht vor Moskau."))["Jahreswechsel 1942"]
    assert (t.value, t.modifier) == ("1942", "END")


def test_within_a_counted_period_is_a_duration(news):
    got = found(run(news, "Die Munition soll binnen zwölf Monaten geliefert werden, die ersten Granaten in drei "
                          "Wochen.", day("2024-03-18")))
    assert (got["binnen zwölf Monaten"].type, got["binnen zwölf Monaten"].value) == ("DURATION", "P12M")
    assert got["in drei Wochen"].value == "2024-W15"


# ---- probe 3: wire datelines, n-tv tickers, Austrian and Swiss forms, tense and idioms ------------------
def test_wire_dateline_with_abbreviated_month_takes_the_publication_year(news):
    doc = run(news, "Warschau, 01. Aug (Reuters) - Polen schickt zusätzliche Soldaten an die Grenze.",
              day("2023-08-01"))
    assert {s.text: s._.timex.value for s in doc.spans["dates"]} == {"01. Aug": "2023-08-01"}


def test_ntv_ticker_times_after_plus_signs_take_the_ticker_day(news):
    text = ("Dienstag, 17. Oktober 2023\n\n+++ 22:05 Selenskyj: ATACMS haben sich bewährt +++\n"
            "Der Präsident dankt den USA.\n\n+++ 06:30 Der Überblick am Morgen +++\nDie Lage im Osten.")
    entries = found(run(news, text, day("2023-10-18")))
    assert [(entries[clock].type, entries[clock].value) for clock in ("22:05", "06:30")] == [
        ("TIME", "2023-10-17T22:05"), ("TIME", "2023-10-17T06:30")]
    doc = run(news, "Der Kurs stieg +++ 22:05 kam die Meldung.", day("2023-10-17"))
    assert not list(doc.spans["dates"])  # a clock time after +++ inside a sentence is no ticker entry


def test_austrian_heuer_and_swiss_ende_jahr_are_this_year(news):
    doc = run(news, "Die ersten F-16-Kampfjets erwartet die Ukraine heuer, die Hilfe im heurigen Jahr steigt.",
              day("2024-01-12"))
    assert {s.text: s._.timex.value for s in doc.spans["dates"]} == {"heuer": "2024", "heurigen Jahr": "2024"}
    doc = run(news, "Die G-7 wollen der Ukraine bis Ende Jahr rund 50 Milliarden Dollar zur Verfügung stellen.",
              day("2024-06-14"))
    assert [(s.text, s._.timex.value) for s in doc.spans["dates"]] == [("Ende Jahr", "2024")]


def test_bereits_marks_no_tense_present_tense_sunday_is_the_coming_one(news):
    doc = run(news, "Bereits am Sonntag beraten dort Sicherheitsberater aus mehr als 80 Staaten über die "
                    "ukrainische Friedensformel.", day("2024-01-12"))
    assert [s._.timex.value for s in doc.spans["dates"]] == ["2024-01-14"]
    doc = run(news, "Selenskyj hatte bereits am Dienstag um einen Luftschild gebeten.", day("2022-10-13"))
    assert [s._.timex.value for s in doc.spans["dates"]] == ["2022-10-11"]


def test_years_before_with_article_are_a_period_and_eines_tages_is_no_duration(news):
    doc = run(news, "London stellt mehr Geld bereit als in den beiden Jahren zuvor. Russland werde das Geld "
                    "eines Tages zurückfordern.", day("2024-01-12"))
    assert [(s.text, s._.timex.type, s._.timex.value) for s in doc.spans["dates"]] == [
        ("beiden Jahren", "DURATION", "P2Y")]
    doc = run(news, "Zwei Jahre zuvor war das anders.", day("2024-01-12"))
    assert [(s._.timex.type, s._.timex.value) for s in doc.spans["dates"]] == [("DATE", "2022")]
