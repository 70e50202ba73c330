"""The OAuth2 adapter, client and views of the `strongid` provider."""

import logging
import time

import requests
from allauth.account.internal.decorators import login_not_required
from allauth.socialaccount.adapter import get_adapter
from allauth.socialaccount.helpers import render_authentication_error
from allauth.socialaccount.models import SocialAccount
from allauth.socialaccount.providers.base import ProviderException
from allauth.socialaccount.providers.oauth2.client import OAuth2Client
from allauth.socialaccount.providers.oauth2.views import (
    OAuth2CallbackView,
    OAuth2LoginView,
)
from allauth.socialaccount.providers.openid_connect.views import (
    OpenIDConnectOAuth2Adapter,
)
from allauth.utils import build_absolute_uri
from django.conf import settings
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone
from joserfc import jwt
from joserfc.errors import ClaimError, JoseError
from joserfc.jwk import KeySet

from core.ratelimit import rate_limited

from . import ftn
from .identity import IdentityRefused, validate

logger = logging.getLogger(__name__)
CONFIG_CACHE_KEY = "strongid:openid-config"
JWKS_CACHE_KEY = "strongid:jwks"
CACHE_SECONDS = 3600


class ProviderUnavailable(ProviderException):
    """The identity provider did not answer, or answered with a server error."""

    reason = "unavailable"


class TokenRejected(ProviderException):
    """The ID token failed a check (signature, iss, aud, exp, nonce, acr).

    `reason` is the short code operators see in the audit log and in the log
    line of the refusal (docs/auth.md lists them); never personal data.
    """

    def __init__(self, reason, message=""):
        super().__init__(message or reason)
        self.reason = reason


# Which refusal a failed claim check of joserfc's means.
CLAIM_REASONS = {"exp": "expired", "nbf": "expired", "iat": "expired"}


def _get_json(url):
    try:
        with get_adapter().get_requests_session() as session:
            response = session.get(url, timeout=settings.STRONGID_TIMEOUT)
    except requests.RequestException as exc:
        raise ProviderUnavailable(f"{url} did not answer") from exc
    if response.status_code >= 500:
        raise ProviderUnavailable(f"{url} answered {response.status_code}")
    if response.status_code != 200:
        raise ProviderException(f"{url} answered {response.status_code}")
    try:
        return response.json()
    except ValueError as exc:
        # A proxy's maintenance page in front of a broker that is down.
        raise ProviderUnavailable(f"{url} answered no JSON") from exc


class StrongIdClient(OAuth2Client):
    """allauth's client with PKCE-only, optional JAR and private_key_jwt."""

    def get_redirect_url(self, authorization_url, scope, extra_params):
        url = super().get_redirect_url(authorization_url, scope, extra_params)
        if not settings.STRONGID_SIGNED_REQUEST_OBJECT:
            return url
        return ftn.request_object_url(url, self.consumer_key, self.audience)

    def get_access_token(self, code, pkce_code_verifier=None, extra_data=None):
        # Written out rather than inherited: allauth's client folds every
        # failure into one OAuth2Error (with the response body in its
        # message), and we must tell "the broker is down" (503) from "this
        # code was refused" (400) without logging what the broker said.
        data = {
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": self.callback_url,
            "code_verifier": pkce_code_verifier or "",
            **(extra_data or {}),
        }
        auth = None
        if settings.STRONGID_PRIVATE_KEY_JWT:
            data.update(ftn.client_assertion(self.consumer_key, self.access_token_url))
        elif self.basic_auth:
            auth = requests.auth.HTTPBasicAuth(self.consumer_key, self.consumer_secret)
        else:
            data.update(client_id=self.consumer_key, client_secret=self.consumer_secret)
        try:
            with get_adapter().get_requests_session() as session:
                response = session.post(
                    self.access_token_url,
                    data=data,
                    auth=auth,
                    timeout=settings.STRONGID_TIMEOUT,
                )
        except requests.RequestException as exc:
            raise ProviderUnavailable("the token endpoint did not answer") from exc
        if response.status_code >= 500:
            raise ProviderUnavailable(f"token endpoint {response.status_code}")
        if response.status_code != 200:
            raise TokenRejected("token_endpoint", f"answered {response.status_code}")
        try:
            tokens = response.json()
        except ValueError as exc:
            raise TokenRejected("token_endpoint", "no JSON") from exc
        if "access_token" not in tokens:
            raise TokenRejected("token_endpoint", "no access token")
        return tokens


class StrongIdAdapter(OpenIDConnectOAuth2Adapter):
    client_class = StrongIdClient
    state = None

    @property
    def issuer(self):
        return settings.STRONGID_ISSUER.rstrip("/")

    @property
    def openid_config(self):
        if not hasattr(self, "_openid_config"):
            config = cache.get(CONFIG_CACHE_KEY)
            if config is None:
                config = _get_json(self.get_provider().server_url)
                cache.set(CONFIG_CACHE_KEY, config, CACHE_SECONDS)
            # The issuer is pinned in settings; discovery cannot move it.
            if config.get("issuer", "").rstrip("/") != self.issuer:
                cache.delete(CONFIG_CACHE_KEY)
                raise ProviderException("discovery names another issuer")
            self._openid_config = config
        return self._openid_config

    @property
    def basic_auth(self):
        return settings.STRONGID_TOKEN_AUTH_METHOD == "client_secret_basic"

    def get_client(self, request, app):
        client = super().get_client(request, app)
        client.audience = self.issuer
        return client

    def get_callback_url(self, request, app):
        return build_absolute_uri(request, reverse("strongid_callback"))

    def _keys(self, refresh=False):
        keys = None if refresh else cache.get(JWKS_CACHE_KEY)
        if keys is None:
            keys = _get_json(self.openid_config["jwks_uri"])
            cache.set(JWKS_CACHE_KEY, keys, CACHE_SECONDS)
        return KeySet.import_key_set(keys)

    def verify_id_token(self, id_token, nonce, started_at=None):
        """Signature, algorithm, iss, aud, exp, nonce, acr and a fresh
        authentication (auth_time): always all of them."""
        client_id = self.get_provider().app.client_id
        try:
            id_token, replicated = ftn.decrypt_id_token(
                id_token, issuer=self.issuer, client_id=client_id
            )
        except ftn.EncryptionError as exc:
            raise TokenRejected(exc.reason, str(exc)) from exc
        token = self._verified(id_token)
        claims = token.claims
        try:
            jwt.JWTClaimsRegistry(
                leeway=settings.STRONGID_LEEWAY,
                iss={"essential": True, "value": self.issuer},
                aud={"essential": True, "value": client_id},
                exp={"essential": True},
                nonce={"essential": True, "value": nonce},
            ).validate(claims)
        except ClaimError as exc:
            reason = CLAIM_REASONS.get(exc.claim, exc.claim)
            raise TokenRejected(reason, type(exc).__name__) from exc
        except (JoseError, ValueError) as exc:
            raise TokenRejected("claims", type(exc).__name__) from exc
        # RFC 7519 §5.3: replicated claims must be identical to the token's.
        for name, value in replicated.items():
            if claims.get(name) != value:
                raise TokenRejected("jwe_header", f"replicated {name} differs")
        if claims.get("acr") not in settings.STRONGID_ACCEPTED_ACR:
            raise TokenRejected("acr", "assurance level not accepted")
        self._check_fresh(claims, started_at)
        return claims

    def _verified(self, id_token):
        try:
            try:
                return jwt.decode(
                    id_token, self._keys(), algorithms=settings.STRONGID_ALGORITHMS
                )
            except (JoseError, ValueError):
                # An unknown kid may be a rotated key: fetch the JWKS once more.
                return jwt.decode(
                    id_token,
                    self._keys(refresh=True),
                    algorithms=settings.STRONGID_ALGORITHMS,
                )
        except (JoseError, ValueError) as exc:
            raise TokenRejected("signature", type(exc).__name__) from exc

    @staticmethod
    def _check_fresh(claims, started_at):
        """The person logged in at the broker for this identification.

        We ask for prompt=login and max_age; auth_time proves the broker did
        it: within max_age of now, and not before this identification began
        (a broker answering from its own older session on a shared phone).
        """
        auth_time = claims.get("auth_time")
        if not isinstance(auth_time, int | float) or isinstance(auth_time, bool):
            raise TokenRejected("auth_time", "no auth_time")
        now = time.time()
        leeway = settings.STRONGID_LEEWAY
        if auth_time > now + leeway:
            raise TokenRejected("auth_time", "auth_time in the future")
        if now - auth_time > settings.STRONGID_AUTH_MAX_AGE + leeway:
            raise TokenRejected("auth_time", "authentication older than max_age")
        if started_at is not None and auth_time < started_at - leeway:
            raise TokenRejected("auth_time", "authentication older than the request")

    def complete_login(self, request, app, token, **kwargs):
        response = kwargs["response"]
        id_token = response.get("id_token")
        if not id_token or not self.state or not self.state.get("nonce"):
            raise TokenRejected("nonce", "no ID token or no nonce in the session")
        claims = self.verify_id_token(
            id_token, self.state["nonce"], self.state.get("started_at")
        )
        if settings.STRONGID_FETCH_USERINFO:
            userinfo = self._fetch_user_info(token.token)
            if userinfo.get("sub") != claims["sub"]:
                raise TokenRejected("userinfo", "userinfo is about someone else")
            claims = {**userinfo, **claims}
        identity = validate(
            claims.get(settings.STRONGID_HETU_CLAIM), claims.get("birthdate")
        )
        rekey_returning_person(identity)
        data = {
            "uid": identity.uid,
            "acr": claims["acr"],
            "iss": claims["iss"],
            "turns_18_on": identity.turns_18_on,
            "born_on_leap_day": identity.born_on_leap_day,
            "identified_at": timezone.now(),
        }
        login = self.get_provider().sociallogin_from_response(request, data)
        login.identity_data = data  # read by SocialAccountAdapter, never saved
        return login


def rekey_returning_person(identity):
    """After an HMAC key rotation, move the account to the new pseudonym."""
    if identity.old_uids:
        SocialAccount.objects.filter(
            provider="strongid", uid__in=identity.old_uids
        ).update(uid=identity.uid)


class StrongIdCallbackView(OAuth2CallbackView):
    def _get_state(self, request, provider):
        state, response = super()._get_state(request, provider)
        self.adapter.state = state
        return state, response

    def dispatch(self, request, *args, **kwargs):
        try:
            return super().dispatch(request, *args, **kwargs)
        except IdentityRefused as exc:
            return render_authentication_error(
                request, self.adapter.get_provider(), exception=exc
            )


class StrongIdLoginView(OAuth2LoginView):
    def dispatch(self, request, *args, **kwargs):
        try:
            return super().dispatch(request, *args, **kwargs)
        except (ProviderException, requests.RequestException) as exc:
            if not isinstance(exc, ProviderUnavailable):
                exc = ProviderUnavailable(str(exc))
            return render_authentication_error(
                request, self.adapter.get_provider(), exception=exc
            )


def _adapter(request):
    return StrongIdAdapter(request, "strongid")


@login_not_required
@rate_limited("strongid_start")
def oauth2_login(request):
    return StrongIdLoginView.adapter_view(_adapter(request))(request)


@login_not_required
def oauth2_callback(request):
    return StrongIdCallbackView.adapter_view(_adapter(request))(request)
