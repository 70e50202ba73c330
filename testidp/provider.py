"""The provider's state, its discovery document and the token endpoint."""

import base64
import hashlib
import secrets
import threading
import time
from urllib.parse import unquote, urlsplit

from .claims import LOA2, LOA3, Claims
from .ftn import CLIENT_ALGORITHMS, ENCRYPTION, FtnProfile
from .keys import Keys

CODE_LIFETIME = 60


class Provider(Keys, Claims, FtnProfile):
    """One identity provider: clients, keys, codes, tokens and sessions."""

    def __init__(self, issuer, clients, hetu_claim="hetu"):
        self.issuer = issuer.rstrip("/")
        self.clients = clients
        self.hetu_claim = hetu_claim
        self.rotate_keys()
        self.codes = {}
        self.tokens = {}
        self.lock = threading.Lock()
        # Failure switches for tests: {"token": 503, "jwks": 500, ...}
        self.failures = {}
        # Slowness switches for tests: {"token": 3.0} seconds before answering.
        self.delays = {}
        # The broker's own login sessions: cookie value -> who and when.
        self.sessions = {}
        # FTN profile: client id -> the client's public KeySet (sig + enc).
        self.ftn_clients = {}
        self.seen_assertions = set()

    def discovery(self):
        return {
            "issuer": self.issuer,
            "authorization_endpoint": f"{self.issuer}/authorize",
            "token_endpoint": f"{self.issuer}/token",
            "userinfo_endpoint": f"{self.issuer}/userinfo",
            "jwks_uri": f"{self.issuer}/jwks",
            "end_session_endpoint": f"{self.issuer}/logout",
            "response_types_supported": ["code"],
            "subject_types_supported": ["public"],
            "id_token_signing_alg_values_supported": ["RS256"],
            "token_endpoint_auth_methods_supported": [
                "client_secret_basic",
                "client_secret_post",
                "private_key_jwt",
            ],
            "token_endpoint_auth_signing_alg_values_supported": CLIENT_ALGORITHMS,
            "request_parameter_supported": True,
            "request_object_signing_alg_values_supported": CLIENT_ALGORITHMS,
            "id_token_encryption_alg_values_supported": [ENCRYPTION["alg"]],
            "id_token_encryption_enc_values_supported": [ENCRYPTION["enc"]],
            "prompt_values_supported": ["login", "none"],
            "code_challenge_methods_supported": ["S256"],
            "acr_values_supported": [LOA2, LOA3],
            "claims_supported": [
                "sub",
                "acr",
                "auth_time",
                "nonce",
                self.hetu_claim,
                "birthdate",
            ],
            "scopes_supported": ["openid", "profile"],
        }

    @staticmethod
    def loopback(uri):
        parts = urlsplit(uri)
        return parts.scheme in {"http", "https"} and parts.hostname in {
            "127.0.0.1",
            "localhost",
            "::1",
        }

    def check_client(self, client_id, redirect_uri):
        return client_id in self.clients and self.loopback(redirect_uri)

    def issue_code(self, request):
        code = secrets.token_urlsafe(24)
        with self.lock:
            self.codes[code] = {**request, "expires": time.time() + CODE_LIFETIME}
        return code

    def authenticate_client(self, form, headers):
        """The client id, from a secret or (FTN) a private_key_jwt; or None."""
        asserted = self.assertion_client(form)
        if asserted:
            return asserted
        client_id, secret = form.get("client_id"), form.get("client_secret")
        auth = headers.get("HTTP_AUTHORIZATION", "")
        if auth.startswith("Basic "):
            raw = base64.b64decode(auth[6:]).decode()
            client_id, _, secret = raw.partition(":")
            client_id, secret = unquote(client_id), unquote(secret)
        if client_id in self.ftn_clients:
            return None  # FTN: a secret is not enough
        if not client_id or self.clients.get(client_id) != secret:
            return None
        return client_id

    def redeem(self, form, headers):
        """The token endpoint: (status, body)."""
        client_id = self.authenticate_client(form, headers)
        if client_id is None:
            return 401, {"error": "invalid_client"}
        if form.get("grant_type") != "authorization_code":
            return 400, {"error": "unsupported_grant_type"}
        with self.lock:
            grant = self.codes.pop(form.get("code", ""), None)
        if grant is None or grant["expires"] < time.time():
            return 400, {"error": "invalid_grant"}
        if grant["client_id"] != client_id or grant["redirect_uri"] != form.get(
            "redirect_uri"
        ):
            return 400, {"error": "invalid_grant"}
        challenge = grant.get("code_challenge")
        if challenge:
            verifier = form.get("code_verifier", "")
            digest = hashlib.sha256(verifier.encode()).digest()
            expected = base64.urlsafe_b64encode(digest).rstrip(b"=").decode()
            if expected != challenge:
                return 400, {"error": "invalid_grant", "error_description": "PKCE"}
        if grant.get("broken") == "error":
            return 500, {"error": "server_error"}
        claims = self.claims_for(grant)
        access = secrets.token_urlsafe(24)
        with self.lock:
            self.tokens[access] = claims
        id_token = self.sign(claims, grant.get("broken", ""))
        if client_id in self.ftn_clients:
            id_token = self.encrypt(id_token, client_id, grant.get("broken", ""))
        return 200, {
            "access_token": access,
            "token_type": "Bearer",
            "expires_in": 300,
            "id_token": id_token,
        }
