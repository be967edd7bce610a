"""Epilepsy12 tables: the child, their sites, registration, the six audit forms and derived results.

Column names are the field names of the Epilepsy12 specification, which the JSON record format and
the pure KPI code use too. A foreign key named ``x`` in the specification is the column ``x_id`` with
the relationship ``x`` (``syndrome``, ``comorbidityentity``, ``medicine_entity``, ``epilepsy_cause``).
"""

from models.epilepsy12.assessment import Assessment, Investigations
from models.epilepsy12.case import Case, Site
from models.epilepsy12.diagnosis import Comorbidity, Episode, MultiaxialDiagnosis, Syndrome
from models.epilepsy12.first_assessment import EpilepsyContext, FirstPaediatricAssessment
from models.epilepsy12.lookups import (
    ComorbidityList,
    EpilepsyCause,
    Medicine,
    SemiologyKeyword,
    SyndromeList,
)
from models.epilepsy12.management import AntiEpilepsyMedicine, Management
from models.epilepsy12.progress import KPI_NAMES, SECTIONS, AuditProgress, KPIResult
from models.epilepsy12.registration import Registration

__all__ = [
    "KPI_NAMES",
    "SECTIONS",
    "AntiEpilepsyMedicine",
    "Assessment",
    "AuditProgress",
    "Case",
    "Comorbidity",
    "ComorbidityList",
    "EpilepsyCause",
    "EpilepsyContext",
    "Episode",
    "FirstPaediatricAssessment",
    "Investigations",
    "KPIResult",
    "Management",
    "Medicine",
    "MultiaxialDiagnosis",
    "Registration",
    "SemiologyKeyword",
    "Site",
    "Syndrome",
    "SyndromeList",
]
