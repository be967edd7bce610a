"""Encrypt TOTP secrets at rest with a key derived from SECRET_KEY, so a database copy alone is useless."""

from __future__ import annotations

import base64
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from portal.config import get_settings

_SALT = b"paediatric-audit-portal"
_INFO = b"totp-secret-encryption-v1"


class SecretUnreadable(Exception):
    """A stored secret could not be decrypted: SECRET_KEY changed or the value was altered."""


@lru_cache(maxsize=4)
def _fernet(secret_key: str) -> Fernet:
    key = HKDF(algorithm=hashes.SHA256(), length=32, salt=_SALT, info=_INFO).derive(
        secret_key.encode()
    )
    return Fernet(base64.urlsafe_b64encode(key))


def encrypt(plaintext: str, *, secret_key: str | None = None) -> str:
    """Return ``plaintext`` encrypted and authenticated, as text for a database column."""
    return _fernet(secret_key or get_settings().secret_key).encrypt(plaintext.encode()).decode()


def decrypt(token: str, *, secret_key: str | None = None) -> str:
    """Return the plaintext of a value made by ``encrypt``; raise ``SecretUnreadable`` if altered."""
    try:
        return _fernet(secret_key or get_settings().secret_key).decrypt(token.encode()).decode()
    except InvalidToken as error:
        raise SecretUnreadable("the stored two-factor secret cannot be decrypted") from error
