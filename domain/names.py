"""Readable names for NHS organisations, whose reference names arrive in upper case."""

from __future__ import annotations

import re
from functools import lru_cache

#: Words kept in capitals: initialisms that appear in organisation and trust names.
_INITIALISMS = frozenset(
    {"A&E", "CAMHS", "CDC", "CIC", "CYP", "ENT", "GP", "HQ", "ICB", "II", "III", "IV", "LLP"}
    | {"NHS", "PDU", "QEII", "UCLH", "UK", "UCL"}
)
#: Short words written in lower case unless they start the name.
_MINOR_WORDS = frozenset(
    {"a", "an", "and", "at", "by", "for", "in", "of", "on", "the", "to", "upon"}
)
#: Vowel-less words that are abbreviations read as words, not initialisms.
_ABBREVIATIONS = frozenset({"ST", "DR", "MR", "MRS", "MS"})
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_ICB_AFFIXES = (re.compile(r"^NHS\s+", re.IGNORECASE), re.compile(r"\s+Integrated Care Board$"))


def _word(match: re.Match[str], *, first: bool) -> str:
    word = match.group(0)
    upper = word.upper()
    if upper in _INITIALISMS:
        return upper
    if not re.search(r"[AEIOUYW]", upper) and upper not in _ABBREVIATIONS:
        return upper
    lower = word.lower()
    if lower in _MINOR_WORDS and not first:
        return lower
    return lower[0].upper() + lower[1:]


@lru_cache(maxsize=8192)
def display_name(name: str | None) -> str:
    """Return an upper-case ODS name in title case, keeping initialisms such as NHS in capitals."""
    if not name:
        return ""
    if name != name.upper():
        return name
    parts = []
    position = 0
    for index, match in enumerate(_WORD.finditer(name)):
        parts.append(name[position : match.start()])
        parts.append(_word(match, first=index == 0))
        position = match.end()
    parts.append(name[position:])
    return "".join(parts)


def short_icb_name(name: str | None) -> str:
    """Return an ICB's name without the "NHS … Integrated Care Board" wrapper, for tight columns."""
    if not name:
        return ""
    for affix in _ICB_AFFIXES:
        name = affix.sub("", name)
    return name
