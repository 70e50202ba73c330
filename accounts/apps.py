import importlib

from django.apps import AppConfig
from django.core.cache import caches
from django.core.exceptions import ImproperlyConfigured
from django.utils.connection import ConnectionProxy

# allauth modules that keep security state in the cache: rate limits (failed
# logins and MFA codes) and the used-TOTP-code guard.
SECURITY_CACHE_USERS = (
    "allauth.core.internal.ratelimit",
    "allauth.mfa.totp.internal.auth",
)


def use_security_cache():
    """Point allauth's rate limits and TOTP replay guard at the "security"
    cache (PostgreSQL) instead of the default one (Redis).

    allauth 65 reads ``django.core.cache.cache`` (the default alias) in these
    two modules and has no setting for another alias, and its adapters offer
    no hook for it. Rebinding the module-level name is the smallest change
    that keeps that state through a Redis outage; with django-redis'
    IGNORE_EXCEPTIONS a dead Redis would otherwise refuse every login (429)
    and every valid code. Fails loudly if an allauth upgrade moves the name.
    """
    security = ConnectionProxy(caches, "security")
    for name in SECURITY_CACHE_USERS:
        module = importlib.import_module(name)
        if not hasattr(module, "cache"):
            raise ImproperlyConfigured(
                f"{name} no longer uses django.core.cache.cache: "
                "see accounts.apps.use_security_cache"
            )
        module.cache = security


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Accounts"
    demo_staff = "accounts.demo.load_staff"

    def ready(self):
        # The receivers import the models: only once the registry is ready.
        from . import signals  # noqa: F401

        use_security_cache()
