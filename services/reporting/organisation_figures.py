"""One measure for every organisation, as a viewer may see it, read once per snapshot and scope.

For viewers outside national staff the views apply disclosure control to other trusts'
organisations, which costs tens of milliseconds per measure the first time. So the first read of a
snapshot by such a viewer reads every other measure too, in a background thread, and the measure
changes that follow are answered from memory.
"""

from __future__ import annotations

import logging
import threading

from sqlalchemy.orm import Session

from domain.reporting.levels import Level
from models.accounts import User
from portal.db import session_factory
from services.reporting.dashboard_query import viewer_key
from services.reporting.recent import Recent
from services.reporting.registry import AuditReport
from services.reporting.views import Figure, Snapshot, figures_for_measure

log = logging.getLogger(__name__)
_read = Recent(size=512)
_warmed = Recent(size=128)


def _key(snapshot: Snapshot, viewer: tuple, measure: str) -> tuple:
    return (snapshot.id, snapshot.computed_at, viewer, measure)


def organisation_figures(
    *, session: Session, user, report: AuditReport, snapshot: Snapshot, measure: str
) -> list[Figure]:
    """Return ``measure`` for every organisation in ``snapshot`` as ``user`` may see it."""
    viewer = viewer_key(session, user)
    figures = _read.get(
        _key(snapshot, viewer, measure),
        lambda: figures_for_measure(
            session, user=user, snapshot=snapshot, measure=measure, level=Level.ORGANISATION
        ),
    )
    if viewer != ("national",) and _warmed.first((snapshot.id, snapshot.computed_at, viewer)):
        _read_ahead(report, snapshot, viewer, user.id)
    return figures


def _read_ahead(report: AuditReport, snapshot: Snapshot, viewer: tuple, user_id: int) -> None:
    def run() -> None:
        try:
            with session_factory()() as session:
                user = session.get(User, user_id)
                if user is None:
                    return
                for spec in report.measures:
                    _read.get(
                        _key(snapshot, viewer, spec.name),
                        lambda spec=spec: figures_for_measure(
                            session,
                            user=user,
                            snapshot=snapshot,
                            measure=spec.name,
                            level=Level.ORGANISATION,
                        ),
                    )
        except Exception as error:  # later reads will simply do the work themselves
            log.warning(
                "reading ahead of %s snapshot %s failed: %r", report.audit, snapshot.id, error
            )

    threading.Thread(target=run, name="reporting-read-ahead", daemon=True).start()
