"""A page title's site name after a bar is not part of the headline (hand-made titles)."""

import pytest

from readout.ingest.headline import without_site_name


@pytest.mark.parametrize(
    ("title", "headline"),
    [
        (
            "Ferry talks resume in Tallinn after strike | Baltic Wire",
            "Ferry talks resume in Tallinn after strike",
        ),
        (
            "Ferry talks resume in Tallinn after strike | BNS",
            "Ferry talks resume in Tallinn after strike",
        ),
        # a lowercase tail, a long one, or a short headline: kept as written
        ("Ferry talks resume in Tallinn after strike | live", None),
        ("Ferry talks resume | Harbour News", None),
        ("Ferry talks resume in Tallinn | The Strike That Changed Every Port In The Baltic", None),
    ],
)
def test_the_site_name_goes(title, headline):
    assert without_site_name(title) == (headline or title)
