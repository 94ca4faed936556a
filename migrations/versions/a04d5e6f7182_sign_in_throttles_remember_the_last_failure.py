"""sign-in throttles remember their last failure, so old rows can be purged

Revision ID: a04d5e6f7182
Revises: 8d2b3c4e5f60
Create Date: 2026-12-02 19:30:00

"""

import sqlalchemy as sa
from alembic import op

revision = "a04d5e6f7182"
down_revision = "8d2b3c4e5f60"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("sign_in_throttles", schema=None) as batch_op:
        batch_op.add_column(sa.Column("failed_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.create_index(
            batch_op.f("ix_sign_in_throttles_failed_at"), ["failed_at"], unique=False
        )


def downgrade():
    with op.batch_alter_table("sign_in_throttles", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sign_in_throttles_failed_at"))
        batch_op.drop_column("failed_at")
