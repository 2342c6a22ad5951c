"""notes: the rapporteur's notes on agenda sessions (note, key point, recommendation, action)

Revision ID: 0006_notes
Revises: 0005_asks_and_commitments
Create Date: 2026-11-27 03:39:34

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = "0006_notes"
down_revision = "0005_asks_and_commitments"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "notes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=True),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.Column("client_key", sa.String(length=64), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("shown_text", sa.Text(), nullable=False),
        sa.Column("action_owner", sa.String(length=200), nullable=True),
        sa.Column("action_due_on", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["author_id"], ["staff_users.id"], name=op.f("fk_notes_author_id_staff_users"),
                                ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["event_id"], ["events.id"], name=op.f("fk_notes_event_id_events"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["session_id"], ["agenda_sessions.id"],
                                name=op.f("fk_notes_session_id_agenda_sessions"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["updated_by_id"], ["staff_users.id"], name=op.f("fk_notes_updated_by_id_staff_users"),
                                ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notes")),
        sa.UniqueConstraint("event_id", "client_key", name=op.f("uq_notes_event_id_client_key")),
    )
    with op.batch_alter_table("notes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_notes_event_id"), ["event_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_notes_session_id"), ["session_id"], unique=False)


def downgrade():
    with op.batch_alter_table("notes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_notes_session_id"))
        batch_op.drop_index(batch_op.f("ix_notes_event_id"))
    op.drop_table("notes")
