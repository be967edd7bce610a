"""A child's rows and the pure ``Record``: read one or a batch, write whole children set-based."""

from services.epilepsy12.records.layout import (
    CASE_FIELDS,
    FORMS,
    KPI_COLUMNS,
    PROGRESS_COLUMNS,
    ROW_LISTS,
    SITE_FLAGS,
    RowList,
    stored_fields,
)
from services.epilepsy12.records.reading import ChildRows, SiteRow, load_child, load_children
from services.epilepsy12.records.writing import (
    NewChild,
    NewSite,
    column_value,
    progress_values,
    registration_values,
    write_children,
)

__all__ = [
    "CASE_FIELDS",
    "FORMS",
    "KPI_COLUMNS",
    "PROGRESS_COLUMNS",
    "ROW_LISTS",
    "SITE_FLAGS",
    "ChildRows",
    "NewChild",
    "NewSite",
    "RowList",
    "SiteRow",
    "column_value",
    "load_child",
    "load_children",
    "progress_values",
    "registration_values",
    "stored_fields",
    "write_children",
]
