"""Load a child's whole record in six queries: one join for the one-to-one parts, one per list.

Epilepsy12 relationships refuse to load lazily, so callers say what they need; this is the usual need.
"""

from __future__ import annotations

from sqlalchemy.orm import joinedload, selectinload
from sqlalchemy.orm.interfaces import LoaderOption

from models.epilepsy12.case import Case
from models.epilepsy12.diagnosis import MultiaxialDiagnosis
from models.epilepsy12.management import Management
from models.epilepsy12.registration import Registration

ONE_TO_ONE_PARTS = (
    Registration.first_paediatric_assessment,
    Registration.epilepsy_context,
    Registration.assessment,
    Registration.investigations,
    Registration.audit_progress,
    Registration.kpi_result,
)


def _whole_record() -> tuple[LoaderOption, ...]:
    registration = joinedload(Case.registration)
    return (
        selectinload(Case.sites),
        registration.options(*(joinedload(part) for part in ONE_TO_ONE_PARTS)),
        registration.joinedload(Registration.multiaxial_diagnosis).options(
            selectinload(MultiaxialDiagnosis.episodes),
            selectinload(MultiaxialDiagnosis.syndromes),
            selectinload(MultiaxialDiagnosis.comorbidities),
        ),
        registration.joinedload(Registration.management).selectinload(
            Management.antiepilepsy_medicines
        ),
    )


#: Loader options for ``select(Case)`` that fetch everything a child's record holds; built once,
#: because building loader options costs more than running the queries.
WHOLE_RECORD = _whole_record()
