from django.contrib.auth.models import AbstractUser


class User(AbstractUser):
    """Staff, editors and young people.

    Young people are created by strong identification and carry no name or
    identity code: their username is a keyed hash (see docs/auth.md).
    """

    class Meta:
        db_table = "accounts_user"
