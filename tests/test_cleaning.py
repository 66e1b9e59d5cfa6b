"""Cleaning stage: page furniture is blanked, offsets into the text as read never move."""
from __future__ import annotations

import time
from pathlib import Path

from pipeline.cleaning import clean_text
from pipeline.reading import read_document

from .conftest import RAW


def cleaned(prefix: str) -> tuple[str, str]:
    document = read_document(next(RAW.glob(f"{prefix}_*.txt")))
    return document.text, clean_text(document)


def test_cleaning_keeps_length_and_line_breaks_of_every_sample() -> None:
    for path in sorted(RAW.glob("*.txt")):
        document = read_document(path)
        text = clean_text(document)
        assert len(text) == len(document.text)
        assert [i for i, c in enumerate(text) if c == "\n"] == [i for i, c in enumerate(document.text) if c == "\n"]


def test_front_matter_image_and_link_targets_are_blanked() -> None:
    original, text = cleaned("000")
    assert "layout: post" not in text and "categories:" not in text
    assert "https://" not in text and "images.tagesschau.de" not in text
    link_text = "NATO-Chef Stoltenberg will für den Ausfall der USA vorsorgen"
    start = original.index("[" + link_text) + 1
    assert text[start:start + len(link_text)] == link_text  # the link text stays at its offset
    assert "Stand: 03.04.2024 19:20 Uhr" in text  # a dateline is content, not furniture


def test_teasers_comment_form_and_reading_time_are_blanked() -> None:
    _, text = cleaned("001")
    for furniture in ("Das könnte Sie auch interessieren", "01.12.2024", "29.11.2024", "4 × eins =",
                      "Lesedauer", "IMAGO", "Schreiben Sie einen Kommentar"):
        assert furniture not in text
    assert "10.02.2024" in text  # the article's own date line stays
    assert "(tpn)" in text  # the article ends right before the teasers


def test_agency_credit_lines_are_blanked_but_captions_stay() -> None:
    _, text = cleaned("003")
    assert "APA/AFP/Kenzo Tribouillard" not in text
    assert "Reuters/Johanna Geron" not in text and "Reuters/Sputnik" not in text
    assert "Der russische Präsident Vladimir Putin" in text


def test_repeated_teaser_paragraph_is_blanked_once_seen() -> None:
    original, text = cleaned("000")
    lead = "Bisher sind Waffenhilfen für die Ukraine freiwillige Zusagen einzelner NATO-Staaten."
    assert original.count(lead) == 3
    assert text.count(lead) == 2  # the third copy extends the paragraph, so it is not a repeat


def test_month_header_is_blanked(tmp_path: Path) -> None:
    _, text = cleaned("002")
    assert "date 2023-06" not in text
    assert text.lstrip().startswith("NATO-Generalsekretär Stoltenberg am Dienstag")


def test_html_tags_and_scripts_are_blanked(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text("<html><head><script>var datum = '01.12.2024';</script></head>"
                    "<body><p>Die NATO berät in <b>Vilnius</b>.</p></body></html>", encoding="utf-8")
    text = clean_text(read_document(path))
    assert "01.12.2024" not in text and "<" not in text
    assert " ".join(text.split()) == "Die NATO berät in Vilnius ."


def cleaned_text(tmp_path: Path, content: str, name: str = "article.txt") -> str:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    document = read_document(path)
    text = clean_text(document)
    assert len(text) == len(document.text)
    return text


BODY = ("Zum Abschluss des Gipfels in Vilnius ist der neue NATO-Ukraine-Rat erstmals zusammengekommen. "
        "Präsident Selenskyj zeigte sich versöhnlicher als noch am Vortag.")
LATER = "Moskau reagierte gereizt. Kremlsprecher Dmitri Peskow kündigte Gegenmaßnahmen an."


def test_tagesschau_teaser_box_with_dated_headlines_is_blanked(tmp_path: Path) -> None:
    text = cleaned_text(tmp_path, f"{BODY}\n\nMehr zum Thema\n\n"
                        "    NATO-Gipfel in Washington: 40 Milliarden Euro für Kiew, 10.07.2024\n"
                        "    Schweden ist 32. NATO-Mitglied, 07.03.2024\n"
                        "    Kommentar: Vilnius war ein Gipfel der halben Sachen, 11.07.2023\n")
    assert BODY in text
    for furniture in ("Mehr zum Thema", "40 Milliarden", "07.03.2024", "Kommentar"):
        assert furniture not in text


def test_dw_teaser_lines_right_under_the_heading_are_blanked(tmp_path: Path) -> None:
    text = cleaned_text(tmp_path, f"{BODY}\n\nMehr zum Thema\nRutte wird neuer NATO-Generalsekretär 26.06.2024\n"
                        "Schweden tritt der NATO bei 07.03.2024\n")
    assert BODY in text and "Rutte" not in text and "Schweden" not in text


def test_teaser_box_inside_the_article_keeps_the_subheading_and_body_after_it(tmp_path: Path) -> None:
    text = cleaned_text(tmp_path, f"{BODY}\n\nLesen Sie auch:\n\n• Was der NATO-Beitritt für Finnland bedeutet\n"
                        f"• Schweden muss weiter warten\n\nGegenmaßnahmen angekündigt\n\n{LATER}\n")
    assert "Lesen Sie" not in text and "Finnland" not in text and "Schweden" not in text
    assert "Gegenmaßnahmen angekündigt" in text and LATER in text and BODY in text


def test_inline_reading_tip_blanks_only_its_own_line(tmp_path: Path) -> None:
    text = cleaned_text(tmp_path, f"{BODY}\n\nLESEN SIE AUCH: Was bedeutet der Beitritt für Russland?\n\n"
                        f"Gegenmaßnahmen angekündigt\n\n{LATER}\n")
    assert "LESEN SIE AUCH" not in text and "Was bedeutet" not in text
    assert "Gegenmaßnahmen angekündigt" in text and LATER in text


def test_teaser_heading_followed_by_a_body_paragraph_keeps_the_paragraph(tmp_path: Path) -> None:
    for heading in ("Zum Thema", "Auch interessant", "Mehr aus dem Ressort", "Empfehlungen der Redaktion"):
        text = cleaned_text(tmp_path, f"{BODY}\n\n{heading}\n\n{LATER}\n\nDie NATO berät am Donnerstag weiter.\n")
        assert heading not in text
        assert BODY in text and LATER in text and "Die NATO berät am Donnerstag weiter." in text


PAGE = """<!DOCTYPE html>
<html lang="de">
<head>
<title>Rutte wird NATO-Generalsekretär | Nordwest-Kurier</title>
<script type="application/ld+json">{"datePublished":"2024-06-26T17:45:00+02:00"}</script>
</head>
<body>
<div class="cookie-banner" role="dialog">Wir verwenden Cookies. <button>Alle akzeptieren</button></div>
<header><a class="logo" href="/">Nordwest-Kurier</a>
<nav class="nav"><a href="/">Startseite</a> <a href="/politik">Politik</a></nav></header>
<nav class="breadcrumb"><a href="/">Startseite</a> › <a href="/politik">Politik</a></nav>
<main><article>
<header><p class="kicker">Neuer NATO-Chef</p><h1>Rutte wird NATO-Generalsekretär</h1></header>
<p>Am Mittwoch ernannte der Nordatlantikrat den Niederländer Mark Rutte zum nächsten NATO-Generalsekretär.</p>
<aside class="infobox"><h3>Militärhilfe der Niederlande</h3><p>Zusage für 2024: 2 Mrd. €</p></aside>
<div class="share-bar"><button>Teilen</button> <a href="#">Auf X teilen</a></div>
<p>Stoltenberg bleibt bis Ende September im Amt.</p>
</article>
<aside class="teaser"><h2>Meistgelesen</h2><ul><li><a href="/a">Hafen meldet Rekordumschlag</a> 25.06.2024</li></ul></aside>
<div class="newsletter-box"><p>Die wichtigsten Nachrichten jeden Morgen.</p></div>
</main>
<footer><p>© 2024 Nordwest-Kurier · <a href="/impressum">Impressum</a></p></footer>
</body>
</html>
"""


def test_html_page_furniture_doctype_and_title_are_blanked_article_stays(tmp_path: Path) -> None:
    text = cleaned_text(tmp_path, PAGE, "page.html")
    for furniture in ("DOCTYPE", "Nordwest-Kurier", "Cookies", "akzeptieren", "Startseite", "Teilen",
                      "Hafen", "Meistgelesen", "Nachrichten jeden Morgen", "Impressum", "datePublished"):
        assert furniture not in text
    assert text.count("Rutte wird NATO-Generalsekretär") == 1  # the <h1>, not the <title> as well
    for content in ("Neuer NATO-Chef", "Am Mittwoch ernannte der Nordatlantikrat", "Zusage für 2024: 2 Mrd. €",
                    "Militärhilfe der Niederlande", "Stoltenberg bleibt bis Ende September im Amt."):
        assert content in text


def test_html_title_stays_when_no_h1_holds_the_headline(tmp_path: Path) -> None:
    text = cleaned_text(tmp_path, "<!doctype html><html><head><title>NATO-Gipfel in Vilnius</title></head>"
                        "<body><p>Die NATO berät in Vilnius.</p></body></html>", "page.html")
    assert "NATO-Gipfel in Vilnius" in text and "doctype" not in text


def test_unclosed_or_nested_furniture_elements_never_take_the_article(tmp_path: Path) -> None:
    text = cleaned_text(tmp_path, '<html><body><div class="social-wrapper"><nav>Menü</nav><main><h1>Kiew erhält '
                        "Patriot</h1><p>Deutschland liefert ein drittes System.</p></main></div>"
                        "<nav>Start<nav>Politik</nav></nav><p>Der Text geht weiter.</p><aside>Werbung</body></html>",
                        "page.html")
    assert "Menü" not in text and "Start" not in text and "Politik" not in text
    assert "Kiew erhält Patriot" in text and "Deutschland liefert ein drittes System." in text
    assert "Der Text geht weiter." in text


def test_agency_sign_off_lines_are_blanked_dateline_stays(tmp_path: Path) -> None:
    dateline = "Brüssel (dpa) - Die westlichen Unterstützer der Ukraine wollen Kiew rasch mit Munition versorgen."
    text = cleaned_text(tmp_path, f"{dateline}\n\n{LATER}\n\ndpa bsk/mfi yyzz a3 ae\n\nsfi/dpa/AFP\n\n(dpa)\n")
    assert dateline in text and LATER in text
    assert "bsk" not in text and "sfi" not in text and text.count("(dpa)") == 1  # the dateline's


def test_skip_links_and_button_labels_are_blanked(tmp_path: Path) -> None:
    text = cleaned_text(tmp_path, f"Zur Navigation springen\nMenü\nSuche\n\n{BODY}\n\nArtikel teilen\nMerken\n\n{LATER}\n")
    assert " ".join(text.split()) == f"{BODY} {LATER}"


def test_html_block_boundaries_end_lines_and_offsets_stay(tmp_path: Path) -> None:
    page = ('<html><body><article><p>Die EU stockt den Fonds auf.</p><aside class="infobox"><h3>Europäische '
            "Friedensfazilität</h3><dl><dt>Gegründet:</dt><dd>2021</dd></dl><ul><li>Ukraine-Unterstützungsfonds 2024: "
            "5 Mrd. €</li><li>Bisher bereitgestellt: mehr als 6 Mrd. €</li></ul></aside><table><tr><td>Frankreich</td>"
            "<td>1,2 Mrd. €</td></tr></table>Zeile eins<br>Zeile zwei</article></body></html>")
    text = cleaned_text(tmp_path, page, "page.html")
    lines = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
    assert lines == ["Die EU stockt den Fonds auf.", "Europäische Friedensfazilität", "Gegründet:", "2021",
                     "Ukraine-Unterstützungsfonds 2024: 5 Mrd. €", "Bisher bereitgestellt: mehr als 6 Mrd. €",
                     "Frankreich", "1,2 Mrd. €", "Zeile eins", "Zeile zwei"]
    assert text.index("Gegründet") == page.index("Gegründet")  # offsets into the page as read


def test_html_inline_teaser_box_ends_with_its_element_caption_and_subheading_stay(tmp_path: Path) -> None:
    page = ("<html><body><article>\n<p>Paris und Berlin rangen monatelang um die Details des Kompromisses.</p>\n"
            '<div class="teaser inline"><p class="label">Auch interessant</p><a href="/a.html">Scholz: „Ich bin der '
            "Kanzler“</a></div>\n<figure><img src=\"/p.jpg\"><figcaption>Tschechiens Präsident Petr Pavel in München. "
            "(Quelle: Tomáš Vrba/ČTK/imago images)</figcaption></figure>\n<h2>Prag sucht Granaten in aller Welt</h2>\n"
            "<p>Genau dort setzt eine Initiative Tschechiens an.</p>\n</article></body></html>")
    text = cleaned_text(tmp_path, page, "page.html")
    assert "Auch interessant" not in text and "Ich bin der Kanzler" not in text
    assert "Tschechiens Präsident Petr Pavel in München." in text  # the caption is content, on its own line
    assert "Vrba" not in text and "Quelle" not in text  # its credit is not
    assert "Prag sucht Granaten in aller Welt" in text and "Genau dort setzt" in text


def test_markdown_button_bar_emphasised_teaser_boxes_and_caption_credits_are_blanked(tmp_path: Path) -> None:
    text = cleaned_text(tmp_path, (
        "**Katharina Sommer** | Washington | 24.04.2024 - 21:17 Uhr\n\n[Artikel anhören] [Jetzt teilen]\n\n"
        "![Biden im Weißen Haus](https://example.org/biden.jpg)\n"
        "*US-Präsident Biden nach der Unterzeichnung: „Das macht Amerika sicherer.“ Foto: Reuters/Elena Marquez*\n\n"
        f"{BODY}\n\n[Kommentare (12)] [Artikel merken]\n\n"
        "**Lesen Sie auch:** [Rüstung: Warum Europa nicht hinterherkommt](https://example.org/a.html)\n\n"
        "(Foto: Lena Brandt/Imago) Bundeskanzler Olaf Scholz (SPD) am Mittwoch im Bundestag.\n\n"
        f"{LATER}\n\n**Mehr zum Thema:**\n- [Rheinmetall: Neues Werk in Litauen](https://example.org/b.html) – 18.04.2024\n"),
        "article.md")
    for furniture in ("anhören", "teilen", "Kommentare", "merken", "Lesen Sie", "Rüstung", "Marquez", "Lena Brandt",
                      "Mehr zum Thema", "Rheinmetall"):
        assert furniture not in text
    for content in (BODY, LATER, "„Das macht Amerika sicherer.“", "Bundeskanzler Olaf Scholz (SPD) am Mittwoch"):
        assert content in text


def test_skip_link_ad_label_and_comment_count_are_furniture(tmp_path: Path) -> None:
    text = cleaned_text(tmp_path, f"Zum Inhalt springen\nAnzeige\n\n{BODY}\n\n{LATER}\n\n212 Kommentare\nZur Startseite\n")
    assert " ".join(text.split()) == f"{BODY} {LATER}"


def test_line_breaks_at_block_tags_take_linear_time_on_a_large_minified_page(tmp_path: Path) -> None:
    page = ("<html><body><script>" + "x" * 200_000 + "</script>" + "<div><p>Die NATO berät.</p><ul><li>a</li></ul></div>" * 3000
            + "<div></div>" * 10_000 + "</body></html>")
    started = time.perf_counter()
    text = cleaned_text(tmp_path, page, "page.html")
    assert time.perf_counter() - started < 10
    assert text.count("Die NATO berät.") == 3000


def test_comment_button_above_the_body_does_not_blank_the_article(tmp_path: Path) -> None:
    text = cleaned_text(tmp_path, (
        "Deutschland liefert IRIS-T an die Ukraine\n\nVon: Jana Winter\n\nKommentare\nTeilen\n\n"
        "Nach den schweren russischen Raketenangriffen vom Montag erhält die Ukraine ein modernes "
        "Flugabwehrsystem aus Deutschland.\n\nKommentare (3)\n\nLeser123: Endlich!\n"))
    assert "Raketenangriffen vom Montag" in text and "Flugabwehrsystem" in text
    assert "Kommentare" not in text and "Leser123" not in text
