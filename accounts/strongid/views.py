"""The OAuth2 adapter, client and views of the `strongid` provider."""

import logging

import requests
from allauth.account.internal.decorators import login_not_required
from allauth.socialaccount.adapter import get_adapter
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
from joserfc.errors import JoseError
from joserfc.jwk import KeySet

from . import ftn
from .identity import IdentityRefused, validate

logger = logging.getLogger(__name__)
CONFIG_CACHE_KEY = "strongid:openid-config"
JWKS_CACHE_KEY = "strongid:jwks"
CACHE_SECONDS = 3600


class ProviderUnavailable(ProviderException):
    """The identity provider did not answer, or answered with a server error."""


class TokenRejected(ProviderException):
    """The ID token failed a check (signature, iss, aud, exp, nonce, acr)."""


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
    return response.json()


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
            raise TokenRejected(f"token endpoint {response.status_code}")
        try:
            tokens = response.json()
        except ValueError as exc:
            raise TokenRejected("token endpoint answered no JSON") from exc
        if "access_token" not in tokens:
            raise TokenRejected("no access token")
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

    def verify_id_token(self, id_token, nonce):
        """Signature, algorithm, iss, aud, exp and nonce: always all of them."""
        try:
            id_token = ftn.decrypt_id_token(id_token)
            try:
                token = jwt.decode(
                    id_token, self._keys(), algorithms=settings.STRONGID_ALGORITHMS
                )
            except (JoseError, ValueError):
                # An unknown kid may be a rotated key: fetch the JWKS once more.
                token = jwt.decode(
                    id_token,
                    self._keys(refresh=True),
                    algorithms=settings.STRONGID_ALGORITHMS,
                )
            jwt.JWTClaimsRegistry(
                leeway=settings.STRONGID_LEEWAY,
                iss={"essential": True, "value": self.issuer},
                aud={"essential": True, "value": self.get_provider().app.client_id},
                exp={"essential": True},
                nonce={"essential": True, "value": nonce},
            ).validate(token.claims)
        except (JoseError, ValueError) as exc:
            raise TokenRejected(type(exc).__name__) from exc
        claims = token.claims
        if claims.get("acr") not in settings.STRONGID_ACCEPTED_ACR:
            raise TokenRejected("assurance level not accepted")
        return claims

    def complete_login(self, request, app, token, **kwargs):
        response = kwargs["response"]
        id_token = response.get("id_token")
        if not id_token or not self.state or not self.state.get("nonce"):
            raise TokenRejected("no ID token or no nonce in the session")
        claims = self.verify_id_token(id_token, self.state["nonce"])
        if settings.STRONGID_FETCH_USERINFO:
            userinfo = self._fetch_user_info(token.token)
            if userinfo.get("sub") != claims["sub"]:
                raise TokenRejected("userinfo is about someone else")
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
            from allauth.socialaccount.helpers import render_authentication_error

            return render_authentication_error(
                request, self.adapter.get_provider(), exception=exc
            )


class StrongIdLoginView(OAuth2LoginView):
    def dispatch(self, request, *args, **kwargs):
        try:
            return super().dispatch(request, *args, **kwargs)
        except (ProviderException, requests.RequestException) as exc:
            from allauth.socialaccount.helpers import render_authentication_error

            if not isinstance(exc, ProviderUnavailable):
                exc = ProviderUnavailable(str(exc))
            return render_authentication_error(
                request, self.adapter.get_provider(), exception=exc
            )


def _adapter(request):
    return StrongIdAdapter(request, "strongid")


@login_not_required
def oauth2_login(request):
    return StrongIdLoginView.adapter_view(_adapter(request))(request)


@login_not_required
def oauth2_callback(request):
    return StrongIdCallbackView.adapter_view(_adapter(request))(request)
