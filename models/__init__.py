"""Every table of the portal: the shared core here, each audit domain in its own sub-package."""

from models.base import Base
from portal.discovery import import_submodules

import_submodules("models")

__all__ = ["Base"]
