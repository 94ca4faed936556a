"""For content designers: what readers said about their department's pages."""

import re

from flask import render_template
from sqlalchemy import select

from portal.assist.access import current_staff_member, requires
from portal.assist.scope import departments_of
from portal.assist.views import bp
from portal.extensions import db
from portal.feedback.models import PageFeedback
from portal.i18n import localised_route
from portal.publishing.index import current_content

# "/cy/services/apply-for-a-blue-badge" -> ("services", "apply-for-a-blue-badge")
PAGE_PATH = re.compile(r"^(?:/[a-z]{2})?/(services|guides)/([a-z0-9-]+)$")
LIMIT = 200


def _department_of(path: str) -> str | None:
    match = PAGE_PATH.match(path)
    if not match:
        return None
    found = current_content().find(match[1], match[2], "en")
    return getattr(found.page.meta, "department", None) if found else None


@localised_route(bp, "/staff/page-feedback")
@requires("page_feedback")
def page_feedback():
    department = departments_of(current_staff_member())
    recent = db.session.scalars(
        select(PageFeedback).order_by(PageFeedback.created_at.desc()).limit(5000)
    ).all()
    mine = [f for f in recent if department is None or _department_of(f.path) == department]
    by_page: dict[str, dict] = {}
    for item in mine:
        counts = by_page.setdefault(item.path, {"yes": 0, "no": 0, "reports": 0})
        if item.useful is True:
            counts["yes"] += 1
        elif item.useful is False:
            counts["no"] += 1
        if item.what_wrong or item.what_doing:
            counts["reports"] += 1
    reports = [f for f in mine if f.what_wrong or f.what_doing][:LIMIT]
    return render_template(
        "staff/page_feedback.html",
        by_page=sorted(by_page.items(), key=lambda kv: -kv[1]["no"]),
        reports=reports,
    )
