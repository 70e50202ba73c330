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
from http.cookies import SimpleCookie
from urllib.parse import parse_qs, unquote, urlencode, urlsplit

from joserfc import jwe, jwt
from joserfc.errors import JoseError
from joserfc.jwk import KeySet, OctKey, RSAKey
from joserfc.registry import HeaderParameter, is_str
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
    "old_auth_time": "auth_time an hour ago (no fresh login)",
    "no_auth_time": "No auth_time claim",
    "jwe_wrong_iss": "FTN: another issuer in the JWE header",
    "jwe_wrong_aud": "FTN: another audience in the JWE header",
    "error": "Error response at the token endpoint",
}
CODE_LIFETIME = 60
SESSION_COOKIE = "testidp_sso"
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
        # The broker's own login sessions: cookie value -> who and when.
        self.sessions = {}
        # FTN profile: client id -> the client's public KeySet (sig + enc).
        self.ftn_clients = {}
        self.seen_assertions = set()

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
            "auth_time": int(grant.get("auth_time") or now),
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
        elif broken == "old_auth_time":
            claims["auth_time"] = now - 3600
        elif broken == "no_auth_time":
            claims.pop("auth_time")
        return claims

    # --- the FTN profile -----------------------------------------------

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

    def sign(self, claims, broken=""):
        if broken == "hs256":
            # Legal OIDC for clients with a secret, so a portal that does not
            # pin its algorithms would accept it.
            secret = OctKey.import_key(self.clients[claims["aud"]].encode())
            return jwt.encode({"alg": "HS256", "typ": "JWT"}, claims, secret)
        key = self.rogue_key if broken == "bad_signature" else self.key
        return jwt.encode({"alg": "RS256", "kid": key.kid, "typ": "JWT"}, claims, key)

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


def _b64(part):
    return base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))


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
        signed = {}
        if client_id in self.provider.ftn_clients:
            try:
                signed = self.provider.request_object(params)
            except Refused as exc:
                body = {"error": exc.error, "error_description": exc.description}
                return self.respond(start_response, 400, body)
            params = {**params, **signed}
        redirect_uri = params.get("redirect_uri", "")
        if not self.provider.check_client(client_id, redirect_uri):
            return self.respond(start_response, 400, {"error": "invalid_client"})
        state = params.get("state", "")
        separator = "&" if "?" in redirect_uri else "?"
        session_id = self.session_cookie(environ)
        session = self.provider.sessions.get(session_id)
        if method == "GET":
            if session and self.may_reuse(session, params):
                # A broker's single sign-on: no login form at all.
                return self.grant(start_response, params, session, state)
            if params.get("prompt") == "none":
                error = {"error": "login_required", "state": state}
                return self.redirect(
                    start_response, redirect_uri + separator + urlencode(error)
                )
            return self.login_page(start_response, query, signed)
        if form.get("action") == "cancel":
            location = (
                redirect_uri
                + separator
                + urlencode({"error": "access_denied", "state": state})
            )
            return self.redirect(start_response, location)
        session = {
            "hetu": form.get("hetu", "").strip().upper(),
            "acr": form.get("acr", LOA2),
            "auth_time": int(time.time()),
        }
        session_id = secrets.token_urlsafe(16)
        with self.provider.lock:
            self.provider.sessions[session_id] = session
        cookie = f"{SESSION_COOKIE}={session_id}; Path=/; HttpOnly; SameSite=Lax"
        return self.grant(
            start_response,
            params,
            session,
            state,
            broken=form.get("broken", ""),
            cookie=cookie,
        )

    @staticmethod
    def may_reuse(session, params):
        """Whether the broker's session answers this request without a login."""
        if params.get("prompt") == "login":
            return False
        max_age = params.get("max_age", "")
        if max_age.isdigit() and time.time() - session["auth_time"] > int(max_age):
            return False
        return True

    @staticmethod
    def session_cookie(environ):
        cookie = SimpleCookie()
        try:
            cookie.load(environ.get("HTTP_COOKIE", ""))
        except Exception:  # noqa: BLE001 - a malformed cookie is no session
            return None
        morsel = cookie.get(SESSION_COOKIE)
        return morsel.value if morsel else None

    def grant(self, start_response, params, session, state, broken="", cookie=None):
        redirect_uri = params["redirect_uri"]
        code = self.provider.issue_code(
            {
                "client_id": params["client_id"],
                "redirect_uri": redirect_uri,
                "nonce": params.get("nonce", ""),
                "code_challenge": params.get("code_challenge", ""),
                "hetu": session["hetu"],
                "acr": session["acr"],
                "auth_time": session["auth_time"],
                "broken": broken,
            }
        )
        separator = "&" if "?" in redirect_uri else "?"
        location = redirect_uri + separator + urlencode({"code": code, "state": state})
        headers = [("Location", location), ("Content-Length", "0")]
        if cookie:
            headers.append(("Set-Cookie", cookie))
        start_response("302 Found", headers)
        return [b""]

    def login_page(self, start_response, query, signed):
        if signed:
            # FTN: the form carries the signed request object back, not the
            # parameters, and the POST verifies it again.
            keep = ("client_id", "request")
        else:
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
            hetu=html.escape({**query, **signed}.get("login_hint", "")),
            loa2=LOA2,
            loa3=LOA3,
            broken=options,
        )
        return self.respond(
            start_response, 200, page.encode(), "text/html; charset=utf-8"
        )

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
