"""safeguarding: readiness checklist, help requests and escalations, per-event word lists, purge dates

Revision ID: 0003_safeguarding
Revises: 0002_staff_invites
"""
import sqlalchemy as sa
from alembic import op

revision = "0003_safeguarding"
down_revision = "0002_staff_invites"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "readiness_checks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("item", sa.String(length=40), nullable=False),
        sa.Column("detail", sa.String(length=300), nullable=True),
        sa.Column("confirmed_by_id", sa.Integer(), nullable=True),
        sa.Column("confirmed_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["event_id"], ["events.id"], name=op.f("fk_readiness_checks_event_id_events"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["confirmed_by_id"], ["staff_users.id"],
                                name=op.f("fk_readiness_checks_confirmed_by_id_staff_users"), ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_readiness_checks")),
        sa.UniqueConstraint("event_id", "item", name=op.f("uq_readiness_checks_event_id_item")),
    )
    op.create_index(op.f("ix_readiness_checks_event_id"), "readiness_checks", ["event_id"], unique=False)
    with op.batch_alter_table("events") as batch:
        batch.add_column(sa.Column("blocked_words", sa.JSON(), nullable=False, server_default="[]"))
        batch.add_column(sa.Column("last_export_at", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("purged_at", sa.DateTime(timezone=True), nullable=True))
    with op.batch_alter_table("safeguarding_flags") as batch:
        batch.add_column(sa.Column("participant_id", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("message", sa.Text(), nullable=True))
        batch.create_foreign_key(op.f("fk_safeguarding_flags_participant_id_participants"), "participants",
                                 ["participant_id"], ["id"], ondelete="SET NULL")


def downgrade():
    with op.batch_alter_table("safeguarding_flags") as batch:
        batch.drop_constraint(op.f("fk_safeguarding_flags_participant_id_participants"), type_="foreignkey")
        batch.drop_column("message")
        batch.drop_column("participant_id")
    with op.batch_alter_table("events") as batch:
        batch.drop_column("purged_at")
        batch.drop_column("last_export_at")
        batch.drop_column("blocked_words")
    op.drop_index(op.f("ix_readiness_checks_event_id"), table_name="readiness_checks")
    op.drop_table("readiness_checks")
