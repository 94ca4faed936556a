"""the second factor being set up is kept on the server, and may be required per role

Revision ID: b15e6f708293
Revises: 9e3c4d5f6071
Create Date: 2026-12-03 14:00:00

"""

import sqlalchemy as sa
from alembic import op

revision = "b15e6f708293"
down_revision = "9e3c4d5f6071"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("staff_members", schema=None) as batch_op:
        batch_op.add_column(sa.Column("totp_pending_secret", sa.String(length=64), nullable=True))
    op.create_table(
        "two_factor_requirements",
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("required", sa.Boolean(), nullable=False),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("changed_by", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["changed_by"], ["staff_members.id"]),
        sa.PrimaryKeyConstraint("role"),
    )


def downgrade():
    op.drop_table("two_factor_requirements")
    with op.batch_alter_table("staff_members", schema=None) as batch_op:
        batch_op.drop_column("totp_pending_secret")
