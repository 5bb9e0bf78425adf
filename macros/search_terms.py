"""Checks across the rules of content/zoekwoorden.yaml that one rule cannot make by itself."""

from __future__ import annotations

from .model import Kennisbank
from .problems import Problem


def problems(kennisbank: Kennisbank) -> list[Problem]:
    """A word readers type belongs to one rule: two rules for one word would contradict each other."""
    found: list[Problem] = []
    first: dict[str, tuple[str, int]] = {}
    for rule in kennisbank.synonyms:
        for word in rule.woorden:
            if word in first:
                rule_id, line = first[word]
                found.append(Problem(rule.source_path, rule.body_line, f"{rule.id}.woorden",
                                     f"'{word}' staat ook in regel '{rule_id}' (regel {line}); een zoekwoord hoort bij één regel. Voeg de twee regels samen of haal het woord hier weg."))
            else:
                first[word] = (rule.id, rule.body_line)
    return found
