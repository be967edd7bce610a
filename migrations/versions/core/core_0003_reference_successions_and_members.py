"""Reference data: ICB successions, OPEN UK network members, trust successions without a code.

Revision ID: core_0003
Revises: core_0002

``trust_succession`` is rebuilt rather than altered: two acquisitions in the source name a
predecessor without an ODS code, so the code can no longer be part of the primary key. The table
holds only reference data, which ``portal reference load`` writes again.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "core_0003"
down_revision: str | Sequence[str] | None = "core_0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "openuk_network_member",
        sa.Column("openuk_network_id", sa.Integer(), nullable=False),
        sa.Column("ods_code", sa.String(length=5), nullable=False),
        sa.Column(
            "parent_type",
            sa.String(length=20),
            nullable=False,
            comment="trust or local_health_board",
        ),
        sa.Column("rcpch_primary", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["openuk_network_id"],
            ["openuk_network.id"],
            name=op.f("fk_openuk_network_member_openuk_network_id_openuk_network"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "openuk_network_id", "ods_code", name=op.f("pk_openuk_network_member")
        ),
    )
    with op.batch_alter_table("openuk_network_member", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_openuk_network_member_ods_code"), ["ods_code"], unique=False
        )

    op.create_table(
        "integrated_care_board_succession",
        sa.Column("predecessor_id", sa.Integer(), nullable=False),
        sa.Column("successor_id", sa.Integer(), nullable=False),
        sa.Column(
            "area_share",
            sa.Float(),
            nullable=True,
            comment="share of the predecessor's area, about ±0.5%",
        ),
        sa.Column(
            "change_type",
            sa.String(length=40),
            nullable=False,
            comment="unchanged, merger, split or continues_with_boundary_change",
        ),
        sa.ForeignKeyConstraint(
            ["predecessor_id"],
            ["integrated_care_board.id"],
            name=op.f("fk_integrated_care_board_succession_predecessor_id_integrated_care_board"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["successor_id"],
            ["integrated_care_board.id"],
            name=op.f("fk_integrated_care_board_succession_successor_id_integrated_care_board"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "predecessor_id", "successor_id", name=op.f("pk_integrated_care_board_succession")
        ),
    )
    with op.batch_alter_table("integrated_care_board_succession", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_integrated_care_board_succession_successor_id"),
            ["successor_id"],
            unique=False,
        )

    op.drop_table("trust_succession")
    op.create_table(
        "trust_succession",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column(
            "predecessor_code",
            sa.String(length=5),
            nullable=True,
            comment="NULL where the source names the predecessor but gives no code",
        ),
        sa.Column("predecessor_name", sa.String(length=200), nullable=False),
        sa.Column("successor_code", sa.String(length=5), nullable=False),
        sa.Column("successor_name", sa.String(length=200), nullable=False),
        sa.Column("succession_date", sa.Date(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_trust_succession")),
        sa.UniqueConstraint(
            "successor_code",
            "predecessor_name",
            name=op.f("uq_trust_succession_successor_code_predecessor_name"),
        ),
    )


def downgrade() -> None:
    op.drop_table("trust_succession")
    op.create_table(
        "trust_succession",
        sa.Column("predecessor_code", sa.String(length=5), nullable=False),
        sa.Column("successor_code", sa.String(length=5), nullable=False),
        sa.Column("predecessor_name", sa.String(length=200), nullable=False),
        sa.Column("successor_name", sa.String(length=200), nullable=False),
        sa.Column("succession_date", sa.Date(), nullable=False),
        sa.PrimaryKeyConstraint(
            "predecessor_code", "successor_code", name=op.f("pk_trust_succession")
        ),
    )
    with op.batch_alter_table("integrated_care_board_succession", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_integrated_care_board_succession_successor_id"))
    op.drop_table("integrated_care_board_succession")
    with op.batch_alter_table("openuk_network_member", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_openuk_network_member_ods_code"))
    op.drop_table("openuk_network_member")
