"""Who the child was referred to and when they were seen, and which investigations they had.

The centre for each referral pathway is a Site of the case with the matching role. An EEG or MRI the
family declined is its own recorded answer (``eeg_declined``, ``mri_declined``), never a date.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Authored, Base
from models.epilepsy12.registration import PartOfRegistration

REFERRAL_PATHWAYS = (
    "consultant_paediatrician",
    "paediatric_neurologist",
    "childrens_epilepsy_surgical_service",
    "epilepsy_specialist_nurse",
)
_PATHWAY_SHORT_NAMES = {
    "consultant_paediatrician": "paediatrician",
    "paediatric_neurologist": "neurologist",
    "childrens_epilepsy_surgical_service": "surgery",
    "epilepsy_specialist_nurse": "nurse",
}


def _seen_after_referral(pathway: str) -> CheckConstraint:
    return CheckConstraint(
        f"{pathway}_input_date >= {pathway}_referral_date",
        name=f"{_PATHWAY_SHORT_NAMES[pathway]}_input_after_referral",
    )


class Assessment(PartOfRegistration, Authored, Base):
    """Referrals and first input on the four pathways, and the epilepsy surgery criteria."""

    __tablename__ = "e12_assessment"
    __audited__ = True
    __registration_attribute__ = "assessment"
    __table_args__ = tuple(_seen_after_referral(pathway) for pathway in REFERRAL_PATHWAYS)

    id: Mapped[int] = mapped_column(primary_key=True)
    childrens_epilepsy_surgical_service_referral_criteria_met: Mapped[bool | None]
    consultant_paediatrician_referral_made: Mapped[bool | None]
    consultant_paediatrician_referral_date: Mapped[dt.date | None]
    consultant_paediatrician_input_date: Mapped[dt.date | None]
    paediatric_neurologist_referral_made: Mapped[bool | None]
    paediatric_neurologist_referral_date: Mapped[dt.date | None]
    paediatric_neurologist_input_date: Mapped[dt.date | None]
    childrens_epilepsy_surgical_service_referral_made: Mapped[bool | None]
    childrens_epilepsy_surgical_service_referral_date: Mapped[dt.date | None]
    childrens_epilepsy_surgical_service_input_date: Mapped[dt.date | None]
    epilepsy_specialist_nurse_referral_made: Mapped[bool | None]
    epilepsy_specialist_nurse_referral_date: Mapped[dt.date | None]
    epilepsy_specialist_nurse_input_date: Mapped[dt.date | None]


class Investigations(PartOfRegistration, Authored, Base):
    """EEG, ECG, CT and MRI: asked for, done, or declined."""

    __tablename__ = "e12_investigations"
    __audited__ = True
    __registration_attribute__ = "investigations"
    __table_args__ = (
        CheckConstraint("eeg_performed_date >= eeg_request_date", name="eeg_after_request"),
        CheckConstraint(
            "mri_brain_reported_date >= mri_brain_requested_date", name="mri_after_request"
        ),
        CheckConstraint(
            "NOT (eeg_declined AND eeg_performed_date IS NOT NULL)", name="declined_eeg_undone"
        ),
        CheckConstraint(
            "NOT (mri_declined AND mri_brain_reported_date IS NOT NULL)",
            name="declined_mri_undone",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    eeg_indicated: Mapped[bool | None]
    eeg_request_date: Mapped[dt.date | None]
    eeg_performed_date: Mapped[dt.date | None]
    eeg_declined: Mapped[bool | None]
    twelve_lead_ecg_status: Mapped[bool | None]
    ct_head_scan_status: Mapped[bool | None]
    mri_indicated: Mapped[bool | None]
    mri_brain_requested_date: Mapped[dt.date | None]
    mri_brain_reported_date: Mapped[dt.date | None]
    mri_declined: Mapped[bool | None]
