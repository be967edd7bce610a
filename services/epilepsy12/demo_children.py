"""Invent one believable Epilepsy12 child from a random generator: answers a clinic might give.

Everything follows the audit's rules (dates after birth and after the first assessment, inputs
after referrals, nothing in the future), and the proportions roughly follow the national report:
most children get timely specialist input and a care plan, fewer get an MRI within six weeks.
Nothing here is scored: the writer scores the record with the real rules.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from domain.epilepsy12.ages import years_after
from domain.epilepsy12.codes import (
    FOCAL_LATERALITY,
    GENERALISED_SEIZURE_TYPE,
    SODIUM_VALPROATE,
)
from domain.epilepsy12.cohorts import cohort_end, cohort_start

GIRLS = [
    "Amelia",
    "Olivia",
    "Isla",
    "Ava",
    "Mia",
    "Ivy",
    "Lily",
    "Freya",
    "Florence",
    "Sophia",
    "Grace",
    "Evie",
    "Willow",
    "Aisha",
    "Zara",
    "Nia",
    "Ffion",
    "Seren",
    "Maya",
    "Hannah",
    "Ruby",
    "Poppy",
    "Chloe",
    "Esme",
    "Erin",
    "Layla",
    "Fatima",
    "Megan",
    "Alice",
    "Harper",
]
BOYS = [
    "Oliver",
    "George",
    "Noah",
    "Arthur",
    "Leo",
    "Harry",
    "Oscar",
    "Muhammad",
    "Jack",
    "Charlie",
    "Jacob",
    "Freddie",
    "Alfie",
    "Theo",
    "Archie",
    "Dylan",
    "Rhys",
    "Osian",
    "Ethan",
    "Joshua",
    "Adam",
    "Yusuf",
    "Samuel",
    "Max",
    "Reuben",
    "Isaac",
    "Logan",
    "Kai",
    "Ibrahim",
]
SURNAMES = [
    "Smith",
    "Jones",
    "Williams",
    "Taylor",
    "Brown",
    "Davies",
    "Evans",
    "Wilson",
    "Thomas",
    "Johnson",
    "Roberts",
    "Robinson",
    "Thompson",
    "Wright",
    "Walker",
    "White",
    "Edwards",
    "Hughes",
    "Green",
    "Hall",
    "Lewis",
    "Harris",
    "Clarke",
    "Patel",
    "Jackson",
    "Wood",
    "Turner",
    "Martin",
    "Cooper",
    "Hill",
    "Ward",
    "Morris",
    "Moore",
    "Clark",
    "Lee",
    "King",
    "Baker",
    "Harrison",
    "Morgan",
    "Allen",
    "James",
    "Scott",
    "Phillips",
    "Watson",
    "Davis",
    "Parker",
    "Price",
    "Bennett",
    "Young",
    "Griffiths",
    "Mitchell",
    "Kelly",
    "Cook",
    "Carter",
    "Richardson",
    "Bailey",
    "Collins",
    "Bell",
    "Shaw",
    "Murphy",
    "Miller",
    "Cox",
    "Richards",
    "Khan",
    "Marshall",
    "Anderson",
    "Simpson",
    "Ellis",
    "Adams",
    "Singh",
    "Begum",
    "Wilkinson",
    "Foster",
    "Chapman",
    "Powell",
    "Webb",
    "Rogers",
    "Gray",
    "Mason",
    "Ali",
    "Hunt",
    "Hussain",
    "Campbell",
    "Matthews",
    "Owen",
    "Palmer",
    "Holmes",
    "Mills",
    "Barnes",
    "Knight",
    "Lloyd",
    "Butler",
    "Russell",
]
ETHNICITIES = "A" * 70 + "B" * 1 + "C" * 6 + "DEFG" + "HHHJJJKKL" + "MMNNNP" + "RS" + "ZZZ"
UNKNOWN_POSTCODE = {"E": "ZZ993CZ", "W": "ZZ993GZ"}


@dataclass(frozen=True)
class Place:
    """An organisation children can be led by: its id, ODS code, country letter and postcode."""

    id: int
    ods_code: str
    country: str
    postcode: str | None


@dataclass(frozen=True)
class Choices:
    """The names a demo record may use, in a fixed order so that a seed gives the same child."""

    syndromes: tuple[str, ...]
    comorbidities: tuple[str, ...]
    causes: tuple[str, ...]
    maintenance: tuple[str, ...]
    rescue: tuple[str, ...]


def chance(rng: random.Random, p: float) -> bool:
    return rng.random() < p


def later(rng: random.Random, day: date, low: int, high: int) -> date:
    return day + timedelta(days=rng.randint(low, high))


class Child:
    """Builds one child's record data (``data``) step by step, never past ``today``."""

    def __init__(self, rng: random.Random, *, today: date, cohort: int, choices: Choices) -> None:
        self.rng = rng
        self.today = today
        self.choices = choices
        start, end = cohort_start(cohort), min(cohort_end(cohort), today - timedelta(days=1))
        self.assessed = start + timedelta(days=rng.randint(0, max(0, (end - start).days)))
        age = rng.choices(
            range(18), weights=[4, 6, 6, 6, 6, 7, 7, 7, 7, 7, 7, 7, 6, 6, 5, 4, 3, 2]
        )[0]
        self.born = years_after(self.assessed, -age) - timedelta(days=rng.randint(1, 360))
        self.age = age
        self.data: dict[str, Any] = {}

    def day(self, low_day: date, low: int, high: int) -> str | None:
        """A date ``low``–``high`` days after ``low_day``, or None if it would be in the future."""
        chosen = later(self.rng, low_day, low, high)
        return chosen.isoformat() if chosen <= self.today else None

    def case(self, place: Place, nhs_number: str) -> None:
        rng = self.rng
        sex = rng.choices((1, 2, 0, 9), weights=(49, 49, 1, 1))[0]
        first = rng.choice(GIRLS if sex == 2 else BOYS if sex == 1 else GIRLS + BOYS)
        if place.postcode and chance(rng, 0.96):
            outward = place.postcode.split()[0]
            letters = "ABDEFGHJLNPQRSTUWXYZ"
            postcode = f"{outward}{rng.randint(1, 9)}{rng.choice(letters)}{rng.choice(letters)}"
        else:
            postcode = UNKNOWN_POSTCODE.get(place.country, "ZZ993WZ")
        self.data["case"] = {
            "nhs_number": nhs_number,
            "first_name": first,
            "surname": rng.choice(SURNAMES),
            "sex": sex,
            "date_of_birth": self.born.isoformat(),
            "postcode": postcode,
            "ethnicity": rng.choice(ETHNICITIES),
        }
        self.data["registration"] = {
            "eligibility_criteria_met": True,
            "first_paediatric_assessment_date": self.assessed.isoformat(),
        }

    def first_assessment(self) -> None:
        rng = self.rng
        self.data["first_paediatric_assessment"] = {
            "first_paediatric_assessment_in_acute_or_nonacute_setting": rng.choice((1, 2, 2, 3)),
            "has_number_of_episodes_since_the_first_been_documented": chance(rng, 0.9),
            "general_examination_performed": chance(rng, 0.95),
            "neurological_examination_performed": chance(rng, 0.93),
            "developmental_learning_or_schooling_problems": chance(rng, 0.3),
            "behavioural_or_emotional_problems": chance(rng, 0.2),
        }

    def context(self) -> None:
        rng = self.rng

        def ynu(p_yes: float) -> str:
            return rng.choices("YNU", weights=(p_yes, 1 - p_yes - 0.05, 0.05))[0]

        self.data["epilepsy_context"] = {
            "previous_febrile_seizure": ynu(0.15),
            "previous_acute_symptomatic_seizure": ynu(0.08),
            "is_there_a_family_history_of_epilepsy": ynu(0.2),
            "previous_neonatal_seizures": ynu(0.05),
            "diagnosis_of_epilepsy_withdrawn": chance(rng, 0.02),
            "were_any_of_the_epileptic_seizures_convulsive": chance(rng, 0.7),
            "experienced_prolonged_generalized_convulsive_seizures": ynu(0.15),
            "experienced_prolonged_focal_seizures": ynu(0.08),
        }

    def episode(self) -> dict[str, Any]:
        rng = self.rng
        onset = self.assessed - timedelta(days=rng.randint(3, 200))
        onset = max(onset, self.born + timedelta(days=1))
        episode = {
            "seizure_onset_date": onset.isoformat(),
            "seizure_onset_date_confidence": rng.choice(("Exc", "Apx", "Apx", "NK")),
            "episode_definition": rng.choice(("c", "c", "c", "b", "a")),
            "has_description_of_the_episode_or_episodes_been_gathered": chance(rng, 0.95),
            "epilepsy_or_nonepilepsy_status": "E",
        }
        onset_type = rng.choices(("FO", "GO", "UO", "UC"), weights=(40, 45, 10, 5))[0]
        episode["epileptic_seizure_onset_type"] = onset_type
        if onset_type == "GO":
            episode["epileptic_generalised_onset"] = rng.choice(tuple(GENERALISED_SEIZURE_TYPE))
        elif onset_type == "FO":
            side = rng.choices(FOCAL_LATERALITY, weights=(4, 4, 2))[0]
            episode[f"focal_onset_{side}"] = True
            episode["focal_onset_impaired_awareness"] = chance(rng, 0.5)
            episode["focal_onset_automatisms"] = chance(rng, 0.3)
        return episode

    def diagnosis(self) -> None:
        rng, choices = self.rng, self.choices
        md: dict[str, Any] = {"episodes": [self.episode()]}
        if chance(rng, 0.15):
            md["episodes"].append(
                {
                    "seizure_onset_date": md["episodes"][0]["seizure_onset_date"],
                    "seizure_onset_date_confidence": "Apx",
                    "episode_definition": "a",
                    "has_description_of_the_episode_or_episodes_been_gathered": True,
                    "epilepsy_or_nonepilepsy_status": "NE",
                    "nonepileptic_seizure_unknown_onset": "BAr",
                    "nonepileptic_seizure_type": "SAS",
                    "nonepileptic_seizure_syncope": "a",
                }
            )
        md["syndrome_present"] = chance(rng, 0.3)
        if md["syndrome_present"]:
            md["syndromes"] = [
                {
                    "syndrome_name": rng.choice(choices.syndromes),
                    "syndrome_diagnosis_date": self.day(self.assessed, 0, 120),
                }
            ]
        md["epilepsy_cause_known"] = chance(rng, 0.25)
        if md["epilepsy_cause_known"]:
            md["epilepsy_cause"] = rng.choice(choices.causes)
            md["epilepsy_cause_categories"] = [rng.choice(("Gen", "Str", "Str", "Met", "Imm"))]
        md["relevant_impairments_behavioural_educational"] = chance(rng, 0.25)
        if md["relevant_impairments_behavioural_educational"]:
            diagnosed = max(self.born + timedelta(days=30), self.assessed - timedelta(days=700))
            md["comorbidities"] = [
                {
                    "comorbidity_name": rng.choice(choices.comorbidities),
                    "comorbidity_diagnosis_date": self.day(diagnosed, 0, 365),
                }
            ]
        md["global_developmental_delay_or_learning_difficulties"] = chance(rng, 0.2)
        if md["global_developmental_delay_or_learning_difficulties"]:
            md["global_developmental_delay_or_learning_difficulties_severity"] = rng.choice(
                ("mild", "mild", "moderate", "severe", "profound", "uncertain")
            )
        md["autistic_spectrum_disorder"] = chance(rng, 0.08)
        md["mental_health_screen"] = chance(rng, 0.75)
        md["mental_health_issue_identified"] = chance(rng, 0.15)
        if md["mental_health_issue_identified"]:
            md["mental_health_issues"] = rng.sample(("AxD", "EmB", "MoD", "SHm", "Oth"), 1)
        self.data["multiaxial_diagnosis"] = md

    def referral(self, assessment: dict, pathway: str, made: float, wait: tuple[int, int]):
        rng = self.rng
        assessment[f"{pathway}_referral_made"] = chance(rng, made)
        if assessment[f"{pathway}_referral_made"]:
            referred = later(rng, self.assessed, 0, 10)
            if referred > self.today:
                referred = self.today
            assessment[f"{pathway}_referral_date"] = referred.isoformat()
            assessment[f"{pathway}_input_date"] = self.day(referred, *wait)

    def assessment(self) -> None:
        rng = self.rng
        a: dict[str, Any] = {
            "childrens_epilepsy_surgical_service_referral_criteria_met": chance(rng, 0.08)
        }
        self.referral(a, "consultant_paediatrician", 0.95, (0, 19))
        self.referral(a, "paediatric_neurologist", 0.8 if self.age < 4 else 0.2, (3, 40))
        surgery = 0.6 if a["childrens_epilepsy_surgical_service_referral_criteria_met"] else 0.0
        a["childrens_epilepsy_surgical_service_referral_made"] = chance(rng, surgery)
        if a["childrens_epilepsy_surgical_service_referral_made"]:
            a["childrens_epilepsy_surgical_service_referral_date"] = self.day(self.assessed, 5, 60)
        self.referral(a, "epilepsy_specialist_nurse", 0.9, (1, 330))
        self.data["assessment"] = a

    def investigations(self) -> None:
        rng = self.rng
        i: dict[str, Any] = {"eeg_indicated": chance(rng, 0.92)}
        if i["eeg_indicated"]:
            if chance(rng, 0.03):
                i["eeg_declined"] = True
            else:
                requested = max(later(rng, self.assessed, -10, 5), self.born)
                i["eeg_request_date"] = min(requested, self.today).isoformat()
                i["eeg_performed_date"] = self.day(requested, 3, 50)
        convulsive = self.data.get("epilepsy_context", {}).get(
            "were_any_of_the_epileptic_seizures_convulsive"
        )
        i["twelve_lead_ecg_status"] = chance(rng, 0.85 if convulsive else 0.5)
        i["ct_head_scan_status"] = chance(rng, 0.1)
        i["mri_indicated"] = chance(rng, 0.8)
        if i["mri_indicated"]:
            if chance(rng, 0.04):
                i["mri_declined"] = True
            else:
                requested = later(rng, self.assessed, 0, 30)
                i["mri_brain_requested_date"] = min(requested, self.today).isoformat()
                i["mri_brain_reported_date"] = self.day(requested, 5, 50)
        self.data["investigations"] = i

    def medicine(self, name: str, rescue: bool, sex: int) -> dict[str, Any]:
        medicine = {
            "medicine_name": name,
            "is_rescue_medicine": rescue,
            "antiepilepsy_medicine_start_date": self.day(self.assessed, 0, 40),
            "antiepilepsy_medicine_risk_discussed": chance(self.rng, 0.9),
        }
        if name == SODIUM_VALPROATE:
            needed = sex == 2 and self.age >= 12
            medicine["is_a_pregnancy_prevention_programme_needed"] = needed
            if needed:
                medicine["is_a_pregnancy_prevention_programme_in_place"] = chance(self.rng, 0.8)
                medicine["has_a_valproate_annual_risk_acknowledgement_form_been_completed"] = (
                    chance(self.rng, 0.75)
                )
        return medicine

    def management(self) -> None:
        rng, choices = self.rng, self.choices
        sex = self.data["case"]["sex"]
        m: dict[str, Any] = {
            "has_an_aed_been_given": chance(rng, 0.85),
            "has_rescue_medication_been_prescribed": chance(rng, 0.55),
        }
        medicines = []
        if m["has_an_aed_been_given"]:
            count = rng.choices((1, 2, 3), weights=(75, 20, 5))[0]
            pool = [name for name in choices.maintenance if name != "Other"]
            if chance(rng, 0.15):
                medicines.append(self.medicine(SODIUM_VALPROATE, False, sex))
                pool.remove(SODIUM_VALPROATE)
            for name in rng.sample(pool, count - len(medicines)):
                medicines.append(self.medicine(name, False, sex))
        if m["has_rescue_medication_been_prescribed"]:
            medicines.append(self.medicine(rng.choice(choices.rescue), True, sex))
        m["antiepilepsy_medicines"] = medicines
        m["individualised_care_plan_in_place"] = chance(rng, 0.88)
        if m["individualised_care_plan_in_place"]:
            m["individualised_care_plan_date"] = self.day(self.assessed, 0, 90)
            for name, p in (
                ("individualised_care_plan_has_parent_carer_child_agreement", 0.95),
                ("individualised_care_plan_includes_service_contact_details", 0.97),
                ("individualised_care_plan_include_first_aid", 0.96),
                ("individualised_care_plan_parental_prolonged_seizure_care", 0.9),
                ("individualised_care_plan_includes_general_participation_risk", 0.95),
                ("individualised_care_plan_addresses_water_safety", 0.95),
                ("individualised_care_plan_addresses_sudep", 0.9),
                ("individualised_care_plan_includes_ehcp", 0.7),
                ("has_individualised_care_plan_been_updated_in_the_last_year", 0.8),
            ):
                m[name] = chance(rng, p)
        issue = self.data["multiaxial_diagnosis"]["mental_health_issue_identified"]
        m["has_been_referred_for_mental_health_support"] = issue and chance(rng, 0.7)
        m["has_support_for_mental_health_support"] = issue and chance(rng, 0.65)
        self.data["management"] = m
