"""event details: venue, organisers and time zone; when an activity first opened; an answer's language

Revision ID: 0009_event_details
Revises: 0008_staff_sessions

Written by hand to match the models; ``tests/test_cli.py`` compares the two. Existing events get Nairobi's
zone (the roundtable's) and existing answers English. An activity already open or closed has run, but when it
first opened was never recorded: the event's creation time stands in, so the report still counts it.
"""
import sqlalchemy as sa
from alembic import op

revision = "0009_event_details"
down_revision = "0008_staff_sessions"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("events", schema=None) as batch:
        batch.add_column(sa.Column("venue", sa.String(length=200), nullable=True))
        batch.add_column(sa.Column("organisers", sa.String(length=300), nullable=True))
        batch.add_column(
            sa.Column("time_zone", sa.String(length=64), nullable=False, server_default="Africa/Nairobi")
        )
    with op.batch_alter_table("activities", schema=None) as batch:
        batch.add_column(sa.Column("first_opened_at", sa.DateTime(timezone=True), nullable=True))
    with op.batch_alter_table("duty_bearer_answers", schema=None) as batch:
        batch.add_column(sa.Column("language", sa.String(length=5), nullable=False, server_default="en"))
    activities = sa.table(
        "activities",
        sa.column("event_id", sa.Integer()),
        sa.column("state", sa.String()),
        sa.column("first_opened_at", sa.DateTime(timezone=True)),
    )
    events = sa.table("events", sa.column("id", sa.Integer()), sa.column("created_at", sa.DateTime(timezone=True)))
    op.execute(
        activities.update()
        .where(activities.c.state != "draft")
        .values(
            first_opened_at=sa.select(events.c.created_at).where(events.c.id == activities.c.event_id).scalar_subquery()
        )
    )


def downgrade():
    with op.batch_alter_table("duty_bearer_answers", schema=None) as batch:
        batch.drop_column("language")
    with op.batch_alter_table("activities", schema=None) as batch:
        batch.drop_column("first_opened_at")
    with op.batch_alter_table("events", schema=None) as batch:
        batch.drop_column("time_zone")
        batch.drop_column("organisers")
        batch.drop_column("venue")
