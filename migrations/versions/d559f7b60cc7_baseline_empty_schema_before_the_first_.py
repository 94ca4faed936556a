"""baseline: empty schema before the first tables

Revision ID: d559f7b60cc7
Revises:
Create Date: 2026-11-27 05:04:53.344136

"""

# revision identifiers, used by Alembic.
revision = "d559f7b60cc7"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
