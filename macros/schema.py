"""What each content file may hold: fields, their kinds and their explanation for editors.

Every rule lives here once. The validator, the JSON Schemas for editors and the
scaffolding script all read these declarations; allowed values come from the
taxonomy, never from this file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any
from urllib.parse import urlsplit

from .problems import Problem, allowed_list, suggestion
from .taxonomy import SLUG, Taxonomy
from .yamlsource import SourceDocument

INVALID = object()  # a value that failed its check; the problem is already reported

SECTION = re.compile(r"^(\d{1,2}(\.\d{1,2}){0,3}|Bijlage [A-Z])$")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class Reference:
    """A value that must name an existing item; checked once every file is read."""

    collection: str
    value: Any
    path: str
    line: int
    field: str


@dataclass
class Check:
    """Everything one check of one document needs, and where its findings go."""

    document: SourceDocument
    taxonomy: Taxonomy
    problems: list[Problem]
    references: list[Reference]

    def fail(self, path: tuple, message: str) -> object:
        self.problems.append(Problem(self.document.path, self.document.line(path), dotted(path), message))
        return INVALID

    def raw(self, path: tuple, value: Any) -> str:
        return self.document.raw_scalars.get(path, str(value))


def dotted(path: tuple) -> str:
    """``("bron", "links", 0, "url")`` -> ``bron.links[0].url``.

    A leading list index (the n-th advice in adviezen.yaml) is left out: the line
    number already says which item it is.
    """
    shown = ""
    if path and isinstance(path[0], int):
        path = path[1:]
    for part in path:
        shown += f"[{part}]" if isinstance(part, int) else (f".{part}" if shown else str(part))
    return shown


# --------------------------------------------------------------------------- kinds


class Kind:
    """A kind of value. ``check`` returns the clean value or INVALID."""

    description = ""  # Dutch, used in messages: "verwacht <description>"

    def check(self, value: Any, path: tuple, ctx: Check) -> Any:
        raise NotImplementedError

    def wrong_type(self, value: Any, path: tuple, ctx: Check) -> object:
        if isinstance(value, bool):
            written = ctx.raw(path, value)
            return ctx.fail(
                path,
                f"'{written}' leest YAML als ja/nee-waarde, niet als {self.description}. "
                f"Zet de waarde tussen aanhalingstekens: \"{written}\".",
            )
        return ctx.fail(path, f"verwacht {self.description}, maar vond {describe(value)}.")


def describe(value: Any) -> str:
    if value is None:
        return "niets (een leeg veld)"
    if isinstance(value, bool):
        return "een ja/nee-waarde"
    if isinstance(value, (int, float)):
        return f"het getal {value}"
    if isinstance(value, str):
        return f"de tekst '{value}'"
    if isinstance(value, list):
        return "een lijst"
    if isinstance(value, dict):
        return "een blok met velden"
    return type(value).__name__


@dataclass(frozen=True)
class Text(Kind):
    max_length: int | None = None
    description: str = "tekst"

    def check(self, value, path, ctx):
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return ctx.fail(path, f"verwacht tekst, maar YAML las een getal. Zet de waarde tussen aanhalingstekens: \"{ctx.raw(path, value)}\".")
        if not isinstance(value, str):
            return self.wrong_type(value, path, ctx)
        value = value.strip()
        if not value:
            return ctx.fail(path, "dit veld is leeg; vul een tekst in of laat het veld weg als het niet verplicht is.")
        if self.max_length and len(value) > self.max_length:
            return ctx.fail(path, f"de tekst is {len(value)} tekens lang; het maximum is {self.max_length}. Maak hem korter.")
        return value


@dataclass(frozen=True)
class Identifier(Kind):
    description: str = "een id van kleine letters, cijfers en koppeltekens (bijv. 'groningen-fraude')"

    def check(self, value, path, ctx):
        if not isinstance(value, str):
            return self.wrong_type(value, path, ctx)
        if not SLUG.match(value):
            hint = re.sub(r"[^a-z0-9]+", "-", value.lower()).strip("-")
            return ctx.fail(path, f"'{value}' is geen geldig id. Gebruik alleen kleine letters, cijfers en koppeltekens, bijv. '{hint}'.")
        return value


@dataclass(frozen=True)
class Integer(Kind):
    minimum: int = 1
    maximum: int = 999
    description: str = "een geheel getal"

    def check(self, value, path, ctx):
        if isinstance(value, bool) or not isinstance(value, int):
            if isinstance(value, str) and value.strip().isdigit():
                return ctx.fail(path, f"verwacht een getal zonder aanhalingstekens: {value.strip()}.")
            return self.wrong_type(value, path, ctx)
        if not self.minimum <= value <= self.maximum:
            return ctx.fail(path, f"{value} valt buiten het toegestane bereik {self.minimum} t/m {self.maximum}.")
        return value


@dataclass(frozen=True)
class Date(Kind):
    description: str = "een datum als JJJJ-MM-DD (bijv. 2018-03-01)"

    def check(self, value, path, ctx):
        if not isinstance(value, str) or not DATE.match(value.strip()):
            if isinstance(value, str):
                return ctx.fail(path, f"'{value}' is geen datum in de vorm JJJJ-MM-DD (bijv. 2018-03-01).")
            return self.wrong_type(value, path, ctx)
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            return ctx.fail(path, f"'{value}' bestaat niet als datum (controleer maand en dag). Schrijf JJJJ-MM-DD.")


@dataclass(frozen=True)
class Url(Kind):
    description: str = "een webadres dat begint met https:// of http://"

    def check(self, value, path, ctx):
        if not isinstance(value, str):
            return self.wrong_type(value, path, ctx)
        value = value.strip()
        if any(c.isspace() for c in value):
            return ctx.fail(path, f"'{value}' bevat een spatie of regeleinde en is dus geen geldig webadres.")
        parts = urlsplit(value)
        if parts.scheme not in ("http", "https"):
            if not parts.scheme and "." in value.split("/")[0]:
                return ctx.fail(path, f"'{value}' mist 'https://' aan het begin. Schrijf 'https://{value}'.")
            return ctx.fail(path, f"'{value}' is geen geldig webadres: alleen adressen die met https:// of http:// beginnen zijn toegestaan.")
        if not parts.netloc or "." not in parts.netloc:
            return ctx.fail(path, f"'{value}' is geen geldig webadres: de domeinnaam (zoals www.voorbeeld.nl) ontbreekt.")
        return value


@dataclass(frozen=True)
class Section(Kind):
    """A section of the report, e.g. ``5.1.1`` or ``Bijlage A``."""

    description: str = "een sectienummer uit het rapport, bijv. \"5.1.1\""

    def check(self, value, path, ctx):
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = ctx.raw(path, value)  # 5.10 must not become 5.1
        if not isinstance(value, str):
            return self.wrong_type(value, path, ctx)
        value = value.strip()
        if not SECTION.match(value):
            return ctx.fail(path, f"'{value}' is geen sectienummer. Schrijf het nummer zoals in het rapport, bijv. \"5.1.1\" of \"Bijlage A\".")
        return value


@dataclass(frozen=True)
class Choice(Kind):
    """One value from a taxonomy vocabulary."""

    vocabulary: str
    description: str = "één waarde uit de taxonomie"

    def check(self, value, path, ctx):
        if not isinstance(value, str):
            if isinstance(value, list):
                return ctx.fail(path, "verwacht één waarde, geen lijst. Kies de waarde die het best past.")
            return self.wrong_type(value, path, ctx)
        if self.vocabulary not in ctx.taxonomy:
            return ctx.fail(path, f"de taxonomie mist de vocabulaire '{self.vocabulary}'.")
        allowed = ctx.taxonomy[self.vocabulary].ids()
        if value not in allowed:
            return ctx.fail(
                path,
                f"'{value}' is geen toegestane waarde. Toegestaan: {allowed_list(allowed)}.{suggestion(value, allowed)}"
                " (Zie content/taxonomie.yaml.)",
            )
        return value


@dataclass(frozen=True)
class ListOf(Kind):
    """A list of values of one kind, without duplicates."""

    item: Kind
    description: str = "een lijst"

    def check(self, value, path, ctx):
        if value is None:
            return ctx.fail(path, "de lijst is leeg; vul minstens één waarde in of laat het veld weg.")
        if not isinstance(value, list):
            if isinstance(value, (str, int)) and not isinstance(value, bool):
                return ctx.fail(path, f"verwacht een lijst. Zet '- ' voor elke waarde, ook als er maar één is:\n    {dotted(path[-1:])}:\n      - {value}")
            return self.wrong_type(value, path, ctx)
        if not value:
            return ctx.fail(path, "de lijst is leeg; vul minstens één waarde in of laat het veld weg.")
        clean, seen = [], set()
        for index, item in enumerate(value):
            checked = self.item.check(item, path + (index,), ctx)
            if checked is INVALID:
                continue
            key = repr(checked)
            if key in seen:
                ctx.fail(path + (index,), f"{item!r} staat twee keer in de lijst; haal één van beide weg.")
                continue
            seen.add(key)
            clean.append(checked)
        return tuple(clean) if len(clean) == len(value) else INVALID


@dataclass(frozen=True)
class Ref(Kind):
    """The id (or, for numbered collections, the number) of an item in another collection."""

    collection: str
    numbered: bool = False
    description: str = "een verwijzing"

    def check(self, value, path, ctx):
        kind = Integer(1, 999) if self.numbered else Identifier()
        checked = kind.check(value, path, ctx)
        if checked is not INVALID:
            ctx.references.append(Reference(self.collection, checked, ctx.document.path, ctx.document.line(path), dotted(path)))
        return checked


@dataclass(frozen=True)
class Field:
    name: str
    kind: Kind
    required: bool = False
    uitleg: str = ""  # Dutch explanation for editors (schema descriptions, scaffolding)


@dataclass(frozen=True)
class Record(Kind):
    """A block of named fields."""

    fields: tuple[Field, ...]
    description: str = "een blok met velden"

    def check(self, value, path, ctx):
        if not isinstance(value, dict):
            return self.wrong_type(value, path, ctx)
        return check_fields(self.fields, value, path, ctx)


def check_fields(fields: tuple[Field, ...], data: dict, path: tuple, ctx: Check) -> dict | object:
    """Check a mapping against field declarations; unknown and missing fields are problems."""
    known = {f.name: f for f in fields}
    clean: dict[str, Any] = {}
    ok = True
    for key in data:
        if key not in known:
            ok = False
            ctx.fail(
                path + (key,),
                f"onbekend veld.{suggestion(key, known)} Toegestane velden hier: {allowed_list(known)}.",
            )
    for spec in fields:
        if spec.name not in data:
            if spec.required:
                ok = False
                ctx.problems.append(
                    Problem(
                        ctx.document.path,
                        ctx.document.line(path),
                        dotted(path + (spec.name,)),
                        f"dit verplichte veld ontbreekt. {spec.uitleg}".strip(),
                    )
                )
            continue
        checked = spec.kind.check(data[spec.name], path + (spec.name,), ctx)
        if checked is INVALID:
            ok = False
        else:
            clean[spec.name] = checked
    return clean if ok else INVALID


# --------------------------------------------------------------------------- collections

_LINK = Record(
    (
        Field("titel", Text(200), True, "De naam van de bron, bijv. 'Projectpagina gemeente Dordrecht'."),
        Field("url", Url(), True, "Het volledige webadres, beginnend met https://."),
    )
)

_BRON = Field(
    "bron",
    Record(
        (
            Field("rapport", ListOf(Section()), False, "De secties van het rapport waar dit op steunt, bijv. [\"5.1.1\"]. Verplicht voor items uit het rapport."),
            Field("links", ListOf(_LINK), False, "Webpagina's over dit item, met titel en url (de adressen die het rapport noemt)."),
        )
    ),
    True,
    "Waar de informatie vandaan komt: secties van het rapport en/of webpagina's.",
)

_COMMON_TAIL = (
    Field("trefwoorden", ListOf(Text(60)), False, "Zoekwoorden die lezers zouden typen maar niet in de titel staan (synoniemen, afkortingen)."),
    Field("toegevoegd", Date(), True, "Datum waarop het item is toegevoegd (JJJJ-MM-DD)."),
    Field("bijgewerkt", Date(), True, "Datum van de laatste inhoudelijke wijziging (JJJJ-MM-DD)."),
    Field("eigenaar", Text(120), False, "Wie het item inhoudelijk bijhoudt (naam of functie en organisatie)."),
    Field("aliassen", ListOf(Identifier()), False, "Vroegere ids van dit item; hun oude adressen verwijzen door naar de nieuwe pagina."),
)

CASE_FIELDS = (
    Field("id", Identifier(), True, "Vaste naam van het item en van het webadres; gelijk aan de bestandsnaam; verandert nooit."),
    Field("titel", Text(90), True, "Korte Nederlandse titel, hoogstens 90 tekens."),
    Field("samenvatting", Text(400), True, "Eén of twee zinnen: wat is er gedaan en waarom (hoogstens 400 tekens)."),
    Field("organisaties", ListOf(Text(120)), True, "Organisaties die het project uitvoeren, zoals geschreven (bijv. 'Gemeente Groningen')."),
    Field("gemeenten", ListOf(Ref("gemeenten")), False, "Ids van betrokken gemeenten uit content/gemeenten.yaml."),
    Field("domein", Choice("domein"), True, "Het beleidsdomein (de kop in hoofdstuk 5 van het rapport)."),
    Field("orientatie", ListOf(Choice("orientatie")), False, "Oriëntatie op datagedreven sturing (hoofdstuk 4)."),
    Field("publieke_waarde", ListOf(Choice("publieke_waarde")), False, "Bijdrage aan publieke waarde (dimensie 1 van het kader in hoofdstuk 5)."),
    Field(
        "aard",
        Record(
            (
                Field("gericht_op", Choice("aard_gericht_op"), False, "Individueel of collectief gericht (dimensie 2a)."),
                Field("interventie", Choice("aard_interventie"), False, "Preventie of repressie (dimensie 2b)."),
                Field("sturing", Choice("aard_sturing"), False, "Zelfrealisatie in het netwerk of eigen interventie (dimensie 2c)."),
            )
        ),
        False,
        "De aard van de oplossing (dimensie 2 van het kader voor publieke waarde).",
    ),
    Field("proces", Choice("proces"), False, "Open, gesloten of gemengd opgezet (dimensie 3b)."),
    Field("methodiek", ListOf(Choice("methodiek")), False, "Hoe data tot handelingskennis worden (dimensie 3a; figuur 1)."),
    Field("fase", Choice("fase"), False, "Fase in de innovatiecyclus (hoofdstuk 3)."),
    Field("partners", ListOf(Text(120)), False, "Partners buiten de gemeente (kennisinstellingen, bedrijven, inwoners)."),
    Field("risicos", ListOf(Ref("risicos")), False, "Ids van risicokaarten die dit voorbeeld raakt."),
    Field("leerlijnen", ListOf(Ref("leerlijnen")), False, "Ids van leerlijnen waar dit voorbeeld bij past."),
    Field("adviezen", ListOf(Ref("adviezen", numbered=True)), False, "Nummers van adviezen uit het rapport die hierover gaan."),
    _BRON,
) + _COMMON_TAIL

_STRATEGY = Record(
    (
        Field("titel", Text(160), True, "Naam van de strategie."),
        Field("uitleg", Text(600), True, "Wat de strategie inhoudt."),
        Field("gemeenten", ListOf(Ref("gemeenten")), False, "Gemeenten die het rapport bij deze strategie plaatst."),
    )
)

LEARNING_LINE_FIELDS = (
    Field("id", Identifier(), True, CASE_FIELDS[0].uitleg),
    Field("nummer", Integer(1, 99), True, "Volgnummer van de leerlijn (1-5 in de volgorde van het rapport)."),
    Field("titel", Text(90), True, "Korte titel, hoogstens 90 tekens."),
    Field("samenvatting", Text(400), True, "Eén of twee zinnen over deze leerlijn."),
    Field("vormen", ListOf(Text(200)), False, "Vormen van leren, bijv. masterclass, summer course, datalab."),
    Field("strategieen", ListOf(_STRATEGY), False, "Voor leerlijn 4: de strategieën om experimenten met het primaire proces te verbinden."),
    Field("praktijkvoorbeelden", ListOf(Ref("praktijkvoorbeelden")), False, "Ids van praktijkvoorbeelden bij deze leerlijn."),
    Field("adviezen", ListOf(Ref("adviezen", numbered=True)), False, "Nummers van adviezen die over deze leerlijn gaan."),
    _BRON,
) + _COMMON_TAIL

_MEASURE = Record(
    (
        Field("titel", Text(160), True, "Naam van de maatregel of het instrument (bijv. 'Privacy impact assessment')."),
        Field("uitleg", Text(800), True, "Wat de maatregel doet en wanneer je hem inzet."),
        Field("bron", ListOf(Section()), False, "Secties van het rapport die de maatregel noemen."),
        Field("praktijkvoorbeelden", ListOf(Ref("praktijkvoorbeelden")), False, "Praktijkvoorbeelden die de maatregel laten zien."),
    )
)

RISK_FIELDS = (
    Field("id", Identifier(), True, CASE_FIELDS[0].uitleg),
    Field("titel", Text(90), True, "Korte titel, hoogstens 90 tekens."),
    Field("samenvatting", Text(400), True, "Eén of twee zinnen over het risico."),
    Field("soort", Choice("risicosoort"), True, "Soort risico (de vier soorten van paragraaf 8.8)."),
    Field("rathenau_themas", ListOf(Choice("rathenau_thema")), False, "Thema's uit tabel 2 (Rathenau Instituut) die dit risico raakt."),
    Field("maatregelen", ListOf(_MEASURE), False, "Instrumenten en randvoorwaarden die het rapport noemt om het risico te beheersen."),
    Field("vragen", ListOf(Text(300)), False, "Vragen die een bestuurder of raadslid kan stellen."),
    Field("praktijkvoorbeelden", ListOf(Ref("praktijkvoorbeelden")), False, "Ids van praktijkvoorbeelden die het risico illustreren."),
    Field("adviezen", ListOf(Ref("adviezen", numbered=True)), False, "Nummers van adviezen die over dit risico gaan."),
    _BRON,
) + _COMMON_TAIL

ADVICE_FIELDS = (
    Field("nummer", Integer(1, 99), True, "Het nummer van het advies in het rapport (het rapport kent geen advies 11)."),
    Field("titel", Text(160), True, "Kern van het advies in eigen woorden."),
    Field("tekst", Text(2000), True, "Het advies in eigen woorden (Markdown toegestaan)."),
    Field("hoofdstuk", Ref("hoofdstukken", numbered=True), True, "Hoofdstuk van het rapport waar het advies staat (een nummer uit content/hoofdstukken.yaml)."),
    Field("themas", ListOf(Choice("advies_thema")), True, "Thema's van het advies."),
    Field("voor", ListOf(Choice("adressaat")), True, "Voor wie het advies bedoeld is."),
    Field("praktijkvoorbeelden", ListOf(Ref("praktijkvoorbeelden")), False, "Praktijkvoorbeelden waar het advies over gaat."),
    Field("risicos", ListOf(Ref("risicos")), False, "Risicokaarten waar het advies over gaat."),
    Field("leerlijnen", ListOf(Ref("leerlijnen")), False, "Leerlijnen waar het advies over gaat."),
    _BRON,
)

MUNICIPALITY_FIELDS = (
    Field("id", Identifier(), True, "Vaste id van de gemeente (kleine letters, koppeltekens), bijv. 'den-haag' voor Den Haag."),
    Field("naam", Text(80), True, "Officiële naam van de gemeente."),
    Field("categorie", Choice("gemeentecategorie"), False, "De categorie die het rapport de gemeente geeft (paragraaf 3.5); weglaten als het rapport er geen geeft."),
    Field("toelichting", Text(600), False, "Wat het rapport over de gemeente zegt, in één of twee zinnen."),
    _BRON,
)


STORY_PAGE = re.compile(r"^[a-z0-9-]+(/[a-z0-9-]+)*\.md$")


@dataclass(frozen=True)
class StoryPage(Kind):
    """A page of the story in docs/; whether it exists is checked when the site is built."""

    description: str = "het pad van een pagina in docs/, bijv. verhaal/definitie.md"

    def check(self, value, path, ctx):
        if not isinstance(value, str):
            return self.wrong_type(value, path, ctx)
        if not STORY_PAGE.match(value.strip()):
            return ctx.fail(path, f"'{value}' is geen pad van een pagina in docs/. Schrijf het zoals 'verhaal/definitie.md'.")
        return value.strip()


CHAPTER_FIELDS = (
    Field("nummer", Integer(1, 99), True, "Het nummer van het hoofdstuk in het rapport."),
    Field("titel", Text(90), True, "De titel van het hoofdstuk, in eigen woorden."),
    Field("conclusie", Text(3000), False, "De conclusies van het hoofdstuk in eigen woorden (Markdown); staan in de samenvatting voor bestuurders."),
    Field("pagina", StoryPage(), False, "De verhaalpagina over dit hoofdstuk, als pad in docs/ (bijv. verhaal/definitie.md)."),
    _BRON,
)


@dataclass(frozen=True)
class Collection:
    name: str  # directory or file stem under content/, also the URL segment
    singular: str  # Dutch, for messages and scaffolding
    fields: tuple[Field, ...]
    key: str = "id"  # field that identifies an item
    # "directory": one Markdown file per item; "list": one YAML file holding a list
    layout: str = "directory"
    body_required: bool = field(default=True)


CASES = Collection("praktijkvoorbeelden", "praktijkvoorbeeld", CASE_FIELDS)
LEARNING_LINES = Collection("leerlijnen", "leerlijn", LEARNING_LINE_FIELDS)
RISKS = Collection("risicos", "risicokaart", RISK_FIELDS)
ADVICES = Collection("adviezen", "advies", ADVICE_FIELDS, key="nummer", layout="list", body_required=False)
MUNICIPALITIES = Collection("gemeenten", "gemeente", MUNICIPALITY_FIELDS, layout="list", body_required=False)

CHAPTERS = Collection("hoofdstukken", "hoofdstuk", CHAPTER_FIELDS, key="nummer", layout="list", body_required=False)

COLLECTIONS = (CHAPTERS, CASES, LEARNING_LINES, RISKS, ADVICES, MUNICIPALITIES)


def choice_paths(fields: tuple[Field, ...]) -> dict[str, tuple[tuple[str, ...], bool]]:
    """Vocabulary id -> (path of the field that uses it, whether it takes several values)."""
    found: dict[str, tuple[tuple[str, ...], bool]] = {}

    def walk(specs: tuple[Field, ...], prefix: tuple[str, ...]) -> None:
        for spec in specs:
            kind, multiple = spec.kind, False
            if isinstance(kind, ListOf):
                kind, multiple = kind.item, True
            if isinstance(kind, Choice):
                found[kind.vocabulary] = (prefix + (spec.name,), multiple)
            elif isinstance(kind, Record):
                walk(kind.fields, prefix + (spec.name,))

    walk(fields, ())
    return found
