"""Measures 4 and 5: an ECG for convulsive seizures, and a timely brain MRI."""

from __future__ import annotations

from domain.epilepsy12.codes import MRI_NOT_INDICATED_SYNDROMES
from domain.epilepsy12.kpis.measure import FAIL, INELIGIBLE, measure, passed_if
from domain.epilepsy12.record import Record

SIX_WEEKS = 42


@measure(
    name="ecg",
    label="4. ECG",
    headline=True,
    needs=("epilepsy_context", "investigations"),
)
def ecg(child: Record):
    """% of children and young people with convulsive seizures and epilepsy, with an ECG at
    first year.
    """
    convulsive = child.epilepsy_context.were_any_of_the_epileptic_seizures_convulsive
    if convulsive is False:
        return INELIGIBLE
    recorded = child.investigations.twelve_lead_ecg_status
    if convulsive is None or recorded is None:
        return None
    return passed_if(recorded)


@measure(
    name="mri",
    label="5. MRI",
    headline=True,
    needs=("multiaxial_diagnosis", "investigations"),
)
def mri(child: Record):
    """% of children and young people with defined indications for an MRI, who had timely MRI
    within 6 weeks of request.

    Not indicated for the five syndromes of childhood with a typically normal MRI (self-limited
    epilepsy with centrotemporal spikes, juvenile myoclonic, juvenile absence, childhood absence,
    and generalized tonic–clonic seizures alone). An MRI not achieved, or declined, is a fail.
    """
    syndromes = {s.syndrome_name for s in child.multiaxial_diagnosis.syndromes}
    if syndromes & MRI_NOT_INDICATED_SYNDROMES:
        return INELIGIBLE
    i = child.investigations
    if i.mri_indicated is None:
        return None
    if i.mri_indicated is False or i.mri_declined is True:
        return FAIL
    requested, reported = i.mri_brain_requested_date, i.mri_brain_reported_date
    if requested is None or reported is None:
        return None
    return passed_if((reported - requested).days <= SIX_WEEKS)
