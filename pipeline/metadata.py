"""Title and publication date from a document's own metadata.

Sources, strongest first: front matter (`date:`, `title:`), HTML meta tags, a header such as
` date 2023-06`, a standalone date line near the top (`10.02.2024`) or a page header of short segments
with a date (`AFP · Politik · 26.02.2024 · 17:48`), a `Stand: 03.04.2024 19:20 Uhr` line, a news dateline. A finer value from a weaker source refines a coarser one only when they agree. Values keep
their real precision: a month stays a month.

A wire dateline without a year ("Warschau, 01. Aug (Reuters) -", months as in `temporal_months.tsv`, abbreviated
with or without the period) gives a date only when its year is safe: the article names exactly one distinct
year and day+month+year is a real date; with several years or none the date stays unknown (no date rather than
a wrong one), and a stronger source (front matter, meta tags) always wins.
"""
from __future__ import annotations

import datetime as dt
import email.utils
import html
import re
from dataclasses import dataclass, field

import dateparser

from .records import PubDate
from .resources import load_table
from .temporal.lexicon import load_lexicon

TOP_LINES = 15  # a date line or headline is looked for in this many non-empty lines
STAND_WINDOW = 4000  # characters in which a `Stand:` line counts as page metadata
MAX_TITLE_CHARS = 160
BODY_PARAGRAPH_CHARS = 200

NUMERIC_DATE = r"\d{1,2}\.\s?\d{1,2}\.\s?(?:(?:19|20)\d{2}|\d{2}(?!\d))"
WORDED_DATE = r"\d{1,2}\.\s*[A-ZÄÖÜ][a-zäöü]{2,9}\.?\s+(?:19|20)\d{2}"
ISO_DATE = r"(?:19|20)\d{2}-\d{2}(?:-\d{2})?"
ANY_DATE = rf"(?:{NUMERIC_DATE}|{WORDED_DATE}|{ISO_DATE})"
TIME = r"(?:\s*[,|·/•–—-]?\s*(?:um\s*)?\d{1,2}[:.]\d{2}(?:\s*Uhr)?)"
# A short lead before a standalone date: a weekday, a place, a byline ("Mi", "Mittwoch,", "von Max Muster,").
LINE_LEAD = (r"(?:[^\W\d][\w.]*\s*[,|·]?\s+"  # one word: "Mi", "Mittwoch,"
             r"|(?:[^\W\d][\w.-]*\s+){1,3}[^\W\d][\w.-]*\s*[,|·]\s+"  # 2-4 words closed by a comma
             r"|von:?\s+(?:[^\W\d][\w.-]*\s+){1,3})?")  # a byline: "Von Max Muster 25.01.2023"
# Page metadata after the date on the same line: after a separator anything short ("• aus Berlin",
# "| Lesezeit 4 Min", "· Quelle: dpa"); after a space or comma only a byline, place, source or update note
# ("19:52 Uhr von Max Muster") not closed like a sentence, so that a sentence opening with a date
# ("Am 13.03.2024 von Berlin aus reisten …") is not a date line.
LINE_TAIL_WORDS = r"(?:von|aus|Quelle|Lesezeit|Lesedauer|Aktualisiert|Update|Stand|Zuletzt)"
LINE_TAIL = rf"(?:\s*[•|·/]\s*[^\n]{{0,80}}|\s*[,–—-]?\s*{LINE_TAIL_WORDS}\b[^\n]{{0,80}}(?:(?<![.!?])|(?<=Min\.)))?"
HEADER_DATE = re.compile(r"\A\s*(date:?\s+((?:19|20)\d{2}(?:-\d{2}){0,2}))(?!\d)", re.I)
DATE_LINE = re.compile(
    rf"^\s*(?:(?:Veröffentlicht|Erschienen|Publiziert|Erstellt|Datum)(?:\s+am)?:?\s*)?{LINE_LEAD}"
    rf"({ANY_DATE}){TIME}?{LINE_TAIL}\s*$",
    re.I,
)
# A page header of short segments joined by · | • / – (spaced / and dashes, so "Brüssel/Kiew" stays one segment)
# in which one segment is a date, maybe with a time: agency, section, place, author and reading-time segments
# around it ("AFP · Politik · 26.02.2024 · 17:48", "Katharina Sommer, Moritz Brandt | Washington, Berlin |
# 24.04.2024 - 21:17 Uhr | Aktualisiert: 25.04.2024 - 07:30 Uhr"). The publication date is the first date
# segment that is not an update note.
HEADER_SEGMENT_SEPARATOR = re.compile(r"\s*[·|•]\s*|\s+[/–—-]\s+")
WEEKDAY = r"(?:Mo|Di|Mi|Do|Fr|Sa|So|Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag)"
UPDATE_LABEL = r"(?:Zuletzt\s+)?(?:Aktualisiert|Update|Updated|Stand|Geändert)(?:\s+am)?"
HEADER_DATE_SEGMENT = re.compile(
    rf"(?:(?P<update>{UPDATE_LABEL})|(?:Veröffentlicht|Erschienen|Publiziert|Erstellt|Datum)(?:\s+am)?)?:?\s*"
    rf"(?:{WEEKDAY}\.?,?\s+)?({ANY_DATE}){TIME}?",  # an optional weekday: "Mo., 26.02.2024"
    re.I,
)
HEADER_TIME_SEGMENT = re.compile(r"(?:um\s*)?\d{1,2}[:.]\d{2}(?:\s*Uhr)?", re.I)
LIST_ITEM = re.compile(r"\s*(?:[-*•–»›>+]|\d{1,2}[.)])\s")
MAX_HEADER_SEGMENT_WORDS = 6
MAX_HEADER_SEGMENT_CHARS = 60
MAX_HEADER_LINE_CHARS = 250
# Markdown emphasis around a byline or date ("**Katharina Sommer** | 24.04.2024"): not part of the line's text.
MARKDOWN_EMPHASIS = re.compile(r"\*\*|__|(?<!\w)[*_]|[*_](?!\w)")
STAND_LINE = re.compile(rf"\b(?:Stand|(?:Zuletzt\s+)?Aktualisiert(?:\s+am)?):?\s+({ANY_DATE}){TIME}?", re.I)
# A news dateline: a place (up to three words, "Brüssel/Kiew"), an agency in brackets and the date in either
# order, then a dash opening the first paragraph or the end of the line: "Berlin, 12.03.2024 – Die NATO …",
# "Brüssel (dpa) 12.03.2024 -", "Brüssel, 14. Februar 2023 (dpa) - …", "BRÜSSEL (Reuters) / 14.02.2023".
AGENCY = r"\([^)\n]{1,25}\)"
DATELINE = re.compile(
    rf"^\s*[^\W\d][\w./-]*(?:\s+[^\W\d][\w./-]*){{0,2}}(?:\s*{AGENCY})?\s*[,/]?\s+({ANY_DATE}){TIME}?"
    rf"(?:\s*{AGENCY})?\s*(?:[–—-]\s|$)"
)
# A wire dateline without a year, the month a name or abbreviation from `temporal_months.tsv` with or without
# its period: "Warschau, 01. Aug (Reuters) -", "Berlin, 3. Mär (Reuters) –", "Genf, 12. Sept. (AFP) -".
MONTH_WORDS = {row["word"].rstrip(".").lower(): int(row["month"]) for row in load_table("temporal_months.tsv")}
YEARLESS_DATELINE = re.compile(
    rf"^\s*[^\W\d][\w./-]*(?:\s+[^\W\d][\w./-]*){{0,2}}\s*,\s+(\d{{1,2}})\.\s*([A-ZÄÖÜ][a-zäöü]{{2,8}})\.?"
    rf"\s*{AGENCY}\s*(?:[–—-]\s|$)"
)
# A year written in the article ("will 2023 rund vier Prozent … ausgeben"), not part of a number or date range.
# A number followed by a capitalised word is what is counted ("2000 Soldaten"), unless a year cue precedes it
# ("im Jahr 2023 Soldaten", "seit 2014 Krieg"); such counts are no years.
TEXT_YEAR = re.compile(r"(?<![\w.,/-])((?:19|20)\d{2})(?!\w|[.,/-]\d)")
COUNTED_NOUN = re.compile(r"[ \t]+[A-ZÄÖÜ][a-zäöüß]")
HTML_META_DATE = re.compile(
    r"<meta[^>]+(?:property|name|itemprop)=[\"'](?:article:published_time|date|pubdate|"
    r"datePublished|dc\.date)[\"'][^>]*content=[\"']([^\"']+)[\"']",
    re.I,
)
HTML_TIME = re.compile(r"<time[^>]+datetime=[\"']([^\"']+)[\"']", re.I)
HTML_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.I | re.S)
HTML_H1 = re.compile(r"<h1\b[^>]*>(.*?)</h1\s*>", re.I | re.S)
HTML_OG_TITLE = re.compile(r"<meta\b(?=[^>]*\bproperty=[\"']og:title[\"'])[^>]*\bcontent=[\"']([^\"']*)[\"']", re.I)
# A kicker (Dachzeile, Spitzmarke) inside the <h1>: not part of the headline.
HTML_KICKER = re.compile(
    r"<(\w+)\b[^>]*class=[\"'][^\"']*(?:kicker|topline|overline|roofline|dachzeile|spitzmarke)[^\"']*[\"'][^>]*>"
    r".*?</\1\s*>",
    re.I | re.S,
)
SITE_NAME_SEPARATOR = re.compile(r"\s+(?:[|–—·-]|::)\s+")
MAX_SITE_NAME_WORDS = 4
BREADCRUMB_SEPARATOR = re.compile(r"\s*[>›»]\s*|\s+[|·/•]\s+")
MAX_BREADCRUMB_WORDS = 4
MAX_KICKER_WORDS = 4
# A byline: "Von Anna Berger, ARD-Studio Brüssel", "Von unserem Redakteur Michael Kessler", "Ein Kommentar von
# Max Muster", "Autorin/Autor Lena Hoffmann"; not a headline opening "Von der Leyen …" or "Von Moskau bis Kiew".
BYLINE = re.compile(
    r"(?:(?:Ein|Eine)\s+\w+\s+)?[Vv]on\s+(?:unsere[mr]\s+\w+\s+)?[A-ZÄÖÜ][\w.'-]+(?:\s+[A-ZÄÖÜ][\w.'-]+){0,3}"
    r"\s*(?:[,(|·]|\bund\b|$)"
    r"|[Vv]on\s+(?:dpa|AFP|Reuters|AP|KNA|epd)\b"
    r"|(?:Autor(?:in)?(?:/Autor(?:in)?)?|Redakteur(?:in)?)\s*:?\s+[A-ZÄÖÜ]"
)
SENTENCE_BREAK = re.compile(r"[a-zäöüß]{2}[.!?]\s+[A-ZÄÖÜ]")  # "… Trumps. © IMAGO", not "31. Mitglied"
MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+")
CATEGORY_PREFIX = re.compile(r"^\s*\[[^\]]{1,30}\]\s*")
PRECISION_RANK = {"none": 0, "year": 1, "month": 2, "day": 3}
DATEPARSER_SETTINGS = {"DATE_ORDER": "DMY", "PREFER_DAY_OF_MONTH": "first", "RETURN_TIME_AS_PERIOD": False}


@dataclass(frozen=True)
class Metadata:
    """What a document says about itself."""

    title: str = ""
    published: PubDate = field(default_factory=PubDate)


def extract_metadata(text: str, front_matter: dict, is_html: bool) -> Metadata:
    """Title and publication date from front matter, HTML tags and top-of-text lines."""
    candidates = [
        date_from_front_matter(front_matter),
        date_from_html(text) if is_html else PubDate(),
        date_from_header(text),
        date_from_date_lines(text),
        date_from_stand_line(text),
        date_from_top_lines(text, DATELINE, "text"),
        date_from_yearless_dateline(text),
    ]
    return Metadata(title=find_title(text, front_matter, is_html), published=combine_dates(candidates))


def combine_dates(candidates: list[PubDate]) -> PubDate:
    """The strongest known date, refined by a finer later candidate that agrees with it."""
    known = [candidate for candidate in candidates if candidate.known]
    if not known:
        return PubDate()
    best = known[0]
    for candidate in known[1:]:
        finer = PRECISION_RANK[candidate.precision] > PRECISION_RANK[best.precision]
        if finer and candidate.value.startswith(best.value):
            best = PubDate(candidate.value, candidate.precision, best.method)
    return best


def normalize_date(value: object) -> tuple[str, str]:
    """An ISO value and its precision for a date written in any common way ('', 'none' if not)."""
    if isinstance(value, dt.datetime):
        return value.date().isoformat(), "day"
    if isinstance(value, dt.date):
        return value.isoformat(), "day"
    text = str(value or "").strip()
    if not text:
        return "", "none"
    iso = re.fullmatch(r"((?:19|20)\d{2})(?:-(\d{2}))?(?:-(\d{2}))?(?:[T ].*)?", text)
    if iso:
        year, month, day = iso.groups()
        if day:
            return valid_day(int(year), int(month), int(day))
        return (f"{year}-{month}", "month") if month else (year, "year")
    numeric = re.fullmatch(r"(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4}|\d{2})", text)
    if numeric:
        day, month, year = (int(part) for part in numeric.groups())
        return valid_day(year + 2000 if year < 100 else year, month, day)
    return parse_with_dateparser(text)


def valid_day(year: int, month: int, day: int) -> tuple[str, str]:
    """ISO day value if the calendar date exists, else unknown."""
    try:
        return dt.date(year, month, day).isoformat(), "day"
    except ValueError:
        return "", "none"


def parse_with_dateparser(text: str) -> tuple[str, str]:
    """Normalise a date span found by our own patterns (RFC 2822, `3. April 2024`, …)."""
    try:
        return email.utils.parsedate_to_datetime(text).date().isoformat(), "day"
    except (TypeError, ValueError, IndexError):
        pass
    data = dateparser.date.DateDataParser(languages=["de", "en"], settings=DATEPARSER_SETTINGS)
    parsed = data.get_date_data(text)
    if parsed is None or parsed.date_obj is None:
        return "", "none"
    period = parsed.period or "day"
    if period == "year":
        return str(parsed.date_obj.year), "year"
    if period == "month":
        return parsed.date_obj.strftime("%Y-%m"), "month"
    return parsed.date_obj.date().isoformat(), "day"


def pub_date(value: object, method: str) -> PubDate:
    """A PubDate from any date representation, or an unknown PubDate."""
    iso, precision = normalize_date(value)
    return PubDate(iso, precision, method) if iso else PubDate()


def date_from_front_matter(front_matter: dict) -> PubDate:
    for key in ("date", "published", "pubdate", "datePublished"):
        if key in front_matter:
            return pub_date(front_matter[key], "metadata")
    return PubDate()


def date_from_html(text: str) -> PubDate:
    match = HTML_META_DATE.search(text) or HTML_TIME.search(text)
    return pub_date(match.group(1), "metadata") if match else PubDate()


def date_from_header(text: str) -> PubDate:
    match = HEADER_DATE.match(text)
    return pub_date(match.group(2), "metadata") if match else PubDate()


def date_from_top_lines(text: str, pattern: re.Pattern, method: str) -> PubDate:
    """The date in the first top line that `pattern` matches (its group 1)."""
    for line in top_lines(text):
        match = pattern.match(line)
        if match:
            return pub_date(match.group(1), method)
    return PubDate()


def date_from_yearless_dateline(text: str) -> PubDate:
    """Day and month of a wire dateline without a year ("Warschau, 01. Aug (Reuters) -"), the year settled
    only safely: the article must name exactly one distinct year (1900-2099) after the dateline, which with
    the day and month must make a real calendar date. Several years, or none, leave the date unknown: better
    no publication date than a wrong one. A stronger source (front matter, meta tags) wins; a year-only one is
    refined by this date only when they agree (combine_dates)."""
    for index, line in enumerate(top_lines(text)):
        match = YEARLESS_DATELINE.match(line)
        if not match:
            continue
        month = MONTH_WORDS.get(match.group(2).lower())
        if month is None:
            return PubDate()
        rest = text.split(line, 1)[1] if line in text else text
        years = stated_years(match.string[match.end():] + "\n" + rest)
        if len(years) != 1:
            return PubDate()
        iso, precision = valid_day(years.pop(), month, int(match.group(1)))
        return PubDate(iso, precision, "text") if iso else PubDate()
    return PubDate()


def stated_years(text: str) -> set[int]:
    """The years a text names: four-digit numbers 1900-2099 that are not counts ("2000 Soldaten")."""
    year_cue = load_lexicon().year_cue
    years = set()
    for match in TEXT_YEAR.finditer(text):
        counted = COUNTED_NOUN.match(text, match.end()) is not None
        if counted and not year_cue.search(text[max(0, match.start() - 25):match.start()]):
            continue
        years.add(int(match.group(1)))
    return years


def date_from_date_lines(text: str) -> PubDate:
    """The publication date in the first top line that is a date line or a segmented page header."""
    for line in top_lines(text):
        value = date_line_value(line)
        if value:
            return pub_date(value, "metadata")
    return PubDate()


def date_line_value(line: str) -> str:
    """The publication date written in a date line or a segmented page header ('' if the line is neither)."""
    line = MARKDOWN_EMPHASIS.sub("", line)
    match = DATE_LINE.match(line)
    return match.group(1) if match else segmented_header_date(line)


def segmented_header_date(line: str) -> str:
    """The first non-update date of a header made of short segments, one of them a date ('' if none)."""
    if len(line) > MAX_HEADER_LINE_CHARS:
        return ""
    segments = [segment.strip() for segment in HEADER_SEGMENT_SEPARATOR.split(line.strip())]
    if len(segments) < 2 or DATELINE.match(line):  # "BRÜSSEL (Reuters) / 14.02.2023" is a news dateline
        return ""
    if LIST_ITEM.match(line):  # a dated teaser in a list ("- Schweden ist Nato-Mitglied | 07.03.2024")
        return ""
    published = ""
    for segment in segments:
        date = HEADER_DATE_SEGMENT.fullmatch(segment)
        if date:
            if not date.group("update") and not published:
                published = date.group(2)
        elif not (HEADER_TIME_SEGMENT.fullmatch(segment) or is_header_label(segment)):
            return ""
    return published


def is_header_label(segment: str) -> bool:
    """A short segment of a page header: an agency, section, place, author or reading time, never a sentence."""
    return (
        0 < len(segment.split()) <= MAX_HEADER_SEGMENT_WORDS
        and len(segment) <= MAX_HEADER_SEGMENT_CHARS
        and not re.search(ANY_DATE, segment)
        and not re.search(r"(?<!Min)(?<!\bca)[.!?]$", segment)
    )


def date_from_stand_line(text: str) -> PubDate:
    match = STAND_LINE.search(text[:STAND_WINDOW])
    return pub_date(match.group(1), "text") if match else PubDate()


def top_lines(text: str, limit: int = TOP_LINES) -> list[str]:
    """The first non-empty lines after any front matter."""
    body = re.sub(r"\A\ufeff?---.*?\n---[ \t]*\n", "", text, count=1, flags=re.S)
    return [line for line in body.splitlines() if line.strip()][:limit]


def find_title(text: str, front_matter: dict, is_html: bool) -> str:
    """Headline from front matter, the page's <h1>/og:title/<title>, else the headline line at the top."""
    title = str(front_matter.get("title") or "").strip()
    if not title and is_html:
        title = html_headline(text)
    if not title:
        title = standalone_headline(text)
    return CATEGORY_PREFIX.sub("", title).strip()


def html_headline(text: str) -> str:
    """The first <h1> that is not the site name (kicker spans dropped), else og:title, else <title>
    without its " | Site" suffix."""
    match = HTML_TITLE.search(text)
    page_title, site = split_site_name(inline_text(match.group(1)) if match else "")
    for match in HTML_H1.finditer(text):
        headline = inline_text(HTML_KICKER.sub("", match.group(1))) or inline_text(match.group(1))
        if headline and headline != site:
            return headline
    match = HTML_OG_TITLE.search(text)
    return inline_text(match.group(1)) if match and inline_text(match.group(1)) else page_title


def inline_text(markup: str) -> str:
    """The text of an HTML fragment on one line, entities decoded."""
    spaced = re.sub(r"<br\s*/?>|</?(?:p|div|span)\b[^>]*>", " ", markup, flags=re.I)
    return " ".join(html.unescape(re.sub(r"<[^>]*>", "", spaced)).split())


def split_site_name(page_title: str) -> tuple[str, str]:
    """(headline, site name) of a page title such as "Rutte wird NATO-Chef | Nordwest-Kurier"."""
    separators = list(SITE_NAME_SEPARATOR.finditer(page_title))
    if separators:
        site = page_title[separators[-1].end():].strip()
        if site and len(site.split()) <= MAX_SITE_NAME_WORDS and not re.search(r"[:?!]", site):
            return page_title[: separators[-1].start()].strip(), site
    return page_title, ""


def standalone_headline(text: str) -> str:
    """The headline above the body, read paragraph by paragraph.

    Breadcrumbs, date and `Stand:` lines, bylines and furniture lines are passed over; a paragraph
    left with one headline-like line gives the headline. A short kicker (Spitzmarke) followed by a
    longer headline, in the same paragraph or the next, gives way to that headline.
    """
    lines = re.sub(r"\A\ufeff?---.*?\n---[ \t]*\n", "", text, count=1, flags=re.S).splitlines()
    kicker = ""
    for block in paragraphs(lines[: TOP_LINES * 3]):
        if any(len(line.strip()) > BODY_PARAGRAPH_CHARS for line in block):
            break  # the body has started: later short lines are subheadings, not the headline
        kept = [heading_text(line).strip() for line in block if not is_top_furniture(line)]
        if not kept:
            continue
        headline = paragraph_headline(kept)
        if kicker:
            return headline if headline and longer_than(headline, kicker) else kicker
        if headline and len(headline.split()) <= MAX_KICKER_WORDS:
            kicker = headline
        elif headline:
            return headline
    return kicker


def paragraphs(lines: list[str]) -> list[list[str]]:
    """Runs of non-empty lines."""
    blocks: list[list[str]] = [[]]
    for line in lines:
        if line.strip():
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    return [block for block in blocks if block]


def paragraph_headline(lines: list[str]) -> str:
    """A one-line paragraph that looks like a headline, or the headline under a kicker line; teaser
    sentences under them in the same paragraph do not count."""
    while len(lines) > 1 and lines[-1].endswith("."):
        lines = lines[:-1]
    if len(lines) == 1:
        return lines[0] if looks_like_headline(lines[0]) else ""
    if len(lines) == 2 and len(lines[0].split()) <= MAX_KICKER_WORDS and not lines[0].endswith((".", ",")):
        kicker, headline = lines
        return headline if looks_like_headline(headline) and longer_than(headline, kicker) else ""
    return ""


def longer_than(headline: str, kicker: str) -> bool:
    return len(headline.split()) > len(kicker.split())


def heading_text(line: str) -> str:
    """A line without surrounding space and Markdown heading marks."""
    return MARKDOWN_HEADING.sub("", line.strip())


def is_top_furniture(line: str) -> bool:
    """A breadcrumb, date line, `Stand:` line, byline or page-furniture line: never the headline."""
    from .cleaning import furniture_rules  # cleaning builds on this module; the rules are loaded once

    stripped = line.strip()
    return bool(
        is_breadcrumb(stripped)
        or date_line_value(stripped)
        or HEADER_DATE.match(line)
        or STAND_LINE.match(stripped)
        or BYLINE.match(stripped)
        or any(pattern.fullmatch(line) for pattern in furniture_rules().lines)
    )


def is_breadcrumb(line: str) -> bool:
    """Several short segments joined by > › » | · / • ("Startseite > Ausland > Europa",
    "DW Deutsch | Themen | Krieg in der Ukraine")."""
    segments = BREADCRUMB_SEPARATOR.split(line)
    return len(segments) >= 2 and all(0 < len(segment.split()) <= MAX_BREADCRUMB_WORDS for segment in segments)


def looks_like_headline(line: str) -> bool:
    words = line.split()
    return (
        3 <= len(words)
        and len(line) <= MAX_TITLE_CHARS
        and not line.endswith((".", ":", ","))
        and not SENTENCE_BREAK.search(line)
        and "©" not in line
        and not date_line_value(line)
        and not HEADER_DATE.match(line)
        and not line.startswith(("!", "[", "<", "http"))
    )
