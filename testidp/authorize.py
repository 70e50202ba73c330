"""The authorization endpoint: the login form and the broker's own session.

Like a real broker the provider keeps a login session (a cookie): without
`prompt=login` (or a short enough `max_age`) the next authorization is answered
from it without the form; the ID token's `auth_time` tells when the person
really logged in.
"""

import html
import secrets
import time
from http.cookies import SimpleCookie
from urllib.parse import urlencode

from .claims import BROKEN_CHOICES, LOA2, LOA3
from .ftn import Refused

SESSION_COOKIE = "testidp_sso"

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


class Authorization:
    """/authorize (a mixin of `Application`)."""

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
            f'<input type="hidden" name="{name}" value="{html.escape(query[name])}">'
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
