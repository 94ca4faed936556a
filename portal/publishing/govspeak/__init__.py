"""Govspeak's extensions to markdown, and our needs-aware blocks, as markdown-it-py plugins.

Content designers who have written for GOV.UK know govspeak (`^information^`, `$E`, `s1.`,
`{button}` and the rest), so our content uses the same marks. Each plugin below turns one
of them into GOV.UK Frontend markup. The marker strings live in `syntax.py`.

Three rules hold for every plugin:

- Raw HTML stays off. Authors' text only ever reaches the page through markdown-it's own
  escaping, and every class name comes from the fixed vocabulary in `syntax.py`, so nothing
  an author writes can add markup or attributes.
- Links (buttons and external links too) go through markdown-it's URL normalisation and
  validation, so `javascript:` and the like never become links.
- Every label a reader sees or hears ("Warning", "This applies in Wales") comes from the
  `labels` mapping in the render environment, so the page's language decides it.
"""

from portal.publishing.govspeak.blocks import (
    NEEDS_CLOSE,
    NEEDS_OPEN,
    callouts_plugin,
    dollar_blocks_plugin,
    nations_plugin,
    needs_blocks_plugin,
    needs_condition,
    steps_plugin,
)
from portal.publishing.govspeak.inline import (
    abbreviations_plugin,
    buttons_plugin,
    external_links_plugin,
)
from portal.publishing.govspeak.labels import ENGLISH_LABELS, LABELS_KEY, translated_labels
from portal.publishing.govspeak.notes_and_tables import footnotes_plugin, row_headers_plugin

__all__ = [
    "ENGLISH_LABELS",
    "LABELS_KEY",
    "NEEDS_CLOSE",
    "NEEDS_OPEN",
    "PLUGINS",
    "needs_condition",
    "translated_labels",
]

# The order matters: containers that hold other markdown first, then single lines, then
# inline marks, then what works on the finished token stream.
PLUGINS = (
    needs_blocks_plugin,
    nations_plugin,
    dollar_blocks_plugin,
    callouts_plugin,
    steps_plugin,
    buttons_plugin,
    external_links_plugin,
    abbreviations_plugin,
    footnotes_plugin,
    row_headers_plugin,
)
