"""Pure account rules: the password policy, TOTP codes and the kinds of sign-in event."""

from __future__ import annotations

from portal.roles import Role

CAPABILITIES = {
    # Every signed-in user may change their own password and set up two-factor sign-in.
    "account.own": frozenset(Role),
}
