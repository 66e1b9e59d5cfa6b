"""Reading stage: decoding, metadata and bad input, on the five samples and on crafted files."""
from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.reading import collect_files, read_document
from pipeline.records import PubDate

from .conftest import RAW


def sample(prefix: str) -> Path:
    return next(RAW.glob(f"{prefix}_*.txt"))


@pytest.mark.parametrize(
    ("prefix", "expected"),
    [
        ("000", PubDate("2024-04-03", "day", "metadata")),  # front matter date (RFC 2822)
        ("001", PubDate("2024-02-10", "day", "metadata")),  # date line under the headline
        ("002", PubDate("2023-06", "month", "metadata")),  # ` date 2023-06` header, month only
        ("003", PubDate()),  # no date at all
        ("004", PubDate("2022-03", "month", "metadata")),
    ],
)
def test_publication_date_from_metadata_keeps_real_precision(prefix: str, expected: PubDate) -> None:
    assert read_document(sample(prefix)).meta.published == expected


def test_titles_from_front_matter_and_standalone_headline() -> None:
    assert read_document(sample("000")).meta.title == "NATO-Chef Stoltenberg will für den Ausfall der USA vorsorgen"
    assert read_document(sample("001")).meta.title.startswith("Nato steht wohl vor Tabubruch")
    assert read_document(sample("003")).meta.title == "NATO will dauerhafte Truppenaufstockung"
    assert read_document(sample("002")).meta.title == ""  # a photo caption is not a headline


def test_samples_read_unchanged_with_doc_id_from_file_stem() -> None:
    path = sample("000")
    document = read_document(path)
    assert document.status == "ok" and document.message == ""
    assert document.doc_id == "000_d2c3a3ae655355a6"
    assert document.text == path.read_text(encoding="utf-8")
    assert document.front_matter["layout"] == "post"


def test_collect_files_finds_all_samples_in_order() -> None:
    assert [path.name[:3] for path in collect_files([RAW])] == ["000", "001", "002", "003", "004"]


def test_folder_documentation_is_not_an_article(tmp_path: Path) -> None:
    (tmp_path / "gold").mkdir()
    for name in ("101_artikel.txt", "gold/README.md", "LICENSE.txt", "readme.txt"):
        (tmp_path / name).write_text("Die NATO berät.", encoding="utf-8")
    assert [path.name for path in collect_files([tmp_path])] == ["101_artikel.txt"]
    assert collect_files([tmp_path / "readme.txt"]) == [tmp_path / "readme.txt"]  # named explicitly: read


def test_stand_line_gives_the_date_when_nothing_else_does(tmp_path: Path) -> None:
    path = tmp_path / "stand.txt"
    path.write_text("Ukraine-Hilfe\n\nDie NATO berät. Stand: 03.04.2024 19:20 Uhr\n\nMehr Text.", encoding="utf-8")
    assert read_document(path).meta.published == PubDate("2024-04-03", "day", "text")


def test_month_header_is_refined_by_an_agreeing_date_line(tmp_path: Path) -> None:
    path = tmp_path / "refine.txt"
    path.write_text(" date 2023-06 Bildunterschrift.\n14.06.2023\n\nDie Minister beraten.", encoding="utf-8")
    assert read_document(path).meta.published == PubDate("2023-06-14", "day", "metadata")


def test_worded_date_line_is_normalised(tmp_path: Path) -> None:
    path = tmp_path / "worded.txt"
    path.write_text("Gipfel in Vilnius\n\n11. Juli 2023\n\nDie Staats- und Regierungschefs beraten.", encoding="utf-8")
    assert read_document(path).meta.published == PubDate("2023-07-11", "day", "metadata")


def test_cp1252_file_is_detected_and_decoded(tmp_path: Path) -> None:
    text = "Außenministerin Annalena Baerbock sagte in Brüssel: „Wir müssen der Ukraine helfen.“ " * 3
    path = tmp_path / "legacy.txt"
    path.write_bytes(text.encode("cp1252"))
    document = read_document(path)
    assert document.status == "ok"
    assert document.text == text
    assert document.encoding.replace("_", "").lower() in {"cp1252", "windows1252"}


def test_latin1_file_is_decoded(tmp_path: Path) -> None:
    text = "Die Bundesregierung stehe dem Schritt jedoch skeptisch gegenüber, hieß es in Berlin."
    path = tmp_path / "latin.txt"
    path.write_bytes(text.encode("latin-1"))
    assert read_document(path).text == text


@pytest.mark.parametrize(
    ("content", "status", "message"),
    [
        (b"", "skipped", "empty file"),
        (b"   \n\t\n", "skipped", "file contains only whitespace"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "skipped", "binary file (not text)"),
        (b"12 34 56 -- 78", "skipped", "file contains no words"),
    ],
)
def test_bad_files_are_reported_not_raised(tmp_path: Path, content: bytes, status: str, message: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    document = read_document(path)
    assert (document.status, document.message) == (status, message)


def test_oversized_file_is_skipped_with_its_size(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_text("Die NATO berät. " * 1000, encoding="utf-8")  # 17 bytes each (ä is two)
    document = read_document(path, max_bytes=1000)
    assert document.status == "skipped"
    assert document.message == "file too large: 17,000 bytes (limit 1,000)"


def test_missing_file_is_an_error(tmp_path: Path) -> None:
    document = read_document(tmp_path / "gone.txt")
    assert (document.status, document.message) == ("error", "file not found")


def test_html_metadata_and_status(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(
        '<!DOCTYPE html><html><head><title>NATO-Gipfel in Vilnius</title>'
        '<meta property="article:published_time" content="2023-07-11T08:00:00+02:00"></head>'
        "<body><p>Die NATO berät in Vilnius über die Ukraine.</p></body></html>",
        encoding="utf-8",
    )
    document = read_document(path)
    assert document.status == "ok" and document.is_html
    assert document.meta.title == "NATO-Gipfel in Vilnius"
    assert document.meta.published == PubDate("2023-07-11", "day", "metadata")


def test_broken_front_matter_is_read_loosely(tmp_path: Path) -> None:
    path = tmp_path / "loose.md"
    path.write_text("---\ntitle: NATO: Gipfel [Vilnius\ndate: 2023-07-11\n---\nText über die NATO.\n", encoding="utf-8")
    document = read_document(path)
    assert document.meta.published == PubDate("2023-07-11", "day", "metadata")
    assert document.meta.title == "NATO: Gipfel [Vilnius"


@pytest.mark.parametrize(
    ("top", "expected"),
    [
        ("Veröffentlicht am 12.03.2024 um 14:35 Uhr", PubDate("2024-03-12", "day", "metadata")),
        ("12.03.2024 | 14:35 Uhr", PubDate("2024-03-12", "day", "metadata")),
        ("Mi 13.03.2024 14:35 Uhr", PubDate("2024-03-13", "day", "metadata")),
        ("Mittwoch, 13. März 2024", PubDate("2024-03-13", "day", "metadata")),
        ("13.03.24", PubDate("2024-03-13", "day", "metadata")),
        ("von Max Mustermann, 13.03.2024", PubDate("2024-03-13", "day", "metadata")),
        ("Berlin, 12.03.2024 – Die NATO stockt ihre Truppen auf.", PubDate("2024-03-12", "day", "text")),
        ("Brüssel (dpa) 12.03.2024 - Die Minister beraten.", PubDate("2024-03-12", "day", "text")),
        # page metadata after the date on the same line (Spiegel, SZ, Welt, Zeit, FAZ, Handelsblatt)
        ("25. Januar 2023, 19:52 Uhr • aus Berlin und Washington", PubDate("2023-01-25", "day", "metadata")),
        ("12.07.2023 | Lesezeit 4 Min", PubDate("2023-07-12", "day", "metadata")),
        ("25.01.2023, 19:52 Uhr von Max Muster", PubDate("2023-01-25", "day", "metadata")),
        ("Veröffentlicht am 25.01.2023 | Lesedauer: 3 Minuten", PubDate("2023-01-25", "day", "metadata")),
        ("14. Februar 2023, 10:15 Uhr · Quelle: ZEIT ONLINE, dpa, AFP", PubDate("2023-02-14", "day", "metadata")),
        ("25.01.2023 - 19:52 Uhr", PubDate("2023-01-25", "day", "metadata")),
        ("12.07.2023 18:04 Uhr Lesezeit: 3 Min.", PubDate("2023-07-12", "day", "metadata")),
        ("Von Max Muster 25.01.2023, 19:52 Uhr", PubDate("2023-01-25", "day", "metadata")),
        ("Erstellt: 25.01.2023, 19:52 Uhr Von: Max Muster", PubDate("2023-01-25", "day", "metadata")),
        ("Aktualisiert am 25.01.2023-19:52", PubDate("2023-01-25", "day", "text")),
        # agency datelines with the date after the place or after the agency
        ("Brüssel, 14. Februar 2023 (dpa) - Die Unterstützer der Ukraine beraten.", PubDate("2023-02-14", "day", "text")),
        ("BRÜSSEL (Reuters) / 14.02.2023 - Die Minister beraten.", PubDate("2023-02-14", "day", "text")),
        ("BRÜSSEL (Reuters) / 14.02.2023", PubDate("2023-02-14", "day", "text")),
        ("Frankfurt/Main (dpa) 14.02.2023 – Die Börse schloss fester.", PubDate("2023-02-14", "day", "text")),
        # wire datelines with an abbreviated month and no year: the year only from a single year in the text
        ("Warschau, 01. Aug (Reuters) - Polen schickt Soldaten an die Grenze. Das Land will 2023 rund vier "
         "Prozent für die Verteidigung ausgeben.", PubDate("2023-08-01", "day", "text")),
        ("Genf, 12. Sept. (AFP) - Die Gespräche über das Abkommen von 2021 gehen weiter.",
         PubDate("2021-09-12", "day", "text")),
        ("Berlin, 3. Mär (Reuters) – Die Regierung will 2024 mehr ausgeben als 2023.", PubDate()),  # two years
        ("Warschau, 01. Aug (Reuters) - Polen schickt Soldaten an die Grenze.", PubDate()),  # no year at all
        ("Warschau, 01. Aug (Reuters) - Polen schickt 2000 Soldaten an die Grenze.", PubDate()),  # a count
        ("Warschau, 01. Aug (Reuters) - Polen schickt 2000 Soldaten, 2023 mehr als je zuvor.",
         PubDate("2023-08-01", "day", "text")),
        ("Kiew, 31. Jun (Reuters) - Die Ukraine meldete 2023 Angriffe.", PubDate()),  # no such day
        # page headers of short segments (agency, section, place, authors) with the date in one segment
        ("AFP · Politik · 26.02.2024 · 17:48", PubDate("2024-02-26", "day", "metadata")),
        ("**Katharina Sommer, Moritz Brandt** | Washington, Berlin | 24.04.2024 - 21:17 Uhr | "
         "Aktualisiert: 25.04.2024 - 07:30 Uhr", PubDate("2024-04-24", "day", "metadata")),
        ("Von Paul Berger | Berlin | Mo., 26.02.2024, 17:48 Uhr | Lesezeit: 4 min", PubDate("2024-02-26", "day", "metadata")),
        ("__Reuters__ • Ausland • 14. Februar 2023 • Brüssel/Kiew", PubDate("2023-02-14", "day", "metadata")),
        ("dpa / Wirtschaft / 14.02.2023 / 10:15 Uhr", PubDate("2023-02-14", "day", "metadata")),
        ("Politik | Aktualisiert: 25.04.2024 - 07:30 Uhr", PubDate("2024-04-25", "day", "text")),  # an update only
        ("Berlin | Die Minister trafen sich am 13.03.2024", PubDate()),  # a sentence segment
        ("Weg frei für Schweden - Ungarn stimmt am 26.02.2024 zu", PubDate()),
        ("- Schweden ist 32. Nato-Mitglied | 07.03.2024", PubDate()),  # a dated teaser in a list
        ("Die Minister trafen am 13.03.2024", PubDate()),  # a sentence, not a date line
        ("Am Mittwoch, 13. März 2024, trafen sich die Minister.", PubDate()),
        ("Am 13.03.2024 von Berlin aus reisten die Minister ab.", PubDate()),
    ],
)
def test_common_date_lines_and_datelines(tmp_path: Path, top: str, expected: PubDate) -> None:
    path = tmp_path / "article.txt"
    path.write_text(f"NATO stockt Truppen auf\n\n{top}\n\nDer Text des Artikels folgt hier.", encoding="utf-8")
    assert read_document(path).meta.published == expected


@pytest.mark.parametrize(
    ("top", "title"),
    [
        # tagesschau: breadcrumb, kicker, headline, Stand line
        ("Startseite > Ausland > Europa\n\nNATO-Gipfel in Vilnius\n\n"
         "Erstes Treffen des NATO-Ukraine-Rats: Selenskyj sitzt mit am Tisch\n\nStand: 12.07.2023 18:04 Uhr",
         "Erstes Treffen des NATO-Ukraine-Rats: Selenskyj sitzt mit am Tisch"),
        # Spiegel: masthead, breadcrumb, kicker line right above the headline, date line under the teaser
        ("DER SPIEGEL\n\nAusland › Ukraine-Krieg\n\nKampfpanzer für die Ukraine\n"
         "Scholz gibt Leopard 2 frei – und holt die USA mit ins Boot\n\n"
         "25. Januar 2023, 19:52 Uhr • aus Berlin und Washington",
         "Scholz gibt Leopard 2 frei – und holt die USA mit ins Boot"),
        ("DW Deutsch | Themen | Krieg in der Ukraine\n\nNATO-Gipfel in Washington: Unumkehrbarer Weg, aber keine Einladung",
         "NATO-Gipfel in Washington: Unumkehrbarer Weg, aber keine Einladung"),
        # regional paper: masthead with section and town, then the edition date
        ("Westpfalz-Zeitung · Lokales · Kaiserslautern\n\nMittwoch, 27. April 2022\n\n"
         "Weltpolitik vor der Haustür: Ukraine-Treffen auf der Air Base",
         "Weltpolitik vor der Haustür: Ukraine-Treffen auf der Air Base"),
        ("Aktualisiert am 25.01.2023-19:52\n\nVon Max Mustermann, Berlin\n\nScholz gibt Leopard frei",
         "Scholz gibt Leopard frei"),  # a short headline with no longer line after it is kept
        ("Politik » Ausland\n\n# Finnland ist das 31. Mitglied der Nato", "Finnland ist das 31. Mitglied der Nato"),
        # t-online: kicker, headline, agency byline and update line in one paragraph
        ("Krieg in der Ukraine\nScholz: Deutschland liefert Leopard-Panzer an Kiew\nVon dpa, t-online, mk\n"
         "Aktualisiert am 25.01.2023 - 19:52 Uhr | Lesedauer: 3 Min.",
         "Scholz: Deutschland liefert Leopard-Panzer an Kiew"),
        # Zeit: skip link, one-word kicker, headline, teaser, date line with source
        ("Zur Navigation springen\n\nNato\n\nFinnland ist jetzt Nato-Mitglied\n\n"
         "Als 31. Staat ist Finnland der Nato beigetreten. Russland kündigt Gegenmaßnahmen an.\n\n"
         "4. April 2023, 17:12 Uhr Quelle: ZEIT ONLINE, dpa, AFP, ces", "Finnland ist jetzt Nato-Mitglied"),
        # headline with its teaser sentence directly under it
        ("Scholz gibt Leopard 2 frei – und holt die USA mit ins Boot\nDeutschland liefert Kampfpanzer an die Ukraine.",
         "Scholz gibt Leopard 2 frei – und holt die USA mit ins Boot"),
        ("Ukraine-Kontaktgruppe: Westen will Kiew schneller mit Munition versorgen",  # Dachzeile: Headline
         "Ukraine-Kontaktgruppe: Westen will Kiew schneller mit Munition versorgen"),
        ("Von der Leyen fordert mehr Tempo bei der Ukraine-Hilfe\n\nVon Anna Berger, ARD-Studio Brüssel",
         "Von der Leyen fordert mehr Tempo bei der Ukraine-Hilfe"),  # "Von der Leyen" is no byline
    ],
)
def test_headline_skips_breadcrumbs_mastheads_kickers_date_lines_and_bylines(
    tmp_path: Path, top: str, title: str
) -> None:
    path = tmp_path / "article.txt"
    body = "Die Verteidigungsminister der NATO-Staaten haben am Mittwoch in Brüssel über weitere Hilfen " * 3
    path.write_text(f"{top}\n\n{body.strip()}.\n", encoding="utf-8")
    assert read_document(path).meta.title == title


@pytest.mark.parametrize(
    ("head", "body", "title"),
    [
        # the <h1> holds the headline; <title> carries the site name, og:title is a shortened social title
        ('<title>Rutte wird NATO-Generalsekretär: Was das bedeutet | Nordwest-Kurier</title>'
         '<meta property="og:title" content="Rutte wird NATO-Generalsekretär">',
         '<p class="kicker">Neuer NATO-Chef</p><h1>Rutte wird NATO-Generalsekretär: Was das bedeutet</h1>',
         "Rutte wird NATO-Generalsekretär: Was das bedeutet"),
        ("<title>Scholz gibt Leopard frei - DER SPIEGEL</title>",
         '<h1><span class="kicker">Kampfpanzer für die Ukraine</span> <span>Scholz gibt Leopard&nbsp;2 frei</span></h1>',
         "Scholz gibt Leopard 2 frei"),
        ('<title>NATO-Gipfel: Zusagen für Kiew | tagesschau.de</title>'
         '<meta content="NATO-Gipfel: Milliarden für Kiew" property="og:title">',
         "<p>Text</p>", "NATO-Gipfel: Milliarden für Kiew"),
        ("<title>NATO-Gipfel: Zusagen für Kiew | tagesschau.de</title>", "<p>Text</p>", "NATO-Gipfel: Zusagen für Kiew"),
        ("<title>Rutte übernimmt | Nordwest-Kurier</title>", '<h1 class="logo">Nordwest-Kurier</h1><h1>Rutte übernimmt</h1>',
         "Rutte übernimmt"),
    ],
)
def test_html_headline_prefers_h1_then_og_title_then_title_without_site_name(
    tmp_path: Path, head: str, body: str, title: str
) -> None:
    path = tmp_path / "page.html"
    path.write_text(f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>", encoding="utf-8")
    assert read_document(path).meta.title == title
