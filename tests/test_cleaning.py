"""Cleaning stage: page furniture is blanked, offsets into the text as read never move."""
from __future__ import annotations

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
