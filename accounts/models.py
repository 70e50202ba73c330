from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """Staff, editors and young people.

    Young people are created by strong identification and carry no name, no
    e-mail and no identity code: their login is a keyed pseudonym held by the
    `strongid` social account, and we keep only what docs/auth.md lists.
    """

    is_young_person = models.BooleanField(_("young person"), default=False)
    turns_18_on = models.DateField(_("turns 18 on"), null=True, blank=True)
    identified_at = models.DateTimeField(
        _("last strong identification"), null=True, blank=True
    )
    identity_acr = models.CharField(_("assurance level"), max_length=100, blank=True)
    identity_issuer = models.URLField(_("identity broker"), blank=True)

    class Meta:
        db_table = "accounts_user"

    @property
    def age_band(self):
        """13-15 or 16-17, from the date of turning 18 (no birth date kept)."""
        if self.turns_18_on is None:
            return ""
        from accounts.strongid.identity import helsinki_today

        years_to_18 = (self.turns_18_on - helsinki_today()).days / 365.25
        return "16-17" if years_to_18 <= 2 else "13-15"


class AuditEvent(models.Model):
    """Login and MFA events of staff and young people, without identities.

    Staff appear by username; young people only by their account's number.
    No identity code, name, IP address or user agent is written here.
    """

    at = models.DateTimeField(auto_now_add=True, db_index=True)
    event = models.CharField(max_length=40)
    user = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    detail = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["-at"]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.event}"
