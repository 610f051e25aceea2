"""The link opened from the network: the contacts behind it, each a click from its dossier.

A click on the chart opens an actor (its point's customdata) or a link (its point's id, the
pair's key, set by ``figures_network``); ``pick`` routes it into the right picker.
"""

from __future__ import annotations

import streamlit as st

from components.layout import picked_id
from dashboard.dossier.ids import dossier_query
from dashboard.model import Snapshot
from dashboard.network.links import behind_link, contact_parts, others_line, parse_pair
from dashboard.pages.registry import BY_URL
from dashboard.text import md_escape

DOSSIER = BY_URL["dossier"].path
MAX_CONTACTS = 12  # rows of links at most: past that, narrowing the time window helps more


def picked_pair(selection) -> str | None:
    """The pair key (plotly ``id``) of the first clicked link in a plotly selection, if any."""
    try:
        points = selection["selection"]["points"] or []
    except (KeyError, TypeError):
        return None
    keys = [p.get("id") for p in points if isinstance(p, dict) and not p.get("customdata")]
    return next((k for k in keys if isinstance(k, str) and k), None)


def pick(chart_key: str, node_key: str, link_key: str) -> None:
    """``on_select`` callback: a clicked actor into ``node_key``, a clicked link into
    ``link_key`` (the pickers' session state)."""
    selection = st.session_state.get(chart_key)
    node = picked_id(selection)
    if node:
        st.session_state[node_key] = node
        return
    pair = picked_pair(selection)
    if pair:
        st.session_state[link_key] = pair


def show_link(full: Snapshot, edges, key: str) -> None:
    """What links the pair ``key`` in ``edges`` (the view's edge rows): its contacts, most
    recent first, each with an "Open dossier" link, then what else links them."""
    behind = behind_link(edges, full.events, *parse_pair(key))
    names = sorted(full.names.get(a, a) for a in (behind.source, behind.target))
    st.markdown(f"#### {md_escape(names[0])} – {md_escape(names[1])}")
    contacts = behind.contacts
    if contacts.empty:
        st.info(
            "**No contact behind this link.** They are linked only by "
            f"{md_escape(others_line(behind.others) or 'nothing in the current view')}: "
            "what articles wrote, not a meeting, visit or call, so there is no dossier to "
            "open. Open either actor below to read it.",
            icon=":material/info:",
        )
        return
    n = len(contacts)
    shown = f" · the latest {MAX_CONTACTS} shown" if n > MAX_CONTACTS else ""
    st.caption(
        f"{n} contact{'s' if n != 1 else ''} (meetings, visits, calls) in the current view, "
        f"most recent first{shown}. Open one for who reported it and each side's account."
    )
    with st.container(key="network_contacts"):
        for row in contacts.head(MAX_CONTACTS).itertuples():
            left, right = st.columns([5, 2], vertical_alignment="center")
            kind, *rest = (md_escape(part) for part in contact_parts(row))
            left.markdown(" · ".join([f"**{kind}**", *rest]))
            right.page_link(  # the anchors keep the link past a rebuild that re-ids the event
                DOSSIER,
                label="Open dossier",
                icon=":material/fact_check:",
                query_params=dossier_query(full, row.event_id, "network"),
            )
    if behind.others:
        st.caption(
            f"Also linked by {md_escape(others_line(behind.others))}: not events, so no dossier."
        )
