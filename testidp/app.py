"""The local test identity provider: a real OpenID Connect provider on loopback.

Hand-written on purpose. Libraries that implement OIDC providers (allauth's
idp, oidc-provider) exist to issue *correct* tokens; this one must also issue
broken ones on request (expired, wrong audience, wrong issuer, wrong nonce,
wrong acr, bad signature) so that the portal's defences can be tested through
the real protocol. The JOSE work itself is joserfc's.

It speaks: discovery, JWKS, the authorization endpoint (a login page where the
tester types any personal identity code, like Suomi.fi's test service), the
token endpoint (authorization code + PKCE S256, single-use codes, client secret
basic or post), userinfo and end-session. State is in memory: one process.

Never installed by the portal's settings; production refuses a loopback issuer.
"""

import base64
import datetime
import hashlib
import html
import json
import os
import re
import secrets
import threading
import time
from html import escape
from urllib.parse import parse_qs, unquote, urlencode, urlsplit

from joserfc import jwt
from joserfc.jwk import KeySet, OctKey, RSAKey
from stdnum.fi import hetu as hetu_codes

LOA2 = "http://ftn.ficora.fi/2017/loa2"
LOA3 = "http://ftn.ficora.fi/2017/loa3"
BROKEN_CHOICES = {
    "": "Valid token",
    "expired": "Expired ID token",
    "wrong_aud": "Wrong audience (aud)",
    "wrong_iss": "Wrong issuer (iss)",
    "wrong_nonce": "Wrong nonce",
    "no_nonce": "Missing nonce",
    "wrong_acr": "Wrong acr (test assurance)",
    "no_acr": "No acr claim",
    "no_hetu": "No personal identity code claim",
    "birthdate_mismatch": "birthdate disagrees with the code",
    "bad_signature": "Signed with an unknown key",
    "hs256": "Signed with HS256 and the client secret (algorithm not pinned)",
    "error": "Error response at the token endpoint",
}
CODE_LIFETIME = 60


class Provider:
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

    def rotate_keys(self):
        """A new signing key with a new kid; the JWKS publishes only it."""
        self.key = RSAKey.generate_key(
            2048, parameters={"kid": secrets.token_hex(8), "use": "sig", "alg": "RS256"}
        )
        # Same kid, different key: a token no published key can verify.
        self.rogue_key = RSAKey.generate_key(
            2048, parameters={"kid": self.key.kid, "use": "sig", "alg": "RS256"}
        )

    # --- helpers ---------------------------------------------------------

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
            ],
            "code_challenge_methods_supported": ["S256"],
            "acr_values_supported": [LOA2, LOA3],
            "claims_supported": ["sub", "acr", "nonce", self.hetu_claim, "birthdate"],
            "scopes_supported": ["openid", "profile"],
        }

    def jwks(self):
        return KeySet([self.key]).as_dict(private=False)

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

    def claims_for(self, grant):
        now = int(time.time())
        code = grant["hetu"]
        broken = grant.get("broken", "")
        claims = {
            "iss": self.issuer,
            "sub": hashlib.sha256(f"testidp:{code}".encode()).hexdigest()[:32],
            "aud": grant["client_id"],
            "iat": now,
            "exp": now + 300,
            "auth_time": now,
            "acr": grant.get("acr") or LOA2,
            "name": "Testi Nuori",
            "given_name": "Testi",
            "family_name": "Nuori",
        }
        if grant.get("nonce"):
            claims["nonce"] = grant["nonce"]
        if code:
            claims[self.hetu_claim] = code
            try:
                birth = hetu_codes.compact(code)
                if hetu_codes.is_valid(code, allow_temporary=True):
                    claims["birthdate"] = _birthdate(birth).isoformat()
            except Exception:  # noqa: BLE001 - invalid codes are a test case too
                pass
        if broken == "expired":
            claims["iat"], claims["exp"] = now - 3600, now - 1800
        elif broken == "wrong_aud":
            claims["aud"] = "someone-else"
        elif broken == "wrong_iss":
            claims["iss"] = "https://evil.example"
        elif broken == "wrong_nonce":
            claims["nonce"] = secrets.token_urlsafe(16)
        elif broken == "no_nonce":
            claims.pop("nonce", None)
        elif broken == "wrong_acr":
            claims["acr"] = "urn:oid:1.2.246.517.3002.110.999"
        elif broken == "no_acr":
            claims.pop("acr", None)
        elif broken == "no_hetu":
            claims.pop(self.hetu_claim, None)
        elif broken == "birthdate_mismatch" and "birthdate" in claims:
            claims["birthdate"] = "1990-01-01"
        return claims

    def sign(self, claims, broken=""):
        if broken == "hs256":
            # Legal OIDC for clients with a secret, so a portal that does not
            # pin its algorithms would accept it.
            secret = OctKey.import_key(self.clients[claims["aud"]].encode())
            return jwt.encode({"alg": "HS256", "typ": "JWT"}, claims, secret)
        key = self.rogue_key if broken == "bad_signature" else self.key
        return jwt.encode({"alg": "RS256", "kid": key.kid, "typ": "JWT"}, claims, key)

    def redeem(self, form, headers):
        """The token endpoint: (status, body)."""
        client_id, secret = form.get("client_id"), form.get("client_secret")
        auth = headers.get("HTTP_AUTHORIZATION", "")
        if auth.startswith("Basic "):
            raw = base64.b64decode(auth[6:]).decode()
            client_id, _, secret = raw.partition(":")
            client_id, secret = unquote(client_id), unquote(secret)
        if not client_id or self.clients.get(client_id) != secret:
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
        return 200, {
            "access_token": access,
            "token_type": "Bearer",
            "expires_in": 300,
            "id_token": self.sign(claims, grant.get("broken", "")),
        }


def _birthdate(compact):
    century = {"+": 1800, "-": 1900, "A": 2000}
    sign = compact[6]
    base = century.get(sign, 1900 if sign in "YXWVU" else 2000)
    return datetime.date(base + int(compact[4:6]), int(compact[2:4]), int(compact[0:2]))


LOGIN_PAGE = """<!doctype html>
<html lang="fi"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Testitunnistus – Polku (paikallinen)</title>
<style>
body{{font-family:system-ui,sans-serif;max-width:32rem;margin:1rem auto;padding:0 1rem;
line-height:1.5;color:#1b1f23}}
label{{display:block;font-weight:700;margin-top:1rem}}
input,select,button{{font:inherit;padding:.5rem;min-height:44px;max-width:100%}}
button{{margin:1rem .5rem 0 0}}
.note{{background:#fff7dc;padding:.75rem;border-left:6px solid #f4d35e}}
</style></head><body><main>
<h1>Testitunnistus</h1>
<p class="note">Paikallinen testipalvelu kehitykseen ja testeihin. Ei oikea
tunnistus. Kirjoita mikä tahansa henkilötunnus (testitunnukset 900–999).</p>
<form method="post" action="/authorize">
{hidden}
<label for="hetu">Henkilötunnus</label>
<input id="hetu" name="hetu" autocomplete="off" value="{hetu}" required>
<label for="acr">Varmuustaso</label>
<select id="acr" name="acr">
<option value="{loa2}">Korotettu (loa2)</option>
<option value="{loa3}">Korkea (loa3)</option>
</select>
<label for="broken">Testitapaus</label>
<select id="broken" name="broken">{broken}</select>
<button type="submit" name="action" value="login">Tunnistaudu</button>
<button type="submit" name="action" value="cancel">Peruuta</button>
</form></main></body></html>"""


class Application:
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

    def do_authorize(self, start_response, method, query, form, environ):
        params = form if method == "POST" else query
        client_id = params.get("client_id", "")
        redirect_uri = params.get("redirect_uri", "")
        if not self.provider.check_client(client_id, redirect_uri):
            return self.respond(start_response, 400, {"error": "invalid_client"})
        state = params.get("state", "")
        if method == "GET":
            keep = (
                "client_id",
                "redirect_uri",
                "state",
                "nonce",
                "code_challenge",
                "code_challenge_method",
                "scope",
                "acr_values",
            )
            hidden = "\n".join(
                f'<input type="hidden" name="{name}" value="{escape(query[name])}">'
                for name in keep
                if name in query
            )
            options = "".join(
                f'<option value="{value}">{html.escape(label)}</option>'
                for value, label in BROKEN_CHOICES.items()
            )
            page = LOGIN_PAGE.format(
                hidden=hidden,
                hetu=html.escape(query.get("login_hint", "")),
                loa2=LOA2,
                loa3=LOA3,
                broken=options,
            )
            return self.respond(
                start_response, 200, page.encode(), "text/html; charset=utf-8"
            )
        separator = "&" if "?" in redirect_uri else "?"
        if form.get("action") == "cancel":
            location = (
                redirect_uri
                + separator
                + urlencode({"error": "access_denied", "state": state})
            )
            return self.redirect(start_response, location)
        code = self.provider.issue_code(
            {
                "client_id": client_id,
                "redirect_uri": redirect_uri,
                "nonce": form.get("nonce", ""),
                "code_challenge": form.get("code_challenge", ""),
                "hetu": form.get("hetu", "").strip().upper(),
                "acr": form.get("acr", LOA2),
                "broken": form.get("broken", ""),
            }
        )
        location = redirect_uri + separator + urlencode({"code": code, "state": state})
        return self.redirect(start_response, location)

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
        target = query.get("post_logout_redirect_uri", "")
        if target and self.provider.loopback(target):
            return self.redirect(start_response, target)
        return self.respond(start_response, 200, {"logged_out": True})

    def do__control(self, start_response, method, query, form, environ):
        """Tests make endpoints fail or slow: POST endpoint=token&status=503, or
        endpoint=token&delay=3 (seconds); endpoint=token alone heals it.
        rotate=1 replaces the signing key (new kid), as a broker rotating."""
        if method == "POST":
            endpoint = form.get("endpoint", "")
            if form.get("status"):
                self.provider.failures[endpoint] = int(form["status"])
            elif form.get("rotate"):
                self.provider.rotate_keys()
            elif form.get("delay"):
                self.provider.delays[endpoint] = float(form["delay"])
            else:
                self.provider.failures.pop(endpoint, None)
                self.provider.delays.pop(endpoint, None)
        state = {"failures": self.provider.failures, "delays": self.provider.delays}
        return self.respond(start_response, 200, state)


def make_app(issuer):
    clients = json.loads(
        os.environ.get("TESTIDP_CLIENTS", '{"polku-local": "polku-local-secret"}')
    )
    provider = Provider(
        issuer, clients, hetu_claim=os.environ.get("TESTIDP_HETU_CLAIM", "hetu")
    )
    return Application(provider)
