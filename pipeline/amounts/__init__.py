"""Money amounts in German text: a pure-Python parser over the `resources/de/money_*.tsv` lexicons.

`parse_money(text)` returns `MoneyMatch` records (character offsets, amount as Decimal, ISO 4217 currency,
approx flag, qualifier, restatement link) and never raises.
"""
from .parser import MoneyMatch, as_number, parse_money, parse_number

__all__ = ["MoneyMatch", "as_number", "parse_money", "parse_number"]
