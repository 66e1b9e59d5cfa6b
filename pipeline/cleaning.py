"""Cleaning stage: blank out page furniture so only article prose reaches the NLP stage.

Everything removed is replaced by spaces of the same length (line breaks are kept), so a character
offset in the cleaned text is the offset in the text as read: exports need no offset mapping. In HTML a
blanked block-level tag (p, div, li, dt, dd, tr, td, br, figcaption, …) may become a line break instead of a
space, so list, table and infobox items and captions end a line (a line break always ends a sentence).
Furniture phrases are data (`resources/de/cleaning_furniture.tsv`); markup syntax is handled here.

Photo captions stay, each on a line of its own (an HTML <figcaption>, a text line under an image): they
name the people and dates of the photo ("Bundeskanzler Olaf Scholz am Mittwoch bei der
Regierungsbefragung"), which readers count as content. Only their credits are blanked ("(Foto: Name/Imago)",
"Foto: Reuters/Name", "© Name/Agentur"), so photographers are not read as persons of the article.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from .metadata import HEADER_DATE, HTML_H1, HTML_TITLE
from .reading import Document
from .resources import load_table

MARKDOWN_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
MARKDOWN_LINK = re.compile(r"\[([^\]\n]*)\]\(([^)\n]*)\)")
BARE_URL = re.compile(r"https?://\S+")
# Elements that never hold prose, comments, and declarations (<!DOCTYPE html>, <?xml …?>).
HTML_HIDDEN = re.compile(
    r"<(script|style|noscript|template|svg)\b.*?</\1\s*>|<!--.*?-->|<![A-Za-z][^>]*>|<\?[^>]*\?>", re.I | re.S
)
HTML_OPENING_TAG_NAME = re.compile(r"<([A-Za-z][\w-]*)")
# An element that holds the article itself is never furniture, whatever its class says.
HTML_ARTICLE_INSIDE = re.compile(r"<(?:h1|article|main)\b", re.I)
HTML_TAG = re.compile(r"</?[A-Za-z][^>]*>")
# Block-level elements: their boundaries end a line of the analysed text (list and table items, definition
# terms and descriptions, paragraphs, captions), so the items of an infobox never run into one sentence.
HTML_BLOCK_TAG = re.compile(
    r"</?(?:p|div|br|hr|li|ul|ol|dl|dt|dd|table|thead|tbody|tfoot|tr|td|th|caption|h[1-6]|section|article|aside"
    r"|header|footer|nav|main|figure|figcaption|blockquote|pre|address|details|summary|fieldset|legend|form)\b[^>]*>",
    re.I,
)
HTML_CONTAINER_END = re.compile(r"</(?:div|section|aside|figure|ul|ol|dl|table|blockquote|details)\b", re.I)
# Markdown emphasis ("**Mehr zum Thema:**", "*Foto: …*"), not a "* " bullet: furniture lines are matched without it.
MARKDOWN_EMPHASIS = re.compile(r"\*\*|__|(?<![\w*])[*_](?=[^\s*_])|(?<=[^\s*_])[*_](?![\w*])")
MIN_DUPLICATE_CHARS = 60
TEASER_ITEM_CHARS = 160
# A line marked as a teaser item: indented, bulleted or numbered, or opening or closing with a date or time
# ("NATO-Gipfel in Washington: 40 Milliarden Euro für Kiew, 10.07.2024", "• Schweden tritt der NATO bei").
TEASER_ITEM_MARK = re.compile(
    r"^\s*(?:[-*•–»›>]|\d{1,2}\.)\s"
    r"|^\s*\d{1,2}\.\d{1,2}\.(?:\d{4}|\d{2})?(?!\d)"
    r"|(?:\d{1,2}\.\d{1,2}\.(?:\d{4}|\d{2})|\d{1,2}[:.]\d{2}\s*Uhr)\)?\s*$"
)
TEASER_ITEM_INDENT = re.compile(r"^\s+\S")  # in plain text only: in HTML every line starts with blanked tags


@dataclass(frozen=True)
class FurnitureRules:
    """Compiled furniture patterns by scope."""

    trailers: tuple[re.Pattern, ...]
    blocks: tuple[re.Pattern, ...]
    lines: tuple[re.Pattern, ...]
    spans: tuple[re.Pattern, ...]
    elements: tuple[re.Pattern, ...]


@lru_cache(maxsize=None)
def furniture_rules(lang: str = "de") -> FurnitureRules:
    """Load and compile the furniture lexicon once."""
    rows = load_table("cleaning_furniture.tsv", lang)

    def compiled(scope: str) -> tuple[re.Pattern, ...]:
        return tuple(re.compile(row["pattern"], re.I | re.M) for row in rows if row["scope"] == scope)

    return FurnitureRules(
        compiled("trailer"), compiled("block"), compiled("line"), compiled("span"), compiled("element")
    )


def blank(text: str, start: int, end: int) -> str:
    """Replace text[start:end] by spaces, keeping line breaks."""
    return text[:start] + re.sub(r"[^\n]", " ", text[start:end]) + text[end:]


def blank_matches(text: str, pattern: re.Pattern, group: int = 0) -> str:
    """Blank every match of `pattern` (its `group`) in one pass over the text."""
    pieces, done = [], 0
    for match in pattern.finditer(text):
        start, end = match.span(group)
        if start < done:
            continue
        pieces += [text[done:start], re.sub(r"[^\n]", " ", text[start:end])]
        done = end
    return "".join(pieces) + text[done:]


def clean_text(document: Document) -> str:
    """The document text with furniture blanked; same length as `document.text`."""
    text = document.text
    if document.front_matter_end:
        text = blank(text, 0, document.front_matter_end)
    header = HEADER_DATE.match(text)
    if header:
        text = blank(text, header.start(1), header.end(1))
    if document.is_html:
        text = blank_markup(text, furniture_rules())
    text = blank_markdown(text)
    text = blank_furniture(text, furniture_rules(), document.is_html)
    text = blank_repeated_paragraphs(text)
    assert len(text) == len(document.text)
    return text


def blank_markup(text: str, rules: FurnitureRules) -> str:
    """Blank HTML elements that carry no prose, furniture elements, the <title> when an <h1> repeats the
    headline in the page, then all tags."""
    text = blank_matches(text, HTML_HIDDEN)
    for pattern in rules.elements:
        for match in pattern.finditer(text):
            if text[match.start()] != "<":
                continue  # inside an element blanked already
            end = element_end(text, match)
            if not HTML_ARTICLE_INSIDE.search(text, match.end(), end):
                text = blank(text, match.start(), end)
    if HTML_H1.search(text):
        text = blank_matches(text, HTML_TITLE)
    blocks = [(match.start(), match.end(), bool(HTML_CONTAINER_END.match(match.group())))
              for match in HTML_BLOCK_TAG.finditer(text)]
    return end_lines_at_blocks(blank_matches(text, HTML_TAG), blocks)


def end_lines_at_blocks(text: str, tags: list[tuple[int, int, bool]]) -> str:
    """Line breaks at blanked block-level tags (start, end, closes a container), offsets kept.

    Where the text before and after a block tag is on one line ("<li>Gegründet: 2021</li><li>…"), the tag's
    first character becomes a line break. The end of a container (box, list, figure, table) also ends its
    paragraph: its first and last characters become line breaks until a blank line separates the text before
    and after, so a teaser box's lines never continue into the caption or subheading after it. Each gap
    between two pieces of text is counted once, so long runs of blanked markup cost linear time.
    """
    chars = list(text)
    words = [match.span() for match in re.finditer(r"\S+", text)]
    word_starts, word_ends = [start for start, _ in words], [end for _, end in words]
    breaks_in_gap: dict[int, int] = {}  # line breaks between the text ending at the key and the next text
    for start, end, container_end in tags:
        index = bisect.bisect_right(word_ends, start)
        if index == 0 or index == len(words) or word_starts[index] < end:
            continue  # nothing to separate at the edges of the text (or the tag is not blank)
        before, after = word_ends[index - 1], word_starts[index]
        breaks = breaks_in_gap.get(before)
        if breaks is None:
            breaks = text.count("\n", before, after)
        for position in (start, end - 1):
            if breaks < (2 if container_end else 1) and chars[position] != "\n":
                chars[position] = "\n"
                breaks += 1
        breaks_in_gap[before] = breaks
    return "".join(chars)


def element_end(text: str, opening: re.Match) -> int:
    """Offset after the end tag that closes the element opened by `opening` (nested ones counted);
    the opening tag's end if it is never closed."""
    name = HTML_OPENING_TAG_NAME.match(opening.group()).group(1)
    depth = 1
    for tag in re.finditer(rf"<(/?){re.escape(name)}\b[^>]*>", text[opening.end():], re.I):
        if not tag.group().endswith("/>"):
            depth += -1 if tag.group(1) else 1
        if depth == 0:
            return opening.end() + tag.end()
    return opening.end()


def blank_markdown(text: str) -> str:
    """Blank images and link targets; keep link texts; blank bare URLs."""
    text = blank_matches(text, MARKDOWN_IMAGE)
    for match in MARKDOWN_LINK.finditer(text):
        text = blank(text, match.start(), match.start(1))
        text = blank(text, match.end(1), match.end())
    return blank_matches(text, BARE_URL)


def blank_furniture(text: str, rules: FurnitureRules, html: bool = False) -> str:
    """Blank the first trailer block to the end, teaser blocks, furniture lines and furniture spans.

    A trailer heading above the first body paragraph ("Kommentare" among the buttons under a byline) is only
    a button label: it is blanked as a line, and the article after it stays."""
    seen_body = False
    for start, end, line in lines_with_offsets(text):
        line = plain(line)
        if any(pattern.fullmatch(line) for pattern in rules.trailers):
            if seen_body:
                text = blank(text, start, len(text))
                break
            text = blank(text, start, end)
            continue
        if any(pattern.fullmatch(line) for pattern in rules.lines):
            text = blank(text, start, end)
        elif reads_like_body(line):
            seen_body = True
    text = blank_teaser_blocks(text, rules.blocks, html)
    for pattern in rules.spans:
        text = blank_matches(text, pattern)
    return text


def reads_like_body(line: str) -> bool:
    """A paragraph of article prose: long, or a full sentence of a dozen words or more."""
    stripped = line.strip()
    return len(stripped) >= 160 or (len(stripped.split()) >= 12 and stripped[-1:] in '.!?"“»')


def blank_teaser_blocks(text: str, headings: tuple[re.Pattern, ...], html: bool = False) -> str:
    """Blank each teaser heading and the teaser lines right under it.

    Under the heading, blank lines are passed over; the first line may be any short headline, later
    ones must follow the previous item directly or be marked (indented, bulleted, dated). The block
    ends at the first other line, so body paragraphs after a teaser box inside the article stay.
    """
    lines = [(match.start(), match.end(), plain(match.group())) for match in re.finditer(r"^[^\n]*", text, re.M)]
    index = 0
    while index < len(lines):
        start, end, line = lines[index]
        index += 1
        heading = next((match for pattern in headings if (match := pattern.fullmatch(line))), None)
        if heading is None:
            continue
        text = blank(text, start, end)
        any_headline = not heading.groupdict().get("item")  # a heading with its own item is an inline tip
        after_item = False
        while index < len(lines):
            start, end, line = lines[index]
            if not line.strip():
                after_item = False
            elif is_teaser_item(line, any_headline or after_item, html):
                text = blank(text, start, end)
                any_headline, after_item = False, True
            else:
                break
            index += 1
    return text


def is_teaser_item(line: str, unmarked_ok: bool, html: bool = False) -> bool:
    """A short line that reads like a linked headline (no closing period), not like a body paragraph."""
    stripped = line.strip()
    if len(stripped) > TEASER_ITEM_CHARS or stripped.endswith("."):
        return False
    return unmarked_ok or bool(TEASER_ITEM_MARK.search(line)) or (not html and bool(TEASER_ITEM_INDENT.match(line)))


def plain(line: str) -> str:
    """A line with Markdown emphasis marks turned into spaces (same length)."""
    return MARKDOWN_EMPHASIS.sub(lambda match: " " * len(match.group()), line)


def lines_with_offsets(text: str) -> list[tuple[int, int, str]]:
    """(start, end, line) for every line of `text`, without the line break."""
    return [(match.start(), match.end(), match.group()) for match in re.finditer(r"[^\n]+", text)]


def blank_repeated_paragraphs(text: str) -> str:
    """Blank a paragraph that repeats an earlier one word for word (teasers, image captions)."""
    seen: set[str] = set()
    for start, end, line in lines_with_offsets(text):
        key = " ".join(line.split())
        if len(key) < MIN_DUPLICATE_CHARS:
            continue
        if key in seen:
            text = blank(text, start, end)
        seen.add(key)
    return text
