"""The local test identity provider: a real OpenID Connect provider on loopback.

Hand-written on purpose. Libraries that implement OIDC providers (allauth's
idp, oidc-provider) exist to issue *correct* tokens; this one must also issue
broken ones on request (expired, wrong audience, wrong issuer, wrong nonce,
wrong acr, bad signature) so that the portal's defences can be tested through
the real protocol. The JOSE work itself is joserfc's.

It speaks: discovery, JWKS, the authorization endpoint (a login page where the
tester types any personal identity code, like Suomi.fi's test service), the
token endpoint (authorization code + PKCE S256, single-use codes, client secret
basic or post), userinfo and end-session. Like a real broker it keeps its own
login session (a cookie): without `prompt=login` (or a short enough `max_age`)
the next authorization is answered from it without the login form; the ID
token's `auth_time` tells when the person really logged in. End-session ends it.

The FTN profile (switched on per client with its public JWKS, at start from
TESTIDP_FTN_CLIENTS or later through /_control): authorization only with a
signed request object (JAR, RFC 9101), client authentication only by
`private_key_jwt` (RFC 7523), and ID tokens encrypted to the client's key
(RSA-OAEP-256 + A256GCM) with `iss` and `aud` replicated in the JWE protected
header, as certified brokers do (RFC 7519 §5.3). State is in memory: one process.

Modules: `keys`, `claims`, `ftn` and `provider` (the Provider), `authorize`
(/authorize) and this one (the WSGI routes).

Never installed by the portal's settings; production refuses a loopback issuer.
"""

import json
import os
import re
import time
from urllib.parse import parse_qs

from .authorize import SESSION_COOKIE, Authorization
from .provider import Provider


class Application(Authorization):
    """A small WSGI application around a Provider."""

    def __init__(self, provider):
        self.provider = provider

    def __call__(self, environ, start_response):
        path = environ.get("PATH_INFO", "/")
        method = environ["REQUEST_METHOD"]
        query = {k: v[0] for k, v in parse_qs(environ.get("QUERY_STRING", "")).items()}
        form = {}
        if method == "POST":
            length = int(environ.get("CONTENT_LENGTH") or 0)
            body = environ["wsgi.input"].read(length).decode()
            form = {k: v[0] for k, v in parse_qs(body).items()}
        endpoint = re.sub(r"[^a-z0-9]", "_", path.strip("/").lower()) or "index"
        if endpoint != "_control" and endpoint in self.provider.delays:
            time.sleep(self.provider.delays[endpoint])
        failure = self.provider.failures.get(endpoint)
        if failure and endpoint != "_control":
            return self.respond(start_response, failure, {"error": "unavailable"})
        handler = getattr(self, f"do_{endpoint}", None)
        if handler is None:
            return self.respond(start_response, 404, {"error": "not_found"})
        return handler(start_response, method, query, form, environ)

    # --- responses -------------------------------------------------------

    @staticmethod
    def respond(start_response, status, body, content_type="application/json"):
        reasons = {200: "OK", 400: "Bad Request", 401: "Unauthorized"}
        reasons.update({404: "Not Found", 500: "Server Error", 503: "Unavailable"})
        payload = body if isinstance(body, bytes) else json.dumps(body).encode()
        start_response(
            f"{status} {reasons.get(status, 'Status')}",
            [
                ("Content-Type", content_type),
                ("Content-Length", str(len(payload))),
                ("Cache-Control", "no-store"),
            ],
        )
        return [payload]

    @staticmethod
    def redirect(start_response, location):
        start_response("302 Found", [("Location", location), ("Content-Length", "0")])
        return [b""]

    # --- endpoints -------------------------------------------------------

    def do_index(self, start_response, *args):
        return self.respond(start_response, 200, self.provider.discovery())

    def do__well_known_openid_configuration(self, start_response, *args):
        return self.respond(start_response, 200, self.provider.discovery())

    def do_jwks(self, start_response, *args):
        return self.respond(start_response, 200, self.provider.jwks())

    def do_token(self, start_response, method, query, form, environ):
        if method != "POST":
            return self.respond(start_response, 400, {"error": "invalid_request"})
        status, body = self.provider.redeem(form, environ)
        return self.respond(start_response, status, body)

    def do_userinfo(self, start_response, method, query, form, environ):
        auth = environ.get("HTTP_AUTHORIZATION", "")
        claims = self.provider.tokens.get(auth.removeprefix("Bearer ").strip())
        if claims is None:
            return self.respond(start_response, 401, {"error": "invalid_token"})
        info = {k: v for k, v in claims.items() if k not in {"aud", "iat", "exp"}}
        return self.respond(start_response, 200, info)

    def do_logout(self, start_response, method, query, form, environ):
        """RP-initiated logout: ends this browser's session at the broker."""
        session_id = self.session_cookie(environ)
        with self.provider.lock:
            self.provider.sessions.pop(session_id, None)
        expired = f"{SESSION_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax"
        target = query.get("post_logout_redirect_uri", "")
        if target and self.provider.loopback(target):
            start_response(
                "302 Found",
                [
                    ("Location", target),
                    ("Content-Length", "0"),
                    ("Set-Cookie", expired),
                ],
            )
            return [b""]
        payload = b'{"logged_out": true}'
        start_response(
            "200 OK",
            [
                ("Content-Type", "application/json"),
                ("Content-Length", str(len(payload))),
                ("Set-Cookie", expired),
            ],
        )
        return [payload]

    def do__control(self, start_response, method, query, form, environ):
        """Tests make endpoints fail or slow: POST endpoint=token&status=503, or
        endpoint=token&delay=3 (seconds); endpoint=token alone heals it.
        rotate=1 replaces the signing key (new kid), as a broker rotating.
        ftn_client=<id>&jwks=<public JWKS> switches the FTN profile on for a
        client; ftn_client=<id> alone switches it off."""
        if method == "POST":
            endpoint = form.get("endpoint", "")
            if form.get("ftn_client"):
                self.provider.set_ftn(form["ftn_client"], form.get("jwks"))
            elif form.get("status"):
                self.provider.failures[endpoint] = int(form["status"])
            elif form.get("rotate"):
                self.provider.rotate_keys()
            elif form.get("delay"):
                self.provider.delays[endpoint] = float(form["delay"])
            else:
                self.provider.failures.pop(endpoint, None)
                self.provider.delays.pop(endpoint, None)
        state = {
            "failures": self.provider.failures,
            "delays": self.provider.delays,
            "sessions": len(self.provider.sessions),
            "ftn_clients": sorted(self.provider.ftn_clients),
        }
        return self.respond(start_response, 200, state)


def make_app(issuer):
    clients = json.loads(
        os.environ.get("TESTIDP_CLIENTS", '{"polku-local": "polku-local-secret"}')
    )
    provider = Provider(
        issuer, clients, hetu_claim=os.environ.get("TESTIDP_HETU_CLAIM", "hetu")
    )
    # {"client id": {"keys": [public sig key, public enc key]}}: FTN profile.
    for client_id, jwks in json.loads(
        os.environ.get("TESTIDP_FTN_CLIENTS", "{}")
    ).items():
        provider.set_ftn(client_id, jwks)
    return Application(provider)
