"""Browser tests: the real app served in a thread, driven by dash's ``dash_br`` in Chromium."""

from __future__ import annotations

import threading
import time

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait
from werkzeug.serving import make_server

from tests.support.axe import assert_accessible
from tests.support.factories import PASSWORD

pytestmark = pytest.mark.browser


@pytest.fixture(scope="session")
def live_server(app):
    """Serve the app on a free local port for the whole session; yield its base URL."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


class Portal:
    """A browser pointed at the live portal, with the steps most tests need."""

    def __init__(self, br, base_url: str) -> None:
        self.br = br
        self.driver = br.driver
        self.base_url = base_url
        self.scripts: list[str] = []

    def add_script(self, source: str) -> None:
        """Run ``source`` at the start of every page this test opens (removed afterwards)."""
        added = self.driver.execute_cdp_cmd(
            "Page.addScriptToEvaluateOnNewDocument", {"source": source}
        )
        self.scripts.append(added["identifier"])

    def visit(self, path: str, *, wait_for: str | None = None, timeout: float = 10) -> None:
        """Open ``path`` and wait for ``wait_for`` (a CSS selector), if given."""
        self.driver.get(self.base_url + path)
        if wait_for:
            self.wait_for(wait_for, timeout=timeout)

    def wait_for(self, selector: str, *, timeout: float = 10):
        return WebDriverWait(self.driver, timeout).until(
            EC.presence_of_element_located((By.CSS_SELECTOR, selector))
        )

    def wait_for_text(self, selector: str, text: str, *, timeout: float = 10) -> None:
        WebDriverWait(self.driver, timeout).until(
            EC.text_to_be_present_in_element((By.CSS_SELECTOR, selector), text)
        )

    def find(self, selector: str):
        return self.driver.find_element(By.CSS_SELECTOR, selector)

    def find_all(self, selector: str):
        return self.driver.find_elements(By.CSS_SELECTOR, selector)

    def sign_in(self, user, password: str = PASSWORD, *, next_path: str = "/") -> None:
        """Sign in through the form and wait for the Dash page to load."""
        self.visit(f"/auth/sign-in?next={next_path}", wait_for="#email")
        self.find("#email").send_keys(user.email)
        self.find("#password").send_keys(password)
        self.find("#sign-in-submit").click()
        self.wait_for("#_pages_content")

    def settle(self, seconds: float = 0.3) -> None:
        """Give the page a moment after the last callback (for screenshots and axe)."""
        time.sleep(seconds)

    def console_errors(self) -> list[dict]:
        """Return the browser console's SEVERE entries since the last check."""
        return self.br.get_logs()

    def assert_clean(self, *, context: str = "") -> None:
        """Fail on any browser console error (a missing offline asset shows up here) or on
        serious/critical accessibility violations."""
        errors = self.console_errors()
        assert not errors, f"browser console errors {context}: {errors}"
        assert_accessible(self.driver, context=context)

    def screenshot(self, name: str) -> None:
        """Save a screenshot under screenshots/ for a person to look at."""
        from portal.config import PROJECT_ROOT

        folder = PROJECT_ROOT / "screenshots"
        folder.mkdir(exist_ok=True)
        self.driver.save_screenshot(str(folder / f"{name}.png"))


_PORTAL = pytest.StashKey[Portal]()


class BrowserPool:
    """One Chromium per test process, handed to each test in turn and reset between them.

    Starting Chromium costs about a second; a test gets a browser that has forgotten the last
    one entirely (cookies, storage, cache, injected scripts, console log), and a browser that
    cannot be reset is thrown away and replaced.
    """

    def __init__(self, config, download_path: str) -> None:
        self.config = config
        self.download_path = download_path
        self.browser = None

    def _start(self):
        from dash.testing.browser import Browser

        return Browser(
            browser=self.config.getoption("webdriver"),
            headless=self.config.getoption("headless"),
            options=self.config.hook.pytest_setup_options(),
            download_path=self.download_path,
            percy_run=False,
        )

    def acquire(self):
        if self.browser is None:
            self.browser = self._start()
        return self.browser

    def release(self, *, origin: str, scripts: list[str]) -> None:
        """Make the browser forget the test that used it, or discard it if that fails."""
        browser, self.browser = self.browser, None
        if browser is None:
            return
        driver = browser.driver
        try:
            for handle in driver.window_handles[1:]:
                driver.switch_to.window(handle)
                driver.close()
            driver.switch_to.window(driver.window_handles[0])
            for identifier in scripts:
                driver.execute_cdp_cmd(
                    "Page.removeScriptToEvaluateOnNewDocument", {"identifier": identifier}
                )
            driver.get("about:blank")
            driver.execute_cdp_cmd("Network.clearBrowserCookies", {})
            driver.execute_cdp_cmd("Network.clearBrowserCache", {})
            driver.execute_cdp_cmd(
                "Storage.clearDataForOrigin", {"origin": origin, "storageTypes": "all"}
            )
            driver.get_log("browser")
            browser._last_ts = 0
            self.browser = browser
        except Exception:  # a browser that cannot be reset is replaced, never reused dirty
            browser.__exit__(None, None, None)

    def close(self) -> None:
        if self.browser is not None:
            self.browser.__exit__(None, None, None)
            self.browser = None


@pytest.fixture(scope="session")
def browser_pool(request, tmp_path_factory):
    pool = BrowserPool(request.config, str(tmp_path_factory.mktemp("downloads")))
    yield pool
    pool.close()


@pytest.fixture
def portal(request, browser_pool, live_server, db, tmp_path):
    """A browser on the live portal, saving downloads into a folder of this test's own; the
    database is emptied of user rows afterwards."""
    shared = browser_pool.acquire()
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    shared.driver.execute_cdp_cmd(
        "Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)}
    )
    shared._download_path = str(downloads)
    browser = Portal(shared, live_server)
    request.node.stash[_PORTAL] = browser
    yield browser
    browser_pool.release(origin=live_server, scripts=browser.scripts)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """On a failing browser test, keep a screenshot and the page's text for the person debugging."""
    report = yield
    portal = item.stash.get(_PORTAL, None)
    if report.failed and portal is not None:
        from portal.config import PROJECT_ROOT

        folder = PROJECT_ROOT / "screenshots" / "failures"
        folder.mkdir(parents=True, exist_ok=True)
        name = item.name.replace("/", "_")[:120]
        try:
            portal.driver.save_screenshot(str(folder / f"{name}-{report.when}.png"))
            text = portal.driver.find_element(By.TAG_NAME, "body").text
            report.sections.append(("page at failure", f"{portal.driver.current_url}\n{text}"))
        except Exception as error:  # the browser may be gone; the report still stands
            report.sections.append(("page at failure", f"unavailable: {error}"))
    return report
