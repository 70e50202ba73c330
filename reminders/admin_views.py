"""Queue health for operators: counts only, never who."""

import datetime as dt

from django.db.models import Count, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from .models import Delivery, QueueEvent, ReminderPreference


def queue_health(now=None):
    now = now or timezone.now()
    day_ago = now - dt.timedelta(days=1)
    week_ago = now - dt.timedelta(days=7)
    Status = Delivery.Status
    open_counts = dict(
        Delivery.objects.filter(
            status__in=[Status.QUEUED, Status.SENDING, Status.RETRY]
        )
        .values_list("status")
        .annotate(n=Count("pk"))
    )
    finished = Delivery.objects.filter(finished_at__gte=week_ago)
    events = dict(
        QueueEvent.objects.filter(
            day__gte=timezone.localdate(now) - dt.timedelta(days=6)
        )
        .values_list("kind")
        .annotate(n=Sum("count"))
    )
    Kind = QueueEvent.Kind
    return {
        "active": ReminderPreference.objects.filter(
            enabled=True, next_due_at__isnull=False
        ).count(),
        "due": ReminderPreference.objects.filter(
            enabled=True, next_due_at__lte=now
        ).count(),
        "queued": open_counts.get(Status.QUEUED, 0),
        "sending": open_counts.get(Status.SENDING, 0),
        "stuck": Delivery.objects.filter(
            status=Status.SENDING, claimed_until__lt=now
        ).count(),
        "retry": open_counts.get(Status.RETRY, 0),
        "sent_day": finished.filter(
            status=Status.SENT, finished_at__gte=day_ago
        ).count(),
        "sent_week": finished.filter(status=Status.SENT).count(),
        "failed_week": finished.filter(status=Status.FAILED).count(),
        "cancelled_week": finished.filter(status=Status.CANCELLED).count(),
        "events": [(kind, label, events.get(kind, 0)) for kind, label in Kind.choices],
        "deferred_quiet_week": events.get(Kind.DEFERRED_QUIET, 0),
    }


class QueueHealthView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "reminders/queue_health.html"
    page_title = _("Reminder queue")
    header_icon = "time"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["health"] = queue_health()
        return context
