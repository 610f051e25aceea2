"""Correction forms for events (Timeline) and actors (Actor network), in popovers."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components.correct_ui import (
    ACTOR_KINDS,
    _value,
    actor_options,
    changed,
    flash,
    submit,
)
from components.data import can_edit
from dashboard.model import Snapshot
from dashboard.text import md_escape
from readout.snapshot.schema import EVENT_TYPES

DATE_HELP = "YYYY-MM-DD, or YYYY-MM for a month, YYYY for a year; empty: unknown"


def _event_row(full: Snapshot, event_id: str) -> dict | None:
    rows = full.events[full.events["event_id"] == event_id]
    return None if rows.empty else rows.iloc[0].to_dict()


def _was(event: dict) -> dict:
    from readout.corpus.corrections import event_was

    return event_was({k: event.get(k) for k in ("type", "participants", "date")})


def event_forms(full: Snapshot, event_id: str) -> None:
    """Fix an event's type, dates, place and participants, or delete it."""
    if not can_edit():
        return
    event = _event_row(full, event_id)
    if event is None:
        return
    st.caption("Correct this event:")
    fix, delete = st.columns([1, 1], gap="small", width=340)
    with fix.popover("Fix this event", icon=":material/edit:"):
        _event_fix_form(full, event)
    with (
        delete.popover("Delete it", icon=":material/delete:"),
        st.form(f"delete_event_{event_id}", border=False),
    ):
        st.markdown("Delete this event from every view (not a diplomatic contact, or a misread).")
        note = st.text_input("Why (optional)", key=f"fd_note_{event_id}")
        if st.form_submit_button("Delete the event", type="primary", key=f"fd_save_{event_id}"):
            submit("delete_event", event_id=event_id, was=_was(event), note=note)


def _event_fix_form(full: Snapshot, event: dict) -> None:
    event_id = event["event_id"]
    ids, names = actor_options(full)
    people = [p for p in list(event.get("participants") or []) if p in names]
    old = {k: _value(event.get(k)) for k in ("type", "date", "end_date", "place")}
    with st.form(f"fix_event_{event_id}", border=False):
        new = {
            "type": st.selectbox(
                "Type",
                EVENT_TYPES,
                index=EVENT_TYPES.index(old["type"]) if old["type"] in EVENT_TYPES else 0,
                key=f"fe_type_{event_id}",
            ),
            "date": st.text_input("Date", old["date"], help=DATE_HELP, key=f"fe_date_{event_id}"),
            "end_date": st.text_input(
                "Until",
                old["end_date"],
                help="last day, for a visit of several days",
                key=f"fe_end_{event_id}",
            ),
            "place": st.text_input("Place", old["place"], key=f"fe_place_{event_id}"),
        }
        chosen = st.multiselect(
            "Participants", ids, default=people, format_func=names.get, key=f"fe_who_{event_id}"
        )
        note = st.text_input("Note (optional)", key=f"fe_note_{event_id}")
        if not st.form_submit_button("Save", type="primary", key=f"fe_save_{event_id}"):
            return
        fields: dict = changed(new, old)
        if sorted(chosen) != sorted(people):
            fields["participants"] = chosen
        if not fields:
            st.info("Nothing changed.")
            return
        submit("edit_event", event_id=event_id, was=_was(event), note=note, **fields)


# --- actors --------------------------------------------------------------------------------


def actor_forms(full: Snapshot, actor_id: str) -> None:
    """Add an alias, merge another actor into this one, or split some mentions off."""
    if not can_edit() or actor_id not in full.actors_by_id.index:
        return
    flash()
    st.caption("Correct this actor:")
    alias, merge, split = st.columns(3, gap="small", width=480)
    with alias.popover("Add an alias", icon=":material/edit:"):
        _alias_form(actor_id)
    with merge.popover("Merge", icon=":material/merge:"):
        _merge_form(full, actor_id)
    with split.popover("Split", icon=":material/call_split:"):
        _split_form(full, actor_id)


def _alias_form(actor_id: str) -> None:
    with st.form(f"alias_{actor_id}", border=False):
        alias = st.text_input(
            "Also written as", key=f"fa_alias_{actor_id}", placeholder="e.g. Mr Wang"
        )
        if st.form_submit_button("Add", type="primary", key=f"fa_add_{actor_id}"):
            submit("add_alias", actor_id=actor_id, alias=alias)


def _merge_form(full: Snapshot, actor_id: str) -> None:
    ids, names = actor_options(full)
    others = [a for a in ids if a != actor_id]
    with st.form(f"merge_{actor_id}", border=False):
        st.markdown(
            f"Merge another actor into **{md_escape(names.get(actor_id, actor_id))}**: its "
            "mentions, statements and events become this actor's."
        )
        other = st.selectbox(
            "The same actor as",
            others,
            index=None,
            format_func=names.get,
            placeholder="Choose the duplicate",
            key=f"fm_other_{actor_id}",
        )
        if st.form_submit_button("Merge", type="primary", key=f"fm_save_{actor_id}"):
            if other is None:
                st.warning("Choose the actor to merge into this one.")
                return
            submit("merge_actors", actor_id=actor_id, other_id=other)


def _split_form(full: Snapshot, actor_id: str) -> None:
    mine = full.mentions[full.mentions["actor_id"] == actor_id]
    said = full.statements[full.statements["speaker_id"] == actor_id]
    counts = pd.concat([mine["text"], said["speaker_text"]]).dropna().value_counts()
    surfaces = sorted(counts.index, key=lambda s: (-counts[s], s))
    article_ids = sorted(set(mine["article_id"]) | set(said["article_id"]))
    titles = full.articles_by_id["title"]
    if not surfaces:
        st.caption("No mention of this actor to split off.")
        return
    with st.form(f"split_{actor_id}", border=False):
        st.markdown("Mentions written one way belong to someone else: move them to a new actor.")
        text = st.selectbox(
            "Written as",
            surfaces,
            index=None,
            placeholder="Choose the wrongly linked name",
            format_func=lambda s: f"{s} ({counts[s]}×)",
            key=f"fx_text_{actor_id}",
        )
        where = st.multiselect(
            "In the articles",
            article_ids,
            default=article_ids,
            format_func=lambda a: str(titles.get(a, a)),
            key=f"fx_where_{actor_id}",
        )
        name = st.text_input(
            "Name of the new actor", key=f"fx_name_{actor_id}", placeholder="default: as written"
        )
        kind = st.selectbox("Kind", ACTOR_KINDS, key=f"fx_kind_{actor_id}")
        country = st.text_input("Country (optional)", key=f"fx_country_{actor_id}")
        if st.form_submit_button("Split", type="primary", key=f"fx_save_{actor_id}"):
            if text is None:
                st.warning("Choose how the other actor is written.")
                return
            fields = {"name": name.strip(), "country": country.strip()}
            submit(
                "split_actor",
                actor_id=actor_id,
                text=text,
                article_ids=where,
                kind=kind,
                **{k: v for k, v in fields.items() if v},
            )
