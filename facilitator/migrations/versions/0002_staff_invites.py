"""staff invitations: one-time, expiring links that give a role in an event

Revision ID: 0002_staff_invites
Revises: 0001_initial

Written by hand to match ``facilitator.staff.models.StaffInvite``; ``tests/test_cli.py`` compares the two.
Plain ``create_table`` and batch index operations, so it runs the same on SQLite and PostgreSQL.
"""
import sqlalchemy as sa
from alembic import op

revision = "0002_staff_invites"
down_revision = "0001_initial"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "staff_invites",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("organisation", sa.String(length=200), nullable=True),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("invited_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("used_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("used_by_id", sa.Integer(), nullable=True),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["event_id"], ["events.id"], name=op.f("fk_staff_invites_event_id_events"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["invited_by_id"], ["staff_users.id"],
                                name=op.f("fk_staff_invites_invited_by_id_staff_users"), ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["used_by_id"], ["staff_users.id"],
                                name=op.f("fk_staff_invites_used_by_id_staff_users"), ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_staff_invites")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_staff_invites_token_hash")),
    )
    with op.batch_alter_table("staff_invites", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_staff_invites_event_id"), ["event_id"], unique=False)


def downgrade():
    with op.batch_alter_table("staff_invites", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_staff_invites_event_id"))
    op.drop_table("staff_invites")
