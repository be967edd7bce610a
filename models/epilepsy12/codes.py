"""The coded answers Epilepsy12 stores, as the database CHECK constraints allow them."""

from __future__ import annotations

from collections.abc import Iterable

SEX = (0, 1, 2, 9)
ETHNICITY = tuple("ABCDEFGHJKLMNPRSZ")
YES_NO_UNCERTAIN = ("Y", "N", "U")
CHRONICITY = (1, 2, 3)
SEVERITY = ("mild", "moderate", "severe", "profound", "uncertain")
DATE_ACCURACY = ("Apx", "Exc", "NK")
EPISODE_DEFINITION = ("a", "b", "c")
EPILEPSY_DIAGNOSIS_STATUS = ("E", "NE", "U")
EPILEPTIC_SEIZURE_ONSET_TYPE = ("FO", "GO", "UO", "UC")
GENERALISED_SEIZURE_TYPE = (
    "AEM", "Ato", "Aab", "Clo", "EpS", "MyC", "MAb", "MTC", "MAt", "Ton", "TCl", "TAb", "Oth",
)  # fmt: skip
NONEPILEPTIC_SEIZURE_UNKNOWN_ONSET = ("BAr", "EpS", "TCl", "Oth")
NONEPILEPTIC_SEIZURE_TYPE = ("SAS", "BPP", "SRC", "PMD", "MAD", "ME", "Oth")
#: Letter codes of each non-epileptic subtype question, by the column that holds it.
NONEPILEPTIC_SUBTYPES = {
    "nonepileptic_seizure_syncope": tuple("abcdefghij"),
    "nonepileptic_seizure_behavioural": tuple("abcdefghij"),
    "nonepileptic_seizure_sleep": tuple("abcdefg"),
    "nonepileptic_seizure_paroxysmal": tuple("abcdefghij"),
    "nonepileptic_seizure_migraine": tuple("abcde"),
    "nonepileptic_seizure_miscellaneous": tuple("abcdefgh"),
}
EPILEPSY_CAUSE_CATEGORIES = ("Gen", "Imm", "Inf", "Met", "Str")
MENTAL_HEALTH_ISSUES = ("AxD", "EmB", "MoD", "SHm", "Oth")
TRANSFER_STATUS = ("pending", "accepted", "rejected")
SEMIOLOGY_CATEGORIES = (
    "cognitive", "emotional/affective", "autonomic", "automatisms", "motor", "sensory", "laterality",
)  # fmt: skip
KPI_SCORES = (0, 1, 2)


def sql_in(column: str, values: Iterable[object]) -> str:
    """Return the SQL condition that ``column`` holds one of ``values`` (NULL passes, as in CHECK)."""
    rendered = ", ".join(f"'{value}'" if isinstance(value, str) else str(value) for value in values)
    return f"{column} IN ({rendered})"
