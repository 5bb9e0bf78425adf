"""The content contract: every field of every content file, declared once.

Each field is named, typed, constrained and explained here, in a pydantic model.
Everything else derives from these declarations: validation (with Dutch messages,
see :mod:`macros.messages`), the typed model the site is built from, the JSON
Schemas for editors, the open-data columns, the field tables in CONTRIBUTING and
the scaffolding script. Allowed values of vocabularies come from the taxonomy at
load time, never from this file.

Why pydantic (and not JSON Schema files as the source): the contract must also be
the typed, immutable model that templates read, and pydantic gives both from one
class, plus every error of a file in one run with its location.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any, ClassVar, Literal, TypeVar

from annotated_types import Interval, MaxLen, MinLen
from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, PrivateAttr, Strict, StringConstraints, model_validator
from pydantic_core import PydanticCustomError, core_schema

from .problems import allowed_list, suggestion
from .weburl import judge

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
SECTION = re.compile(r"\d{1,2}(?:\.\d{1,2}){0,3}|Bijlage [A-Z]")
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
STORY_PAGE = re.compile(r"[a-z0-9-]+(?:/[a-z0-9-]+)*\.md")


def _fail(message: str, **context: Any) -> PydanticCustomError:
    # The message is Dutch and complete; values from content go in through the context.
    return PydanticCustomError("kennisbank", message, context)


# --------------------------------------------------------------------------- markers
# Metadata on a field's type that the loader, the editor schemas and the exports read.


@dataclass(frozen=True)
class Vocabulary:
    """The value is a term of this taxonomy vocabulary (checked against the loaded taxonomy)."""

    name: str

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> core_schema.CoreSchema:
        return core_schema.with_info_after_validator_function(self._check, handler(source))

    def _check(self, value: str, info: core_schema.ValidationInfo) -> str:
        taxonomy = (info.context or {}).get("taxonomy")
        if taxonomy is None or self.name not in taxonomy:
            return value  # a missing vocabulary is reported once, for the taxonomy file
        allowed = taxonomy[self.name].ids()
        if value not in allowed:
            raise _fail(
                "'{waarde}' is geen toegestane waarde. Toegestaan: {toegestaan}.{hint} (Zie content/taxonomie.yaml.)",
                waarde=value,
                toegestaan=allowed_list(allowed),
                hint=suggestion(value, allowed),
            )
        return value

    def __get_pydantic_json_schema__(self, schema: Any, handler: Any) -> dict[str, Any]:
        json_schema = handler(schema)
        json_schema["x-vocabulaire"] = self.name
        return json_schema


@dataclass(frozen=True)
class Reference:
    """The value is the key of an item in another collection; checked once all files are read."""

    collection: str  # Collection.folder of the target

    def __get_pydantic_json_schema__(self, schema: Any, handler: Any) -> dict[str, Any]:
        json_schema = handler(schema)
        json_schema["x-verwijzing"] = self.collection
        return json_schema


@dataclass(frozen=True)
class MarkdownText:
    """The value is editor Markdown (short form: no headings); checked by the editor-Markdown rules."""

    def __get_pydantic_json_schema__(self, schema: Any, handler: Any) -> dict[str, Any]:
        json_schema = handler(schema)
        json_schema["contentMediaType"] = "text/markdown"
        return json_schema


@dataclass(frozen=True)
class JsonSchema:
    """Extra JSON Schema keywords for editors, where a custom check does the validating."""

    extra: tuple[tuple[str, Any], ...]

    def __get_pydantic_json_schema__(self, schema: Any, handler: Any) -> dict[str, Any]:
        json_schema = handler(schema)
        json_schema.update(dict(self.extra))
        return json_schema


def json_extra(**extra: Any) -> JsonSchema:
    return JsonSchema(tuple(extra.items()))


# --------------------------------------------------------------------------- value types


def _check_slug(value: str) -> str:
    if not SLUG.fullmatch(value):
        hint = re.sub(r"[^a-z0-9]+", "-", value.lower()).strip("-")
        raise _fail("'{waarde}' is geen geldig id. Gebruik alleen kleine letters, cijfers en koppeltekens, bijv. '{hint}'.", waarde=value, hint=hint)
    return value


def _check_url(value: str) -> str:
    if any(c.isspace() for c in value):
        raise _fail("'{waarde}' bevat een spatie of regeleinde en is dus geen geldig webadres.", waarde=value)
    if not re.match(r"[A-Za-z][A-Za-z0-9+.-]*:", value):
        if "." in value.split("/")[0]:
            raise _fail("'{waarde}' mist 'https://' aan het begin. Schrijf 'https://{waarde}'.", waarde=value)
        raise _fail("'{waarde}' is geen geldig webadres: alleen adressen die met https:// of http:// beginnen zijn toegestaan.", waarde=value)
    verdict = judge(value, decode_entities=False)
    if not value.lower().startswith(("https://", "http://")) or verdict.kind != "extern":
        raise _fail("'{waarde}' is geen geldig webadres: alleen adressen die met https:// of http:// beginnen zijn toegestaan.", waarde=value)
    host = value.split("//", 1)[1].split("/", 1)[0]
    if "." not in host:
        raise _fail("'{waarde}' is geen geldig webadres: de domeinnaam (zoals www.voorbeeld.nl) ontbreekt.", waarde=value)
    return value


def _section(value: Any) -> Any:
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if isinstance(value, str) and not SECTION.fullmatch(value.strip()):
        raise _fail("'{waarde}' is geen sectienummer. Schrijf het nummer zoals in het rapport, bijv. \"5.1.1\" of \"Bijlage A\".", waarde=value)
    return value.strip() if isinstance(value, str) else value


def _iso_date(value: Any) -> Any:
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        return value  # the date validator reports the wrong type
    if not DATE.fullmatch(value.strip()):
        raise _fail("'{waarde}' is geen datum in de vorm JJJJ-MM-DD (bijv. 2018-03-01).", waarde=value)
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise _fail("'{waarde}' bestaat niet als datum (controleer maand en dag). Schrijf JJJJ-MM-DD.", waarde=value) from None


def _story_page(value: str) -> str:
    if not STORY_PAGE.fullmatch(value):
        raise _fail("'{waarde}' is geen pad van een pagina in docs/. Schrijf het zoals 'verhaal/definitie.md'.", waarde=value)
    return value


def _unique(values: tuple) -> tuple:
    seen: set = set()
    for value in values:
        key = value if not isinstance(value, BaseModel) else value.model_dump_json()
        if key in seen:
            raise _fail("'{waarde}' staat twee keer in de lijst; haal één van beide weg.", waarde=str(value))
        seen.add(key)
    return values


def _not_null(value: Any) -> Any:
    if value is None:
        raise _fail("dit veld is leeg; vul een waarde in of laat het veld weg.")
    return value


T = TypeVar("T")

# The value types of the contract. A field adds its own limits with Annotated, e.g.
# ``Annotated[Text, MaxLen(90)]``, so that every limit is visible where the field is.
Text = Annotated[str, Strict(), StringConstraints(strip_whitespace=True, min_length=1)]
Markdown = Annotated[Text, MarkdownText()]  # editor Markdown, short form (no headings)
Slug = Annotated[str, Strict(), AfterValidator(_check_slug), json_extra(pattern=f"^{SLUG.pattern}$")]
Url = Annotated[str, Strict(), StringConstraints(strip_whitespace=True), AfterValidator(_check_url), json_extra(format="uri", pattern="^https?://")]
Section = Annotated[str, BeforeValidator(_section), Strict(), json_extra(pattern=f"^(?:{SECTION.pattern})$")]
IsoDate = Annotated[date, BeforeValidator(_iso_date), json_extra(pattern=f"^{DATE.pattern}$")]
StoryPagePath = Annotated[str, Strict(), StringConstraints(strip_whitespace=True), AfterValidator(_story_page), json_extra(pattern=f"^{STORY_PAGE.pattern}$")]
Number = Annotated[int, Strict(), Interval(ge=1, le=99)]
Term = Annotated[str, Strict()]  # a term of a vocabulary: add Vocabulary("<name>")
Key = Annotated[str, Strict(), AfterValidator(_check_slug)]  # an id elsewhere: add Reference("<folder>")
NumberKey = Annotated[int, Strict(), Interval(ge=1, le=999)]  # a number elsewhere: add Reference("<folder>")

# A list of at least one value, without duplicates (read from a YAML list).
ListOf = Annotated[tuple[T, ...], MinLen(1), AfterValidator(_unique), json_extra(uniqueItems=True)]
# An optional value: leave the field out, but do not leave it empty.
Maybe = Annotated[T | None, AfterValidator(_not_null)]


# --------------------------------------------------------------------------- records


class Record(BaseModel):
    """A block of named fields: unknown fields are refused, values are immutable."""

    model_config = ConfigDict(frozen=True, extra="forbid", validate_default=False, hide_input_in_errors=True)

    # The field whose value stands for the whole record in a list column of the open data.
    export_key: ClassVar[str | None] = None


class Link(Record):
    export_key = "url"
    titel: Annotated[Text, MaxLen(200)] = Field(description="De naam van de bron, bijv. 'Projectpagina gemeente Dordrecht'.")
    url: Url = Field(description="Het volledige webadres, beginnend met https://.")


class Bron(Record):
    rapport: ListOf[Section] = Field(default=(), description="De secties van het rapport waar dit op steunt, bijv. [\"5.1.1\"]. Verplicht voor items uit het rapport.")
    links: ListOf[Link] = Field(default=(), description="Webpagina's over dit item, met titel en url (de adressen die het rapport noemt).")


BRON_DESCRIPTION = "Waar de informatie vandaan komt: secties van het rapport en/of webpagina's."


class Aard(Record):
    gericht_op: Maybe[Annotated[Term, Vocabulary("aard_gericht_op")]] = Field(default=None, description="Individueel of collectief gericht (dimensie 2a).")
    interventie: Maybe[Annotated[Term, Vocabulary("aard_interventie")]] = Field(default=None, description="Preventie of repressie (dimensie 2b).")
    sturing: Maybe[Annotated[Term, Vocabulary("aard_sturing")]] = Field(default=None, description="Zelfrealisatie in het netwerk of eigen interventie (dimensie 2c).")


class Typing(Record):
    """Where one typing of a case comes from: the report, or the editors."""

    rapport: Maybe[Section] = Field(default=None, description="De sectie van het rapport die het project zo typeert, bijv. \"5.1.3\".")
    redactie: Maybe[Annotated[Text, MaxLen(240)]] = Field(
        default=None, description="De redactie typeert het project zo: een korte reden, uit wat het rapport of de bron over het project zegt."
    )

    @model_validator(mode="after")
    def _one_source(self) -> "Typing":
        if (self.rapport is None) == (self.redactie is None):
            raise _fail("noem precies één bron: 'rapport' met de sectie (bijv. rapport: \"5.1.3\") of 'redactie' met een korte reden.")
        return self

    @property
    def from_report(self) -> bool:
        return self.rapport is not None

    def __str__(self) -> str:
        return f"rapport {self.rapport}" if self.rapport else f"redactie: {self.redactie}"


class Source:
    """Where an item was read: not part of the contract, filled in by the loader."""

    __slots__ = ("path", "body", "body_line")

    def __init__(self, path: str = "", body: str = "", body_line: int = 0):
        self.path, self.body, self.body_line = path, body, body_line


class Entry(Record):
    """Something read from one place in a content file; knows that place."""

    _source: Source = PrivateAttr(default_factory=Source)

    def with_source(self, source: Source) -> "Entry":
        self._source = source
        return self

    @property
    def source_path(self) -> str:
        return self._source.path

    @property
    def body(self) -> str:
        return self._source.body

    @property
    def body_line(self) -> int:
        return self._source.body_line


ID_DESCRIPTION = "Vaste naam van het item en van het webadres; gelijk aan de bestandsnaam; verandert nooit."


class Item(Entry):
    """What every item with its own page and its own Markdown file has.

    pydantic lists a base class's fields first; :func:`fields_in_order` puts the
    ``tail`` after the item's own fields, in the order editors write them.
    """

    tail: ClassVar[tuple[str, ...]] = ("bron", "trefwoorden", "toegevoegd", "bijgewerkt", "eigenaar", "aliassen")

    id: Slug = Field(description=ID_DESCRIPTION)
    titel: Annotated[Text, MaxLen(90)] = Field(description="Korte Nederlandse titel, hoogstens 90 tekens.")
    samenvatting: Annotated[Text, MaxLen(400)] = Field(description="Eén of twee zinnen: wat is er gedaan en waarom (hoogstens 400 tekens).")
    bron: Bron = Field(description=BRON_DESCRIPTION)
    trefwoorden: ListOf[Annotated[Text, MaxLen(60)]] = Field(default=(), description="Zoekwoorden die lezers zouden typen maar niet in de titel staan (synoniemen, afkortingen).")
    toegevoegd: IsoDate = Field(description="Datum waarop het item is toegevoegd (JJJJ-MM-DD).")
    bijgewerkt: IsoDate = Field(description="Datum van de laatste inhoudelijke wijziging (JJJJ-MM-DD).")
    eigenaar: Maybe[Annotated[Text, MaxLen(120)]] = Field(default=None, description="Wie het item inhoudelijk bijhoudt (naam of functie en organisatie).")
    aliassen: ListOf[Slug] = Field(default=(), description="Vroegere ids van dit item; hun oude adressen verwijzen door naar de nieuwe pagina.")


def fields_in_order(model: type[Record]) -> list[str]:
    """The field names of a model as editors write them: the item tail last."""
    names = list(model.model_fields)
    tail = [n for n in getattr(model, "tail", ()) if n in names]
    return [n for n in names if n not in tail] + tail


class Case(Item):
    organisaties: ListOf[Annotated[Text, MaxLen(120)]] = Field(description="Organisaties die het project uitvoeren, zoals geschreven (bijv. 'Gemeente Groningen').")
    gemeenten: ListOf[Annotated[Key, Reference("gemeenten")]] = Field(default=(), description="Ids van betrokken gemeenten uit content/gemeenten.yaml.")
    domein: Annotated[Term, Vocabulary("domein")] = Field(description="Het beleidsdomein (de kop in hoofdstuk 5 van het rapport).")
    orientatie: ListOf[Annotated[Term, Vocabulary("orientatie")]] = Field(default=(), description="Oriëntatie op datagedreven sturing (hoofdstuk 4).")
    publieke_waarde: ListOf[Annotated[Term, Vocabulary("publieke_waarde")]] = Field(default=(), description="Bijdrage aan publieke waarde (dimensie 1 van het kader in hoofdstuk 5).")
    aard: Aard = Field(default_factory=Aard, description="De aard van de oplossing (dimensie 2 van het kader voor publieke waarde).")
    proces: Maybe[Annotated[Term, Vocabulary("proces")]] = Field(default=None, description="Open, gesloten of gemengd opgezet (dimensie 3b).")
    methodiek: ListOf[Annotated[Term, Vocabulary("methodiek")]] = Field(default=(), description="Hoe data tot handelingskennis worden (dimensie 3a; figuur 1).")
    fase: Maybe[Annotated[Term, Vocabulary("fase")]] = Field(default=None, description="Fase in de innovatiecyclus (hoofdstuk 3).")
    partners: ListOf[Annotated[Text, MaxLen(120)]] = Field(default=(), description="Partners buiten de gemeente (kennisinstellingen, bedrijven, inwoners).")
    risicos: ListOf[Annotated[Key, Reference("risicos")]] = Field(default=(), description="Ids van risicokaarten die dit voorbeeld raakt.")
    leerlijnen: ListOf[Annotated[Key, Reference("leerlijnen")]] = Field(default=(), description="Ids van leerlijnen waar dit voorbeeld bij past.")
    adviezen: ListOf[Annotated[NumberKey, Reference("adviezen")]] = Field(default=(), description="Nummers van adviezen uit het rapport die hierover gaan.")
    typering: dict[Term, Typing] = Field(
        default_factory=dict,
        description=(
            "Waar elke typering vandaan komt, per kenmerk met een waarde (domein, orientatie, publieke_waarde, "
            "aard.gericht_op, aard.interventie, aard.sturing, proces, methodiek, fase): "
            "{rapport: \"<sectie>\"} als het rapport het project zo typeert, anders {redactie: <korte reden>}."
        ),
    )


class Strategy(Record):
    export_key = "titel"
    titel: Annotated[Text, MaxLen(160)] = Field(description="Naam van de strategie.")
    uitleg: Annotated[Markdown, MaxLen(600)] = Field(description="Wat de strategie inhoudt (Markdown).")
    gemeenten: ListOf[Annotated[Key, Reference("gemeenten")]] = Field(default=(), description="Gemeenten die het rapport bij deze strategie plaatst.")


class LearningLine(Item):
    nummer: Number = Field(description="Volgnummer van de leerlijn (1-5 in de volgorde van het rapport).")
    vormen: ListOf[Annotated[Text, MaxLen(200)]] = Field(default=(), description="Vormen van leren, bijv. masterclass, summer course, datalab.")
    strategieen: ListOf[Strategy] = Field(default=(), description="Voor leerlijn 4: de strategieën om experimenten met het primaire proces te verbinden.")
    praktijkvoorbeelden: ListOf[Annotated[Key, Reference("praktijkvoorbeelden")]] = Field(default=(), description="Ids van praktijkvoorbeelden bij deze leerlijn.")
    adviezen: ListOf[Annotated[NumberKey, Reference("adviezen")]] = Field(default=(), description="Nummers van adviezen die over deze leerlijn gaan.")


class Measure(Record):
    export_key = "titel"
    titel: Annotated[Text, MaxLen(160)] = Field(description="Naam van de maatregel of het instrument (bijv. 'Privacy impact assessment').")
    uitleg: Annotated[Markdown, MaxLen(800)] = Field(description="Wat de maatregel doet en wanneer je hem inzet (Markdown).")
    bron: ListOf[Section] = Field(default=(), description="Secties van het rapport die de maatregel noemen.")
    praktijkvoorbeelden: ListOf[Annotated[Key, Reference("praktijkvoorbeelden")]] = Field(default=(), description="Praktijkvoorbeelden die de maatregel laten zien.")


class Risk(Item):
    soort: Annotated[Term, Vocabulary("risicosoort")] = Field(description="Soort risico (de vier soorten van paragraaf 8.8).")
    rathenau_themas: ListOf[Annotated[Term, Vocabulary("rathenau_thema")]] = Field(default=(), description="Thema's uit tabel 2 (Rathenau Instituut) die dit risico raakt.")
    maatregelen: ListOf[Measure] = Field(default=(), description="Instrumenten en randvoorwaarden die het rapport noemt om het risico te beheersen.")
    vragen: ListOf[Annotated[Text, MaxLen(300)]] = Field(default=(), description="Vragen die een bestuurder of raadslid kan stellen.")
    praktijkvoorbeelden: ListOf[Annotated[Key, Reference("praktijkvoorbeelden")]] = Field(default=(), description="Ids van praktijkvoorbeelden die het risico illustreren.")
    adviezen: ListOf[Annotated[NumberKey, Reference("adviezen")]] = Field(default=(), description="Nummers van adviezen die over dit risico gaan.")


class Advice(Entry):
    nummer: Number = Field(description="Het nummer van het advies in het rapport (het rapport kent geen advies 11).")
    titel: Annotated[Text, MaxLen(160)] = Field(description="Kern van het advies in eigen woorden.")
    tekst: Annotated[Markdown, MaxLen(2000)] = Field(description="Het advies in eigen woorden (Markdown, zonder kopjes).")
    hoofdstuk: Annotated[NumberKey, Reference("hoofdstukken")] = Field(description="Hoofdstuk van het rapport waar het advies staat (een nummer uit content/hoofdstukken.yaml).")
    themas: ListOf[Annotated[Term, Vocabulary("advies_thema")]] = Field(description="Thema's van het advies.")
    voor: ListOf[Annotated[Term, Vocabulary("adressaat")]] = Field(description="Voor wie het advies bedoeld is.")
    praktijkvoorbeelden: ListOf[Annotated[Key, Reference("praktijkvoorbeelden")]] = Field(default=(), description="Praktijkvoorbeelden waar het advies over gaat.")
    risicos: ListOf[Annotated[Key, Reference("risicos")]] = Field(default=(), description="Risicokaarten waar het advies over gaat.")
    leerlijnen: ListOf[Annotated[Key, Reference("leerlijnen")]] = Field(default=(), description="Leerlijnen waar het advies over gaat.")
    bron: Bron = Field(description=BRON_DESCRIPTION)

    @property
    def id(self) -> str:
        return f"advies-{self.nummer}"


class Chapter(Entry):
    nummer: Number = Field(description="Het nummer van het hoofdstuk in het rapport.")
    titel: Annotated[Text, MaxLen(90)] = Field(description="De titel van het hoofdstuk, in eigen woorden.")
    conclusie: Maybe[Annotated[Markdown, MaxLen(3000)]] = Field(default=None, description="De conclusies van het hoofdstuk in eigen woorden (Markdown); staan in de samenvatting voor bestuurders.")
    pagina: Maybe[StoryPagePath] = Field(default=None, description="De verhaalpagina over dit hoofdstuk, als pad in docs/ (bijv. verhaal/definitie.md).")
    bron: Bron = Field(description=BRON_DESCRIPTION)


class Municipality(Entry):
    id: Slug = Field(description="Vaste id van de gemeente (kleine letters, koppeltekens), bijv. 'den-haag' voor Den Haag.")
    naam: Annotated[Text, MaxLen(80)] = Field(description="Officiële naam van de gemeente.")
    categorie: Maybe[Annotated[Term, Vocabulary("gemeentecategorie")]] = Field(default=None, description="De categorie die het rapport de gemeente geeft (paragraaf 3.5); weglaten als het rapport er geen geeft.")
    toelichting: Maybe[Annotated[Text, MaxLen(600)]] = Field(default=None, description="Wat het rapport over de gemeente zegt, in één of twee zinnen.")
    bron: Bron = Field(description=BRON_DESCRIPTION)


# --------------------------------------------------------------------------- tools for readers


class ScanSteps(Record):
    """What a municipality at one phase of an aspect can do next, with the pages that help."""

    uitleg: Annotated[Markdown, MaxLen(800)] = Field(description="De volgende stap in één of twee zinnen (Markdown, zonder kopjes).")
    leerlijnen: ListOf[Annotated[Key, Reference("leerlijnen")]] = Field(default=(), description="Leerlijnen die bij deze stap passen.")
    adviezen: ListOf[Annotated[NumberKey, Reference("adviezen")]] = Field(default=(), description="Adviezen uit het rapport die hier gelden.")
    risicos: ListOf[Annotated[Key, Reference("risicos")]] = Field(default=(), description="Risicokaarten om bij deze stap te bespreken.")


class ScanAspect(Entry):
    """One aspect of the self-scan: where a municipality stands, and what the next step is."""

    id: Slug = Field(description="Vaste id van het aspect (kleine letters en koppeltekens).")
    titel: Annotated[Text, MaxLen(90)] = Field(description="Naam van het aspect, zoals lezers het zien.")
    uitleg: Annotated[Markdown, MaxLen(800)] = Field(description="Wat dit aspect inhoudt, naar het rapport (Markdown, zonder kopjes).")
    stappen: dict[Annotated[Term, Vocabulary("fase")], ScanSteps] = Field(
        description="Per fase van de innovatiecyclus (agendering, experimenteren, verbreden, verankeren, ...) de volgende stap."
    )
    bron: Bron = Field(description=BRON_DESCRIPTION)


class ScanOption(Record):
    tekst: Annotated[Text, MaxLen(240)] = Field(description="Het antwoord, zoals de gemeente het zou zeggen.")
    fase: Annotated[Term, Vocabulary("fase")] = Field(description="Wat dit antwoord zegt over de fase van de gemeente op dit aspect.")


class ScanQuestion(Entry):
    """One question of the self-scan; each answer says what it tells about the phase on an aspect."""

    id: Slug = Field(description="Vaste id van de vraag; staat in gedeelde adressen van de zelfscan, dus verandert nooit.")
    aspect: Annotated[Key, Reference("zelfscan_aspecten")] = Field(description="Het aspect waar de vraag over gaat (een id uit content/zelfscan_aspecten.yaml).")
    vraag: Annotated[Text, MaxLen(240)] = Field(description="De vraag, in gewone taal.")
    toelichting: Maybe[Annotated[Markdown, MaxLen(600)]] = Field(default=None, description="Wat met de vraag bedoeld wordt, als dat nodig is (Markdown).")
    opties: ListOf[ScanOption] = Field(description="De antwoorden, van minst naar meest gevorderd; elk zegt welke fase het aangeeft.")
    bron: Bron = Field(description=BRON_DESCRIPTION)


class FrameworkPart(Entry):
    """One part of the administrative framework (bestuurlijk denkkader) of chapter 12, for the worksheet."""

    nummer: Number = Field(description="Volgnummer van het onderdeel (1-5, de volgorde van paragraaf 12.2).")
    titel: Annotated[Text, MaxLen(90)] = Field(description="Naam van het onderdeel.")
    uitleg: Annotated[Markdown, MaxLen(1200)] = Field(description="Wat dit onderdeel vraagt, in eigen woorden (Markdown, zonder kopjes).")
    vragen: ListOf[Annotated[Text, MaxLen(300)]] = Field(description="De leidende vragen uit het rapport, in eigen woorden.")
    adviezen: ListOf[Annotated[NumberKey, Reference("adviezen")]] = Field(default=(), description="Adviezen die bij dit onderdeel horen.")
    risicos: ListOf[Annotated[Key, Reference("risicos")]] = Field(default=(), description="Risicokaarten die bij dit onderdeel horen.")
    bron: Bron = Field(description=BRON_DESCRIPTION)


# --------------------------------------------------------------------------- search


def _search_word(value: str) -> str:
    if value != value.lower() or not SEARCH_WORD.fullmatch(value):
        hint = " ".join(re.findall(r"[^\W_]+", value.lower()))
        raise _fail("'{waarde}' is geen zoekwoord: schrijf kleine letters, woorden gescheiden door één spatie, zonder leestekens, bijv. '{hint}'.", waarde=value, hint=hint)
    return value


SEARCH_WORD = re.compile(r"[^\W_]+(?: [^\W_]+)*")
SearchWord = Annotated[str, Strict(), StringConstraints(strip_whitespace=True, max_length=60), AfterValidator(_search_word)]


class SearchSynonym(Entry):
    """Words readers type that the content writes otherwise: the search also looks for the content's words."""

    id: Slug = Field(description="Vaste naam van deze regel (kleine letters en koppeltekens), bijv. 'predictive'.")
    woorden: ListOf[SearchWord] = Field(description="Wat lezers intikken, bijv. een Engelse term of een afkorting (kleine letters).")
    zoek_ook: ListOf[SearchWord] = Field(description="De woorden waarmee de inhoud hetzelfde zegt; de zoekfunctie zoekt ook daarop (kleine letters).")
    toelichting: Maybe[Annotated[Text, MaxLen(300)]] = Field(default=None, description="Waarom deze woorden bij elkaar horen, voor andere redacteuren.")

    def for_search(self) -> dict[str, list[str]]:
        """What the search script needs: the words to recognise and the words to search as well."""
        return {"woorden": list(self.woorden), "zoek_ook": list(self.zoek_ook)}


# --------------------------------------------------------------------------- collections


@dataclass(frozen=True)
class Collection:
    """A kind of content: where its files are, which model they follow, where its pages live."""

    folder: str  # folder (or, for a list, file stem) under content/
    singular: str  # Dutch, for messages and scaffolding
    model: type[Entry]
    key: str = "id"  # field that identifies an item
    layout: Literal["directory", "list"] = "directory"  # one .md file per item, or one YAML list
    url_prefix: str | None = None  # first segment of the items' page URLs; None: no pages of their own
    body_required: bool = True
    # The order readers see: by a field ("nummer", or alphabetically by "titel" or "naam"), or None: as in the file.
    sort_by: str | None = None
    title: str | None = None  # the overview's title, for breadcrumbs and links
    required: bool = True  # False: a site without this file simply has none of these items

    @property
    def source(self) -> str:
        """The file or folder under content/, as shown to editors."""
        return f"{self.folder}.yaml" if self.layout == "list" else f"{self.folder}/"


CHAPTERS = Collection("hoofdstukken", "hoofdstuk", Chapter, key="nummer", layout="list", body_required=False, sort_by="nummer")
CASES = Collection("praktijkvoorbeelden", "praktijkvoorbeeld", Case, url_prefix="praktijkvoorbeelden", sort_by="titel", title="Praktijkvoorbeelden")
LEARNING_LINES = Collection("leerlijnen", "leerlijn", LearningLine, url_prefix="leerlijnen", sort_by="nummer", title="Leerlijnen")
RISKS = Collection("risicos", "risicokaart", Risk, url_prefix="risicos", sort_by="titel", title="Risicokaarten")
ADVICES = Collection("adviezen", "advies", Advice, key="nummer", layout="list", url_prefix="adviezen", body_required=False, sort_by="nummer", title="Adviezen uit het rapport")
MUNICIPALITIES = Collection("gemeenten", "gemeente", Municipality, layout="list", url_prefix="gemeenten", body_required=False, sort_by="naam", title="Gemeenten")

SCAN_ASPECTS = Collection("zelfscan_aspecten", "aspect van de zelfscan", ScanAspect, layout="list", body_required=False)
SCAN_QUESTIONS = Collection("zelfscan_vragen", "vraag van de zelfscan", ScanQuestion, layout="list", body_required=False)
FRAMEWORK = Collection("denkkader", "onderdeel van het denkkader", FrameworkPart, key="nummer", layout="list", body_required=False, sort_by="nummer")
SYNONYMS = Collection("zoekwoorden", "zoekwoordregel", SearchSynonym, layout="list", body_required=False, required=False)

# In load order: chapters first (advices refer to them).
COLLECTIONS = (CHAPTERS, CASES, LEARNING_LINES, RISKS, ADVICES, MUNICIPALITIES, SCAN_ASPECTS, SCAN_QUESTIONS, FRAMEWORK, SYNONYMS)
BY_FOLDER = {c.folder: c for c in COLLECTIONS}
