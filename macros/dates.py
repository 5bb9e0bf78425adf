"""Dates written the Dutch way, without depending on the machine's locale."""

from __future__ import annotations

from datetime import date

MONTHS = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)


def dutch_date(value: date) -> str:
    """``date(2018, 3, 1)`` -> ``1 maart 2018``."""
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"
