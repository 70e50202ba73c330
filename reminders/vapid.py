"""The VAPID key pair that signs our web push requests (RFC 8292).

Production passes the private key (PEM or base64url raw) in the environment
(REMINDERS_VAPID_PRIVATE_KEY); development and tests generate one into
VAR_DIR on first use so that web, worker and browser agree on it.
"""

import base64
import os
import time
from functools import lru_cache
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from django.conf import settings
from py_vapid import Vapid02

from . import conf

KEY_FILE = "vapid_private.pem"


def _key_path():
    return Path(settings.VAR_DIR if hasattr(settings, "VAR_DIR") else "var") / KEY_FILE


def _generated_key():
    """Read the dev key, creating it exactly once even with racing processes."""
    path = _key_path()
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        vapid = Vapid02()
        vapid.generate_keys()
        pem = vapid.private_pem()
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass
        else:
            with os.fdopen(fd, "wb") as handle:
                handle.write(pem)
    for _ in range(50):  # another process may be writing it right now
        data = path.read_bytes()
        if data.strip().endswith(b"-----"):
            return data.decode()
        time.sleep(0.02)
    raise RuntimeError(f"unreadable VAPID key in {path}")


@lru_cache
def vapid():
    key = conf.get("REMINDERS_VAPID_PRIVATE_KEY") or _generated_key()
    if "-----BEGIN" in key:
        return Vapid02.from_pem(key.encode())
    return Vapid02.from_string(key)


def application_server_key():
    """The public key as the browser's PushManager wants it (base64url)."""
    raw = vapid().public_key.public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
    )
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


_headers_cache = {}


def headers_for(endpoint_origin):
    """VAPID Authorization headers for one push service origin.

    Signing a JWT per message costs CPU that a burst of 30,000 reminders
    feels; a token is valid for hours, so one per origin is reused for an
    hour (the claim itself says 12 h).
    """
    now = int(time.time())
    cached = _headers_cache.get(endpoint_origin)  # dict ops are thread-safe
    if cached and cached[0] > now + 11 * 3600:
        return dict(cached[1])
    exp = now + 12 * 3600
    signed = vapid().sign(
        {
            "aud": endpoint_origin,
            "exp": exp,
            "sub": conf.get("REMINDERS_VAPID_SUBJECT"),
        }
    )
    _headers_cache[endpoint_origin] = (exp, signed)
    return dict(signed)
