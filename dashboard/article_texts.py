"""Every article's text, held once as one Arrow array, apart from the articles table."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc


@dataclass(frozen=True)
class ArticleTexts:
    """Every article's text, once, as one Arrow array: kept out of the articles table so
    the filtered copies of that table stay small (the texts are most of a snapshot)."""

    values: pa.Array = field(default_factory=lambda: pa.array([], pa.large_string()))
    ids: tuple[str, ...] = ()

    @cached_property
    def _index(self) -> dict[str, int]:
        return {aid: i for i, aid in enumerate(self.ids)}

    @classmethod
    def of(cls, articles: pd.DataFrame) -> ArticleTexts:
        values = pa.array(articles["text"], pa.large_string())
        if values.null_count:
            values = pc.fill_null(values, "")
        return cls(values, tuple(articles["article_id"]))

    def get(self, article_id: str) -> str:
        i = self._index.get(article_id)
        return "" if i is None else self.values[i].as_py() or ""

    def matching(self, needle: str) -> set[str]:
        """Ids of the articles whose text contains ``needle`` (any case)."""
        hits = pc.match_substring(self.values, needle, ignore_case=True)
        found = np.flatnonzero(hits.to_numpy(zero_copy_only=False))
        return {self.ids[i] for i in found}
