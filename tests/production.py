"""The environment of a production deploy, for tests that run manage.py under
`portal.settings.production` in a child process."""

import os
import subprocess

from portal import processes

PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "portal.settings.production",
    "SECRET_KEY": "p" * 30 + "-a-production-secret-for-the-deploy-check-" + "q" * 20,
    "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/polku",
    "REDIS_URL": "redis://127.0.0.1:6379",
    "ALLOWED_HOSTS": "polku.example.fi",
    "STRONGID_ISSUER": "https://broker.example.fi",
    "STRONGID_CLIENT_SECRET": "broker-secret",
    "FIELD_ENCRYPTION_SALTS": "salt-2026-Jq8vN3xZ0pLw",
    "STRONGID_UID_KEYS": "2:uid-key-2026-Hk4mT9sR2bXe7Qa1Wc5yLp0Zn",
    "MFA_ENCRYPTION_KEYS": "mfa-key-2026-Vb6nM1qP8sKd3Rt7Xw0Jh2Lc9",
}


def manage_in_production(*args, **overrides):
    """Run manage.py under the production settings in a clean environment."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DJANGO_ALLOW_ASYNC_UNSAFE", "STRONGID_ALLOW_TEST_CODES"}
    }
    env.update(PRODUCTION_ENV)
    for key, value in overrides.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return subprocess.run(
        processes.manage_command(*args),
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
