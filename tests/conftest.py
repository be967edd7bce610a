"""Fixtures shared by the whole suite: a real database per test process, the app, a client.

The database is PostgreSQL unless ``PORTAL_TEST_DATABASE=sqlite``. It is created empty when the
test process starts, migrated with Alembic, loaded with the reference data, and dropped at the end.
Each test that writes leaves nothing behind: user tables are emptied after it.
"""

from __future__ import annotations

import os
import secrets
import tempfile

import pytest

from tests.support.database import backend, create_database, drop_database, empty_user_tables

_state: dict[str, str] = {}


def _is_xdist_controller(config) -> bool:
    return bool(getattr(config.option, "numprocesses", None)) and not os.environ.get(
        "PYTEST_XDIST_WORKER"
    )


def pytest_configure(config) -> None:
    """Create and prepare this process's database before any test module is imported."""
    if _is_xdist_controller(config):
        return
    url = create_database(tempfile.mkdtemp(prefix="portal-tests-"))
    _state["url"] = url
    os.environ.update(
        DATABASE_URL=url,
        PORTAL_ENV="test",
        SECRET_KEY=secrets.token_urlsafe(48),
    )
    os.environ.pop("REDIS_URL", None)

    from portal.config import get_settings
    from portal.domains import load_domains
    from portal.migrations import upgrade_schema

    get_settings.cache_clear()
    load_domains()
    upgrade_schema(url)
    _load_reference_data()


def _load_reference_data() -> None:
    try:
        from services.reference.loader import load_reference
    except ImportError:
        return
    from portal.config import get_settings
    from portal.db import session_scope

    with session_scope() as session:
        load_reference(session=session, directory=get_settings().portal_reference_dir)


def pytest_unconfigure(config) -> None:
    """Drop this process's database."""
    url = _state.pop("url", None)
    if url is None:
        return
    from portal.db import get_engine, reset_engines

    get_engine(url).dispose()
    reset_engines()
    drop_database(url)


def pytest_collection_modifyitems(config, items) -> None:
    """On SQLite, run only the tests marked to keep the embedded default working."""
    if backend() != "sqlite":
        return
    skip = pytest.mark.skip(reason="PostgreSQL run only")
    for item in items:
        if "sqlite" not in item.keywords:
            item.add_marker(skip)


def pytest_setup_options():
    """Drive Debian's headless Chromium with its own driver, with no network chatter."""
    from selenium.webdriver.chrome.options import Options

    options = Options()
    options.binary_location = os.environ.get("DASH_TEST_CHROMEPATH", "/usr/bin/chromium")
    for argument in (
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
        "--enable-unsafe-swiftshader",
        "--window-size=1400,1000",
    ):
        options.add_argument(argument)
    return options


@pytest.fixture(scope="session")
def settings():
    from portal.config import get_settings

    return get_settings()


@pytest.fixture(scope="session")
def app():
    """The one Flask server (with its Dash app) of this test process."""
    from portal import create_app

    return create_app()


@pytest.fixture
def db():
    """A database session for arranging and checking data; user tables are emptied afterwards."""
    from portal.db import get_engine, session_factory

    session = session_factory()()
    yield session
    session.close()
    empty_user_tables(get_engine())


@pytest.fixture
def client(app, db):
    """A test client of the app; sign in with ``tests.support.auth.sign_in``."""
    return app.test_client()
