"""Precomputed audit results: snapshots of every measure at every level, private or published.

One tidy table of figures keyed by (snapshot, audit, cohort, measure, level, area code) serves
every audit and every level; pages only ever read it. A *working* snapshot per audit and cohort
is recomputed in place by the aggregation task; a *published* snapshot is a dated, attributed,
suppressed copy that the database refuses to change.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, Float, ForeignKey, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, utcnow


class ReportSnapshot(Base):
    """One computation of an audit's results for one cohort."""

    __tablename__ = "report_snapshot"
    __table_args__ = (
        CheckConstraint("kind IN ('working', 'published')", name="kind_known"),
        Index(
            "uq_report_snapshot_working",
            "audit",
            "cohort",
            unique=True,
            postgresql_where=text("kind = 'working'"),
            sqlite_where=text("kind = 'working'"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    audit: Mapped[str] = mapped_column(String(32))
    cohort: Mapped[int] = mapped_column(comment="cohort number, or the audit year's first year")
    kind: Mapped[str] = mapped_column(String(10))
    computed_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    as_of: Mapped[dt.date] = mapped_column(comment="the date the geography and eligibility used")
    published_at: Mapped[dt.datetime | None]
    published_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    source_snapshot_id: Mapped[int | None] = mapped_column(ForeignKey("report_snapshot.id"))
    suppression_threshold: Mapped[int | None]
    note: Mapped[str | None] = mapped_column(Text)

    figures: Mapped[list[ReportFigure]] = relationship(
        back_populates="snapshot", lazy="raise", passive_deletes=True
    )


class ReportFigure(Base):
    """One measure's result for one area: counts for a proportion, n and value for a statistic.

    In a published snapshot a suppressed count is NULL with ``suppressed`` set, so the hidden
    number is never stored where the public side could read it.
    """

    __tablename__ = "report_figure"
    __table_args__ = (Index("ix_report_figure_measure", "snapshot_id", "measure", "level"),)

    snapshot_id: Mapped[int] = mapped_column(
        ForeignKey("report_snapshot.id", ondelete="CASCADE"), primary_key=True
    )
    level: Mapped[str] = mapped_column(String(32), primary_key=True)
    area_code: Mapped[str] = mapped_column(String(16), primary_key=True)
    measure: Mapped[str] = mapped_column(String(64), primary_key=True)
    audit: Mapped[str] = mapped_column(String(32))
    cohort: Mapped[int]
    passed: Mapped[int | None]
    eligible: Mapped[int | None]
    ineligible: Mapped[int | None]
    incomplete: Mapped[int | None]
    n: Mapped[int | None]
    value: Mapped[float | None] = mapped_column(Float)
    suppressed: Mapped[bool] = mapped_column(default=False)

    snapshot: Mapped[ReportSnapshot] = relationship(back_populates="figures")


class ReviewNote(Base):
    """The actions a team agreed for one measure when reviewing its results together."""

    __tablename__ = "review_note"

    audit: Mapped[str] = mapped_column(String(32), primary_key=True)
    cohort: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id"), primary_key=True)
    measure: Mapped[str] = mapped_column(String(64), primary_key=True)
    agreed_actions: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
