"""Correction forms, each in a popover next to what it corrects.

A saved form writes one line through ``readout.corpus.corrections.record_correction`` and rebuilds
the snapshot (``components.corpus.correct``); a form that changes nothing writes nothing.
The forms are drawn only when the app can rebuild (``components.data.can_edit``).
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components import corpus
from components.data import can_edit
from dashboard.model import Snapshot
from dashboard.text import md_escape

ACTOR_KINDS = ("person", "country", "organization", "media")
UNKNOWN = ""
FLASH = "correction_flash"


def _value(value) -> str:
    """A cell as the text shown in a form ("" for a missing value)."""
    if value is None or (not isinstance(value, list | tuple) and pd.isna(value)):
        return ""
    return str(value)


def changed(new: dict[str, str], old: dict[str, str]) -> dict[str, str | None]:
    """The fields whose text differs, stripped; an emptied field becomes None (cleared)."""
    out: dict[str, str | None] = {}
    for name, value in new.items():
        value = value.strip()
        if value != old.get(name, "").strip():
            out[name] = value or None
    return out


def submit(action: str, **fields) -> bool:
    """Record and rebuild; on success rerun with a note, else show why. False if refused."""
    from readout.corpus.correction_actions import CorrectionError

    try:
        with st.spinner("Saving the correction and rebuilding…"):
            result = corpus.correct(action, **fields)
    except CorrectionError as exc:
        st.error(f"Not saved: {md_escape(str(exc))}")
        return False
    except Exception as exc:  # a failed build: the correction is saved, the old snapshot stays
        st.error(f"Saved, but the rebuild failed: {md_escape(f'{type(exc).__name__}: {exc}')}")
        return False
    if result.not_applied:
        st.session_state[FLASH] = ("warning", "Saved, but not applied: " + result.not_applied[0])
    else:
        st.session_state[FLASH] = ("success", "Correction saved; every view now shows it.")
    st.rerun()
    return True  # unreachable: st.rerun() ends the run


def flash() -> None:
    """The outcome of the last correction, once."""
    kind, message = st.session_state.pop(FLASH, (None, None))
    if kind == "success":
        st.success(message, icon=":material/check:")
    elif kind == "warning":
        st.warning(md_escape(message))


def actor_options(full: Snapshot) -> tuple[list[str], dict[str, str]]:
    """Actor ids (mentioned ones first, then by name) and their display names."""
    actors = full.actors.sort_values(["n_mentions", "name"], ascending=[False, True])
    names = {
        a.actor_id: f"{a.name} ({a.country})"
        if _value(a.country) and a.country != a.name
        else str(a.name)
        for a in actors.itertuples()
    }
    return list(actors["actor_id"]), names


# --- articles and statements ---------------------------------------------------------------


def article_form(full: Snapshot, article_id: str) -> None:
    """Edit an article's title, outlet, publication date and URL."""
    if not can_edit():
        return
    article = full.articles_by_id.loc[article_id]
    old = {f: _value(article.get(f)) for f in ("title", "outlet", "published", "url")}
    with (
        st.popover("Edit details", icon=":material/edit:"),
        st.form(f"fix_article_{article_id}", border=False),
    ):
        new = {
            "title": st.text_input("Title", old["title"], key=f"fa_title_{article_id}"),
            "outlet": st.text_input("Outlet", old["outlet"], key=f"fa_outlet_{article_id}"),
            "published": st.text_input(
                "Published (YYYY-MM-DD)", old["published"], key=f"fa_published_{article_id}"
            ),
            "url": st.text_input("Address of the original", old["url"], key=f"fa_url_{article_id}"),
        }
        note = st.text_input("Note (optional)", key=f"fa_note_{article_id}")
        if st.form_submit_button("Save", type="primary", key=f"fa_save_{article_id}"):
            fields = changed(new, old)
            if fields:
                submit("edit_article", article_id=article_id, note=note, **fields)
            else:
                st.info("Nothing changed.")


def speaker_form(full: Snapshot, row, key: str = "") -> None:
    """Reassign a statement to another speaker (or to nobody: speaker unknown)."""
    if not can_edit() or pd.isna(row.start) or pd.isna(row.end):
        return
    ids, names = actor_options(full)
    current = row.speaker_id if _value(row.speaker_id) else UNKNOWN
    options = [UNKNOWN, *ids]
    with (
        st.popover("Change speaker", icon=":material/record_voice_over:", type="tertiary"),
        st.form(f"fix_speaker_{key}{row.statement_id}", border=False),
    ):
        speaker = st.selectbox(
            "Who said it",
            options,
            index=options.index(current) if current in options else 0,
            format_func=lambda a: names.get(a, "Unknown speaker"),
            key=f"fs_speaker_{key}{row.statement_id}",
        )
        note = st.text_input("Note (optional)", key=f"fs_note_{key}{row.statement_id}")
        if st.form_submit_button("Save", type="primary", key=f"fs_save_{key}{row.statement_id}"):
            if speaker == current:
                st.info("Nothing changed.")
                return
            submit(
                "reassign_speaker",
                article_id=row.article_id,
                start=int(row.start),
                end=int(row.end),
                speaker_id=speaker or None,
                text=str(row.text),
                statement_id=row.statement_id,
                note=note,
            )
