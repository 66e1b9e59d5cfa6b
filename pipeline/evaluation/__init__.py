"""Evaluation commands behind `pipeline evaluate <kind>`."""
