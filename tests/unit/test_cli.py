"""Our commands say a database problem in one sentence, with what to do."""

from sqlalchemy.exc import OperationalError

from portal.cli import database_problem


def test_a_database_not_migrated_says_to_run_the_migrations():
    error = OperationalError("select", {}, Exception("no such table: staff_members"))
    assert database_problem(error) == (
        "The database is not set up yet (no such table: staff_members): run "
        "`.venv/bin/flask --app portal db upgrade` first."
    )


def test_a_database_out_of_reach_says_why_on_one_line():
    reason = 'connection to server at "127.0.0.1", port 5432 failed: Connection refused\n\tUp?'
    error = OperationalError("connect", {}, Exception(reason))
    assert database_problem(error) == (
        'The database could not be used (connection to server at "127.0.0.1", port 5432 '
        "failed: Connection refused)."
    )
