"""Signing keys, the published JWKS and the signing of ID tokens.

A rotation makes a new key with a new kid; the JWKS publishes only it. The
"rogue" key shares the kid but no published key verifies it (`bad_signature`).
"""

import secrets

from joserfc import jwt
from joserfc.jwk import KeySet, OctKey, RSAKey


class Keys:
    """The provider's keys (a mixin of `Provider`; HS256 signs with its `clients`)."""

    def rotate_keys(self):
        """A new signing key with a new kid; the JWKS publishes only it."""
        self.key = RSAKey.generate_key(
            2048, parameters={"kid": secrets.token_hex(8), "use": "sig", "alg": "RS256"}
        )
        # Same kid, different key: a token no published key can verify.
        self.rogue_key = RSAKey.generate_key(
            2048, parameters={"kid": self.key.kid, "use": "sig", "alg": "RS256"}
        )

    def jwks(self):
        return KeySet([self.key]).as_dict(private=False)

    def sign(self, claims, broken=""):
        if broken == "hs256":
            # Legal OIDC for clients with a secret, so a portal that does not
            # pin its algorithms would accept it.
            secret = OctKey.import_key(self.clients[claims["aud"]].encode())
            return jwt.encode({"alg": "HS256", "typ": "JWT"}, claims, secret)
        key = self.rogue_key if broken == "bad_signature" else self.key
        return jwt.encode({"alg": "RS256", "kid": key.kid, "typ": "JWT"}, claims, key)
