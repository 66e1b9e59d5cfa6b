"""Importing this module registers every spaCy component factory of the product."""
from . import events, sentences  # noqa: F401
from .extractors import countries, dates, money, organizations, persons  # noqa: F401
