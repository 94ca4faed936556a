"""What citizens typed reaches a member of staff's terminal through `flask feedback
report`: an escape sequence in it must be shown, not run (issue 15, item 13)."""

from portal.extensions import db
from portal.feedback.models import PageFeedback


def test_the_feedback_report_shows_escape_sequences_instead_of_running_them(app):
    with app.app_context():
        db.session.add(
            PageFeedback(
                path="/services/report-a-pothole",
                language="en",
                useful=False,
                # Retitle the terminal, clear the screen, and reverse what follows.
                what_doing="\x1b]0;owned\x07\x1b[2JLooking\u202efor bins",
                what_wrong="Nothing\rEverything is fine",
            )
        )
        db.session.commit()
    output = app.test_cli_runner().invoke(args=["feedback", "report"]).output
    assert "\x1b" not in output and "\x07" not in output and "\u202e" not in output
    assert "\r" not in output
    assert "\\x1b]0;owned\\x07\\x1b[2JLooking\\u202efor bins" in output
    assert "Nothing\\x0dEverything is fine" in output
