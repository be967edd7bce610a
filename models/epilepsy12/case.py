"""A child in the audit and the organisations caring for them.

A child belongs to the organisation of their lead site: the one Site that is both the primary centre
of epilepsy care and actively involved. The database allows at most one such site per child. Former
lead sites stay as history (primary, no longer active).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import CheckConstraint, ForeignKey, Index, SmallInteger, String, false, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Authored, Base
from models.epilepsy12.codes import ETHNICITY, SEX, TRANSFER_STATUS, sql_in
from models.geography import Organisation

if TYPE_CHECKING:
    from models.epilepsy12.registration import Registration

LEAD_SITE = "site_is_primary_centre_of_epilepsy_care AND site_is_actively_involved_in_epilepsy_care"


class Case(Authored, Base):
    """A child: identifiers and demographics, which opt-out wipes while the row stays counted."""

    __tablename__ = "e12_case"
    __audited__ = True
    __table_args__ = (
        CheckConstraint(sql_in("sex", SEX), name="sex"),
        CheckConstraint(sql_in("ethnicity", ETHNICITY), name="ethnicity"),
        CheckConstraint("length(nhs_number) = 10", name="nhs_number_length"),
        CheckConstraint(
            "postcode = upper(postcode) AND postcode NOT LIKE '% %'", name="postcode_normalised"
        ),
        CheckConstraint(
            "index_of_multiple_deprivation_quintile BETWEEN 1 AND 5", name="imd_quintile"
        ),
        CheckConstraint(
            "opted_out_at IS NULL OR (nhs_number IS NULL AND first_name IS NULL "
            "AND surname IS NULL AND sex IS NULL AND date_of_birth IS NULL "
            "AND postcode IS NULL AND ethnicity IS NULL)",
            name="opt_out_wipes_identifiers",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    locked: Mapped[bool] = mapped_column(
        default=False, server_default=false(), comment="submitted; only national staff may edit"
    )
    locked_at: Mapped[dt.datetime | None]
    locked_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL")
    )
    nhs_number: Mapped[str | None] = mapped_column(String(10), unique=True)
    first_name: Mapped[str | None] = mapped_column(String(100))
    surname: Mapped[str | None] = mapped_column(String(100), index=True)
    sex: Mapped[int | None] = mapped_column(SmallInteger, comment="0 not known, 1, 2, 9")
    date_of_birth: Mapped[dt.date | None]
    postcode: Mapped[str | None] = mapped_column(String(8), comment="upper case, no spaces")
    ethnicity: Mapped[str | None] = mapped_column(String(1), comment="NHS ethnic category")
    index_of_multiple_deprivation_quintile: Mapped[int | None] = mapped_column(SmallInteger)
    consent_patient_confirmed: Mapped[bool | None]
    opted_out_at: Mapped[dt.datetime | None] = mapped_column(
        comment="identifiers wiped; the row still counts in annual totals"
    )

    sites: Mapped[list[Site]] = relationship(
        back_populates="case",
        cascade="all, delete-orphan",
        passive_deletes=True,
        lazy="raise_on_sql",
    )
    registration: Mapped[Registration | None] = relationship(
        back_populates="case",
        cascade="all, delete-orphan",
        passive_deletes=True,
        lazy="raise_on_sql",
    )


class Site(Authored, Base):
    """An organisation's part in a child's care; the lead site attributes the child to it."""

    __tablename__ = "e12_site"
    __audited__ = True
    __table_args__ = (
        CheckConstraint(sql_in("transfer_status", TRANSFER_STATUS), name="transfer_status"),
        Index(
            "uq_e12_site_one_lead_site",
            "case_id",
            unique=True,
            postgresql_where=text(LEAD_SITE),
            sqlite_where=text(LEAD_SITE),
        ),
        Index(
            "ix_e12_site_lead_organisation",
            "organisation_id",
            "case_id",
            postgresql_where=text(LEAD_SITE),
            sqlite_where=text(LEAD_SITE),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("e12_case.id", ondelete="CASCADE"), index=True)
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisation.id", ondelete="RESTRICT"), index=True
    )
    site_is_actively_involved_in_epilepsy_care: Mapped[bool] = mapped_column(
        default=False, server_default=false()
    )
    site_is_primary_centre_of_epilepsy_care: Mapped[bool] = mapped_column(
        default=False, server_default=false(), comment="lead site while also actively involved"
    )
    site_is_childrens_epilepsy_surgery_centre: Mapped[bool] = mapped_column(
        default=False, server_default=false()
    )
    site_is_paediatric_neurology_centre: Mapped[bool] = mapped_column(
        default=False, server_default=false()
    )
    site_is_general_paediatric_centre: Mapped[bool] = mapped_column(
        default=False, server_default=false()
    )
    active_transfer: Mapped[bool] = mapped_column(
        default=False, server_default=false(), comment="a transfer to this site awaits an answer"
    )
    transfer_origin_organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisation.id", ondelete="RESTRICT")
    )
    transfer_request_date: Mapped[dt.date | None]
    transfer_status: Mapped[str | None] = mapped_column(
        String(8), comment="pending, accepted or rejected"
    )

    case: Mapped[Case] = relationship(back_populates="sites", lazy="raise_on_sql")
    organisation: Mapped[Organisation] = relationship(
        foreign_keys=[organisation_id], lazy="joined", innerjoin=True
    )
    transfer_origin_organisation: Mapped[Organisation | None] = relationship(
        foreign_keys=[transfer_origin_organisation_id], lazy="raise_on_sql"
    )

    @property
    def is_lead(self) -> bool:
        """Whether this is the child's current lead site."""
        return (
            self.site_is_primary_centre_of_epilepsy_care
            and self.site_is_actively_involved_in_epilepsy_care
        )
