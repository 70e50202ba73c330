from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import AdminOnlyMenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .admin_views import QueueHealthView
from .models import PathReminderDefaults


class PathReminderDefaultsSnippetViewSet(SnippetViewSet):
    model = PathReminderDefaults
    icon = "mail"
    menu_label = _("Reminders")
    add_to_admin_menu = True
    list_display = ["__str__", "rhythm", "inactive_days"]


register_snippet(PathReminderDefaultsSnippetViewSet)


@hooks.register("register_admin_urls")
def register_queue_health_url():
    urls = [
        path(
            "reports/reminder-queue/",
            QueueHealthView.as_view(),
            name="queue_health",
        )
    ]
    return [path("", include((urls, "reminders_admin")))]


@hooks.register("register_reports_menu_item")
def register_queue_health_menu_item():
    return AdminOnlyMenuItem(
        _("Reminder queue"),
        reverse("reminders_admin:queue_health"),
        icon_name="time",
        order=800,
    )
