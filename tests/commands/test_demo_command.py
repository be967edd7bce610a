"""``portal demo``: one account per role, printed passwords that work, safe to run twice."""

from __future__ import annotations

from click.testing import CliRunner
from sqlalchemy import func, select

import commands.demo
from models.accounts import User
from portal.auth.passwords import verify_password
from portal.cli import main
from portal.roles import Role
from services.accounts.demo import DEMO_ACCOUNTS, DEMO_PASSWORD


def test_demo_creates_one_account_per_role_at_real_organisations(db, monkeypatch):
    calls = []
    monkeypatch.setattr(
        commands.demo,
        "demo_seeders",
        lambda: [lambda **kwargs: calls.append(kwargs) or "12 children"],
    )
    result = CliRunner().invoke(main, ["demo", "--children", "12"])
    assert result.exit_code == 0, result.output
    assert DEMO_PASSWORD in result.output

    users = db.scalars(select(User)).all()
    assert {Role(u.role) for u in users} == set(Role)
    for user in users:
        assert verify_password(user.password_hash, DEMO_PASSWORD)
        assert not user.must_change_password
    by_email = {u.email: u for u in users}
    assert by_email["lead.rgt@demo.example.nhs.uk"].organisation.ods_code == "RGT01"
    assert by_email["lead.bcu@demo.example.nhs.uk"].organisation.local_health_board is not None
    assert by_email["national@demo.example.nhs.uk"].organisation_id is None

    assert len(calls) == 1 and calls[0]["children"] == 12
    assert set(calls[0]) == {"session", "rng", "children"}
    assert "12 children" in result.output

    again = CliRunner().invoke(main, ["demo", "--children", "12"])
    assert again.exit_code == 0
    assert again.output.count("already there, unchanged") == len(DEMO_ACCOUNTS)
    assert db.scalar(select(func.count()).select_from(User)) == len(DEMO_ACCOUNTS)


def test_demo_finds_every_services_seed_demo_except_its_own():
    seeders = commands.demo.demo_seeders()
    assert all(s.__name__ == "seed_demo" for s in seeders)
    assert all(not s.__module__.startswith("services.accounts") for s in seeders)
    assert len(set(seeders)) == len(seeders)


def test_demo_publishes_every_cohort_that_counts_children(db):
    from models.reporting import ReportFigure, ReportSnapshot

    result = CliRunner().invoke(main, ["demo", "--children", "150"])
    assert result.exit_code == 0, result.output
    included = dict(
        db.execute(
            select(ReportSnapshot.cohort, ReportFigure.n)
            .join(ReportFigure, ReportFigure.snapshot_id == ReportSnapshot.id)
            .where(
                ReportSnapshot.kind == "working",
                ReportFigure.level == "national",
                ReportFigure.measure == "children.included",
            )
        ).all()
    )
    published = set(
        db.scalars(select(ReportSnapshot.cohort).where(ReportSnapshot.kind == "published"))
    )
    assert published and published == {c for c, n in included.items() if n}
    assert "published Cohort" in result.output
