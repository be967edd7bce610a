"""Plug the audit domains into the core: each ``domain/<name>`` package may declare capabilities."""

from __future__ import annotations

from flask import Flask

from portal.access import register_capabilities
from portal.discovery import import_submodules

_loaded = False


def load_domains() -> None:
    """Register the capabilities every domain declares in a module-level ``CAPABILITIES``."""
    global _loaded
    if _loaded:
        return
    for module in import_submodules("domain"):
        table = getattr(module, "CAPABILITIES", None)
        if table:
            register_capabilities(table)
    _loaded = True


def init_app(_app: Flask) -> None:
    """Load the domains before any request is served."""
    load_domains()
