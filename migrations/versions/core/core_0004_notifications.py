"""In-app notifications (transfer requests and the like).

Revision ID: core_0004
Revises: core_0003
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "core_0004"
down_revision: str | Sequence[str] | None = "core_0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "notification",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("recipient_organisation_id", sa.Integer(), nullable=True),
        sa.Column("recipient_user_id", sa.Integer(), nullable=True),
        sa.Column(
            "kind", sa.String(length=50), nullable=False, comment="e.g. e12.transfer_request"
        ),
        sa.Column("message", sa.String(length=500), nullable=False),
        sa.Column(
            "link_path", sa.String(length=300), nullable=True, comment="a path in this portal"
        ),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("read_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("read_by_id", sa.Integer(), nullable=True),
        sa.CheckConstraint("link_path LIKE '/%'", name=op.f("ck_notification_link_is_local_path")),
        sa.CheckConstraint(
            "read_by_id IS NULL OR read_at IS NOT NULL",
            name=op.f("ck_notification_read_by_needs_read_at"),
        ),
        sa.CheckConstraint(
            "recipient_organisation_id IS NOT NULL OR recipient_user_id IS NOT NULL",
            name=op.f("ck_notification_has_recipient"),
        ),
        sa.ForeignKeyConstraint(
            ["read_by_id"],
            ["user_account.id"],
            name=op.f("fk_notification_read_by_id_user_account"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["recipient_organisation_id"],
            ["organisation.id"],
            name=op.f("fk_notification_recipient_organisation_id_organisation"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["recipient_user_id"],
            ["user_account.id"],
            name=op.f("fk_notification_recipient_user_id_user_account"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notification")),
    )
    with op.batch_alter_table("notification", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_notification_created_at"), ["created_at"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_notification_recipient_organisation_id"),
            ["recipient_organisation_id"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_notification_recipient_user_id"), ["recipient_user_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("notification", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_notification_recipient_user_id"))
        batch_op.drop_index(batch_op.f("ix_notification_recipient_organisation_id"))
        batch_op.drop_index(batch_op.f("ix_notification_created_at"))

    op.drop_table("notification")
