"""The switchable FTN profile pieces: JAR, private_key_jwt, encrypted ID tokens."""

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings
from joserfc import jwe, jwt
from joserfc.errors import JoseError
from joserfc.jwk import RSAKey
from joserfc.registry import HeaderParameter

from accounts.audit import refusal_reasons
from accounts.models import User
from accounts.strongid import ftn
from accounts.strongid.views import StrongIdClient

from .strongid import code_for_age, identify, portal_client, start

CLIENT_ID = "polku-ftn"
TOKEN_ENDPOINT = "https://broker.example/token"


def _key(kid):
    return RSAKey.generate_key(2048, parameters={"kid": kid}, private=True)


@pytest.fixture(scope="module")
def signing_key():
    return _key("polku-sign-1")


@pytest.fixture(scope="module")
def encryption_key():
    return _key("polku-enc-1")


def _private_jwk(key):
    return json.dumps(key.as_dict(private=True))


def _public(key):
    return RSAKey.import_key(key.as_dict(private=False))


def _signing_settings(key, **extra):
    return override_settings(STRONGID_CLIENT_SIGNING_KEY=_private_jwk(key), **extra)


def test_request_object_carries_every_parameter_signed(signing_key):
    """JAR: the authorization parameters travel only inside a signed object."""
    plain = (
        "https://broker.example/authorize?client_id=polku-ftn&response_type=code"
        "&scope=openid+profile&redirect_uri=https%3A%2F%2Fpolku.example%2Fcb"
        "&state=s1&nonce=n1&code_challenge=c1&code_challenge_method=S256"
        "&acr_values=http%3A%2F%2Fftn.ficora.fi%2F2017%2Floa3"
    )
    with _signing_settings(signing_key):
        url = ftn.request_object_url(plain, CLIENT_ID, "https://broker.example")
    query = {k: v[0] for k, v in parse_qs(urlsplit(url).query).items()}
    assert set(query) == {"client_id", "response_type", "scope", "request"}
    token = jwt.decode(query["request"], _public(signing_key), algorithms=["RS256"])
    assert token.header["kid"] == "polku-sign-1"
    claims = token.claims
    assert claims["iss"] == CLIENT_ID and claims["aud"] == "https://broker.example"
    assert claims["nonce"] == "n1" and claims["state"] == "s1"
    assert claims["code_challenge"] == "c1"
    assert claims["acr_values"] == "http://ftn.ficora.fi/2017/loa3"
    assert claims["redirect_uri"] == "https://polku.example/cb"
    assert claims["iat"] <= time.time() < claims["exp"] <= claims["iat"] + 300


def test_request_object_is_refused_by_another_key(signing_key):
    """A request object signed with our key does not verify with another."""
    with _signing_settings(signing_key):
        url = ftn.request_object_url(
            "https://b.example/a?nonce=n", CLIENT_ID, "https://b.example"
        )
    request = parse_qs(urlsplit(url).query)["request"][0]
    with pytest.raises(JoseError):
        jwt.decode(request, _public(_key("other")), algorithms=["RS256"])


@pytest.mark.django_db
def test_portal_login_sends_a_signed_request_object(identity_provider, signing_key):
    """With JAR switched on, the portal's redirect to the broker is signed."""
    with _signing_settings(signing_key, STRONGID_SIGNED_REQUEST_OBJECT=True):
        url = start(portal_client())
    query = {k: v[0] for k, v in parse_qs(urlsplit(url).query).items()}
    assert "nonce" not in query and "redirect_uri" not in query
    claims = jwt.decode(
        query["request"], _public(signing_key), algorithms=["RS256"]
    ).claims
    assert claims["aud"] == identity_provider
    assert claims["client_id"] == "polku-local"
    assert claims["nonce"] and claims["code_challenge_method"] == "S256"
    assert claims["redirect_uri"].endswith("/accounts/strongid/login/callback/")


def test_client_assertion_authenticates_with_the_private_key(signing_key):
    """private_key_jwt: a short-lived, single-use assertion for the token URL."""
    with _signing_settings(signing_key):
        first = ftn.client_assertion(CLIENT_ID, TOKEN_ENDPOINT)
        second = ftn.client_assertion(CLIENT_ID, TOKEN_ENDPOINT)
    assert first["client_assertion_type"] == ftn.ASSERTION_TYPE
    assert first["client_id"] == CLIENT_ID
    claims = jwt.decode(
        first["client_assertion"], _public(signing_key), algorithms=["RS256"]
    ).claims
    assert claims["iss"] == claims["sub"] == CLIENT_ID
    assert claims["aud"] == TOKEN_ENDPOINT
    assert claims["exp"] - claims["iat"] <= 120
    other = jwt.decode(second["client_assertion"], _public(signing_key)).claims
    assert other["jti"] != claims["jti"]


class _Broker(BaseHTTPRequestHandler):
    """A token endpoint that records what the portal's client sends."""

    seen = []

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"])).decode()
        self.seen.append((dict(self.headers), parse_qs(body)))
        payload = json.dumps({"access_token": "at", "token_type": "Bearer"}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args):
        pass


@pytest.fixture
def token_endpoint():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Broker)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    _Broker.seen.clear()
    yield f"http://127.0.0.1:{server.server_port}/token"
    server.shutdown()
    server.server_close()


def _client(url):
    return StrongIdClient(
        None,
        CLIENT_ID,
        "the-secret",
        "POST",
        url,
        "https://polku.example/cb",
    )


def test_token_request_uses_private_key_jwt_not_the_secret(signing_key, token_endpoint):
    """With private_key_jwt on, the secret never leaves; the assertion does."""
    with _signing_settings(signing_key, STRONGID_PRIVATE_KEY_JWT=True):
        _client(token_endpoint).get_access_token("the-code", "the-verifier")
    headers, form = _Broker.seen[-1]
    assert "client_secret" not in form and "Authorization" not in headers
    assert form["code_verifier"] == ["the-verifier"]
    claims = jwt.decode(form["client_assertion"][0], _public(signing_key)).claims
    assert claims["aud"] == token_endpoint


def test_token_request_without_the_profile_uses_the_secret(token_endpoint):
    """With the profile off, the client secret authenticates (the local IdP)."""
    _client(token_endpoint).get_access_token("the-code", "the-verifier")
    _, form = _Broker.seen[-1]
    assert form["client_secret"] == ["the-secret"]
    assert "client_assertion" not in form


def _encrypt(text, key, **replicated):
    header = {"alg": "RSA-OAEP-256", "enc": "A256GCM", "kid": key.kid, **replicated}
    registry = jwe.JWERegistry(
        header_registry=ftn.REPLICATED_CLAIMS, algorithms=["RSA-OAEP-256", "A256GCM"]
    )
    return jwe.encrypt_compact(header, text, _public(key), registry=registry)


def test_jwe_header_replicating_iss_and_aud_is_accepted(encryption_key):
    """A broker that copies iss and aud into the JWE header (RFC 7519 §5.3)
    can sign people in: the header is accepted when it names us."""
    token = _encrypt(
        "a.b.c", encryption_key, iss="https://broker.example", aud=CLIENT_ID, sub="s1"
    )
    with override_settings(
        STRONGID_ID_TOKEN_DECRYPTION_KEY=_private_jwk(encryption_key)
    ):
        inner, replicated = ftn.decrypt_id_token(
            token, issuer="https://broker.example", client_id=CLIENT_ID
        )
    assert inner == "a.b.c"
    assert replicated == {
        "iss": "https://broker.example",
        "aud": CLIENT_ID,
        "sub": "s1",
    }


@pytest.mark.parametrize(
    "replicated",
    [
        {"iss": "https://evil.example", "aud": CLIENT_ID},
        {"iss": "https://broker.example", "aud": "someone-else"},
        {"iss": "https://broker.example", "aud": ["someone-else"]},
        {"iss": 5},
        {"unknown_header": "x"},
    ],
)
def test_jwe_header_naming_someone_else_is_refused(encryption_key, replicated):
    """A JWE header whose iss or aud differ from ours (or that carries an
    unknown parameter) is refused with the reason `jwe_header`."""
    header = {"alg": "RSA-OAEP-256", "enc": "A256GCM", **replicated}
    anything = HeaderParameter("anything", lambda value: None)
    registry = jwe.JWERegistry(
        header_registry=dict.fromkeys(replicated, anything),
        algorithms=["RSA-OAEP-256", "A256GCM"],
    )
    token = jwe.encrypt_compact(
        header, "a.b.c", _public(encryption_key), registry=registry
    )
    with override_settings(
        STRONGID_ID_TOKEN_DECRYPTION_KEY=_private_jwk(encryption_key)
    ):
        with pytest.raises(ftn.EncryptionError) as refused:
            ftn.decrypt_id_token(
                token, issuer="https://broker.example", client_id=CLIENT_ID
            )
    assert refused.value.reason == "jwe_header"


def test_encrypted_id_token_is_opened_with_our_key(encryption_key):
    """An ID token encrypted to our public key decrypts to the signed token."""
    inner = "header.payload.signature"
    with override_settings(
        STRONGID_ID_TOKEN_DECRYPTION_KEY=_private_jwk(encryption_key)
    ):
        assert ftn.decrypt_id_token(_encrypt(inner, encryption_key)) == (inner, {})


def test_token_encrypted_to_another_key_is_refused(encryption_key):
    """An ID token encrypted for someone else cannot be opened."""
    with override_settings(
        STRONGID_ID_TOKEN_DECRYPTION_KEY=_private_jwk(encryption_key)
    ):
        with pytest.raises(ftn.EncryptionError) as refused:
            ftn.decrypt_id_token(_encrypt("a.b.c", _key("someone-else")))
    assert refused.value.reason == "decrypt"


def test_unencrypted_id_token_is_refused_once_encryption_is_on(encryption_key):
    """A downgrade to a plain signed ID token is refused."""
    with override_settings(
        STRONGID_ID_TOKEN_DECRYPTION_KEY=_private_jwk(encryption_key)
    ):
        with pytest.raises(ValueError):
            ftn.decrypt_id_token("header.payload.signature")
    assert ftn.decrypt_id_token("header.payload.signature") == (
        "header.payload.signature",
        {},
    )


@pytest.mark.django_db
def test_login_with_a_plain_token_fails_when_encryption_is_required(
    identity_provider, encryption_key
):
    """Through the real flow, an unencrypted ID token signs nobody in."""
    client = portal_client()
    with override_settings(
        STRONGID_ID_TOKEN_DECRYPTION_KEY=_private_jwk(encryption_key)
    ):
        response = identify(client, code_for_age(15))
    assert response.status_code == 400
    assert "_auth_user_id" not in client.session
    assert not User.objects.exists()


def test_a_switched_on_piece_without_its_key_is_a_configuration_error():
    """Turning a profile piece on without its key fails loudly, not silently."""
    with override_settings(STRONGID_CLIENT_SIGNING_KEY=""):
        with pytest.raises(ImproperlyConfigured):
            ftn.client_assertion(CLIENT_ID, TOKEN_ENDPOINT)


# --- The whole FTN profile through the real flow, against the test IdP -------


@pytest.fixture
def ftn_broker(identity_provider, signing_key, encryption_key):
    """The local IdP speaking the FTN profile for the portal's client: JAR
    required, private_key_jwt only, ID tokens encrypted with iss/aud in the
    JWE header. The portal is configured with the matching private keys."""
    sig = {**signing_key.as_dict(private=False), "use": "sig"}
    enc = {**encryption_key.as_dict(private=False), "use": "enc"}
    control = f"{identity_provider}/_control"
    jwks = json.dumps({"keys": [sig, enc]})
    requests.post(control, data={"ftn_client": "polku-local", "jwks": jwks}, timeout=5)
    with override_settings(
        STRONGID_SIGNED_REQUEST_OBJECT=True,
        STRONGID_PRIVATE_KEY_JWT=True,
        STRONGID_CLIENT_SIGNING_KEY=_private_jwk(signing_key),
        STRONGID_ID_TOKEN_DECRYPTION_KEY=_private_jwk(encryption_key),
    ):
        yield identity_provider
    requests.post(control, data={"ftn_client": "polku-local"}, timeout=5)


@pytest.mark.django_db
def test_ftn_profile_signs_a_young_person_in_end_to_end(ftn_broker):
    """With the broker in the FTN profile (signed request object,
    private_key_jwt, encrypted ID token with iss/aud in the JWE header), a
    15-year-old signs in through the real flow."""
    client = portal_client()
    authorize = start(client)
    assert "request=" in authorize and "nonce=" not in authorize
    response = identify(client, code_for_age(15))
    assert response.status_code == 302, response.content[:300]
    assert response["Location"] == "/fi/"
    assert client.session["_auth_user_id"]
    assert User.objects.get().is_young_person


@pytest.mark.django_db
def test_ftn_broker_refuses_a_client_outside_the_profile(ftn_broker):
    """The test IdP really enforces the profile: no request object, or a
    client secret instead of private_key_jwt, is refused."""
    with override_settings(STRONGID_SIGNED_REQUEST_OBJECT=False):
        plain = start(portal_client())
    assert requests.get(plain, timeout=5).status_code == 400
    token = requests.post(
        f"{ftn_broker}/token",
        data={
            "grant_type": "authorization_code",
            "code": "x",
            "client_id": "polku-local",
            "client_secret": "polku-local-secret",
        },
        timeout=5,
    )
    assert token.status_code == 401


@pytest.mark.django_db
@pytest.mark.parametrize("broken", ["jwe_wrong_iss", "jwe_wrong_aud"])
def test_ftn_jwe_header_naming_someone_else_signs_nobody_in(ftn_broker, broken):
    """An encrypted ID token whose JWE header names another issuer or
    audience is refused through the real flow, with reason `jwe_header`."""
    client = portal_client()
    response = identify(client, code_for_age(15), broken=broken)
    assert response.status_code == 400
    assert "_auth_user_id" not in client.session
    assert not User.objects.exists()
    assert refusal_reasons() == ["jwe_header"]
