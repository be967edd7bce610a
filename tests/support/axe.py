"""Run axe-core inside the test browser, offline, and fail on serious or critical violations."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

#: axe-core 4.14.1 from the npm registry (MPL-2.0), kept here so the check runs offline.
AXE_SCRIPT = Path(__file__).parent / "vendor" / "axe.min.js"

#: WCAG 2.2 level A and AA rules (and the 2.0/2.1 rules they include).
WCAG_AA_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
BLOCKING_IMPACTS = {"serious", "critical"}


@lru_cache(maxsize=1)
def _axe_source() -> str:
    return AXE_SCRIPT.read_text(encoding="utf-8")


def axe_violations(driver) -> list[dict]:
    """Return axe's WCAG 2.2 AA violations for the page the driver shows."""
    driver.execute_script(_axe_source())
    result = driver.execute_async_script(
        """
        const done = arguments[arguments.length - 1];
        axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}})
           .then(r => done(r.violations)).catch(e => done([{id: 'axe-error', impact: 'critical',
           help: String(e), nodes: []}]));
        """,
        WCAG_AA_TAGS,
    )
    return result


def assert_accessible(driver, *, context: str = "") -> None:
    """Fail if the page has serious or critical WCAG 2.2 AA violations."""
    blocking = [v for v in axe_violations(driver) if v.get("impact") in BLOCKING_IMPACTS]
    if blocking:
        lines = [
            f"{v['id']} ({v['impact']}): {v['help']} — "
            + "; ".join(
                n.get("target", ["?"])[0] if isinstance(n.get("target"), list) else "?"
                for n in v.get("nodes", [])[:5]
            )
            for v in blocking
        ]
        raise AssertionError(f"Accessibility violations {context}:\n" + "\n".join(lines))
