"""Make published snapshots and their figures immutable in the database itself.

A published snapshot's figures may be inserted only in the transaction that publishes it
(PostgreSQL compares the transaction start time with ``published_at``); after that nothing may
update or delete the snapshot or its figures.

Revision ID: reporting_0002
Revises: reporting_0001
"""

from collections.abc import Sequence

from alembic import op

revision: str = "reporting_0002"
down_revision: str | Sequence[str] | None = "reporting_0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_MESSAGE = "published report snapshots never change"


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            f"""
            CREATE FUNCTION refuse_change_to_published_snapshot() RETURNS trigger AS $$
            BEGIN
                IF OLD.kind = 'published' THEN
                    RAISE EXCEPTION '{_MESSAGE}' USING ERRCODE = 'insufficient_privilege';
                END IF;
                IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
                RETURN NEW;
            END;
            $$ LANGUAGE plpgsql
            """
        )
        # Figures are checked once per statement, not per row: an aggregation replaces
        # thousands of working figures and must not pay a lookup for each.
        op.execute(
            f"""
            CREATE FUNCTION refuse_change_to_published_figures() RETURNS trigger AS $$
            BEGIN
                IF TG_OP = 'INSERT' THEN
                    IF EXISTS (
                        SELECT 1 FROM (SELECT DISTINCT snapshot_id FROM new_figures) f
                        JOIN report_snapshot s ON s.id = f.snapshot_id
                        WHERE s.kind = 'published' AND s.published_at < now()
                    ) THEN
                        RAISE EXCEPTION '{_MESSAGE}' USING ERRCODE = 'insufficient_privilege';
                    END IF;
                ELSIF EXISTS (
                    SELECT 1 FROM (SELECT DISTINCT snapshot_id FROM old_figures) f
                    JOIN report_snapshot s ON s.id = f.snapshot_id
                    WHERE s.kind = 'published'
                ) THEN
                    RAISE EXCEPTION '{_MESSAGE}' USING ERRCODE = 'insufficient_privilege';
                END IF;
                RETURN NULL;
            END;
            $$ LANGUAGE plpgsql
            """
        )
        op.execute(
            "CREATE TRIGGER report_snapshot_published_immutable BEFORE UPDATE OR DELETE "
            "ON report_snapshot FOR EACH ROW EXECUTE FUNCTION refuse_change_to_published_snapshot()"
        )
        for action, table in (
            ("INSERT", "NEW TABLE AS new_figures"),
            ("UPDATE", "OLD TABLE AS old_figures"),
            ("DELETE", "OLD TABLE AS old_figures"),
        ):
            op.execute(
                f"CREATE TRIGGER report_figure_published_no_{action.lower()} AFTER {action} "
                f"ON report_figure REFERENCING {table} FOR EACH STATEMENT "
                "EXECUTE FUNCTION refuse_change_to_published_figures()"
            )
        return
    for action in ("UPDATE", "DELETE"):
        op.execute(
            f"CREATE TRIGGER report_snapshot_published_no_{action.lower()} BEFORE {action} "
            f"ON report_snapshot WHEN OLD.kind = 'published' "
            f"BEGIN SELECT RAISE(ABORT, '{_MESSAGE}'); END"
        )
        op.execute(
            f"CREATE TRIGGER report_figure_published_no_{action.lower()} BEFORE {action} "
            f"ON report_figure WHEN (SELECT kind FROM report_snapshot WHERE id = OLD.snapshot_id) "
            f"= 'published' BEGIN SELECT RAISE(ABORT, '{_MESSAGE}'); END"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for action in ("insert", "update", "delete"):
            op.execute(f"DROP TRIGGER report_figure_published_no_{action} ON report_figure")
        op.execute("DROP TRIGGER report_snapshot_published_immutable ON report_snapshot")
        op.execute("DROP FUNCTION refuse_change_to_published_figures()")
        op.execute("DROP FUNCTION refuse_change_to_published_snapshot()")
        return
    for action in ("update", "delete"):
        op.execute(f"DROP TRIGGER report_snapshot_published_no_{action}")
        op.execute(f"DROP TRIGGER report_figure_published_no_{action}")
