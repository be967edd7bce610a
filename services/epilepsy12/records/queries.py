"""The six reads of a child's record, built once: one joined row, the sites, one per list.

One child is chosen by id equality, which the database plans once and keeps; a batch of children
by a range of ids. Every read depends only on those ids, so all six can go in one round trip.
"""

from __future__ import annotations

from sqlalchemy import bindparam, select

import models.epilepsy12 as tables
from models.geography import Organisation
from services.epilepsy12.records.layout import (
    CASE_FIELDS,
    FORMS,
    KPI_COLUMNS,
    PROGRESS_COLUMNS,
    REGISTRATION_FIELDS,
    ROW_LISTS,
    SITE_FLAGS,
    RowList,
    stored_fields,
)


def _chosen(column, one: bool):
    """Choose the children: one by id, or a range of ids."""
    if one:
        return column == bindparam("low")
    return column.between(bindparam("low"), bindparam("high"))


def _whole_record_select(one: bool):
    """Select each child's case, registration, forms, counters and scores in one joined row.

    Children are chosen by a range of case ids, so that one child and a batch of a thousand use
    the same short statement, which the database plans once and keeps prepared.
    """
    case = tables.Case.__table__
    registration = tables.Registration.__table__
    progress = tables.AuditProgress.__table__
    kpi = tables.KPIResult.__table__
    cause = tables.EpilepsyCause.__table__
    columns = [
        case.c.id,
        case.c.locked,
        case.c.opted_out_at,
        *(case.c[name] for name in CASE_FIELDS),
        registration.c.id,
        *(registration.c[name] for name in (*REGISTRATION_FIELDS, *REGISTRATION_DERIVED)),
        progress.c.id,
        *(progress.c[name] for name in PROGRESS_COLUMNS),
        kpi.c.id,
        *(kpi.c[name] for name in KPI_COLUMNS),
        cause.c.preferred_term,
    ]
    joined = case.outerjoin(registration, registration.c.case_id == case.c.id)
    for part in (progress, kpi):
        joined = joined.outerjoin(part, part.c.registration_id == registration.c.id)
    for section, (table, _model) in FORMS.items():
        form = table.__table__
        joined = joined.outerjoin(form, form.c.registration_id == registration.c.id)
        columns.append(form.c.id)
        columns.extend(form.c[name] for name in stored_fields(section))
    md = tables.MultiaxialDiagnosis.__table__
    joined = joined.outerjoin(cause, cause.c.id == md.c.epilepsy_cause_id)
    statement = (
        select(*columns).select_from(joined).where(_chosen(case.c.id, one)).order_by(case.c.id)
    )
    return statement, columns


REGISTRATION_DERIVED = ("cohort", "completed_first_year_of_care_date", "audit_submission_date")


class Head:
    """Where each value sits in a row of the joined select."""

    def __init__(self, columns) -> None:
        position = {(column.table.name, column.name): i for i, column in enumerate(columns)}

        def at(table, *names):
            return tuple((name, position[(table.__table__.name, name)]) for name in names)

        self.case = at(tables.Case, "id", "locked", "opted_out_at")
        self.case_fields = at(tables.Case, *CASE_FIELDS)
        self.registration = at(tables.Registration, "id", *REGISTRATION_DERIVED)
        self.registration_fields = at(tables.Registration, *REGISTRATION_FIELDS)
        self.progress = at(tables.AuditProgress, "id", *PROGRESS_COLUMNS)
        self.kpi = at(tables.KPIResult, "id", *KPI_COLUMNS)
        self.forms = {
            section: (
                position[(table.__table__.name, "id")],
                at(table, *stored_fields(section)),
            )
            for section, (table, _model) in FORMS.items()
        }
        self.cause = position[(tables.EpilepsyCause.__table__.name, "preferred_term")]


def _sites_select(one: bool):
    """The sites involved in the child's care now: not history, not unanswered transfers."""
    site = tables.Site.__table__
    organisation = Organisation.__table__
    return (
        select(
            site.c.case_id,
            site.c.id,
            site.c.organisation_id,
            organisation.c.ods_code,
            organisation.c.name,
            site.c.transfer_status,
            *(site.c[flag] for flag in SITE_FLAGS),
        )
        .join(organisation, organisation.c.id == site.c.organisation_id)
        .where(
            _chosen(site.c.case_id, one),
            site.c.site_is_actively_involved_in_epilepsy_care.is_(True),
        )
        .order_by(site.c.id)
    )


def row_fields(row_list: RowList) -> tuple[str, ...]:
    return stored_fields(row_list.name) + ((row_list.name_field,) if row_list.name_field else ())


def _rows_select(row_list: RowList, one: bool):
    """Each row of a list for the children in a range, with its parent form's id first."""
    table = row_list.table.__table__
    parent = table.c[row_list.parent_column]
    form = FORMS[row_list.form][0].__table__
    registration = tables.Registration.__table__
    columns = [parent, table.c.id, *(table.c[name] for name in stored_fields(row_list.name))]
    statement = select(*columns)
    if row_list.lookup_column:
        lookup = table.c[row_list.lookup_column]
        target = next(iter(lookup.foreign_keys)).column.table
        name_column = {
            "syndromes": "syndrome_name",
            "comorbidities": "preferred_term",
            "antiepilepsy_medicines": "medicine_name",
        }[row_list.name]
        statement = statement.add_columns(target.c[name_column])
        statement = statement.join(target, target.c.id == lookup)
    return (
        statement.join(form, form.c.id == parent)
        .join(registration, registration.c.id == form.c.registration_id)
        .where(_chosen(registration.c.case_id, one))
        .order_by(table.c.id)
    )


class _Reads:
    """The six reads of a child's record, for one child or for a range of children."""

    def __init__(self, one: bool) -> None:
        self.head, columns = _whole_record_select(one)
        self.head_locked = self.head.with_for_update(of=tables.Case.__table__)
        self.columns = columns
        self.sites = _sites_select(one)
        self.rows = [_rows_select(row_list, one) for row_list in ROW_LISTS.values()]


#: One child is read by equality, which the database plans once for good; a batch by range.
ONE, RANGE = _Reads(one=True), _Reads(one=False)
HEAD = Head(ONE.columns)
