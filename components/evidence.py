"""The evidence panels the pages show with Streamlit: an event with every sentence that
reports it, an actor with their statements and contacts. The cards themselves are pure HTML
(``dashboard.cards``)."""

from __future__ import annotations

import streamlit as st

from dashboard.cards import (
    MAX_CARDS,
    _latest_note,
    _text,
    event_line,
    sentence_card,
    statement_cards,
)
from dashboard.dossier.ids import dossier_query
from dashboard.model import Snapshot, has_any, precision_label
from dashboard.pages.registry import BY_URL
from dashboard.text import md_escape

DOSSIER = BY_URL["dossier"]


def show_event(full: Snapshot, event_id: str) -> None:
    """An event's facts and every reporting sentence as a card."""
    events = full.events.set_index("event_id")
    if event_id not in events.index:
        st.info("This event is not in the snapshot.")
        return
    ev = events.loc[event_id]
    when = precision_label(ev["start"], ev["end"], ev["date_precision"])
    status = "planned" if ev["status"] == "planned" else "held"
    badge = " :orange-badge[:material/edit_note: corrected]" if ev.get("corrected") else ""
    st.markdown(f"#### {md_escape(str(ev['type']).capitalize())} · {md_escape(when)}{badge}")
    people = ", ".join(
        f"{md_escape(n)} ({md_escape(c)})"
        for n, c in zip(ev["participant_names"], ev["participant_countries"], strict=True)
    )
    st.markdown(
        f"**Participants:** {people or 'unknown'}  \n**Place:** {md_escape(_text(ev['place']))}"
        f"  \n**Status:** {status} · **date precision:** {md_escape(ev['date_precision'])}"
    )
    sources = full.event_sources[full.event_sources["event_id"] == event_id]
    st.caption(
        f"Reported in {len(sources)} sentence{'s' if len(sources) != 1 else ''}"
        + (f" (the first {MAX_CARDS} shown):" if len(sources) > MAX_CARDS else ":")
    )
    cards = [
        sentence_card(full, row.article_id, int(row.start), int(row.end))
        for row in sources.head(MAX_CARDS).itertuples()
    ]
    st.html("".join(cards))  # one element: an event reported a hundred times stays light


def show_actor(full: Snapshot, view: Snapshot, actor_id: str) -> None:
    """An actor: who they are, their roles, and their statements and events in the view."""
    actors = full.actors_by_id
    if actor_id not in actors.index:
        st.info("This actor is not in the snapshot.")
        return
    actor = actors.loc[actor_id]
    badge = " :orange-badge[:material/edit_note: corrected]" if actor.get("corrected") else ""
    st.markdown(f"#### {md_escape(actor['name'])}{badge}")
    aliases = ", ".join(
        md_escape(a) for a in (actor["aliases"] if actor["aliases"] is not None else [])
    )
    st.markdown(
        f"**{md_escape(str(actor['kind']).capitalize())}** · "
        f"{md_escape(actor['country'])} · {actor['n_mentions']} mentions"
        + (f"  \nAlso written: {aliases}" if aliases else "")
    )
    roles = full.roles[full.roles["actor_id"] == actor_id]
    if len(roles):
        table = roles.assign(role=roles["role"].str.replace("_", " "))
        table = table[["role", "of", "start", "end"]].fillna("")
        st.dataframe(table.rename(columns=str.capitalize), hide_index=True, width="stretch")
    said = view.statements[view.statements["speaker_id"] == actor_id].sort_values("date_dt")
    took_part = view.events[has_any(view.events["participants"], actor_id)]
    left, right = st.columns(2)
    with left:
        st.markdown(f"**Statements ({len(said)})**" + _latest_note(len(said)))
        if len(said):
            st.html(statement_cards(full, said.tail(MAX_CARDS).itertuples()))
        if said.empty:
            st.caption("No statement by this actor in the current view.")
    with right:
        st.markdown(f"**Events ({len(took_part)})**" + _latest_note(len(took_part)))
        for ev in took_part.sort_values("start").tail(MAX_CARDS).itertuples():
            st.page_link(  # each contact opens its dossier: what each side said about it
                DOSSIER.path,
                label=event_line(ev, actor_id),
                icon=DOSSIER.icon,
                query_params=dossier_query(full, ev.event_id, "network"),
            )
        if took_part.empty:
            st.caption("No event with this actor in the current view.")
