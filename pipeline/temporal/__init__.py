"""Temporal expressions: a lexicon-driven grammar (finding), normalisation, anchoring and DCT inference.

The engine is language-agnostic; all German knowledge lives in `pipeline/resources/de/temporal_*.tsv`:

- `temporal_rules.tsv`: the extraction rules (one regex per line, `%MONTH`-style building blocks, named
  groups for the parts, `core` for the reported span, the normaliser to call);
- word lists the blocks are built from and that normalise the parts: months, weekdays, seasons, parts
  (Anfang/Mitte/Ende), year parts, numbers, units, compound units, shifts (kommende/vergangene …),
  deictic words (heute, kürzlich …), parts of day, holidays, relative nouns (Vorjahr …), tense markers,
  decades (neunziger), ordinals and quarter units, set words (täglich), window shifts, offset directions
  (vor/später …), unit prefixes, approximators (etwa), time zones;
- `temporal_context_cues.tsv` and `temporal_measure_words.tsv`: words right before or after a mention
  that change its reading ("seit 1939" does not move the narrative time, "rund 1500" is a count);
- `temporal_anchor_events.tsv`: dated events ("des Kriegs" → 2022-02-24) with the publication dates for
  which a pattern refers to them; `temporal_event_edges.tsv`: days of such an event ("am letzten Tag des
  Gipfels"); `temporal_anniversaries.tsv`: anniversary phrases ("jährt sich … zum ersten Mal", "genau 74
  Jahre nach") that date the text for DCT inference.

Modules: `grammar` (find matches, longest first), `anchoring` (values, news/narrative anchoring),
`tense` (clause tense from word lists and lemmas), `dct` (publication day from textual evidence),
`calendar` (intervals and arithmetic on TIMEX3 values). dateparser is not needed: every value comes from
the tables above, which keeps the stage fast (> 20,000 tokens/s).
"""
