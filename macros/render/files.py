"""Files of the site that are not pages: the feed, the charts, redirects and filter data."""

from __future__ import annotations

import json

from jinja2 import Environment

from .. import urls
from ..model import Kennisbank
from .environment import SiteInfo
from .zelfscan import DATA_PATH as SELF_SCAN_DATA, data_file as self_scan_data


class SiteFiles:
    def __init__(self, kennisbank: Kennisbank, env: Environment, site: SiteInfo):
        self.kb = kennisbank
        self.env = env
        self.site = site

    def chart_svg(self, vocabulary_id: str) -> str:
        """A bar chart of the number of cases per value, as a standalone SVG file."""
        vocabulary = self.kb.taxonomy[vocabulary_id]
        return self.env.get_template("grafiek.svg").render(vocabulary=vocabulary, counts=self.kb.facet_counts(vocabulary))

    def redirect_page(self, target_url: str, page_url: str) -> str:
        """A small page at a former address that sends the reader on to the current one."""
        return self.env.get_template("doorverwijzing.html").render(
            target=urls.relative(page_url, target_url), canonical=self.site.canonical(target_url)
        )

    def feed(self, limit: int = 50) -> str:
        """Atom feed of new and updated cases, newest first."""
        cases = sorted(self.kb.cases, key=lambda c: (c.bijgewerkt, c.toegevoegd, c.id), reverse=True)[:limit]
        return self.env.get_template("feed.xml").render(cases=cases, updated=max((c.bijgewerkt for c in cases), default=None))

    def self_scan_files(self) -> dict[str, str]:
        """The data of the self-scan's script (rules from macros/zelfscan.py), at its path."""
        return {SELF_SCAN_DATA: self_scan_data(self.kb, self.env)}

