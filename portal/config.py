"""Typed settings read from environment variables, with safe development defaults."""

from __future__ import annotations

import secrets
from enum import StrEnum
from functools import lru_cache
from pathlib import Path

from pydantic import Field, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent
INSTANCE_DIR = PROJECT_ROOT / "instance"

#: Secrets that appear in tutorials and templates; never acceptable outside development.
KNOWN_DEFAULT_SECRETS = frozenset(
    {
        "",
        "dev",
        "development",
        "secret",
        "secret-key",
        "secret_key",
        "changeme",
        "changethis",
        "change-me",
        "please-change-me",
        "default",
        "test",
        "password",
        "your-secret-key",
        "supersecret",
        "flask-secret",
        "insecure",
    }
)


class Environment(StrEnum):
    DEVELOPMENT = "development"
    TEST = "test"
    PRODUCTION = "production"


class Settings(BaseSettings):
    """Everything the portal reads from its environment."""

    model_config = SettingsConfigDict(env_prefix="", extra="ignore", case_sensitive=False)

    portal_env: Environment = Environment.DEVELOPMENT
    secret_key: str = ""
    database_url: str = ""
    redis_url: str | None = None
    redis_key_prefix: str = "portal:"
    celery_queue: str = "portal"
    portal_reference_dir: Path = PROJECT_ROOT.parent / "shared" / "data" / "reference"
    port: int = 8050
    host: str = "127.0.0.1"
    trusted_proxies: int = Field(
        default=0, ge=0, description="proxies in front that set X-Forwarded-*"
    )

    session_idle_minutes: int = Field(default=30, ge=1)
    lockout_attempts: int = Field(default=5, ge=1)
    lockout_minutes: int = Field(default=10, ge=1)
    suppression_threshold: int = Field(default=5, ge=1)
    aggregation_interval_minutes: int = Field(default=15, ge=1)
    aggregation_debounce_seconds: int = Field(default=30, ge=0)
    heartbeat_seconds: int = Field(default=30, ge=5)

    @field_validator("database_url")
    @classmethod
    def _normalise_database_url(cls, value: str) -> str:
        """Default to the embedded SQLite file and make PostgreSQL URLs use psycopg 3."""
        if not value:
            return f"sqlite:///{INSTANCE_DIR / 'portal.db'}"
        for prefix in ("postgres://", "postgresql://"):
            if value.startswith(prefix):
                return "postgresql+psycopg://" + value[len(prefix) :]
        return value

    @field_validator("portal_reference_dir")
    @classmethod
    def _resolve_reference_dir(cls, value: Path) -> Path:
        """Read a relative reference directory from the project root, not the current directory."""
        return value if value.is_absolute() else (PROJECT_ROOT / value).resolve()

    @model_validator(mode="after")
    def _require_real_secret(self) -> Settings:
        """Refuse a missing or well-known secret key in production."""
        if self.portal_env is Environment.PRODUCTION:
            if self.secret_key.strip().lower() in KNOWN_DEFAULT_SECRETS:
                raise ValueError("SECRET_KEY must be set to a private value in production")
            if len(self.secret_key) < 32:
                raise ValueError("SECRET_KEY must be at least 32 characters in production")
        elif not self.secret_key:
            self.secret_key = _development_secret()
        return self

    @property
    def is_production(self) -> bool:
        return self.portal_env is Environment.PRODUCTION

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")

    @property
    def tasks_in_process(self) -> bool:
        """Run Celery tasks in the calling process when no Redis is configured."""
        return not self.redis_url


def _development_secret() -> str:
    """Return a random secret kept in the instance folder so sessions survive restarts."""
    path = INSTANCE_DIR / "secret_key"
    try:
        return path.read_text().strip()
    except FileNotFoundError:
        INSTANCE_DIR.mkdir(parents=True, exist_ok=True)
        value = secrets.token_urlsafe(48)
        path.write_text(value)
        path.chmod(0o600)
        return value


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """Return the process-wide settings, read once from the environment."""
    return Settings()
