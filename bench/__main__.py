"""Run every benchmark against the database in DATABASE_URL and print the figures."""

from __future__ import annotations

from bench import e12_case_list, e12_rescore, e12_save, report_aggregate, report_dashboard
from portal.domains import load_domains

SECTIONS = (
    ("Epilepsy12: saving one answer", e12_save.run),
    ("Epilepsy12: rescoring every child", e12_rescore.run),
    ("Epilepsy12: the case list", e12_case_list.run),
    ("Reporting: aggregating one cohort at every level", report_aggregate.run),
    ("Reporting: the organisation dashboard", report_dashboard.run),
)


def main() -> None:
    load_domains()
    for title, run in SECTIONS:
        print(title, flush=True)
        run()
        print(flush=True)


if __name__ == "__main__":
    main()
