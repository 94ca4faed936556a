"""References and codes people read aloud or type in: submission references, call-back
references and return codes share one alphabet."""

import secrets

import base32_crockford


def new_code(length: int) -> str:
    """Random Crockford base32: no I, L, O or U, so it reads aloud without confusion."""
    value = base32_crockford.encode(secrets.randbits(5 * length)).rjust(length, "0")
    return "-".join(value[i : i + 4] for i in range(0, length, 4))
