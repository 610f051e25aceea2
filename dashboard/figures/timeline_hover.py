"""What a timeline mark says on hover: type, when and how the date was found, who, where,
status and sources. Pure; missing values never print as nan."""

from __future__ import annotations

import pandas as pd

from dashboard.model import precision_label
from dashboard.text import known
from readout.snapshot.schema import DATE_BASES

# How the day was found, in the hover. A day that was not written out (worked out from "on
# Tuesday", an earlier date, or the publication day) is drawn pale-filled: a reader checks it.
BASIS_WORDS = {
    "stated": "date given in the text",
    "relative": "day worked out from the text and the publication date",
    "anaphoric": "day taken from an earlier date in the article",
    "publication": "publication day (a same-day report)",
}
WORKED_OUT = frozenset(DATE_BASES[1:4])


def worked_out(basis) -> bool:
    """True when the event's day was inferred, not stated (``schema.DATE_BASES``)."""
    return basis in WORKED_OUT


def hover_text(ev, countries: dict[str, str]) -> str:
    people = ", ".join(
        f"{(known(name) or pid)} ({(known(countries.get(pid)) or '?')})"
        for pid, name in zip(ev.participants, ev.participant_names, strict=True)
    )
    when = precision_label(ev.start, ev.end, ev.date_precision)
    exact = {"day": "exact day", "month": "month known, not the day", "year": "year only"}
    sources = f"{ev.n_sources} reporting article{'s' if ev.n_sources != 1 else ''}"
    basis = BASIS_WORDS.get(getattr(ev, "date_basis", None))
    return (
        f"<b>{(known(ev.type) or 'event').capitalize()}</b> · {when} "
        f"({exact.get(ev.date_precision, 'precision unknown')})"
        + (f"<br>{basis.capitalize()}" if basis else "")
        + ("<br>Sources disagree on the date or place" if _disagree(ev) else "")
        + f"<br>{people or 'participants unknown'}<br>Place: {(known(ev.place) or 'not reported')}"
        f"<br>{(known(ev.status) or 'status unknown').capitalize()} · {sources}"
        "<br><i>Click for the evidence</i>"
    )


def _disagree(ev) -> bool:
    value = getattr(ev, "sources_disagree", False)
    return bool(value) and not pd.isna(value)
