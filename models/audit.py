"""The append-only trail of every change to a record that holds personal data."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import BigInteger, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, utcnow


class AuditEvent(Base):
    """Who changed which row of which table, when, and which fields; never the values."""

    __tablename__ = "audit_event"

    id: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True
    )
    at: Mapped[dt.datetime] = mapped_column(default=utcnow, index=True)
    actor_id: Mapped[int | None] = mapped_column(
        comment="user_account.id; no FK so it never changes"
    )
    actor_label: Mapped[str] = mapped_column(String(254))
    action: Mapped[str] = mapped_column(String(6), comment="insert, update or delete")
    table_name: Mapped[str] = mapped_column(String(63), index=True)
    row_id: Mapped[str] = mapped_column(String(64))
    changed_fields: Mapped[list[str]]
