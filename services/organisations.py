"""The organisations directory and each organisation's place in the NHS hierarchy.

Organisations and their geography are published reference data, so every role holding
``directory.read`` sees all of them; paging, sorting and filtering happen in SQL.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from sqlalchemy import Select, and_, func, or_, select
from sqlalchemy.orm import Session

from models.geography import (
    Country,
    IntegratedCareBoard,
    LocalHealthBoard,
    NHSEnglandRegion,
    OpenUKNetwork,
    Organisation,
    OrganisationIntegratedCareBoard,
    Trust,
)
from portal import access
from portal.maps import Bounds, geojson_bounds
from services.maps import icb_layer, valid_on

PER_PAGE = 25
SORT_COLUMNS = ("name", "ods_code", "parent", "icb", "region")
#: The directory's filters: query-string key → what the filter selects by code.
FILTERS = ("country", "region", "icb", "lhb", "network", "trust")
#: The value of a filter that filters nothing, as a select can hold it (it cannot hold "").
ANY = "any"


def _code(value: str | None) -> str | None:
    code = (value or "").strip().upper()
    return None if code in ("", ANY.upper()) else code


@dataclass(frozen=True)
class DirectoryQuery:
    """One view of the directory: search text, filters by code, sort order and page."""

    search: str = ""
    country: str | None = None
    region: str | None = None
    icb: str | None = None
    lhb: str | None = None
    network: str | None = None
    trust: str | None = None
    sort: str = "name"
    descending: bool = False
    page: int = 1

    @classmethod
    def from_params(cls, params: Mapping[str, str | None]) -> DirectoryQuery:
        """Read a query from URL parameters, ignoring unknown keys and malformed values."""
        filters = {key: _code(params.get(key)) for key in FILTERS}
        sort = params.get("sort") or "name"
        try:
            page = max(1, int(params.get("page") or 1))
        except ValueError:
            page = 1
        return cls(
            search=(params.get("q") or "").strip()[:100],
            sort=sort if sort in SORT_COLUMNS else "name",
            descending=params.get("dir") == "desc",
            page=page,
            **filters,
        )

    def to_params(self) -> dict[str, str]:
        """Return the URL parameters that reopen this view, leaving out the defaults."""
        params: dict[str, str] = {}
        if self.search:
            params["q"] = self.search
        for key in FILTERS:
            if getattr(self, key):
                params[key] = getattr(self, key)
        if self.sort != "name":
            params["sort"] = self.sort
        if self.descending:
            params["dir"] = "desc"
        if self.page > 1:
            params["page"] = str(self.page)
        return params

    def with_changes(self, **changes) -> DirectoryQuery:
        return replace(self, **changes)


@dataclass(frozen=True)
class DirectoryRow:
    ods_code: str
    name: str
    parent_code: str | None
    parent_name: str | None
    icb_code: str | None
    icb_name: str | None
    region_code: str | None
    region_name: str | None
    country_name: str | None


@dataclass(frozen=True)
class DirectoryPage:
    """One page of results, with the page actually shown after clamping to the last page."""

    rows: list[DirectoryRow]
    total: int
    page: int
    page_count: int
    per_page: int
    query: DirectoryQuery

    @property
    def first(self) -> int:
        return 0 if not self.total else (self.page - 1) * self.per_page + 1

    @property
    def last(self) -> int:
        return min(self.total, self.page * self.per_page)


@dataclass(frozen=True)
class Option:
    code: str
    name: str


@dataclass(frozen=True)
class DirectoryOptions:
    """The choices of each directory filter, as they stand in the database."""

    country: list[Option] = field(default_factory=list)
    region: list[Option] = field(default_factory=list)
    icb: list[Option] = field(default_factory=list)
    lhb: list[Option] = field(default_factory=list)
    network: list[Option] = field(default_factory=list)
    trust: list[Option] = field(default_factory=list)

    def unknown_filters(self, query: DirectoryQuery) -> list[str]:
        """Return the filters of ``query`` whose code is not one of the choices."""
        return [
            key
            for key in FILTERS
            if getattr(query, key)
            and getattr(query, key) not in {option.code for option in getattr(self, key)}
        ]


def _current_icb(on: dt.date):
    """Subquery of each organisation's ICB in the boundary vintage valid on ``on``."""
    return (
        select(
            OrganisationIntegratedCareBoard.organisation_id,
            IntegratedCareBoard.code,
            IntegratedCareBoard.name,
        )
        .join(IntegratedCareBoard)
        .where(valid_on(IntegratedCareBoard, on))
        .subquery("current_icb")
    )


def _directory_statement(query: DirectoryQuery, on: dt.date) -> tuple[Select, dict]:
    icb = _current_icb(on)
    parent_name = func.coalesce(Trust.name, LocalHealthBoard.name)
    statement = (
        select(
            Organisation.ods_code,
            Organisation.name,
            func.coalesce(Trust.code, LocalHealthBoard.code).label("parent_code"),
            parent_name.label("parent_name"),
            icb.c.code.label("icb_code"),
            icb.c.name.label("icb_name"),
            NHSEnglandRegion.code.label("region_code"),
            NHSEnglandRegion.name.label("region_name"),
            Country.name.label("country_name"),
        )
        .select_from(Organisation)
        .outerjoin(Trust, Organisation.trust_id == Trust.id)
        .outerjoin(LocalHealthBoard, Organisation.local_health_board_id == LocalHealthBoard.id)
        .outerjoin(icb, icb.c.organisation_id == Organisation.id)
        .outerjoin(NHSEnglandRegion, Organisation.nhs_england_region_id == NHSEnglandRegion.id)
        .outerjoin(Country, Organisation.country_id == Country.id)
        .outerjoin(OpenUKNetwork, Organisation.openuk_network_id == OpenUKNetwork.id)
        .where(Organisation.active)
    )
    if query.search:
        statement = statement.where(
            or_(
                Organisation.name.icontains(query.search, autoescape=True),
                Organisation.ods_code.icontains(query.search, autoescape=True),
            )
        )
    by_code = {
        "country": Country.code,
        "region": NHSEnglandRegion.code,
        "icb": icb.c.code,
        "lhb": LocalHealthBoard.code,
        "network": OpenUKNetwork.code,
        "trust": Trust.code,
    }
    for key, column in by_code.items():
        if getattr(query, key):
            statement = statement.where(column == getattr(query, key))
    sort_keys = {
        "name": func.lower(Organisation.name),
        "ods_code": Organisation.ods_code,
        "parent": func.lower(parent_name),
        "icb": func.lower(icb.c.name),
        "region": func.lower(NHSEnglandRegion.name),
    }
    return statement, sort_keys


def search_organisations(
    *,
    session: Session,
    user,
    query: DirectoryQuery,
    per_page: int = PER_PAGE,
    on: dt.date | None = None,
) -> DirectoryPage:
    """Return one page of active organisations matching ``query``, sorted and counted in SQL."""
    access.require(user, "directory.read")
    statement, sort_keys = _directory_statement(query, on or dt.date.today())
    total = session.scalar(select(func.count()).select_from(statement.subquery())) or 0
    page_count = max(1, math.ceil(total / per_page))
    page = min(query.page, page_count)
    key = sort_keys[query.sort]
    ordering = [key.desc().nulls_last() if query.descending else key.asc().nulls_last()]
    if query.sort != "name":
        ordering.append(sort_keys["name"])
    ordering.append(Organisation.ods_code)
    rows = session.execute(
        statement.order_by(*ordering).limit(per_page).offset((page - 1) * per_page)
    ).all()
    return DirectoryPage(
        rows=[DirectoryRow(**row._mapping) for row in rows],
        total=total,
        page=page,
        page_count=page_count,
        per_page=per_page,
        query=query.with_changes(page=page),
    )


def _options(session: Session, model, link, *extra_conditions) -> list[Option]:
    """Return the areas of ``model`` that have at least one active organisation."""
    statement = (
        select(model.code, model.name)
        .where(
            select(Organisation.id).where(link, Organisation.active).exists(),
            *extra_conditions,
        )
        .order_by(func.lower(model.name))
    )
    return [Option(code, name) for code, name in session.execute(statement)]


def directory_options(*, session: Session, user, on: dt.date | None = None) -> DirectoryOptions:
    """Return each filter's choices: the areas that hold at least one active organisation."""
    access.require(user, "directory.read")
    on = on or dt.date.today()
    icb_link = and_(
        OrganisationIntegratedCareBoard.organisation_id == Organisation.id,
        OrganisationIntegratedCareBoard.integrated_care_board_id == IntegratedCareBoard.id,
    )
    return DirectoryOptions(
        country=_options(session, Country, Organisation.country_id == Country.id),
        region=_options(
            session, NHSEnglandRegion, Organisation.nhs_england_region_id == NHSEnglandRegion.id
        ),
        icb=_options(
            session,
            IntegratedCareBoard,
            select(OrganisationIntegratedCareBoard.organisation_id).where(icb_link).exists(),
            valid_on(IntegratedCareBoard, on),
        ),
        lhb=_options(
            session,
            LocalHealthBoard,
            Organisation.local_health_board_id == LocalHealthBoard.id,
        ),
        network=_options(
            session, OpenUKNetwork, Organisation.openuk_network_id == OpenUKNetwork.id
        ),
        trust=_options(session, Trust, Organisation.trust_id == Trust.id),
    )


@dataclass(frozen=True)
class Area:
    code: str
    name: str


@dataclass(frozen=True)
class IcbMembership:
    """The ICB containing the organisation in one boundary vintage."""

    code: str
    name: str
    valid_from: dt.date | None
    valid_to: dt.date | None
    current: bool


@dataclass(frozen=True)
class MapFocus:
    """The boundary to draw around an organisation: which layer, which area, and its extent."""

    layer: str
    code: str
    name: str
    bounds: Bounds


@dataclass(frozen=True)
class OrganisationDetail:
    ods_code: str
    name: str
    active: bool
    address: list[str]
    postcode: str | None
    latitude: float | None
    longitude: float | None
    website: str | None
    telephone: str | None
    notes: str | None
    trust: Area | None
    local_health_board: Area | None
    icbs: list[IcbMembership]
    region: Area | None
    network: Area | None
    diabetes_unit: str | None
    diabetes_network: Area | None
    country: Area | None
    london_borough: Area | None
    siblings: list[Area]
    map_focus: MapFocus | None


def _area(row) -> Area | None:
    return Area(row.code, row.name) if row is not None else None


def organisation_detail(
    *, session: Session, user, ods_code: str, on: dt.date | None = None
) -> OrganisationDetail | None:
    """Return an organisation with every level above it, or None if the code is unknown."""
    access.require(user, "directory.read")
    on = on or dt.date.today()
    organisation = session.scalar(
        select(Organisation).where(Organisation.ods_code == ods_code.strip().upper())
    )
    if organisation is None:
        return None
    icbs = session.execute(
        select(IntegratedCareBoard, valid_on(IntegratedCareBoard, on).label("current"))
        .join(OrganisationIntegratedCareBoard)
        .where(OrganisationIntegratedCareBoard.organisation_id == organisation.id)
        .order_by(IntegratedCareBoard.valid_from.desc())
    ).all()
    memberships = [
        IcbMembership(icb.code, icb.name, icb.valid_from, icb.valid_to, bool(current))
        for icb, current in icbs
    ]
    unit = organisation.paediatric_diabetes_unit
    return OrganisationDetail(
        ods_code=organisation.ods_code,
        name=organisation.name,
        active=organisation.active,
        address=[
            line
            for line in (
                organisation.address1,
                organisation.address2,
                organisation.address3,
                organisation.city,
                organisation.county,
            )
            if line
        ],
        postcode=organisation.postcode,
        latitude=organisation.latitude,
        longitude=organisation.longitude,
        website=organisation.website,
        telephone=organisation.telephone,
        notes=organisation.notes,
        trust=_area(organisation.trust),
        local_health_board=_area(organisation.local_health_board),
        icbs=memberships,
        region=_area(organisation.nhs_england_region),
        network=_area(organisation.openuk_network),
        diabetes_unit=unit.pz_code if unit else None,
        diabetes_network=_area(unit.network) if unit else None,
        country=_area(organisation.country),
        london_borough=_area(organisation.london_borough),
        siblings=_siblings(session, organisation),
        map_focus=_map_focus(session, organisation, [icb for icb, current in icbs if current]),
    )


def _siblings(session: Session, organisation: Organisation) -> list[Area]:
    """Return the other active organisations of the same trust or local health board."""
    if organisation.trust_id is not None:
        same_parent = Organisation.trust_id == organisation.trust_id
    elif organisation.local_health_board_id is not None:
        same_parent = Organisation.local_health_board_id == organisation.local_health_board_id
    else:
        return []
    rows = session.execute(
        select(Organisation.ods_code, Organisation.name)
        .where(same_parent, Organisation.active, Organisation.id != organisation.id)
        .order_by(func.lower(Organisation.name))
    )
    return [Area(code, name) for code, name in rows]


def _map_focus(
    session: Session, organisation: Organisation, current_icbs: list[IntegratedCareBoard]
) -> MapFocus | None:
    """Choose the boundary drawn around the organisation: its current ICB, else its LHB."""
    if current_icbs:
        area, layer = current_icbs[0], icb_layer(current_icbs[0].valid_from)
        model = IntegratedCareBoard
    elif organisation.local_health_board is not None:
        area, layer = organisation.local_health_board, "local_health_board"
        model = LocalHealthBoard
    else:
        return None
    geometry = session.scalar(select(model.geometry).where(model.id == area.id))
    if not geometry:
        return None
    return MapFocus(layer=layer, code=area.code, name=area.name, bounds=geojson_bounds(geometry))
