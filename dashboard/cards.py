"""Evidence cards: a sentence from an article, actors highlighted, with outlet, date and link.

Card bodies are built by ``card_html`` (pure, escaped); ``components.evidence`` draws them.
"""

from __future__ import annotations

import html

import pandas as pd

from dashboard.model import Snapshot, precision_label
from dashboard.palette import UNKNOWN, country_colors
from dashboard.text import Span, fmt_date, highlight_html, known, md_escape, theme_label

CARD_STYLE = (
    "border:1px solid #d9d9d9;border-radius:8px;padding:0.7rem 0.9rem;margin:0 0 0.6rem 0;"
    "line-height:1.6;font-size:1.02rem;overflow-wrap:anywhere"
)
META_STYLE = "color:#555;font-size:0.88rem;margin-top:0.35rem"
CORRECTED_BADGE = (
    '<span title="corrected by a person" style="background:#fdf0e0;color:#8a4b00;'
    'border-radius:4px;padding:0 0.35rem;font-size:0.8rem;white-space:nowrap">✎ corrected</span>'
)


MAX_CARDS = 20  # evidence cards drawn at once: a page stays quick with any corpus


def _text(value, default: str = "not reported") -> str:
    return default if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)


def safe_url(url) -> str | None:
    return url if isinstance(url, str) and url.startswith(("http://", "https://")) else None


def actor_spans(snap: Snapshot, article_id: str, start: int, end: int) -> list[Span]:
    """Linked actor mentions inside [start, end) of an article, coloured by country."""
    m = snap.mentions_of(article_id)
    starts, ends = m["start"].to_numpy(), m["end"].to_numpy()
    inside = (starts >= start) & (ends <= end)  # columns, not rows: cards come by the hundred
    names, countries = snap.names, snap.countries
    colors = snap.colors or country_colors(snap.actors["country"])
    spans = []
    for actor_id, s, e in zip(m["actor_id"].to_numpy()[inside], starts[inside], ends[inside],
                              strict=True):  # fmt: skip
        country = countries.get(actor_id, "Unknown")
        name = names.get(actor_id, actor_id)
        label = name if name == country else f"{name} ({country})"
        spans.append(Span(int(s), int(e), colors.get(country, UNKNOWN), label))
    return spans


def card_html(
    body: str, article: pd.Series | dict | None, extra: str = "", corrected: bool = False
) -> str:
    """A bordered card: highlighted ``body`` (already escaped HTML), then outlet · date · link.

    Without an ``article`` only ``extra`` goes under the body; ``corrected`` adds a badge.
    """
    if article is None:
        parts = [html.escape(extra), CORRECTED_BADGE if corrected else ""]
        meta = " · ".join(part for part in parts if part)
        return f'<div style="{CARD_STYLE}">{body}<div style="{META_STYLE}">{meta}</div></div>'
    title = html.escape(known(article.get("title")) or "untitled")  # never "nan"
    url = safe_url(article.get("url"))
    link = (
        f'<a href="{html.escape(url)}" target="_blank" rel="noopener">{title}</a>'
        if url
        else f"<i>{title}</i>"
    )
    meta = " · ".join(
        [
            f"<b>{html.escape(known(article.get('outlet')) or 'Unknown outlet')}</b>",
            html.escape(fmt_date(article.get("published"))),
            link,
        ]
        + ([html.escape(extra)] if extra else [])
        + ([CORRECTED_BADGE] if corrected else [])
    )
    return f'<div style="{CARD_STYLE}">{body}<div style="{META_STYLE}">{meta}</div></div>'


def sentence_card(
    snap: Snapshot,
    article_id: str,
    start: int,
    end: int,
    extra_spans: list[Span] | None = None,
    extra: str = "",
    with_source: bool = True,
    corrected: bool = False,
) -> str:
    """The sentence [start, end) of an article as a card, actors (and extras) highlighted."""
    articles = snap.articles_by_id
    if article_id not in articles.index:
        return card_html(html.escape("(article not in this snapshot)"), {})
    article = articles.loc[article_id]
    text = snap.text_of(article_id)[start:end]
    spans = actor_spans(snap, article_id, start, end) + (extra_spans or [])
    body = highlight_html(text, spans, offset=start)
    return card_html(body, article if with_source else None, extra, corrected)


def statement_card(
    full: Snapshot,
    row,
    shared: list[Span] | None = None,
    note: str = "",
    with_source: bool = True,
    also: tuple = (),
) -> str:
    """A statement: its sentence in context, the quoted words in bold, actors highlighted.
    ``also``: the same speaker's other statements from that sentence, bold in the same card."""
    rows = [row, *also]
    themes = ", ".join(dict.fromkeys(theme_label(t) for r in rows for t in r.themes))
    kinds = " and ".join(dict.fromkeys(k for r in rows if (k := known(r.kind))))
    speaker = known(row.speaker) or "Unknown speaker"
    extra = " · ".join(x for x in (speaker, kinds and f"{kinds} speech", themes, note) if x)
    fixed = any(bool(getattr(r, "corrected", False)) for r in rows)
    start = row.sent_start if pd.notna(row.sent_start) else row.start
    end = row.sent_end if pd.notna(row.sent_end) else row.end
    if pd.isna(start) or pd.isna(end):
        articles = full.articles_by_id
        article = articles.loc[row.article_id] if row.article_id in articles.index else {}
        return card_html(html.escape(str(row.text)), article, extra, fixed)
    quotes = [
        Span(int(r.start), int(r.end), kind="quote", title="the statement")
        for r in rows
        if pd.notna(r.start) and pd.notna(r.end)
    ]
    return sentence_card(
        full, row.article_id, int(start), int(end), quotes + (shared or []), extra, with_source,
        fixed,
    )  # fmt: skip


def statement_cards(
    full: Snapshot, rows, shared: dict | None = None, notes: dict | None = None
) -> str:
    """Cards for statements (itertuples rows) in their order, one per sentence: a speaker's
    statements from one sentence ("X said it would play a 'constructive role' and defend
    its 'interests'") share a card with each in bold, rather than showing the sentence twice.
    ``shared`` and ``notes``: statement id -> extra highlighted spans, a note."""
    shared, notes = shared or {}, notes or {}
    cards = []
    for group in same_sentence(rows):
        spans = [span for r in group for span in shared.get(r.statement_id, [])]
        note = " · ".join(dict.fromkeys(n for r in group if (n := notes.get(r.statement_id))))
        cards.append(statement_card(full, group[0], spans, note, also=tuple(group[1:])))
    return "".join(cards)


def same_sentence(rows) -> list[list]:
    """Consecutive statements grouped when one speaker made them in one sentence."""
    groups: list[tuple[tuple, list]] = []
    for row in rows:
        key = (row.article_id, row.sent_start, row.sent_end, row.speaker)
        if groups and pd.notna(row.sent_start) and groups[-1][0] == key:
            groups[-1][1].append(row)
        else:
            groups.append((key, [row]))
    return [group for _, group in groups]


def _latest_note(n: int) -> str:
    return f" · the latest {MAX_CARDS} shown" if n > MAX_CARDS else ""


def event_line(ev, actor_id: str) -> str:
    """ "1 Apr 2025: meeting with Sergei Lavrov in Moscow (planned)", for a link's label."""
    when = precision_label(ev.start, ev.end, ev.date_precision)
    others = ", ".join(
        n for i, n in zip(ev.participants, ev.participant_names, strict=True) if i != actor_id
    )
    parts = [str(ev.type) + (f" with {others}" if others else "")]
    if _text(ev.place, ""):
        parts.append(f"in {ev.place}")
    planned = " (planned)" if ev.status == "planned" else ""
    return md_escape(f"{when}: {' '.join(parts)}{planned}")


READER_STYLE = (
    "white-space:pre-wrap;line-height:1.7;font-size:1.05rem;max-width:48rem;overflow-wrap:anywhere"
)


def article_html(full: Snapshot, article_id: str) -> str:
    """A whole article, escaped, actors highlighted and statements in bold."""
    text = full.text_of(article_id)
    spans = actor_spans(full, article_id, 0, len(text))
    said = full.statements[full.statements["article_id"] == article_id].dropna(
        subset=["start", "end"]
    )
    spans += [
        Span(int(r.start), int(r.end), kind="quote", title=f"{r.speaker}")
        for r in said.itertuples()
    ]
    return f'<div style="{READER_STYLE}">{highlight_html(text, spans)}</div>'
