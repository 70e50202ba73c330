"""The field-encryption keys must read what is stored (docs/operations.md).

Answers and feedback comments are encrypted with keys derived from
SECRET_KEY (+ SECRET_KEY_FALLBACKS) and FIELD_ENCRYPTION_SALTS. After a
restore with the wrong keys, or a rotation that dropped an old key too early,
stored values cannot be decrypted. This module makes that loud and clear
instead of a 500 on every personal page:

- a system check (tagged `database`, so `migrate` — the release job — and
  `check --database default` run it) that tries the newest stored values;
- `progress.middleware.UnreadableFieldsMiddleware`, which turns the error
  raised by the field (`progress.fields.FieldKeysUnreadable`) into one clear
  503 page and one log line naming the setting, never the value.
"""

from cryptography.fernet import InvalidToken
from django.core import checks
from django.db import DatabaseError, connection

from .models import Answer

SAMPLE = 20


def _fernet():
    return Answer._meta.get_field("value").f


def unreadable_count(sample=SAMPLE):
    """(unreadable, sampled) among the newest stored answers and comments."""
    fernet = _fernet()
    queries = [
        f"SELECT value FROM progress_answer ORDER BY id DESC LIMIT {int(sample)}",
        "SELECT comment FROM progress_feedback WHERE comment IS NOT NULL "
        f"ORDER BY id DESC LIMIT {int(sample)}",
    ]
    unreadable = sampled = 0
    with connection.cursor() as cursor:
        for query in queries:
            cursor.execute(query)
            for (token,) in cursor.fetchall():
                sampled += 1
                try:
                    fernet.decrypt(token.encode())
                except (InvalidToken, ValueError):
                    unreadable += 1
    return unreadable, sampled


@checks.register(checks.Tags.database)
def check_field_keys(app_configs=None, databases=None, **kwargs):
    if not databases or "default" not in databases:
        return []
    try:
        unreadable, sampled = unreadable_count()
    except DatabaseError:
        return []  # not migrated yet: nothing stored to read
    if not unreadable:
        return []
    return [
        checks.Error(
            f"The field-encryption keys cannot read {unreadable} of the "
            f"{sampled} newest stored answers and feedback comments.",
            hint=(
                "SECRET_KEY (with SECRET_KEY_FALLBACKS) and FIELD_ENCRYPTION_SALTS "
                "must include the values these rows were written with: restore "
                "the keys that belong to this backup (docs/operations.md)."
            ),
            id="polku.E001",
        )
    ]
