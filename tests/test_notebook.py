"""The exploration notebook runs on a fresh run over data/raw, so it never rots."""
from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
import spacy
from nbclient import NotebookClient

from pipeline.nlp import resolve_model
from pipeline.runner import RunSettings, run

REPO = Path(__file__).resolve().parents[1]
NOTEBOOK = REPO / "notebooks" / "explore_timeline.ipynb"


def test_notebook_is_committed_without_outputs() -> None:
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    assert all(not cell.get("outputs") for cell in notebook.cells if cell.cell_type == "code")


def test_exploration_notebook_runs_on_a_fresh_run(tmp_path, monkeypatch) -> None:
    choice = resolve_model()
    model = None
    if choice.source == "embedded" and not Path(choice.location).exists():
        model = str(tmp_path / "blank_de")
        spacy.blank("de").to_disk(model)
    out = tmp_path / "processed"
    run(RunSettings(paths=(REPO / "data" / "raw",), out_dir=out, model=model))
    monkeypatch.setenv("PIPELINE_OUTPUT_DIR", str(out))
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    client = NotebookClient(notebook, kernel_name="python3", timeout=180,
                            resources={"metadata": {"path": str(tmp_path)}})
    client.execute()
    outputs = [output for cell in notebook.cells if cell.cell_type == "code" for output in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    assert any("image/png" in o.get("data", {}) for o in outputs), "the timeline chart was not drawn"
    first = "".join(o.get("text", "") for o in notebook.cells[1].outputs)
    assert str(out) in first and "timeline entries" in first
