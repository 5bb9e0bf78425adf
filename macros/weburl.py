"""Judge a URL from content the way a browser reads it.

``urllib.parse`` does not follow the WHATWG URL standard that browsers use: it sees
no host in ``/\\evil.example/x.png`` or ``\\\\evil.example``, while a browser loads
both from ``evil.example``. So URLs are resolved here with ada, a WHATWG-conformant
parser, against a stand-in address of the site; whatever ends up on another host
leaves the site, whatever has another scheme is refused.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from ada_url import URL

# A host that cannot exist (RFC 2606), standing in for wherever the site is published.
_SITE_HOST = "kennisbank.invalid"
_SITE = f"https://{_SITE_HOST}/"
LEAVING_SCHEMES = ("http:", "https:", "mailto:")


@dataclass(frozen=True)
class Verdict:
    kind: str  # "intern" (this site), "extern" (a normal link elsewhere) or "geweigerd"
    reason: str = ""  # Dutch, for "geweigerd"

    @property
    def internal(self) -> bool:
        return self.kind == "intern"

    @property
    def refused(self) -> bool:
        return self.kind == "geweigerd"


def judge(url: str, page_url: str = "", *, decode_entities: bool = True) -> Verdict:
    """Where ``url``, written on the page at site-relative ``page_url``, takes the reader.

    ``decode_entities``: the value stands in HTML (an attribute), where the browser
    decodes ``&#106;`` to ``j`` before it reads the URL.
    """
    value = html.unescape(url) if decode_entities else url
    try:
        resolved = URL(value, _SITE + page_url.lstrip("/"))
    except ValueError:
        return Verdict("geweigerd", "dit is geen geldig adres")
    if resolved.protocol in ("http:", "https:") and resolved.hostname == _SITE_HOST:
        return Verdict("intern")
    if resolved.protocol in LEAVING_SCHEMES:
        return Verdict("extern")
    scheme = resolved.protocol.rstrip(":")
    return Verdict("geweigerd", f"adressen met '{scheme}:' zijn niet toegestaan; alleen https://, http://, mailto: of een pad binnen de site")
