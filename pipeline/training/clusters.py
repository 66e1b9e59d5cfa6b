"""Brown word clusters as a lexical feature of the embedded NER model.

spacy-lookups-data ships German Brown clusters of a million words (`de_lexeme_cluster`), learned
without supervision from a large corpus. Words used in the same contexts share a cluster, so a name
the NER model never saw in training still looks like the names it did see. `ClusterHashEmbed` is
spaCy's `MultiHashEmbed` (no static vectors) with one more hashed column: the word's cluster id.
It is registered as an architecture, so training and `spacy.load` build the same model.

The table is not used as spaCy loads it (a `Table` of a million Python ints, about 2 s and 300 MB
per process) but as `Clusters`: the table's 64-bit key hashes sorted in one array and the cluster
ids aligned in another, looked up for a whole doc at once with `numpy.searchsorted` on its ORTH and
LOWER hashes (the same hashes the `Table` keys are). The arrays are built once from the `Table` and
kept as `.npy` files in the user's cache folder (`$XDG_CACHE_HOME/pipeline`, else
`~/.cache/pipeline`), named after the language and spacy-lookups-data's version; later processes
map them into memory in milliseconds. Where that folder cannot be written the arrays are built in
memory every time, which is slower but gives the same ids.
"""
from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
from pathlib import Path

import numpy
from spacy.attrs import LOWER, ORTH
from spacy.lookups import Table, load_lookups
from spacy.ml.featureextractor import FeatureExtractor
from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import HashEmbed, Maxout, Model, chain, concatenate, list2ragged, ragged2list, with_array
from thinc.types import Floats2d, Ints2d

TABLE = "lexeme_cluster"
LOOKUPS_PACKAGE = "spacy-lookups-data"
CACHE_FOLDER = "pipeline"


@dataclass(frozen=True)
class Clusters:
    """A cluster table as two aligned arrays: sorted uint64 key hashes and their cluster ids."""

    keys: numpy.ndarray
    values: numpy.ndarray

    @classmethod
    def from_table(cls, table: Table) -> Clusters:
        """The arrays of a spaCy `Table` whose values are integers (keys are already hashes)."""
        keys = numpy.fromiter(table.keys(), dtype="uint64", count=len(table))
        values = numpy.fromiter(table.values(), dtype="int64", count=len(table))
        order = numpy.argsort(keys, kind="stable")
        low, high = (int(values.min()), int(values.max())) if len(values) else (0, 0)
        dtype = numpy.result_type(numpy.min_scalar_type(low), numpy.min_scalar_type(high))
        return cls(keys[order], values[order].astype(dtype))

    def lookup(self, hashes: numpy.ndarray) -> numpy.ndarray:
        """The value stored under each hash, 0 where there is none (same shape, uint64)."""
        if not len(self.keys):
            return numpy.zeros(hashes.shape, dtype="uint64")
        positions = numpy.minimum(numpy.searchsorted(self.keys, hashes), len(self.keys) - 1)
        found = self.keys[positions] == hashes
        return numpy.where(found, self.values[positions], 0).astype("uint64")


def lookups_table(lang: str) -> Table:
    """The cluster `Table` as spacy-lookups-data provides it (slow; `cluster_table` is the fast one)."""
    return load_lookups(lang, [TABLE]).get_table(TABLE)


def cache_dir() -> Path:
    """The per-user cache folder: `$XDG_CACHE_HOME/pipeline`, else `~/.cache/pipeline`.

    As the XDG spec asks, an empty or relative `$XDG_CACHE_HOME` is ignored.
    """
    root = os.environ.get("XDG_CACHE_HOME", "")
    return (Path(root) if os.path.isabs(root) else Path.home() / ".cache") / CACHE_FOLDER


def cache_paths(lang: str, version: str) -> tuple[Path, Path]:
    """The key and value files of one language's clusters from one spacy-lookups-data version."""
    stem = cache_dir() / f"{lang}_{TABLE}-{LOOKUPS_PACKAGE}-{version}"
    return stem.with_name(stem.name + ".keys.npy"), stem.with_name(stem.name + ".values.npy")


def read_cache(keys_path: Path, values_path: Path) -> Clusters | None:
    """The cached arrays, memory-mapped, or None if either file is missing or malformed."""
    try:
        keys = numpy.load(keys_path, mmap_mode="r")
        values = numpy.load(values_path, mmap_mode="r")
    except (OSError, ValueError):
        return None
    if (keys.dtype != numpy.uint64 or values.dtype.kind not in "iu" or keys.ndim != 1
            or keys.shape != values.shape):
        return None
    return Clusters(numpy.asarray(keys), numpy.asarray(values))


def write_array(path: Path, array: numpy.ndarray) -> None:
    """Save `array` as `.npy` at `path` atomically: a temporary file in the folder, then os.replace."""
    handle = tempfile.NamedTemporaryFile(dir=path.parent, prefix=path.name + ".", suffix=".tmp", delete=False)
    try:
        with handle:
            numpy.save(handle, array)
        os.replace(handle.name, path)
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise


def write_cache(keys_path: Path, values_path: Path, clusters: Clusters) -> bool:
    """Store the arrays for later processes; False (and nothing left behind) if the folder is not writable."""
    try:
        keys_path.parent.mkdir(parents=True, exist_ok=True)
        write_array(values_path, clusters.values)  # keys last: a reader needs both
        write_array(keys_path, clusters.keys)
    except OSError:
        return False
    return True


def load_clusters(lang: str, build: Callable[[str], Table] = lookups_table) -> Clusters:
    """The cached arrays for `lang`, built from the `Table` (and cached if possible) on a miss."""
    try:
        paths = cache_paths(lang, metadata.version(LOOKUPS_PACKAGE))
    except (metadata.PackageNotFoundError, RuntimeError):  # no package version or no home folder
        paths = None
    cached = read_cache(*paths) if paths else None
    if cached is not None:
        return cached
    clusters = Clusters.from_table(build(lang))
    if paths:
        write_cache(*paths, clusters)
    return clusters


@lru_cache(maxsize=4)
def cluster_table(lang: str) -> Clusters:
    """Word hash → Brown cluster id from spacy-lookups-data, loaded once per language and process."""
    return load_clusters(lang)


def cluster_ids(doc: Doc, table: Clusters) -> numpy.ndarray:
    """One column of cluster ids for the tokens of `doc` (lower-cased form as fallback, 0 if unknown).

    The same ids as `table.get(token.text) or table.get(token.lower_, 0)` on the spaCy `Table`: a
    stored 0 counts as no cluster, so the lower-cased form is tried then too.
    """
    found = table.lookup(doc.to_array([ORTH, LOWER]))
    ids = numpy.where(found[:, 0] != 0, found[:, 0], found[:, 1])
    return ids.reshape((len(doc), 1))


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
