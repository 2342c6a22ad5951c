"""joining that can be closed, limits scaled to the expected room, and one-time staff passwords

Revision ID: 0011_joining_and_passwords
Revises: 0010_sms

Events: ``joining_open`` (a facilitator closes joining once everyone is in; phones that already joined keep
their place) and ``expected_participants`` (the organiser's estimate of the room, which scales the join limits).
Staff users: ``must_set_password`` (a password printed by the CLI or the demo opens one sign-in only).
"""
import sqlalchemy as sa
from alembic import op

revision = "0011_joining_and_passwords"
down_revision = "0010_sms"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("events") as batch:
        batch.add_column(sa.Column("joining_open", sa.Boolean(), nullable=False, server_default=sa.true()))
        batch.add_column(sa.Column("expected_participants", sa.Integer(), nullable=True))
    with op.batch_alter_table("staff_users") as batch:
        batch.add_column(sa.Column("must_set_password", sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade():
    with op.batch_alter_table("staff_users") as batch:
        batch.drop_column("must_set_password")
    with op.batch_alter_table("events") as batch:
        batch.drop_column("expected_participants")
        batch.drop_column("joining_open")
