"""The sign-in audit, in Wagtail's own log: Reports → Site history.

Events about an account are logged on that account with `wagtail.log_actions.log`
(the Name column shows the username); events naming no account (a refused
identification, a failed login to an unknown username) are logged on the one
`SignInService` row. No identity code, name, attempted username, password,
code or IP address is ever written (docs/auth.md, "Audit trail").
"""

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import LogFormatter, log
from wagtail.models import ModelLogEntry

from .models import SignInService

# Action -> label (the Site history filter and the Action column).
ACCOUNT_ACTIONS = {
    "polku.login": _("Signed in to the portal"),
    "polku.logout": _("Signed out"),
    "polku.login_failed": _("Failed sign-in (wrong password)"),
    "polku.locked_out": _("Locked at an address after repeated failures"),
    "polku.mfa_failed": _("Wrong second-factor code"),
    "polku.mfa_added": _("Second factor added"),
    "polku.mfa_removed": _("Second factor removed"),
    "polku.mfa_reset": _("Recovery codes renewed"),
    "polku.password_reset_requested": _("Password reset requested"),
    "polku.password_reset": _("Password reset"),
    "polku.password_changed": _("Password changed"),
    "polku.password_set": _("Password set"),
}
SERVICE_ACTIONS = {
    "polku.login_failed_unknown": _("Failed sign-in to an unknown username"),
}
IDENTIFICATION_REFUSED = "polku.identification_refused"


class IdentificationRefused(LogFormatter):
    label = _("Strong identification refused")

    def format_message(self, log_entry):
        return _("Strong identification refused (reason: %(reason)s)") % {
            "reason": log_entry.data.get("reason", "?")
        }


def register(actions):
    """The register_log_actions hook (accounts/wagtail_hooks.py)."""
    for action, label in {**ACCOUNT_ACTIONS, **SERVICE_ACTIONS}.items():
        actions.register_action(action, label, label)
    actions.register_action(IDENTIFICATION_REFUSED)(IdentificationRefused)


def service():
    """The SignInService row (made on first use)."""
    return SignInService.objects.get_or_create(pk=1)[0]


def _title(instance):
    # The label is stored: in the site's first language, whatever the
    # language of the request that caused the event.
    with translation.override(settings.LANGUAGE_CODE):
        return str(instance)


def record(account, action, actor=None, **data):
    """Log `action` on a staff account (`actor`: who did it, if known)."""
    assert action in ACCOUNT_ACTIONS, action
    if account.is_young_person:
        # Minimisation: no timeline of a young person's visits (docs/auth.md).
        return None
    return log(account, action, user=actor, title=_title(account), data=data)


def record_unattributed(action, **data):
    """Log an event that names no account on the SignInService row."""
    assert action in SERVICE_ACTIONS or action == IDENTIFICATION_REFUSED, action
    instance = service()
    return log(instance, action, user=None, title=_title(instance), data=data)


def refusal_reasons():
    """The reason codes of logged identification refusals, oldest first."""
    return [
        entry.data.get("reason")
        for entry in ModelLogEntry.objects.filter(
            action=IDENTIFICATION_REFUSED
        ).order_by("timestamp", "id")
    ]
