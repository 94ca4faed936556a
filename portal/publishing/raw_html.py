"""HTML and script links typed into markdown: the portal never runs them, so citizens
would see the tags, or the link, as text. The content check says where they are."""

import re

from portal.publishing.sources import GUIDE, Finding, Source, inline_line, inline_tokens

# An opening HTML tag, as a designer might paste one: `<b>`, `<script src=...>`, `<br/>`
# (its closing tag is the same mistake, said once).
_HTML_TAG = re.compile(r"<([A-Za-z][A-Za-z0-9-]*)(\s[^<>]*)?/?>")
# A markdown link whose address would run a script: markdown-it refuses to make it a link.
_SCRIPT_LINK = re.compile(r"\]\(\s*(javascript|vbscript|data):", re.IGNORECASE)


def check_raw_html(source: Source) -> list[Finding]:
    """HTML and script links in the markdown. The portal never runs them: citizens would
    see the tags, or the link, as text. Say so now rather than on the published page."""
    findings = []
    for inline, _heading in inline_tokens(source):
        for index, child in enumerate(inline.children or []):
            if child.type != "text":
                continue
            line = source.body_line(inline_line(inline, index))
            if _SCRIPT_LINK.search(child.content):
                findings.append(
                    source.finding(
                        line,
                        "error",
                        "script-link",
                        "a link that would run a script is shown as text, not a link",
                        "link to a page address (https://... or /services/...) instead",
                    )
                )
            for tag in _HTML_TAG.finditer(child.content):
                findings.append(
                    source.finding(
                        line,
                        "error",
                        "raw-html",
                        f"the HTML {tag.group(0)[:40]!r} is shown as text on the page",
                        f"use markdown instead of HTML ({GUIDE} lists what you can use); "
                        "to show the characters < and > as they are, put them in `backticks`",
                    )
                )
    return findings
