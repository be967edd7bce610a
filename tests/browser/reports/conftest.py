"""Figures for the reporting pages' browser tests: cohorts 7 and 8 across a handful of sites."""

from __future__ import annotations

import time
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from selenium.webdriver.support.ui import WebDriverWait

from tests.services.reporting import e12_figures as e12


@pytest.fixture
def figures(db):
    """RGT01: ECG 30/40 in cohort 8, 10/20 in cohort 7; a sister site, another trust, Wales, and
    a few hundred children elsewhere so the funnel plot has company."""
    e12.create(db)
    ids = e12.organisation_ids(db)
    rows = [e12.child(ids["RGT01"], 8, ecg=int(i < 30), mri=int(i < 12)) for i in range(40)]
    rows += [e12.child(ids["RGT01"], 7, ecg=int(i < 10)) for i in range(20)]
    rows += [e12.child(ids["RGT1W"], 8) for _ in range(3)]
    rows += [e12.child(ids["RJZ01"], 8, ecg=int(i < 20)) for i in range(30)]
    rows += [e12.child(ids["7A1A1"], 8) for _ in range(12)]
    others = [v for k, v in sorted(ids.items()) if k not in ("RGT01", "RGT1W", "RJZ01", "7A1A1")]
    rows += e12.random_children(others[::6], cohort=8, count=600, seed=8)
    e12.add_and_aggregate(db, rows, [7, 8])
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
