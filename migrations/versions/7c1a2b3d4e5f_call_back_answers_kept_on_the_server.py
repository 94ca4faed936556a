"""call-back answers kept on the server, not in the session cookie

Revision ID: 7c1a2b3d4e5f
Revises: 6e6bd04b90e8
Create Date: 2026-12-02 19:00:00

"""

import sqlalchemy as sa
from alembic import op

revision = "7c1a2b3d4e5f"
down_revision = "6e6bd04b90e8"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "contact_request_drafts",
        sa.Column("id", sa.String(length=43), nullable=False),
        sa.Column("service", sa.String(length=100), nullable=False),
        sa.Column("answers", sa.JSON(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("contact_request_drafts", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_contact_request_drafts_updated_at"), ["updated_at"], unique=False
        )


def downgrade():
    with op.batch_alter_table("contact_request_drafts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contact_request_drafts_updated_at"))
    op.drop_table("contact_request_drafts")
