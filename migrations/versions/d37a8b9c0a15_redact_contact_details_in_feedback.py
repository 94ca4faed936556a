"""take email addresses, phone numbers and National Insurance numbers out of the problem
reports and satisfaction comments already kept (new ones are redacted before storing)

Revision ID: d37a8b9c0a15
Revises: c26f7a8193a4
Create Date: 2026-12-04 19:40:00

"""

import sqlalchemy as sa
from alembic import op

from portal.redaction import redacted

revision = "d37a8b9c0a15"
down_revision = "c26f7a8193a4"
branch_labels = None
depends_on = None

FREE_TEXT = {
    "page_feedback": ("what_doing", "what_wrong"),
    "satisfaction_responses": ("improve",),
}


def upgrade():
    connection = op.get_bind()
    for table, columns in FREE_TEXT.items():
        rows = connection.execute(
            sa.text(f"select id, {', '.join(columns)} from {table}")  # names from above only
        ).all()
        for row in rows:
            changed = {c: redacted(getattr(row, c)) for c in columns}
            if any(changed[c] != getattr(row, c) for c in columns):
                assignments = ", ".join(f"{c} = :{c}" for c in columns)
                connection.execute(
                    sa.text(f"update {table} set {assignments} where id = :id"),
                    {**changed, "id": row.id},
                )


def downgrade():
    pass  # what was taken out is gone, as it should be
