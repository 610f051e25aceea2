"""Where each timeline event goes: its lane, row, mark position and label. Pure.

Each event is drawn once: in a lane of its type, or of its first participant's country.
Inside a lane, events go to rows so that no two marks, and no two labels, overlap at the
chart's usual width (``PLOT_PX``); only the ``LABELLED`` most-reported events get a label.
"""

from __future__ import annotations

import pandas as pd

from dashboard.model import precision_label
from dashboard.text import known

LABELLED = 40  # more labels than this make a wall of text: the rest are named on hover
LANE_MEANING = {"type": "event type", "country": "country of the first participant"}
TYPE_ORDER = ("Visit", "Meeting", "Talks", "Call", "Summit")
PLOT_PX = 800  # plot width assumed for packing: the page's chart at 1280 px; a PNG is wider
CHAR_PX = 6.8  # mean width of a 12 px label character, with a margin
MARK_PX = 36  # the widest marker and a gap


def _lane_order(lane: str) -> tuple[int, str]:
    return (TYPE_ORDER.index(lane) if lane in TYPE_ORDER else len(TYPE_ORDER), lane)


def event_label(ev) -> str:
    """ "Wang Yi – Sergei Lavrov · visit", and its days when it is not one exact day."""
    names = [n for n in map(known, ev.participant_names) if n]
    who = " – ".join(names[:2]) + (f" + {len(names) - 2}" if len(names) > 2 else "")
    label = f"{who or 'participants unknown'} · {known(ev.type) or 'event'}"
    vague = ev.date_precision in ("month", "year")
    if vague or (pd.notna(ev.end) and ev.end > ev.start):
        label += f"<br>{precision_label(ev.start, ev.end, ev.date_precision)}"
    return label


def label_px(label: str) -> float:
    return max(len(line) for line in label.split("<br>")) * CHAR_PX if label else 0.0


def most_reported(events: pd.DataFrame, n: int = LABELLED) -> pd.Series:
    """True for the ``n`` most-reported events (earlier first on a tie)."""
    order = events.sort_values(["n_sources", "start", "event_id"], ascending=[False, True, True])
    return events.index.isin(order.index[:n])


def _extent(dated: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """The time each event's mark and label take on the axis, at ``PLOT_PX``."""
    first, last = dated["start"].min(), dated["end"].max()
    width = dated["label"].where(dated["labelled"], "").map(label_px).clip(lower=MARK_PX)
    per_px = time_per_px(last - first, width.max())
    half = width.map(lambda px: per_px * px / 2)
    left = pd.concat([dated["start"], dated["x"] - half], axis=1).min(axis=1)
    right = pd.concat([dated["end"] + pd.Timedelta(days=1), dated["x"] + half], axis=1).max(axis=1)
    return left, right


def time_per_px(span: pd.Timedelta, widest_px: float) -> pd.Timedelta:
    """Time per pixel of an axis that holds ``span`` and, beyond its ends, half the widest
    label on either side (the axis range is ``x_range``), at ``PLOT_PX``."""
    room = PLOT_PX - min(widest_px, PLOT_PX / 2)
    return max(span, pd.Timedelta(days=30)) / room


def x_range(rows: pd.DataFrame) -> list[pd.Timestamp]:
    """From the leftmost to the rightmost mark or label, with a few pixels to spare."""
    spare = (rows["right"].max() - rows["left"].min()) * 0.02
    return [rows["left"].min() - spare, rows["right"].max() + spare]


def _slots(dated: pd.DataFrame) -> list[int]:
    """Interval partitioning, by lane: an event goes to the first row free where it starts."""
    ends_by_lane: dict[str, list[pd.Timestamp]] = {}
    slots = []
    for row in dated.itertuples():
        ends = ends_by_lane.setdefault(row.lane, [])
        slot = next((i for i, end in enumerate(ends) if row.left > end), len(ends))
        ends[slot : slot + 1] = [row.right]
        slots.append(slot)
    return slots


def _mark_x(dated: pd.DataFrame) -> pd.Series:
    """Exact days at their first day; a month (or year) at its middle, over its pale bar."""
    vague = dated["date_precision"].isin(["month", "year"])
    middle = dated["start"] + (dated["end"] - dated["start"]) / 2
    return dated["start"].where(~vague, middle)


def lane_rows(events: pd.DataFrame, lanes: str) -> pd.DataFrame:
    """One row per dated event: lane, colour country, mark ``x``, ``label``, ``labelled``,
    the time its mark and label take (``left``, ``right``), row ``slot`` and vertical
    position ``y``; ``lane_y`` is where the lane's name goes."""
    dated = events[events["start"].notna()].copy()
    if dated.empty:
        return dated.assign(
            colour_country=[], lane=[], x=[], label=[], labelled=[], slot=[], y=[], lane_y=[]
        )
    dated["colour_country"] = dated["country"].map(lambda c: known(c) or "Unknown")
    if lanes == "country":
        dated["lane"] = dated["colour_country"]
    else:
        dated["lane"] = dated["type"].map(lambda t: (known(t) or "event").capitalize())
    dated["x"] = _mark_x(dated)
    dated["label"] = [event_label(ev) for ev in dated.itertuples()]
    dated["labelled"] = most_reported(dated)
    dated["left"], dated["right"] = _extent(dated)
    dated = dated.sort_values(["lane", "left", "event_id"]).reset_index(drop=True)
    dated["slot"] = _slots(dated)
    base, bases = 0.0, {}
    for lane in sorted(dated["lane"].unique(), key=_lane_order):  # first lane at the top
        bases[lane] = base
        base += dated.loc[dated["lane"] == lane, "slot"].max() + 1.3
    dated["y"] = dated["lane"].map(bases).astype(float) + dated["slot"]
    dated["lane_y"] = dated.groupby("lane")["y"].transform(lambda y: (y.min() + y.max()) / 2)
    return dated
