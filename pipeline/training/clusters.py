"""Brown word clusters as a lexical feature of the embedded NER model.

spacy-lookups-data ships German Brown clusters of a million words (`de_lexeme_cluster`), learned
without supervision from a large corpus. Words used in the same contexts share a cluster, so a name
the NER model never saw in training still looks like the names it did see. `ClusterHashEmbed` is
spaCy's `MultiHashEmbed` (no static vectors) with one more hashed column: the word's cluster id.
It is registered as an architecture, so training and `spacy.load` build the same model.
"""
from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

import numpy
from spacy.lookups import Table, load_lookups
from spacy.ml.featureextractor import FeatureExtractor
from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import HashEmbed, Maxout, Model, chain, concatenate, list2ragged, ragged2list, with_array
from thinc.types import Floats2d, Ints2d

TABLE = "lexeme_cluster"


@lru_cache(maxsize=4)
def cluster_table(lang: str) -> Table:
    """Word → Brown cluster id from spacy-lookups-data, loaded once per language."""
    return load_lookups(lang, [TABLE]).get_table(TABLE)


def cluster_ids(doc: Doc, table: Table) -> numpy.ndarray:
    """One column of cluster ids for the tokens of `doc` (lower-cased form as fallback, 0 if unknown)."""
    ids = [table.get(token.text) or table.get(token.lower_, 0) for token in doc]
    return numpy.asarray(ids, dtype="uint64").reshape((len(ids), 1))


def ClusterFeatureExtractor(attrs: list[str], lang: str) -> Model[list[Doc], list[Ints2d]]:
    """Token attribute columns (as spaCy's FeatureExtractor) plus the Brown cluster column."""
    attributes = FeatureExtractor(attrs)

    def forward(model: Model, docs: list[Doc], is_train: bool) -> tuple[list[Ints2d], Callable]:
        table = cluster_table(lang)
        columns, _ = attributes(docs, is_train)
        features = [model.ops.asarray2i(numpy.hstack([column, cluster_ids(doc, table)]), dtype="uint64")
                    for column, doc in zip(columns, docs)]
        return features, lambda d_features: []

    return Model("extract_features_with_clusters", forward, layers=[attributes])


@registry.architectures("pipeline.ClusterHashEmbed.v1")
def ClusterHashEmbed(width: int, attrs: list[str], rows: list[int], cluster_rows: int,
                     lang: str = "de") -> Model[list[Doc], list[Floats2d]]:
    """Hash embeddings of `attrs` and of the Brown cluster, concatenated and mixed by a Maxout layer."""
    if len(rows) != len(attrs):
        raise ValueError(f"Mismatched lengths: {len(rows)} vs {len(attrs)}")
    sizes = [*rows, cluster_rows]
    embeddings = [HashEmbed(width, size, column=i, seed=8 + i, dropout=0.0) for i, size in enumerate(sizes)]
    mix = with_array(Maxout(width, width * len(embeddings), nP=3, dropout=0.0, normalize=True))
    return chain(ClusterFeatureExtractor(attrs, lang), list2ragged(), with_array(concatenate(*embeddings)),
                 mix, ragged2list())
