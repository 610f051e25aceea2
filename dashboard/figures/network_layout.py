"""Where the actor network's nodes and labels go. Pure: ids, links, sizes and names in.

The page and the briefing pack draw the network from one ``NetworkLayout``: a seeded spring
layout, scaled to pixels of the narrowest plot the page draws into, then spread until every
label has a free side. Coordinates are pixels of that design plot (x right, y up), so text
boxes, estimated from the font size and the characters, compare with node positions directly.
A label is placed on the first side (above, below, right, left, then the corners) where it
covers no other label and no node; where no side is free, the nodes in the way are pushed
apart and the labels placed again. The axis ranges enclose every node and label.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

import numpy as np

from dashboard.network.edges import spring_positions

PLOT_WIDTH = 600  # px: the plot area beside the legend in a 1280-px window, sidebar open
MIN_PLOT_HEIGHT = 420  # px
LABEL_SIZE = 14  # px: node labels (briefing mode draws them at 18 in a taller, wider plot)
PAD = 6  # px between the drawing and the plot's edge
GAP = 4  # px kept free around every label
ASCENT, DESCENT = 0.95, 0.32  # of the font size, above and below the baseline
MAX_ROUNDS = 120
SIDES = (
    "top center",
    "bottom center",
    "middle right",
    "middle left",
    "top right",
    "top left",
    "bottom right",
    "bottom left",
)
# Helvetica/Arial advance widths (per 1000 em) of printable ASCII, from space to "~": the
# fonts a browser falls back to; the app's Source Sans is narrower, so estimates err wide.
_WIDTHS = (
    "278 278 355 556 556 889 667 191 333 333 389 584 278 333 278 278 556 556 556 556 556 556 "
    "556 556 556 556 278 278 584 584 584 556 1015 667 667 722 722 667 611 778 722 278 500 667 "
    "556 833 722 778 667 778 722 667 611 722 667 944 667 667 611 278 278 278 469 556 333 556 "
    "556 500 556 556 278 556 556 222 222 500 222 833 556 556 556 556 333 500 278 556 500 722 "
    "500 500 500 334 260 334 584"
)
CHAR_WIDTH = {chr(32 + i): int(w) / 1000 for i, w in enumerate(_WIDTHS.split())}


def text_width(text: str, size: float) -> float:
    """Estimated width in px of ``text`` at font ``size`` (accents count as their letter,
    other scripts as a full em), with 5 % to spare."""
    total = 0.0
    for char in str(text):
        base = unicodedata.normalize("NFD", char)[:1]
        total += CHAR_WIDTH.get(base, 1.0 if ord(char) > 0x2E7F else 0.72)
    return total * size * 1.05


def text_offset(diameter: float) -> float:
    """How far plotly puts a label from its marker's centre (drawing.textPointPosition)."""
    return diameter / 2 / 0.8 + 1


def label_box(x: float, y: float, diameter: float, side: str, width: float, size: float):
    """(x0, y0, x1, y1) of a label drawn at ``side`` of a marker at (x, y), y up."""
    r = text_offset(diameter)
    vertical, horizontal = side.split()
    if horizontal == "right":
        x0 = x + r
    elif horizontal == "left":
        x0 = x - r - width
    else:
        x0 = x - width / 2
    # plotly's baseline, below the marker centre by: top -(r + f/4), middle f/4, bottom r + 3f/4
    baseline = {"top": r + size / 4, "middle": -size / 4, "bottom": -r - 3 * size / 4}[vertical]
    return x0, y + baseline - DESCENT * size, x0 + width, y + baseline + ASCENT * size


def marker_box(x: float, y: float, diameter: float):
    half = diameter / 2 + 2  # the ring of a focused or selected actor
    return x - half, y - half, x + half, y + half


def _overlap(box, others: np.ndarray) -> np.ndarray:
    """Overlap (with ``GAP`` to spare) of ``box`` with each row of ``others``: (w, h) > 0."""
    w = np.minimum(box[2], others[:, 2]) - np.maximum(box[0], others[:, 0]) + GAP
    h = np.minimum(box[3], others[:, 3]) - np.maximum(box[1], others[:, 1]) + GAP
    return np.stack([w, h], axis=1)


def _crossings(box, segments: np.ndarray) -> int:
    """How many of the segments (x0, y0, x1, y1) pass through ``box``."""
    if not len(segments):
        return 0
    x0, y0, x1, y1 = segments.T
    near = (
        (np.minimum(x0, x1) <= box[2])
        & (np.maximum(x0, x1) >= box[0])
        & (np.minimum(y0, y1) <= box[3])
        & (np.maximum(y0, y1) >= box[1])
    )
    corners = [(box[0], box[1]), (box[2], box[1]), (box[0], box[3]), (box[2], box[3])]
    sides = np.stack([(x1 - x0) * (cy - y0) - (y1 - y0) * (cx - x0) for cx, cy in corners])
    split = ~((sides > 0).all(axis=0) | (sides < 0).all(axis=0))
    return int((near & split).sum())


@dataclass(frozen=True)
class NetworkLayout:
    positions: dict[str, tuple[float, float]]  # px of the design plot, y up
    sides: dict[str, str]  # each label's plotly textposition
    sizes: dict[str, float]  # marker diameters, px
    x_range: tuple[float, float]
    y_range: tuple[float, float]  # spans ``plot_height``: one unit is one pixel
    plot_height: float
    font_size: float = LABEL_SIZE


class _Placer:
    """Greedy label placement over nodes in arrays, biggest node first."""

    def __init__(self, ids, xy, sizes, widths, font, links=()):
        self.ids, self.xy, self.d, self.w, self.font = ids, xy, sizes, widths, font
        self.order = sorted(range(len(ids)), key=lambda i: (-sizes[i], ids[i]))
        index = {n: i for i, n in enumerate(ids)}
        self.links = np.array(
            [(index[a], index[b]) for a, b, *_ in links if a in index and b in index],
            dtype=int,
        ).reshape(-1, 2)

    def markers(self) -> np.ndarray:
        return np.array([marker_box(x, y, d) for (x, y), d in zip(self.xy, self.d, strict=True)])

    def place(self) -> tuple[list[int], list[tuple[int, int, float, float]]]:
        """Each node's side (index into SIDES) and the conflicts left: (node, other, w, h)."""
        n = len(self.ids)
        markers, placed = self.markers(), np.zeros((0, 4))
        segments = np.hstack([self.xy[self.links[:, 0]], self.xy[self.links[:, 1]]])
        owner: list[int] = []
        sides, conflicts = [0] * n, []
        for i in self.order:
            (x, y), best = self.xy[i], None
            others = np.delete(markers, i, axis=0)
            other_ids = [j for j in range(n) if j != i]
            for s, side in enumerate(SIDES):
                box = label_box(x, y, self.d[i], side, self.w[i], self.font)
                if box[0] < PAD or box[2] > PLOT_WIDTH - PAD:
                    continue
                hits = np.concatenate([_overlap(box, placed), _overlap(box, others)])
                hit = (hits > 0).all(axis=1)
                cost = float((hits[hit, 0] * hits[hit, 1]).sum())
                crossed = _crossings(box, segments)  # second: the links a label hides
                if best is None or (cost, crossed) < (best[0], best[5]):
                    best = (cost, s, box, hits, hit, crossed)
                if cost == 0 and crossed == 0:
                    break
            if best is None:  # no side inside the plot (``clamp`` prevents it): the grid
                box = label_box(x, y, self.d[i], SIDES[0], self.w[i], self.font)
                best = (1.0, 0, box, np.zeros((1, 2)), np.ones(1, dtype=bool), 0)
            cost, s, box, hits, hit, _ = best
            sides[i] = s
            if cost > 0:
                who = owner + other_ids if best[3].shape[0] == len(owner) + n - 1 else [i]
                conflicts += [(i, who[k], *hits[k]) for k in np.flatnonzero(hit)]
            placed = np.vstack([placed, box])
            owner.append(i)
        conflicts += self._marker_conflicts(markers)
        return sides, conflicts

    def _marker_conflicts(self, markers: np.ndarray) -> list:
        out = []
        for i in range(len(self.ids)):
            hits = _overlap(markers[i], markers[i + 1 :])
            out += [(i, i + 1 + k, *hits[k]) for k in np.flatnonzero((hits > 0).all(axis=1))]
        return out

    def push(self, conflicts, vertical_only: bool) -> None:
        """Move each conflicting pair apart along the axis that needs the shorter move."""
        move = np.zeros_like(self.xy)
        for i, j, w, h in conflicts:
            axis = 1 if vertical_only or h <= w else 0
            amount = (h if axis else w) / 2 + 0.5
            ahead = self.xy[i, axis] > self.xy[j, axis] or (
                self.xy[i, axis] == self.xy[j, axis] and i < j
            )
            sign = 1.0 if ahead else -1.0
            move[i, axis] += sign * amount
            move[j, axis] -= sign * amount
        self.xy += move
        self.clamp()

    def clamp(self) -> None:
        """Keep every node where its marker and one side of its label fit across the plot."""
        for i in range(len(self.ids)):
            self.xy[i, 0] = np.clip(self.xy[i, 0], *self._x_room(i))

    def _x_room(self, i) -> tuple[float, float]:
        half, r, w = self.d[i] / 2, text_offset(self.d[i]), self.w[i]
        if 2 * (r + w) <= PLOT_WIDTH - 2 * PAD:  # the right or the left side always fits
            return PAD + half, PLOT_WIDTH - PAD - half
        low, high = PAD + max(half, w / 2), PLOT_WIDTH - PAD - max(half, w / 2)  # centred
        return (low, high) if low <= high else (PLOT_WIDTH / 2, PLOT_WIDTH / 2)


def _seed(ids, edges, sizes, widths, font) -> np.ndarray:
    """Spring positions stretched over the design plot, tall enough for the labels."""
    seed = spring_positions(tuple(ids), tuple(edges))
    xy = np.array([seed[n] for n in ids], dtype=float)
    area = float(((widths + 2 * GAP) * ((ASCENT + DESCENT) * font + sizes + 2 * GAP)).sum())
    height = min(max(1.5 * area / PLOT_WIDTH, MIN_PLOT_HEIGHT - 2 * PAD), 4000.0)
    margin = float(sizes.max()) / 2 + PAD + 2
    out = np.empty_like(xy)
    for axis, (lo, hi) in enumerate([(margin, PLOT_WIDTH - margin), (0.0, height)]):
        low, span = xy[:, axis].min(), np.ptp(xy[:, axis])
        if span == 0:
            out[:, axis] = (lo + hi) / 2
            continue
        # Half position, half rank: a hub's crowded neighbours spread out, in the same order.
        rank = np.argsort(np.argsort(xy[:, axis], kind="stable"), kind="stable")
        share = 0.5 * (xy[:, axis] - low) / span + 0.5 * rank / max(len(rank) - 1, 1)
        out[:, axis] = lo + share * (hi - lo)
    return out


def _grid(placer: _Placer) -> None:
    """The last resort, never needed in practice: nodes on a grid of label-sized cells."""
    cell_w = float(max(placer.w.max(), placer.d.max()) + 2 * GAP + 4)
    cell_h = float(placer.d.max() * 1.3 + (ASCENT + DESCENT) * placer.font + 2 * GAP + 4)
    columns = max(1, int((PLOT_WIDTH - 2 * PAD) // cell_w))
    order = sorted(range(len(placer.ids)), key=lambda i: (-placer.xy[i, 1], placer.xy[i, 0]))
    for k, i in enumerate(order):
        placer.xy[i] = (PAD + (k % columns + 0.5) * cell_w, -(k // columns) * cell_h)


def network_layout(
    nodes, edges, sizes: dict[str, float], labels: dict[str, str], font: float = LABEL_SIZE
) -> NetworkLayout:
    """Positions, label sides and axis ranges for ``nodes`` linked by ``edges`` ((a, b, w)).

    Deterministic: the same nodes, links, sizes and names always give the same picture."""
    ids = sorted(nodes)
    if not ids:
        return framed({}, {}, {}, labels, font)
    d = np.array([float(sizes[n]) for n in ids])
    w = np.array([text_width(labels.get(n, n), font) for n in ids])
    placer = _Placer(ids, _seed(ids, edges, d, w, font), d, w, font, edges)
    placer.clamp()
    for round_ in range(MAX_ROUNDS + 1):
        sides, conflicts = placer.place()
        if not conflicts:
            break
        if round_ == MAX_ROUNDS:
            _grid(placer)
            sides, _ = placer.place()
            break
        placer.push(conflicts, vertical_only=round_ > MAX_ROUNDS // 2)
    positions = {n: (float(x), float(y)) for n, (x, y) in zip(ids, placer.xy, strict=True)}
    return framed(
        positions,
        {n: SIDES[s] for n, s in zip(ids, sides, strict=True)},
        dict(zip(ids, d.tolist(), strict=True)),
        labels,
        font,
    )


def framed(positions, sides, sizes, labels, font: float = LABEL_SIZE) -> NetworkLayout:
    """A layout of these placed nodes, its ranges enclosing every marker and label."""
    if not positions:
        return NetworkLayout({}, {}, {}, (0, PLOT_WIDTH), (0, MIN_PLOT_HEIGHT), MIN_PLOT_HEIGHT)
    boxes = [
        label_box(x, y, sizes[n], sides[n], text_width(labels.get(n, n), font), font)
        for n, (x, y) in positions.items()
    ] + [marker_box(x, y, sizes[n]) for n, (x, y) in positions.items()]
    x0, y0 = min(b[0] for b in boxes) - PAD, min(b[1] for b in boxes) - PAD
    x1, y1 = max(b[2] for b in boxes) + PAD, max(b[3] for b in boxes) + PAD
    height = max(y1 - y0, MIN_PLOT_HEIGHT)
    middle = (y0 + y1) / 2
    return NetworkLayout(
        positions,
        sides,
        sizes,
        (x0, x1),
        (middle - height / 2, middle + height / 2),
        height,
        font,
    )


def part_of(layout: NetworkLayout, nodes, labels: dict[str, str]) -> NetworkLayout:
    """The layout of some of its nodes, each where it was, its label on the same side
    (a part of a picture with no overlaps has none)."""
    keep = [n for n in layout.positions if n in set(nodes)]
    return framed(
        {n: layout.positions[n] for n in keep},
        {n: layout.sides[n] for n in keep},
        {n: layout.sizes[n] for n in keep},
        labels,
        layout.font_size,
    )
