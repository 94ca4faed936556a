"""Footnotes with translated labels, and table row headers."""

import re
from collections.abc import Sequence

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token
from mdit_py_plugins.footnote import footnote_plugin

from portal.publishing.govspeak.labels import label
from portal.publishing.govspeak.markers import Renderer

# --- 6. footnotes --------------------------------------------------------------------------


def footnotes_plugin(md: MarkdownIt) -> None:
    """`[^1]` and `[^1]: text`: mdit_py_plugins' footnotes, drawn the GOV.UK way.

    The list gets a visible heading, and each reference and back link gets a translated
    accessible name instead of a bare "[1]" or "↩". Ids use a colon (`fn:1`, `fnref:1`)
    because the heading slugs cannot contain one, so they can never collide. Inline
    footnotes (`^[text]`) are off: govspeak has none, and `^` opens an information callout.
    """
    md.use(footnote_plugin, inline=False)

    def number(token: Token) -> int:
        return int(token.meta["id"]) + 1

    def reference_id(token: Token) -> str:
        sub = token.meta.get("subId", 0)
        return f"fnref:{number(token)}" + (f":{sub}" if sub else "")

    def render_ref(self: Renderer, tokens: Sequence[Token], idx: int, options, env) -> str:
        token = tokens[idx]
        n = number(token)
        return (
            f'<sup class="app-footnote-ref"><a href="#fn:{n}" id="{reference_id(token)}" '
            f'class="govuk-link"><span aria-hidden="true">[{n}]</span>'
            f'<span class="govuk-visually-hidden">{label(env, "footnote_reference", n=n)}'
            "</span></a></sup>"
        )

    def render_block_open(self: Renderer, tokens: Sequence[Token], idx: int, options, env) -> str:
        return (
            '<div class="app-footnotes">\n'
            f'<h2 class="govuk-heading-m">{label(env, "footnotes")}</h2>\n'
            '<ol class="govuk-list govuk-list--number app-footnotes__list">\n'
        )

    def render_open(self: Renderer, tokens: Sequence[Token], idx: int, options, env) -> str:
        return f'<li id="fn:{number(tokens[idx])}">'

    def render_anchor(self: Renderer, tokens: Sequence[Token], idx: int, options, env) -> str:
        token = tokens[idx]
        sub = token.meta.get("subId", 0)
        # A note cited twice has two back links: "Back to reference 1 (2)" tells them apart.
        n = f"{number(token)} ({sub + 1})" if sub else str(number(token))
        return (
            f' <a href="#{reference_id(token)}" class="govuk-link app-footnotes__back">'
            '<span aria-hidden="true">↩</span>'
            f'<span class="govuk-visually-hidden">{label(env, "back_to_reference", n=n)}</span>'
            "</a>"
        )

    md.add_render_rule("footnote_ref", render_ref)
    md.add_render_rule("footnote_block_open", render_block_open)
    md.add_render_rule("footnote_block_close", lambda *_args: "</ol>\n</div>\n")
    md.add_render_rule("footnote_open", render_open)
    md.add_render_rule("footnote_close", lambda *_args: "</li>\n")
    md.add_render_rule("footnote_anchor", render_anchor)


# --- 9. table row headers ------------------------------------------------------------------

ROW_HEADER = re.compile(r"#\s+")


def row_headers(state: StateCore) -> None:
    """Core rule: a body row whose first cell starts `# ` gets that cell as a row header."""
    in_body = False
    first_cell = False
    for idx, token in enumerate(state.tokens):
        if token.type in ("tbody_open", "tbody_close"):
            in_body = token.nesting == 1
        elif token.type == "tr_open":
            first_cell = True
        elif token.type == "td_open":
            inline = state.tokens[idx + 1]
            match = ROW_HEADER.match(inline.content) if in_body and first_cell else None
            first_cell = False
            if match:
                inline.content = inline.content[match.end() :]
                close = state.tokens[idx + 2]
                token.type, token.tag = "th_open", "th"
                close.type, close.tag = "th_close", "th"
                token.attrSet("scope", "row")


def row_headers_plugin(md: MarkdownIt) -> None:
    """`| # Paper | Blue bin |`: govspeak's row headers, as `<th scope="row">`.

    Runs before inline parsing, while the cell is still its source text; a cell that must
    start with a real `#` can escape it (`\\# 1`).
    """
    md.core.ruler.before("inline", "govspeak_row_headers", row_headers)
