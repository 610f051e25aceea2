"""One correction of each kind made through the views' forms (AppTest), on a temporary corpus:
each is written to the corrections file, the snapshot is rebuilt, and the view marks it."""

from __future__ import annotations

import json

from streamlit.testing.v1 import AppTest

from readout import ROOT
from readout.snapshot.store import read_snapshot

APP = str(ROOT / "app.py")
BADGE = "corrected"


def open_view(page: str, **params) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    at.switch_page(f"views/{page}.py").run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def saved(at: AppTest, key: str) -> AppTest:
    at.button(key=key).click().run()
    assert not at.exception, [e.message for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    assert "Correction saved" in at.success[0].value
    return at


def tables(paths) -> dict:
    return read_snapshot(paths["snapshot"])


def logged(paths) -> list[dict]:
    return [json.loads(line) for line in paths["corrections"].read_text("utf-8").splitlines()]


def shown(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [h.proto.body for h in at.get("html")]
    return "\n".join(parts)


def test_edit_an_articles_details(corpus):
    article = tables(corpus)["articles"].iloc[0]
    aid = article["article_id"]
    at = open_view("articles", article=aid)
    at.text_input(key=f"fa_outlet_{aid}").set_value("Corrected Outlet")
    at.text_input(key=f"fa_published_{aid}").set_value("2025-03-29")
    saved(at, f"fa_save_{aid}")
    row = tables(corpus)["articles"].set_index("article_id").loc[aid]
    assert row["outlet"] == "Corrected Outlet" and row["published"] == "2025-03-29"
    assert row["corrected"]
    entry = logged(corpus)[-1]
    assert entry["action"] == "edit_article" and "title" not in entry  # only what changed
    assert "Corrected Outlet" in shown(at) and BADGE in shown(at)


def test_an_unchanged_form_writes_nothing(corpus):
    aid = tables(corpus)["articles"].iloc[0]["article_id"]
    at = open_view("articles", article=aid)
    at.button(key=f"fa_save_{aid}").click().run()
    assert "Nothing changed" in at.info[-1].value
    assert not corpus["corrections"].exists()


def test_a_bad_date_is_refused_with_the_reason(corpus):
    aid = tables(corpus)["articles"].iloc[0]["article_id"]
    at = open_view("articles", article=aid)
    at.text_input(key=f"fa_published_{aid}").set_value("next Tuesday")
    at.button(key=f"fa_save_{aid}").click().run()
    assert "Not saved" in at.error[0].value and "next Tuesday" in at.error[0].value
    assert not corpus["corrections"].exists()


def test_reassign_a_speaker(corpus):
    statements = tables(corpus)["statements"]
    row = statements[statements["speaker_id"] != "wang-yi"].iloc[0]
    at = open_view("articles", article=row["article_id"])
    at.selectbox(key=f"fs_speaker_{row['statement_id']}").set_value("wang-yi")
    saved(at, f"fs_save_{row['statement_id']}")
    now = tables(corpus)["statements"].set_index("statement_id").loc[row["statement_id"]]
    assert now["speaker_id"] == "wang-yi" and now["corrected"]
    card = next(h.proto.body for h in at.get("html") if BADGE in h.proto.body)
    assert "Wang Yi" in card
    statements_page = open_view("statements")  # Wang Yi, the most quoted, is compared
    assert BADGE in shown(statements_page)


def dated_events(paths):
    events = tables(paths)["events"]
    return events[events["date"].notna()]


def test_fix_an_event(corpus):
    event = dated_events(corpus).iloc[0]
    eid = event["event_id"]
    at = open_view("timeline", event=eid)
    at.selectbox(key=f"fe_type_{eid}").set_value("summit")
    at.text_input(key=f"fe_place_{eid}").set_value("Kazan")
    at.multiselect(key=f"fe_who_{eid}").set_value(["xi-jinping", "vladimir-putin"])
    saved(at, f"fe_save_{eid}")
    events = tables(corpus)["events"]
    fixed = events[events["place"] == "Kazan"].iloc[0]
    assert fixed["type"] == "summit" and fixed["corrected"]
    assert sorted(fixed["participants"]) == ["vladimir-putin", "xi-jinping"]
    assert logged(corpus)[-1]["was"]["type"] == event["type"]


def test_delete_an_event(corpus):
    before = dated_events(corpus)
    eid = before.iloc[1]["event_id"]
    at = open_view("timeline", event=eid)
    at.button(key=f"fd_save_{eid}").click().run()
    assert not at.exception and "Correction saved" in at.success[0].value
    assert eid not in set(tables(corpus)["events"]["event_id"])


def open_actor(actor_id: str) -> AppTest:
    at = open_view("network", node=actor_id)
    assert f"fa_alias_{actor_id}" in [t.key for t in at.text_input]
    return at


def test_add_an_alias(corpus):
    at = open_actor("wang-yi")
    at.text_input(key="fa_alias_wang-yi").set_value("FM Wang")
    saved(at, "fa_add_wang-yi")
    actor = tables(corpus)["actors"].set_index("actor_id").loc["wang-yi"]
    assert "FM Wang" in list(actor["aliases"]) and actor["corrected"]
    assert "FM Wang" in shown(at) and BADGE in shown(at)


def test_merge_two_actors(corpus):
    at = open_actor("wang-yi")
    at.selectbox(key="fm_other_wang-yi").set_value("qin-gang")
    saved(at, "fm_save_wang-yi")
    actors = tables(corpus)["actors"].set_index("actor_id")
    assert "qin-gang" not in actors.index
    assert "Qin Gang" in list(actors.loc["wang-yi", "aliases"])


def test_split_an_actor(corpus):
    at = open_actor("wang-yi")
    at.selectbox(key="fx_text_wang-yi").set_value("Mr Wang")
    at.text_input(key="fx_name_wang-yi").set_value("Wang Wenbin")
    saved(at, "fx_save_wang-yi")
    t = tables(corpus)
    moved = t["mentions"][t["mentions"]["text"] == "Mr Wang"]
    assert set(moved["actor_id"]) == {"wang-wenbin"}
    assert "Wang Wenbin" in set(t["actors"]["name"])
