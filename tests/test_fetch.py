"""Fetching web pages for import, against a server on 127.0.0.1 started by the test."""

from __future__ import annotations

import time

import pytest

from readout.ingest.fetch import FetchError, fetch_page, is_url
from tests.local_pages import serve


@pytest.fixture(scope="module")
def site():
    with serve() as base:
        yield base


def fetch(url: str, **kwargs):
    return fetch_page(url, allow_private=True, **{"timeout": 1.0, **kwargs})


def test_a_real_page_is_fetched_with_its_type_and_charset(site):
    page = fetch(f"{site}/article")
    assert page.content_type == "text/html"
    assert page.charset == "utf-8"
    assert b"Sergei Lavrov" in page.body
    assert page.final_url == f"{site}/article"


def test_redirects_are_followed_and_the_final_address_kept(site):
    page = fetch(f"{site}/redirect")
    assert page.final_url == f"{site}/article"
    assert b"Wang Yi" in page.body


def test_a_gzip_page_is_decompressed(site):
    assert b"Sergei Lavrov" in fetch(f"{site}/gzip").body


def test_a_slow_server_times_out(site):
    started = time.monotonic()
    with pytest.raises(FetchError, match="no answer within 0.5 seconds"):
        fetch(f"{site}/slow", timeout=0.5)
    assert time.monotonic() - started < 1.4


def test_a_trickling_download_stops_at_the_deadline(site):
    started = time.monotonic()
    with pytest.raises(FetchError, match="longer than 0.5 seconds"):
        fetch(f"{site}/trickle", timeout=0.5, max_bytes=50_000_000)
    assert time.monotonic() - started < 1.5


def test_an_oversized_page_is_refused_by_its_length(site):
    with pytest.raises(FetchError, match="over the 0.1 MB limit"):
        fetch(f"{site}/big", max_bytes=100_000)


def test_an_oversized_page_without_length_is_cut_while_streaming(site):
    with pytest.raises(FetchError, match="over the 0.1 MB limit"):
        fetch(f"{site}/big-unannounced", max_bytes=100_000)


def test_a_missing_page_names_the_status(site):
    with pytest.raises(FetchError, match="404 Not Found"):
        fetch(f"{site}/no-such-page")


def test_a_pdf_is_not_a_web_page(site):
    with pytest.raises(FetchError, match="not a web page but a PDF document"):
        fetch(f"{site}/report.pdf")


def test_an_unreachable_server_is_reported():
    with serve() as other:  # a port that was in use a moment ago, closed again
        closed = other
    with pytest.raises(FetchError, match="could not be reached"):
        fetch(f"{closed}/article")


def test_private_addresses_are_refused_unless_allowed(site):
    with pytest.raises(FetchError, match="private network"):
        fetch_page(f"{site}/article", timeout=1.0)


def test_only_web_addresses_are_fetched():
    assert is_url("https://example.org/a") and is_url(" http://example.org ")
    assert not is_url("example.org/a") and not is_url("/tmp/a.html")
    with pytest.raises(FetchError, match="not a web address"):
        fetch_page("ftp://example.org/a", allow_private=True)
