import json

from encrypted_fields.fields import EncryptedTextField


class FieldKeysUnreadable(Exception):
    """A stored encrypted value cannot be decrypted with the configured keys."""


class SealedJSONField(EncryptedTextField):
    """JSON encrypted as one document with django-fernet-encrypted-fields.

    The library's own EncryptedJSONField encrypts every leaf on its own: it
    turns numbers into strings and leaves keys and list lengths readable
    (how many items a young person ticked). This seals the whole document.
    """

    def get_prep_value(self, value):
        if value is None:
            return None
        return super().get_prep_value(json.dumps(value, ensure_ascii=False))

    def from_db_value(self, value, expression, connection):
        text = super().from_db_value(value, expression, connection)
        if text is None:
            return None
        try:
            return json.loads(text)
        except ValueError:
            # The library hands back the ciphertext when no key decrypts it.
            raise FieldKeysUnreadable(self.model._meta.label) from None
