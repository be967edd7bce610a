"""``portal serve``: run the portal on this machine."""

from __future__ import annotations

import click

from portal.config import get_settings


@click.command("serve")
@click.option("--host", default=None, help="Address to listen on (default $HOST or 127.0.0.1).")
@click.option("--port", type=int, default=None, help="Port (default $PORT or 8050).")
def command(host: str | None, port: int | None) -> None:
    """Serve the portal with a multi-threaded WSGI server."""
    from waitress import serve

    from portal import create_app
    from portal.process import freeze_startup_objects

    settings = get_settings()
    host = host or settings.host
    port = port or settings.port
    app = create_app()
    freeze_startup_objects()
    if settings.tasks_in_process:
        from tasks.inprocess import InProcessScheduler

        InProcessScheduler().start()
        click.echo("No REDIS_URL: background tasks run in this process on their schedule.")
    click.echo(f"Serving the portal on http://{host}:{port}/ (Ctrl+C to stop)")
    serve(app, host=host, port=port, threads=8, ident=None)
