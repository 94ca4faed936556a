"""`flask staff create` and `flask staff list`: the first administrator starts here.
`flask submissions export`: what citizens sent, as the staff inbox exports it."""

import json
import sys

import click
from flask import current_app
from sqlalchemy import func, select

from portal.assist import audit_log, passwords
from portal.assist.exports import submission_records, submission_table
from portal.assist.models import StaffMember
from portal.assist.roles import ROLES
from portal.cli import PortalGroup
from portal.extensions import db
from portal.publishing.index import current_content
from portal.spreadsheets import write_csv
from portal.transactions.catalogue import current_forms
from portal.transactions.models import Submission

staff_cli = PortalGroup("staff", help="Staff accounts.")
submissions_cli = PortalGroup("submissions", help="Read what citizens have sent.")


@submissions_cli.command("export")
@click.option("--form", "form_slug", required=True, help="The form's file name.")
@click.option("--format", "output", type=click.Choice(["csv", "json"]), default="csv")
def export(form_slug: str, output: str) -> None:
    """Write one form's submissions to standard output as CSV (one column per question,
    per form version) or JSON."""
    found = db.session.scalars(
        select(Submission).where(Submission.form == form_slug).order_by(Submission.id)
    ).all()
    if output == "json":
        click.echo(json.dumps(submission_records(found), ensure_ascii=False, indent=2))
        return
    write_csv(sys.stdout, *submission_table(found, current_forms(), "en"))


@staff_cli.command("create")
@click.option("--email", help="Asked for when not given.")
@click.option("--name", help="Asked for when not given.")
@click.option("--role", type=click.Choice(ROLES), help="Asked for when not given.")
@click.option(
    "--department",
    default=None,
    help="A department slug from content/taxonomy.yaml. Leave out for an administrator "
    "of every department.",
)
@click.option("--password", help="Asked for (twice, hidden) when not given.")
def create(
    email: str | None,
    name: str | None,
    role: str | None,
    department: str | None,
    password: str | None,
) -> None:
    """Create a staff account."""
    # The database first: nobody should type a password only to hear it is not set up.
    db.session.scalar(select(func.count()).select_from(StaffMember))
    email = (email or click.prompt("Email address")).strip().lower()
    name = name or click.prompt("Full name")
    role = role or click.prompt("Role", type=click.Choice(ROLES))
    password = password or click.prompt("Password", hide_input=True, confirmation_prompt=True)
    known = current_content().taxonomy.departments
    if department is None and role != "admin":
        raise click.UsageError("Only an administrator can have no department: give --department.")
    if department is not None and department not in known:
        raise click.UsageError(
            f"Unknown department {department!r}; expected one of: {', '.join(known)}"
        )
    if db.session.scalar(select(StaffMember).where(func.lower(StaffMember.email) == email)):
        raise click.UsageError(f"There is already an account for {email}.")
    with current_app.test_request_context():  # messages are translated per request
        problem = passwords.problem_with(password, email)
    if problem:
        raise click.UsageError(problem)
    member = StaffMember(
        email=email,
        name=name,
        role=role,
        department=department,
        password_hash=passwords.hash_password(password),
    )
    db.session.add(member)
    db.session.commit()
    audit_log.record(
        "staff_created", None, target=f"staff:{member.id}", email="command line", role=role
    )
    click.echo(f"Created {role} {email} ({department or 'all departments'}).")


@staff_cli.command("list")
def list_staff() -> None:
    """Every staff account, one a line."""
    for member in db.session.scalars(select(StaffMember).order_by(StaffMember.email)):
        state = "active" if member.active else "deactivated"
        two_factor = "two-factor" if member.totp_secret else "password only"
        click.echo(
            f"{member.email}\t{member.role}\t{member.department or 'all'}\t{state}\t{two_factor}"
        )
