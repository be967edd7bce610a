"""The one place that decides what a user may see and do.

Two questions, always answered on the server:

* *may this role do this?* — ``can(user, capability)``, from the capability table below plus the
  tables each audit domain registers;
* *which organisations' data may this user touch?* — ``scope_for(session, user)``: national roles see
  every organisation; everyone else sees the organisations of their employer's trust (England) or
  local health board (Wales). Every query of organisation-scoped data filters through ``Scope``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from flask import g, has_app_context
from sqlalchemy import ColumnElement, Select, bindparam, false, select, true
from sqlalchemy.orm import Session, aliased
from werkzeug.exceptions import Forbidden

from portal.roles import AUDIT_ROLES, HOSPITAL_ROLES, Role

ALL_ROLES = frozenset(Role)
_USER_MANAGERS = frozenset({Role.LEAD_CLINICIAN, Role.NATIONAL_AUDIT_TEAM, Role.HOSPITAL_ADMIN})

_CAPABILITIES: dict[str, frozenset[Role]] = {
    "directory.read": ALL_ROLES,
    "notifications.read": ALL_ROLES,
    "users.manage": _USER_MANAGERS,
    "auth_log.read": _USER_MANAGERS,
    "system.admin": frozenset({Role.NATIONAL_AUDIT_TEAM}),
}

#: Which roles an account manager may create, edit or deactivate.
_MANAGEABLE_ROLES: dict[Role, frozenset[Role]] = {
    Role.NATIONAL_AUDIT_TEAM: ALL_ROLES,
    Role.LEAD_CLINICIAN: AUDIT_ROLES - {Role.NATIONAL_AUDIT_TEAM},
    Role.HOSPITAL_ADMIN: HOSPITAL_ROLES,
}


class AccessDenied(Forbidden):
    """The signed-in user may not do this; answered as HTTP 403."""

    description = "You do not have access to this."


def register_capabilities(table: Mapping[str, Iterable[Role]]) -> None:
    """Add a domain's capabilities; a name may be registered only once."""
    for name, roles in table.items():
        if name in _CAPABILITIES and _CAPABILITIES[name] != frozenset(roles):
            raise ValueError(f"capability {name!r} is already registered differently")
        _CAPABILITIES[name] = frozenset(roles)


def capabilities() -> Mapping[str, frozenset[Role]]:
    """Return every known capability and the roles that hold it."""
    return dict(_CAPABILITIES)


def _role(user) -> Role | None:
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    if not getattr(user, "is_active", False):
        return None
    return Role(user.role)


def can(user, capability: str) -> bool:
    """Return whether ``user``'s role holds ``capability``; unknown names are an error."""
    try:
        roles = _CAPABILITIES[capability]
    except KeyError:
        raise KeyError(f"unknown capability {capability!r}") from None
    role = _role(user)
    return role is not None and role in roles


def require(user, capability: str) -> None:
    """Raise ``AccessDenied`` unless ``user`` holds ``capability``."""
    if not can(user, capability):
        raise AccessDenied()


@dataclass(frozen=True)
class Scope:
    """The organisations whose data a user may touch; ``None`` means every organisation."""

    organisation_ids: frozenset[int] | None

    @property
    def is_national(self) -> bool:
        return self.organisation_ids is None

    def allows(self, organisation_id: int | None) -> bool:
        if self.organisation_ids is None:
            return True
        return organisation_id is not None and organisation_id in self.organisation_ids

    def check(self, organisation_id: int | None) -> None:
        """Raise ``AccessDenied`` unless the organisation is in scope."""
        if not self.allows(organisation_id):
            raise AccessDenied()

    def condition(self, column) -> ColumnElement[bool]:
        """Return a SQL condition keeping only rows whose ``column`` is in scope."""
        if self.organisation_ids is None:
            return true()
        return column.in_(sorted(self.organisation_ids))

    def restrict(self, statement: Select, column) -> Select:
        """Return ``statement`` filtered to organisations in scope."""
        if self.organisation_ids is None:
            return statement
        return statement.where(self.condition(column))


NO_SCOPE = Scope(frozenset())


def scope_for(session: Session, user) -> Scope:
    """Return the organisations ``user`` may see, cached for the rest of the request."""
    role = _role(user)
    if role is None:
        return NO_SCOPE
    if role.is_national:
        return Scope(None)
    cache = g.setdefault("access_scopes", {}) if has_app_context() else {}
    key = (user.id, user.organisation_id)
    if key not in cache:
        ids = ()
        if user.organisation_id is not None:
            ids = session.scalars(_siblings(), {"organisation_id": user.organisation_id})
        cache[key] = Scope(frozenset(ids))
    return cache[key]


@lru_cache(maxsize=1)
def _siblings() -> Select:
    """The sibling query with the organisation as a parameter, built once: every request that
    checks a scope runs it, and building it costs more than running it."""
    from models.geography import Organisation

    organisation_id = bindparam("organisation_id")
    employer = aliased(Organisation)
    trust = select(employer.trust_id).where(employer.id == organisation_id).scalar_subquery()
    board = (
        select(employer.local_health_board_id)
        .where(employer.id == organisation_id)
        .scalar_subquery()
    )
    return select(Organisation.id).where(
        (Organisation.id == organisation_id)
        | (Organisation.trust_id == trust)
        | (Organisation.local_health_board_id == board)
    )


def sibling_organisations(organisation_id: int | None) -> Select:
    """Select the ids of the organisations sharing a trust or health board with this one."""
    from models.geography import Organisation

    if organisation_id is None:
        return select(Organisation.id).where(Organisation.id.is_(None))
    return _siblings().params(organisation_id=organisation_id)


def scope_condition(user, organisation_column) -> ColumnElement[bool]:
    """Return a SQL condition that holds where ``organisation_column`` is in ``user``'s scope.

    The same rule as ``scope_for``, left to the database so a check can ride along in the query
    that fetches the row (one round trip instead of two).
    """
    role = _role(user)
    if role is None:
        return false()
    if role.is_national:
        return true()
    if user.organisation_id is None:
        return false()
    return organisation_column.in_(sibling_organisations(user.organisation_id).scalar_subquery())


def manageable_roles(user) -> frozenset[Role]:
    """Return the roles ``user`` may give to the accounts they manage."""
    role = _role(user)
    if role is None or not can(user, "users.manage"):
        return frozenset()
    return _MANAGEABLE_ROLES.get(role, frozenset())


def may_manage(session: Session, manager, *, role: Role, organisation_id: int | None) -> bool:
    """Return whether ``manager`` may hold an account of ``role`` at that organisation."""
    if role not in manageable_roles(manager):
        return False
    if role.is_national:
        return scope_for(session, manager).is_national
    return scope_for(session, manager).allows(organisation_id)
