"""Re-read content/ when a content designer saves a file (preview only).

Before each request the preview compares the content folder's file names, sizes and
modification times with the last look. On a change it rebuilds the content, and if the
content no longer passes its checks it shows the problems instead of a page, so the
designer sees the mistake the moment they reload.
"""

import hashlib
import threading
from pathlib import Path

from flask import Flask, current_app, render_template, request

from portal.bundle import BrokenContent, load_content

_lock = threading.Lock()


def fingerprint(content_dir: Path) -> str:
    """Changes whenever any file under content/ is added, removed or saved."""
    digest = hashlib.sha256()
    for path in sorted(content_dir.rglob("*")):
        if path.is_file():
            stat = path.stat()
            digest.update(f"{path}\0{stat.st_mtime_ns}\0{stat.st_size}\n".encode())
    return digest.hexdigest()[:16]


# What the problems page itself needs to notice the fix: asking whether anything changed,
# and the script that asks.
_STILL_ANSWERED = frozenset({"preview.version", "preview.live_script"})


def _load(app: Flask) -> None:
    """Build the content; if it is broken, keep what the checks say about it instead."""
    try:
        load_content(app)
        app.extensions["content_problems"] = None
    except BrokenContent as broken:
        app.extensions["content_problems"] = broken.lines()


def reload_if_changed():
    if request.endpoint in _STILL_ANSWERED:
        # The page that asks "has anything changed?" must not do the rebuilding itself
        # while a real page is being drawn; it only compares.
        return None
    app = current_app._get_current_object()
    with _lock:
        now = fingerprint(Path(app.config["CONTENT_DIR"]))
        if now != app.extensions.get("content_fingerprint"):
            _load(app)
            app.extensions["content_fingerprint"] = now
    problems = app.extensions.get("content_problems")
    if problems:
        return render_template("preview/problems.html", problems=problems), 500
    return None


def register_reloading(app: Flask) -> None:
    """Load the content now; the preview starts even if it is broken, and shows why."""
    app.extensions["content_fingerprint"] = fingerprint(Path(app.config["CONTENT_DIR"]))
    _load(app)
    app.before_request(reload_if_changed)
