"""Dash pages: the core's here, each audit's in its own sub-package."""
