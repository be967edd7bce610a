"""The lookup lists as the database holds them: names to validate against, ids to store.

National staff can extend or retire entries, so the portal validates against the database rather
than the seed files. The lists change rarely and every save needs them, so they are kept for a
minute per process.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from domain.epilepsy12.lookups import Lookups
from models.epilepsy12 import (
    ComorbidityList,
    EpilepsyCause,
    Medicine,
    SemiologyKeyword,
    SyndromeList,
)

#: How long a process trusts its copy of the lists.
TTL_SECONDS = 60.0


@dataclass(frozen=True)
class LookupLists:
    """Names a new answer may use (active entries), and the row id of every entry by name."""

    lookups: Lookups
    syndrome_ids: Mapping[str, int]
    comorbidity_ids: Mapping[str, int]
    epilepsy_cause_ids: Mapping[str, int]
    medicine_ids: Mapping[tuple[str, bool], int]

    def options(self, kind: str, *, rescue: bool | None = None) -> list[str]:
        """Return the active names of a list, sorted for a picker."""
        if kind == "syndromes":
            names = self.lookups.syndromes
        elif kind == "comorbidities":
            names = self.lookups.comorbidities
        elif kind == "epilepsy_causes":
            names = self.lookups.epilepsy_causes
        elif kind == "medicines":
            names = {name for name, kinds in self.lookups.medicines.items() if rescue in kinds}
        else:
            raise ValueError(f"no lookup list {kind!r}")
        return sorted(names, key=lambda name: (name == "Other", name.casefold()))


def _read(session: Session) -> LookupLists:
    syndromes = session.execute(
        select(SyndromeList.syndrome_name, SyndromeList.id, SyndromeList.active)
    ).all()
    comorbidities = session.execute(
        select(ComorbidityList.preferred_term, ComorbidityList.id, ComorbidityList.active)
    ).all()
    causes = session.execute(
        select(EpilepsyCause.preferred_term, EpilepsyCause.id, EpilepsyCause.active)
    ).all()
    medicines = session.execute(
        select(Medicine.medicine_name, Medicine.is_rescue, Medicine.id, Medicine.active)
    ).all()
    keywords = session.scalars(
        select(SemiologyKeyword.keyword).where(SemiologyKeyword.active.is_(True))
    ).all()
    kinds: dict[str, set[bool]] = {}
    for name, rescue, _id, active in medicines:
        if active:
            kinds.setdefault(name, set()).add(rescue)
    return LookupLists(
        lookups=Lookups(
            syndromes=frozenset(name for name, _id, active in syndromes if active),
            medicines={name: frozenset(found) for name, found in kinds.items()},
            comorbidities=frozenset(name for name, _id, active in comorbidities if active),
            epilepsy_causes=frozenset(name for name, _id, active in causes if active),
            semiology_keywords=frozenset(keywords),
        ),
        syndrome_ids={name: id_ for name, id_, _active in syndromes},
        comorbidity_ids={name: id_ for name, id_, _active in comorbidities},
        epilepsy_cause_ids={name: id_ for name, id_, _active in causes},
        medicine_ids={(name, rescue): id_ for name, rescue, id_, _active in medicines},
    )


_cache: dict[str, tuple[float, LookupLists]] = {}
_cache_lock = threading.Lock()


def lookup_lists(session: Session) -> LookupLists:
    """Return the lookup lists of the session's database, read at most once a minute."""
    key = str(session.get_bind().url)
    now = time.monotonic()
    with _cache_lock:
        cached = _cache.get(key)
    if cached is not None and now - cached[0] < TTL_SECONDS:
        return cached[1]
    lists = _read(session)
    with _cache_lock:
        _cache[key] = (now, lists)
    return lists


def forget_lookup_lists() -> None:
    """Drop the cached lists, so the next read sees changes made just now."""
    with _cache_lock:
        _cache.clear()
