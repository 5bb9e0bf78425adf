"""Relative links between site-relative URLs (they keep the site movable)."""

import pytest

from macros.urls import list_page_url, relative, source_of, story_url


@pytest.mark.parametrize(
    "source, target, link",
    [
        ("praktijkvoorbeelden/x/", "praktijkvoorbeelden/domein/sociaal/", "../domein/sociaal/"),
        ("praktijkvoorbeelden/", "praktijkvoorbeelden/x/", "x/"),
        ("", "praktijkvoorbeelden/x/", "praktijkvoorbeelden/x/"),
        ("adviezen/", "adviezen/#advies-3", "#advies-3"),
        ("praktijkvoorbeelden/x/", "adviezen/#advies-3", "../../adviezen/#advies-3"),
        ("gemeenten/a/", "gemeenten/a/", "./"),
        ("404.html", "risicos/x/", "risicos/x/"),
        ("a/b/", "", "../../"),
        ("praktijkvoorbeelden/", "praktijkvoorbeelden/filter.json", "filter.json"),
        ("verhaal/definitie/", "grafieken/domein.svg", "../../grafieken/domein.svg"),
        ("praktijkvoorbeelden/pagina-2/", "praktijkvoorbeelden/", "../"),
    ],
)
def test_relative(source, target, link):
    assert relative(source, target) == link


def test_list_pages_and_sources():
    assert list_page_url("praktijkvoorbeelden/domein/sociaal/", 1) == "praktijkvoorbeelden/domein/sociaal/"
    assert list_page_url("praktijkvoorbeelden/domein/sociaal/", 3) == "praktijkvoorbeelden/domein/sociaal/pagina-3/"
    assert source_of("praktijkvoorbeelden/risico/privacy/pagina-2/") == "praktijkvoorbeelden/risico/privacy/pagina-2.md"
    assert story_url("verhaal/index.md") == "verhaal/" and story_url("verhaal/fasen.md") == "verhaal/fasen/"
