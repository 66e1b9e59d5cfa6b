"""Shared fixtures: paths to the sample articles and to the shared/ gold data beside the checkout."""
from __future__ import annotations

import csv
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
RAW = REPO / "data" / "raw"
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"shared/ folder with gold data not found at {SHARED}")
    return SHARED


def read_gold(shared: Path, name: str) -> list[dict[str, str]]:
    with (shared / "gold" / "seeds" / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))
