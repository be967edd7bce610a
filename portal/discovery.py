"""Find the parts each domain contributes by walking a layer's package.

A domain plugs in by adding a sub-package to a layer (``models/npda``, ``callbacks/npda``,
``tasks/npda``…); nothing in the core lists the domains.
"""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType


def import_submodules(package_name: str) -> list[ModuleType]:
    """Import every module below ``package_name`` (modules whose name starts with _ excepted)."""
    package = importlib.import_module(package_name)
    modules = [package]
    for info in pkgutil.walk_packages(package.__path__, prefix=f"{package_name}."):
        if info.name.rsplit(".", 1)[-1].startswith("_"):
            continue
        modules.append(importlib.import_module(info.name))
    return modules
