"""The actor opened from the network. A person (or an institution that stands only for
itself) opens as everywhere else; a country or a body that is its own group (NATO) opens with
what its people and institutions said and did, since statements and events name people."""

from __future__ import annotations

import streamlit as st

from components.evidence import show_actor
from dashboard.cards import MAX_CARDS, statement_cards
from dashboard.model import Snapshot, precision_label
from dashboard.network.edges import evidence_of, members
from dashboard.text import md_escape


def show_node(full: Snapshot, view: Snapshot, actor_id: str) -> None:
    ids = members(full.actors, actor_id)
    if ids == {actor_id} or actor_id not in full.actors_by_id.index:
        show_actor(full, view, actor_id)
        return
    actor = full.actors_by_id.loc[actor_id]
    name = md_escape(actor["name"])
    st.markdown(f"#### {name}")
    st.markdown(
        f"**{md_escape(str(actor['kind']).capitalize())}** · {actor['n_mentions']} mentions  \n"
        f"What its people and institutions said and did ({len(ids) - 1} in the knowledge base)"
    )
    said, took_part = evidence_of(view, ids)
    left, right = st.columns(2)
    with left:
        st.markdown(f"**Statements ({len(said)})** by {name}'s actors" + _latest(len(said)))
        if len(said):
            st.html(statement_cards(full, said.tail(MAX_CARDS).itertuples()))
        else:
            st.caption(f"No statement by {name}'s actors in the current view.")
    with right:
        st.markdown(f"**Events ({len(took_part)})** with {name}'s actors" + _latest(len(took_part)))
        for ev in took_part.tail(MAX_CARDS).itertuples():
            when = precision_label(ev.start, ev.end, ev.date_precision)
            who = ", ".join(ev.participant_names)
            place = f" in {md_escape(ev.place)}" if isinstance(ev.place, str) and ev.place else ""
            planned = " *(planned)*" if ev.status == "planned" else ""
            st.markdown(
                f"- {md_escape(when)}: **{md_escape(ev.type)}**: {md_escape(who)}{place}{planned}"
            )
        if took_part.empty:
            st.caption(f"No event with {name}'s actors in the current view.")


def _latest(n: int) -> str:
    return f" · the latest {MAX_CARDS} shown" if n > MAX_CARDS else ""
