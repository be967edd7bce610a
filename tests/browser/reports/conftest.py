"""Figures for the reporting pages' browser tests: the cohort the dashboards open on today and the
one before it, across a handful of sites.

The pages choose their default cohort from today's date, so these figures follow the calendar
rather than naming cohort numbers that a new December would leave behind.
"""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from selenium.webdriver.support.ui import WebDriverWait

from services.epilepsy12.reporting import cohorts, default_cohort
from tests.services.reporting import e12_figures as e12

CURRENT = default_cohort(dt.date.today())
PREVIOUS = CURRENT - 1
COHORTS_TODAY = len(cohorts(dt.date.today()))


@pytest.fixture
def figures(db):
    """RGT01: ECG 30/40 in the current cohort, 10/20 in the previous one; a sister site, another trust, Wales, and
    a few hundred children elsewhere so the funnel plot has company."""
    e12.create(db)
    ids = e12.organisation_ids(db)
    rows = [e12.child(ids["RGT01"], CURRENT, ecg=int(i < 30), mri=int(i < 12)) for i in range(40)]
    rows += [e12.child(ids["RGT01"], PREVIOUS, ecg=int(i < 10)) for i in range(20)]
    rows += [e12.child(ids["RGT1W"], CURRENT) for _ in range(3)]
    rows += [e12.child(ids["RJZ01"], CURRENT, ecg=int(i < 20)) for i in range(30)]
    rows += [e12.child(ids["7A1A1"], CURRENT) for _ in range(12)]
    others = [v for k, v in sorted(ids.items()) if k not in ("RGT01", "RGT1W", "RJZ01", "7A1A1")]
    rows += e12.random_children(others[::6], cohort=CURRENT, count=600, seed=8)
    e12.add_and_aggregate(db, rows, [PREVIOUS, CURRENT])
    yield db
    e12.drop(db)


def query_params(portal) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlsplit(portal.driver.current_url).query).items()}


def wait_until(portal, condition, message: str, timeout: float = 10) -> None:
    WebDriverWait(portal.driver, timeout).until(lambda _driver: condition(), message=message)


def click(portal, element) -> None:
    """Scroll an element to the middle of the window and click it, as a person would."""
    portal.driver.execute_script(
        "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element
    )
    element.click()


def allow_downloads(portal, folder: Path) -> None:
    """Let the headless browser save downloads into ``folder``."""
    portal.driver.execute_cdp_cmd(
        "Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(folder)}
    )


def wait_for_file(folder: Path, name: str, timeout: float = 15) -> Path:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        path = folder / name
        if path.exists() and path.stat().st_size:
            return path
        time.sleep(0.2)
    raise AssertionError(f"{name} was never downloaded; found {[p.name for p in folder.iterdir()]}")
