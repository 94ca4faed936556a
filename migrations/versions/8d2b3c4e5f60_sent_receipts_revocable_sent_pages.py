"""sent receipts: the sent pages and the satisfaction question through revocable tokens

Revision ID: 8d2b3c4e5f60
Revises: 7c1a2b3d4e5f
Create Date: 2026-12-02 19:10:00

"""

import sqlalchemy as sa
from alembic import op

revision = "8d2b3c4e5f60"
down_revision = "7c1a2b3d4e5f"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "sent_receipts",
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("slug", sa.String(length=100), nullable=False),
        sa.Column("reference", sa.String(length=9), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("rated_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("token_hash"),
    )
    with op.batch_alter_table("sent_receipts", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_sent_receipts_created_at"), ["created_at"], unique=False
        )


def downgrade():
    with op.batch_alter_table("sent_receipts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sent_receipts_created_at"))
    op.drop_table("sent_receipts")
