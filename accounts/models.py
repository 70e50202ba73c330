from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.strongid.identity import age_band, age_of


class User(AbstractUser):
    """Staff, editors and young people.

    Young people are created by strong identification and carry no name, no
    e-mail and no identity code: their login is a keyed pseudonym held by the
    `strongid` social account, and we keep only what docs/auth.md lists.
    """

    is_young_person = models.BooleanField(_("young person"), default=False)
    turns_18_on = models.DateField(_("turns 18 on"), null=True, blank=True)
    born_on_leap_day = models.BooleanField(
        _("born on 29 February"),
        default=False,
        help_text=_("Tells the age on 29 February in leap years (docs/auth.md)."),
    )
    identified_at = models.DateTimeField(
        _("last strong identification"), null=True, blank=True
    )
    identity_acr = models.CharField(_("assurance level"), max_length=100, blank=True)
    identity_issuer = models.URLField(_("identity broker"), blank=True)

    class Meta:
        db_table = "accounts_user"

    @property
    def age(self):
        """Age today in Helsinki, from the date of turning 18."""
        return age_of(self)

    @property
    def age_band(self):
        """13-15 or 16-17 (empty outside the audience or without an identity)."""
        return age_band(self.age)


class SignInService(models.Model):
    """The one object that sign-in events naming no account are logged on.

    Refused identifications and failed logins to unknown usernames have no
    account to attach to in Wagtail's log (Reports → Site history), so they
    are logged on this single row (accounts.audit.service()). It holds
    nothing else.
    """

    class Meta:
        verbose_name = _("sign-in service")
        verbose_name_plural = _("sign-in service")

    def __str__(self):
        return str(_("Sign-in and identification"))
