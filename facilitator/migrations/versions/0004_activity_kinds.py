"""activity kinds: votes, voting lock, results on projector and phones, timers, answered questions

Revision ID: 0004_activity_kinds
Revises: 0003_safeguarding
"""
import sqlalchemy as sa
from alembic import op

revision = "0004_activity_kinds"
down_revision = "0003_safeguarding"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("activities") as batch:
        batch.alter_column("results_visible", new_column_name="results_on_projector")
        batch.add_column(sa.Column("locked", sa.Boolean(), nullable=False, server_default=sa.false()))
        batch.add_column(sa.Column("results_on_phones", sa.Boolean(), nullable=False, server_default=sa.false()))
        batch.add_column(sa.Column("timer_ends_at", sa.DateTime(timezone=True), nullable=True))
    with op.batch_alter_table("responses") as batch:
        batch.add_column(sa.Column("answered_at", sa.DateTime(timezone=True), nullable=True))
    op.create_table(
        "votes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("activity_id", sa.Integer(), nullable=False),
        sa.Column("participant_id", sa.Integer(), nullable=True),
        sa.Column("slot", sa.Integer(), nullable=False),
        sa.Column("choice", sa.Integer(), nullable=True),
        sa.Column("ranking", sa.JSON(), nullable=True),
        sa.Column("response_id", sa.Integer(), nullable=True),
        sa.Column("group", sa.String(length=20), nullable=True),
        sa.Column("age_band", sa.String(length=10), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["activity_id"], ["activities.id"], name=op.f("fk_votes_activity_id_activities"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["event_id"], ["events.id"], name=op.f("fk_votes_event_id_events"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["participant_id"], ["participants.id"],
                                name=op.f("fk_votes_participant_id_participants"), ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["response_id"], ["responses.id"], name=op.f("fk_votes_response_id_responses"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_votes")),
        sa.UniqueConstraint("activity_id", "participant_id", "slot", name=op.f("uq_votes_activity_id_participant_id_slot")),
    )
    for column in ("event_id", "activity_id", "participant_id", "response_id"):
        op.create_index(op.f(f"ix_votes_{column}"), "votes", [column], unique=False)


def downgrade():
    for column in ("event_id", "activity_id", "participant_id", "response_id"):
        op.drop_index(op.f(f"ix_votes_{column}"), table_name="votes")
    op.drop_table("votes")
    with op.batch_alter_table("responses") as batch:
        batch.drop_column("answered_at")
    with op.batch_alter_table("activities") as batch:
        batch.drop_column("timer_ends_at")
        batch.drop_column("results_on_phones")
        batch.drop_column("locked")
        batch.alter_column("results_on_projector", new_column_name="results_visible")
