"""WSGI entry point: ``gunicorn portal.wsgi:server``."""

from portal import create_app

server = create_app()
