"""Temporal expressions: a lexicon-driven grammar (finding), normalisation, anchoring and DCT inference.

The engine is language-agnostic; all German knowledge lives in `pipeline/resources/de/temporal_*.tsv`.
"""
