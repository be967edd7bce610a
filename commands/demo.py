"""``portal demo``: demo accounts for every role, then each audit domain's demo data."""

from __future__ import annotations

import random

import click

from portal.db import refresh_statistics, session_factory
from portal.discovery import import_submodules


def demo_seeders() -> list:
    """Return every ``seed_demo`` function the service packages define, once each, by module."""
    from services.accounts import demo as accounts_demo

    seeders, seen = [], set()
    for module in sorted(import_submodules("services"), key=lambda m: m.__name__):
        seeder = getattr(module, "seed_demo", None)
        if module is accounts_demo or not callable(seeder) or seeder in seen:
            continue
        seen.add(seeder)
        seeders.append(seeder)
    return seeders


@click.command("demo")
@click.option(
    "--children",
    default=600,
    show_default=True,
    type=click.IntRange(min=0),
    help="How many demo children each audit creates.",
)
@click.option(
    "--seed",
    default=2026,
    show_default=True,
    type=int,
    help="Random seed, so the demo data is the same each time.",
)
def command(children: int, seed: int) -> None:
    """Create the demo accounts (one per role) and the audits' demo data; safe to run twice."""
    from services.accounts.demo import DEMO_PASSWORD, ensure_demo_accounts

    with session_factory()() as session:
        results = ensure_demo_accounts(session=session)
    click.echo(f"Demo accounts (password for all: {DEMO_PASSWORD}):")
    for account, created in results:
        where = account.ods_code or "national"
        state = "created" if created else "already there, unchanged"
        click.echo(f"  {account.email:<38} {account.role.label:<40} {where:<8} {state}")

    for seeder in demo_seeders():
        name = seeder.__module__
        rng = random.Random(f"{seed}:{name}")  # each domain's data stays the same as others change
        with session_factory()() as session:
            summary = seeder(session=session, rng=rng, children=children)
            session.commit()
        click.echo(f"Demo data from {name}: {summary or 'done'}.")
    refresh_statistics()
    _results_for_demo()


def _results_for_demo() -> None:
    """Aggregate every audit's cohorts and publish each cohort that counts children, so every
    page has data (a cohort whose year of care has not yet ended for anyone stays unpublished)."""
    import datetime as dt

    from sqlalchemy import select

    from models.accounts import User
    from portal.config import get_settings
    from services.accounts.demo import DEMO_ACCOUNTS
    from services.reporting.publication import latest_published, publish
    from services.reporting.registry import reports
    from tasks.reporting import aggregate_cohort

    today = dt.date.today()
    national_email = next(a.email for a in DEMO_ACCOUNTS if a.role.is_national)
    for name, report in sorted(reports().items()):
        counted = [
            cohort
            for cohort in report.cohorts(today)
            if aggregate_cohort.run(name, cohort)["children_included"]
        ]
        if not counted:
            click.echo(f"Figures for {report.title}: no children counted yet, nothing published.")
            continue
        with session_factory()() as session:
            user = session.scalar(select(User).where(User.email == national_email))
            for cohort in counted:
                if latest_published(session, audit=name, cohort=cohort) is None:
                    publish(
                        session=session,
                        report=report,
                        cohort=cohort,
                        user=user,
                        threshold=get_settings().suppression_threshold,
                        note="Demo publication",
                    )
            session.commit()
        shown = ", ".join(report.cohort_label(c) for c in counted)
        click.echo(f"Figures for {report.title}: every cohort aggregated; published {shown}.")
