"""End to end: `pipeline run` on data/raw writes every file of the output contract with known values."""
from __future__ import annotations

import csv
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import RAW, REPO, read_gold


def run_cli(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess:
    env = {**os.environ, "COLUMNS": "120"}
    env.pop("PIPELINE_SPACY_MODEL", None)
    return subprocess.run([sys.executable, "-m", "pipeline", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=300)


def read_csv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


def contract_columns(shared: Path) -> dict[str, list[str]]:
    """Column lists per file, parsed from shared/docs/output-schema.md."""
    schema = (shared / "docs" / "output-schema.md").read_text(encoding="utf-8")
    columns = {}
    for section in re.split(r"^## ", schema, flags=re.M)[1:]:
        name = section.split(".csv", 1)[0].strip()
        table = re.findall(r"^\| (\w+) \|", section, flags=re.M)
        if table and table[0] != "column":
            columns[name] = table
        elif table:
            columns[name] = table[1:]
        else:
            listed = re.search(r"`([a-z_]+,[^`]+)`", section, flags=re.S)
            columns[name] = [column.strip() for column in listed.group(1).split(",")]
    return columns


@pytest.fixture(scope="module")
def run_output(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("processed")
    result = run_cli("run", str(RAW), "--out", str(out))
    assert result.returncode == 0, result.stderr
    return out


def rows(out: Path, name: str) -> list[dict[str, str]]:
    return read_csv(out / f"{name}.csv")[1]


def test_every_contract_file_has_the_contract_columns_in_order(run_output: Path, shared: Path) -> None:
    contract = contract_columns(shared)
    assert set(contract) == {"documents", "persons", "countries", "money", "dates", "events", "timeline"}
    for name, columns in contract.items():
        header, _ = read_csv(run_output / f"{name}.csv")
        assert header[: len(columns)] == columns, name


def test_documents_csv_gives_publication_dates_at_their_precision(run_output: Path, shared: Path) -> None:
    documents = {row["doc_id"]: row for row in rows(run_output, "documents")}
    assert set(documents) == {row["doc_id"] for row in read_gold(shared, "documents.csv")}
    assert all(row["status"] == "ok" and row["message"] == "" for row in documents.values())
    first = documents["000_d2c3a3ae655355a6"]
    assert (first["published"], first["published_precision"], first["published_method"]) == ("2024-04-03", "day", "metadata")
    second = documents["001_2cd58472346019e8"]
    assert (second["published"], second["published_precision"]) == ("2024-02-10", "day")
    # month-only metadata is kept as a month, or refined to a day only by inference from the text
    for doc_id, month in (("002_f8d3ef48d24ec83a", "2023-06"), ("004_e205b4e5eed29db3", "2022-03")):
        row = documents[doc_id]
        assert (row["published"], row["published_precision"]) == (month, "month") or (
            row["published"].startswith(month) and row["published_method"] == "inferred")
    assert [documents[doc_id]["metadata_published"] for doc_id in sorted(documents)] == [
        "2024-04-03", "2024-02-10", "2023-06", "", "2022-03"]
    undated = documents["003_5dd8000065fe1fc0"]
    assert undated["published_precision"] in {"none", "day"}
    assert undated["published_method"] in {"none", "inferred"}


def test_plain_cases_of_every_extractor(run_output: Path) -> None:
    persons = rows(run_output, "persons")
    assert any(r["doc_id"].startswith("000") and r["name"] == "Jens Stoltenberg" for r in persons)
    countries = rows(run_output, "countries")
    assert any(r["doc_id"].startswith("000") and r["iso3"] == "UKR" and r["mention"] == "Ukraine" for r in countries)
    money = rows(run_output, "money")
    assert any(r["doc_id"].startswith("000") and r["mention"] == "100 Milliarden Euro"
               and r["amount"] == "100000000000" and r["currency"] == "EUR" for r in money)
    dates = rows(run_output, "dates")
    assert any(r["doc_id"].startswith("001") and r["mention"] == "10.02.2024" and r["value"] == "2024-02-10" for r in dates)
    assert any(r["doc_id"].startswith("000") and r["mention"] == "morgen" and r["value"] == "2024-04-04"
               and r["anchor"] == "dct" for r in dates)


def test_offsets_point_into_the_text_as_read(run_output: Path) -> None:
    texts = {path.stem: path.read_text(encoding="utf-8") for path in RAW.glob("*.txt")}
    for name in ("persons", "countries", "money", "dates"):
        for row in rows(run_output, name):
            assert texts[row["doc_id"]][int(row["start"]):int(row["end"])] == row["mention"], (name, row)


def test_run_json_reports_versions_counts_and_stage_times(run_output: Path) -> None:
    report = json.loads((run_output / "run.json").read_text(encoding="utf-8"))
    assert report["counts"]["documents"] == 5 and report["counts"]["documents_ok"] == 5
    assert report["model"]["components"][-2:] == ["events", "event_decision"]
    assert {"read", "load_model", "dates", "export", "total"} <= set(report["seconds"])
    assert report["failures"] == []
    assert report["counts"]["rows_persons"] == len(rows(run_output, "persons"))


def test_bad_files_do_not_stop_the_batch(tmp_path: Path) -> None:
    articles = tmp_path / "in"
    articles.mkdir()
    (articles / "good.txt").write_text(next(RAW.glob("004_*.txt")).read_text(encoding="utf-8"), encoding="utf-8")
    (articles / "empty.txt").write_bytes(b"")
    (articles / "binary.txt").write_bytes(bytes(range(256)) * 4)
    out = tmp_path / "out"
    result = run_cli("run", str(articles), "--out", str(out))
    assert result.returncode == 1
    documents = {row["doc_id"]: row for row in rows(out, "documents")}
    assert documents["empty"]["status"] == "skipped" and documents["empty"]["message"] == "empty file"
    assert documents["binary"]["status"] == "skipped"
    assert documents["good"]["status"] == "ok"
    assert any(row["doc_id"] == "good" and row["name"] == "Olaf Scholz" for row in rows(out, "persons"))
    assert not list(out.glob(".*"))  # no temporary files left behind


@pytest.mark.parametrize(
    ("args", "reason"),
    [
        (("run", "no/such/folder"), "no such file or folder: no/such/folder"),
        (("run", "data/raw", "--model", "/no/such/model"), "cannot load spaCy pipeline '/no/such/model'"),
        (("run", "data/raw", "--from", "2024-13-01"), "--from must be an ISO date"),
    ],
)
def test_usage_and_setup_errors_exit_2_with_one_line(args: tuple[str, ...], reason: str, tmp_path: Path) -> None:
    result = run_cli(*args, "--out", str(tmp_path / "out"))
    assert result.returncode == 2
    message = result.stderr.strip()
    assert "\n" not in message and reason in message


def test_info_names_the_pipeline_and_the_event_decision_model() -> None:
    result = run_cli("info")
    assert result.returncode == 0, result.stderr
    assert "event_decision" in result.stdout and "de_event_decision" in result.stdout


@pytest.mark.skipif(not (REPO.parent / "shared" / "corpora" / "news_feed_de").is_dir(), reason="needs ../shared")
def test_evaluate_timeline_scores_a_gold_folder_of_real_news(tmp_path: Path) -> None:
    feed = REPO.parent / "shared" / "corpora" / "news_feed_de"
    run = run_cli("run", str(feed / "nato_ukraine" / "2024-11-28-nato.md"), "--out", str(tmp_path))
    assert run.returncode == 0, run.stderr
    result = run_cli("evaluate", "timeline", "--gold", "data/gold/news_feed_de/test", "--docs", str(feed),
                     "--run", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert "precision in window:" in result.stdout and "merge coverage:" in result.stdout
    missing = run_cli("evaluate", "timeline", "--gold", "data/gold/news_feed_de/test", "--docs", str(tmp_path))
    assert missing.returncode == 2 and "document missing" in missing.stderr
