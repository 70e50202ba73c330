"""The signed links reminders carry: stop these reminders, confirm this address.

Tokens are signed with the site's secret and carry no personal data: the
enrolment's public id, and for the e-mail link a fingerprint of the address so
that an old link stops working once the address changes.
"""

from django.core import signing
from django.urls import reverse
from django.utils import translation

from . import conf
from .models import ReminderPreference

UNSUBSCRIBE_SALT = "polku.reminders.unsubscribe"
VERIFY_SALT = "polku.reminders.verify-email"


def unsubscribe_token(pref):
    """A link token that stops exactly this enrolment's reminders."""
    return signing.dumps(str(pref.enrolment.public_id), salt=UNSUBSCRIBE_SALT)


def preference_for_unsubscribe(token):
    """The preference a token names, or None for a forged or broken token."""
    try:
        public_id = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    return (
        ReminderPreference.objects.filter(enrolment__public_id=public_id)
        .select_related("enrolment")
        .first()
    )


def _email_fingerprint(address):
    return signing.Signer(salt=VERIFY_SALT).signature(address.lower())[:16]


def verify_token(pref):
    return signing.dumps(
        {"p": str(pref.enrolment.public_id), "e": _email_fingerprint(pref.email)},
        salt=VERIFY_SALT,
    )


def preference_for_verify(token):
    """The preference whose current address the token confirms, or None."""
    try:
        data = signing.loads(
            token, salt=VERIFY_SALT, max_age=conf.get("REMINDERS_EMAIL_VERIFY_MAX_AGE")
        )
    except signing.BadSignature:
        return None
    pref = ReminderPreference.objects.filter(enrolment__public_id=data.get("p")).first()
    if pref and pref.email and _email_fingerprint(pref.email) == data.get("e"):
        return pref
    return None


def reminder_url(name, language, *args, absolute=False):
    with translation.override(language):
        path = reverse(name, args=args)
    if absolute:
        return conf.get("REMINDERS_BASE_URL").rstrip("/") + path
    return path
