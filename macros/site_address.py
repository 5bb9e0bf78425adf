"""The public address of a published site: required, and not this machine.

Canonical links, the sitemap, the feed and every citation carry the site's address.
``mkdocs serve`` uses localhost; a build meant for publishing must say where the site
will live, or readers would be sent to their own computer.
"""

from __future__ import annotations

import ipaddress
import os
from urllib.parse import urlsplit

ENVIRONMENT_VARIABLE = "KENNISBANK_SITE_URL"
_LOCAL_NAMES = {"localhost", "localhost.localdomain", ""}


class MissingAddress(ValueError):
    """No usable public address (message in Dutch)."""


def public_address(value: str | None) -> str:
    """The address, ending in '/', or :class:`MissingAddress` saying what is wrong."""
    if not value or not value.strip():
        raise MissingAddress(
            f"het publieke adres van de site ontbreekt. Geef het mee met --site-url https://... of zet {ENVIRONMENT_VARIABLE}; "
            "zonder adres zouden canonieke links, de sitemap, de feed en elke verwijzing naar deze computer wijzen."
        )
    value = value.strip()
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise MissingAddress(f"'{value}' is geen webadres; schrijf het volledig, bijv. https://kennisbank.example.nl/.")
    host = parts.hostname.lower()
    local = host in _LOCAL_NAMES
    try:
        local = local or ipaddress.ip_address(host).is_loopback or ipaddress.ip_address(host).is_unspecified
    except ValueError:
        pass
    if local:
        raise MissingAddress(f"'{value}' is het adres van deze computer, niet het publieke adres van de site.")
    return value if value.endswith("/") else value + "/"


def address_from_environment() -> str:
    return public_address(os.environ.get(ENVIRONMENT_VARIABLE))
