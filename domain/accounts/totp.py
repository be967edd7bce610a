"""Time-based one-time codes (RFC 6238): 30-second steps, 6 digits, one step of clock drift."""

from __future__ import annotations

import datetime as dt
import hmac

import pyotp

INTERVAL_SECONDS = 30
DIGITS = 6
#: Accept the code of the step before and after the current one, for phones with a drifting clock.
VALID_WINDOW = 1
ISSUER = "Paediatric audit portal"


def new_secret() -> str:
    """Return a new random base32 secret (160 bits)."""
    return pyotp.random_base32(length=32)


def _totp(secret: str) -> pyotp.TOTP:
    return pyotp.TOTP(secret, digits=DIGITS, interval=INTERVAL_SECONDS, issuer=ISSUER)


def provisioning_uri(secret: str, *, email: str) -> str:
    """Return the ``otpauth://`` address an authenticator app reads from the QR code."""
    return _totp(secret).provisioning_uri(name=email, issuer_name=ISSUER)


def time_step(now: dt.datetime) -> int:
    """Return the number of the 30-second step that ``now`` falls in."""
    return int(now.timestamp()) // INTERVAL_SECONDS


def code_at(secret: str, *, step: int) -> str:
    """Return the code an authenticator shows during ``step``."""
    return _totp(secret).generate_otp(step)


def normalise_code(code: str) -> str:
    """Drop the spaces and dashes people type inside codes."""
    return "".join(ch for ch in code if ch not in " -\t")


def accepted_step(secret: str, code: str, *, now: dt.datetime, last_step: int | None) -> int | None:
    """Return the step ``code`` belongs to if it is valid now and newer than ``last_step``.

    A code is accepted once: a step at or before the last accepted one is refused, so a code seen
    over someone's shoulder cannot be replayed within its lifetime.
    """
    code = normalise_code(code)
    if len(code) != DIGITS or not code.isdigit():
        return None
    current = time_step(now)
    for step in range(current - VALID_WINDOW, current + VALID_WINDOW + 1):
        if last_step is not None and step <= last_step:
            continue
        if hmac.compare_digest(code_at(secret, step=step), code):
            return step
    return None


def grouped(secret: str) -> str:
    """Return the secret in groups of four letters, for typing into an app by hand."""
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))
