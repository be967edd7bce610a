"""Fixtures for the loader tests: the real files, editable copies, and throwaway databases."""

from __future__ import annotations

import pytest

from portal.migrations import upgrade_schema
from tests.services.reference.edits import copy_reference
from tests.services.reference.scratch import clone_database, open_scratch
from tests.support.database import create_database, drop_database


@pytest.fixture(scope="session")
def reference_dir(settings):
    return settings.portal_reference_dir


@pytest.fixture
def files(reference_dir, tmp_path):
    """An editable copy of the reference files."""
    return copy_reference(reference_dir, tmp_path / "reference")


@pytest.fixture(scope="session")
def empty_template(tmp_path_factory):
    """A migrated, empty database that scratch databases are copied from."""
    url = create_database(str(tmp_path_factory.mktemp("reference-template")))
    upgrade_schema(url)
    yield url
    drop_database(url)


def _scratch(template, directory, reference_dir):
    scratch = open_scratch(clone_database(template, directory))
    scratch.load(reference_dir)
    return scratch


@pytest.fixture(scope="session")
def loaded(empty_template, tmp_path_factory, reference_dir):
    """A throwaway database loaded once with the real files; tests must leave it as they found it."""
    scratch = _scratch(empty_template, tmp_path_factory.mktemp("reference-loaded"), reference_dir)
    yield scratch
    scratch.engine.dispose()
    drop_database(scratch.url)


@pytest.fixture
def fresh(empty_template, tmp_path, reference_dir):
    """A throwaway database loaded with the real files, for one test to change as it likes."""
    scratch = _scratch(empty_template, tmp_path, reference_dir)
    yield scratch
    scratch.engine.dispose()
    drop_database(scratch.url)
