"""The kinds of event the sign-in log records, with the words shown to administrators."""

from __future__ import annotations

from enum import StrEnum


class EventKind(StrEnum):
    """One kind of sign-in log entry; the value is stored in ``auth_event.kind``."""

    SIGN_IN = "sign_in"
    SIGN_IN_FAILED = "sign_in_failed"
    SIGN_IN_LOCKED = "sign_in_locked"
    LOCKOUT = "lockout"
    TWO_FACTOR_FAILED = "two_factor_failed"
    SIGN_OUT = "sign_out"
    IDLE_SIGN_OUT = "idle_sign_out"
    PASSWORD_CHANGED = "password_changed"
    PASSWORD_RESET = "password_reset"
    TWO_FACTOR_ENROLLED = "two_factor_enrolled"
    TWO_FACTOR_RESET = "two_factor_reset"
    ACCOUNT_CREATED = "account_created"
    ACCOUNT_DEACTIVATED = "account_deactivated"
    ACCOUNT_REACTIVATED = "account_reactivated"
    ACCOUNT_UNLOCKED = "account_unlocked"
    SECURITY_POLICY_CHANGED = "security_policy_changed"

    @property
    def label(self) -> str:
        return EVENT_LABELS[self]


EVENT_LABELS = {
    EventKind.SIGN_IN: "Signed in",
    EventKind.SIGN_IN_FAILED: "Sign-in failed",
    EventKind.SIGN_IN_LOCKED: "Sign-in refused: account locked",
    EventKind.LOCKOUT: "Account locked after failed attempts",
    EventKind.TWO_FACTOR_FAILED: "Wrong two-factor code",
    EventKind.SIGN_OUT: "Signed out",
    EventKind.IDLE_SIGN_OUT: "Signed out after inactivity",
    EventKind.PASSWORD_CHANGED: "Password changed",
    EventKind.PASSWORD_RESET: "Password reset by an administrator",
    EventKind.TWO_FACTOR_ENROLLED: "Two-factor sign-in set up",
    EventKind.TWO_FACTOR_RESET: "Two-factor sign-in reset",
    EventKind.ACCOUNT_CREATED: "Account created",
    EventKind.ACCOUNT_DEACTIVATED: "Account deactivated",
    EventKind.ACCOUNT_REACTIVATED: "Account reactivated",
    EventKind.ACCOUNT_UNLOCKED: "Account unlocked",
    EventKind.SECURITY_POLICY_CHANGED: "Two-factor policy changed",
}


def label_for(kind: str) -> str:
    """Return the administrator-facing words for a stored kind, or the kind itself if unknown."""
    try:
        return EventKind(kind).label
    except ValueError:
        return kind
