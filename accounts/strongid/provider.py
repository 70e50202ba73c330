"""The `strongid` provider: allauth's OpenID Connect provider, hardened.

Closes the gaps of allauth's generic provider listed in docs/auth.md: a nonce,
a pinned issuer and algorithm list, signatures always verified, no scope or
acr_values from the login URL, the accepted acr list, and only a keyed
pseudonym of the personal identity code as the account uid.
"""

import secrets
import time

from allauth.socialaccount.providers.oauth2.utils import generate_code_challenge
from allauth.socialaccount.providers.openid_connect.provider import (
    OpenIDConnectProvider,
)
from django.conf import settings
from django.urls import reverse
from django.utils.http import urlencode

from .views import StrongIdAdapter


class StrongIdProvider(OpenIDConnectProvider):
    id = "strongid"
    name = "Strong identification"
    oauth2_adapter_class = StrongIdAdapter
    pkce_enabled_default = True
    supports_token_authentication = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.name = "Strong identification"

    @property
    def server_url(self):
        return self.wk_server_url(settings.STRONGID_ISSUER.rstrip("/"))

    def get_login_url(self, request, **kwargs):
        url = reverse("strongid_login")
        return f"{url}?{urlencode(kwargs)}" if kwargs else url

    def get_callback_url(self):
        return reverse("strongid_callback")

    def get_oauth2_adapter(self, request):
        return self.oauth2_adapter_class(request, self.id)

    def get_pkce_params(self):
        # PKCE is not optional here, whatever the app settings say.
        return generate_code_challenge()

    def get_scope(self):
        return list(settings.STRONGID_SCOPES)

    def get_scope_from_request(self, request):
        # allauth would append ?scope=… from the login URL: never here.
        return self.get_scope()

    def get_auth_params(self):
        # A fresh login at the broker every time: without prompt=login and
        # max_age a broker answers from its own session, and on a shared
        # phone the previous person is signed in again (docs/auth.md).
        params = {
            "acr_values": settings.STRONGID_ACR_VALUES,
            "max_age": str(settings.STRONGID_AUTH_MAX_AGE),
        }
        if settings.STRONGID_PROMPT:
            params["prompt"] = settings.STRONGID_PROMPT
        if settings.STRONGID_UI_LOCALES:
            params["ui_locales"] = settings.STRONGID_UI_LOCALES
        return params

    def get_auth_params_from_request(self, request, action):
        # allauth would merge ?auth_params=… (e.g. a weaker acr_values).
        return self.get_auth_params()

    def redirect(self, request, process, next_url=None, data=None, **kwargs):
        nonce = secrets.token_urlsafe(32)
        auth_params = kwargs.pop("auth_params", None) or self.get_auth_params()
        auth_params["nonce"] = nonce
        return super().redirect(
            request,
            process,
            next_url,
            data,
            auth_params=auth_params,
            nonce=nonce,
            started_at=int(time.time()),
            **kwargs,
        )

    def extract_uid(self, data):
        return data["uid"]

    def extract_extra_data(self, data):
        # Never the raw claims: no identity code, no names, no tokens.
        return {"acr": data["acr"], "iss": data["iss"]}

    def extract_common_fields(self, data):
        # Not names or e-mail: what SocialAccountAdapter.populate_user keeps.
        keep = ("acr", "iss", "turns_18_on", "born_on_leap_day", "identified_at")
        return {key: data[key] for key in keep}

    def extract_email_addresses(self, data):
        return []


provider_classes = [StrongIdProvider]
