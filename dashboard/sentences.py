"""The snapshot's sentences (spaCy's, stored by the build) in the compact form the app uses.

The app has no spaCy, so it never splits a text itself: which sentence a mention is in comes
from the stored ``sentences`` table. At 100k articles that table has millions of rows, so it
is held as one sorted int64 array of keys, ``article code << 32 | sentence start``; finding
the sentence of any number of offsets is then a single ``np.searchsorted``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

_SHIFT = 32  # offsets stay below 2**32: an article text is far shorter than 4 GB


@dataclass(frozen=True, eq=False)  # arrays: compared and hashed by identity
class Sentences:
    articles: pd.Index = field(default_factory=lambda: pd.Index([], dtype=object))
    keys: np.ndarray = field(default_factory=lambda: np.empty(0, dtype=np.int64))  # sorted

    @classmethod
    def of(cls, table: pd.DataFrame | None) -> Sentences:
        """From the stored table (``article_id``, ``start``; ``end`` is not needed: a
        sentence runs to the next one's start). None or empty: a snapshot without them."""
        if table is None or table.empty:
            return cls()
        ids = pd.Categorical(table["article_id"])
        keys = ids.codes.astype(np.int64) << _SHIFT | table["start"].to_numpy(np.int64)
        keys.sort()  # in place: the build writes them in order, this costs little
        return cls(pd.Index(ids.categories), keys)

    def __len__(self) -> int:
        return len(self.keys)

    def index_of(self, article_ids: pd.Series, starts: np.ndarray) -> np.ndarray:
        """For each (article, offset), the index of the sentence holding that offset (the
        last one starting at or before it), unique across articles; -1 where the article
        has no stored sentence there."""
        ids = pd.Categorical(article_ids)
        if not len(self.keys):
            return np.full(len(ids), -1, dtype=np.int64)
        code_of = self.articles.get_indexer(ids.categories)  # -1: no sentences stored
        codes = np.where(ids.codes >= 0, code_of[ids.codes], -1).astype(np.int64)
        wanted = codes << _SHIFT | np.asarray(starts, dtype=np.int64)
        found = np.searchsorted(self.keys, wanted, side="right") - 1
        same_article = (found >= 0) & (self.keys[np.maximum(found, 0)] >> _SHIFT == codes)
        return np.where((codes >= 0) & same_article, found, -1)
