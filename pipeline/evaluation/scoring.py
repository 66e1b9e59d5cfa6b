"""Precision, recall and F1 shared by every evaluation report and benchmark."""
from __future__ import annotations

from dataclasses import dataclass


def precision_recall_f1(hits: int, predicted: int, gold: int) -> tuple[float, float, float]:
    """P, R and F1 from counts; an empty side scores 0 (nothing predicted or nothing to find)."""
    precision = hits / predicted if predicted else 0.0
    recall = hits / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


@dataclass
class Counts:
    """True positives, false positives and false negatives, summed over items.

    With no predictions precision is 1.0 (no error made); with nothing to find recall is 1.0.
    """

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0
