"""In-app notifications, such as a request to accept a child transferred from another organisation."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.accounts import User
from models.base import Base, utcnow
from models.geography import Organisation


class Notification(Base):
    """A message for an organisation's team or for one user, with a link to act on it."""

    __tablename__ = "notification"
    __table_args__ = (
        CheckConstraint(
            "recipient_organisation_id IS NOT NULL OR recipient_user_id IS NOT NULL",
            name="has_recipient",
        ),
        CheckConstraint("link_path LIKE '/%'", name="link_is_local_path"),
        CheckConstraint("read_by_id IS NULL OR read_at IS NOT NULL", name="read_by_needs_read_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    recipient_organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisation.id", ondelete="CASCADE"), index=True
    )
    recipient_user_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(50), comment="e.g. e12.transfer_request")
    message: Mapped[str] = mapped_column(String(500))
    link_path: Mapped[str | None] = mapped_column(String(300), comment="a path in this portal")
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow, index=True)
    read_at: Mapped[dt.datetime | None]
    read_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL")
    )

    recipient_organisation: Mapped[Organisation | None] = relationship(lazy="raise_on_sql")
    recipient_user: Mapped[User | None] = relationship(
        foreign_keys=[recipient_user_id], lazy="raise_on_sql"
    )
    read_by: Mapped[User | None] = relationship(foreign_keys=[read_by_id], lazy="raise_on_sql")
