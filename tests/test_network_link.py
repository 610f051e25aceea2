"""What lies behind a link of the actor network (dashboard.network.links), on the fixture
snapshot: the contacts of a pair, with their ids, most recent first; none behind a link made
only of co-mentions; and how a click on a link reaches the page (the point's id)."""

from __future__ import annotations

import pytest

from components.network_link import picked_pair
from dashboard.model import prepare
from dashboard.network.edges import CONTACT_TYPES, EDGE_TYPES, edge_rows, select_edges
from dashboard.network.links import (
    behind_link,
    contact_parts,
    others_line,
    pair_choices,
    pair_key,
    parse_pair,
)
from dashboard.pages.network import network_view
from readout.snapshot.store import read_manifest, read_snapshot
from tests.fixtures_snapshot import write_fixture


@pytest.fixture(scope="module")
def snap(tmp_path_factory):
    folder = write_fixture(tmp_path_factory.mktemp("netlink") / "snapshot")
    return prepare(read_snapshot(folder), read_manifest(folder))


@pytest.fixture(scope="module")
def every_edge(snap):
    return select_edges(edge_rows(snap), snap, EDGE_TYPES)


def test_a_pair_with_two_contacts_lists_both_most_recent_first(snap, every_edge):
    behind = behind_link(every_edge, snap.events, "wang-yi", "sergei-lavrov")
    # talks on 1 April, after the visit that began on 31 March
    assert behind.contacts["event_id"].tolist() == ["e-talks", "e-visit"]
    assert behind.contacts["type"].tolist() == ["talks", "visit"]
    assert behind.contacts["n_sources"].tolist() == [2, 2]
    assert behind.others == {"co-mentioned": 3}
    again = behind_link(every_edge, snap.events, "sergei-lavrov", "wang-yi")  # either order
    assert again.contacts["event_id"].tolist() == ["e-talks", "e-visit"]


def test_a_co_mention_only_pair_has_no_contact(snap, every_edge):
    behind = behind_link(every_edge, snap.events, "qin-gang", "sergei-lavrov")
    assert behind.contacts.empty
    assert behind.others == {"co-mentioned": 1}
    said = behind_link(every_edge, snap.events, "sergei-lavrov", "china")  # a statement to
    assert said.contacts.empty and said.others == {"addressed": 1}


def test_only_the_views_contacts_are_listed(snap):
    """The link as the page shows it: its edge rows in the time window, of the chosen types."""
    april = select_edges(edge_rows(snap), snap, CONTACT_TYPES, ("2025-04-01", "2025-04-30"))
    behind = behind_link(april, snap.events, "wang-yi", "sergei-lavrov")
    assert behind.contacts["event_id"].tolist() == ["e-talks"]
    assert behind.others == {}
    no_one = behind_link(april, snap.events, "wang-yi", "jake-sullivan")
    assert no_one.empty


def test_a_contact_reads_as_type_date_place_and_sources(snap, every_edge):
    planned = behind_link(every_edge, snap.events, "wang-yi", "vladimir-putin").contacts
    assert contact_parts(next(planned.itertuples())) == [
        "Meeting",
        "1 Apr 2025",
        "Moscow",
        "1 source",
        "planned",
    ]
    call = behind_link(every_edge, snap.events, "xi-jinping", "vladimir-putin").contacts
    assert contact_parts(next(call.itertuples())) == ["Call", "February 2025", "1 source"]


def test_pairs_to_choose_are_keyed_both_ways_and_labelled_by_name(snap, every_edge):
    choices = pair_choices(every_edge, snap.names)
    key = pair_key("wang-yi", "sergei-lavrov")
    assert key == pair_key("sergei-lavrov", "wang-yi")
    assert parse_pair(key) == ("sergei-lavrov", "wang-yi")
    assert choices[key] == "Sergei Lavrov – Wang Yi (met 1×, visited 1×, co-mentioned 3×)"
    assert list(choices.values()) == sorted(choices.values(), key=str.casefold)


def test_a_links_middle_marker_carries_the_pair_as_its_id_not_as_customdata(snap):
    view = network_view(snap, snap, CONTACT_TYPES, None, True, None, None)
    figure = view.chart.figure
    ids = {i for t in figure.data if t.ids is not None for i in t.ids}
    assert (
        ids
        == set(view.pairs)
        == {
            pair_key("wang-yi", "sergei-lavrov"),
            pair_key("wang-yi", "vladimir-putin"),
            pair_key("wang-yi", "jake-sullivan"),
            pair_key("vladimir-putin", "xi-jinping"),
        }
    )
    # what a click opens as an actor stays the actors' ids alone
    clicked = {c for t in figure.data if t.customdata is not None for c in t.customdata}
    assert not clicked & ids
    assert not [t for t in figure.data if t.ids is not None and t.customdata is not None]


def test_a_click_on_a_link_is_told_from_a_click_on_an_actor():
    link = {"selection": {"points": [{"curve_number": 3, "point_index": 0, "id": "a~b"}]}}
    actor = {"selection": {"points": [{"customdata": "wang-yi", "id": "x"}]}}
    assert picked_pair(link) == "a~b"
    assert picked_pair(actor) is None
    assert picked_pair({"selection": {"points": []}}) is None
    assert picked_pair(None) is None


def test_an_empty_view_offers_no_pair(snap):
    empty = select_edges(edge_rows(snap), snap, ())
    assert pair_choices(empty, snap.names) == {}
    assert behind_link(empty, snap.events, "wang-yi", "sergei-lavrov").empty


def test_the_opened_link_is_highlighted_between_its_two_actors(snap):
    key = pair_key("wang-yi", "sergei-lavrov")
    opened = network_view(snap, snap, CONTACT_TYPES, None, True, None, None, key).chart.figure
    (band,) = [t for t in opened.data if t.name == "opened link"]
    nodes = {
        n: (x, y)
        for t in opened.data
        if t.customdata is not None
        for n, x, y in zip(t.customdata, t.x, t.y, strict=True)
    }
    ends = set(zip(band.x, band.y, strict=True))
    assert ends == {nodes["wang-yi"], nodes["sergei-lavrov"]}
    plain = network_view(snap, snap, CONTACT_TYPES, None, True, None, None).chart.figure
    assert not [t for t in plain.data if t.name == "opened link"]
    gone = pair_key("qin-gang", "sergei-lavrov")  # not drawn with contacts only: no band
    drawn = network_view(snap, snap, CONTACT_TYPES, None, True, None, None, gone).chart.figure
    assert not [t for t in drawn.data if t.name == "opened link"]


def test_what_else_links_a_pair_reads_as_words():
    assert others_line({"co-mentioned": 3, "addressed": 1}) == (
        "1 statement by one to the other and 3 sentences naming both"
    )
    assert others_line({"co-mentioned": 1}) == "1 sentence naming both"
    assert others_line({}) == ""
