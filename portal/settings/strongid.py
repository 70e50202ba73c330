"""Strong identification through an OIDC broker (docs/auth.md).

Read by base.py; every value comes from the environment, with defaults that
point at the local test identity provider of `make run`.
"""

import os

from .env import env_bool, env_list

STRONGID_ISSUER = os.environ.get("STRONGID_ISSUER", "http://127.0.0.1:8001")
STRONGID_CLIENT_ID = os.environ.get("STRONGID_CLIENT_ID", "polku-local")
STRONGID_CLIENT_SECRET = os.environ.get("STRONGID_CLIENT_SECRET", "polku-local-secret")
STRONGID_SCOPES = env_list("STRONGID_SCOPES", "openid,profile")
STRONGID_ACR_VALUES = os.environ.get(
    "STRONGID_ACR_VALUES", "http://ftn.ficora.fi/2017/loa2"
)
STRONGID_ACCEPTED_ACR = env_list(
    "STRONGID_ACCEPTED_ACR",
    "http://ftn.ficora.fi/2017/loa2,http://ftn.ficora.fi/2017/loa3",
)
STRONGID_HETU_CLAIM = os.environ.get("STRONGID_HETU_CLAIM", "hetu")
STRONGID_FETCH_USERINFO = env_bool("STRONGID_FETCH_USERINFO")
STRONGID_TOKEN_AUTH_METHOD = os.environ.get(
    "STRONGID_TOKEN_AUTH_METHOD", "client_secret_post"
)
STRONGID_ALGORITHMS = env_list("STRONGID_ALGORITHMS", "RS256,PS256,ES256")
STRONGID_UI_LOCALES = os.environ.get("STRONGID_UI_LOCALES", "fi sv en")
# Fresh authentication at every identification (docs/auth.md): the broker is
# asked for a login (prompt) and an authentication at most this old (seconds);
# the ID token's auth_time must show it.
STRONGID_PROMPT = os.environ.get("STRONGID_PROMPT", "login")
STRONGID_AUTH_MAX_AGE = int(os.environ.get("STRONGID_AUTH_MAX_AGE", "300"))
STRONGID_LEEWAY = int(os.environ.get("STRONGID_LEEWAY", "30"))
STRONGID_TIMEOUT = float(os.environ.get("STRONGID_TIMEOUT", "5"))
STRONGID_ALLOW_TEST_CODES = env_bool("STRONGID_ALLOW_TEST_CODES")
STRONGID_MIN_AGE = int(os.environ.get("STRONGID_MIN_AGE", "13"))
STRONGID_MAX_AGE = int(os.environ.get("STRONGID_MAX_AGE", "17"))
# Keyed pseudonyms of identity codes: "version:key" pairs, current first. The
# keys live outside the database; docs/auth.md explains rotation.
STRONGID_UID_KEYS = env_list("STRONGID_UID_KEYS", "1:dev-only-uid-key")
# FTN profile pieces, off until configured (private JWKs as JSON strings).
STRONGID_SIGNED_REQUEST_OBJECT = env_bool("STRONGID_SIGNED_REQUEST_OBJECT")
STRONGID_PRIVATE_KEY_JWT = env_bool("STRONGID_PRIVATE_KEY_JWT")
STRONGID_CLIENT_SIGNING_KEY = os.environ.get("STRONGID_CLIENT_SIGNING_KEY", "")
STRONGID_CLIENT_SIGNING_ALG = os.environ.get("STRONGID_CLIENT_SIGNING_ALG", "RS256")
STRONGID_ID_TOKEN_DECRYPTION_KEY = os.environ.get(
    "STRONGID_ID_TOKEN_DECRYPTION_KEY", ""
)
STRONGID_ID_TOKEN_ENCRYPTION_ALGORITHMS = env_list(
    "STRONGID_ID_TOKEN_ENCRYPTION_ALGORITHMS",
    "RSA-OAEP-256,RSA-OAEP,ECDH-ES+A256KW,A256GCM,A128CBC-HS256,A256CBC-HS512",
)
SOCIALACCOUNT_PROVIDERS = {
    "strongid": {
        "APPS": [
            {
                "client_id": STRONGID_CLIENT_ID,
                "secret": STRONGID_CLIENT_SECRET,
                "settings": {"server_url": STRONGID_ISSUER},
            }
        ]
    }
}
