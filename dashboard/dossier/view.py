"""The dossier as the briefing pack draws it: its theme table, the articles behind it, and
the disagreement notes, shared wording and one-sided themes as escaped HTML. Pure.
"""

from __future__ import annotations

import html

import pandas as pd
import plotly.graph_objects as go

from dashboard.dossier.build import Dossier, build_dossier
from dashboard.dossier.ids import resolve
from dashboard.dossier.phrases import only_phrases
from dashboard.figures.dossier import theme_figure
from dashboard.model import Snapshot
from dashboard.text import theme_label
from dashboard.url_state import Params, first


def summary_html(d: Dossier) -> str:
    """What the page says around the table, in words (article text escaped)."""
    lines = [html.escape(n) for n in d.notes]
    if d.shared:
        lines.append("Both sides say: " + ", ".join(f"“{html.escape(p)}”" for p in d.shared))
    lines += [
        f"Only {html.escape(side)}: {html.escape(', '.join(themes))}"
        for side, themes in d.only.items()
        if themes
    ]
    for theme, by_side in only_phrases(d).items():
        said = " · ".join(
            f"only {html.escape(side)}: " + ", ".join(f"“{html.escape(p)}”" for p in ps)
            for side, ps in by_side.items()
        )
        lines.append(f"{html.escape(theme_label(theme))}: {said}")
    return "".join(f"<p>{line}</p>" for line in lines)


def dossier_built(
    full: Snapshot, snap: Snapshot, params: Params
) -> tuple[go.Figure | None, pd.DataFrame, str]:
    """The page's lead chart for ``?event=<id>``; the whole record of the event, whatever the
    filters (the page ignores them too). An unknown id: no chart, no sources, a note."""
    found = resolve(full, first(params, "event"), params.get("src", []))
    d = build_dossier(full, found.event_id)
    if d is None:
        return None, full.articles[:0], "<p>This event is no longer in the snapshot.</p>"
    ids = {r.article_id for r in d.reports}  # originals: a wire copy is no second source
    cited = full.articles[full.articles["article_id"].isin(ids)]
    return theme_figure(d), cited, summary_html(d)
