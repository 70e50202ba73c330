"""Data retention: accounts nobody uses, and accounts of people now adult.

A young person's account is deleted when it has been inactive for
RETENTION_INACTIVE_DAYS, or RETENTION_AFTER_18_DAYS after the person turned 18.
Where the person gave a verified reminder e-mail address, a discreet notice is
sent RETENTION_NOTICE_DAYS before, once.
"""

from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db.models import Max, Q
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts.models import User
from accounts.strongid.identity import helsinki_today

from .models import RetentionNotice


def _young_people():
    return User.objects.filter(is_young_person=True).annotate(
        last_seen=Greatest(
            Coalesce(Max("enrolments__last_activity_at"), "date_joined"),
            Coalesce("identified_at", "date_joined"),
        )
    )


def _due(days_ahead=0):
    """Accounts whose deletion day is `days_ahead` days away or already past."""
    now = timezone.now() + timedelta(days=days_ahead)
    today = helsinki_today() + timedelta(days=days_ahead)
    inactive_since = now - timedelta(days=settings.RETENTION_INACTIVE_DAYS)
    adult_since = today - timedelta(days=settings.RETENTION_AFTER_18_DAYS)
    return _young_people().filter(
        Q(last_seen__lt=inactive_since) | Q(turns_18_on__lt=adult_since)
    )


def send_notices():
    """Tell people (where a channel exists) that their data will be deleted."""
    sent = 0
    upcoming = _due(settings.RETENTION_NOTICE_DAYS).exclude(
        retention_notice__isnull=False
    )
    for user in upcoming:
        preference = next(
            (
                e.reminder
                for e in user.enrolments.select_related("reminder")
                if hasattr(e, "reminder") and e.reminder.email_usable
            ),
            None,
        )
        RetentionNotice.objects.create(user=user)
        if preference is None:
            continue
        with translation.override(preference.enrolment.language):
            send_mail(
                _("Polku: your data will be deleted soon"),
                _(
                    "You have not used Polku for a while, or you have turned 18. "
                    "Your data in Polku will be deleted in %(days)s days. To keep "
                    "it, sign in and download it from My data."
                )
                % {"days": settings.RETENTION_NOTICE_DAYS},
                None,
                [preference.email],
            )
        sent += 1
    return sent


def delete_expired():
    """Delete the accounts past retention (cascades to everything they own)."""
    expired = _due()
    count = expired.count()
    User.objects.filter(pk__in=expired.values("pk")).delete()
    return count
