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
from joserfc.errors import JoseError
from joserfc.jwk import import_key
from joserfc.registry import HeaderParameter, is_int, is_str

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


def _str_or_list(value):
    if isinstance(value, list):
        for item in value:
            is_str(item)
    else:
        is_str(value)


# RFC 7519 §5.3: a provider may replicate claims of the encrypted JWT in the
# JWE protected header, and certified brokers replicate `iss` and `aud`.
# joserfc refuses header parameters it does not know, so we register the
# registered claims (RFC 7519 §4.1) and require each one present to equal the
# same claim inside the token (checked in StrongIdAdapter.verify_id_token).
REPLICATED_CLAIMS = {
    "iss": HeaderParameter("Issuer (RFC 7519 §5.3)", is_str),
    "sub": HeaderParameter("Subject (RFC 7519 §5.3)", is_str),
    "aud": HeaderParameter("Audience (RFC 7519 §5.3)", _str_or_list),
    "exp": HeaderParameter("Expiration time (RFC 7519 §5.3)", is_int),
    "nbf": HeaderParameter("Not before (RFC 7519 §5.3)", is_int),
    "iat": HeaderParameter("Issued at (RFC 7519 §5.3)", is_int),
    "jti": HeaderParameter("JWT ID (RFC 7519 §5.3)", is_str),
}


class EncryptionError(ValueError):
    """The ID token is not encrypted as required, or its JWE header is wrong.

    `reason` is the code operators see in the audit log (docs/auth.md).
    """

    def __init__(self, reason, message):
        super().__init__(message)
        self.reason = reason


def _audience_names(value):
    return value if isinstance(value, list) else [value]


def decrypt_id_token(token, issuer=None, client_id=None):
    """(signed ID token, replicated claims) of an encrypted ID token.

    Without a decryption key the token is returned as it is, with no
    replicated claims. With one, an unencrypted ID token is refused: a
    downgrade would defeat the point of encryption. Replicated `iss` and
    `aud` must name the expected issuer and our client id.
    """
    if not settings.STRONGID_ID_TOKEN_DECRYPTION_KEY:
        return token, {}
    if token.count(".") != 4:
        raise EncryptionError("not_encrypted", "the ID token must be encrypted")
    key = _key("STRONGID_ID_TOKEN_DECRYPTION_KEY")
    # Pinned like the signing algorithms: joserfc's default list leaves out
    # RSA-OAEP-256, which FTN brokers use, and would accept others we don't.
    registry = jwe.JWERegistry(
        header_registry=REPLICATED_CLAIMS,
        algorithms=settings.STRONGID_ID_TOKEN_ENCRYPTION_ALGORITHMS,
    )
    try:
        opened = jwe.decrypt_compact(token, key, registry=registry)
    except JoseError as exc:
        reason = "jwe_header" if "header" in exc.error else "decrypt"
        raise EncryptionError(reason, type(exc).__name__) from exc
    header = opened.protected
    replicated = {name: header[name] for name in REPLICATED_CLAIMS if name in header}
    if issuer is not None and "iss" in replicated and replicated["iss"] != issuer:
        raise EncryptionError("jwe_header", "the JWE header names another issuer")
    if (
        client_id is not None
        and "aud" in replicated
        and client_id not in _audience_names(replicated["aud"])
    ):
        raise EncryptionError("jwe_header", "the JWE header names another audience")
    return opened.plaintext.decode(), replicated
