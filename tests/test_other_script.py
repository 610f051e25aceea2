"""Lines in another script than the page are the site's own menus (hand-made pages)."""

import pytest

from readout.ingest import meta_merge
from readout.ingest.clean import classify, clean_article, is_furniture
from readout.ingest.scripts import latin_page, other_script
from readout.snapshot.records import RawArticle

BODY = (
    "BEIJING, March 4 - China's top diplomat held talks with a visiting Russian delegation on "
    "Wednesday, the foreign ministry in Beijing said in a statement.\n\n"
    "The two sides discussed trade, energy and the conflict in Ukraine, the ministry added."
)


@pytest.mark.parametrize(
    ("line", "foreign"),
    [
        ("Читайте также", True),
        ("Подписаться на канал Example News", True),  # a brand name inside a Russian appeal
        ("返回顶部", True),
        ("分享到微信 WeChat", True),
        ("Wang Yi (王毅) said the two countries would keep in close contact on the crisis.", False),
        ("Moscow's envoy, Oleg Ivanov, said talks went well.", False),
        ("№ 5", False),  # too few letters to tell
        ("Zürich, Genève and Kraków hosted the earlier rounds.", False),  # Latin with accents
    ],
)
def test_other_script_lines(line, foreign):
    assert other_script(line) is foreign


def _clean(text: str):
    raw = meta_merge.complete(RawArticle(file="page.txt", text=text), {}, is_furniture)
    return clean_article(raw)


def test_menus_in_the_sites_language_leave_an_english_page():
    page = f"Поддержите независимую журналистику\n\n{BODY}\n\nЧитайте также\n\n返回顶部\n"
    clean = _clean(page)
    assert clean.title is None  # the Russian appeal at the top is not the headline
    assert clean.text == BODY
    assert clean.removed == ["Поддержите независимую журналистику", "Читайте также", "返回顶部"]


def test_a_headline_after_a_foreign_menu_is_still_found():
    page = f"Главная\n\nChina and Russia hold talks on Ukraine in Beijing\n\n{BODY}\n"
    clean = _clean(page)
    assert clean.title == "China and Russia hold talks on Ukraine in Beijing"
    assert "Главная" not in clean.text


def test_on_a_page_in_another_script_the_rule_stands_aside():
    russian = [
        "Министр иностранных дел провёл переговоры с китайским коллегой в Пекине.",
        "Стороны обсудили торговлю и энергетику.",
        "Read in English",
    ]
    assert not latin_page(russian)
    assert "other script" not in classify(russian)
