"""Every registered page, opened by someone allowed to see it, is clean: no console errors, no
serious or critical WCAG 2.2 AA violations (axe), one h1, and the page landmarks.

The pages are the modules under ``pages/`` that call ``register_page`` (what Dash registers), so
a page added later is checked without editing this file. Path variables take a known example.
"""

from __future__ import annotations

import re

import dash
import pytest
from selenium.webdriver.support.ui import WebDriverWait

from portal import access
from portal.config import PROJECT_ROOT
from portal.gate import page_rule
from portal.roles import Role
from tests.support.e12_records import complete_child
from tests.support.factories import make_user

PAGES_DIR = PROJECT_ROOT / "pages"

#: Path variables with a value that exists in the reference data.
EXAMPLES = {"ods_code": "RGT01", "audit": "epilepsy12"}
#: Path variables whose example must be created first: a fully recorded Epilepsy12 child.
MADE_EXAMPLES = {"case_id": lambda session: str(complete_child(session))}

#: Who opens a page that needs a capability: the first of these roles that holds it.
ROLE_PREFERENCE = [
    Role.NATIONAL_AUDIT_TEAM,
    Role.LEAD_CLINICIAN,
    Role.CLINICIAN,
    Role.AUDIT_ADMINISTRATOR,
    Role.HOSPITAL_ADMIN,
    Role.DOCTOR,
    Role.NURSE,
    Role.PHARMACIST,
    Role.LAB_TECHNICIAN,
    Role.RECEPTIONIST,
]


def page_modules() -> list[str]:
    """Return each module under ``pages/`` that registers a page, dotted relative to ``pages/``."""
    return sorted(
        ".".join(path.relative_to(PAGES_DIR).with_suffix("").parts)
        for path in PAGES_DIR.rglob("*.py")
        if "register_page(" in path.read_text(encoding="utf-8")
    )


def registered_page(module: str) -> dict:
    suffix = f"pages.{module}"
    found = [p for p in dash.page_registry.values() if p["module"].endswith(suffix)]
    assert found, f"pages/{module.replace('.', '/')}.py registered no page"
    return found[0]


def example_path(page: dict, session) -> str:
    template = page.get("path_template") or page["path"]
    for name in re.findall(r"<(\w+)>", template):
        if name in MADE_EXAMPLES:
            value = MADE_EXAMPLES[name](session)
        elif name in EXAMPLES:
            value = EXAMPLES[name]
        else:
            pytest.skip(f"no example value for <{name}>: add one to EXAMPLES to check {template}")
        template = template.replace(f"<{name}>", value)
    return template


def visitor_role(page: dict) -> Role | None:
    """Return the role to open ``page`` with, or None for a public page."""
    rule = page_rule(page)
    if rule.public:
        return None
    holders = access.capabilities()[rule.capability]
    return next(role for role in ROLE_PREFERENCE if role in holders)


def wait_until_settled(portal, timeout: float = 30) -> None:
    """Wait until the page has rendered its h1 and no Dash callback is still loading."""
    WebDriverWait(portal.driver, timeout, poll_frequency=0.2).until(
        lambda driver: driver.execute_script(
            "return document.querySelector('#_pages_content h1') !== null"
            " && document.querySelector('[data-dash-is-loading=\"true\"]') === null"
        ),
        message="the page never finished loading",
    )


@pytest.mark.parametrize("module", page_modules())
def test_page_is_accessible_to_its_users(portal, db, app, module):
    page = registered_page(module)
    path = example_path(page, db)
    role = visitor_role(page)
    if role is not None:
        portal.sign_in(make_user(db, role=role))
    portal.visit(path)
    wait_until_settled(portal)
    portal.settle(1.0)
    assert portal.driver.current_url.split("?")[0].endswith(path), "the page redirected away"
    headings = portal.find_all("h1")
    assert len(headings) == 1, f"{path} has {len(headings)} h1 elements"
    for landmark in ("header", "main#main", "footer"):
        assert portal.find_all(landmark), f"{path} has no {landmark}"
    portal.screenshot(f"page-{module.replace('.', '-')}")
    who = role.value if role else "an anonymous visitor"
    portal.assert_clean(context=f"on {path} as {who}")
