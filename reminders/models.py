"""Reminders: what a young person chose, what is due, and what was delivered.

"When" lives here in PostgreSQL (``ReminderPreference.next_due_at``), never in
the queue: the dispatcher claims due rows every minute and records each
delivery under a unique key (preference + due slot) so that it happens once.
Nothing here names a person or a path's topic; texts are rendered at send time.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from encrypted_fields.fields import EncryptedEmailField
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, PageChooserPanel
from wagtail.models import Orderable, PreviewableMixin

from core.choices import Weekday
from core.fields import MultipleChoiceField

from . import conf


def _default_quiet_start():
    return conf.get("REMINDERS_QUIET_START")


def _default_quiet_end():
    return conf.get("REMINDERS_QUIET_END")


def _default_window_start():
    return conf.get("REMINDERS_WINDOW_START")


def _default_window_end():
    return conf.get("REMINDERS_WINDOW_END")


def _default_inactive_days():
    return conf.get("REMINDERS_INACTIVE_DAYS")


class Channel(models.TextChoices):
    PUSH = "push", _("Notification on this device")
    EMAIL = "email", _("E-mail")


class Rhythm(models.TextChoices):
    INACTIVE = "inactive", _("When I have not continued for a few days")
    WEEKDAYS = "weekdays", _("On the weekdays I choose")


class PushSubscription(models.Model):
    """One browser's push subscription (RFC 8030 endpoint + RFC 8291 keys)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="push_subscriptions",
    )
    endpoint = models.URLField(max_length=2000)
    p256dh = models.CharField(max_length=200)
    auth = models.CharField(max_length=100)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "endpoint"], name="one_subscription_per_endpoint"
            )
        ]

    def __str__(self):
        return f"push subscription {self.pk}"

    def as_info(self):
        """The subscription in the shape pywebpush (and the browser) use."""
        return {
            "endpoint": self.endpoint,
            "keys": {"p256dh": self.p256dh, "auth": self.auth},
        }


class ReminderPreference(models.Model):
    """What one person chose for reminders on one path (one enrolment)."""

    class Stop(models.TextChoices):
        NONE = "", _("running")
        OFF = "off", _("turned off")
        COMPLETED = "completed", _("path completed")
        UNANSWERED = "unanswered", _("too many unanswered reminders")
        UNSUBSCRIBED = "unsubscribed", _("unsubscribed from a message")
        BOUNCED = "bounced", _("the e-mail address refused mail")
        EXPIRED = "expired", _("the device's subscription expired")
        NO_CHANNEL = "no_channel", _("no way to reach the person")

    enrolment = models.OneToOneField(
        "progress.Enrolment", on_delete=models.CASCADE, related_name="reminder"
    )
    enabled = models.BooleanField(_("send me reminders"), default=False)
    channel = models.CharField(
        _("how"), max_length=8, choices=Channel.choices, default=Channel.PUSH
    )
    rhythm = models.CharField(
        _("when"), max_length=12, choices=Rhythm.choices, default=Rhythm.INACTIVE
    )
    inactive_days = models.PositiveSmallIntegerField(
        _("days without continuing"), default=_default_inactive_days
    )
    weekdays = MultipleChoiceField(
        _("weekdays"), choices=Weekday.choices, coerce=int, blank=True
    )
    window_start = models.TimeField(_("earliest"), default=_default_window_start)
    window_end = models.TimeField(_("latest"), default=_default_window_end)
    quiet_start = models.TimeField(_("quiet from"), default=_default_quiet_start)
    quiet_end = models.TimeField(_("quiet until"), default=_default_quiet_end)

    push_subscription = models.ForeignKey(
        PushSubscription,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="preferences",
    )
    # An address given only for reminders, encrypted at rest, removable.
    email = EncryptedEmailField(_("e-mail address"), null=True, blank=True)
    email_verified_at = models.DateTimeField(null=True, blank=True)
    email_bounced_at = models.DateTimeField(null=True, blank=True)
    verification_requested_at = models.DateTimeField(null=True, blank=True)
    verification_sent_at = models.DateTimeField(null=True, blank=True)

    next_due_at = models.DateTimeField(null=True, blank=True, db_index=True)
    # The enrolment's last_activity_at when the schedule was last computed:
    # when it moves, the person continued and the unanswered count resets.
    activity_seen_at = models.DateTimeField(null=True, blank=True)
    unanswered = models.PositiveSmallIntegerField(default=0)
    last_reminded_at = models.DateTimeField(null=True, blank=True)
    stopped = models.CharField(
        max_length=16, choices=Stop.choices, default=Stop.NONE, blank=True
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("reminder preference")
        verbose_name_plural = _("reminder preferences")

    def __str__(self):
        return f"reminder preference {self.pk}"

    @property
    def email_usable(self):
        return bool(self.email and self.email_verified_at and not self.email_bounced_at)


class Delivery(models.Model):
    """One reminder for one due slot: created once, sent at most once.

    ``token`` is the idempotency key every channel sees (web push ``Topic``
    and notification tag, e-mail ``Message-ID``): a re-send after a crash is
    recognised as the same reminder by the push service, the service worker
    and mail clients.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", _("queued")
        SENDING = "sending", _("sending")
        RETRY = "retry", _("waiting to retry")
        SENT = "sent", _("sent")
        FAILED = "failed", _("failed")
        CANCELLED = "cancelled", _("cancelled")

    preference = models.ForeignKey(
        ReminderPreference, on_delete=models.CASCADE, related_name="deliveries"
    )
    due_at = models.DateTimeField()
    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    channel = models.CharField(max_length=8, choices=Channel.choices)
    status = models.CharField(
        max_length=12, choices=Status.choices, default=Status.QUEUED
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)
    enqueued_at = models.DateTimeField(null=True, blank=True)
    claimed_until = models.DateTimeField(null=True, blank=True)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    # A short machine reason ("smtp 550", "http 503"), never message content.
    error = models.CharField(max_length=100, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["preference", "due_at"], name="one_delivery_per_due_slot"
            )
        ]
        indexes = [models.Index(fields=["status", "created_at"])]
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")

    def __str__(self):
        return f"delivery {self.token}"


class QueueEvent(models.Model):
    """Daily counters for queue health: what happened, never to whom."""

    class Kind(models.TextChoices):
        DEFERRED_QUIET = "deferred_quiet", _("deferred for quiet hours")
        DEFERRED_WINDOW = "deferred_window", _("deferred to the time window")
        REQUEUED = "requeued", _("re-queued by the sweeper")
        ENQUEUE_FAILED = "enqueue_failed", _("queue unreachable, kept for later")
        RETRIED = "retried", _("channel failure, retrying")
        STOPPED = "stopped", _("reminders stopped")
        SUBSCRIPTION_EXPIRED = "expired", _("push subscription expired")
        BOUNCED = "bounced", _("e-mail address refused mail")

    day = models.DateField(default=timezone.localdate)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["day", "kind"], name="one_counter_a_day")
        ]

    def __str__(self):
        return f"{self.day} {self.kind} {self.count}"

    @classmethod
    def bump(cls, kind, by=1):
        if not by:
            return
        day = timezone.localdate()
        updated = cls.objects.filter(day=day, kind=kind).update(
            count=models.F("count") + by
        )
        if not updated:
            obj, created = cls.objects.get_or_create(
                day=day, kind=kind, defaults={"count": by}
            )
            if not created:
                cls.objects.filter(pk=obj.pk).update(count=models.F("count") + by)


class PathReminderDefaults(PreviewableMixin, ClusterableModel):
    """What editors choose for one path: the default rhythm and the texts.

    Keyed by the path page's ``translation_key`` so that it covers every
    language version of the path, like ``progress.Enrolment.path_key``.
    """

    path = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("path"),
        help_text=_("The settings apply to every language version of this path."),
    )
    path_key = models.UUIDField(unique=True, editable=False)
    rhythm = models.CharField(
        _("default rhythm"),
        max_length=12,
        choices=Rhythm.choices,
        default=Rhythm.INACTIVE,
    )
    inactive_days = models.PositiveSmallIntegerField(
        _("default days without continuing"), default=_default_inactive_days
    )
    weekdays = MultipleChoiceField(
        _("default weekdays"), choices=Weekday.choices, coerce=int, blank=True
    )

    panels = [
        PageChooserPanel("path"),
        FieldPanel("rhythm"),
        FieldPanel("inactive_days"),
        FieldPanel("weekdays"),
        InlinePanel("texts", label=_("Text variants"), heading=_("Texts")),
    ]

    class Meta:
        verbose_name = _("path reminder settings")
        verbose_name_plural = _("path reminder settings")

    def __str__(self):
        return str(self.path.title) if self.path_id else "-"

    def save(self, *args, **kwargs):
        self.path_key = self.path.translation_key
        super().save(*args, **kwargs)

    def get_preview_template(self, request, mode_name):
        return "reminders/preview.html"

    def get_preview_context(self, request, mode_name):
        # texts.py reads ReminderText: imported here to break the cycle.
        from .texts import default_text

        context = super().get_preview_context(request, mode_name)
        languages = [code for code, _name in settings.LANGUAGES]
        variants = list(self.texts.all()) or [None]
        context["samples"] = [
            {
                "language": text.language if text else code,
                "title": text.title if text else default_text(code)[0],
                "body": text.body if text else default_text(code)[1],
            }
            for text in variants
            for code in ([text.language] if text else languages)
        ]
        return context


class ReminderText(Orderable):
    """One discreet text variant; variants are used in turn."""

    defaults = ParentalKey(
        PathReminderDefaults, on_delete=models.CASCADE, related_name="texts"
    )
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    title = models.CharField(
        _("title"),
        max_length=40,
        help_text=_("Shown on a lock screen: never the topic of the path or a name."),
    )
    body = models.CharField(_("text"), max_length=120)

    panels = [FieldPanel("language"), FieldPanel("title"), FieldPanel("body")]

    def clean(self):
        # texts.py reads ReminderText: imported here to break the cycle.
        from .texts import check_discreet

        check_discreet(self)
