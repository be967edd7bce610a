"""Epilepsy12 tables: the child, sites, registration, the six forms, derived results, lookups.

Revision ID: e12_0001
Revises:
Create Date: 2026-11-23 16:25:14.302059
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "e12_0001"
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = ("epilepsy12",)
depends_on: str | Sequence[str] | None = "core_0002"


def upgrade() -> None:
    op.create_table(
        "e12_case",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column(
            "locked",
            sa.Boolean(),
            server_default=sa.false(),
            nullable=False,
            comment="submitted; only national staff may edit",
        ),
        sa.Column("locked_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("locked_by_id", sa.Integer(), nullable=True),
        sa.Column("nhs_number", sa.String(length=10), nullable=True),
        sa.Column("first_name", sa.String(length=100), nullable=True),
        sa.Column("surname", sa.String(length=100), nullable=True),
        sa.Column("sex", sa.SmallInteger(), nullable=True, comment="0 not known, 1, 2, 9"),
        sa.Column("date_of_birth", sa.Date(), nullable=True),
        sa.Column("postcode", sa.String(length=8), nullable=True, comment="upper case, no spaces"),
        sa.Column("ethnicity", sa.String(length=1), nullable=True, comment="NHS ethnic category"),
        sa.Column("index_of_multiple_deprivation_quintile", sa.SmallInteger(), nullable=True),
        sa.Column("consent_patient_confirmed", sa.Boolean(), nullable=True),
        sa.Column(
            "opted_out_at",
            sa.DateTime(timezone=True),
            nullable=True,
            comment="identifiers wiped; the row still counts in annual totals",
        ),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.CheckConstraint(
            "ethnicity IN ('A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'J', 'K', 'L', 'M', 'N', 'P', 'R', 'S', 'Z')",
            name=op.f("ck_e12_case_ethnicity"),
        ),
        sa.CheckConstraint(
            "postcode = upper(postcode) AND postcode NOT LIKE '% %'",
            name=op.f("ck_e12_case_postcode_normalised"),
        ),
        sa.CheckConstraint(
            "index_of_multiple_deprivation_quintile BETWEEN 1 AND 5",
            name=op.f("ck_e12_case_imd_quintile"),
        ),
        sa.CheckConstraint("length(nhs_number) = 10", name=op.f("ck_e12_case_nhs_number_length")),
        sa.CheckConstraint(
            "opted_out_at IS NULL OR (nhs_number IS NULL AND first_name IS NULL AND surname IS NULL AND sex IS NULL AND date_of_birth IS NULL AND postcode IS NULL AND ethnicity IS NULL)",
            name=op.f("ck_e12_case_opt_out_wipes_identifiers"),
        ),
        sa.CheckConstraint("sex IN (0, 1, 2, 9)", name=op.f("ck_e12_case_sex")),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["user_account.id"],
            name=op.f("fk_e12_case_created_by_id_user_account"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["locked_by_id"],
            ["user_account.id"],
            name=op.f("fk_e12_case_locked_by_id_user_account"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["updated_by_id"],
            ["user_account.id"],
            name=op.f("fk_e12_case_updated_by_id_user_account"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_e12_case")),
        sa.UniqueConstraint("nhs_number", name=op.f("uq_e12_case_nhs_number")),
    )
    with op.batch_alter_table("e12_case", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_e12_case_surname"), ["surname"], unique=False)

    op.create_table(
        "e12_comorbidity_list",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("concept_id", sa.String(length=18), nullable=True, comment="SNOMED CT"),
        sa.Column("preferred_term", sa.String(length=255), nullable=False),
        sa.Column("active", sa.Boolean(), server_default=sa.true(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["user_account.id"],
            name=op.f("fk_e12_comorbidity_list_created_by_id_user_account"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["updated_by_id"],
            ["user_account.id"],
            name=op.f("fk_e12_comorbidity_list_updated_by_id_user_account"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_e12_comorbidity_list")),
        sa.UniqueConstraint("concept_id", name=op.f("uq_e12_comorbidity_list_concept_id")),
        sa.UniqueConstraint("preferred_term", name=op.f("uq_e12_comorbidity_list_preferred_term")),
    )
    op.create_table(
        "e12_epilepsy_cause",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("concept_id", sa.String(length=18), nullable=True, comment="SNOMED CT"),
        sa.Column("preferred_term", sa.String(length=255), nullable=False),
        sa.Column("active", sa.Boolean(), server_default=sa.true(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["user_account.id"],
            name=op.f("fk_e12_epilepsy_cause_created_by_id_user_account"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["updated_by_id"],
            ["user_account.id"],
            name=op.f("fk_e12_epilepsy_cause_updated_by_id_user_account"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_e12_epilepsy_cause")),
        sa.UniqueConstraint("concept_id", name=op.f("uq_e12_epilepsy_cause_concept_id")),
        sa.UniqueConstraint("preferred_term", name=op.f("uq_e12_epilepsy_cause_preferred_term")),
    )
    op.create_table(
        "e12_medicine",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("medicine_name", sa.String(length=100), nullable=False),
        sa.Column(
            "concept_id", sa.String(length=18), nullable=True, comment="SNOMED CT; NULL for Other"
        ),
        sa.Column("preferred_term", sa.String(length=255), nullable=True),
        sa.Column("is_rescue", sa.Boolean(), nullable=False),
        sa.Column("active", sa.Boolean(), server_default=sa.true(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["user_account.id"],
            name=op.f("fk_e12_medicine_created_by_id_user_account"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["updated_by_id"],
            ["user_account.id"],
            name=op.f("fk_e12_medicine_updated_by_id_user_account"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_e12_medicine")),
        sa.UniqueConstraint(
            "medicine_name", "is_rescue", name=op.f("uq_e12_medicine_medicine_name_is_rescue")
        ),
    )
    op.create_table(
        "e12_semiology_keyword",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("keyword", sa.String(length=100), nullable=False),
        sa.Column("category", sa.String(length=30), nullable=False),
        sa.Column("active", sa.Boolean(), server_default=sa.true(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.CheckConstraint(
            "category IN ('cognitive', 'emotional/affective', 'autonomic', 'automatisms', 'motor', 'sensory', 'laterality')",
            name=op.f("ck_e12_semiology_keyword_category"),
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["user_account.id"],
            name=op.f("fk_e12_semiology_keyword_created_by_id_user_account"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["updated_by_id"],
            ["user_account.id"],
            name=op.f("fk_e12_semiology_keyword_updated_by_id_user_account"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_e12_semiology_keyword")),
        sa.UniqueConstraint("keyword", name=op.f("uq_e12_semiology_keyword_keyword")),
    )
    op.create_table(
        "e12_syndrome_list",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("syndrome_name", sa.String(length=200), nullable=False),
        sa.Column("active", sa.Boolean(), server_default=sa.true(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["user_account.id"],
            name=op.f("fk_e12_syndrome_list_created_by_id_user_account"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["updated_by_id"],
            ["user_account.id"],
            name=op.f("fk_e12_syndrome_list_updated_by_id_user_account"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_e12_syndrome_list")),
        sa.UniqueConstraint("syndrome_name", name=op.f("uq_e12_syndrome_list_syndrome_name")),
    )
    op.create_table(
        "e12_registration",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("first_paediatric_assessment_date", sa.Date(), nullable=True),
        sa.Column("eligibility_criteria_met", sa.Boolean(), nullable=True),
        sa.Column(
            "cohort",
            sa.SmallInteger(),
            nullable=True,
            comment="derived from the first paediatric assessment date",
        ),
        sa.Column(
            "completed_first_year_of_care_date",
            sa.Date(),
            nullable=True,
            comment="derived: first paediatric assessment + 1 year",
        ),
        sa.Column(
            "audit_submission_date",
            sa.Date(),
            nullable=True,
            comment="derived: second Tuesday of January after the cohort",
        ),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.CheckConstraint(
            "cohort >= 4", name=op.f("ck_e12_registration_cohort_from_december_2020")
        ),
        sa.CheckConstraint(
            "completed_first_year_of_care_date > first_paediatric_assessment_date",
            name=op.f("ck_e12_registration_first_year_after_assessment"),
        ),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["e12_case.id"],
            name=op.f("fk_e12_registration_case_id_e12_case"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["user_account.id"],
            name=op.f("fk_e12_registration_created_by_id_user_account"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["updated_by_id"],
            ["user_account.id"],
            name=op.f("fk_e12_registration_updated_by_id_user_account"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_e12_registration")),
        sa.UniqueConstraint("case_id", name=op.f("uq_e12_registration_case_id")),
    )
    with op.batch_alter_table("e12_registration", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_e12_registration_cohort"), ["cohort"], unique=False)

    op.create_table(
        "e12_site",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column(
            "site_is_actively_involved_in_epilepsy_care",
            sa.Boolean(),
            server_default=sa.false(),
            nullable=False,
        ),
        sa.Column(
            "site_is_primary_centre_of_epilepsy_care",
            sa.Boolean(),
            server_default=sa.false(),
            nullable=False,
            comment="lead site while also actively involved",
        ),
        sa.Column(
            "site_is_childrens_epilepsy_surgery_centre",
            sa.Boolean(),
            server_default=sa.false(),
            nullable=False,
        ),
        sa.Column(
            "site_is_paediatric_neurology_centre",
            sa.Boolean(),
            server_default=sa.false(),
            nullable=False,
        ),
        sa.Column(
            "site_is_general_paediatric_centre",
            sa.Boolean(),
            server_default=sa.false(),
            nullable=False,
        ),
        sa.Column(
            "active_transfer",
            sa.Boolean(),
            server_default=sa.false(),
            nullable=False,
            comment="a transfer to this site awaits an answer",
        ),
        sa.Column("transfer_origin_organisation_id", sa.Integer(), nullable=True),
        sa.Column("transfer_request_date", sa.Date(), nullable=True),
        sa.Column(
            "transfer_status",
            sa.String(length=8),
            nullable=True,
            comment="pending, accepted or rejected",
        ),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.CheckConstraint(
            "transfer_status IN ('pending', 'accepted', 'rejected')",
            name=op.f("ck_e12_site_transfer_status"),
        ),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["e12_case.id"],
            name=op.f("fk_e12_site_case_id_e12_case"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["user_account.id"],
            name=op.f("fk_e12_site_created_by_id_user_account"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisation.id"],
            name=op.f("fk_e12_site_organisation_id_organisation"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["transfer_origin_organisation_id"],
            ["organisation.id"],
            name=op.f("fk_e12_site_transfer_origin_organisation_id_organisation"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["updated_by_id"],
            ["user_account.id"],
            name=op.f("fk_e12_site_updated_by_id_user_account"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_e12_site")),
    )
    with op.batch_alter_table("e12_site", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_e12_site_case_id"), ["case_id"], unique=False)
        batch_op.create_index(
            "ix_e12_site_lead_organisation",
            ["organisation_id", "case_id"],
            unique=False,
            postgresql_where=sa.text(
                "site_is_primary_centre_of_epilepsy_care AND site_is_actively_involved_in_epilepsy_care"
            ),
            sqlite_where=sa.text(
                "site_is_primary_centre_of_epilepsy_care AND site_is_actively_involved_in_epilepsy_care"
            ),
        )
        batch_op.create_index(
            batch_op.f("ix_e12_site_organisation_id"), ["organisation_id"], unique=False
        )
        batch_op.create_index(
            "uq_e12_site_one_lead_site",
            ["case_id"],
            unique=True,
            postgresql_where=sa.text(
                "site_is_primary_centre_of_epilepsy_care AND site_is_actively_involved_in_epilepsy_care"
            ),
            sqlite_where=sa.text(
                "site_is_primary_centre_of_epilepsy_care AND site_is_actively_involved_in_epilepsy_care"
            ),
        )

    op.create_table(
        "e12_assessment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column(
            "childrens_epilepsy_surgical_service_referral_criteria_met", sa.Boolean(), nullable=True
        ),
        sa.Column("consultant_paediatrician_referral_made", sa.Boolean(), nullable=True),
        sa.Column("consultant_paediatrician_referral_date", sa.Date(), nullable=True),
        sa.Column("consultant_paediatrician_input_date", sa.Date(), nullable=True),
        sa.Column("paediatric_neurologist_referral_made", sa.Boolean(), nullable=True),
        sa.Column("paediatric_neurologist_referral_date", sa.Date(), nullable=True),
        sa.Column("paediatric_neurologist_input_date", sa.Date(), nullable=True),
        sa.Column("childrens_epilepsy_surgical_service_referral_made", sa.Boolean(), nullable=True),
        sa.Column("childrens_epilepsy_surgical_service_referral_date", sa.Date(), nullable=True),
        sa.Column("childrens_epilepsy_surgical_service_input_date", sa.Date(), nullable=True),
        sa.Column("epilepsy_specialist_nurse_referral_made", sa.Boolean(), nullable=True),
        sa.Column("epilepsy_specialist_nurse_referral_date", sa.Date(), nullable=True),
        sa.Column("epilepsy_specialist_nurse_input_date", sa.Date(), nullable=True),
        sa.Column("registration_id", sa.Integer(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.CheckConstraint(
            "childrens_epilepsy_surgical_service_input_date >= childrens_epilepsy_surgical_service_referral_date",
            name=op.f("ck_e12_assessment_surgery_input_after_referral"),
        ),
        sa.CheckConstraint(
            "consultant_paediatrician_input_date >= consultant_paediatrician_referral_date",
            name=op.f("ck_e12_assessment_paediatrician_input_after_referral"),
        ),
        sa.CheckConstraint(
            "epilepsy_specialist_nurse_input_date >= epilepsy_specialist_nurse_referral_date",
            name=op.f("ck_e12_assessment_nurse_input_after_referral"),
        ),
        sa.CheckConstraint(
            "paediatric_neurologist_input_date >= paediatric_neurologist_referral_date",
            name=op.f("ck_e12_assessment_neurologist_input_after_referral"),
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["user_account.id"],
            name=op.f("fk_e12_assessment_created_by_id_user_account"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["registration_id"],
            ["e12_registration.id"],
            name=op.f("fk_e12_assessment_registration_id_e12_registration"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["updated_by_id"],
            ["user_account.id"],
            name=op.f("fk_e12_assessment_updated_by_id_user_account"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_e12_assessment")),
        sa.UniqueConstraint("registration_id", name=op.f("uq_e12_assessment_registration_id")),
    )
    op.create_table(
        "e12_audit_progress",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column(
            "registration_total_expected_fields",
            sa.SmallInteger(),
            server_default="0",
            nullable=False,
        ),
        sa.Column(
            "registration_total_completed_fields",
            sa.SmallInteger(),
            server_default="0",
            nullable=False,
        ),
        sa.Column("registration_complete", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column(
            "first_paediatric_assessment_total_expected_fields",
            sa.SmallInteger(),
            server_default="0",
            nullable=False,
        ),
        sa.Column(
            "first_paediatric_assessment_total_completed_fields",
            sa.SmallInteger(),
            server_default="0",
            nullable=False,
        ),
        sa.Column(
            "first_paediatric_assessment_complete",
            sa.Boolean(),
            server_default=sa.false(),
            nullable=False,
        ),
        sa.Column(
            "epilepsy_context_total_expected_fields",
            sa.SmallInteger(),
            server_default="0",
            nullable=False,
        ),
        sa.Column(
            "epilepsy_context_total_completed_fields",
            sa.SmallInteger(),
            server_default="0",
            nullable=False,
        ),
        sa.Column(
            "epilepsy_context_complete", sa.Boolean(), server_default=sa.false(), nullable=False
        ),
        sa.Column(
            "multiaxial_diagnosis_total_expected_fields",
            sa.SmallInteger(),
            server_default="0",
            nullable=False,
        ),
        sa.Column(
            "multiaxial_diagnosis_total_completed_fields",
            sa.SmallInteger(),
            server_default="0",
            nullable=False,
        ),
        sa.Column(
            "multiaxial_diagnosis_complete", sa.Boolean(), server_default=sa.false(), nullable=False
        ),
        sa.Column(
            "assessment_total_expected_fields",
            sa.SmallInteger(),
            server_default="0",
            nullable=False,
        ),
        sa.Column(
            "assessment_total_completed_fields",
            sa.SmallInteger(),
            server_default="0",
            nullable=False,
        ),
        sa.Column("assessment_complete", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column(
            "investigations_total_expected_fields",
            sa.SmallInteger(),
            server_default="0",
            nullable=False,
        ),
        sa.Column(
            "investigations_total_completed_fields",
            sa.SmallInteger(),
            server_default="0",
            nullable=False,
        ),
        sa.Column(
            "investigations_complete", sa.Boolean(), server_default=sa.false(), nullable=False
        ),
        sa.Column(
            "management_total_expected_fields",
            sa.SmallInteger(),
            server_default="0",
            nullable=False,
        ),
        sa.Column(
            "management_total_completed_fields",
            sa.SmallInteger(),
            server_default="0",
            nullable=False,
        ),
        sa.Column("management_complete", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column(
            "audit_complete",
            sa.Boolean(),
            server_default=sa.false(),
            nullable=False,
            comment="all seven sections complete",
        ),
        sa.Column("registration_id", sa.Integer(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["registration_id"],
            ["e12_registration.id"],
            name=op.f("fk_e12_audit_progress_registration_id_e12_registration"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_e12_audit_progress")),
        sa.UniqueConstraint("registration_id", name=op.f("uq_e12_audit_progress_registration_id")),
    )
    op.create_table(
        "e12_epilepsy_context",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column(
            "previous_febrile_seizure", sa.String(length=1), nullable=True, comment="Y, N or U"
        ),
        sa.Column("previous_acute_symptomatic_seizure", sa.String(length=1), nullable=True),
        sa.Column("is_there_a_family_history_of_epilepsy", sa.String(length=1), nullable=True),
        sa.Column("previous_neonatal_seizures", sa.String(length=1), nullable=True),
        sa.Column("diagnosis_of_epilepsy_withdrawn", sa.Boolean(), nullable=True),
        sa.Column("were_any_of_the_epileptic_seizures_convulsive", sa.Boolean(), nullable=True),
        sa.Column(
            "experienced_prolonged_generalized_convulsive_seizures",
            sa.String(length=1),
            nullable=True,
            comment="longer than 5 minutes: Y, N or U",
        ),
        sa.Column(
            "experienced_prolonged_focal_seizures",
            sa.String(length=1),
            nullable=True,
            comment="longer than 5 minutes: Y, N or U",
        ),
        sa.Column("registration_id", sa.Integer(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.CheckConstraint(
            "(previous_febrile_seizure IN ('Y', 'N', 'U')) AND (previous_acute_symptomatic_seizure IN ('Y', 'N', 'U')) AND (is_there_a_family_history_of_epilepsy IN ('Y', 'N', 'U')) AND (previous_neonatal_seizures IN ('Y', 'N', 'U')) AND (experienced_prolonged_generalized_convulsive_seizures IN ('Y', 'N', 'U')) AND (experienced_prolonged_focal_seizures IN ('Y', 'N', 'U'))",
            name=op.f("ck_e12_epilepsy_context_yes_no_uncertain"),
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["user_account.id"],
            name=op.f("fk_e12_epilepsy_context_created_by_id_user_account"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["registration_id"],
            ["e12_registration.id"],
            name=op.f("fk_e12_epilepsy_context_registration_id_e12_registration"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["updated_by_id"],
            ["user_account.id"],
            name=op.f("fk_e12_epilepsy_context_updated_by_id_user_account"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_e12_epilepsy_context")),
        sa.UniqueConstraint(
            "registration_id", name=op.f("uq_e12_epilepsy_context_registration_id")
        ),
    )
    op.create_table(
        "e12_first_paediatric_assessment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column(
            "first_paediatric_assessment_in_acute_or_nonacute_setting",
            sa.SmallInteger(),
            nullable=True,
            comment="1 acute, 2 non-acute, 3 don't know",
        ),
        sa.Column(
            "has_number_of_episodes_since_the_first_been_documented", sa.Boolean(), nullable=True
        ),
        sa.Column("general_examination_performed", sa.Boolean(), nullable=True),
        sa.Column("neurological_examination_performed", sa.Boolean(), nullable=True),
        sa.Column("developmental_learning_or_schooling_problems", sa.Boolean(), nullable=True),
        sa.Column("behavioural_or_emotional_problems", sa.Boolean(), nullable=True),
        sa.Column("registration_id", sa.Integer(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.CheckConstraint(
            "first_paediatric_assessment_in_acute_or_nonacute_setting IN (1, 2, 3)",
            name=op.f("ck_e12_first_paediatric_assessment_setting"),
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["user_account.id"],
            name=op.f("fk_e12_first_paediatric_assessment_created_by_id_user_account"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["registration_id"],
            ["e12_registration.id"],
            name=op.f("fk_e12_first_paediatric_assessment_registration_id_e12_registration"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["updated_by_id"],
            ["user_account.id"],
            name=op.f("fk_e12_first_paediatric_assessment_updated_by_id_user_account"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_e12_first_paediatric_assessment")),
        sa.UniqueConstraint(
            "registration_id", name=op.f("uq_e12_first_paediatric_assessment_registration_id")
        ),
    )
    op.create_table(
        "e12_investigations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("eeg_indicated", sa.Boolean(), nullable=True),
        sa.Column("eeg_request_date", sa.Date(), nullable=True),
        sa.Column("eeg_performed_date", sa.Date(), nullable=True),
        sa.Column("eeg_declined", sa.Boolean(), nullable=True),
        sa.Column("twelve_lead_ecg_status", sa.Boolean(), nullable=True),
        sa.Column("ct_head_scan_status", sa.Boolean(), nullable=True),
        sa.Column("mri_indicated", sa.Boolean(), nullable=True),
        sa.Column("mri_brain_requested_date", sa.Date(), nullable=True),
        sa.Column("mri_brain_reported_date", sa.Date(), nullable=True),
        sa.Column("mri_declined", sa.Boolean(), nullable=True),
        sa.Column("registration_id", sa.Integer(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.CheckConstraint(
            "NOT (eeg_declined AND eeg_performed_date IS NOT NULL)",
            name=op.f("ck_e12_investigations_declined_eeg_undone"),
        ),
        sa.CheckConstraint(
            "NOT (mri_declined AND mri_brain_reported_date IS NOT NULL)",
            name=op.f("ck_e12_investigations_declined_mri_undone"),
        ),
        sa.CheckConstraint(
            "eeg_performed_date >= eeg_request_date",
            name=op.f("ck_e12_investigations_eeg_after_request"),
        ),
        sa.CheckConstraint(
            "mri_brain_reported_date >= mri_brain_requested_date",
            name=op.f("ck_e12_investigations_mri_after_request"),
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["user_account.id"],
            name=op.f("fk_e12_investigations_created_by_id_user_account"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["registration_id"],
            ["e12_registration.id"],
            name=op.f("fk_e12_investigations_registration_id_e12_registration"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["updated_by_id"],
            ["user_account.id"],
            name=op.f("fk_e12_investigations_updated_by_id_user_account"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_e12_investigations")),
        sa.UniqueConstraint("registration_id", name=op.f("uq_e12_investigations_registration_id")),
    )
    op.create_table(
        "e12_kpi_result",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column(
            "paediatrician_with_expertise_in_epilepsies",
            sa.SmallInteger(),
            nullable=True,
            comment="NULL incomplete, 0 fail, 1 pass, 2 ineligible",
        ),
        sa.Column(
            "epilepsy_specialist_nurse",
            sa.SmallInteger(),
            nullable=True,
            comment="NULL incomplete, 0 fail, 1 pass, 2 ineligible",
        ),
        sa.Column(
            "tertiary_input",
            sa.SmallInteger(),
            nullable=True,
            comment="NULL incomplete, 0 fail, 1 pass, 2 ineligible",
        ),
        sa.Column(
            "epilepsy_surgery_referral",
            sa.SmallInteger(),
            nullable=True,
            comment="NULL incomplete, 0 fail, 1 pass, 2 ineligible",
        ),
        sa.Column(
            "ecg",
            sa.SmallInteger(),
            nullable=True,
            comment="NULL incomplete, 0 fail, 1 pass, 2 ineligible",
        ),
        sa.Column(
            "mri",
            sa.SmallInteger(),
            nullable=True,
            comment="NULL incomplete, 0 fail, 1 pass, 2 ineligible",
        ),
        sa.Column(
            "assessment_of_mental_health_issues",
            sa.SmallInteger(),
            nullable=True,
            comment="NULL incomplete, 0 fail, 1 pass, 2 ineligible",
        ),
        sa.Column(
            "mental_health_support",
            sa.SmallInteger(),
            nullable=True,
            comment="NULL incomplete, 0 fail, 1 pass, 2 ineligible",
        ),
        sa.Column(
            "sodium_valproate",
            sa.SmallInteger(),
            nullable=True,
            comment="NULL incomplete, 0 fail, 1 pass, 2 ineligible",
        ),
        sa.Column(
            "comprehensive_care_planning_agreement",
            sa.SmallInteger(),
            nullable=True,
            comment="NULL incomplete, 0 fail, 1 pass, 2 ineligible",
        ),
        sa.Column(
            "patient_held_individualised_epilepsy_document",
            sa.SmallInteger(),
            nullable=True,
            comment="NULL incomplete, 0 fail, 1 pass, 2 ineligible",
        ),
        sa.Column(
            "patient_carer_parent_agreement_to_the_care_planning",
            sa.SmallInteger(),
            nullable=True,
            comment="NULL incomplete, 0 fail, 1 pass, 2 ineligible",
        ),
        sa.Column(
            "care_planning_has_been_updated_when_necessary",
            sa.SmallInteger(),
            nullable=True,
            comment="NULL incomplete, 0 fail, 1 pass, 2 ineligible",
        ),
        sa.Column(
            "comprehensive_care_planning_content",
            sa.SmallInteger(),
            nullable=True,
            comment="NULL incomplete, 0 fail, 1 pass, 2 ineligible",
        ),
        sa.Column(
            "parental_prolonged_seizures_care_plan",
            sa.SmallInteger(),
            nullable=True,
            comment="NULL incomplete, 0 fail, 1 pass, 2 ineligible",
        ),
        sa.Column(
            "water_safety",
            sa.SmallInteger(),
            nullable=True,
            comment="NULL incomplete, 0 fail, 1 pass, 2 ineligible",
        ),
        sa.Column(
            "first_aid",
            sa.SmallInteger(),
            nullable=True,
            comment="NULL incomplete, 0 fail, 1 pass, 2 ineligible",
        ),
        sa.Column(
            "general_participation_and_risk",
            sa.SmallInteger(),
            nullable=True,
            comment="NULL incomplete, 0 fail, 1 pass, 2 ineligible",
        ),
        sa.Column(
            "sudep",
            sa.SmallInteger(),
            nullable=True,
            comment="NULL incomplete, 0 fail, 1 pass, 2 ineligible",
        ),
        sa.Column(
            "service_contact_details",
            sa.SmallInteger(),
            nullable=True,
            comment="NULL incomplete, 0 fail, 1 pass, 2 ineligible",
        ),
        sa.Column(
            "school_individual_healthcare_plan",
            sa.SmallInteger(),
            nullable=True,
            comment="NULL incomplete, 0 fail, 1 pass, 2 ineligible",
        ),
        sa.Column("scored_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("registration_id", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "(paediatrician_with_expertise_in_epilepsies IN (0, 1, 2)) AND (epilepsy_specialist_nurse IN (0, 1, 2)) AND (tertiary_input IN (0, 1, 2)) AND (epilepsy_surgery_referral IN (0, 1, 2)) AND (ecg IN (0, 1, 2)) AND (mri IN (0, 1, 2)) AND (assessment_of_mental_health_issues IN (0, 1, 2)) AND (mental_health_support IN (0, 1, 2)) AND (sodium_valproate IN (0, 1, 2)) AND (comprehensive_care_planning_agreement IN (0, 1, 2)) AND (patient_held_individualised_epilepsy_document IN (0, 1, 2)) AND (patient_carer_parent_agreement_to_the_care_planning IN (0, 1, 2)) AND (care_planning_has_been_updated_when_necessary IN (0, 1, 2)) AND (comprehensive_care_planning_content IN (0, 1, 2)) AND (parental_prolonged_seizures_care_plan IN (0, 1, 2)) AND (water_safety IN (0, 1, 2)) AND (first_aid IN (0, 1, 2)) AND (general_participation_and_risk IN (0, 1, 2)) AND (sudep IN (0, 1, 2)) AND (service_contact_details IN (0, 1, 2)) AND (school_individual_healthcare_plan IN (0, 1, 2))",
            name=op.f("ck_e12_kpi_result_scores"),
        ),
        sa.ForeignKeyConstraint(
            ["registration_id"],
            ["e12_registration.id"],
            name=op.f("fk_e12_kpi_result_registration_id_e12_registration"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_e12_kpi_result")),
        sa.UniqueConstraint("registration_id", name=op.f("uq_e12_kpi_result_registration_id")),
    )
    op.create_table(
        "e12_management",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("has_an_aed_been_given", sa.Boolean(), nullable=True),
        sa.Column("has_rescue_medication_been_prescribed", sa.Boolean(), nullable=True),
        sa.Column("individualised_care_plan_in_place", sa.Boolean(), nullable=True),
        sa.Column("individualised_care_plan_date", sa.Date(), nullable=True),
        sa.Column(
            "individualised_care_plan_has_parent_carer_child_agreement", sa.Boolean(), nullable=True
        ),
        sa.Column(
            "individualised_care_plan_includes_service_contact_details", sa.Boolean(), nullable=True
        ),
        sa.Column("individualised_care_plan_include_first_aid", sa.Boolean(), nullable=True),
        sa.Column(
            "individualised_care_plan_parental_prolonged_seizure_care", sa.Boolean(), nullable=True
        ),
        sa.Column(
            "individualised_care_plan_includes_general_participation_risk",
            sa.Boolean(),
            nullable=True,
        ),
        sa.Column("individualised_care_plan_addresses_water_safety", sa.Boolean(), nullable=True),
        sa.Column("individualised_care_plan_addresses_sudep", sa.Boolean(), nullable=True),
        sa.Column(
            "individualised_care_plan_includes_ehcp",
            sa.Boolean(),
            nullable=True,
            comment="school individual healthcare plan",
        ),
        sa.Column(
            "has_individualised_care_plan_been_updated_in_the_last_year",
            sa.Boolean(),
            nullable=True,
        ),
        sa.Column("has_been_referred_for_mental_health_support", sa.Boolean(), nullable=True),
        sa.Column("has_support_for_mental_health_support", sa.Boolean(), nullable=True),
        sa.Column("registration_id", sa.Integer(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["user_account.id"],
            name=op.f("fk_e12_management_created_by_id_user_account"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["registration_id"],
            ["e12_registration.id"],
            name=op.f("fk_e12_management_registration_id_e12_registration"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["updated_by_id"],
            ["user_account.id"],
            name=op.f("fk_e12_management_updated_by_id_user_account"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_e12_management")),
        sa.UniqueConstraint("registration_id", name=op.f("uq_e12_management_registration_id")),
    )
    op.create_table(
        "e12_multiaxial_diagnosis",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("syndrome_present", sa.Boolean(), nullable=True),
        sa.Column("epilepsy_cause_known", sa.Boolean(), nullable=True),
        sa.Column("epilepsy_cause_id", sa.Integer(), nullable=True),
        sa.Column(
            "epilepsy_cause_categories", sa.JSON(), nullable=True, comment="Gen, Imm, Inf, Met, Str"
        ),
        sa.Column("relevant_impairments_behavioural_educational", sa.Boolean(), nullable=True),
        sa.Column(
            "global_developmental_delay_or_learning_difficulties", sa.Boolean(), nullable=True
        ),
        sa.Column(
            "global_developmental_delay_or_learning_difficulties_severity",
            sa.String(length=10),
            nullable=True,
        ),
        sa.Column("autistic_spectrum_disorder", sa.Boolean(), nullable=True),
        sa.Column("mental_health_screen", sa.Boolean(), nullable=True),
        sa.Column("mental_health_issue_identified", sa.Boolean(), nullable=True),
        sa.Column(
            "mental_health_issues", sa.JSON(), nullable=True, comment="AxD, EmB, MoD, SHm, Oth"
        ),
        sa.Column("registration_id", sa.Integer(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.CheckConstraint(
            "global_developmental_delay_or_learning_difficulties_severity IN ('mild', 'moderate', 'severe', 'profound', 'uncertain')",
            name=op.f("ck_e12_multiaxial_diagnosis_gdd_severity"),
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["user_account.id"],
            name=op.f("fk_e12_multiaxial_diagnosis_created_by_id_user_account"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["epilepsy_cause_id"],
            ["e12_epilepsy_cause.id"],
            name=op.f("fk_e12_multiaxial_diagnosis_epilepsy_cause_id_e12_epilepsy_cause"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["registration_id"],
            ["e12_registration.id"],
            name=op.f("fk_e12_multiaxial_diagnosis_registration_id_e12_registration"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["updated_by_id"],
            ["user_account.id"],
            name=op.f("fk_e12_multiaxial_diagnosis_updated_by_id_user_account"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_e12_multiaxial_diagnosis")),
        sa.UniqueConstraint(
            "registration_id", name=op.f("uq_e12_multiaxial_diagnosis_registration_id")
        ),
    )
    op.create_table(
        "e12_antiepilepsy_medicine",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("management_id", sa.Integer(), nullable=False),
        sa.Column("medicine_entity_id", sa.Integer(), nullable=False),
        sa.Column("is_rescue_medicine", sa.Boolean(), nullable=True),
        sa.Column("antiepilepsy_medicine_start_date", sa.Date(), nullable=True),
        sa.Column("antiepilepsy_medicine_stop_date", sa.Date(), nullable=True),
        sa.Column("antiepilepsy_medicine_risk_discussed", sa.Boolean(), nullable=True),
        sa.Column("is_a_pregnancy_prevention_programme_needed", sa.Boolean(), nullable=True),
        sa.Column("is_a_pregnancy_prevention_programme_in_place", sa.Boolean(), nullable=True),
        sa.Column(
            "has_a_valproate_annual_risk_acknowledgement_form_been_completed",
            sa.Boolean(),
            nullable=True,
        ),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.CheckConstraint(
            "antiepilepsy_medicine_stop_date >= antiepilepsy_medicine_start_date",
            name=op.f("ck_e12_antiepilepsy_medicine_stopped_after_start"),
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["user_account.id"],
            name=op.f("fk_e12_antiepilepsy_medicine_created_by_id_user_account"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["management_id"],
            ["e12_management.id"],
            name=op.f("fk_e12_antiepilepsy_medicine_management_id_e12_management"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["medicine_entity_id"],
            ["e12_medicine.id"],
            name=op.f("fk_e12_antiepilepsy_medicine_medicine_entity_id_e12_medicine"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["updated_by_id"],
            ["user_account.id"],
            name=op.f("fk_e12_antiepilepsy_medicine_updated_by_id_user_account"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_e12_antiepilepsy_medicine")),
        sa.UniqueConstraint(
            "management_id",
            "medicine_entity_id",
            name=op.f("uq_e12_antiepilepsy_medicine_management_id_medicine_entity_id"),
        ),
    )
    with op.batch_alter_table("e12_antiepilepsy_medicine", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_e12_antiepilepsy_medicine_management_id"),
            ["management_id"],
            unique=False,
        )

    op.create_table(
        "e12_comorbidity",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("multiaxial_diagnosis_id", sa.Integer(), nullable=False),
        sa.Column("comorbidityentity_id", sa.Integer(), nullable=False),
        sa.Column("comorbidity_diagnosis_date", sa.Date(), nullable=True),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["comorbidityentity_id"],
            ["e12_comorbidity_list.id"],
            name=op.f("fk_e12_comorbidity_comorbidityentity_id_e12_comorbidity_list"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["user_account.id"],
            name=op.f("fk_e12_comorbidity_created_by_id_user_account"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["multiaxial_diagnosis_id"],
            ["e12_multiaxial_diagnosis.id"],
            name=op.f("fk_e12_comorbidity_multiaxial_diagnosis_id_e12_multiaxial_diagnosis"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["updated_by_id"],
            ["user_account.id"],
            name=op.f("fk_e12_comorbidity_updated_by_id_user_account"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_e12_comorbidity")),
        sa.UniqueConstraint(
            "multiaxial_diagnosis_id",
            "comorbidityentity_id",
            name=op.f("uq_e12_comorbidity_multiaxial_diagnosis_id_comorbidityentity_id"),
        ),
    )
    with op.batch_alter_table("e12_comorbidity", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_e12_comorbidity_multiaxial_diagnosis_id"),
            ["multiaxial_diagnosis_id"],
            unique=False,
        )

    op.create_table(
        "e12_episode",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("multiaxial_diagnosis_id", sa.Integer(), nullable=False),
        sa.Column("seizure_onset_date", sa.Date(), nullable=True),
        sa.Column(
            "seizure_onset_date_confidence",
            sa.String(length=3),
            nullable=True,
            comment="Apx approximate, Exc exact, NK not known",
        ),
        sa.Column(
            "episode_definition",
            sa.String(length=1),
            nullable=True,
            comment="a single, b cluster within 24 h, c two or more over 24 h apart",
        ),
        sa.Column(
            "has_description_of_the_episode_or_episodes_been_gathered", sa.Boolean(), nullable=True
        ),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column(
            "description_keywords",
            sa.JSON(),
            nullable=True,
            comment="semiology keywords found in the description",
        ),
        sa.Column(
            "epilepsy_or_nonepilepsy_status",
            sa.String(length=2),
            nullable=True,
            comment="E epileptic, NE non-epileptic, U uncertain",
        ),
        sa.Column("epileptic_seizure_onset_type", sa.String(length=2), nullable=True),
        sa.Column("epileptic_generalised_onset", sa.String(length=3), nullable=True),
        sa.Column("focal_onset_left", sa.Boolean(), nullable=True),
        sa.Column("focal_onset_right", sa.Boolean(), nullable=True),
        sa.Column("focal_onset_laterality_unknown", sa.Boolean(), nullable=True),
        sa.Column("focal_onset_atonic", sa.Boolean(), nullable=True),
        sa.Column("focal_onset_clonic", sa.Boolean(), nullable=True),
        sa.Column("focal_onset_epileptic_spasms", sa.Boolean(), nullable=True),
        sa.Column("focal_onset_hyperkinetic", sa.Boolean(), nullable=True),
        sa.Column("focal_onset_myoclonic", sa.Boolean(), nullable=True),
        sa.Column("focal_onset_tonic", sa.Boolean(), nullable=True),
        sa.Column("focal_onset_focal_to_bilateral_tonic_clonic", sa.Boolean(), nullable=True),
        sa.Column("focal_onset_automatisms", sa.Boolean(), nullable=True),
        sa.Column("focal_onset_impaired_awareness", sa.Boolean(), nullable=True),
        sa.Column("focal_onset_gelastic", sa.Boolean(), nullable=True),
        sa.Column("focal_onset_autonomic", sa.Boolean(), nullable=True),
        sa.Column("focal_onset_behavioural_arrest", sa.Boolean(), nullable=True),
        sa.Column("focal_onset_cognitive", sa.Boolean(), nullable=True),
        sa.Column("focal_onset_emotional", sa.Boolean(), nullable=True),
        sa.Column("focal_onset_sensory", sa.Boolean(), nullable=True),
        sa.Column("focal_onset_centrotemporal", sa.Boolean(), nullable=True),
        sa.Column("focal_onset_temporal", sa.Boolean(), nullable=True),
        sa.Column("focal_onset_frontal", sa.Boolean(), nullable=True),
        sa.Column("focal_onset_parietal", sa.Boolean(), nullable=True),
        sa.Column("focal_onset_occipital", sa.Boolean(), nullable=True),
        sa.Column("nonepileptic_seizure_unknown_onset", sa.String(length=3), nullable=True),
        sa.Column("nonepileptic_seizure_type", sa.String(length=3), nullable=True),
        sa.Column("nonepileptic_seizure_syncope", sa.String(length=1), nullable=True),
        sa.Column("nonepileptic_seizure_behavioural", sa.String(length=1), nullable=True),
        sa.Column("nonepileptic_seizure_sleep", sa.String(length=1), nullable=True),
        sa.Column("nonepileptic_seizure_paroxysmal", sa.String(length=1), nullable=True),
        sa.Column("nonepileptic_seizure_migraine", sa.String(length=1), nullable=True),
        sa.Column("nonepileptic_seizure_miscellaneous", sa.String(length=1), nullable=True),
        sa.Column("nonepileptic_seizure_other", sa.String(length=250), nullable=True),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.CheckConstraint(
            "epilepsy_or_nonepilepsy_status IN ('E', 'NE', 'U')", name=op.f("ck_e12_episode_status")
        ),
        sa.CheckConstraint(
            "epileptic_generalised_onset IN ('AEM', 'Ato', 'Aab', 'Clo', 'EpS', 'MyC', 'MAb', 'MTC', 'MAt', 'Ton', 'TCl', 'TAb', 'Oth')",
            name=op.f("ck_e12_episode_generalised_onset"),
        ),
        sa.CheckConstraint(
            "epileptic_seizure_onset_type IN ('FO', 'GO', 'UO', 'UC')",
            name=op.f("ck_e12_episode_onset_type"),
        ),
        sa.CheckConstraint(
            "episode_definition IN ('a', 'b', 'c')", name=op.f("ck_e12_episode_definition")
        ),
        sa.CheckConstraint(
            "nonepileptic_seizure_behavioural IN ('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j')",
            name=op.f("ck_e12_episode_behavioural"),
        ),
        sa.CheckConstraint(
            "nonepileptic_seizure_migraine IN ('a', 'b', 'c', 'd', 'e')",
            name=op.f("ck_e12_episode_migraine"),
        ),
        sa.CheckConstraint(
            "nonepileptic_seizure_miscellaneous IN ('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h')",
            name=op.f("ck_e12_episode_miscellaneous"),
        ),
        sa.CheckConstraint(
            "nonepileptic_seizure_paroxysmal IN ('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j')",
            name=op.f("ck_e12_episode_paroxysmal"),
        ),
        sa.CheckConstraint(
            "nonepileptic_seizure_sleep IN ('a', 'b', 'c', 'd', 'e', 'f', 'g')",
            name=op.f("ck_e12_episode_sleep"),
        ),
        sa.CheckConstraint(
            "nonepileptic_seizure_syncope IN ('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j')",
            name=op.f("ck_e12_episode_syncope"),
        ),
        sa.CheckConstraint(
            "nonepileptic_seizure_type IN ('SAS', 'BPP', 'SRC', 'PMD', 'MAD', 'ME', 'Oth')",
            name=op.f("ck_e12_episode_nonepileptic_type"),
        ),
        sa.CheckConstraint(
            "nonepileptic_seizure_unknown_onset IN ('BAr', 'EpS', 'TCl', 'Oth')",
            name=op.f("ck_e12_episode_nonepileptic_onset"),
        ),
        sa.CheckConstraint(
            "seizure_onset_date_confidence IN ('Apx', 'Exc', 'NK')",
            name=op.f("ck_e12_episode_confidence"),
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["user_account.id"],
            name=op.f("fk_e12_episode_created_by_id_user_account"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["multiaxial_diagnosis_id"],
            ["e12_multiaxial_diagnosis.id"],
            name=op.f("fk_e12_episode_multiaxial_diagnosis_id_e12_multiaxial_diagnosis"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["updated_by_id"],
            ["user_account.id"],
            name=op.f("fk_e12_episode_updated_by_id_user_account"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_e12_episode")),
    )
    with op.batch_alter_table("e12_episode", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_e12_episode_multiaxial_diagnosis_id"),
            ["multiaxial_diagnosis_id"],
            unique=False,
        )

    op.create_table(
        "e12_syndrome",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("multiaxial_diagnosis_id", sa.Integer(), nullable=False),
        sa.Column("syndrome_id", sa.Integer(), nullable=False),
        sa.Column("syndrome_diagnosis_date", sa.Date(), nullable=True),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["user_account.id"],
            name=op.f("fk_e12_syndrome_created_by_id_user_account"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["multiaxial_diagnosis_id"],
            ["e12_multiaxial_diagnosis.id"],
            name=op.f("fk_e12_syndrome_multiaxial_diagnosis_id_e12_multiaxial_diagnosis"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["syndrome_id"],
            ["e12_syndrome_list.id"],
            name=op.f("fk_e12_syndrome_syndrome_id_e12_syndrome_list"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["updated_by_id"],
            ["user_account.id"],
            name=op.f("fk_e12_syndrome_updated_by_id_user_account"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_e12_syndrome")),
        sa.UniqueConstraint(
            "multiaxial_diagnosis_id",
            "syndrome_id",
            name=op.f("uq_e12_syndrome_multiaxial_diagnosis_id_syndrome_id"),
        ),
    )
    with op.batch_alter_table("e12_syndrome", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_e12_syndrome_multiaxial_diagnosis_id"),
            ["multiaxial_diagnosis_id"],
            unique=False,
        )


def downgrade() -> None:
    with op.batch_alter_table("e12_syndrome", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_e12_syndrome_multiaxial_diagnosis_id"))

    op.drop_table("e12_syndrome")
    with op.batch_alter_table("e12_episode", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_e12_episode_multiaxial_diagnosis_id"))

    op.drop_table("e12_episode")
    with op.batch_alter_table("e12_comorbidity", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_e12_comorbidity_multiaxial_diagnosis_id"))

    op.drop_table("e12_comorbidity")
    with op.batch_alter_table("e12_antiepilepsy_medicine", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_e12_antiepilepsy_medicine_management_id"))

    op.drop_table("e12_antiepilepsy_medicine")
    op.drop_table("e12_multiaxial_diagnosis")
    op.drop_table("e12_management")
    op.drop_table("e12_kpi_result")
    op.drop_table("e12_investigations")
    op.drop_table("e12_first_paediatric_assessment")
    op.drop_table("e12_epilepsy_context")
    op.drop_table("e12_audit_progress")
    op.drop_table("e12_assessment")
    with op.batch_alter_table("e12_site", schema=None) as batch_op:
        batch_op.drop_index(
            "uq_e12_site_one_lead_site",
            postgresql_where=sa.text(
                "site_is_primary_centre_of_epilepsy_care AND site_is_actively_involved_in_epilepsy_care"
            ),
            sqlite_where=sa.text(
                "site_is_primary_centre_of_epilepsy_care AND site_is_actively_involved_in_epilepsy_care"
            ),
        )
        batch_op.drop_index(batch_op.f("ix_e12_site_organisation_id"))
        batch_op.drop_index(
            "ix_e12_site_lead_organisation",
            postgresql_where=sa.text(
                "site_is_primary_centre_of_epilepsy_care AND site_is_actively_involved_in_epilepsy_care"
            ),
            sqlite_where=sa.text(
                "site_is_primary_centre_of_epilepsy_care AND site_is_actively_involved_in_epilepsy_care"
            ),
        )
        batch_op.drop_index(batch_op.f("ix_e12_site_case_id"))

    op.drop_table("e12_site")
    with op.batch_alter_table("e12_registration", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_e12_registration_cohort"))

    op.drop_table("e12_registration")
    op.drop_table("e12_syndrome_list")
    op.drop_table("e12_semiology_keyword")
    op.drop_table("e12_medicine")
    op.drop_table("e12_epilepsy_cause")
    op.drop_table("e12_comorbidity_list")
    with op.batch_alter_table("e12_case", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_e12_case_surname"))

    op.drop_table("e12_case")
