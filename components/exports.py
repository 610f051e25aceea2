"""Tables as a reporter downloads them: readable columns, names rather than ids. Pure."""

from __future__ import annotations

import pandas as pd

from components.model import precision_label


def events_table(events: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "when": [
                precision_label(r.start, r.end, r.date_precision) for r in events.itertuples()
            ],
            "type": events["type"],
            "participants": events["participant_names"].map("; ".join),
            "place": events["place"],
            "status": events["status"],
            "date": events["date"],
            "end_date": events["end_date"],
            "date_precision": events["date_precision"],
            "reporting_articles": events["n_sources"],
            "event_id": events["event_id"],
        }
    )


def statements_table(statements: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "date": statements["date"],
            "speaker": statements["speaker"],
            "country": statements["speaker_country"],
            "kind": statements["kind"],
            "statement": statements["text"],
            "sentence": statements["context"],
            "themes": statements["themes"].map("; ".join),
            "outlet": statements["outlet"],
            "title": statements["title"],
            "url": statements["url"],
            "statement_id": statements["statement_id"],
        }
    ).sort_values(["date", "statement_id"])
