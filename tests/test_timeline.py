"""The timeline merger in isolation (Event records as the events component writes them), and the
timeline of a fresh run over data/raw against the gold seeds."""
from __future__ import annotations

import csv
from pathlib import Path

import pytest
import spacy

from pipeline.evaluation.timeline import date_matches, load_gold, matches
from pipeline.nlp import resolve_model
from pipeline.records import Event
from pipeline.runner import RunSettings, run
from pipeline.events.timeline import build_timeline

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
WINDOW = ("2022-01-01", "2024-12-31")
INTERVALS = {"2022-03-16": ("2022-03-16", "2022-03-16", "day"), "2022-03-24": ("2022-03-24", "2022-03-24", "day"),
             "2022-W12": ("2022-03-21", "2022-03-27", "week"), "1997": ("1997-01-01", "1997-12-31", "year"),
             "2023-06-14": ("2023-06-14", "2023-06-14", "day"), "2022-06": ("2022-06-01", "2022-06-30", "month"),
             "2023-07-12": ("2023-07-12", "2023-07-12", "day"), "2023-01-25": ("2023-01-25", "2023-01-25", "day"),
             "2022-04-27": ("2022-04-27", "2022-04-27", "day"), "2024-06-26": ("2024-06-26", "2024-06-26", "day"),
             "2024-02-01": ("2024-02-01", "2024-02-01", "day")}


def event(event_id: str, text: str, date: str, event_type: str, trigger: str, *, sentence: int = 0,
          persons=(), countries=(), organizations=(), money=(), location="", relevance=0.9, decision=False,
          date_source="explicit") -> Event:
    start, end, precision = INTERVALS[date]
    return Event(event_id, event_id.rsplit("-e", 1)[0], sentence, text, date, start, end, precision, event_type,
                 decision, trigger, tuple(persons), tuple(countries), tuple(organizations), tuple(money), location,
                 relevance, date_source=date_source)


# Sentences of articles 003 and 004 (the NATO defence ministers' special meeting of 16 March 2022).
MEETING_003 = event("003-e1", "Am Mittwoch haben die NATO-Verteidigungsminister bei einem Sondertreffen in Brüssel erneut "
                    "über die Konsequenzen des Ukraine-Kriegs beraten.", "2022-03-16", "meeting", "beraten",
                    sentence=3, countries=["UKR"], location="Brüssel", relevance=1.0)
ORDER_003 = event("003-e6", "Nach Stoltenbergs Worten beauftragten die NATO-Staaten die Militärführung mit der "
                  "Ausarbeitung konkreter Pläne.", "2022-03-16", "decision", "beauftragen", sentence=14,
                  persons=["Jens Stoltenberg"], decision=True)
MEETING_004 = event("004-e2", "Bündnis-Generalsekretär Jens Stoltenberg sagte nach einem Sondertreffen der "
                    "NATO-Verteidigungsminister in Brüssel, nötig seien \"erheblich mehr Truppen im östlichen Teil "
                    "der Allianz mit höherer Bereitschaft\".", "2022-03-16", "meeting", "Sondertreffen", sentence=4,
                    persons=["Jens Stoltenberg"], location="Brüssel")
ORDER_004 = event("004-e4", "Nach Stoltenbergs Angaben beauftragten die 30 NATO-Staaten die Militärführung unter "
                  "US-General Tod Wolters mit der Ausarbeitung konkreter Pläne.", "2022-03-16", "decision",
                  "beauftragen", sentence=17, persons=["Jens Stoltenberg", "Tod Wolters"], countries=["USA"], decision=True)
AID_004 = event("004-e5", "US-Präsident Joe Biden will nach Angaben aus dem Weißen Haus noch am Mittwoch weitere "
                "\"Sicherheitshilfen\" für Kiew über 800 Millionen Dollar (730 Millionen Euro) ankündigen.",
                "2022-03-16", "aid", "ankündigen", sentence=23, persons=["Joe Biden"], countries=["USA", "UKR"],
                money=["800000000 USD"])
SUMMIT_003 = event("003-e11", "Auch kommende Woche soll es ein NATO-Sondertreffen geben.", "2022-W12", "meeting",
                   "NATO-Sondertreffen", sentence=46, persons=["Joe Biden"], countries=["USA"], relevance=0.7)
SUMMIT_004 = event("004-e6", "Biden wird am Donnerstag der kommenden Woche zu einem NATO-Sondergipfel in Brüssel erwartet.",
                   "2022-03-24", "summit", "NATO-Sondergipfel", sentence=25, persons=["Joe Biden"], location="Brüssel",
                   relevance=0.7)


def test_one_meeting_reported_by_two_articles_is_one_entry_with_both_sources() -> None:
    [entry] = build_timeline([MEETING_003, ORDER_003, MEETING_004, ORDER_004], *WINDOW)
    assert entry.sources == ("003", "004") and entry.n_sources == 2
    assert set(entry.event_ids) == {"003-e1", "003-e6", "004-e2", "004-e4"}
    assert (entry.date_value, entry.precision) == ("2022-03-16", "day")
    assert entry.is_decision and entry.event_type == "decision"
    assert entry.evidence in {e.text for e in (MEETING_003, ORDER_003, MEETING_004, ORDER_004)}
    assert entry.location == "Brüssel" and "Jens Stoltenberg" in entry.persons


def test_an_aid_pledge_on_the_same_day_stays_a_separate_entry() -> None:
    entries = build_timeline([MEETING_004, ORDER_004, AID_004], *WINDOW)
    aid = [entry for entry in entries if "004-e5" in entry.event_ids]
    assert len(entries) == 2 and aid[0].event_ids == ("004-e5",)
    assert aid[0].money == ("800000000 USD",) and aid[0].event_type == "aid"
    assert "Biden" in aid[0].summary and "Sicherheitshilfen" in aid[0].summary


def test_a_week_and_a_day_of_it_merge_to_the_finer_date() -> None:
    [entry] = build_timeline([SUMMIT_003, SUMMIT_004], *WINDOW)
    assert (entry.date_value, entry.precision, entry.sources) == ("2022-03-24", "day", ("003", "004"))
    assert entry.evidence == SUMMIT_004.text  # the sentence that states the entry's date


def test_window_relevance_and_order() -> None:
    history = event("003-e9", "Die Grundakte habe einen klaren Bezug zum Sicherheitsumfeld im Jahr 1997, als man "
                    "Russland noch als Partner sah.", "1997", "decision", "Abkommen")
    unrelated = event("009-e0", "Der Stadtrat beschloss am Mittwoch den Haushalt.", "2022-03-16", "decision",
                      "beschließen", relevance=0.2)
    madrid = event("003-e7", "Sein Ziel sei es, die Staats- und Regierungschefs der NATO-Staaten beim Gipfel Ende Juni "
                   "in Madrid über die dann vorliegenden Optionen entscheiden zu lassen, sagte Stoltenberg.",
                   "2022-06", "decision", "entscheiden", location="Madrid")
    entries = build_timeline([madrid, SUMMIT_004, history, unrelated, SUMMIT_003, MEETING_003], *WINDOW)
    assert [e.date_value for e in entries] == ["2022-03-16", "2022-03-24", "2022-06"]
    assert [e.entry_id for e in entries] == ["tl-001", "tl-002", "tl-003"]
    assert build_timeline([madrid], "2023-01-01", "2023-12-31") == []


def test_summary_is_a_short_headline_naming_who() -> None:
    [order] = build_timeline([ORDER_004], *WINDOW)
    assert order.summary.startswith("Nach Stoltenbergs Angaben beauftragten")  # an opening attribution stays
    [aid] = build_timeline([AID_004], *WINDOW)
    assert aid.summary == "US-Präsident Joe Biden will noch am Mittwoch weitere Sicherheitshilfen für Kiew über 800 Millionen Dollar ankündigen"
    [meeting] = build_timeline([MEETING_003], *WINDOW)
    assert meeting.summary.startswith("Am Mittwoch haben die NATO-Verteidigungsminister") and "erneut" not in meeting.summary


# Sentences of a summit report (Vilnius, 12 July 2023) and of a report on the Leopard decision.
MACRON = event("101-e4", "Frankreichs Präsident Emmanuel Macron sagte Marschflugkörper vom Typ SCALP zu, die weit hinter "
               "die russischen Linien reichen.", "2023-07-12", "aid", "zusagen", sentence=26, persons=["Emmanuel Macron"],
               countries=["FRA", "RUS"], decision=True, date_source="dct")
G7 = event("101-e5", "Am Mittwoch veröffentlichten die G7-Staaten zudem eine gemeinsame Erklärung, wonach sie der Ukraine "
           "langfristige Sicherheitszusagen machen wollen.", "2023-07-12", "aid", "Sicherheitszusagen", sentence=27,
           countries=["UKR"], organizations=["G7"], decision=True)
PESKOW = event("101-e6", "Moskau reagierte erwartungsgemäß ablehnend: Kremlsprecher Dmitri Peskow nannte die "
               "Sicherheitszusagen der G7 \"potenziell sehr gefährlich\".", "2023-07-12", "aid", "Sicherheitszusagen",
               sentence=30, persons=["Dmitri Peskow"], countries=["RUS"], organizations=["G7"], decision=True,
               relevance=0.6, date_source="dct")
COUNCIL = event("101-e0", "Zum Abschluss des Gipfels in Vilnius ist der neue NATO-Ukraine-Rat erstmals zusammengekommen.",
                "2023-07-12", "meeting", "zusammenkommen", sentence=4, countries=["UKR"],
                organizations=["NATO-Ukraine-Rat"], location="Vilnius", date_source="dct")
COUNCIL_AGAIN = event("101-e1", "Zum ersten Mal tagte der NATO-Ukraine-Rat, in dem Kiew und die 31 Verbündeten künftig "
                      "gleichberechtigt beraten sollen.", "2023-07-12", "meeting", "tagen", sentence=11, countries=["UKR"],
                      organizations=["NATO-Ukraine-Rat"], date_source="dct")


def test_one_article_reports_distinct_acts_of_one_day_by_different_actors() -> None:
    entries = build_timeline([MACRON, G7, PESKOW, COUNCIL, COUNCIL_AGAIN], *WINDOW)
    assert sorted(e.event_ids for e in entries) == [("101-e0", "101-e1"), ("101-e4",), ("101-e5", "101-e6")]
    g7 = next(e for e in entries if "101-e5" in e.event_ids)
    assert g7.evidence == G7.text  # the declaration, not Moscow's reaction to it
    assert g7.summary.startswith("Am Mittwoch veröffentlichten die G7-Staaten eine gemeinsame Erklärung, wonach sie")


def test_evidence_is_the_decision_not_the_scene_or_a_later_mention() -> None:
    decision = event("102-e1", "Nach wochenlangem Zögern hat sich der Kanzler entschieden: Deutschland liefert "
                     "Leopard-2-Panzer an die Ukraine und erlaubt auch Partnern die Weitergabe.", "2023-01-25",
                     "decision", "entscheiden", sentence=5, countries=["DEU", "UKR"], decision=True, relevance=0.5,
                     date_source="dct")
    mention = event("102-e2", "Die Entscheidung kam am Mittwochvormittag per Pressemitteilung.", "2023-01-25", "decision",
                    "Entscheidung", sentence=8, decision=True, relevance=0.5)
    scene = event("102-e11", "In Kiew wurde die Nachricht mit Erleichterung aufgenommen.", "2023-01-25", "decision",
                  "begrüßen", sentence=32, location="Kiew", relevance=0.5, date_source="dct")
    [entry] = build_timeline([scene, mention, decision], *WINDOW)
    assert entry.evidence == decision.text
    assert entry.summary == ("Nach wochenlangem Zögern hat sich der Kanzler entschieden: Deutschland liefert "
                             "Leopard-2-Panzer an die Ukraine und erlaubt auch Partnern die Weitergabe")


@pytest.mark.parametrize("text, trigger, persons, organizations, summary", [
    ("Die SPD-Politikerin kündigte in Ramstein an, dass Deutschland die Lieferung von Flugabwehrpanzern vom Typ Gepard "
     "aus Beständen der Industrie an die Ukraine ermöglichen werde.", "ankündigen", (), ("SPD",),
     "Die SPD-Politikerin kündigte in Ramstein an, dass Deutschland die Lieferung von Flugabwehrpanzern vom Typ Gepard "
     "aus Beständen der Industrie an …"),
    ("Am Mittwoch ernannte der Nordatlantikrat, das wichtigste Gremium der Allianz, den scheidenden niederländischen "
     "Regierungschef Mark Rutte zum nächsten NATO-Generalsekretär.", "ernennen", ("Mark Rutte",), ("NATO",),
     "Am Mittwoch ernannte der Nordatlantikrat den scheidenden niederländischen Regierungschef Mark Rutte zum nächsten "
     "NATO-Generalsekretär"),
    ("US-Präsident Joe Biden kündigte an, die amerikanische Präsenz in Europa auszubauen: In Polen entsteht ein ständiges "
     "Hauptquartier des V. US-Korps, im spanischen Rota werden zusätzliche Zerstörer stationiert.", "ankündigen",
     ("Joe Biden", "Rota"), (), "US-Präsident Joe Biden kündigte an, die amerikanische Präsenz in Europa auszubauen"),
    ("Die Bundesregierung werde der Ukraine zunächst eine Kompanie mit 14 Kampfpanzern vom Typ Leopard 2A6 aus Beständen "
     "der Bundeswehr zur Verfügung stellen, teilte Regierungssprecher Steffen Hebestreit mit.", "mitteilen",
     ("Steffen Hebestreit",), ("Bundesregierung",),
     "Die Bundesregierung werde der Ukraine zunächst eine Kompanie mit 14 Kampfpanzern vom Typ Leopard 2A6 aus Beständen "
     "der Bundeswehr zur …"),
    ("Erst im Januar hatte Washington ein Militärhilfepaket im Umfang von bis zu 2,5 Milliarden Dollar angekündigt, "
     "darunter Schützenpanzer vom Typ Stryker.", "ankündigen", ("Stryker",), (),
     "Erst im Januar hatte Washington ein Militärhilfepaket im Umfang von bis zu 2,5 Milliarden Dollar angekündigt"),
    ("Vorige Woche hatten Deutschland, Dänemark und die Niederlande angekündigt, gemeinsam mindestens 100 ältere "
     "Leopard-1-Panzer aufzubereiten und an Kiew zu liefern.", "ankündigen", (), (),
     "Vorige Woche hatten Deutschland, Dänemark und die Niederlande angekündigt, gemeinsam mindestens 100 ältere "
     "Leopard-1-Panzer aufzubereiten und an Kiew zu liefern"),
])
def test_summary_keeps_what_was_decided_and_names_who_only_when_missing(text, trigger, persons, organizations,
                                                                        summary) -> None:
    [entry] = build_timeline([event("105-e1", text, "2024-06-26", "aid", trigger, persons=persons,
                                    organizations=organizations)], *WINDOW)
    assert entry.summary == summary


@pytest.fixture(scope="module")
def gold():
    if not (SHARED / "gold" / "seeds" / "timeline.csv").is_file():
        pytest.skip(f"gold timeline not found under {SHARED}")
    return {row.key: row for row in load_gold(SHARED / "gold" / "seeds" / "timeline.csv")}


def test_gold_date_matching_needs_the_gold_precision_or_finer(gold) -> None:
    row = {"date_value": "2022-03", "date_start": "2022-03-01", "date_end": "2022-03-31", "precision": "month",
           "summary": "Sondertreffen", "evidence": ""}
    assert not date_matches(row, gold["T01"])  # a month does not find a day
    assert date_matches({**row, "date_value": "2022-06-29", "date_start": "2022-06-29", "date_end": "2022-06-29",
                         "precision": "day"}, gold["T05"])
    vilnius = {"date_value": "2023-07-11/2023-07-12", "date_start": "2023-07-11", "date_end": "2023-07-12",
               "precision": "day", "summary": "", "evidence": "NATO-Gipfel in Vilnius"}
    assert matches(vilnius, gold["T09"]) and not matches({**vilnius, "evidence": "Treffen"}, gold["T09"])


@pytest.fixture(scope="module")
def sample_run(tmp_path_factory) -> Path:
    """One run over data/raw with the configured model (a blank German pipeline when none is available)."""
    choice = resolve_model()
    model = None
    if choice.source == "embedded" and not Path(choice.location).exists():
        model = str(tmp_path_factory.mktemp("model") / "blank_de")
        spacy.blank("de").to_disk(model)
    out = tmp_path_factory.mktemp("run")
    run(RunSettings(paths=(REPO / "data" / "raw",), out_dir=out, model=model))
    return out


def read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_sample_timeline_finds_every_required_gold_entry(sample_run, gold) -> None:
    entries = read(sample_run / "timeline.csv")
    for row in gold.values():
        if row.required:
            assert any(matches(entry, row) for entry in entries), f"{row.key} {row.summary} not found"
    for key in ("T01", "T04"):
        found = [e for e in entries if matches(e, gold[key])]
        assert len(found) == 1 and set(found[0]["sources"].split(";")) == set(gold[key].sources)
    correct = [e for e in entries if any(matches(e, row) for row in gold.values())]
    assert len(correct) / len(entries) >= 0.8


def test_sample_timeline_traces_back_to_events_and_article_prose(sample_run) -> None:
    entries, events = read(sample_run / "timeline.csv"), read(sample_run / "events.csv")
    by_id = {e["event_id"]: e for e in events}
    assert len(by_id) == len(events)
    dates = [(e["date_start"], e["precision"]) for e in entries]
    assert [d for d, _ in dates] == sorted(d for d, _ in dates)
    for entry in entries:
        ids = entry["event_ids"].split(";")
        assert all(i in by_id for i in ids)
        assert entry["evidence"] in {by_id[i]["text"] for i in ids}
        assert int(entry["n_sources"]) == len(entry["sources"].split(";"))
        assert not entry["date_start"].startswith(("2024-11", "2024-12"))  # the teasers under article 001


def test_two_ministers_pledges_of_one_week_in_one_article_stay_apart() -> None:
    french = event("110-e3", "Der französische Verteidigungsminister Sébastien Lecornu hatte am Mittwoch in Brüssel "
                   "zusätzliche Caesar-Haubitzen zugesagt.", "2023-06-14", "aid", "zusagen", sentence=8,
                   persons=["Sébastien Lecornu"], countries=["FRA", "UKR"], location="Brüssel")
    british = event("110-e4", "Ben Wallace kündigte in Brüssel weitere Hilfe im Wert von 100 Millionen Pfund für Drohnen an.",
                    "2023-06-14", "aid", "ankündigen", sentence=11, persons=["Ben Wallace"], countries=["GBR", "UKR"],
                    money=["100000000 GBP"], location="Brüssel")
    entries = build_timeline([french, british], *WINDOW)
    assert sorted(e.event_ids for e in entries) == [("110-e3",), ("110-e4",)]


def test_a_signing_on_the_sidelines_of_a_summit_is_its_own_entry() -> None:
    summit = event("111-e0", "Die Staats- und Regierungschefs der EU haben sich an ihrem Gipfeltreffen in Brüssel darauf "
                   "geeinigt, der Ukraine 50 Milliarden Euro zur Verfügung zu stellen.", "2024-02-01", "decision",
                   "einigen", sentence=2, countries=["UKR"], organizations=["EU"], decision=True)
    signing = event("111-e1", "Am Rande des Gipfels unterzeichneten Scholz und Selenskyj ein bilaterales Sicherheitsabkommen.",
                    "2024-02-01", "decision", "unterzeichnen", sentence=3, persons=["Olaf Scholz", "Wolodymyr Selenskyj"],
                    countries=["UKR"], decision=True)
    entries = build_timeline([summit, signing], *WINDOW)
    assert sorted(e.event_ids for e in entries) == [("111-e0",), ("111-e1",)]
