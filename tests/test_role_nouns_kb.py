"""Role nouns against the real knowledge base (data/knowledge/reporting.toml, actors.toml): the
role a person holds on the article's date decides which role nouns can refer to them."""

from __future__ import annotations

import pytest
from conftest import analyse_text

TEXT = (
    "The head of the party's foreign affairs office, Wang Yi, held talks with a visiting "
    "delegation from Kazakhstan in Beijing on Monday.\n\n"
    '"Our cooperation is not directed against any third party," the Chinese diplomat said.'
)


@pytest.mark.parametrize("published", ["2023-02-20", "2025-03-28"])
def test_the_chinese_diplomat_is_the_foreign_affairs_chief_or_the_minister(nlp, published):
    """Early in 2023 Wang Yi was not foreign minister but headed the party's foreign affairs
    office: China's top diplomat either way."""
    doc = analyse_text(nlp, TEXT, published)
    [quote] = [s for s in doc._.statements if s.kind == "direct"]
    assert quote.speaker_id == "wang-yi"


@pytest.mark.parametrize(
    ("noun", "expected"),
    [("the head of state", "xi-jinping"), ("the head of government", "li-qiang")],
)
def test_head_of_state_and_of_government_are_role_nouns(nlp, noun, expected):
    text = (
        "President Xi Jinping and Premier Li Qiang received the visiting delegation in "
        "Beijing on Monday.\n\n"
        f'"We will keep working for peace," {noun} said.'
    )
    doc = analyse_text(nlp, text, "2025-03-28")
    [quote] = [s for s in doc._.statements if s.kind == "direct"]
    assert quote.speaker_id == expected
