"""German news → persons, countries, money, dates, events and a NATO–Ukraine timeline."""

__version__ = "0.1.0"
