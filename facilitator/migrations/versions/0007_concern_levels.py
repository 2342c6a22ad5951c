"""concern levels: a held entry's level of concern (high or possible) and each safeguarding flag's level

Revision ID: 0007_concern_levels
Revises: 0006_notes
Create Date: 2026-11-29 16:40:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = "0007_concern_levels"
down_revision = "0006_notes"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("responses") as batch:
        batch.add_column(sa.Column("concern", sa.String(length=10), nullable=True))
    with op.batch_alter_table("safeguarding_flags") as batch:
        batch.add_column(sa.Column("level", sa.String(length=10), nullable=False, server_default="high"))


def downgrade():
    with op.batch_alter_table("safeguarding_flags") as batch:
        batch.drop_column("level")
    with op.batch_alter_table("responses") as batch:
        batch.drop_column("concern")
