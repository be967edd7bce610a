"""``portal e12``: work with Epilepsy12 records from the command line.

Each sub-command lives in its own module here and is added to the group below; a sub-command
module must not define ``command`` (the name the ``portal`` CLI collects top-level commands by).
"""

from __future__ import annotations

import click

from commands.epilepsy12.interchange import export, import_
from commands.epilepsy12.rescore import rescore
from commands.epilepsy12.score import score


@click.group("e12")
def e12() -> None:
    """Epilepsy12: score, import and export one child's record (JSON); rescore every child."""


e12.add_command(score)
e12.add_command(import_)
e12.add_command(export)
e12.add_command(rescore)

command = e12
