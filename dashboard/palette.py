"""Colours: the Okabe–Ito palette (safe for the common colour-vision deficiencies).

Eight colours cannot tell thirteen countries apart, so the four countries this corpus is about
keep fixed colours, the next most frequent get the remaining ones, and the rest share a grey
"Other countries" legend entry (hover and cards still name the country).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

OKABE_ITO = {
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
    "black": "#000000",
}
UNKNOWN = "#999999"
UNKNOWN_COUNTRY = "Unknown"
# What the colour of an actor's mark means, in every legend that colours actors by country.
ACTOR_COLOUR_TITLE = "Colour: the actor's country"
OTHER = "Other countries"
OTHER_COLOR = "#BBBBBB"

# Fixed colours for the countries this corpus is about, so a chart never swaps them.
_FIXED = {
    "China": OKABE_ITO["vermillion"],
    "Russia": OKABE_ITO["blue"],
    "Ukraine": OKABE_ITO["orange"],
    "United States": OKABE_ITO["bluish_green"],
}
_REST = [OKABE_ITO["reddish_purple"], OKABE_ITO["sky_blue"], OKABE_ITO["yellow"]]


def country_colors(countries) -> dict[str, str]:
    """A colour for every country in ``countries`` (repeats count: pass one per mention, or
    a mapping of country to count).

    Fixed countries first; then the most frequent others (ties by name) take the remaining
    Okabe–Ito colours; the rest are ``OTHER_COLOR``. Same input, same colours.
    """
    if isinstance(countries, Mapping):
        counts = Counter({c: n for c, n in countries.items() if isinstance(c, str) and c})
    else:
        counts = Counter(c for c in countries if isinstance(c, str) and c)
    colors = {name: color for name, color in _FIXED.items() if name in counts}
    rest = sorted(
        (n for n in counts if n not in _FIXED and n != UNKNOWN_COUNTRY),
        key=lambda n: (-counts[n], n),
    )
    for i, name in enumerate(rest):
        colors[name] = _REST[i] if i < len(_REST) else OTHER_COLOR
    colors[UNKNOWN_COUNTRY] = UNKNOWN
    return colors


def legend_group(country: str, colors: dict[str, str]) -> str:
    """The legend entry a country is drawn under: itself, or "Other countries"."""
    if country == UNKNOWN_COUNTRY:
        return country
    color = colors.get(country)
    return OTHER if color is None or color == OTHER_COLOR else country


def group_color(group: str, colors: dict[str, str]) -> str:
    return OTHER_COLOR if group == OTHER else colors.get(group, UNKNOWN)


def tint(hex_color: str, alpha: float) -> str:
    """``#RRGGBB`` as an ``rgba()`` string with the given opacity."""
    h = hex_color.lstrip("#")
    r, g, b = (int(h[i : i + 2], 16) for i in (0, 2, 4))
    return f"rgba({r},{g},{b},{alpha})"


def legend_groups(countries, colors: dict[str, str]):
    """``legend_group`` for a pandas Series of countries."""
    return countries.fillna(UNKNOWN_COUNTRY).map(lambda c: legend_group(c, colors))


def legend_order(group: str) -> tuple[bool, str]:
    """Named countries alphabetically, then "Other countries" and "Unknown"."""
    return (group in (OTHER, UNKNOWN_COUNTRY), group)
