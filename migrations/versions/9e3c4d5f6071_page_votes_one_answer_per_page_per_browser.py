"""page votes: one "is this page useful?" answer per page per browser

Revision ID: 9e3c4d5f6071
Revises: a04d5e6f7182
Create Date: 2026-12-02 19:20:00

"""

import sqlalchemy as sa
from alembic import op

revision = "9e3c4d5f6071"
down_revision = "a04d5e6f7182"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "page_votes",
        sa.Column("voter_hash", sa.String(length=64), nullable=False),
        sa.Column("path", sa.String(length=300), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("voter_hash", "path"),
    )
    with op.batch_alter_table("page_votes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_page_votes_created_at"), ["created_at"], unique=False)


def downgrade():
    with op.batch_alter_table("page_votes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_page_votes_created_at"))
    op.drop_table("page_votes")
