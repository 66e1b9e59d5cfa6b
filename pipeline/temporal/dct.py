"""Infer the publication day when the metadata gives only a month or year (or nothing)."""
from __future__ import annotations


def infer_dct(doc, matches, dct, lex, events, tense):
    return None
