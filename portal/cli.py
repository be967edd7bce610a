"""The ``portal`` command: its sub-commands live in the ``commands`` package, one module each."""

from __future__ import annotations

import sys

import click

from portal.discovery import import_submodules


class PortalGroup(click.Group):
    """A command group that reports expected failures as one line and a non-zero exit."""

    def invoke(self, ctx: click.Context):
        from portal.errors import UserError

        try:
            return super().invoke(ctx)
        except UserError as error:
            click.echo(f"Error: {error}", err=True)
            sys.exit(error.exit_code)


@click.group(cls=PortalGroup)
def main() -> None:
    """Run and look after the paediatric audit portal."""
    from portal.audit import Actor, set_actor
    from portal.domains import load_domains

    load_domains()
    set_actor(Actor("command line"))


for _module in import_submodules("commands"):
    _group = getattr(_module, "command", None)
    if isinstance(_group, click.Command):
        main.add_command(_group)
