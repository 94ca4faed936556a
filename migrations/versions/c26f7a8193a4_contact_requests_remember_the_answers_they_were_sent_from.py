"""contact requests remember (by hash) the answers they were sent from, so sending again
after a lost confirmation finds the request instead of making a second

Revision ID: c26f7a8193a4
Revises: b15e6f708293
Create Date: 2026-12-03 14:00:00

"""

import sqlalchemy as sa
from alembic import op

revision = "c26f7a8193a4"
down_revision = "b15e6f708293"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("contact_requests", schema=None) as batch_op:
        batch_op.add_column(sa.Column("sent_from", sa.String(length=64), nullable=True))
        batch_op.create_unique_constraint(
            batch_op.f("uq_contact_requests_sent_from"), ["sent_from"]
        )


def downgrade():
    with op.batch_alter_table("contact_requests", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_contact_requests_sent_from"), type_="unique")
        batch_op.drop_column("sent_from")
