"""Time saving one Epilepsy12 answer end to end, and count its SQL statements.

A save checks access and the lock, loads the child's whole record, validates the answer, clears
what it makes inapplicable, writes it, recounts completeness, rescores the 21 measures, writes
the audit trail and commits: everything a form's callback asks of the server, less HTTP.
Run against a national-size database (``portal demo --children 30000``), as a clinician.
"""

from __future__ import annotations

import datetime as dt
import random
import time

from sqlalchemy import select

from bench.support import StatementCounter, bench_session, describe, machine_load
from models.accounts import User
from models.epilepsy12 import AuditProgress, Case, Registration, Site
from portal.access import scope_for
from services.epilepsy12.answers import AnswerInvalid, save_answer
from services.epilepsy12.records import load_child

CLINICIAN = "clinician.rgt@demo.example.nhs.uk"
CHILDREN = 60
#: (section, answer, two values a clinic might switch between).
ANSWERS = [
    ("epilepsy_context", "previous_febrile_seizure", ("Y", "N")),
    ("first_paediatric_assessment", "general_examination_performed", (True, False)),
    ("investigations", "ct_head_scan_status", (True, False)),
    ("management", "has_been_referred_for_mental_health_support", (True, False)),
    ("multiaxial_diagnosis", "autistic_spectrum_disorder", (True, False)),
    ("episodes", "seizure_onset_date_confidence", ("Exc", "Apx")),
]


def _children(session, user) -> list[int]:
    scope = scope_for(session, user)
    lead = (Site.case_id == Case.id) & Site.site_is_primary_centre_of_epilepsy_care.is_(True)
    statement = (
        select(Case.id)
        .join(Site, lead & Site.site_is_actively_involved_in_epilepsy_care.is_(True))
        .join(Registration, Registration.case_id == Case.id)
        .join(AuditProgress, AuditProgress.registration_id == Registration.id)
        .where(
            Case.locked.is_(False),
            Registration.audit_submission_date >= dt.date.today(),
            AuditProgress.audit_complete.is_(True),
        )
        .order_by(Case.id)
    )
    ids = list(session.scalars(scope.restrict(statement, Site.organisation_id)))
    session.rollback()
    return random.Random(12).sample(ids, min(CHILDREN, len(ids)))


def run() -> dict:
    with bench_session() as (session, engine):
        user = session.scalar(select(User).where(User.email == CLINICIAN))
        if user is None:
            raise SystemExit(f"No {CLINICIAN}: run `portal demo` on this database first.")
        children = _children(session, user)
        timings: list[float] = []
        cpu_times: list[float] = []
        statements: list[int] = []
        unchanged = refused = 0
        for round_ in range(2):
            for case_id in children:
                episode = load_child(session, case_id).row_ids.get("episodes", (None,))[0]
                session.rollback()
                for section, field, values in ANSWERS:
                    item_id = episode if section == "episodes" else None
                    with StatementCounter(engine) as counter:
                        started = time.perf_counter()
                        cpu = time.process_time()
                        try:
                            result = save_answer(
                                session=session,
                                user=user,
                                case_id=case_id,
                                section=section,
                                field=field,
                                value=values[round_],
                                item_id=item_id,
                            )
                        except AnswerInvalid:
                            session.rollback()
                            refused += 1
                            continue
                        elapsed = (time.perf_counter() - started) * 1000
                        cpu = (time.process_time() - cpu) * 1000
                    if not result.changed:
                        unchanged += 1
                        continue
                    timings.append(elapsed)
                    cpu_times.append(cpu)
                    statements.append(counter.count)
        warm = timings[len(ANSWERS) :]  # the first child's saves also compile the statements
        summary = {
            "saves": len(warm),
            "timings_ms": warm,
            "statements": statements[len(ANSWERS) :],
            "cpu_ms": cpu_times[len(ANSWERS) :],
            "unchanged": unchanged,
            "refused": refused,
        }
    print(machine_load())
    print(describe("Save one answer (changed answers, server side)", summary["timings_ms"]))
    print(describe("  of which Python CPU in this process", summary["cpu_ms"]))
    counts = summary["statements"]
    print(
        f"  SQL statements per save: min {min(counts)}, max {max(counts)}, "
        f"mean {sum(counts) / len(counts):.1f}  (unchanged answers skipped: {unchanged}, "
        f"refused: {refused})"
    )
    return summary


if __name__ == "__main__":
    run()
