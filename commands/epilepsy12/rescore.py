"""``portal e12 rescore``: recount and rescore children from their stored answers."""

from __future__ import annotations

import click


@click.command("rescore")
@click.option("--case", "case_id", type=int, help="Rescore only this child.")
def rescore(case_id: int | None) -> None:
    """Recount completeness and rescore the 21 measures of every registered child.

    Run it after the measures' rules change. Only rows whose counts or scores differ are written;
    each batch of a thousand children commits on its own.
    """
    from portal.access import AccessDenied
    from portal.db import session_factory
    from portal.errors import UserError
    from services.accounts.operator import COMMAND_LINE_OPERATOR
    from services.epilepsy12.scoring import rescore_all, rescore_child

    def progress(done: int, total: int) -> None:
        click.echo(f"  {done} of {total} children", err=True)

    with session_factory()() as session:
        if case_id is not None:
            try:
                summary = rescore_child(
                    session=session, user=COMMAND_LINE_OPERATOR, case_id=case_id
                )
            except AccessDenied:
                raise UserError(f"There is no child {case_id}.") from None
        else:
            summary = rescore_all(session=session, user=COMMAND_LINE_OPERATOR, on_batch=progress)
    children = f"{summary.children} child" + ("" if summary.children == 1 else "ren")
    click.echo(
        f"Rescored {children} in {summary.seconds:.1f} s: "
        f"{summary.scores_changed} with new scores, {summary.counts_changed} with new counts."
    )
