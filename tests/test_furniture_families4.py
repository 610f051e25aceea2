"""A fourth round of furniture families, on HAND-MADE lines (none taken from a corpus page):
imperative reader appeals, "liked this story?" share prompts, follow prompts that name the
site itself, bylines set off from their stamp by a dash, print-edition notes, and a site's
three-part label line. Each row: lines that must go, and lookalike sentences that must stay.
"""

from __future__ import annotations

import pytest
from test_furniture_families3 import assert_family

from readout.ingest.clean import clean_article, is_furniture
from readout.ingest.meta import infer_title
from readout.snapshot.records import RawArticle

FAMILIES = {
    "imperative appeals": (
        [
            "Subscribe to the Harbour Gazette newsletter for daily briefings.",
            "Sign up for our weekly digest.",
            "Donate today",
            "Support the Tartu Courier on Patreon!",
            "Please support us via PayPal.",
            "We report from the front line every day. Consider supporting the Narva Post.",
            "Consider making a donation to keep this site free.",
        ],
        [
            "Subscribers to the ferry scheme include three Baltic ports.",
            "Support for the strike fell sharply in March, a poll showed.",
            "The union said it would consider supporting the new timetable.",
            "Sign up for the convoy, the mayor urged volunteers on Tuesday.",
        ],
    ),
    "share prompts": (
        [
            "Liked this article? Share it with a friend.",
            "Enjoyed this story?",
            "Like this report? Pass it on!",
        ],
        ["Did the ferry operators like this proposal? Few said so in public."],
    ),
    "follow prompts naming the site": (
        [
            "Follow the Harbour Gazette's live coverage on our website and on social media.",
            "Follow us on our app and on Telegram.",
        ],
        ["The harbour master will follow the talks on Thursday before taking a decision."],
    ),
    "bylines with a dashed stamp": (
        [
            "Kari Dahl — Thursday, 4 May 2024, 09:41",
            "By Jane Roe - May 4, 2024 10:02",
            "Harbour Gazette – 04.05.2024 18:12",
        ],
        ["Ferry talks resume — with a deal in sight on May 4, 2024 at the latest."],
    ),
    "print-edition notes": (
        [
            "Published in The Harbour Gazette, May 2nd, 2024.",
            "A version of this article appeared in print on May 3, 2024, Section A, Page 6.",
            "This article first appeared in the Tartu Courier on 4 May 2024.",
        ],
        ["The timetable was published in the port's bulletin and came into force in May."],
    ),
    "site label lines": (
        ["Harbour Gazette | Analysis | Baltic Ports", "News • Europe • Shipping"],
        ["Explainer | Why are Baltic ports losing cargo?", "Ferry strike | What we know"],
    ),
}


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_family_lines_go_and_lookalike_sentences_stay(family):
    assert_family(*FAMILIES[family])


def test_a_label_line_is_never_the_headline():
    body = [
        "The ferry operators met in Tallinn on Thursday to discuss the timetable, officials said.",
        "Both companies are expected to publish their winter schedules next month.",
    ]
    page = [
        "Harbour Gazette | Analysis | Baltic Ports",
        "",
        "Ferry operators agree winter timetable",
        "",
        *body,
    ]
    assert infer_title(page, is_furniture) == "Ferry operators agree winter timetable"
    article = clean_article(RawArticle(file="t.txt", text="\n".join(page)))
    assert "Harbour Gazette | Analysis | Baltic Ports" in article.removed
