"""Import: add article files and web pages to the corpus, and list the corrections made."""

from __future__ import annotations

import hashlib

import streamlit as st

from components import corpus
from components.data import can_edit, corrections_file, load_snapshot, raw_dir
from components.layout import empty_state
from dashboard.importing import (
    ARTICLE_FIELDS,
    EXTENSIONS,
    FIELD_HELP,
    FIELD_LABELS,
    column_map,
    detect_columns,
    infer_fields,
    is_collection,
    mapping_problems,
    missing_fields,
    outcome,
    parse_urls,
    pasted_name,
    size_problem,
    suggest_mapping,
    typed_metadata,
    unused_columns,
)
from dashboard.pages.registry import BY_URL
from dashboard.text import md_escape
from readout.corpus.add_stage import MAX_UPLOAD, TARGETS, UploadedBytes

LIMIT_MB = MAX_UPLOAD // 1_000_000
NONE = "(none)"

st.title("Import")
st.caption(
    "Add articles: text copied from a web page (a .txt file, or pasted below), saved pages "
    "(.html), or collections with one article per row (.csv, .jsonl). Duplicates of articles "
    "already here are reported and left out; nothing already in the corpus changes."
)
PLACEHOLDERS = {
    "title": "The headline",
    "outlet": "e.g. The Moscow Times (a wire story: the agency)",
    "published": "YYYY-MM-DD",
    "url": "https://…",
}


def column_step(files: list) -> dict[str, str] | None:
    """Columns of the uploaded collections, mapped to fields; None while the map is unusable."""
    st.markdown("##### Columns of the collections")
    found: dict[str, list[str]] = {f.name: detect_columns(f.name, f.getvalue()) for f in files}
    for name, columns in found.items():
        listed = ", ".join(f"`{md_escape(c)}`" for c in columns) or "none readable"
        st.markdown(f"**{md_escape(name)}**: {listed}")
    columns = list(dict.fromkeys(c for cs in found.values() for c in cs))
    guess = suggest_mapping(columns)
    mapping: dict[str, str | None] = {}
    for box, target in zip(st.columns(3) * 2, TARGETS, strict=True):
        options = [NONE, *columns]
        picked = box.selectbox(
            f"{target} · {FIELD_HELP[target]}",
            options,
            index=options.index(guess[target]) if guess[target] else 0,
            key=f"map_{target}",
        )
        mapping[target] = None if picked == NONE else picked
    unused = unused_columns(columns, mapping)
    if unused:
        st.caption("Not imported (no field reads them): " + ", ".join(map(md_escape, unused)))
    problems = mapping_problems(mapping)
    for problem in problems:
        st.warning(problem, icon=":material/table_rows:")
    return None if problems else column_map(mapping)


def run(items: list[UploadedBytes], refused: list, urls: list[str], mapping: dict) -> None:
    inputs = [*items, *urls]
    bar = st.progress(0.0, text="Starting the import")

    def progress(done: int, total: int, message: str) -> None:
        bar.progress(min(done / max(total, 1), 1.0), text=message[:120])

    try:
        report = corpus.run_import(inputs, mapping, progress)
    except Exception as exc:  # a bad map or a failed build: the corpus is as it was
        st.error(f"**The import failed; nothing was changed.** {type(exc).__name__}: {exc}")
        return
    st.session_state["import_outcome"] = outcome(report, refused)
    st.session_state["import_round"] = st.session_state.get("import_round", 0) + 1
    st.rerun()  # the sidebar and every view now read the new snapshot


def show_outcome() -> None:
    result = st.session_state.get("import_outcome")
    if result is None:
        return
    with st.container(border=True):
        st.markdown("##### Last import")
        articles = load_snapshot().articles
        new = articles[articles["file"].isin(result.added)]
        if result.added:
            st.success(f"**Added {len(result.added)} article(s).**", icon=":material/check:")
            for row in new.itertuples():
                st.page_link(
                    BY_URL["articles"].path,
                    label=md_escape(f"{row.title or row.file} · {row.outlet or 'unknown outlet'}"),
                    query_params={"article": row.article_id},
                    icon=BY_URL["articles"].icon,
                )
        elif not result.skipped and not result.duplicates:
            st.info("Nothing to import.")
        for name, reason in result.duplicates:
            st.info(f"**{md_escape(name)}**: {md_escape(reason)}", icon=":material/content_copy:")
        for name, reason in result.skipped:
            st.error(
                f"**{md_escape(name)}** was not imported: {md_escape(reason)}",
                icon=":material/block:",
            )
        if not result.built:
            st.caption("Nothing new was added: the corpus and the snapshot are unchanged.")


def inferred(item: UploadedBytes) -> dict | None:
    """What the import will read from one article, read once per upload (a session cache)."""
    cache = st.session_state.setdefault("import_inferred", {})
    key = (item.name, hashlib.sha1(item.data).hexdigest())
    if key not in cache:
        cache[key] = infer_fields(item.name, item.data)
    return cache[key]


def article_step(items: list[UploadedBytes], round_: int) -> bool:
    """The metadata of each single article, as read and editable; sets each ``item.meta``
    to what was typed. False while a typed value is refused."""
    st.markdown("##### Each article's details")
    st.caption(
        "As read from the text. Check them and type in what is missing or wrong (a date or "
        "address left blank is allowed): they are kept with the article."
    )
    usable = True
    for item in items:
        found = inferred(item)
        if found is None:  # unreadable: the import reports why
            continue
        with st.container(border=True):
            digest = hashlib.sha1(item.data).hexdigest()[:12]  # a file's fields stay its own
            typed = article_fields(item.name, found, f"meta_{round_}_{digest}")
            item.meta, problems = typed_metadata(typed, found)
            for problem in problems:
                st.error(md_escape(problem), icon=":material/error:")
        usable = usable and not problems
    return usable


def article_fields(name: str, found: dict, key: str) -> dict[str, str]:
    """The four fields of one article, filled with what was read; returns what they hold."""
    missing = missing_fields(found)
    agency = f" · wire story: {md_escape(found['agency'])}" if found.get("agency") else ""
    st.markdown(f"**{md_escape(name)}**{agency}")
    if missing:
        names = ", ".join(FIELD_LABELS[f].lower() for f in missing)
        st.caption(f":orange[:material/warning: Not found in the text: {names}.]")
    typed = {}
    for box, field in zip(st.columns(2) * 2, ARTICLE_FIELDS, strict=True):
        flag = " :orange[· not found]" if field in missing else ""
        typed[field] = box.text_input(
            FIELD_LABELS[field] + flag,
            value=found.get(field) or "",
            key=f"{key}_{field}",
            placeholder=PLACEHOLDERS[field],
        )
    return typed


def import_form() -> None:
    round_ = st.session_state.get("import_round", 0)
    uploads = (
        st.file_uploader(
            f"Article files (.txt, .html, .csv, .jsonl; at most {LIMIT_MB} MB each)",
            type=list(EXTENSIONS),
            accept_multiple_files=True,
            key=f"uploads_{round_}",
            max_upload_size=LIMIT_MB,
            help=f"New articles are added to {raw_dir()} and the snapshot is rebuilt.",
        )
        or []
    )
    paste_box, url_box = st.columns(2)
    pasted = paste_box.text_area(
        "Or paste an article",
        key=f"paste_{round_}",
        placeholder="Its headline on the first line, then its text",
        height=100,
    ).strip()
    typed = url_box.text_area(
        "Web addresses, one per line",
        key=f"urls_{round_}",
        placeholder="https://www.example.com/2025/04/01/lavrov-wang-talks",
        height=100,
    )
    urls, not_urls = parse_urls(typed)
    for line in not_urls:
        st.warning(f"Not a web address (start it with https://): {md_escape(line)}")
    refused = [(f.name, why) for f in uploads if (why := size_problem(f.size))]
    for name, why in refused:
        st.error(f"**{md_escape(name)}** will not be imported: {why}.")
    kept = [f for f in uploads if not size_problem(f.size)]
    items = [UploadedBytes(f.name, f.getvalue()) for f in kept]
    if pasted:
        items.append(UploadedBytes(pasted_name(pasted), pasted.encode("utf-8")))
    singles = [i for i in items if not is_collection(i.name)]
    usable = article_step(singles, round_) if singles else True
    collections = [f for f in kept if is_collection(f.name)]
    mapping = column_step(collections) if collections else {}
    count = len(uploads) + len(urls) + bool(pasted)
    clicked = st.button(
        f"Import {count} item(s)" if count else "Import",
        type="primary",
        disabled=not count or mapping is None or not usable,
        icon=":material/upload:",
    )
    if not usable:
        st.caption(":red[Correct the date or web address marked above to import.]")
    if clicked and mapping is not None and usable:
        run(items, refused, urls, mapping)


def corrections_section() -> None:
    from readout.corpus.corrections import describe, load_corrections

    st.subheader("Corrections", anchor=False)
    entries = load_corrections(corrections_file())
    st.caption(
        "Every correction made in the views, oldest first. They are kept in "
        f"`{corrections_file().name}` and applied after every build."
    )
    if not entries:
        st.caption(
            "No corrections yet. Correct an article or a speaker in the Articles reader, an "
            "event under its evidence on the Timeline, an actor under its panel in the Actor "
            "network."
        )
        return
    rows = [
        {
            "Line": e["_line"],
            "When": str(e.get("at", ""))[:16].replace("T", " "),
            "Correction": e.get("action", "invalid"),
            "Details": describe(e).split(e.get("action", "\0"), 1)[-1].strip(),
        }
        for e in entries
    ]
    st.dataframe(rows, hide_index=True, width="stretch")
    skipped = load_snapshot().manifest.get("corrections_skipped") or []
    for item in skipped:
        st.warning(f"Line {item.get('line')} is not applied: {md_escape(item.get('reason'))}")
    st.download_button(
        "Export the corrections (JSON Lines)",
        corpus.corrections_bytes(),
        file_name="readout-corrections.jsonl",
        mime="application/jsonl",
        icon=":material/download:",
    )


if not can_edit():
    empty_state(
        "This snapshot is read-only here.",
        "The app was started on a snapshot without its articles folder. Set READOUT_RAW "
        "to that folder (with READOUT_SNAPSHOT) to import articles and make corrections.",
    )
else:
    show_outcome()
    import_form()
corrections_section()
