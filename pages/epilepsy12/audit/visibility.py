"""Which questions a form shows: a question appears once the answer it depends on makes it apply.

The dependencies are the record's own rules (``DEPENDENTS``): a referral date appears when the
referral was made, focal features when the onset was focal. The lists of medicines and the
referral centres follow their yes/no question the same way.
"""

from __future__ import annotations

from collections.abc import Callable

from domain.epilepsy12.record.types import Section
from domain.epilepsy12.validation.dependencies import DEPENDENTS
from pages.epilepsy12.audit.questions import PATHWAYS, QUESTIONS

#: The rule kind of each list's rows.
ROW_KINDS = {
    "episodes": "episode",
    "syndromes": "syndrome",
    "comorbidities": "comorbidity",
    "antiepilepsy_medicines": "medicine",
}


def _yes(answer: str) -> Callable[[Section], bool]:
    return lambda holder: getattr(holder, answer) is True


#: Parts of a form that are not answers of its table but still follow an answer.
EXTRAS: dict[str, dict[str, Callable[[Section], bool]]] = {
    "episodes": {"focal_features": lambda episode: episode.epileptic_seizure_onset_type == "FO"},
    "management": {
        "maintenance_medicines": _yes("has_an_aed_been_given"),
        "rescue_medicines": _yes("has_rescue_medication_been_prescribed"),
    },
    "assessment": {
        f"{pathway}_centre": _yes(f"{pathway}_referral_made")
        for pathway, (_label, _help, centre) in PATHWAYS.items()
        if centre
    },
}


def is_shown(section: str, holder: Section, field: str) -> bool:
    """Whether ``field`` of this form or row applies, given the holder's other answers."""
    extra = EXTRAS.get(section, {}).get(field)
    if extra is not None:
        return extra(holder)
    kind = ROW_KINDS.get(section, section)
    return all(
        dependent.applies(holder)
        for dependent in DEPENDENTS.get(kind, ())
        if field in dependent.fields
    )


def shown_fields(section: str, holder: Section) -> dict[str, bool]:
    """Every question and part of a form or row, with whether it is shown."""
    names = [*QUESTIONS[section], *EXTRAS.get(section, {})]
    if section == "multiaxial_diagnosis":
        names += ["syndromes", "comorbidities"]
    return {name: is_shown(section, holder, name) for name in names}
