"""The events component on sentences of the sample articles, with hand-set extractor spans.

The extractors are not run here: dates, persons, countries and money are set by hand as their
components would set them, so these tests pin down what the events component does with them.
"""
from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from pipeline.events import EventExtractor
from pipeline.events.intervals import date_compatibility, parse_value
from pipeline.events.lexicon import load_lexicon, weak_forms
from pipeline.nlp import ensure_linguistic_basics
from pipeline.records import CountryInfo, MoneyInfo, PersonInfo, PubDate, Timex

SPAN_ATTRIBUTES = {"dates": "timex", "persons": "person", "countries": "country", "money": "money", "organizations": "org"}


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("de")
    ensure_linguistic_basics(nlp)
    return nlp


def annotate(nlp, text: str, dct: str = "", doc_id: str = "doc", **marks) -> Doc:
    """Run sentence splitting, set the given spans (key → [(phrase, record)]), then the events component.

    A phrase may be given as (phrase, occurrence) to mark its n-th occurrence.
    """
    doc = nlp.make_doc(text)
    doc._.doc_id = doc_id
    doc._.dct = PubDate(dct, "day" if len(dct) == 10 else "month" if dct else "none", "metadata" if dct else "none")
    doc = nlp(doc)
    for key, items in marks.items():
        spans = []
        for phrase, record in items:
            phrase, occurrence = phrase if isinstance(phrase, tuple) else (phrase, 0)
            start = -1
            for _ in range(occurrence + 1):
                start = text.index(phrase, start + 1)
            span = doc.char_span(start, start + len(phrase), alignment_mode="expand")
            setattr(span._, SPAN_ATTRIBUTES[key], record)
            spans.append(span)
        doc.spans[key] = spans
    return EventExtractor()(doc)


def day(value: str) -> Timex:
    return Timex("DATE", value, value, value, "day", "", "dct")


def test_explicit_date_trigger_place_and_type(nlp) -> None:
    text = ("Am Mittwoch haben die NATO-Verteidigungsminister bei einem Sondertreffen in Brüssel erneut "
            "über die Konsequenzen des Ukraine-Kriegs beraten.")
    doc = annotate(nlp, text, "2022-03-16", "003", dates=[("Mittwoch", day("2022-03-16"))],
                   countries=[("Ukraine", CountryInfo("UKR", "Ukraine", "name")),
                              ("Brüssel", CountryInfo("BEL", "Belgien", "capital"))])
    [event] = doc._.events
    assert (event.event_id, event.sentence, event.trigger) == ("003-e0", 0, "beraten")
    assert (event.date_value, event.date_start, event.date_end, event.precision) == (
        "2022-03-16", "2022-03-16", "2022-03-16", "day")
    assert event.event_type == "meeting" and not event.is_decision
    assert event.location == "Brüssel" and event.countries == ("UKR",)  # the venue is no participant
    assert event.relevance >= 0.6 and event.text == text  # NATO and Ukraine in the sentence
    assert text[event.start:event.end] == text


def test_separable_verb_reported_on_the_day_takes_the_publication_date(nlp) -> None:
    text = "Eine Friedensmission mit NATO-Soldaten in der Ukraine lehnen die Verteidigungsminister der Allianz ab."
    [event] = annotate(nlp, text, "2022-03-16")._.events
    assert (event.trigger, event.event_type, event.is_decision) == ("ablehnen", "rejection", True)
    assert (event.date_value, event.precision) == ("2022-03-16", "day")


def test_statements_without_a_reliable_date_are_no_events(nlp) -> None:
    text = ("Bisher sind Waffenhilfen für die Ukraine freiwillige Zusagen einzelner NATO-Staaten.\n"
            "Vertröstet werden soll Selenskyj mit einem neuen NATO-Ukraine-Rat, der in Vilnius erstmals tagen könnte.\n"
            "Entschieden wird in diesen Tagen noch nichts.\n"
            "„Wir werden einen Beschluss fassen“, sagte Stoltenberg.\n"
            "Zuletzt hatte Washington der Ukraine unter anderem Stinger-Raketen geliefert.\n"
            "Kontroverse Debatten werden bei dem zweitägigen Verteidigungsministertreffen erwartet.\n"
            "Stoltenberg sagte vor einem Verteidigungsministertreffen in Brüssel, die Ukraine brauche Waffen.\n"
            "NATO-Gipfel in Vilnius: Ukraine hofft auf Einladung")
    assert annotate(nlp, text, "2023-06-14")._.events == []


def test_a_gathering_named_after_it_took_place_is_dated_by_the_report(nlp) -> None:
    text = ("Bündnis-Generalsekretär Jens Stoltenberg sagte nach einem Sondertreffen der NATO-Verteidigungsminister "
            "in Brüssel, nötig seien mehr Truppen im Osten.")
    [event] = annotate(nlp, text, "2022-03-16")._.events
    assert (event.trigger, event.event_type, event.date_value, event.location) == (
        "Sondertreffen", "meeting", "2022-03-16", "Brüssel")


def test_quoted_plan_with_its_planned_date(nlp) -> None:
    text = ("Die Staats- und Regierungschefs der NATO-Länder sollen diesen \"Aktionsplan für die Rüstungsproduktion\" "
            "dann auf ihrem Gipfel Mitte Juli in Litauen formell beschließen.")
    doc = annotate(nlp, text, "2023-06-14",
                   dates=[("Mitte Juli", Timex("DATE", "2023-07", "2023-07-01", "2023-07-31", "month", "MID", "dct"))])
    [event] = doc._.events
    assert (event.trigger, event.event_type, event.date_value, event.precision) == ("beschließen", "decision", "2023-07", "month")
    assert event.location == ""  # a country is a participant, not a place


def test_coordinated_days_become_one_interval(nlp) -> None:
    text = ("Präsident Wolodymyr Selenskyj ist zwar zum NATO-Gipfel in der litauischen Hauptstadt Vilnius "
            "am 11. und 12. Juli eingeladen, dürfte dort aber leer ausgehen.")
    doc = annotate(nlp, text, "2023-06-14", dates=[("11.", day("2023-07-11")), ("12. Juli", day("2023-07-12"))],
                   persons=[("Wolodymyr Selenskyj", PersonInfo("Wolodymyr Selenskyj", "Präsident"))])
    [event] = doc._.events
    assert (event.date_value, event.date_start, event.date_end, event.precision) == (
        "2023-07-11/2023-07-12", "2023-07-11", "2023-07-12", "day")
    assert event.event_type == "summit" and event.location == "Vilnius"
    assert event.persons == ("Wolodymyr Selenskyj",)


def test_a_continuing_sentence_takes_the_previous_date(nlp) -> None:
    text = "Stoltenberg hört im Herbst auf. Sein Nachfolger soll der Niederländer Mark Rutte werden."
    doc = annotate(nlp, text, "2024-04-03",
                   dates=[("Herbst", Timex("DATE", "2024-FA", "2024-09-01", "2024-11-30", "season", "", "dct"))],
                   persons=[("Stoltenberg", PersonInfo("Jens Stoltenberg", "NATO-Generalsekretär")),
                            ("Mark Rutte", PersonInfo("Mark Rutte"))])
    first, second = doc._.events
    assert (first.trigger, first.event_type, first.date_value) == ("aufhören", "leadership", "2024-FA")
    assert (second.trigger, second.date_value, second.sentence) == ("Nachfolger", "2024-FA", 1)
    assert [e.event_id for e in doc._.events] == ["doc-e0", "doc-e1"]


def test_announcement_with_money_is_an_aid_pledge_and_restatements_are_dropped(nlp) -> None:
    text = ("US-Präsident Joe Biden will nach Angaben aus dem Weißen Haus noch am Mittwoch weitere \"Sicherheitshilfen\" "
            "für Kiew über 800 Millionen Dollar (730 Millionen Euro) ankündigen.")
    start = text.index("800 Millionen")
    doc = annotate(nlp, text, "2022-03-16", dates=[("Mittwoch", day("2022-03-16"))],
                   persons=[("Joe Biden", PersonInfo("Joe Biden", "US-Präsident"))],
                   money=[("800 Millionen Dollar", MoneyInfo(800_000_000, "USD")),
                          ("730 Millionen Euro", MoneyInfo(730_000_000, "EUR", equivalent_of=start))])
    [event] = doc._.events
    assert (event.trigger, event.event_type, event.money) == ("ankündigen", "aid", ("800000000 USD",))
    assert event.persons == ("Joe Biden",)


def test_a_trigger_less_continuation_adds_its_actors(nlp) -> None:
    text = "Auch kommende Woche soll es ein NATO-Sondertreffen geben. Zu diesem wird auch US-Präsident Joe Biden erwartet."
    doc = annotate(nlp, text, "2022-03-16",
                   dates=[("kommende Woche", Timex("DATE", "2022-W12", "2022-03-21", "2022-03-27", "week", "", "dct"))],
                   persons=[("Joe Biden", PersonInfo("Joe Biden", "US-Präsident"))])
    [event] = doc._.events
    assert (event.date_value, event.precision, event.persons) == ("2022-W12", "week", ("Joe Biden",))


def test_background_history_is_dated_and_marked_less_relevant(nlp) -> None:
    text = "Im Januar 2022 tagte das Gremium letztmals, wenige Wochen später überfiel Russland die Ukraine."
    doc = annotate(nlp, text, "2023-06-14",
                   dates=[("Januar 2022", Timex("DATE", "2022-01", "2022-01-01", "2022-01-31", "month", "", "none"))])
    [event] = doc._.events
    assert event.date_value == "2022-01" and event.relevance < 0.5


def test_without_publication_date_only_explicit_dates_count(nlp) -> None:
    text = "Nach Stoltenbergs Worten beauftragten die NATO-Staaten die Militärführung mit der Ausarbeitung konkreter Pläne."
    assert annotate(nlp, text)._.events == []


def test_generated_verb_forms_cover_regular_inflection() -> None:
    assert {"kündigt", "kündigte", "gekündigt"} <= weak_forms("kündigen")
    assert {"beauftragt", "beauftragten"} <= weak_forms("beauftragen")
    assert {"liefert", "geliefert", "lieferte"} <= weak_forms("liefern")
    lexicon = load_lexicon()
    assert any(t.lemma == "ankündigen" and not needs for t, needs in lexicon.verb_forms["angekündigt"])
    assert any(t.lemma == "ankündigen" and needs for t, needs in lexicon.verb_forms["kündigte"])


def test_intervals_at_their_precisions() -> None:
    autumn, week, day_ = parse_value("2024-FA"), parse_value("2022-W12"), parse_value("2022-03-24")
    assert (autumn.start.isoformat(), autumn.end.isoformat()) == ("2024-09-01", "2024-11-30")
    assert (week.start.isoformat(), week.end.isoformat()) == ("2022-03-21", "2022-03-27")
    assert date_compatibility(week, day_) == 1.0
    assert date_compatibility(day_, parse_value("2022-03-17")) == 0.0
    assert 0 < date_compatibility(parse_value("2022"), day_) < 1


def test_dependency_parse_is_used_when_present() -> None:
    """With a parse, the separable particle is the verb's `svp` child and the date is the one attached to the trigger."""
    nlp = spacy.blank("de")
    # Den am Freitag vorgelegten Plan lehnten die Minister am Montag ab.
    words = ["Den", "am", "Freitag", "vorgelegten", "Plan", "lehnten", "die", "Minister", "am", "Montag", "ab", "."]
    heads = [4, 3, 1, 4, 5, 5, 7, 5, 5, 8, 5, 5]
    deps = ["nk", "mo", "nk", "nk", "oa", "ROOT", "nk", "sb", "mo", "nk", "svp", "punct"]
    spaces = [True] * 10 + [False, False]
    doc = Doc(nlp.vocab, words=words, spaces=spaces, heads=heads, deps=deps)
    doc._.doc_id, doc._.dct = "p", PubDate("2022-03-16", "day", "metadata")
    friday, monday = doc[2:3], doc[9:10]
    monday._.timex, friday._.timex = day("2022-03-14"), day("2022-03-11")
    doc.spans["dates"] = [friday, monday]  # Friday is nearer to the verb in the text
    [event] = EventExtractor()(doc)._.events
    assert (event.trigger, event.date_value) == ("ablehnen", "2022-03-14")


def test_a_date_in_a_following_complement_is_not_the_decision_date(nlp) -> None:
    text = ("Die Staats- und Regierungschefs der NATO haben auf ihrem Gipfel in Washington beschlossen, der Ukraine "
            "im kommenden Jahr Militärhilfe im Wert von mindestens 40 Milliarden Euro bereitzustellen.")
    doc = annotate(nlp, text, "2024-07-11",
                   dates=[("kommenden Jahr", Timex("DATE", "2025", "2025-01-01", "2025-12-31", "year", "", "dct"))])
    [event] = doc._.events
    assert (event.trigger, event.date_value, event.location) == ("beschließen", "2024-07-11", "Washington")


def test_a_continuation_is_as_relevant_as_what_it_continues(nlp) -> None:
    text = "Stoltenberg hört im Herbst auf. Sein Nachfolger soll der Niederländer Mark Rutte werden."
    autumn = Timex("DATE", "2024-FA", "2024-09-01", "2024-11-30", "season", "", "dct")
    doc = annotate(nlp, text, "2024-04-03", dates=[("Herbst", autumn)],
                   persons=[("Stoltenberg", PersonInfo("Jens Stoltenberg", "NATO-Generalsekretär")),
                            ("Mark Rutte", PersonInfo("Mark Rutte"))])
    first, second = doc._.events
    assert first.relevance == second.relevance > 0  # the NATO role of Stoltenberg counts for both


def test_news_without_nato_or_ukraine_scores_zero(nlp) -> None:
    text = "Der Vorstand des FC Bayern beschloss am Montag, den Vertrag des Trainers zu verlängern."
    [event] = annotate(nlp, text, "2023-11-12", dates=[("Montag", day("2023-11-06"))])._.events
    assert event.relevance == 0.0 and event.is_decision


def test_a_mistaken_place_after_nach_is_no_location(nlp) -> None:
    """`nach Stoltenbergs Worten` means "according to"; a LOC guess there must not become the place."""
    text = "Nach Stoltenbergs Worten beauftragten die NATO-Staaten die Militärführung mit der Ausarbeitung konkreter Pläne."
    doc = nlp.make_doc(text)
    doc._.doc_id, doc._.dct = "003", PubDate("2022-03-16", "day", "inferred")
    doc = nlp(doc)
    doc.ents = [doc.char_span(text.index("Stoltenbergs"), text.index(" beauftragten"), label="LOC")]
    [event] = EventExtractor()(doc)._.events
    assert (event.trigger, event.location, event.is_decision) == ("beauftragen", "", True)


def month(value: str, start: str, end: str, modifier: str = "") -> Timex:
    return Timex("DATE", value, start, end, "month", modifier, "dct")


@pytest.mark.parametrize("text, dates, trigger, event_type", [
    ("Am Mittwoch sprachen die Staats- und Regierungschefs offiziell die Einladung an Finnland und Schweden aus.",
     [("Mittwoch", day("2022-06-29"))], "Einladung", "membership"),
    ("Am Mittwoch lud die NATO Finnland und Schweden offiziell ein.", [("Mittwoch", day("2022-06-29"))],
     "einladen", "membership"),
    ("Die Anträge hatten Finnland und Schweden Mitte Mai gestellt.",
     [("Mitte Mai", month("2022-05", "2022-05-01", "2022-05-31", "MID"))], "Anträge", "membership"),
    ("Am Dienstag stellte Warschau offiziell den Antrag, eigene Leopard-Panzer an die Ukraine abgeben zu dürfen.",
     [("Dienstag", day("2023-01-24"))], "Antrag", "aid"),
    ("Ungarn ratifizierte den Beitritt Finnlands Ende März.",
     [("Ende März", month("2023-03", "2023-03-01", "2023-03-31", "END"))], "ratifizieren", "membership"),
    ("Das türkische Parlament gab am Donnerstag seine Zustimmung.", [("Donnerstag", day("2023-03-30"))],
     "Zustimmung", "decision"),
    ("Anfang Oktober übergibt der Norweger das Amt an den früheren niederländischen Regierungschef Mark Rutte.",
     [("Anfang Oktober", month("2024-10", "2024-10-01", "2024-10-31", "START"))], "übergeben", "leadership"),
    ("Der finnische Außenminister übergab am Dienstag die Beitrittsurkunde an US-Außenminister Antony Blinken.",
     [("Dienstag", day("2023-04-04"))], "übergeben", "membership"),
    ("Am Mittwoch teilte US-Außenminister Antony Blinken mit, dass die Übergabe von F-16-Kampfjets aus Dänemark "
     "und den Niederlanden begonnen habe.", [("Mittwoch", day("2024-07-10"))], "mitteilen", "aid"),
    ("Pistorius rechnet damit, dass die ersten Panzer Ende März in der Ukraine eintreffen.",
     [("Ende März", month("2023-03", "2023-03-01", "2023-03-31", "END"))], "eintreffen", "aid"),
    ("NATO-Generalsekretär Jens Stoltenberg traf am Donnerstag zu einem unangekündigten Besuch in Kiew ein.",
     [("Donnerstag", day("2023-04-20"))], "eintreffen", "meeting"),
    ("Bereits am Mittwochabend hatten sich die Verbündeten in ihrer Abschlusserklärung darauf verständigt, der Ukraine "
     "innerhalb des nächsten Jahres Militärhilfe in Höhe von mindestens 40 Milliarden Euro bereitzustellen.",
     [("Mittwochabend", day("2024-07-10")),
      ("innerhalb des nächsten Jahres", Timex("DATE", "2025", "2025-01-01", "2025-12-31", "year", "", "dct"))],
     "verständigen", "decision"),
    ("Die Verteidigungsminister haben sich am Dienstag auf ein neues Munitionsprogramm geeinigt.",
     [("Dienstag", day("2023-02-14"))], "einigen", "decision"),
])
def test_nato_and_aid_vocabulary_with_its_light_verbs(nlp, text, dates, trigger, event_type) -> None:
    [event] = annotate(nlp, text, "2024-07-11", dates=dates)._.events
    assert (event.trigger, event.event_type) == (trigger, event_type)
    assert event.date_source == "explicit" and event.date_value == dates[0][1].value


def test_membership_state_change_is_dated_by_its_report(nlp) -> None:
    [event] = annotate(nlp, "Finnland ist damit das 31. Mitglied der Allianz.", "2023-04-04")._.events
    assert (event.trigger, event.event_type, event.is_decision, event.date_value) == (
        "Mitglied", "membership", True, "2023-04-04")
    text = "Erstmals saß dabei auch Schweden, seit dem 7. März Mitglied, als Verbündeter mit am Tisch."
    [event] = annotate(nlp, text, "2024-07-11", dates=[("7. März", day("2024-03-07"))])._.events
    assert (event.trigger, event.date_value) == ("Mitglied", "2024-03-07")


@pytest.mark.parametrize("text", [
    "Die Türkei ist zwar Mitglied der NATO, pflegt aber enge Beziehungen nach Moskau.",  # a state, not an accession
    "Ein Antrag der Opposition zur Lieferung von Kampfpanzern an die Ukraine liegt dem Bundestag vor.",  # no light verb
    "Das Verteidigungsministerium teilte mit, die Lage an der NATO-Ostflanke sei ruhig.",  # a report without content
    "Einige Verbündete der Ukraine zögern noch.",  # einige is no form of sich einigen
    "Moskau reagierte erwartungsgemäß ablehnend auf die Pläne der NATO.",  # a present participle is an adjective
    "Für Scholz war entscheidend, dass die Amerikaner bei der Hilfe für die Ukraine mitziehen.",
])
def test_general_words_without_their_construction_are_no_events(nlp, text) -> None:
    assert annotate(nlp, text, "2023-01-25")._.events == []


def test_a_finer_date_in_another_clause_does_not_hide_the_triggers_own(nlp) -> None:
    text = "Ungarn stimmte Ende März zu, das türkische Parlament am Donnerstag vergangener Woche als letztes."
    doc = annotate(nlp, text, "2023-04-04", dates=[("Ende März", month("2023-03", "2023-03-01", "2023-03-31", "END")),
                                                   ("Donnerstag vergangener Woche", day("2023-03-30"))])
    hungary, turkey = doc._.events  # the second clause leaves out the verb: an event of its own
    assert (hungary.trigger, hungary.date_value, hungary.date_source) == ("zustimmen", "2023-03", "explicit")
    assert (turkey.trigger, turkey.date_value, turkey.sentence, turkey.event_id) == ("zustimmen", "2023-03-30", 0, "doc-e1")


@pytest.mark.parametrize("text, later", [
    ("Deutschland liefert die Panzer im Frühjahr an die Ukraine, voraussichtlich im April.", "April"),
    ("Die NATO beschloss im Juni neue Hilfen für die Ukraine, die im Herbst geliefert werden sollen.", "Herbst"),
    ("Im Juni hatten die Verbündeten beraten; der neue Minister, erst seit Herbst im Amt, ließ nichts verlauten.", "Herbst"),
])
def test_a_later_date_that_restates_or_has_its_own_verb_is_no_second_event(nlp, text, later) -> None:
    first = "Frühjahr" if "Frühjahr" in text else "Juni"
    values = {"Frühjahr": ("2023-SP", "2023-03-01", "2023-05-31", "season"), "April": ("2023-04", "2023-04-01", "2023-04-30", "month"),
              "Juni": ("2023-06", "2023-06-01", "2023-06-30", "month"), "Herbst": ("2023-FA", "2023-09-01", "2023-11-30", "season")}
    dates = [(word, Timex("DATE", *values[word][:3], values[word][3], "", "dct")) for word in (first, later)]
    assert len(annotate(nlp, text, "2023-02-14", dates=dates)._.events) == 1


def test_a_zu_infinitive_takes_the_date_of_the_clause_that_governs_it(nlp) -> None:
    text = ("Am Mittwoch erklärten sich die Verbündeten bereit, der Ukraine im nächsten Jahr Militärhilfe "
            "von mindestens 40 Milliarden Euro bereitzustellen.")
    doc = annotate(nlp, text, "2024-07-11", dates=[
        ("Mittwoch", day("2024-07-10")),
        ("im nächsten Jahr", Timex("DATE", "2025", "2025-01-01", "2025-12-31", "year", "", "dct"))])
    [event] = doc._.events
    assert (event.trigger, event.date_value) == ("bereitstellen", "2024-07-10")
    text = "Deutschland plant, im Frühjahr weitere Schützenpanzer an die Ukraine zu liefern."  # no date to govern it
    spring = Timex("DATE", "2023-SP", "2023-03-01", "2023-05-31", "season", "", "dct")
    [event] = annotate(nlp, text, "2023-02-14", dates=[("Frühjahr", spring)])._.events
    assert (event.trigger, event.date_value) == ("liefern", "2023-SP")


def test_kuenftig_reports_a_decision_of_the_day(nlp) -> None:
    text = "Zudem übernimmt die NATO künftig die Koordinierung der Waffenlieferungen an die Ukraine."
    doc = annotate(nlp, text, "2024-07-11", dates=[("künftig", Timex("DATE", "FUTURE_REF", "", "", "none", "", "none"))])
    [event] = doc._.events
    assert (event.trigger, event.date_value, event.date_source) == ("übernehmen", "2024-07-11", "dct")


def test_subheadings_and_info_boxes_are_labels_not_reports(nlp) -> None:
    text = ("Die Verbündeten haben am Dienstag in Vilnius über die Ukraine beraten.\n\n"
            "Hilfspakete aus Berlin und Paris\n\n"
            "Gegenmaßnahmen angekündigt\n\n"
            "*Ein Überblick zum Abschluss des Gipfels am Donnerstag.*\n\n"
            "NATO lädt Finnland und Schweden ein\n")
    doc = annotate(nlp, text, "2023-07-12", dates=[("Dienstag", day("2023-07-11")), ("Donnerstag", day("2022-06-30"))])
    assert [(e.trigger, e.date_value) for e in doc._.events] == [("beraten", "2023-07-11"), ("einladen", "2023-07-12")]
    text = "Die Kommission legte einen Plan vor.\n\nDem hätten die Verteidigungsminister der NATO zugestimmt.\n"
    assert [e.trigger for e in annotate(nlp, text, "2023-07-12")._.events] == ["vorlegen", "zustimmen"]  # a one-sentence paragraph


def test_a_quote_reports_an_event_only_when_it_states_a_decision(nlp) -> None:
    text = "\"Heute treffen wir uns als Gleiche\", sagte Stoltenberg."
    assert annotate(nlp, text, "2023-07-12", dates=[("Heute", day("2023-07-12"))])._.events == []
    text = "„Wir haben heute beschlossen, der Ukraine weitere Patriot-Systeme zu liefern“, sagte Scholz."
    [event] = annotate(nlp, text, "2024-04-13", dates=[("heute", day("2024-04-13"))])._.events
    assert (event.trigger, event.is_decision) == ("beschließen", True)


@pytest.mark.parametrize("text", [
    "Die Entscheidung fiel ohne große Zeremonie.",
    "Wie teuer die Zusagen am Ende werden, ist offen.",
    "Die einzelnen Vereinbarungen sollen bilateral ausgehandelt werden.",
    "Mit dem Beitritt verdoppelt sich die Landgrenze zwischen dem Bündnis und Russland nahezu.",
    "Ob die Türkei dem Beitritt Schwedens zustimmt, ist weiter offen.",
    "Stoltenberg wirbt dafür, jährlich mindestens 40 Milliarden Euro für die Ukraine bereitzustellen.",
    "Vor allem die USA und Deutschland sind weiterhin dagegen, die Ukraine während des Krieges aufzunehmen.",
    "Selenskyj fordert, dass die Verbündeten mehr Flugabwehrsysteme liefern.",
])
def test_back_references_open_questions_and_demands_are_no_events(nlp, text) -> None:
    assert annotate(nlp, text, "2023-02-14")._.events == []


def test_what_is_decided_named_or_reported_stays_an_event(nlp) -> None:
    text = "Die Entscheidung über die Lieferung von Kampfpanzern an die Ukraine ist gefallen."
    [event] = annotate(nlp, text, "2023-01-25")._.events
    assert (event.trigger, event.date_value) == ("Entscheidung", "2023-01-25")
    text = ("Bei einem Treffen der Ukraine-Kontaktgruppe im Nato-Hauptquartier rief US-Verteidigungsminister Lloyd "
            "Austin die Teilnehmerstaaten am Dienstag dazu auf, ihre Zusagen schnell umzusetzen.")
    [event] = annotate(nlp, text, "2023-02-14", dates=[("Dienstag", day("2023-02-14"))])._.events
    assert (event.trigger, event.event_type) == ("Treffen", "meeting")
    text = "Wie das Verteidigungsministerium mitteilte, liefert Deutschland weitere Patriot-Systeme an die Ukraine."
    [event] = annotate(nlp, text, "2024-04-13")._.events
    assert (event.trigger, event.event_type) == ("liefern", "aid")
    text = ("Scholz' Regierung und das Weiße Haus verkündeten am Rande des Gipfels außerdem eine weitreichende "
            "Entscheidung: Ab 2026 wollen die USA wieder Waffen mit größerer Reichweite in Deutschland stationieren.")
    [event] = annotate(nlp, text, "2024-07-11")._.events
    assert (event.trigger, event.event_type, event.date_value) == ("verkünden", "decision", "2024-07-11")


UKRAINE_AID_ARTICLE = (
    "Deutschland liefert Kampfpanzer vom Typ Leopard 2 an die Ukraine. "
    "Die Regierung in Kiew hatte seit Monaten um die Panzer gebeten. "
    "Der ukrainische Präsident Selenskyj dankte Berlin für die Entscheidung. "
    "Die Ukraine will mit den Panzern im Frühjahr eine Gegenoffensive starten. "
    "Am Mittwoch kündigte US-Präsident Joe Biden im Weißen Haus die Lieferung von 31 Abrams-Panzern an.")


def test_an_aid_decision_in_an_article_about_ukraine_counts_without_naming_it(nlp) -> None:
    text = UKRAINE_AID_ARTICLE
    doc = annotate(nlp, text, "2023-01-25", dates=[("Mittwoch", day("2023-01-25"))])
    abrams = next(e for e in doc._.events if "Abrams" in e.text)
    assert abrams.event_type == "aid" and abrams.relevance >= load_lexicon().settings["min_relevance"]
    text = ("Die Bahn erhöht zum Jahreswechsel ihre Preise. Pendler müssen tiefer in die Tasche greifen. "
            "Auch die Preise für Monatskarten steigen deutlich. Der Fahrgastverband kritisiert die Pläne scharf. "
            "Am Mittwoch kündigte US-Präsident Joe Biden im Weißen Haus die Lieferung von 31 Abrams-Panzern an.")
    [abrams] = annotate(nlp, text, "2023-01-25", dates=[("Mittwoch", day("2023-01-25"))])._.events
    assert abrams.relevance < 0.25


def test_a_decision_recalled_later_is_not_background(nlp) -> None:
    text = ("Finnland ist seit Dienstag Mitglied der NATO. Das Bündnis wächst damit auf 31 Staaten. "
            "Die NATO-Außenminister begrüßten den neuen Verbündeten in Brüssel. Auch Schweden will der NATO beitreten. "
            "Beim Gipfel in Madrid Ende Juni wurden Finnland und Schweden offiziell eingeladen. "
            "Im Januar 2022 tagte das Gremium letztmals.")
    june = month("2022-06", "2022-06-01", "2022-06-30", "END")
    january = month("2022-01", "2022-01-01", "2022-01-31")
    doc = annotate(nlp, text, "2023-04-04", dates=[("Dienstag", day("2023-04-04")), ("Ende Juni", june),
                                                   ("Januar 2022", january)])
    invitation, meeting = [e for e in doc._.events if e.date_value in {"2022-06", "2022-01"}]
    assert (invitation.trigger, invitation.event_type, invitation.is_decision) == ("einladen", "membership", True)
    assert invitation.relevance >= 0.5
    assert meeting.trigger == "tagen" and meeting.relevance < 0.5


def test_aufnehmen_is_an_admission_only_with_its_cue(nlp) -> None:
    assert annotate(nlp, "In Kiew wurde die Nachricht von der NATO mit Erleichterung aufgenommen.", "2023-01-25")._.events == []
    text = "Stockholm hofft nun, noch in diesem Jahr als 32. Mitglied in die NATO aufgenommen zu werden."
    year = Timex("DATE", "2023", "2023-01-01", "2023-12-31", "year", "", "dct")
    [event] = annotate(nlp, text, "2023-07-12", dates=[("in diesem Jahr", year)])._.events
    assert (event.trigger, event.event_type, event.date_value) == ("aufnehmen", "membership", "2023")


def test_the_place_is_the_one_of_the_triggers_clause(nlp) -> None:
    text = ("Finnland ist damit das 31. Mitglied der Allianz, genau 74 Jahre nach der Unterzeichnung des "
            "Nordatlantikvertrags in Washington.")
    [event] = annotate(nlp, text, "2023-04-04")._.events
    assert (event.trigger, event.location) == ("Mitglied", "")
    text = ("Zum ersten Mal tagte der NATO-Ukraine-Rat, in dem Kiew und die 31 Verbündeten künftig gleichberechtigt "
            "beraten sollen.")
    [event] = annotate(nlp, text, "2023-07-12")._.events
    assert (event.trigger, event.location) == ("tagen", "")


def test_an_unparsed_document_with_broken_token_edges_does_not_crash(nlp) -> None:
    """After a Markdown label like `*Mehr zum Thema:*` the tokenizer leaves token edges that point past
    the document; spaCy's Token.children then crashes on an unparsed document. The particle of
    `kamen … zusammen` is found without it."""
    text = ("*Mehr zum Thema:*\n\n"
            "Am Mittwoch kamen die NATO-Verteidigungsminister in Brüssel zusammen.\n")
    [event] = annotate(nlp, text, "2023-02-15", dates=[("Mittwoch", day("2023-02-15"))])._.events
    assert (event.trigger, event.date_value, event.location) == ("zusammenkommen", "2023-02-15", "Brüssel")


EU_AMMUNITION_ARTICLE = (
    "Die EU will der Ukraine schneller Munition liefern. Kiew klagt seit Wochen über fehlende Granaten an der Front. "
    "Der ukrainische Außenminister Dmytro Kuleba war zu den Beratungen zugeschaltet. "
    "Die Außenminister der 27 Mitgliedstaaten beschlossen am Montag in Brüssel, die Europäische Friedensfazilität "
    "um fünf Milliarden Euro aufzustocken.")


def test_a_western_military_aid_decision_counts_in_an_article_about_ukraine(nlp) -> None:
    """The EU topping up its Peace Facility is Western military support for Ukraine, NATO context
    without naming NATO; the same EU meeting deciding on farm subsidies is not."""
    minimum = load_lexicon().settings["min_relevance"]
    doc = annotate(nlp, EU_AMMUNITION_ARTICLE, "2024-03-18", dates=[("Montag", day("2024-03-18"))],
                   countries=[("Ukraine", CountryInfo("UKR", "Ukraine", "name")),
                              ("Brüssel", CountryInfo("BEL", "Belgien", "capital"))])
    epf = next(e for e in doc._.events if "Friedensfazilität" in e.text)
    assert epf.is_decision and epf.relevance >= minimum
    text = ("Die EU will Landwirten schneller helfen. Bauern klagen seit Wochen über Bürokratie. "
            "Der Agrarkommissar war zu den Beratungen zugeschaltet. "
            "Die Agrarminister der 27 Mitgliedstaaten beschlossen am Montag in Brüssel, die Direktzahlungen "
            "um fünf Milliarden Euro aufzustocken.")
    [farm] = annotate(nlp, text, "2024-03-18", dates=[("Montag", day("2024-03-18"))])._.events
    assert farm.relevance < 0.25


def year(value: str) -> Timex:
    return Timex("DATE", value, f"{value}-01-01", f"{value}-12-31", "year", "", "none")


def week(value: str, start: str, end: str) -> Timex:
    return Timex("DATE", value, start, end, "week", "", "dct")


@pytest.mark.parametrize("text, phrase, timex, trigger, event_type, decision", [
    ("Die Ukraine hatte die Bundesregierung im Mai vergangenen Jahres um den Marschflugkörper gebeten.",
     "Mai vergangenen Jahres", month("2023-05", "2023-05-01", "2023-05-31"), "bitten", "proposal", False),
    ("Die Abgeordneten in Budapest stimmten am Montag mit 188 zu sechs Stimmen für die Ratifizierung des Beitrittsprotokolls.",
     "Montag", day("2024-02-26"), "stimmen", "decision", True),
    ("Am 6. Dezember blockierten die Republikaner im Senat ein erstes Ukraine-Paket.",
     "6. Dezember", day("2023-12-06"), "blockieren", "rejection", True),
    ("Der polnische Vorstoß für eine Friedensmission scheiterte am Mittwoch am Widerstand Deutschlands.",
     "Mittwoch", day("2022-03-16"), "scheitern", "rejection", True),
    ("Die Regierung bestätigte, dass die Ukraine bereits im März heimlich weitreichende ATACMS-Raketen erhalten hat.",
     "März", month("2024-03", "2024-03-01", "2024-03-31"), "erhalten", "aid", False),
    ("Fiala zeigte sich zuversichtlich, dass die ersten Granaten bis Juni in der Ukraine ankommen.",
     "Juni", month("2024-06", "2024-06-01", "2024-06-30"), "ankommen", "aid", False),
    ("Die Staats- und Regierungschefs beider Länder gaben am Sonntag die Lieferung von F-16-Kampfjets bekannt.",
     "Sonntag", day("2023-08-20"), "bekanntgeben", "aid", False),
    ("Schon Ende Februar war ein ähnlicher Vorstoß von CDU und CSU gescheitert.",
     "Ende Februar", month("2024-02", "2024-02-01", "2024-02-29", "END"), "scheitern", "rejection", True),
    ("Am Freitag erlaubte auch die Bundesregierung der Ukraine, gelieferte Waffen gegen Ziele in Russland einzusetzen.",
     "Freitag", day("2024-05-31"), "erlauben", "decision", True),
    ("Am Mittwoch bekräftigte die NATO, dass der Weg der Ukraine zum Beitritt unumkehrbar ist.",
     "Mittwoch", day("2023-07-12"), "bekräftigen", "membership", False),
])
def test_triggers_of_requests_votes_blockades_and_deliveries(nlp, text, phrase, timex, trigger, event_type, decision) -> None:
    [event] = annotate(nlp, text, "2024-03-18", dates=[(phrase, timex)])._.events
    assert (event.trigger, event.event_type, event.is_decision, event.date_value) == (trigger, event_type, decision, timex.value)


@pytest.mark.parametrize("text", [
    "Das stimmt so nicht ganz, sagte der Minister.",  # stimmen without a side of a vote
    "Die russische Offensive gilt inzwischen als gescheitert.",  # scheitern without where a proposal failed
    "Der Kanzler erhielt für seine Rede viel Applaus.",  # erhalten without anything the sentence types
    "Es kommt jetzt vor allem auf Tempo an.",  # ankommen without a place: es kommt darauf an
    "Stoltenberg nannte die ausstehende Ratifizierung durch die Türkei möglich.",  # pending, not done
    "Ich bitte Sie, das zu bedenken.",  # bitten without um
])
def test_words_that_are_no_triggers_without_their_construction(nlp, text) -> None:
    assert annotate(nlp, text, "2024-03-18")._.events == []


def test_a_deadline_or_budget_year_of_a_pledge_does_not_date_it(nlp) -> None:
    """`bis 2028` after the jets and `in diesem Jahr` before the money say what is given and when;
    the pledge itself takes the paragraph's date (`in dieser Woche`) or the publication date."""
    text = ("Mehrere Verbündete stockten in dieser Woche ihre Hilfe auf. Belgien sagte der Ukraine in einem "
            "Sicherheitsabkommen 30 F-16-Kampfjets bis 2028 und in diesem Jahr Militärhilfe von 977 Millionen Euro zu. "
            "Portugal unterzeichnete ebenfalls ein Abkommen und stellt 2024 mindestens 126 Millionen Euro bereit.")
    this_week = week("2024-W22", "2024-05-27", "2024-06-02")
    doc = annotate(nlp, text, "2024-05-31", dates=[("in dieser Woche", this_week), ("2028", year("2028")),
                                                   ("diesem Jahr", year("2024")), ("2024", year("2024"))],
                   money=[("977 Millionen Euro", MoneyInfo(977_000_000, "EUR")),
                          ("126 Millionen Euro", MoneyInfo(126_000_000, "EUR"))])
    belgium = next(e for e in doc._.events if "Belgien" in e.text)
    portugal = next(e for e in doc._.events if "Portugal" in e.text)
    assert belgium.date_value == portugal.date_value == "2024-W22"
    [alone] = annotate(nlp, "Portugal stellt 2024 mindestens 126 Millionen Euro für die Ukraine bereit.", "2024-05-31",
                       dates=[("2024", year("2024"))], money=[("126 Millionen Euro", MoneyInfo(126_000_000, "EUR"))])._.events
    assert (alone.date_value, alone.date_source) == ("2024-05-31", "dct")


@pytest.mark.parametrize("text, phrase, timex", [
    # the deadline of the act itself (before the verb, not after a noun)
    ("Bis Ende des Monats will Präsident Biden den Kongress um ein weiteres Hilfspaket bitten.",
     "Ende des Monats", month("2022-04", "2022-04-01", "2022-04-30", "END")),
    # a running total: the year is its period
    ("Die NATO-Länder haben in diesem Jahr bereits Artilleriemunition im Wert von einer Milliarde Dollar bestellt.",
     "diesem Jahr", year("2023")),
])
def test_a_date_of_the_act_itself_still_dates_it(nlp, text, phrase, timex) -> None:
    [event] = annotate(nlp, text, "2023-06-14", dates=[(phrase, timex)],
                       money=[("einer Milliarde Dollar", MoneyInfo(1e9, "USD"))] if "Milliarde" in text else [])._.events
    assert event.date_value == timex.value


def test_a_photo_caption_without_a_finite_verb_is_no_event(nlp) -> None:
    text = ("Tschechien hat außerhalb Europas Granaten für die Ukraine gefunden. "
            "Tschechiens Präsident Petr Pavel auf der Münchner Sicherheitskonferenz. (Quelle: Agentur)")
    events = annotate(nlp, text, "2024-03-18")._.events
    assert not any("Sicherheitskonferenz" in e.text for e in events)


def test_a_paragraph_about_an_earlier_day_gives_its_reactions_no_publication_date(nlp) -> None:
    text = ("Am 1. März hatte die Chefin des russischen Staatssenders den Mitschnitt einer Schalte veröffentlicht. "
            "Darin erörterten Offiziere, wie ein Taurus-Einsatz ablaufen könnte. Pistorius sprach von einem Informationskrieg. "
            "Disziplinarische Konsequenzen für die Offiziere lehnte er ab.\n"
            "Der Bundestag lehnte den Antrag der Union ab.")
    events = annotate(nlp, text, "2024-03-14", dates=[("1. März", day("2024-03-01"))])._.events
    assert not any("Disziplinarische" in e.text for e in events)  # the paragraph narrates 1 March
    [bundestag] = [e for e in events if "Bundestag" in e.text]  # a new paragraph (line) is news of the day
    assert bundestag.date_value == "2024-03-14"


@pytest.mark.parametrize("text, phrase, timex", [
    ("Schon am Dienstag treffen sich die Verteidigungsminister der Kontaktgruppe in Ramstein. "
     "Bundesverteidigungsminister Boris Pistorius will dort weitere Hilfe ankündigen.", "Dienstag", day("2024-03-19")),
    ("Den Durchbruch hatte ein Besuch Kristerssons in Budapest am Freitag gebracht. Nach einem Treffen mit "
     "Ministerpräsident Orbán kündigten beide an, dass Ungarn vier weitere Kampfjets kaufen wird.", "Freitag", day("2024-02-23")),
])
def test_a_clause_that_points_back_takes_the_date_of_the_sentence_before(nlp, text, phrase, timex) -> None:
    events = annotate(nlp, text, "2024-03-18", dates=[(phrase, timex)])._.events
    assert events[-1].date_value == timex.value and events[-1].date_source == "previous"


@pytest.mark.parametrize("text", [
    "Paris bestand darauf, mit dem Geld möglichst Rüstungsgüter aus europäischer Produktion zu kaufen.",
    "Sobald Stockholm die Beitrittsurkunde in Washington hinterlegt hat, ist Schweden Mitglied der Allianz.",
    "Das Gesetz muss nun noch vom Staatsoberhaupt unterzeichnet werden.",
])
def test_demands_conditions_and_pending_steps_get_no_publication_date(nlp, text) -> None:
    assert annotate(nlp, text, "2024-03-18")._.events == []


def test_a_headline_of_the_publication_day_takes_the_day_before_that_the_article_gives_for_it(nlp) -> None:
    """Published the next morning: the headline's act is the one the body dates the day before."""
    text = ("Biden unterzeichnet Milliardenpaket für die Ukraine\n"
            "Er unterzeichnete das Gesetz am Mittwoch im Weißen Haus.\n"
            "Der britische Premier Rishi Sunak kündigte am Mittwoch weitere Hilfe an. „Wir liefern sofort“, kündigte Biden an.")
    doc = annotate(nlp, text, "2024-04-25", dates=[("Mittwoch", day("2024-04-24")), (("Mittwoch", 1), day("2024-04-24"))],
                   persons=[("Biden", PersonInfo("Joe Biden", "")), ("Rishi Sunak", PersonInfo("Rishi Sunak", "Premier")),
                            (("Biden", 1), PersonInfo("Joe Biden", ""))])
    headline, body, sunak, quote = doc._.events
    assert headline.date_value == body.date_value == "2024-04-24"
    assert sunak.date_value == "2024-04-24" and quote.date_value == "2024-04-25"  # another actor's announcement


def test_a_continuation_about_a_habit_does_not_take_the_previous_date(nlp) -> None:
    text = ("Die Union will für das laufende Jahr mehr Geld für die Ukraine. "
            "Ihr Sprecher kündigte an, das Thema immer wieder auf die Tagesordnung zu setzen.")
    events = annotate(nlp, text, "2024-03-14", dates=[("laufende Jahr", year("2024"))])._.events
    assert not any("Tagesordnung" in e.text for e in events)


def test_rules_states_hits_and_commentary_are_no_events(nlp) -> None:
    text = ("Über die Aufnahme neuer Mitglieder entscheiden die Verbündeten nur einstimmig.\n"
            "In der EU sind weiterhin rund 200 Milliarden Euro an russischem Staatsvermögen blockiert.\n"
            "Die neuen Marschflugkörper können Ziele in bis zu 500 Kilometern Entfernung treffen.\n"
            "Für die Regierung in Kiew kommt die Zusage zu einem kritischen Zeitpunkt.\n"
            "Der Vertrag sieht vor, dass sich beide Seiten im Falle eines Angriffs binnen einer Woche beraten.")
    assert annotate(nlp, text, "2024-02-20")._.events == []


def test_a_meeting_and_a_blockade_still_count(nlp) -> None:
    text = ("Scholz traf Selenskyj in Berlin.\n"
            "Die Slowakei blockiert die Auszahlung der Mittel aus der Friedensfazilität.")
    events = annotate(nlp, text, "2024-02-20")._.events
    assert [(e.trigger, e.event_type) for e in events] == [("treffen", "meeting"), ("blockieren", "rejection")]


def test_a_negated_trigger_yields_to_an_agreement_in_the_same_sentence(nlp) -> None:
    text = ("Die Türkei stimmt dem Plan nicht zu, legt aber auch kein Veto ein; darauf hatten sich Erdoğan und "
            "Rutte am Dienstag in Ankara verständigt.")
    doc = annotate(nlp, text, "2024-11-14", dates=[("Dienstag", day("2024-11-12"))])
    [event] = doc._.events
    assert (event.trigger, event.event_type, event.date_value) == ("verständigen", "decision", "2024-11-12")


def test_the_first_use_of_a_weapon_system_is_a_milestone_but_daily_combat_is_not(nlp) -> None:
    text = ("Erstmals hat die ukrainische Armee französische Scalp-Marschflugkörper eingesetzt.\n"
            "Auch am Sonntag setzte die Armee Artillerie und Drohnen ein.")
    [event] = annotate(nlp, text, "2023-05-15")._.events
    assert (event.trigger, event.event_type, event.sentence) == ("einsetzen", "deployment", 0)


def test_an_invitation_is_dated_by_the_day_of_inviting_not_by_the_summit(nlp) -> None:
    text = "Rutte lud den ukrainischen Präsidenten am Montag zu dem Gipfeltreffen am 24. und 25. Juni in Den Haag ein."
    doc = annotate(nlp, text, "2025-05-14", dates=[
        ("Montag", day("2025-05-12")),
        ("24. und 25. Juni", Timex("DATE", "2025-06-24/2025-06-25", "2025-06-24", "2025-06-25", "day", "", "explicit"))])
    [event] = doc._.events
    assert (event.trigger, event.date_value) == ("einladen", "2025-05-12")
    text = "Stoltenberg lud Selenskyj zu dem Gipfeltreffen am 11. und 12. Juli in Vilnius ein."
    doc = annotate(nlp, text, "2023-04-20", dates=[
        ("11. und 12. Juli", Timex("DATE", "2023-07-11/2023-07-12", "2023-07-11", "2023-07-12", "day", "", "explicit"))])
    [event] = doc._.events
    assert (event.trigger, event.date_value) == ("einladen", "2023-04-20")


def test_a_past_tense_verb_before_its_subject_is_no_attributive_participle(nlp) -> None:
    text = ("Am Rande des Gipfels unterzeichneten Scholz und Selenskyj ein auf zehn Jahre angelegtes Abkommen.")
    doc = annotate(nlp, text, "2024-02-16", persons=[("Scholz", PersonInfo("Olaf Scholz"))])
    [event] = doc._.events
    assert event.trigger == "unterzeichnen" and event.event_type == "decision"


def test_a_subheading_takes_the_day_its_paragraph_reports(nlp) -> None:
    text = ("Die EU beschließt neue Sanktionen\n\n"
            "Die Außenminister der EU einigten sich am Montag in Luxemburg auf ein neues Sanktionspaket gegen Russland.\n"
            "Die EU beschließt neue Sanktionen\n\n"
            "Die EU hatte am 3. Mai ein erstes Paket gebilligt.")
    doc = annotate(nlp, text, "2024-06-26", dates=[("Montag", day("2024-06-24")), ("3. Mai", day("2024-05-03"))])
    # the paragraph's day within the week before publication; an older one is background, not the heading's
    assert [(e.sentence, e.date_value) for e in doc._.events] == [
        (0, "2024-06-24"), (1, "2024-06-24"), (2, "2024-06-26"), (3, "2024-05-03")]
    text = ("Die Nato übernimmt die Koordination\n\n"
            "Parallel dazu einigten sich die Verteidigungsminister der Nato am Donnerstag in Brüssel darauf, "
            "dass das Bündnis künftig die Waffenlieferungen koordiniert.")
    doc = annotate(nlp, text, "2024-06-15", dates=[("Donnerstag", day("2024-06-13"))])
    assert [(e.sentence, e.date_value) for e in doc._.events] == [(0, "2024-06-13"), (1, "2024-06-13")]


def test_a_noun_in_a_state_clause_yields_to_the_next_clause(nlp) -> None:
    text = ("In Washington ist ein weiteres Hilfspaket seit Wochen blockiert, die EU will bei einem Sondergipfel "
            "am 14. März einen neuen Anlauf nehmen.")
    doc = annotate(nlp, text, "2024-03-01", dates=[("14. März", day("2024-03-14"))])
    [event] = doc._.events
    assert (event.trigger, event.date_value) == ("Sondergipfel", "2024-03-14")


def test_a_date_in_a_present_participle_attribute_dates_the_noun_not_the_act(nlp) -> None:
    text = "Für das im Juli beginnende Haushaltsjahr stellt Kanada der Ukraine 500 Millionen Dollar bereit."
    doc = annotate(nlp, text, "2024-02-24", dates=[("Juli", Timex("DATE", "2024-07", "2024-07-01", "2024-07-31", "month", "", "dct"))])
    [event] = doc._.events
    assert (event.trigger, event.date_value) == ("bereitstellen", "2024-02-24")


def test_a_bare_plural_after_a_preposition_names_a_kind_of_occasion(nlp) -> None:
    text = "Bei Abstimmungen über Sanktionen enthält sich Budapest meist, bei Entscheidungen über Militärhilfe ebenso."
    assert annotate(nlp, text, "2024-03-01")._.events == []
    text = "Bei den Beratungen in Brüssel einigten sich die Minister auf neue Sanktionen."
    [event] = annotate(nlp, text, "2024-03-01")._.events
    assert event.trigger == "einigen"


def test_a_demanded_decision_is_dated_by_the_demand_and_a_standing_refusal_is_no_event(nlp) -> None:
    text = "Kiew drängte auf eine klare Entscheidung beim Gipfel im Juli in Washington."
    doc = annotate(nlp, text, "2024-05-02",
                   dates=[("Juli", Timex("DATE", "2024-07", "2024-07-01", "2024-07-31", "month", "", "dct"))])
    [event] = doc._.events
    assert (event.trigger, event.date_value) == ("Entscheidung", "2024-05-02")
    text = "Die Regierung lehnt es ab, die Gelder zu verwenden, solange dafür keine rechtliche Grundlage besteht."
    assert annotate(nlp, text, "2024-05-02")._.events == []


def test_a_comparison_with_earlier_years_is_no_background(nlp) -> None:
    text = "Für das kommende Jahr stellt Dänemark 1,2 Milliarden Euro bereit, deutlich mehr als in den Jahren zuvor."
    [event] = annotate(nlp, text, "2024-03-01")._.events
    assert (event.trigger, event.date_value) == ("bereitstellen", "2024-03-01")
    text = "Zuvor hatte Dänemark 800 Millionen Euro bereitgestellt."
    assert annotate(nlp, text, "2024-03-01")._.events == []
