"""The names the record may use from the audit's lookup lists (syndromes, medicines, ...)."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Lookups:
    """Allowed names, passed in so that validation itself reads no files and no database.

    ``medicines`` maps each medicine name to the kinds it exists as (``True`` for rescue,
    ``False`` for maintenance); "Other" is both.
    """

    syndromes: frozenset[str]
    medicines: Mapping[str, frozenset[bool]]
    comorbidities: frozenset[str]
    epilepsy_causes: frozenset[str]
    semiology_keywords: frozenset[str]


def suggestion(name: str, allowed: Iterable[str]) -> str:
    """Return ``"; did you mean 'X'?"`` for the closest allowed name, or an empty string."""
    allowed = list(allowed)
    folded = name.casefold()
    by_case = {choice.casefold(): choice for choice in allowed}
    match = by_case.get(folded)
    if match is None:
        containing = [choice for choice in allowed if folded in choice.casefold()]
        close = difflib.get_close_matches(name, allowed, n=1, cutoff=0.75)
        match = containing[0] if len(containing) == 1 else close[0] if close else None
    return f"; did you mean {match!r}?" if match else ""
