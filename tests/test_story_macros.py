"""Story macros check their arguments: a typo in a story page stops the build with what is allowed."""

from __future__ import annotations

import pytest

from macros.load import load_kennisbank
from macros.render.blocks import MacroArgumentError, StoryBlocks
from macros.render.environment import SiteInfo, make_environment
from macros.editor_markdown import EditorMarkdown

from .conftest import VALID_CONTENT, build, make_site


@pytest.fixture(scope="module")
def blocks() -> StoryBlocks:
    kennisbank = load_kennisbank(VALID_CONTENT)
    return StoryBlocks(kennisbank, make_environment(kennisbank, SiteInfo(), EditorMarkdown()))


@pytest.mark.parametrize(
    "call, fragment",
    [
        (lambda b: b.cases("verhaal/", (), orientatie="datapolys"), "'datapolys' is geen waarde van orientatie. Bedoelde je 'datapolis'? Toegestaan: datapolis, smart-city"),
        (lambda b: b.cases("verhaal/", (), orientatie="datapolis", domein="sociaal"), "precies één kenmerk"),
        (lambda b: b.cases("verhaal/", ("wijkmonitr",)), "'wijkmonitr' is geen id van een praktijkvoorbeeld. Bedoelde je 'wijkmonitor'?"),
        (lambda b: b.cases("verhaal/", (), aliassen="x"), "'aliassen' is geen kenmerk van praktijkvoorbeelden"),
        (lambda b: b.municipalities("verhaal/", "koplopr"), "'koplopr' is geen categorie van gemeenten (gemeentecategorie). Bedoelde je 'koploper'?"),
        (lambda b: b.advices(99, "verhaal/"), "99 is geen hoofdstuk in content/hoofdstukken.yaml. Toegestaan: 1, 5."),
        (lambda b: b.conclusion(99, "verhaal/"), "99 is geen hoofdstuk"),
        (lambda b: b.vocabulary("metodiek", "verhaal/"), "'metodiek' is geen vocabulaire in content/taxonomie.yaml. Bedoelde je 'methodiek'?"),
        (lambda b: b.chart("risicosoort", "verhaal/"), "'risicosoort' is geen kenmerk met een grafiek"),
        (lambda b: b.figure("kaart.svg", "Kaart", "Bijschrift", "verhaal/", ["innovatiecyclus.svg"]), "'kaart.svg' is geen figuur in docs/figuren/"),
        (lambda b: b.figure("innovatiecyclus.svg", " ", "Bijschrift", "verhaal/", ["innovatiecyclus.svg"]), "tekstalternatief"),
    ],
)
def test_unknown_arguments_are_named_with_what_is_allowed(blocks, call, fragment):
    with pytest.raises(MacroArgumentError) as raised:
        call(blocks)
    assert fragment in str(raised.value)


def test_known_arguments_render(blocks):
    assert "wijkmonitor" in blocks.cases("verhaal/", (), methodiek="monitoring")
    assert "wijkmonitor" in blocks.cases("verhaal/", ("wijkmonitor",))


@pytest.mark.traag
def test_a_story_page_with_a_typo_stops_the_build_naming_page_and_macro(tmp_path, content):
    site = make_site(tmp_path / "project", content)
    (site / "docs" / "verhaal.md").write_text(
        "---\nrender_macros: true\n---\n\n# Verhaal\n\n{{ praktijkvoorbeelden(orientatie=\"datapolys\") }}\n", encoding="utf-8"
    )
    result = build(site, check=False)
    assert result.returncode != 0
    assert "docs/verhaal.md: praktijkvoorbeelden(orientatie='datapolys'): 'datapolys' is geen waarde van orientatie." in result.stderr
    assert "Traceback" not in result.stderr
