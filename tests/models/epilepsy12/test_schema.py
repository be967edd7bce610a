"""The migrations build exactly the tables the models describe, and the seed can be undone."""

from __future__ import annotations

import pytest
from alembic import command
from sqlalchemy import create_engine, inspect, text

from portal.config import get_settings
from portal.migrations import alembic_config, check_schema, upgrade_schema

E12_TABLES = {
    "e12_case",
    "e12_site",
    "e12_registration",
    "e12_first_paediatric_assessment",
    "e12_epilepsy_context",
    "e12_multiaxial_diagnosis",
    "e12_episode",
    "e12_syndrome",
    "e12_comorbidity",
    "e12_assessment",
    "e12_investigations",
    "e12_management",
    "e12_antiepilepsy_medicine",
    "e12_audit_progress",
    "e12_kpi_result",
    "e12_syndrome_list",
    "e12_medicine",
    "e12_comorbidity_list",
    "e12_epilepsy_cause",
    "e12_semiology_keyword",
}


@pytest.mark.sqlite
def test_migrated_database_matches_the_models():
    check_schema(get_settings().database_url)


@pytest.mark.sqlite
def test_every_epilepsy12_table_and_the_notification_table_exist():
    tables = set(inspect(create_engine(get_settings().database_url)).get_table_names())

    assert E12_TABLES | {"notification"} <= tables


@pytest.mark.sqlite
def test_identifiers_fit_postgresql():
    import models

    names = [
        name
        for table in models.Base.metadata.tables.values()
        if table.name.startswith("e12_")
        for name in (table.name, *table.columns.keys(), *(i.name for i in table.indexes))
    ]

    assert max(len(name) for name in names) <= 63


@pytest.mark.sqlite
def test_epilepsy12_branch_downgrades_and_upgrades_again(tmp_path):
    url = f"sqlite:///{tmp_path}/branch.db"
    upgrade_schema(url)
    engine = create_engine(url)

    command.downgrade(alembic_config(url), "e12_0001")
    with engine.connect() as connection:
        left = connection.scalar(text("SELECT count(*) FROM e12_medicine"))
    command.downgrade(alembic_config(url), "epilepsy12@base")
    without = set(inspect(engine).get_table_names())
    upgrade_schema(url)
    with engine.connect() as connection:
        reseeded = connection.scalar(text("SELECT count(*) FROM e12_syndrome_list"))
    check_schema(url)
    engine.dispose()

    assert left == 0
    assert not without & E12_TABLES
    assert "organisation" in without
    assert reseeded == 40
