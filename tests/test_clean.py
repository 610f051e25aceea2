"""Page-furniture removal: the gold sample articles, then one hand-built text per kind."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from readout import RAW_DIR
from readout.ingest.clean import clean_article, explain, line_reason
from readout.ingest.sources import read_sources
from readout.snapshot.records import RawArticle

GOLD = Path(__file__).resolve().parent / "data" / "gold.json"

BODY = [
    "Chinese envoy Li Hui arrived in Kyiv on Monday for a two-day visit, officials said.",
    "He is expected to meet Ukraine's foreign minister and discuss a possible ceasefire.",
    "Analysts said the trip was the most senior Chinese contact with Kyiv in a year.",
]


def clean(text: str, title: str | None = None):
    return clean_article(RawArticle(file="t.txt", text=text, title=title))


def paragraphs(text: str) -> list[str]:
    return text.split("\n\n")


def assert_body_kept(cleaned) -> None:
    for sentence in BODY:
        assert sentence in paragraphs(cleaned.text), sentence


# --- the five sample articles against gold ------------------------------------------------


def _gold_articles():
    if not GOLD.exists() or not RAW_DIR.exists():
        pytest.skip("gold.json or the sample articles are missing")
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    articles, _ = read_sources(RAW_DIR)
    by_file = {a.file: a for a in articles}
    files = [f for f in gold if not f.startswith("_") and f in by_file]
    if not files:
        pytest.skip("the gold articles are not in data/raw")
    return gold, [by_file[f] for f in files]


def test_gold_furniture_removed_and_body_kept():
    gold, articles = _gold_articles()
    left, lost = [], []
    for article in articles:
        cleaned = clean_article(article)
        paras = paragraphs(cleaned.text)
        expected = gold[article.file]
        left += [(article.file, b) for b in expected["boilerplate"] if b.strip() in cleaned.text]
        lost += [(article.file, k) for k in expected["keep"] if k not in cleaned.text]
        assert paras.count(expected["title"]) == 1, "the headline opens the text, once"
        assert paras[0] == expected["title"]
    assert not left, f"furniture left in the text: {left}"
    assert not lost, f"body sentences lost: {lost}"


def test_gold_every_body_sentence_survives():
    """Every long sentence-like line of the raw text is either kept or gold furniture."""
    gold, articles = _gold_articles()
    for article in articles:
        cleaned = clean_article(article)
        furniture = {b.strip() for b in gold[article.file]["boilerplate"]}
        for line in article.text.splitlines():
            text = line.replace("\xa0", " ").strip().lstrip("•").strip()
            if len(text.split()) < 12 or text in furniture or not text.endswith((".", '"', "”")):
                continue
            if text.endswith(("EPA-EFE", "TASS")):
                continue  # photo captions: not body text
            normalised = " ".join(text.split())
            assert normalised in cleaned.text, (article.file, normalised)


# --- one kind of furniture at a time --------------------------------------------------------

FURNITURE = {
    "navigation": ["Skip to main content", "Top", "Bottom", "Menu", "Back to top"],
    "symbols": ["×", "•", "|", "***"],
    "ads": ["Advertisement", "ADVERTISEMENT", "Sponsored", "Story continues below advertisement"],
    "sharing": ["Share this article", "Shareable URL", "Copy link", "Why you can trust The Post"],
    "appeals": [
        "Donate today",
        "Become a supporter",
        "Sign up for our newsletter",
        "You've Raised:£ 12,345",
        "We need: $ 4,000",
        "9 Days remaining",
        "Support independent journalism",
        "We are funded by readers like you, so please consider buying shares in our paper.",
        "Got a tip? Our editors are ready to help. Contact us by phone, email or live chat.",
    ],
    "phone": ["+44 20 7946 0958", "Tel: (555) 010-9999"],
    "reading time": ["Reading Time:4 minutes", "3 min read", "Estimated reading time: 7 min"],
    "counts": ["71", "1,204", "35 comments"],
    "related": [
        "Related article: Minister Visits Neighbour for Border Talks",
        "Read more: The Fight Over Grain Corridors",
        "Also read: Five things to know about the summit",
    ],
    "credit": ["Picture: Ana Lopez from Pixabay", "Photo: Reuters", "Image credit: Getty"],
    "bylines and dates": [
        "By AFP",
        "By Anna Smith, Reuters",
        "March 28, 2025",
        "Published: 28 March 2025, 10:04 GMT",
        "Updated 2024-11-02T08:30",
        "June 3, 2023 9:41 AM GMT+9 Updated 2 days ago",
        "Updated 11:02 PM GMT-5, October 9, 2024",
        "Updated on: Sep 12, 2024 08:15 AM JST",
        "Karl Brenner in Berlin and Lena Moss in Kyiv",
        "Paula Grant, Ivo Kerr in Warsaw",
    ],
    "agency boilerplate": [
        "The Daily Ledger is an independent news organization founded in 1921 and dedicated to "
        "accurate reporting for readers across the region.",
        "Morning Post with AFP",
        "Staff and agencies",
    ],
    "reader appeals and teasers": [
        "We have reported from the front line since the first day. Help us keep going.",
        "Catch all the Latest World News and Updates on Our Site.",
        "Get Latest updates on the summit here.",
        "Editor's note: This story has been updated with the ministry's response.",
        "Gaza war at a glance: what we know on day 100",
    ],
    "share buttons": ["Bluesky", "Flipboard", "Pinterest", "Threads", "Copy"],
    "captions": [
        "The minister at the airport on Monday. EPA / TASS",
        "Officials shake hands in the capital. Photo: EPA-EFE",
        "A delegation arrives for talks (Photo: Xinhua)",
    ],
    "source url": ["Original url:", "https://example.com/2025/01/02/story"],
    "copyright": ["© 2025 Example Media", "All rights reserved."],
    "notices": [
        "This article is more than 2 years old",
        "(Reporting by Jane Doe; Editing by John Roe)",
        "Item 1 of 3",
    ],
}


@pytest.mark.parametrize("kind", sorted(FURNITURE))
def test_furniture_between_body_lines_is_removed(kind):
    lines = FURNITURE[kind]
    text = "\n\n".join([BODY[0], *lines, BODY[1], BODY[2]])
    cleaned = clean(text)
    assert_body_kept(cleaned)
    for line in lines:
        assert line not in cleaned.text, (kind, line)
        assert line in cleaned.removed


def test_furniture_lines_are_recognised_alone():
    for kind, lines in FURNITURE.items():
        for line in lines:
            assert line_reason(line) is not None, (kind, line)


@pytest.mark.parametrize(
    "sentence",
    [
        "The two sides agreed to share intelligence on border security, the ministry said.",
        "The advertisement campaign in Moscow praised the friendship between the two countries.",
        '"We will support our partners and we ask you to join us," Wang told reporters.',
        "Sponsored by the state, the forum drew delegations from 40 countries on Monday.",
        "Officials said 71 people were detained after the protest on Saturday.",
        "By contrast, Beijing has declined to condemn the invasion, diplomats said.",
        "Beijing said it would donate humanitarian aid to Ukraine, a spokesman told reporters.",
        "Xinhua is the official state news agency of China and reports to the cabinet.",
        "The minister met officials in Beijing and agencies in Shanghai on Monday.",
        "Ukraine asked its allies to help us rebuild the grid, the minister told parliament.",
    ],
)
def test_real_sentences_with_furniture_words_survive(sentence):
    cleaned = clean("\n\n".join([BODY[0], sentence, BODY[1], BODY[2]]))
    assert sentence in paragraphs(cleaned.text)
    assert_body_kept(cleaned)


def test_headline_goes_to_title_and_page_header_is_dropped():
    text = "\n".join(["×", "Home", "Brand Name, Everywhere.", "Envoy Heads to Kyiv", "", *BODY])
    cleaned = clean(text, title="Envoy Heads to Kyiv")
    assert cleaned.title == "Envoy Heads to Kyiv"
    assert paragraphs(cleaned.text) == ["Envoy Heads to Kyiv", *BODY]
    assert "Brand Name, Everywhere." in cleaned.removed


def test_headline_is_found_without_a_title():
    cleaned = clean("\n".join(["Advertisement", "Envoy Heads to Kyiv for Ceasefire Talks", *BODY]))
    assert paragraphs(cleaned.text) == BODY


def test_standfirst_bullets_are_kept_without_the_glyph():
    bullets = [
        "  • Envoy says Beijing is ready to help restart talks",
        "• Kyiv calls the visit useful",
    ]
    cleaned = clean(
        "\n".join(["Envoy Heads to Kyiv", "", *bullets, "", *BODY]), "Envoy Heads to Kyiv"
    )
    assert paragraphs(cleaned.text)[1:3] == [
        "Envoy says Beijing is ready to help restart talks",
        "Kyiv calls the visit useful",
    ]
    assert_body_kept(cleaned)


def test_section_subheadings_inside_the_body_are_kept():
    cleaned = clean("\n\n".join([BODY[0], "A Careful Balancing Act", BODY[1], BODY[2]]))
    assert "A Careful Balancing Act" in paragraphs(cleaned.text)


def test_video_running_time_and_its_repeated_title_are_removed():
    video = [
        "03:41",
        "Leaders meet in Beijing amid trade row",
        "Leaders meet in Beijing amid trade row",
    ]
    cleaned = clean("\n\n".join([BODY[0], *video, BODY[1], BODY[2]]))
    assert paragraphs(cleaned.text) == BODY
    assert cleaned.removed.count("Leaders meet in Beijing amid trade row") == 2


def test_read_also_and_the_related_headline_after_it_are_removed():
    text = "\n\n".join([BODY[0], "Read also", "Minister Opens Border Crossing", BODY[1], BODY[2]])
    cleaned = clean(text)
    assert_body_kept(cleaned)
    assert "Minister Opens Border Crossing" not in cleaned.text


def test_next_and_previous_post_teasers_are_removed():
    tail = [
        "Share this article",
        "Prev Post",
        "",
        "Oil Prices Rise on Supply Worries",
        "",
        "Next Post",
        "",
        "Ten Cities to Visit This Summer",
        "",
        "Read next",
    ]
    cleaned = clean("\n".join([*BODY, "", *tail]))
    assert paragraphs(cleaned.text) == BODY
    assert "Oil Prices Rise on Supply Worries" in cleaned.removed


def test_footer_labels_after_the_last_sentence_are_removed():
    footer = ["OWNED BY OUR READERS", "Fighting fund", "Keep the lights on", "Thank you"]
    cleaned = clean("\n\n".join([*BODY, *footer]))
    assert paragraphs(cleaned.text) == BODY


def test_short_label_between_furniture_is_removed():
    middle = ["Advertisement", "Our Partners", "Sponsored"]
    cleaned = clean("\n\n".join([BODY[0], *middle, BODY[1], BODY[2]]))
    assert paragraphs(cleaned.text) == BODY


def test_repeated_sentence_is_kept_once():
    cleaned = clean("\n\n".join([BODY[0], BODY[1], BODY[1], BODY[2]]))
    assert paragraphs(cleaned.text) == BODY


def test_site_tagline_before_the_headline_is_not_the_title():
    text = "\n".join(
        [
            "Exclusive analysis for market professionals",
            "World",
            "Envoy arrives in Kyiv for ceasefire talks",
            "By Jane Doe",
            *BODY,
        ]
    )
    cleaned = clean(text)
    assert paragraphs(cleaned.text) == BODY
    assert ("headline", "Envoy arrives in Kyiv for ceasefire talks") in explain(text)


def test_link_artifacts_are_cut_from_sentences():
    text = "Wang said in a statement, opens new tab on Friday that talks would go on."
    assert clean(text).text == "Wang said in a statement on Friday that talks would go on."


def test_spacing_is_normalised_but_words_untouched():
    cleaned = clean("Envoy\xa0 Li Hui arrived in Kyiv on Monday, officials said.\u200b")
    assert cleaned.text == "Envoy Li Hui arrived in Kyiv on Monday, officials said."


def test_explain_gives_a_reason_per_removed_line():
    reasons = dict((line, reason) for reason, line in explain("By AFP\n\n" + "\n".join(BODY)))
    assert reasons == {"By AFP": "byline"}


def test_empty_text_does_not_crash():
    assert clean("").text == ""
    assert clean("\n\n  \n").text == ""
