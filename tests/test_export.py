"""Export stage: cell formatting and atomic writes."""
from __future__ import annotations

import csv
from pathlib import Path

import pytest

from pipeline import export
from pipeline.export import cell, write_csv_atomic, write_tables


@pytest.mark.parametrize(
    ("value", "expected"),
    [(1e11, "100000000000"), (1.5, "1.5"), (930000000.0, "930000000"), (0.25, "0.25"),
     (True, "true"), (False, "false"), (None, ""), (("UKR", "USA"), "UKR;USA"), (7, "7")],
)
def test_cells_are_spreadsheet_friendly(value: object, expected: str) -> None:
    assert cell(value) == expected


def test_interrupted_write_keeps_the_previous_file_and_leaves_no_temp(tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "money.csv"
    write_csv_atomic(target, ("mention", "amount"), [{"mention": "100 Milliarden Euro", "amount": 1e11}])
    before = target.read_text(encoding="utf-8")

    class Exploding:
        def __init__(self, handle) -> None:
            self.rows = 0

        def writerow(self, row) -> None:
            self.rows += 1
            if self.rows > 1:
                raise KeyboardInterrupt

    monkeypatch.setattr(export.csv, "writer", Exploding)
    with pytest.raises(KeyboardInterrupt):
        write_csv_atomic(target, ("mention", "amount"), [{"mention": "32 Milliarden Euro", "amount": 3.2e10}])
    assert target.read_text(encoding="utf-8") == before
    assert [path.name for path in tmp_path.iterdir()] == ["money.csv"]


def test_empty_run_still_writes_headers(tmp_path: Path) -> None:
    counts = write_tables(tmp_path, {})
    assert set(counts.values()) == {0}
    with (tmp_path / "timeline.csv").open(encoding="utf-8") as handle:
        assert next(csv.reader(handle))[:3] == ["entry_id", "date_value", "date_start"]


def test_a_token_naming_two_countries_gives_two_rows() -> None:
    from pipeline.export import mention_rows
    from pipeline.nlp import build_pipeline

    nlp, _ = build_pipeline()
    doc = nlp.make_doc("Die deutsch-französische Brigade übt in Litauen.")
    doc._.doc_id = "brigade"
    doc = nlp(doc)
    countries = [(row["iso3"], row["mention"], row["kind"]) for row in mention_rows([doc])["countries"]]
    assert countries == [("DEU", "deutsch-französische", "adjective"),
                         ("FRA", "deutsch-französische", "adjective"), ("LTU", "Litauen", "name")]
