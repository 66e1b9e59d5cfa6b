"""Property-based tests: the money parser and component never raise and keep their offsets honest."""
from __future__ import annotations

import spacy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.amounts import parse_money
from pipeline.extractors import money as _money  # noqa: F401  (registers the "money" factory)
from pipeline.amounts.lexicon import load_lexicon
from pipeline.amounts.parser import _parse

MONEY_WORDS = [
    "1.000", "1,5", "12.500", "€", "$", "£", "EUR", "USD", "US$", "Euro", "Dollar", "US-Dollar", "Mio.", "Mrd.",
    "Milliarden", "Millionen", "Tsd.", "Bio.", "eine halbe", "zwei", "zwölf", "fünfundzwanzig", "knapp", "rund",
    "mehr als", "über", "bis zu", "zwischen", "und", "bis", "–", "-", "(", ")", "umgerechnet", "Rubel",
    "Hrywnja", "Franken", "Cent", "Prozent", "2024", "0800", "mehrere", "weitere", "darunter", ".", ",", "\n",
    "\u00a0", " ", "'", "000", "-Paket", "Ein", "einer",
]
settings.register_profile("money", max_examples=300, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("money")

money_like = st.lists(st.sampled_from(MONEY_WORDS) | st.text(max_size=4), max_size=25).map(" ".join)


def check(text: str) -> None:
    # the grammar itself, without the safety net of parse_money(), must not raise either
    matches = _parse(text, load_lexicon()) if text else []
    assert matches == parse_money(text)
    starts = {m.start for m in matches}
    for m in matches:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start:m.end] == m.text
        assert m.amount >= 0 and m.currency.isupper() and len(m.currency) == 3
        assert m.equivalent_of is None or m.equivalent_of in starts


@given(st.text())
def test_parser_never_raises_on_arbitrary_unicode(text):
    check(text)


@given(money_like)
def test_parser_never_raises_on_money_like_text(text):
    check(text)


NLP = spacy.blank("de")
NLP.add_pipe("money")


@given(money_like | st.text(max_size=200))
def test_component_never_raises(text):
    doc = NLP(text)
    starts = {span.start_char for span in doc.spans["money"]}
    for span in doc.spans["money"]:
        info = span._.money
        assert info is not None and info.amount >= 0
        assert info.equivalent_of is None or info.equivalent_of in starts


@given(st.lists(st.sampled_from(["1", "123", "000", "9", ".", ",", " ", "\u00a0", "'"]), min_size=50, max_size=400)
       .map("".join).map(lambda digits: digits + " Milliarden Euro"))
def test_long_digit_runs(text):
    check(text)


def test_pathological_inputs_stay_fast():
    import time

    for text in ["123 " * 5000 + "Euro", "einund" * 2000 + "x Euro", "zwischen 5 und " * 3000 + "6 Mrd Euro",
                 "1." * 10000 + "000 Euro", "rund " * 5000 + "5 Euro", "123 " * 5000 + "x",
                 "123 " * 5000 + "-Milliarden-Paket", "123'" * 5000 + "x", "5.000,- " * 3000 + "Euro"]:
        started = time.perf_counter()
        check(text)
        assert time.perf_counter() - started < 2.0
