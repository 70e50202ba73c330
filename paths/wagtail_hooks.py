from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import PathStepPage, Theme, renew_block_ids
from .views import PathsToReviewView


class ThemeSnippetViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    menu_label = _("Path themes")
    list_display = ["name", "slug", "sort_order", "locale"]
    search_fields = ["name"]


register_snippet(ThemeSnippetViewSet)


@hooks.register("register_admin_urls")
def register_review_report_urls():
    return [
        path(
            "reports/paths-to-review/",
            PathsToReviewView.as_view(),
            name="paths_review_due",
        ),
        path(
            "reports/paths-to-review/results/",
            PathsToReviewView.as_view(results_only=True),
            name="paths_review_due_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_review_report_menu_item():
    return MenuItem(
        _("Paths to review"),
        reverse("paths_review_due"),
        name="paths-to-review",
        icon_name="calendar-alt",
        order=950,
    )


@hooks.register("after_copy_page")
def renew_block_ids_of_copied_steps(request, page, new_page):
    """A copied step is a new step: its questions get new ids too.

    Answers are keyed on block ids; a copy placed in the same path must not
    share them with the original.
    """
    steps = PathStepPage.objects.descendant_of(new_page, inclusive=True).filter(
        alias_of__isnull=True
    )
    for step in steps:
        renew_block_ids(step)
