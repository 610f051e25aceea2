"""An event's dossier: what the contact was, who reported it, and each side's account of it.

Pure pandas, no Streamlit (``views/dossier.py`` draws it). A *side* is a participant's
country: the participant, and that country's ministries and offices (actors of kind
country/organization), its spokespeople and its state-run media (actors holding a spokesperson
or ``state_media`` role of it). An independent outlet of the country is not its voice.
A side's account is the statements its speakers make in the articles that report the event,
dated within ``WINDOW`` of it (an announcement comes before a visit, a readout after).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard.compare import NO_THEME, Group, links, shared_spans
from dashboard.dossier.sources import Report, disagreement_notes, readings_of, reports_of
from dashboard.model import Snapshot, precision_label
from dashboard.palette import UNKNOWN_COUNTRY
from dashboard.text import Span, known, merge_spans, theme_label

WINDOW = pd.Timedelta(days=7)  # "the days around it": a week either side of the event
SIDE_KINDS = frozenset({"country", "organization"})  # speak for their country
VOICE_ROLES = ("spokesperson", "press_secretary", "state_media")  # and these, for whom they serve


@dataclass(frozen=True)
class Side:
    country: str
    people: tuple[str, ...]  # the participants of this side (names)
    statements: pd.DataFrame  # its statements about the contact, oldest first


@dataclass(frozen=True)
class ThemeRow:
    theme: str
    label: str
    cells: tuple[pd.DataFrame, ...]  # one per side, in the order of ``Dossier.sides``

    @property
    def speaking(self) -> tuple[int, ...]:
        return tuple(i for i, c in enumerate(self.cells) if len(c))


@dataclass(frozen=True)
class Dossier:
    event_id: str
    type: str
    participants: tuple[str, ...]  # "Wang Yi (China)"
    place: str | None
    when: str
    date_basis: str | None
    status: str
    sources_disagree: bool
    reports: tuple[Report, ...]
    readings: pd.DataFrame  # outlet, date, place: each source's own reading
    notes: tuple[str, ...]  # disagreements in words
    sides: tuple[Side, ...]
    rows: tuple[ThemeRow, ...]
    shared: tuple[str, ...]  # phrases statements of two different sides both use
    only: dict[str, tuple[str, ...]]  # side country -> theme labels only it raises
    terms: pd.DataFrame  # term, used_by, sides, outlets


def _voices(snap: Snapshot, sides: set[str]) -> set[str]:
    """Actors whose role makes them speak for one of ``sides``: spokespeople, state media."""
    roles = snap.roles
    if roles.empty:
        return set()
    mask = roles["role"].astype(str).str.contains("|".join(VOICE_ROLES), na=False)
    of = roles["of"]  # a role of the country itself; rows made by hand may leave it out
    mask &= of.isna() | of.isin(sides)
    return set(roles.loc[mask, "actor_id"])


def side_of(snap: Snapshot, participants: list[str]) -> dict[str, str]:
    """speaker actor_id -> the side (country) it speaks for, for this event's participants."""
    actors = snap.actors_by_id
    country = {p: known(actors["country"].get(p)) or UNKNOWN_COUNTRY for p in participants}
    sides = {c for c in country.values() if c != UNKNOWN_COUNTRY}
    voice = actors[actors["country"].isin(sides)]
    speaks = voice["kind"].isin(SIDE_KINDS) | voice.index.isin(_voices(snap, sides))
    out = dict(zip(voice.index[speaks], voice.loc[speaks, "country"], strict=True))
    return out | country  # a participant always speaks for its own side


def _window(snap: Snapshot, ev: pd.Series, frame: pd.DataFrame) -> pd.DataFrame:
    mine = frame[frame["article_id"].isin(set(ev["article_ids"]))]
    if pd.isna(ev["start"]):
        return mine  # an undated event: whatever its reports say
    day = mine["date_dt"]
    near = day.isna() | ((day >= ev["start"] - WINDOW) & (day <= ev["end"] + WINDOW))
    return mine[near]


def _elsewhere(snap: Snapshot, event_id: str, frame: pd.DataFrame) -> pd.DataFrame:
    """Without statements whose sentence reports another contact and not this one ("Li would
    travel to Russia on Sunday", in an article on the Qin-Lavrov talks)."""
    src = snap.event_sources[snap.event_sources["article_id"].isin(set(frame["article_id"]))]
    if src.empty or frame.empty:
        return frame
    keys = frame[["article_id", "sent_start", "sent_end"]].reset_index()
    spans = keys.merge(src[["article_id", "event_id", "start", "end"]], on="article_id")
    spans = spans[(spans["start"] < spans["sent_end"]) & (spans["end"] > spans["sent_start"])]
    here = set(spans.loc[spans["event_id"] == event_id, "index"])
    other = set(spans.loc[spans["event_id"] != event_id, "index"]) - here
    return frame.drop(index=list(other))


def _drop_copies(frame: pd.DataFrame, reports: tuple[Report, ...]) -> pd.DataFrame:
    """Statements of a wire copy whose original is listed: said once, not twice."""
    originals = {r.article_id for r in reports}
    return frame[~frame["copy_of"].isin(originals)]


def _theme_rows(sides: tuple[Side, ...]) -> tuple[ThemeRow, ...]:
    """One row per theme any side raises (a statement sits in each of its themes' rows), the
    themes both sides raise first, then by number of statements; unthemed ones last."""
    counts: dict[str, int] = {}
    speakers: dict[str, set[int]] = {}
    for i, side in enumerate(sides):
        for themes in side.statements["themes"]:
            for theme in list(themes) or [NO_THEME]:
                counts[theme] = counts.get(theme, 0) + 1
                speakers.setdefault(theme, set()).add(i)
    order = sorted(counts, key=lambda t: (t == NO_THEME, -len(speakers[t]), -counts[t], t))
    rows = []
    for theme in order:
        cells = tuple(
            s.statements[
                s.statements["themes"].map(lambda ts, t=theme: t in (list(ts) or [NO_THEME]))
            ]
            for s in sides
        )
        label = "No theme" if theme == NO_THEME else theme_label(theme)
        rows.append(ThemeRow(theme, label, cells))
    return tuple(rows)


def _only(sides: tuple[Side, ...], rows: tuple[ThemeRow, ...]) -> dict[str, tuple[str, ...]]:
    if len(sides) < 2:
        return {}
    out: dict[str, list[str]] = {s.country: [] for s in sides}
    for row in rows:
        if row.theme != NO_THEME and len(row.speaking) == 1:
            out[sides[row.speaking[0]].country].append(row.label)
    return {k: tuple(v) for k, v in out.items()}


def _shared(sides: tuple[Side, ...]) -> tuple[str, ...]:
    groups = [Group(s.country, s.statements) for s in sides]
    linked = links(groups)
    return tuple(sorted({p for ps in linked["phrases"] for p in ps}))


def _terms(snap: Snapshot, ev: pd.Series, sides_by: dict[str, str]) -> pd.DataFrame:
    columns = ["term", "used_by", "sides", "outlets"]
    terms = snap.terms
    if terms is None or terms.empty:
        return pd.DataFrame(columns=columns)
    mine = _window(snap, ev, terms)
    rows = []
    for _term, group in mine.groupby(mine["text"].str.strip().str.lower(), sort=True):
        speakers = group["speaker_id"]
        rows.append(
            {
                "term": str(group["text"].iloc[0]).strip(),
                "used_by": "; ".join(dict.fromkeys(group["speaker"])),
                "sides": "; ".join(
                    dict.fromkeys(sides_by[s] for s in speakers.dropna() if s in sides_by)
                ),
                "outlets": "; ".join(dict.fromkeys(group["outlet"].dropna())),
            }
        )
    return pd.DataFrame(rows, columns=columns)


def _flag(value) -> bool:
    return bool(pd.notna(value) and value)  # null on rows made by hand


def build_dossier(snap: Snapshot, event_id: str | None) -> Dossier | None:
    """The dossier of one event, or None when the snapshot has no such event."""
    events = snap.events[snap.events["event_id"] == event_id] if event_id else snap.events[:0]
    if events.empty:
        return None
    ev = events.iloc[0]
    reports = reports_of(snap, ev["article_ids"])
    readings = readings_of(snap, event_id)
    notes = disagreement_notes(readings, ev)
    sides_by = side_of(snap, ev["participants"])
    said = _drop_copies(_window(snap, ev, snap.statements), reports)
    said = _elsewhere(snap, str(event_id), said)
    said = said[said["speaker_id"].isin(set(sides_by))].sort_values(["date_dt", "statement_id"])
    countries = list(dict.fromkeys(sides_by[p] for p in ev["participants"]))
    names = snap.names
    sides = tuple(
        Side(
            country=c,
            people=tuple(names.get(p, p) for p in ev["participants"] if sides_by[p] == c),
            statements=said[said["speaker_id"].map(sides_by) == c],
        )
        for c in countries
    )
    rows = _theme_rows(sides)
    return Dossier(
        event_id=str(event_id),
        type=str(ev["type"]),
        participants=tuple(
            f"{n} ({c})"
            for n, c in zip(ev["participant_names"], ev["participant_countries"], strict=True)
        ),
        place=known(ev["place"]),
        when=precision_label(ev["start"], ev["end"], ev["date_precision"]),
        date_basis=known(ev.get("date_basis")),
        status=str(ev["status"]),
        sources_disagree=_flag(ev.get("sources_disagree")),
        reports=reports,
        readings=readings,
        notes=notes,
        sides=sides,
        rows=rows,
        shared=_shared(sides),
        only=_only(sides, rows),
        terms=_terms(snap, ev, sides_by),
    )


def shared_marks(snap: Snapshot, d: Dossier, rows: pd.DataFrame) -> dict[str, list[Span]]:
    """statement_id -> where the phrases both sides use sit in its quoted words (article
    offsets), for the evidence cards to highlight."""
    out: dict[str, list[Span]] = {}
    if not d.shared:
        return out
    for r in rows.dropna(subset=["start", "end"]).itertuples():
        words = snap.text_of(r.article_id)[int(r.start) : int(r.end)]
        # overlapping phrases ("comprehensive strategic", "strategic partnership") as one mark
        spans = merge_spans(shared_spans(words, list(d.shared), int(r.start)))
        out[r.statement_id] = [Span(s, e, kind="shared", title="both sides say") for s, e in spans]
    return out
