"""The FTN profile: signed request objects, private_key_jwt, encrypted ID tokens.

Switched on per client with its public JWKS (TESTIDP_FTN_CLIENTS at start, or
/_control later): authorization only with a signed request object (JAR, RFC
9101), client authentication only by `private_key_jwt` (RFC 7523), and ID tokens
encrypted to the client's key with `iss` and `aud` replicated in the JWE
protected header (RFC 7519 §5.3).
"""

import base64
import json
import time

from joserfc import jwe, jwt
from joserfc.errors import JoseError
from joserfc.jwk import KeySet
from joserfc.registry import HeaderParameter, is_str

ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
CLIENT_ALGORITHMS = ["RS256", "PS256", "ES256"]
# RFC 7519 §5.3 claims replicated in the JWE header (joserfc must be told).
REPLICATED = {
    "iss": HeaderParameter("Issuer", is_str),
    "aud": HeaderParameter("Audience", is_str),
}
ENCRYPTION = {"alg": "RSA-OAEP-256", "enc": "A256GCM"}


class Refused(Exception):
    """A request the FTN profile does not accept (an OAuth error code)."""

    def __init__(self, error, description):
        super().__init__(description)
        self.error = error
        self.description = description


class FtnProfile:
    """FTN clients and their checks (a mixin of `Provider`)."""

    def set_ftn(self, client_id, jwks):
        """Switch the FTN profile on for a client (its public JWKS), or off."""
        with self.lock:
            if not jwks:
                self.ftn_clients.pop(client_id, None)
                return
            jwks = json.loads(jwks) if isinstance(jwks, str) else jwks
            self.ftn_clients[client_id] = KeySet.import_key_set(jwks)

    def client_key(self, client_id, use):
        """The client's public key for `use` ("sig" or "enc")."""
        for key in self.ftn_clients[client_id].keys:
            if key.get("use", use) == use:
                return key
        raise Refused("invalid_client", f"no {use} key registered")

    def client_jwt(self, token, client_id, audiences):
        """Claims of a JWT the client signed (request object, assertion)."""
        try:
            decoded = jwt.decode(
                token, self.client_key(client_id, "sig"), algorithms=CLIENT_ALGORITHMS
            )
        except (JoseError, ValueError) as exc:
            raise Refused("invalid_request_object", "bad signature") from exc
        claims = decoded.claims
        aud = claims.get("aud")
        aud = aud if isinstance(aud, list) else [aud]
        if claims.get("iss") != client_id or not set(aud) & set(audiences):
            raise Refused("invalid_request_object", "wrong iss or aud")
        if not isinstance(claims.get("exp"), int) or claims["exp"] < time.time():
            raise Refused("invalid_request_object", "expired")
        return claims

    def request_object(self, params):
        """FTN: the authorization parameters, only from a signed object."""
        client_id = params.get("client_id", "")
        if "request" not in params:
            raise Refused("invalid_request", "a signed request object is required")
        claims = self.client_jwt(params["request"], client_id, [self.issuer])
        if claims.get("client_id", client_id) != client_id:
            raise Refused("invalid_request_object", "client_id differs")
        return {k: str(v) for k, v in claims.items() if isinstance(v, str | int)}

    def assertion_client(self, form):
        """FTN: the client authenticated by private_key_jwt, or None."""
        if form.get("client_assertion_type") != ASSERTION_TYPE:
            return None
        token = form.get("client_assertion", "")
        try:
            unverified = json.loads(_b64(token.split(".")[1]))
        except (IndexError, ValueError):
            return None
        client_id = unverified.get("iss", "")
        if client_id not in self.ftn_clients:
            return None
        try:
            claims = self.client_jwt(
                token, client_id, [f"{self.issuer}/token", self.issuer]
            )
        except Refused:
            return None
        if claims.get("sub") != client_id or claims.get("jti") in self.seen_assertions:
            return None
        with self.lock:
            self.seen_assertions.add(claims.get("jti"))
        return client_id

    def encrypt(self, signed, client_id, broken=""):
        """The signed ID token, encrypted to the client as FTN brokers do."""
        key = self.client_key(client_id, "enc")
        header = {**ENCRYPTION, "kid": key.kid, "cty": "JWT"}
        header["iss"] = (
            "https://evil.example" if broken == "jwe_wrong_iss" else (self.issuer)
        )
        header["aud"] = "someone-else" if broken == "jwe_wrong_aud" else client_id
        registry = jwe.JWERegistry(
            header_registry=REPLICATED, algorithms=list(ENCRYPTION.values())
        )
        return jwe.encrypt_compact(header, signed, key, registry=registry)


def _b64(part):
    return base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))
