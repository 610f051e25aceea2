"""A view's URL state (page + query parameters) as plain data. Pure: no Streamlit.

The app's URL is the view: the page's path and its query parameters, several values per key
(``?outlet=EWN&outlet=TASS``). Widgets bound with ``bind="query-params"`` write their values
there as strings; this module turns those strings back into typed widget values and into the
``Filters`` they stand for, so a saved view can be replayed in the app (briefings) and rebuilt
without Streamlit (the briefing pack).
"""

from __future__ import annotations

from datetime import date

from dashboard.filtering import Filters

Params = dict[str, list[str]]


def __getattr__(name: str):
    """``PAGE_FILES`` (url path -> script) and ``PAGE_TITLES`` (url path -> title) of the
    pages a view can be saved from ("" is the default page), read from the page registry on
    first use: the registry's leads import this module, so it cannot be imported up here."""
    if name not in ("PAGE_FILES", "PAGE_TITLES"):
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from dashboard.pages.registry import SAVED

    globals()["PAGE_FILES"] = {page.url_path: page.path for page in SAVED}
    globals()["PAGE_TITLES"] = {page.url_path: page.title for page in SAVED}
    return globals()[name]


# Widgets bound to the URL, by key, with the kind of value they hold.
WIDGET_KINDS = {
    "q": "str",
    "dates": "dates",
    "country": "list",
    "actor": "list",
    "outlet": "list",
    "type": "list",
    "theme": "list",
    "lanes": "str",
    "links": "list",
    "window": "dates",
    "orgs": "bool",
    "compare": "str",
    "cmp_speaker": "str",
    "cmp_split": "date",
    "cmp_speakers": "list",
    "cmp_countries": "list",
}
FILTER_KEYS = ("q", "dates", "country", "actor", "outlet", "type", "theme")
# Choices mirrored in the URL by ``layout.url_choice`` (state in ``<key>_pick``).
PICK_KEYS = ("event", "node", "link", "focus", "cell", "article")
# Presentation state: never part of a saved view.
CONTROL_KEYS = ("mode", "briefing", "slide")
# Widgets shown with a ``format_func``: Streamlit writes the option's *label* into the URL
# ("Wang Yi", "Peace talks"), while the widget's value, and a saved view, hold the id.
LABELLED_KEYS = {"actor": "actor", "cmp_speaker": "actor", "cmp_speakers": "actor"}
LABELLED_KEYS |= {"theme": "theme"}
Labels = dict[str, dict[str, str]]  # "actor" / "theme" -> id -> label


def parse_date(text: str) -> date | None:
    try:
        return date.fromisoformat(str(text)[:10])
    except ValueError:
        return None


def widget_value(key: str, values: list[str]):
    """The typed value of widget ``key`` from its URL strings."""
    kind = WIDGET_KINDS[key]
    if kind == "list":
        return list(values)
    if kind == "dates":
        return tuple(d for d in (parse_date(v) for v in values) if d)
    first = values[0] if values else ""
    if kind == "date":
        return parse_date(first)
    if kind == "bool":
        return first.lower() in ("true", "1", "yes")
    return first


def view_params(params: Params) -> Params:
    """The parameters that make up a view: everything but the presentation controls."""
    return {k: list(v) for k, v in params.items() if k not in CONTROL_KEYS and v}


def to_ids(params: Params, labels: Labels) -> Params:
    """``params`` with every label of a labelled widget replaced by its id.

    A value that is already an id stays; a label stands for an id only when exactly one id
    has it (two actors of one name stay as written: no guess). Old briefings saved labels.
    """
    out = {}
    for key, values in params.items():
        kind = LABELLED_KEYS.get(key)
        ids = labels.get(kind, {}) if kind else {}
        by_label: dict[str, list[str]] = {}
        for ident, label in ids.items():
            by_label.setdefault(label, []).append(ident)
        out[key] = [
            v if v in ids or len(by_label.get(v, ())) != 1 else by_label[v][0] for v in values
        ]
    return out


def to_url(params: Params, labels: Labels) -> Params:
    """``params`` as the app's URL spells them: labelled widgets' ids as their labels."""
    out = {}
    for key, values in params.items():
        kind = LABELLED_KEYS.get(key)
        ids = labels.get(kind, {}) if kind else {}
        out[key] = [ids.get(v, v) for v in values]
    return out


def filters_from_params(params: Params, bounds: tuple[date, date] | None = None) -> Filters:
    """The ``Filters`` a URL stands for (as ``filters.current_filters`` reads the widgets)."""
    dates = widget_value("dates", params.get("dates", []))
    start = dates[0] if len(dates) > 0 else None
    end = dates[1] if len(dates) > 1 else None
    if bounds:
        start = start if start and start > bounds[0] else None
        end = end if end and end < bounds[1] else None
    return Filters(
        start=start,
        end=end,
        actors=tuple(params.get("actor", ())),
        countries=tuple(params.get("country", ())),
        event_types=tuple(params.get("type", ())),
        themes=tuple(params.get("theme", ())),
        outlets=tuple(params.get("outlet", ())),
        text=(params.get("q") or [""])[0].strip(),
    )


def first(params: Params, key: str, default: str | None = None) -> str | None:
    values = params.get(key) or []
    return values[0] if values else default
