from urllib.parse import urlsplit

from django import forms
from django.utils.translation import gettext_lazy as _

from . import conf, schedule
from .models import Channel, ReminderPreference, Rhythm

TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
LOOPBACK = {"127.0.0.1", "localhost", "::1"}


def push_endpoint_allowed(endpoint):
    """Only browser vendors' push services (and loopback where allowed).

    The server POSTs to whatever endpoint a browser hands over, so an
    unchecked URL would let anyone make the worker call internal addresses.
    """
    parts = urlsplit(endpoint)
    host = (parts.hostname or "").lower()
    if conf.get("REMINDERS_PUSH_ALLOW_LOOPBACK") and host in LOOPBACK:
        return parts.scheme in {"http", "https"}
    if parts.scheme != "https":
        return False
    return any(
        host == suffix.lstrip(".") or host.endswith(suffix)
        for suffix in conf.get("REMINDERS_PUSH_SERVICE_HOSTS")
    )


class PreferenceForm(forms.ModelForm):
    # Filled in by static/js/reminders.js after the browser subscribed.
    push_endpoint = forms.CharField(
        required=False, widget=forms.HiddenInput, max_length=2000
    )
    push_p256dh = forms.CharField(
        required=False, widget=forms.HiddenInput, max_length=200
    )
    push_auth = forms.CharField(
        required=False, widget=forms.HiddenInput, max_length=100
    )

    class Meta:
        model = ReminderPreference
        fields = [
            "enabled",
            "channel",
            "rhythm",
            "inactive_days",
            "weekdays",
            "window_start",
            "window_end",
            "quiet_start",
            "quiet_end",
            "email",
        ]
        widgets = {
            "channel": forms.RadioSelect,
            "rhythm": forms.RadioSelect,
            "inactive_days": forms.NumberInput(attrs={"min": 1, "max": 30}),
            "window_start": TIME,
            "window_end": TIME,
            "quiet_start": TIME,
            "quiet_end": TIME,
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
        }
        help_texts = {
            "email": _(
                "Used only for these reminders. We send a link to confirm it; "
                "you can remove it at any time."
            ),
        }

    def __init__(self, *args, has_subscription=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.has_subscription = has_subscription
        self.fields["channel"].label = _("How do you want the reminders?")
        self.fields["rhythm"].label = _("When?")
        self.fields["channel"].choices = Channel.choices
        self.fields["rhythm"].choices = Rhythm.choices
        self.fields["inactive_days"].min_value = 1
        self.fields["inactive_days"].max_value = 30

    def clean_push_endpoint(self):
        endpoint = self.cleaned_data["push_endpoint"].strip()
        if endpoint and not push_endpoint_allowed(endpoint):
            raise forms.ValidationError(_("This push service is not accepted."))
        return endpoint

    def clean(self):
        data = super().clean()
        if not data.get("enabled"):
            return data
        subscription = data.get("push_endpoint") and data.get("push_p256dh")
        if data.get("channel") == Channel.PUSH and not (
            subscription or self.has_subscription
        ):
            self.add_error(
                "channel",
                _(
                    "Allow notifications on this device first (this needs "
                    "JavaScript), or choose e-mail."
                ),
            )
        if data.get("channel") == Channel.EMAIL and not data.get("email"):
            self.add_error("email", _("Give an address for the reminders."))
        if data.get("rhythm") == Rhythm.WEEKDAYS and not data.get("weekdays"):
            self.add_error("weekdays", _("Choose at least one weekday."))
        start, end = data.get("window_start"), data.get("window_end")
        if start and end and start >= end:
            self.add_error(
                "window_end", _("The latest time must be after the earliest.")
            )
        if all(
            data.get(name)
            for name in ("window_start", "window_end", "quiet_start", "quiet_end")
        ):
            probe = ReminderPreference(
                **{
                    name: data[name]
                    for name in (
                        "window_start",
                        "window_end",
                        "quiet_start",
                        "quiet_end",
                    )
                }
            )
            if start < end and not schedule.has_allowed_time(probe):
                self.add_error(
                    "window_start",
                    _("The whole time window is inside your quiet hours."),
                )
        return data
