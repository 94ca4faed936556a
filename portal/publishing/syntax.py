"""The markers content designers write in markdown, named once.

The renderer (`govspeak/`), the content checks (`lint.py`) and the content guide all
read these lists, so a marker cannot be known to one and unknown to another.
"""

# Block markers that wrap a paragraph or more, as govspeak writes them:
# `$E ... $E`. The value is the kind of block, used in class names and labels.
DOLLAR_BLOCKS = {
    "$E": "example",
    "$C": "contact",
    "$A": "address",
    "$CTA": "call-to-action",
    "$!": "summary",
}

# Callouts that wrap one paragraph: `^text^` and `%text%`.
CALLOUTS = {
    "^": "information",
    "%": "warning",
}

# `:wales: ... :wales:`: content that applies in one nation only.
NATIONS = ("england", "northern-ireland", "scotland", "wales")

# Ours, not govspeak: `:phone: ... :phone:` is shown only to people whose declared needs
# match (see portal.needs.personalise.block_shown). Each marker names the Needs field or
# the contact channel (portal.needs.model.CHANNELS) it depends on.
NEEDS_BLOCKS = {
    "easy-read": "easy_read",
    "bsl": "bsl",
    "someone-helps": "someone_helps",
    "slow-connection": "lite",
    "online": "online",
    "phone": "phone",
    "relay-uk": "relay_uk",
    "bsl-video": "bsl_video",
    "email": "email",
    "text-message": "text_message",
    "post": "post",
    "in-person": "in_person",
}

# Buttons: `{button}[Start now](/apply){/button}`; `{button start}` adds the start arrow.
# The value says whether it is a start button.
BUTTONS = {
    "{button}": False,
    "{button start}": True,
}
BUTTON_END = "{/button}"

# Every block marker as an author writes it, for the content checks to tell a known
# marker from a typing mistake. Callouts and buttons are listed apart: their markers are
# single characters or inline, so they cannot be spotted by the same pattern.
BLOCK_MARKERS = frozenset(
    {
        *DOLLAR_BLOCKS,
        *(f":{nation}:" for nation in NATIONS),
        *(f":{marker}:" for marker in NEEDS_BLOCKS),
    }
)
ALL_MARKERS = BLOCK_MARKERS | frozenset({*CALLOUTS, *BUTTONS, BUTTON_END})
