"""Errors a user can fix, reported as one clear line rather than a traceback."""

from __future__ import annotations


class UserError(Exception):
    """Bad input or state the user can correct; ``exit_code`` is what commands exit with."""

    exit_code = 1

    def __init__(self, message: str, *, exit_code: int | None = None) -> None:
        super().__init__(message)
        if exit_code is not None:
            self.exit_code = exit_code
