"""WSGI entry point: ``gunicorn portal.wsgi:server``."""

from portal import create_app
from portal.process import freeze_startup_objects

server = create_app()
freeze_startup_objects()
