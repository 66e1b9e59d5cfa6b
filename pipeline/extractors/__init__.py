"""Extractors: one spaCy pipeline component per module."""
