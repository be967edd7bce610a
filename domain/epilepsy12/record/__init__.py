"""One child's Epilepsy12 record as immutable typed values, named exactly as the audit names them."""

from domain.epilepsy12.record.case import Case, Site
from domain.epilepsy12.record.child import SECTIONS, Record
from domain.epilepsy12.record.diagnosis import Comorbidity, Episode, MultiaxialDiagnosis, Syndrome
from domain.epilepsy12.record.forms import (
    Assessment,
    EpilepsyContext,
    FirstPaediatricAssessment,
    Investigations,
    Registration,
)
from domain.epilepsy12.record.management import AntiEpilepsyMedicine, Management

__all__ = [
    "SECTIONS",
    "AntiEpilepsyMedicine",
    "Assessment",
    "Case",
    "Comorbidity",
    "EpilepsyContext",
    "Episode",
    "FirstPaediatricAssessment",
    "Investigations",
    "Management",
    "MultiaxialDiagnosis",
    "Record",
    "Registration",
    "Site",
    "Syndrome",
]
