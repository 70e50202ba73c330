"""Staff of the network hand paths on: referral links and counts, never people.

A link knows its path, the service that hands it on and three counters. The
only tie between a young person and a link is `ReferredEnrolment`, kept from
the start of a path until the enrolment is deleted: it is never shown to
anyone, and staff see counts only, with small and derivable numbers hidden
(docs/evidence.md).
"""

import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# Unambiguous on a poster and when typed from one: no 0/o, 1/l/i.
CODE_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
CODE_LENGTH = 7
SUPPRESS_BELOW = 5


def new_code():
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


class StaffMembership(models.Model):
    """A staff account belongs to one organisation of the network."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="staff_membership",
        verbose_name=_("user"),
    )
    organisation = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        related_name="staff",
        verbose_name=_("organisation"),
    )
    # Where the person works: the service their links are credited to unless
    # they choose another of their organisation's services.
    service = models.ForeignKey(
        "directory.Service",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("own service"),
    )

    class Meta:
        verbose_name = _("staff membership")
        verbose_name_plural = _("staff memberships")

    def __str__(self):
        return f"{self.user} – {self.organisation}"


class ReferralLink(models.Model):
    code = models.CharField(_("code"), max_length=16, unique=True, default=new_code)
    path_key = models.UUIDField(_("path"), db_index=True)
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, default="fi"
    )
    service = models.ForeignKey(
        "directory.Service",
        on_delete=models.PROTECT,
        related_name="referral_links",
        verbose_name=_("referring service"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    opened = models.PositiveIntegerField(_("opened"), default=0)
    started = models.PositiveIntegerField(_("started"), default=0)
    completed = models.PositiveIntegerField(_("completed"), default=0)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("referral link")
        verbose_name_plural = _("referral links")
        permissions = [
            ("view_all_aggregates", "Can see the referral numbers of every service")
        ]

    def __str__(self):
        return self.code

    def get_absolute_path(self):
        return reverse("referrals_root:short", args=[self.code])


class ReferredEnrolment(models.Model):
    """Which link an unfinished enrolment came from: deleted once counted."""

    enrolment = models.OneToOneField(
        "progress.Enrolment", on_delete=models.CASCADE, related_name="+"
    )
    link = models.ForeignKey(ReferralLink, on_delete=models.CASCADE, related_name="+")
    # The completion was added to the link's counter (the row is kept for the
    # nightly evidence counts and goes with the enrolment: docs/evidence.md).
    completion_counted = models.BooleanField(default=False)


class ReferralOpening(models.Model):
    """How many browser sessions opened a link in a month (staff excluded)."""

    link = models.ForeignKey(
        ReferralLink, on_delete=models.CASCADE, related_name="openings"
    )
    month = models.DateField()
    n = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["link", "month"], name="one_opening_counter_a_month"
            )
        ]

    @classmethod
    def bump(cls, link):
        month = timezone.localdate().replace(day=1)
        opening, created = cls.objects.get_or_create(
            link=link, month=month, defaults={"n": 1}
        )
        if not created:
            cls.objects.filter(pk=opening.pk).update(n=models.F("n") + 1)


def suppressed(count):
    """A count as staff may see it: fewer than five is never shown exactly."""
    return count if count >= SUPPRESS_BELOW else None
