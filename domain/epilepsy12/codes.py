"""The coded answers of the Epilepsy12 record: each code and the words a clinician sees for it."""

from __future__ import annotations

SEX = {0: "Not known", 1: "Male", 2: "Female", 9: "Not specified"}
FEMALE = 2

ETHNICITY = {
    "A": "White - British",
    "B": "White - Irish",
    "C": "White - Any other White background",
    "D": "Mixed - White and Black Caribbean",
    "E": "Mixed - White and Black African",
    "F": "Mixed - White and Asian",
    "G": "Mixed - Any other mixed background",
    "H": "Asian or Asian British - Indian",
    "J": "Asian or Asian British - Pakistani",
    "K": "Asian or Asian British - Bangladeshi",
    "L": "Asian or Asian British - Any other Asian background",
    "M": "Black or Black British - Caribbean",
    "N": "Black or Black British - African",
    "P": "Black or Black British - Any other Black background",
    "R": "Other ethnic groups - Chinese",
    "S": "Other ethnic groups - Any other ethnic group",
    "Z": "Not stated",
}

#: ONS pseudo-postcodes for a child whose postcode is not known.
UNKNOWN_POSTCODES = {
    "ZZ993CZ": "England, not otherwise specified",
    "ZZ993GZ": "Wales, not otherwise specified",
    "ZZ993WZ": "Address unknown",
    "ZZ993VZ": "No fixed abode",
}

YES_NO_UNCERTAIN = {"Y": "Yes", "N": "No", "U": "Uncertain"}

CHRONICITY = {1: "Acute", 2: "Non-acute", 3: "Don't know"}

DATE_ACCURACY = {"Apx": "Approximate", "Exc": "Exact", "NK": "Not known"}

EPISODE_DEFINITION = {
    "a": "A single episode",
    "b": "A cluster of episodes within 24 hours",
    "c": "Two or more episodes more than 24 hours apart",
}

EPILEPTIC, NON_EPILEPTIC, UNCERTAIN = "E", "NE", "U"
EPILEPSY_DIAGNOSIS_STATUS = {
    EPILEPTIC: "Epileptic",
    NON_EPILEPTIC: "Non-epileptic",
    UNCERTAIN: "Uncertain",
}

FOCAL_ONSET, GENERALISED_ONSET = "FO", "GO"
EPILEPTIC_SEIZURE_ONSET_TYPE = {
    FOCAL_ONSET: "Focal onset",
    GENERALISED_ONSET: "Generalised onset",
    "UO": "Unknown onset",
    "UC": "Unclassified",
}

MYOCLONIC = "MyC"
GENERALISED_SEIZURE_TYPE = {
    "AEM": "Absence with eyelid myoclonia",
    "Ato": "Atonic",
    "Aab": "Atypical absence",
    "Clo": "Clonic",
    "EpS": "Epileptic spasms",
    MYOCLONIC: "Myoclonic",
    "MAb": "Myoclonic absence",
    "MTC": "Myoclonic-tonic-clonic",
    "MAt": "Myoclonic-atonic",
    "Ton": "Tonic",
    "TCl": "Tonic-clonic",
    "TAb": "Typical absence",
    "Oth": "Other",
}

FOCAL_LATERALITY = ("left", "right", "laterality_unknown")
FOCAL_MOTOR = (
    "atonic",
    "clonic",
    "epileptic_spasms",
    "hyperkinetic",
    "myoclonic",
    "tonic",
    "focal_to_bilateral_tonic_clonic",
    "automatisms",
)
FOCAL_NON_MOTOR = (
    "impaired_awareness",
    "gelastic",
    "autonomic",
    "behavioural_arrest",
    "cognitive",
    "emotional",
    "sensory",
)
FOCAL_EEG = ("centrotemporal", "temporal", "frontal", "parietal", "occipital")
#: The 23 ``focal_onset_<x>`` flags of an episode.
FOCAL_ONSET_FIELDS = tuple(
    f"focal_onset_{name}" for name in FOCAL_LATERALITY + FOCAL_MOTOR + FOCAL_NON_MOTOR + FOCAL_EEG
)
FOCAL_LATERALITY_FIELDS = tuple(f"focal_onset_{name}" for name in FOCAL_LATERALITY)

NONEPILEPTIC_SEIZURE_UNKNOWN_ONSET = {
    "BAr": "Behaviour arrest",
    "EpS": "Epileptic spasms",
    "TCl": "Tonic-clonic",
    "Oth": "Other",
}

OTHER_NONEPILEPTIC_TYPE = "Oth"
NONEPILEPTIC_SEIZURE_TYPE = {
    "SAS": "Syncope and anoxic seizures",
    "BPP": "Behavioural, psychological and psychiatric disorders",
    "SRC": "Sleep-related conditions",
    "PMD": "Paroxysmal movement disorders",
    "MAD": "Migraine-associated disorders",
    "ME": "Miscellaneous events",
    OTHER_NONEPILEPTIC_TYPE: "Other",
}


def _lettered(*labels: str) -> dict[str, str]:
    return {chr(ord("a") + index): label for index, label in enumerate(labels)}


NONEPILEPTIC_SUBTYPES = {
    "nonepileptic_seizure_syncope": _lettered(
        "Vasovagal syncope",
        "Reflex anoxic seizures",
        "Breath-holding attacks",
        "Hyperventilation syncope",
        "Compulsive Valsalva",
        "Neurological syncope",
        "Imposed upper airway obstruction",
        "Orthostatic intolerance",
        "Long QT and cardiac syncope",
        "Hyper-cyanotic spells",
    ),
    "nonepileptic_seizure_behavioural": _lettered(
        "Daydreaming or inattention",
        "Infantile gratification",
        "Eidetic imagery",
        "Tantrums and rage reactions",
        "Out-of-body experiences",
        "Panic attacks",
        "Dissociative states",
        "Non-epileptic seizures",
        "Hallucinations in psychiatric disorders",
        "Fabricated or factitious illness",
    ),
    "nonepileptic_seizure_sleep": _lettered(
        "Rhythmic movement disorders",
        "Hypnogogic jerks",
        "Parasomnias",
        "REM sleep disorders",
        "Benign neonatal sleep myoclonus",
        "Periodic leg movements",
        "Narcolepsy-cataplexy",
    ),
    "nonepileptic_seizure_paroxysmal": _lettered(
        "Tics",
        "Stereotypies",
        "Paroxysmal kinesigenic dyskinesia",
        "Paroxysmal non-kinesigenic dyskinesia",
        "Paroxysmal exercise-induced dyskinesia",
        "Benign paroxysmal tonic upgaze",
        "Episodic ataxias",
        "Alternating hemiplegia",
        "Hyperekplexia",
        "Opsoclonus-myoclonus syndrome",
    ),
    "nonepileptic_seizure_migraine": _lettered(
        "Migraine with visual aura",
        "Familial hemiplegic migraine",
        "Benign paroxysmal torticollis",
        "Benign paroxysmal vertigo",
        "Cyclical vomiting",
    ),
    "nonepileptic_seizure_miscellaneous": _lettered(
        "Benign myoclonus of infancy and shuddering attacks",
        "Jitteriness",
        "Sandifer syndrome",
        "Non-epileptic head drops",
        "Spasmus nutans",
        "Raised intracranial pressure",
        "Paroxysmal extreme pain disorder",
        "Spinal myoclonus",
    ),
}

#: Which subtype question belongs to each non-epileptic type ("Other" is free text).
NONEPILEPTIC_SUBTYPE_FIELD = {
    "SAS": "nonepileptic_seizure_syncope",
    "BPP": "nonepileptic_seizure_behavioural",
    "SRC": "nonepileptic_seizure_sleep",
    "PMD": "nonepileptic_seizure_paroxysmal",
    "MAD": "nonepileptic_seizure_migraine",
    "ME": "nonepileptic_seizure_miscellaneous",
    OTHER_NONEPILEPTIC_TYPE: "nonepileptic_seizure_other",
}

EPILEPSY_CAUSE_CATEGORY = {
    "Gen": "Genetic",
    "Imm": "Immune",
    "Inf": "Infectious",
    "Met": "Metabolic",
    "Str": "Structural",
}

SEVERITY = {
    "mild": "Mild",
    "moderate": "Moderate",
    "severe": "Severe",
    "profound": "Profound",
    "uncertain": "Uncertain",
}

MENTAL_HEALTH_ISSUE = {
    "AxD": "Anxiety disorder",
    "EmB": "Emotional or behavioural",
    "MoD": "Mood disorder",
    "SHm": "Self harm",
    "Oth": "Other",
}

#: The medicine KPI 8 looks for, by its exact seeded name.
SODIUM_VALPROATE = "Sodium valproate"

#: Syndromes for which a brain MRI is not indicated (KPI 5), by their exact seeded names.
MRI_NOT_INDICATED_SYNDROMES = frozenset(
    {
        "Self-limited epilepsy with centrotemporal spikes",
        "Juvenile myoclonic epilepsy",
        "Juvenile absence epilepsy",
        "Childhood absence epilepsy",
        "Epilepsy with generalized tonic\u2013clonic seizures alone",
    }
)
