"""The local test identity provider speaks real OpenID Connect."""

import base64
import hashlib
import secrets
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from joserfc import jwt
from joserfc.jwk import KeySet

CLIENT = ("polku-local", "polku-local-secret")
REDIRECT = "http://127.0.0.1:9/callback"


def _login(issuer, hetu="010110A9987", broken="", nonce="n-1", verifier=None):
    """Fill the IdP's login page like a tester and return the redirect."""
    verifier = verifier or secrets.token_urlsafe(32)
    challenge = (
        base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest())
        .rstrip(b"=")
        .decode()
    )
    page = requests.get(
        f"{issuer}/authorize",
        params={"client_id": CLIENT[0], "redirect_uri": REDIRECT, "state": "s-1"},
        timeout=5,
    )
    assert 'name="hetu"' in page.text
    response = requests.post(
        f"{issuer}/authorize",
        data={
            "client_id": CLIENT[0],
            "redirect_uri": REDIRECT,
            "state": "s-1",
            "nonce": nonce,
            "code_challenge": challenge,
            "code_challenge_method": "S256",
            "hetu": hetu,
            "acr": "http://ftn.ficora.fi/2017/loa2",
            "broken": broken,
            "action": "login",
        },
        allow_redirects=False,
        timeout=5,
    )
    query = parse_qs(urlsplit(response.headers["Location"]).query)
    return {k: v[0] for k, v in query.items()}, verifier


def _redeem(issuer, code, verifier):
    return requests.post(
        f"{issuer}/token",
        data={
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": REDIRECT,
            "code_verifier": verifier,
        },
        auth=CLIENT,
        timeout=5,
    )


def _verify(issuer, id_token):
    keys = KeySet.import_key_set(requests.get(f"{issuer}/jwks", timeout=5).json())
    return jwt.decode(id_token, keys).claims


def test_discovery_names_every_endpoint(identity_provider):
    """Discovery publishes the issuer, endpoints, PKCE and the FTN acr values."""
    config = requests.get(
        f"{identity_provider}/.well-known/openid-configuration", timeout=5
    ).json()
    assert config["issuer"] == identity_provider
    assert config["code_challenge_methods_supported"] == ["S256"]
    assert "http://ftn.ficora.fi/2017/loa3" in config["acr_values_supported"]


def test_code_flow_returns_a_signed_id_token_with_the_code(identity_provider):
    """A typed identity code comes back in a signed ID token with nonce and acr."""
    query, verifier = _login(identity_provider)
    assert query["state"] == "s-1"
    tokens = _redeem(identity_provider, query["code"], verifier).json()
    claims = _verify(identity_provider, tokens["id_token"])
    assert claims["hetu"] == "010110A9987"
    assert claims["nonce"] == "n-1"
    assert claims["aud"] == CLIENT[0]
    assert claims["birthdate"] == "2010-01-01"


def test_codes_are_single_use(identity_provider):
    """Redeeming the same code twice fails the second time."""
    query, verifier = _login(identity_provider)
    assert _redeem(identity_provider, query["code"], verifier).status_code == 200
    assert _redeem(identity_provider, query["code"], verifier).status_code == 400


def test_pkce_verifier_must_match(identity_provider):
    """A code redeemed with the wrong PKCE verifier is refused."""
    query, _ = _login(identity_provider)
    assert _redeem(identity_provider, query["code"], "wrong").status_code == 400


@pytest.mark.parametrize(
    ("broken", "check"),
    [
        ("wrong_aud", lambda c: c["aud"] == "someone-else"),
        ("wrong_iss", lambda c: c["iss"] == "https://evil.example"),
        ("wrong_nonce", lambda c: c["nonce"] != "n-1"),
        ("wrong_acr", lambda c: c["acr"].endswith(".999")),
        ("expired", lambda c: c["exp"] < c["iat"] + 3600 and c["exp"] < 2e10),
        ("no_hetu", lambda c: "hetu" not in c),
    ],
)
def test_broken_tokens_on_request(identity_provider, broken, check):
    """The tester can ask for each kind of broken token."""
    query, verifier = _login(identity_provider, broken=broken)
    tokens = _redeem(identity_provider, query["code"], verifier).json()
    assert check(_verify(identity_provider, tokens["id_token"]))


def test_cancel_returns_access_denied(identity_provider):
    """Cancelling at the IdP returns error=access_denied to the portal."""
    response = requests.post(
        f"{identity_provider}/authorize",
        data={
            "client_id": CLIENT[0],
            "redirect_uri": REDIRECT,
            "state": "s-2",
            "action": "cancel",
        },
        allow_redirects=False,
        timeout=5,
    )
    assert "error=access_denied" in response.headers["Location"]


def test_unknown_redirect_uri_is_refused(identity_provider):
    """Only loopback redirect URIs are accepted by the local provider."""
    response = requests.get(
        f"{identity_provider}/authorize",
        params={"client_id": CLIENT[0], "redirect_uri": "https://evil.example/cb"},
        timeout=5,
    )
    assert response.status_code == 400
