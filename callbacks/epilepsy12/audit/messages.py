"""The validators' messages in the words of the form: question wording and dates as people write them."""

from __future__ import annotations

import re
from datetime import date

from pages.epilepsy12.audit.questions import QUESTIONS

_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_NAME = re.compile(r"\b[a-z]+(?:_[a-z0-9]+)+\b")
_PATH = re.compile(r"^(?P<path>[a-z_]+(?:\.[a-z_]+\[\d+\])?(?:\.[a-z_]+)?): (?P<rest>.*)$", re.S)
_ROW = re.compile(r"\.(?P<rows>[a-z_]+)\[(?P<index>\d+)\]")
ROW_TITLES = {
    "episodes": "Episode",
    "syndromes": "Syndrome",
    "comorbidities": "Comorbidity",
    "antiepilepsy_medicines": "Medicine",
}
EXTRA_LABELS = {
    "first_paediatric_assessment_date": "Date of the first paediatric assessment",
    "date_of_birth": "Date of birth",
}


def label(name: str) -> str | None:
    for questions in QUESTIONS.values():
        if name in questions:
            return questions[name].label
    return EXTRA_LABELS.get(name)


def _quoted(match: re.Match) -> str:
    found = label(match.group())
    return f"“{found}”" if found else match.group()


def _where(path: str) -> str:
    parts = []
    row = _ROW.search(path)
    if row:
        parts.append(f"{ROW_TITLES.get(row['rows'], row['rows'])} {int(row['index']) + 1}")
    last = path.rsplit(".", 1)[-1]
    if "[" not in last and last not in ROW_TITLES and label(last):
        parts.append(f"“{label(last)}”")
    return ", ".join(parts) or path


def _dates(match: re.Match) -> str:
    try:
        return f"{date(*(int(part) for part in match.groups())):%-d %b %Y}"
    except ValueError:
        return match.group()


def humanise(message: str) -> str:
    """Rewrite one validator message for the person at the form."""
    prefix = ""
    located = _PATH.match(message)
    if located and "." in located["path"]:
        prefix = f"{_where(located['path'])}: "
        message = located["rest"]
    message = _DATE.sub(_dates, message)
    message = _NAME.sub(_quoted, message)
    message = message.replace(" is true", " is yes").replace("management.", "")
    if prefix:
        return prefix + message
    return message[:1].upper() + message[1:]
