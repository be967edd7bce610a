"""Portal accounts, their sign-in history and the per-role security policy."""

from __future__ import annotations

import datetime as dt
import secrets

from sqlalchemy import CheckConstraint, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, Timestamped, utcnow
from models.geography import Organisation
from portal.roles import NATIONAL_ROLES, Role

_ROLE_VALUES = ", ".join(f"'{role.value}'" for role in Role)
_NATIONAL_VALUES = ", ".join(f"'{role.value}'" for role in NATIONAL_ROLES)


def new_session_token() -> str:
    """Return a fresh token; changing it signs the account out everywhere."""
    return secrets.token_urlsafe(24)


class User(Timestamped, Base):
    """A person who signs in: one role, and an employer unless the role is national."""

    __tablename__ = "user_account"
    __audited__ = True
    __table_args__ = (
        CheckConstraint("email = lower(email)", name="email_lower_case"),
        CheckConstraint(f"role IN ({_ROLE_VALUES})", name="role_known"),
        CheckConstraint(
            f"role IN ({_NATIONAL_VALUES}) OR organisation_id IS NOT NULL",
            name="employer_required",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True, comment="stored lower-case")
    full_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(32))
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisation.id"), index=True)
    password_hash: Mapped[str] = mapped_column(String(200))
    is_active: Mapped[bool] = mapped_column(default=True)
    must_change_password: Mapped[bool] = mapped_column(default=False)
    password_changed_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    failed_sign_ins: Mapped[int] = mapped_column(default=0)
    locked_until: Mapped[dt.datetime | None]
    totp_secret: Mapped[str | None] = mapped_column(String(300), comment="encrypted")
    totp_enabled_at: Mapped[dt.datetime | None]
    totp_last_step: Mapped[int | None] = mapped_column(comment="last accepted 30 s step: no replay")
    last_sign_in_at: Mapped[dt.datetime | None]
    session_token: Mapped[str] = mapped_column(String(64), default=new_session_token)

    organisation: Mapped[Organisation | None] = relationship()

    @property
    def role_enum(self) -> Role:
        return Role(self.role)

    # Flask-Login protocol. The id carries the session token, so rotating the token
    # (password change, deactivation) ends every other session of this account.
    @property
    def is_authenticated(self) -> bool:
        return True

    @property
    def is_anonymous(self) -> bool:
        return False

    def get_id(self) -> str:
        return f"{self.id}:{self.session_token}"


class AuthEvent(Base):
    """One sign-in, failure, lockout, sign-out or password change: append-only."""

    __tablename__ = "auth_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(default=utcnow, index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"), index=True)
    email: Mapped[str] = mapped_column(String(254), comment="as typed, for unknown accounts")
    kind: Mapped[str] = mapped_column(String(32))
    ip_address: Mapped[str | None] = mapped_column(String(45))
    user_agent: Mapped[str | None] = mapped_column(String(400))
    detail: Mapped[str | None] = mapped_column(String(300))

    user: Mapped[User | None] = relationship()


class RolePolicy(Timestamped, Base):
    """Security settings an administrator sets per role."""

    __tablename__ = "role_policy"

    role: Mapped[str] = mapped_column(String(32), primary_key=True)
    totp_required: Mapped[bool] = mapped_column(default=False)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
