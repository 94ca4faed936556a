"""What anyone holding a session cookie can read, without the key: Flask signs the cookie
but does not encrypt it (itsdangerous: base64 of JSON, zlib-compressed when it begins "."."""

import base64
import json
import zlib


def readable_session(client) -> str:
    """The session cookie's payload as text, decoded as an attacker would."""
    value = client.get_cookie("session").value
    compressed = value.startswith(".")
    payload = value.lstrip(".").split(".")[0]
    raw = base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4))
    return json.dumps(json.loads(zlib.decompress(raw) if compressed else raw))
