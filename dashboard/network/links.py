"""What lies behind one link of the actor network: the contacts (events) that make it up, and
what else links the pair. Pure pandas.

A link drawn between two actors stands for edge rows of several types. ``met``, ``visited``
and ``called`` come from events, each of which opens as a dossier; ``addressed`` and
``co-mentioned`` come from sentences (a statement, one sentence naming both), which are no
event and have no dossier.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from dashboard.model import precision_label
from dashboard.network.edges import CONTACT_TYPES, EDGE_TYPES

SEP = "~"  # between the two actor ids of a pair key (in the URL: ?link=a~b)
CONTACT_COLUMNS = ["event_id", "type", "when", "place", "n_sources", "status", "start"]


def pair_key(a: str, b: str) -> str:
    """One key per unordered pair (edge rows hold it sorted; a click may not)."""
    a, b = sorted((str(a), str(b)))
    return f"{a}{SEP}{b}"


def pair_choices(edges: pd.DataFrame, names: dict[str, str]) -> dict[str, str]:
    """The linked pairs among ``edges`` (edge rows), key -> "A – B (met 2×, …)", by name."""
    if edges.empty:
        return {}
    counts = edges.groupby(["source", "target", "type"], observed=True).size()
    order = {kind: i for i, kind in enumerate(EDGE_TYPES)}  # contacts first, as the chips
    kinds: dict[tuple[str, str], list[str]] = {}
    ranked = sorted(counts.items(), key=lambda item: order.get(str(item[0][2]), len(order)))
    for (a, b, kind), n in ranked:
        kinds.setdefault((str(a), str(b)), []).append(f"{kind} {n}×")
    labelled = {}
    for (a, b), parts in kinds.items():
        first, second = sorted((names.get(a, a), names.get(b, b)))
        labelled[pair_key(a, b)] = f"{first} – {second} ({', '.join(parts)})"
    return dict(sorted(labelled.items(), key=lambda item: (item[1].casefold(), item[0])))


@dataclass(frozen=True)
class Behind:
    """One pair's link: its contacts, most recent first, and its other edge rows by type."""

    source: str
    target: str
    contacts: pd.DataFrame  # CONTACT_COLUMNS, one row per event
    others: dict[str, int] = field(default_factory=dict)  # "co-mentioned" -> occurrences

    @property
    def empty(self) -> bool:
        return self.contacts.empty and not self.others


def behind_link(edges: pd.DataFrame, events: pd.DataFrame, a: str, b: str) -> Behind:
    """The events and other edge rows of ``edges`` between ``a`` and ``b`` (either order).

    ``edges``: edge rows of the view (``select_edges``); ``events``: the snapshot's events,
    for the type, date, place and how many articles report each contact.
    """
    a, b = sorted((str(a), str(b)))
    mine = edges[(edges["source"] == a) & (edges["target"] == b)]
    is_contact = mine["type"].isin(CONTACT_TYPES)
    refs = set(mine.loc[is_contact, "ref"].dropna().astype(str))
    found = events[events["event_id"].isin(refs)]
    # Most recent first; an undated contact last (NaT sorts last either way).
    found = found.sort_values(["start", "event_id"], ascending=[False, True], na_position="last")
    contacts = pd.DataFrame(
        {
            "event_id": found["event_id"].astype(str),
            "type": found["type"].astype(str),
            "when": [
                precision_label(*span)
                for span in zip(found["start"], found["end"], found["date_precision"], strict=True)
            ],
            "place": found["place"].map(lambda p: p if isinstance(p, str) and p.strip() else None),
            "n_sources": found["n_sources"].astype(int),
            "status": found["status"].astype(str),
            "start": found["start"],
        },
        columns=CONTACT_COLUMNS,
    ).reset_index(drop=True)
    others = mine.loc[~is_contact, "type"].astype(str).value_counts()
    return Behind(a, b, contacts, {str(k): int(n) for k, n in others.items()})


def contact_parts(row) -> list[str]:
    """A contact in plain words: ["Talks", "1 Apr 2025", "Moscow", "2 sources", "planned"]."""
    parts = [str(row.type).capitalize(), row.when]
    if isinstance(row.place, str) and row.place:
        parts.append(row.place)
    parts.append(f"{row.n_sources} source{'s' if row.n_sources != 1 else ''}")
    return parts + (["planned"] if row.status == "planned" else [])


def parse_pair(key: str) -> tuple[str, str]:
    """The two actor ids of a ``pair_key`` (an id holding ``SEP`` would be split wrongly:
    the knowledge base's ids are slugs of letters, digits and hyphens)."""
    a, _, b = str(key).partition(SEP)
    return a, b


OTHER_WORDS = {  # (one, several)
    "addressed": ("statement by one to the other", "statements by one to the other"),
    "co-mentioned": ("sentence naming both", "sentences naming both"),
}


def others_line(others: dict[str, int]) -> str:
    """The non-contact links in words: "1 statement by one to the other and 3 sentences
    naming both"."""
    parts = []
    for kind, n in sorted(others.items()):
        one, several = OTHER_WORDS.get(kind, (f"{kind} link", f"{kind} links"))
        parts.append(f"{n} {one if n == 1 else several}")
    return " and ".join(parts)
