"""NHS geography: countries, regions, boards, networks, trusts and the organisations under them.

Areas keep their boundary as GeoJSON text (no PostGIS needed, so SQLite works too) and a validity
period, so that boundaries of different years (the 42 ICBs of 2023, the 36 of 2026) live side by side.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Float, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, declared_attr, mapped_column, relationship

from models.base import Base, Timestamped


class Boundary:
    """An area's simplified boundary as a GeoJSON geometry, and when the area existed."""

    __reference_data__ = True

    geometry: Mapped[str | None] = mapped_column(Text, deferred=True)
    valid_from: Mapped[dt.date | None]
    valid_to: Mapped[dt.date | None] = mapped_column(comment="exclusive; NULL while current")


class Country(Timestamped, Boundary, Base):
    __tablename__ = "country"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(9), unique=True, comment="ONS GSS code")
    name: Mapped[str] = mapped_column(String(100))
    welsh_name: Mapped[str | None] = mapped_column(String(100))
    boundary_identifier: Mapped[str | None] = mapped_column(String(9))


class CountryMember:
    @declared_attr
    def country_id(cls) -> Mapped[int | None]:
        return mapped_column(ForeignKey("country.id"), index=True)


class NHSEnglandRegion(Timestamped, Boundary, CountryMember, Base):
    __tablename__ = "nhs_england_region"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(3), unique=True, comment="ODS code, e.g. Y56")
    name: Mapped[str] = mapped_column(String(100))
    boundary_identifier: Mapped[str | None] = mapped_column(String(9))


class IntegratedCareBoard(Timestamped, Boundary, CountryMember, Base):
    """An ICB as it stood for one boundary vintage; a code may recur across vintages."""

    __tablename__ = "integrated_care_board"
    __table_args__ = (UniqueConstraint("code", "valid_from"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(5), index=True, comment="ODS code, e.g. QHM")
    name: Mapped[str] = mapped_column(String(150))
    boundary_identifier: Mapped[str | None] = mapped_column(String(9))
    nhs_england_region_id: Mapped[int | None] = mapped_column(ForeignKey("nhs_england_region.id"))

    nhs_england_region: Mapped[NHSEnglandRegion | None] = relationship()


class IntegratedCareBoardSuccession(Base):
    """How an ICB's area passed to the ICBs of the next boundary vintage."""

    __reference_data__ = True
    __tablename__ = "integrated_care_board_succession"

    predecessor_id: Mapped[int] = mapped_column(
        ForeignKey("integrated_care_board.id", ondelete="CASCADE"), primary_key=True
    )
    successor_id: Mapped[int] = mapped_column(
        ForeignKey("integrated_care_board.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    area_share: Mapped[float | None] = mapped_column(
        Float, comment="share of the predecessor's area, about ±0.5%"
    )
    change_type: Mapped[str] = mapped_column(
        String(40), comment="unchanged, merger, split or continues_with_boundary_change"
    )


class LocalHealthBoard(Timestamped, Boundary, CountryMember, Base):
    __tablename__ = "local_health_board"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(3), unique=True, comment="ODS code, e.g. 7A1")
    name: Mapped[str] = mapped_column(String(150))
    welsh_name: Mapped[str | None] = mapped_column(String(150))
    boundary_identifier: Mapped[str | None] = mapped_column(String(9))


class LondonBorough(Timestamped, Boundary, Base):
    __tablename__ = "london_borough"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(9), unique=True, comment="ONS GSS code, E09…")
    name: Mapped[str] = mapped_column(String(100))
    boundary_identifier: Mapped[str | None] = mapped_column(String(9))
    inner_london: Mapped[bool | None]
    nhs_england_region_id: Mapped[int | None] = mapped_column(ForeignKey("nhs_england_region.id"))


class OpenUKNetwork(Timestamped, CountryMember, Base):
    """An OPEN UK paediatric epilepsy network: defined by membership, so it has no boundary."""

    __reference_data__ = True
    __tablename__ = "openuk_network"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(10), unique=True)
    name: Mapped[str] = mapped_column(String(150))


class OpenUKNetworkMember(Base):
    """A trust or local health board in an OPEN UK network; a few belong to two."""

    __reference_data__ = True
    __tablename__ = "openuk_network_member"

    openuk_network_id: Mapped[int] = mapped_column(
        ForeignKey("openuk_network.id", ondelete="CASCADE"), primary_key=True
    )
    ods_code: Mapped[str] = mapped_column(String(5), primary_key=True, index=True)
    parent_type: Mapped[str] = mapped_column(String(20), comment="trust or local_health_board")
    rcpch_primary: Mapped[bool] = mapped_column(default=False)


class Trust(Timestamped, CountryMember, Base):
    __reference_data__ = True

    __tablename__ = "trust"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(5), unique=True, comment="ODS code, e.g. RTD")
    name: Mapped[str] = mapped_column(String(200))
    address_line_1: Mapped[str | None] = mapped_column(String(200))
    address_line_2: Mapped[str | None] = mapped_column(String(200))
    town: Mapped[str | None] = mapped_column(String(100))
    postcode: Mapped[str | None] = mapped_column(String(10))
    openuk_network_id: Mapped[int | None] = mapped_column(ForeignKey("openuk_network.id"))
    active: Mapped[bool] = mapped_column(default=True)

    openuk_network: Mapped[OpenUKNetwork | None] = relationship()


class TrustIntegratedCareBoard(Base):
    """A trust serving an ICB; a trust may serve several."""

    __reference_data__ = True
    __tablename__ = "trust_integrated_care_board"

    trust_id: Mapped[int] = mapped_column(
        ForeignKey("trust.id", ondelete="CASCADE"), primary_key=True
    )
    integrated_care_board_id: Mapped[int] = mapped_column(
        ForeignKey("integrated_care_board.id", ondelete="CASCADE"), primary_key=True
    )
    rcpch_primary: Mapped[bool] = mapped_column(default=False)


class TrustSuccession(Base):
    """A trust acquisition in which the successor kept its ODS code."""

    __reference_data__ = True
    __tablename__ = "trust_succession"
    __table_args__ = (UniqueConstraint("successor_code", "predecessor_name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    predecessor_code: Mapped[str | None] = mapped_column(
        String(5), comment="NULL where the source names the predecessor but gives no code"
    )
    predecessor_name: Mapped[str] = mapped_column(String(200))
    successor_code: Mapped[str] = mapped_column(String(5))
    successor_name: Mapped[str] = mapped_column(String(200))
    succession_date: Mapped[dt.date]


class PaediatricDiabetesNetwork(Timestamped, Base):
    __reference_data__ = True

    __tablename__ = "paediatric_diabetes_network"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(4), unique=True, comment="PN01…PN12")
    name: Mapped[str] = mapped_column(String(150))


class PaediatricDiabetesUnit(Timestamped, Base):
    """An NPDA paediatric diabetes unit (PZ code), led from one or more ODS sites."""

    __reference_data__ = True
    __tablename__ = "paediatric_diabetes_unit"

    id: Mapped[int] = mapped_column(primary_key=True)
    pz_code: Mapped[str] = mapped_column(String(5), unique=True)
    paediatric_diabetes_network_id: Mapped[int | None] = mapped_column(
        ForeignKey("paediatric_diabetes_network.id")
    )

    network: Mapped[PaediatricDiabetesNetwork | None] = relationship()
    leads: Mapped[list[PaediatricDiabetesUnitLead]] = relationship(
        back_populates="unit", cascade="all, delete-orphan"
    )


class PaediatricDiabetesUnitLead(Base):
    """The ODS code (organisation, trust or health board) that leads a unit."""

    __reference_data__ = True
    __tablename__ = "paediatric_diabetes_unit_lead"

    paediatric_diabetes_unit_id: Mapped[int] = mapped_column(
        ForeignKey("paediatric_diabetes_unit.id", ondelete="CASCADE"), primary_key=True
    )
    ods_code: Mapped[str] = mapped_column(String(10), primary_key=True)
    ods_level: Mapped[str] = mapped_column(String(20))
    notes: Mapped[str | None] = mapped_column(Text)

    unit: Mapped[PaediatricDiabetesUnit] = relationship(back_populates="leads")


class Organisation(Timestamped, CountryMember, Base):
    """A hospital or community paediatric site: the unit that children are attributed to."""

    __reference_data__ = True
    __tablename__ = "organisation"

    id: Mapped[int] = mapped_column(primary_key=True)
    ods_code: Mapped[str] = mapped_column(String(10), unique=True)
    name: Mapped[str] = mapped_column(String(200), index=True)
    trust_id: Mapped[int | None] = mapped_column(ForeignKey("trust.id"), index=True)
    local_health_board_id: Mapped[int | None] = mapped_column(
        ForeignKey("local_health_board.id"), index=True
    )
    nhs_england_region_id: Mapped[int | None] = mapped_column(
        ForeignKey("nhs_england_region.id"), index=True
    )
    openuk_network_id: Mapped[int | None] = mapped_column(
        ForeignKey("openuk_network.id"), index=True
    )
    london_borough_id: Mapped[int | None] = mapped_column(ForeignKey("london_borough.id"))
    paediatric_diabetes_unit_id: Mapped[int | None] = mapped_column(
        ForeignKey("paediatric_diabetes_unit.id"), index=True
    )
    address1: Mapped[str | None] = mapped_column(String(200))
    address2: Mapped[str | None] = mapped_column(String(200))
    address3: Mapped[str | None] = mapped_column(String(200))
    city: Mapped[str | None] = mapped_column(String(100))
    county: Mapped[str | None] = mapped_column(String(100))
    postcode: Mapped[str | None] = mapped_column(String(10))
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    coordinate_quality: Mapped[str | None] = mapped_column(String(20))
    local_authority_code: Mapped[str | None] = mapped_column(String(9))
    website: Mapped[str | None] = mapped_column(String(300))
    telephone: Mapped[str | None] = mapped_column(String(50))
    record_source: Mapped[str | None] = mapped_column(String(50))
    notes: Mapped[str | None] = mapped_column(Text)
    active: Mapped[bool] = mapped_column(
        default=True, comment="False once gone from the reference files"
    )

    trust: Mapped[Trust | None] = relationship()
    local_health_board: Mapped[LocalHealthBoard | None] = relationship()
    nhs_england_region: Mapped[NHSEnglandRegion | None] = relationship()
    openuk_network: Mapped[OpenUKNetwork | None] = relationship()
    london_borough: Mapped[LondonBorough | None] = relationship()
    paediatric_diabetes_unit: Mapped[PaediatricDiabetesUnit | None] = relationship()
    country: Mapped[Country | None] = relationship()
    integrated_care_boards: Mapped[list[IntegratedCareBoard]] = relationship(
        secondary="organisation_integrated_care_board", order_by="IntegratedCareBoard.valid_from"
    )


class OrganisationIntegratedCareBoard(Base):
    """The ICB that contains an organisation, one row per boundary vintage."""

    __reference_data__ = True
    __tablename__ = "organisation_integrated_care_board"

    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisation.id", ondelete="CASCADE"), primary_key=True
    )
    integrated_care_board_id: Mapped[int] = mapped_column(
        ForeignKey("integrated_care_board.id", ondelete="CASCADE"), primary_key=True, index=True
    )
