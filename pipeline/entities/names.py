"""Person-name knowledge: first names, role words, titles, particles, credit lines, spelling keys.

Everything language-specific is read from `pipeline/resources/de/` (first_names.txt is generated from a
maintained name dictionary by `pipeline/resources/build_first_names.py`).
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ..resources import load_list, load_table, resource_path

ROLE_ENDINGS = ("", "in", "innen", "en", "n", "s", "es")


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    return frozenset(load_list("first_names.txt"))


@lru_cache(maxsize=1)
def first_names_after_role() -> frozenset[str]:
    """First names including those that are also German words (Tod, Stein): safe after a role or title."""
    return first_names() | frozenset(load_list("first_names_ambiguous.txt"))


@lru_cache(maxsize=1)
def equipment_names() -> frozenset[str]:
    """Weapon systems and vehicles (Abrams, Stryker, SCALP): equipment, not persons or organisations."""
    return frozenset(load_list("equipment_names.txt"))


@lru_cache(maxsize=1)
def platform_pairs() -> frozenset[tuple[str, str]]:
    """(word before, platform) pairs where a one-letter platform looks like an initial (auf X.)."""
    return frozenset((row["before"], row["platform"]) for row in load_table("persons_platforms.txt"))


@lru_cache(maxsize=1)
def name_blockers_before() -> frozenset[str]:
    return frozenset(load_list("persons_name_blockers_before.txt"))


@lru_cache(maxsize=1)
def _name_word_kinds() -> dict[str, str]:
    return {row["word"]: row["kind"] for row in load_table("persons_name_words.txt")}


@lru_cache(maxsize=1)
def name_words() -> frozenset[str]:
    """Capitalised words used as personal names (Brown clusters of spaCy's German lexeme tables)."""
    return frozenset(_name_word_kinds())


@lru_cache(maxsize=1)
def given_name_words() -> frozenset[str]:
    """The name words from clusters of mostly first names (Wolfgang, Hartmut, Albert)."""
    return frozenset(word for word, kind in _name_word_kinds().items() if kind == "given")


@lru_cache(maxsize=1)
def _known_words() -> tuple[frozenset[str], frozenset[str]]:
    import gzip

    known, common = set(), set()
    with gzip.open(resource_path("persons_known_words.tsv.gz"), "rt", encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#") or line.startswith("word\t"):
                continue
            word, _, flag = line.rstrip("\n").partition("\t")
            known.add(word)
            if flag == "1":
                common.add(word)
    return frozenset(known), frozenset(common)


def known_words() -> frozenset[str]:
    """Capitalised words of the German vocabulary that are not used as personal names."""
    return _known_words()[0]


def common_words() -> frozenset[str]:
    """Capitalised words that are almost never personal names (nouns, places, firms)."""
    return _known_words()[1]


@lru_cache(maxsize=1)
def titles() -> frozenset[str]:
    return frozenset(load_list("persons_titles.txt"))


@lru_cache(maxsize=1)
def particles() -> frozenset[str]:
    return frozenset(row["particle"] for row in load_table("persons_particles.txt"))


@lru_cache(maxsize=1)
def lead_particles() -> frozenset[str]:
    """Particles that may start a particle group (von, van, de, Freiherr); der/den/la only follow one."""
    return frozenset(row["particle"] for row in load_table("persons_particles.txt")
                     if row["position"] in ("lead", "lead+"))


@lru_cache(maxsize=1)
def inner_particle_leads() -> frozenset[str]:
    """Particles that may be followed by der/den/la (von der Leyen, van den Broek, de la Rúa)."""
    return frozenset(row["particle"] for row in load_table("persons_particles.txt") if row["position"] == "lead+")


@lru_cache(maxsize=1)
def name_blockers() -> frozenset[str]:
    return frozenset(load_list("persons_name_blockers.txt"))


@lru_cache(maxsize=1)
def role_heads() -> tuple[str, ...]:
    return tuple(sorted(set(load_list("persons_roles.txt")), key=len, reverse=True))


@lru_cache(maxsize=65536)
def role_base(word: str) -> str:
    """The nominative singular of a role word (Präsidenten → Präsident), or "" if `word` is not one."""
    if not word or not word[0].isupper() or len(word) < 4:
        return ""
    lower = word.lower()
    for head in role_heads():  # longest heads first
        for ending in ROLE_ENDINGS:
            if head.endswith("e") and ending in ("s", "es"):
                continue  # Kollege has no genitive -s; "Grünes Licht" is no role
            if lower.endswith(head + ending):
                return _strip_case_ending(word, head, ending)
    return ""


def _strip_case_ending(word: str, head: str, ending: str) -> str:
    if ending == "innen":
        return word[:-3]
    if ending in ("en", "n", "s", "es"):
        if head.endswith("e") and ending in ("en", "es"):
            return word
        return word[: -len(ending)]
    return word


def is_role(word: str) -> bool:
    return bool(role_base(word))


@lru_cache(maxsize=1)
def credit_pattern() -> re.Pattern:
    """Photo/agency credit lines: from the marker to the end of the line."""
    agencies = sorted(load_list("persons_credit_agencies.txt"), key=len, reverse=True)
    names = "|".join(re.escape(agency) for agency in agencies)
    name_part = r"[A-ZÄÖÜ][\w.'’\-]*"
    return re.compile(
        rf"©[^\n]*"
        rf"|(?<![\w\-])(?:{names})(?![\w\-])\s*[/|][^\n]*"
        rf"|(?:{name_part}[ \t]){{0,3}}{name_part}[ \t]*/[ \t]*(?:[^\s/]+/)*(?:{names})(?![\w\-])[^\n]*"
        rf"|(?<![\w\-])(?:Foto|Fotos|Bild|Bilder|Bildquelle|Fotograf|Photo|Credit|Quelle)s?:[^\n]*"
    )


def credit_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges of `text` that are photo or agency credits."""
    return [(match.start(), match.end()) for match in credit_pattern().finditer(text)]


# ---- spelling variants -------------------------------------------------------------------------------

_TRANSLIT_RULES = (
    ("tsch", "ch"), ("sch", "sh"), ("tch", "ch"), ("tsh", "ch"), ("dsch", "j"), ("dzh", "j"),
    ("ph", "f"), ("ck", "k"), ("ks", "x"), ("cz", "ch"), ("sz", "sh"), ("zh", "j"), ("kh", "h"),
    ("ou", "u"), ("iy", "i"), ("ij", "i"), ("yj", "i"), ("yi", "i"), ("ii", "i"), ("j", "i"), ("y", "i"),
    ("w", "v"), ("c", "k"), ("z", "s"), ("ae", "a"), ("oe", "o"), ("ue", "u"),
)


@lru_cache(maxsize=65536)
def spelling_key(name: str) -> str:
    """A key shared by transliteration variants (Wladimir/Vladimir, Selenskyj/Zelensky, Resnikow/Reznikov)."""
    text = unicodedata.normalize("NFKD", name.lower())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = re.sub(r"[^a-z ]+", "", text.replace("-", " ").replace("ß", "ss"))
    for old, new in _TRANSLIT_RULES:
        text = text.replace(old, new)
    text = re.sub(r"(?:(?<=[a-z])ov\b)", "ov", text)
    text = re.sub(r"([a-z])\1+", r"\1", text)  # doubled letters
    text = re.sub(r"(?<=[a-z])(?:ov|of|off|ow)\b", "ov", text)
    text = re.sub(r"(?<=[a-z])(?:ii|i)\b", "i", text)
    return " ".join(text.split())


def german_spelling_score(name: str) -> int:
    """Prefer German transliterations (w, j, sch) when variants are equally frequent."""
    lower = name.lower()
    return lower.count("w") + lower.count("sch") + lower.count("j") - lower.count("v") - lower.count("y")
