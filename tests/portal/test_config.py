"""Settings: safe defaults in development, refused default secrets in production."""

import pytest
from pydantic import ValidationError

from portal.config import Settings


@pytest.mark.parametrize("secret", ["", "dev", "changethis", "secret", "CHANGEME"])
def test_production_refuses_known_secrets(secret):
    with pytest.raises(ValidationError, match="SECRET_KEY"):
        Settings(portal_env="production", secret_key=secret, database_url="sqlite://")


def test_production_refuses_short_secret():
    with pytest.raises(ValidationError, match="at least 32"):
        Settings(portal_env="production", secret_key="x" * 31)


def test_production_accepts_long_private_secret():
    settings = Settings(portal_env="production", secret_key="k" * 40)
    assert settings.is_production


def test_database_defaults_to_sqlite_under_instance():
    settings = Settings(database_url="")
    assert settings.database_url.startswith("sqlite:///")
    assert settings.database_url.endswith("instance/portal.db")


@pytest.mark.parametrize("url", ["postgres://u@h/db", "postgresql://u@h/db"])
def test_postgres_urls_use_psycopg3(url):
    assert Settings(database_url=url).database_url == "postgresql+psycopg://u@h/db"


def test_no_redis_means_tasks_in_process():
    assert Settings(redis_url=None).tasks_in_process
    assert not Settings(redis_url="redis://127.0.0.1:6379/0").tasks_in_process


def test_relative_reference_dir_is_read_from_project_root():
    from portal.config import PROJECT_ROOT

    settings = Settings(portal_reference_dir="../shared/data/reference")
    assert settings.portal_reference_dir == (PROJECT_ROOT / "../shared/data/reference").resolve()
