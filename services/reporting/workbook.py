"""The national KPI workbook: every measure at every level for one cohort, and the areas behind it.

One sheet per level (level, area code, area name, measure, numerator, denominator, percentage),
one of children counted and excluded per area, one of every organisation's areas, and a cover
sheet saying which figures these are. National staff only: the working figures are unsuppressed.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from sqlalchemy import select
from sqlalchemy.orm import Session

from domain.reporting.levels import Level
from models.accounts import User
from models.reporting import ReportSnapshot
from portal import access
from portal.errors import UserError
from services.reporting.files import SUPPRESSED, xlsx_bytes
from services.reporting.geography import area_keys
from services.reporting.places import Names
from services.reporting.publication import latest_published, working
from services.reporting.registry import (
    CHILDREN_EXCLUDED_INCOMPLETE,
    CHILDREN_INCLUDED,
    AuditReport,
    Statistic,
)
from services.reporting.tables import level_table

MEASURE_COLUMNS = (
    "level",
    "area_code",
    "area_name",
    "measure",
    "measure_label",
    "numerator",
    "denominator",
    "percentage",
)
STATISTIC_COLUMNS = ("n", "value")
CHILDREN_COLUMNS = (
    "level",
    "area_code",
    "area_name",
    "children_included",
    "children_excluded_incomplete",
    "percentage_complete",
)
_REFERENCE_LEVELS = (
    Level.TRUST,
    Level.LOCAL_HEALTH_BOARD,
    Level.INTEGRATED_CARE_BOARD,
    Level.NHS_ENGLAND_REGION,
    Level.OPENUK_NETWORK,
    Level.COUNTRY,
)
REFERENCE_COLUMNS = (
    "organisation_code",
    "organisation_name",
    *[f"{level.value}_{part}" for level in _REFERENCE_LEVELS for part in ("code", "name")],
)


def _snapshot(session: Session, report: AuditReport, cohort: int, published: bool):
    finder = latest_published if published else working
    snapshot = finder(session, audit=report.audit, cohort=cohort)
    if snapshot is None:
        state = "published" if published else "aggregated"
        raise UserError(
            f"{report.title} {report.cohort_label(cohort)} has not been {state} yet, "
            "so there is no workbook to make."
        )
    return snapshot


def _level_rows(session, report: AuditReport, snapshot, level: Level):
    measures = {spec.name for spec in report.measures}
    rows, children = [], defaultdict(dict)
    for row in level_table(session, report=report, snapshot=snapshot, level=level):
        if row.measure in (CHILDREN_INCLUDED, CHILDREN_EXCLUDED_INCOMPLETE):
            children[(row.area_code, row.area_name)][row.measure] = row
            continue
        if row.measure not in measures:
            continue
        rows.append(
            {
                "level": level.label,
                "area_code": row.area_code,
                "area_name": row.area_name,
                "measure": row.measure,
                "measure_label": row.measure_label,
                "numerator": SUPPRESSED if row.suppressed else row.passed,
                "denominator": SUPPRESSED if row.suppressed else row.eligible,
                "percentage": row.percentage,
                "n": row.n,
                "value": None if row.value is None else round(row.value, 2),
                "suppressed": row.suppressed,
            }
        )
    counted = []
    for (code, name), found in children.items():
        included = found.get(CHILDREN_INCLUDED)
        excluded = found.get(CHILDREN_EXCLUDED_INCOMPLETE)
        n_in = included.n if included else None
        n_out = excluded.n if excluded else None
        total = (n_in or 0) + (n_out or 0)
        counted.append(
            {
                "level": level.label,
                "area_code": code,
                "area_name": name,
                "children_included": SUPPRESSED if n_in is None and included else n_in,
                "children_excluded_incomplete": n_out,
                "percentage_complete": round(100 * n_in / total, 1) if n_in and total else None,
                "suppressed": bool(included and included.suppressed),
            }
        )
    return rows, counted


def _reference_rows(session: Session, as_of: dt.date) -> list[dict]:
    names = Names(session, as_of)
    rows = []
    for keys in session.execute(area_keys(as_of)).mappings():
        code = keys[Level.ORGANISATION.value]
        row = {
            "organisation_code": code,
            "organisation_name": names.area(Level.ORGANISATION.value, code).name,
        }
        for level in _REFERENCE_LEVELS:
            area = keys[level.value]
            row[f"{level.value}_code"] = area
            row[f"{level.value}_name"] = names.area(level.value, area).name if area else None
        rows.append(row)
    return sorted(rows, key=lambda r: r["organisation_code"])


def _cover(session, report: AuditReport, snapshot: ReportSnapshot, user, published: bool):
    publisher = (
        session.scalar(select(User.full_name).where(User.id == snapshot.published_by_id))
        if snapshot.published_by_id
        else None
    )
    facts = [
        ("Audit", report.title),
        ("Cohort", report.cohort_label(snapshot.cohort)),
        ("Figures", "Published (small numbers suppressed)" if published else "Working (private)"),
        ("Data as of", f"{snapshot.computed_at:%d %b %Y %H:%M} UTC"),
        ("Geography as of", f"{snapshot.as_of:%d %b %Y}"),
        ("Published", f"{snapshot.published_at:%d %b %Y %H:%M} UTC by {publisher}")
        if published
        else ("Published", "No: not for publication"),
        ("Prepared for", user.full_name),
        ("Prepared at", f"{dt.datetime.now(dt.UTC):%d %b %Y %H:%M} UTC"),
    ]
    return [{"item": item, "detail": detail} for item, detail in facts]


def build_workbook(
    *, session: Session, user, report: AuditReport, cohort: int, published: bool = False
) -> tuple[str, bytes]:
    """Return the workbook's file name and content for one cohort; national staff only."""
    access.require(user, report.capability_publish)
    snapshot = _snapshot(session, report, cohort, published)
    statistics = any(spec.statistic is not Statistic.PROPORTION for spec in report.measures)
    columns = MEASURE_COLUMNS + (STATISTIC_COLUMNS if statistics else ())
    sheets = {"About": (("item", "detail"), _cover(session, report, snapshot, user, published))}
    counted = []
    for level in report.levels:
        rows, children = _level_rows(session, report, snapshot, level)
        sheets[level.label] = (columns, rows)
        counted += children
    sheets["Children counted"] = (CHILDREN_COLUMNS, counted)
    sheets["Areas"] = (REFERENCE_COLUMNS, _reference_rows(session, snapshot.as_of))
    kind = "published" if published else "working"
    filename = f"{report.audit}-{report.cohort_label(cohort).lower().replace(' ', '-')}-{kind}.xlsx"
    return filename, xlsx_bytes(sheets)
