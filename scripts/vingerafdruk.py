"""Maak de vingerafdruk van het rapport: de hashes van al zijn reeksen van 12 woorden.

De kennisbank vat het rapport *Datagedreven sturing bij gemeenten* samen in eigen
woorden: buiten een gemarkeerd citaat mag geen reeks van 12 of meer opeenvolgende
woorden uit het rapport staan. De tekst van het rapport hoort niet in de repository.
Daarom leggen we alleen een vingerafdruk vast: van elke reeks van 12 opeenvolgende
woorden (na normalisatie) een korte hash (BLAKE2b, 12 hexadecimale tekens), gesorteerd
en zonder dubbele, in een gzip-bestand. Uit die hashes is de tekst niet terug te halen.
``tests/test_own_words.py`` legt elke reeks van 12 woorden uit ``content/`` en
``docs/`` ernaast; die test heeft het rapport zelf dus niet nodig en werkt in elke kloon.

De normalisatie (kleine letters, aanhalingstekens en streepjes gelijkgetrokken, woorden
die in de PDF over een regeleinde zijn afgebroken weer aan elkaar, leestekens weg) staat
op één plek, ``macros/own_words.py``, en is dezelfde voor het rapport en voor de test.
Uit het rapport haalt het script bovendien de kopregels die de PDF-extractie toevoegt.

Opnieuw maken (na een nieuwe extractie van het rapport, of na een wijziging van de
normalisatie in ``macros/own_words.py``; verhoog dan ook ``NORMALISATION_VERSION``):

    .venv/bin/python scripts/vingerafdruk.py

Standaard leest het script ``../shared/bron/000_0669d519e8446cc2.txt``, gezien vanuit de
map van de repository, en schrijft het ``tests/fixtures/rapport-12-woorden.txt.gz``.
Het bestand is bij dezelfde invoer byte voor byte hetzelfde (geen tijdstempel in gzip),
dus ``git diff`` laat alleen echte wijzigingen zien. Leg het nieuwe bestand vast.

Het bestand begint met een paar regels met ``#``: de versie van de normalisatie, de
lengte van de reeksen, het aantal hashes en de SHA-256 van het bronbestand (om te
weten van welke versie van de extractie de vingerafdruk is). Daarna één hash per regel.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import sys
from pathlib import Path

from macros.own_words import NORMALISATION_VERSION, WINDOW, fingerprint_words, report_text, window_hashes

ROOT = Path(__file__).resolve().parent.parent
BRON = ROOT.parent / "shared" / "bron" / "000_0669d519e8446cc2.txt"
VINGERAFDRUK = ROOT / "tests" / "fixtures" / "rapport-12-woorden.txt.gz"


def vingerafdruk(tekst: str) -> list[str]:
    """De gesorteerde, unieke hashes van elke reeks van 12 woorden uit het rapport.

    Elke reeks in beide lezingen van de koppeltekens: samengevoegd en gesplitst (zie
    ``fingerprint_words`` in ``macros/own_words.py``).
    """
    return sorted({digest for lezing in fingerprint_words(report_text(tekst)) for digest in window_hashes(lezing)})


def schrijf(hashes: list[str], bron_sha256: str, doel: Path) -> None:
    kop = [
        "# Vingerafdruk van het rapport 'Datagedreven sturing bij gemeenten' (Berenschot/VNG, 2018).",
        "# Gemaakt met scripts/vingerafdruk.py; zie daar hoe u haar opnieuw maakt. Geen tekst, alleen hashes.",
        f"# normalisatie: {NORMALISATION_VERSION}",
        f"# woorden per reeks: {WINDOW}",
        f"# hashes: {len(hashes)}",
        f"# bron-sha256: {bron_sha256}",
    ]
    inhoud = ("\n".join(kop + hashes) + "\n").encode("ascii")
    doel.parent.mkdir(parents=True, exist_ok=True)
    with doel.open("wb") as ruw, gzip.GzipFile(filename="", mode="wb", fileobj=ruw, mtime=0, compresslevel=9) as uit:
        uit.write(inhoud)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Maak de vingerafdruk van het rapport: hashes van elke reeks van 12 woorden, "
        "voor de test op eigen woorden (tests/test_own_words.py).",
    )
    parser.add_argument(
        "bron",
        nargs="?",
        type=Path,
        default=BRON,
        help="de platte tekst van het rapport (standaard ../shared/bron/000_0669d519e8446cc2.txt naast de repository)",
    )
    parser.add_argument(
        "--uit",
        type=Path,
        default=VINGERAFDRUK,
        help="waar de vingerafdruk komt (standaard tests/fixtures/rapport-12-woorden.txt.gz)",
    )
    args = parser.parse_args(argv)
    try:
        ruw = args.bron.read_bytes()
    except OSError as fout:
        sys.stderr.write(f"Kan het rapport niet lezen: {args.bron}: {fout.strerror or fout}\n")
        return 1
    hashes = vingerafdruk(ruw.decode("utf-8"))
    if not hashes:
        sys.stderr.write(f"Het rapport {args.bron} levert geen enkele reeks van {WINDOW} woorden op.\n")
        return 1
    schrijf(hashes, hashlib.sha256(ruw).hexdigest(), args.uit)
    sys.stdout.write(f"{len(hashes)} hashes van reeksen van {WINDOW} woorden geschreven naar {args.uit}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
