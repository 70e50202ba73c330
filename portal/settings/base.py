"""Settings shared by every environment.

Everything secret or deployment-specific comes from the environment; the
defaults here are safe for development only and ``production.py`` refuses to
start without real values.
"""

import os
from pathlib import Path

import dj_database_url

from .env import BASE_DIR, VAR_DIR, env_bool, env_list

SECRET_KEY = os.environ.get("SECRET_KEY", "")
# Old secret keys, newest first, while rotating (docs/operations.md).
SECRET_KEY_FALLBACKS = env_list("SECRET_KEY_FALLBACKS")
DEBUG = env_bool("DEBUG")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # The project's apps from the bottom layer up (docs/architecture.md): the
    # demo loaders run in this order.
    "core",
    "accounts",
    "home",
    "directory",
    "paths",
    "progress",
    "reminders",
    "referrals",
    "evidence",
    "search",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "allauth",
    "allauth.account",
    "allauth.socialaccount",
    "allauth.mfa",
    "accounts.strongid",
    "axes",
    "csp",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "portal.middleware.ProbeMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "core.middleware.PreviewFrameAncestorsMiddleware",
    "accounts.middleware.SecurityHeadersMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "accounts.middleware.SessionPolicyMiddleware",
    "accounts.middleware.StaffMFAMiddleware",
    "referrals.middleware.ReferralMiddleware",
    "progress.middleware.PrivateWhenSignedInMiddleware",
    "axes.middleware.AxesMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "progress.middleware.UnreadableFieldsMiddleware",
    # Empty-bodied 4xx answers (405 from require_POST, ...) get a translated page.
    "core.middleware.TranslatedErrorPageMiddleware",
    # Innermost: anonymous public pages from a full-page cache (core/pagecache.py).
    "core.middleware.PublicPageCacheMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# --- Data stores -----------------------------------------------------------

# PostgreSQL only. Without DATABASE_URL: the embedded server `make run` starts.
_EMBEDDED_POSTGRES_PORT = os.environ.get("EMBEDDED_POSTGRES_PORT", "5433")
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL")
        or f"postgres://postgres@127.0.0.1:{_EMBEDDED_POSTGRES_PORT}/polku",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# One Redis server, two databases: the cache may evict, the broker must not.
# Give CACHE_URL / CELERY_BROKER_URL to put them on separate instances.
REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379").rstrip("/")
CACHE_URL = os.environ.get("CACHE_URL", f"{REDIS_URL}/1")
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", f"{REDIS_URL}/0")

CACHES = {
    "default": {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": CACHE_URL,
        "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "polku"),
        "OPTIONS": {
            # A dead Redis must cost the cache, never the page: django-redis
            # treats connection errors as cache misses when told to.
            "IGNORE_EXCEPTIONS": True,
            "SOCKET_CONNECT_TIMEOUT": 0.5,
            "SOCKET_TIMEOUT": 0.5,
        },
    },
    # Security state that must survive a Redis outage: allauth's rate limits
    # and used TOTP codes (accounts.apps.use_security_cache). The table is
    # made by a migration (accounts 0003). MAX_ENTRIES is high so that
    # culling never forgets a rate limit under load; expired rows go first.
    "security": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "polku_security_cache",
        "KEY_PREFIX": "polku",
        "OPTIONS": {"MAX_ENTRIES": 1_000_000},
    },
}
# Anonymous public pages from a full-page cache, per minute and purged on
# every publish (core/pagecache.py, docs/architecture.md).
POLKU_PAGE_CACHE = env_bool("POLKU_PAGE_CACHE", True)
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True

# Sessions live in the database of record so that an outage of Redis never
# signs anybody out or loses a young person's work.
SESSION_ENGINE = "django.contrib.sessions.backends.db"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = 8 * 60 * 60

# --- Auth ------------------------------------------------------------------

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation."
        "UserAttributeSimilarityValidator"
    },
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Young people never see the staff password form: personal pages opened
# without a session lead to strong identification (accounts.views.identify).
LOGIN_URL = "accounts:identify"
LOGIN_REDIRECT_URL = "/"
WAGTAILADMIN_LOGIN_URL = "account_login"
WAGTAIL_FRONTEND_LOGIN_URL = "/accounts/login/"
# Wagtail's own password reset is a second door past allauth: closed. Staff
# reset their password through allauth (/accounts/password/reset/).
WAGTAIL_PASSWORD_RESET_ENABLED = False

ACCOUNT_ADAPTER = "accounts.adapters.AccountAdapter"
SOCIALACCOUNT_ADAPTER = "accounts.adapters.SocialAccountAdapter"
MFA_ADAPTER = "accounts.adapters.MFAAdapter"
ACCOUNT_LOGIN_METHODS = {"username"}
ACCOUNT_SIGNUP_FIELDS = ["username*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_SESSION_REMEMBER = False
ACCOUNT_LOGOUT_ON_GET = False
SOCIALACCOUNT_STORE_TOKENS = False
SOCIALACCOUNT_AUTO_SIGNUP = True
SOCIALACCOUNT_EMAIL_REQUIRED = False
SOCIALACCOUNT_QUERY_EMAIL = False
SOCIALACCOUNT_REQUESTS_TIMEOUT = 5
MFA_SUPPORTED_TYPES = ["totp", "webauthn", "recovery_codes"]
MFA_PASSKEY_LOGIN_ENABLED = True
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = env_bool("MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN")
MFA_ENCRYPTION_KEYS = env_list("MFA_ENCRYPTION_KEYS")

# How many reverse proxies we run in front of the web process. Each appends
# the address it saw to X-Forwarded-For; only those last entries are trusted
# (0: the header is ignored and the connecting address is the client's).
# allauth's rate limits and axes' lockouts use the same rule
# (accounts/clientip.py; docs/operations.md).
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
ALLAUTH_TRUSTED_PROXY_COUNT = TRUSTED_PROXY_COUNT
AXES_CLIENT_IP_CALLABLE = "accounts.clientip.client_ip"

# django-axes locks an account on one address, never a whole address: a
# school behind one NAT must not lock out every pupil.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 1  # hours
AXES_RESET_ON_SUCCESS = True
# allauth's own limits on failed password and MFA-code attempts (in the
# cache): its default also locks an account from every address after 5
# failures, which lets anyone lock an editor out. Per address stays as allauth
# has it; per account only slows distributed guessing. Pupils never sign in
# with a password, so neither can lock out a school.
ACCOUNT_RATE_LIMITS = {"login_failed": "10/m/ip,20/15m/key"}
# Per client address, "amount/seconds" (core/ratelimit.py). Generous enough
# for a whole class behind one school address identifying at once.
POLKU_RATE_LIMITS = {
    "strongid_start": os.environ.get("RATE_LIMIT_STRONGID_START", "120/600"),
    "feedback": os.environ.get("RATE_LIMIT_FEEDBACK", "60/600"),
    "referral_open": os.environ.get("RATE_LIMIT_REFERRAL_OPEN", "120/600"),
}

# --- Strong identification (OIDC broker): strongid.py ----------------------

# --- Security headers: security.py ----------------------------------------
from .security import *  # noqa: E402, F403
from .security import media_origin  # noqa: E402
from .strongid import *  # noqa: E402, F403

# --- Internationalisation --------------------------------------------------

LANGUAGE_CODE = "fi"
LANGUAGES = [("fi", "Suomi"), ("sv", "Svenska"), ("en", "English")]
WAGTAIL_I18N_ENABLED = True
# A new translation starts as a draft, whatever the source's state: it goes
# live only through its own review (paths/permissions.py, docs/paths.md).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Helsinki"
USE_I18N = True
USE_TZ = True

# --- Static and media ------------------------------------------------------

STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
# Uploads (images, renditions, documents): the local disk on one host (served
# by portal/media.py), S3-compatible object storage when MEDIA_S3_BUCKET is
# set, so that several web hosts share them (docs/operations.md, "Media").
MEDIA_S3_BUCKET = os.environ.get("MEDIA_S3_BUCKET", "")
MEDIA_SERVED_BY_DJANGO = not MEDIA_S3_BUCKET
if MEDIA_S3_BUCKET:
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": MEDIA_S3_BUCKET,
            "endpoint_url": os.environ.get("MEDIA_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("MEDIA_S3_REGION") or None,
            "access_key": os.environ.get("MEDIA_S3_ACCESS_KEY_ID") or None,
            "secret_key": os.environ.get("MEDIA_S3_SECRET_ACCESS_KEY") or None,
            # Public pages link images by a URL of the bucket (or of a CDN
            # before it); documents still go through Wagtail's view.
            "custom_domain": os.environ.get("MEDIA_S3_CUSTOM_DOMAIN") or None,
            "querystring_auth": env_bool("MEDIA_S3_SIGNED_URLS"),
            "file_overwrite": False,
            "object_parameters": {"CacheControl": "public, max-age=31536000"},
        },
    }
    # Images come from the bucket's (or its CDN's) origin: allow that one only.
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"].append(  # noqa: F405
        media_origin(
            os.environ.get("MEDIA_S3_CUSTOM_DOMAIN")
            or os.environ.get(
                "MEDIA_S3_ENDPOINT_URL", f"https://{MEDIA_S3_BUCKET}.s3.amazonaws.com"
            )
        )
    )
# Documents go through Wagtail's view (privacy checks), always as attachments
# (never rendered in the portal's origin); nosniff comes from SecurityMiddleware.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES = []

# --- Wagtail ---------------------------------------------------------------

WAGTAIL_SITE_NAME = "Polku"
# One rich-text feature list per purpose: fields and blocks name an editor
# (`RichTextBlock(editor="short")`), never a list of their own. "default" stays
# Wagtail's, for any field that names none.
_DRAFTAIL = "wagtail.admin.rich_text.DraftailRichTextArea"
WAGTAILADMIN_RICH_TEXT_EDITORS = {
    "default": {"WIDGET": _DRAFTAIL},
    # Body text and introductions: headings, lists and links.
    "body": {
        "WIDGET": _DRAFTAIL,
        "OPTIONS": {"features": ["h2", "h3", "bold", "italic", "link", "ol", "ul"]},
    },
    # Short texts inside a block: instructions, a tip, an introduction.
    "short": {"WIDGET": _DRAFTAIL, "OPTIONS": {"features": ["bold", "italic", "link"]}},
    # Short texts that may need a bullet list.
    "short_list": {
        "WIDGET": _DRAFTAIL,
        "OPTIONS": {"features": ["bold", "italic", "link", "ul"]},
    },
    # Plain notes: emphasis and links only, no italics or headings.
    "note": {"WIDGET": _DRAFTAIL, "OPTIONS": {"features": ["bold", "link"]}},
    "note_list": {"WIDGET": _DRAFTAIL, "OPTIONS": {"features": ["bold", "link", "ul"]}},
}
WAGTAILADMIN_BASE_URL = os.environ.get("BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {
    "default": {
        # On PostgreSQL each language is indexed and searched with its own
        # text-search configuration (search/backend.py); SEARCH_CONFIG is the
        # fallback for objects without a locale.
        "BACKEND": "search.backend",
        "SEARCH_CONFIG": os.environ.get("SEARCH_CONFIG", "finnish"),
    }
}
# mp4/webm/vtt: self-hosted videos of path steps and their captions.
WAGTAILDOCS_EXTENSIONS = ["pdf", "odt", "docx", "txt", "mp4", "webm", "vtt"]
WAGTAIL_ENABLE_UPDATE_CHECK = False
# An edit during a review needs the earlier reviews again (paths/permissions.py).
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True
# No Gravatar: a third-party request from every admin page (the admin CSP
# blocks it anyway).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ALLOW_UNICODE_SLUGS = False

# Wagtail 8 hands its own background work (search index, reference index) to
# django-tasks. The immediate backend runs it in the request, which keeps the
# index consistent without a second queue next to Celery.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# --- Celery and reminders: background.py ------------------------------------

from .background import *  # noqa: E402, F403

CELERY_TIMEZONE = TIME_ZONE

# --- Mail ------------------------------------------------------------------

EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND", "django.core.mail.backends.filebased.EmailBackend"
)
EMAIL_FILE_PATH = str(VAR_DIR / "outbox")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Polku <polku@localhost>")

# --- Field encryption (answers) --------------------------------------------

# django-fernet-encrypted-fields derives its keys from SECRET_KEY (plus
# SECRET_KEY_FALLBACKS) and every SALT_KEY; the first pair encrypts, all
# decrypt. Rotate by putting a new salt first and re-saving (see
# docs/progress.md). Production sets FIELD_ENCRYPTION_SALTS.
SALT_KEY = env_list("FIELD_ENCRYPTION_SALTS", "polku-dev-salt")

# Destructive actions (deleting one's data) need an identification this fresh.
REIDENTIFY_MINUTES = int(os.environ.get("REIDENTIFY_MINUTES", "10"))
# Retention: young people's accounts inactive this long, or this long after
# turning 18, are deleted by a scheduled task (docs/progress.md).
RETENTION_INACTIVE_DAYS = int(os.environ.get("RETENTION_INACTIVE_DAYS", "365"))
RETENTION_AFTER_18_DAYS = int(os.environ.get("RETENTION_AFTER_18_DAYS", "30"))
RETENTION_NOTICE_DAYS = int(os.environ.get("RETENTION_NOTICE_DAYS", "14"))

# Session policy (docs/auth.md): idle and absolute lifetimes in seconds.
SESSION_POLICY = {
    "young": {"idle": 15 * 60, "absolute": 8 * 60 * 60},
    "staff": {"idle": 30 * 60, "absolute": 12 * 60 * 60},
}

# The demo admin of `make run`; only development settings set a password.
DEMO_ADMIN_PASSWORD = None

# --- Logging ---------------------------------------------------------------

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        # Request bodies and query strings may carry answers: never log them.
        "django.request": {"level": "ERROR"},
        "django.db.backends": {"level": "WARNING"},
    },
}
