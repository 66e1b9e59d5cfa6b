"""Language knowledge kept as data: lexicon files under `resources/<lang>/`, loaded once.

Files are UTF-8 TSV with a header row; lines starting with `#` are comments that say what each
column means. Adding a phrase is a one-line change to a file, not to Python.
"""
from __future__ import annotations

import csv
from functools import lru_cache
from importlib import resources
from pathlib import Path

RESOURCE_ROOT = Path(str(resources.files(__package__)))


def resource_path(name: str, lang: str = "de") -> Path:
    """Path of a resource file such as `months.tsv` for a language."""
    return RESOURCE_ROOT / lang / name


@lru_cache(maxsize=None)
def load_table(name: str, lang: str = "de") -> tuple[dict[str, str], ...]:
    """Rows of a TSV lexicon as dicts (comment and blank lines skipped), cached per file."""
    path = resource_path(name, lang)
    with path.open(encoding="utf-8", newline="") as handle:
        lines = [line for line in handle if line.strip() and not line.startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    return tuple({k: (v or "").strip() for k, v in row.items()} for row in reader)


@lru_cache(maxsize=None)
def load_list(name: str, lang: str = "de") -> tuple[str, ...]:
    """Non-comment, non-blank lines of a plain word-list file, cached per file."""
    text = resource_path(name, lang).read_text(encoding="utf-8")
    return tuple(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )
