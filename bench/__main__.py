"""Run every benchmark against the database in DATABASE_URL and print the figures."""

from __future__ import annotations

from bench import e12_rescore, e12_save, report_aggregate
from portal.domains import load_domains


def main() -> None:
    load_domains()
    print("Epilepsy12: saving one answer")
    e12_save.run()
    print()
    print("Epilepsy12: rescoring every child")
    e12_rescore.run()
    print()
    print("Reporting: aggregating one cohort at every level")
    report_aggregate.run()


if __name__ == "__main__":
    main()
