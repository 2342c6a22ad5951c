"""SMS and USSD: whether each is on for an event, and the per-event key of the hash that stands for a number

Revision ID: 0010_sms
Revises: 0009_event_details

Written by hand to match ``facilitator.events.models.Event``; ``tests/test_cli.py`` compares the two.
"""
import sqlalchemy as sa
from alembic import op

revision = "0010_sms"
down_revision = "0009_event_details"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("events") as batch:
        batch.add_column(sa.Column("sms_enabled", sa.Boolean(), nullable=False, server_default=sa.false()))
        batch.add_column(sa.Column("ussd_enabled", sa.Boolean(), nullable=False, server_default=sa.false()))
        batch.add_column(sa.Column("number_secret", sa.String(length=64), nullable=True))


def downgrade():
    with op.batch_alter_table("events") as batch:
        batch.drop_column("number_secret")
        batch.drop_column("ussd_enabled")
        batch.drop_column("sms_enabled")
