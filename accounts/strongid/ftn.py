"""The Finnish Trust Network profile's crypto, switchable in settings.

Since 31 August 2025 the FTN profile asks for signed request objects (JAR,
RFC 9101), `private_key_jwt` client authentication (RFC 7523) and encrypted
ID tokens. Each is off until its setting and key are given; joserfc does the
JOSE work.
"""

import json
import secrets
import time
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from joserfc import jwe, jwt
from joserfc.jwk import import_key

ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"


def _key(setting):
    raw = getattr(settings, setting, "")
    if not raw:
        raise ImproperlyConfigured(f"{setting} is needed by the FTN profile")
    return import_key(json.loads(raw) if isinstance(raw, str) else raw)


def _signed(claims, key):
    header = {"alg": settings.STRONGID_CLIENT_SIGNING_ALG, "kid": key.kid}
    return jwt.encode(header, claims, key)


def request_object_url(url, client_id, audience):
    """Move the authorization parameters into a signed request object."""
    parts = urlsplit(url)
    params = dict(parse_qsl(parts.query))
    now = int(time.time())
    claims = {
        **params,
        "iss": client_id,
        "aud": audience,
        "iat": now,
        "exp": now + 300,
        "jti": secrets.token_urlsafe(16),
    }
    query = {
        "client_id": client_id,
        "response_type": params.get("response_type", "code"),
        "scope": params.get("scope", "openid"),
        "request": _signed(claims, _key("STRONGID_CLIENT_SIGNING_KEY")),
    }
    return urlunsplit(parts._replace(query=urlencode(query)))


def client_assertion(client_id, token_endpoint):
    """The `private_key_jwt` form fields for the token request."""
    now = int(time.time())
    claims = {
        "iss": client_id,
        "sub": client_id,
        "aud": token_endpoint,
        "iat": now,
        "exp": now + 120,
        "jti": secrets.token_urlsafe(16),
    }
    return {
        "client_id": client_id,
        "client_assertion_type": ASSERTION_TYPE,
        "client_assertion": _signed(claims, _key("STRONGID_CLIENT_SIGNING_KEY")),
    }


def decrypt_id_token(token):
    """The signed ID token inside an encrypted one (or the token as it is).

    When a decryption key is configured, an unencrypted ID token is refused:
    a downgrade would defeat the point of encryption.
    """
    if not settings.STRONGID_ID_TOKEN_DECRYPTION_KEY:
        return token
    if token.count(".") != 4:
        raise ValueError("the ID token must be encrypted")
    key = _key("STRONGID_ID_TOKEN_DECRYPTION_KEY")
    # Pinned like the signing algorithms: joserfc's default list leaves out
    # RSA-OAEP-256, which FTN brokers use, and would accept others we don't.
    algorithms = settings.STRONGID_ID_TOKEN_ENCRYPTION_ALGORITHMS
    return jwe.decrypt_compact(token, key, algorithms=algorithms).plaintext.decode()
