"""The e-mail that confirms a reminder address before any reminder goes to it."""

from django.utils import timezone

from . import channels, texts
from .links import reminder_url, verify_token
from .models import QueueEvent, ReminderPreference


def send_verification(pref_id):
    pref = (
        ReminderPreference.objects.select_related("enrolment")
        .filter(pk=pref_id, email_verified_at__isnull=True)
        .first()
    )
    if pref is None or not pref.email or pref.verification_sent_at:
        return "skipped"
    language = pref.enrolment.language
    link = reminder_url(
        "reminders:verify_email", language, verify_token(pref), absolute=True
    )
    body = "\n\n".join(
        [
            texts.pick(texts.VERIFY_BODY, language),
            link,
            texts.pick(texts.VERIFY_IGNORE, language),
        ]
    )
    try:
        channels.send_email(
            pref.email,
            texts.pick(texts.VERIFY_SUBJECT, language),
            body,
            f"verify-{pref.pk}-{int(pref.verification_requested_at.timestamp())}",
            None,
        )
    except channels.Bounced:
        pref.email_bounced_at = timezone.now()
        pref.save(update_fields=["email_bounced_at", "updated_at"])
        QueueEvent.bump(QueueEvent.Kind.BOUNCED)
        return "bounced"
    except channels.ChannelError:
        return "failed"  # stays unsent: the sweeper tries again
    ReminderPreference.objects.filter(pk=pref.pk).update(
        verification_sent_at=timezone.now()
    )
    return "sent"
