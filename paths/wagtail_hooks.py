from django.contrib import messages
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import PathIndexPage, PathPage, PathStepPage, Theme, renew_block_ids
from .path_review import (
    PathReviewFrameView,
    PathReviewView,
    PathsAwaitingReviewPanel,
    path_waiting_for,
    steps_in_review,
)
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
    urls = [
        path(
            "reports/paths-to-review/",
            PathsToReviewView.as_view(),
            name="review_due",
        ),
        path(
            "reports/paths-to-review/results/",
            PathsToReviewView.as_view(results_only=True),
            name="review_due_results",
        ),
        path("paths/<int:path_id>/review/", PathReviewView.as_view(), name="review"),
        path(
            "paths/<int:path_id>/review/frame/<int:page_id>/",
            PathReviewFrameView.as_view(),
            name="review_frame",
        ),
    ]
    return [path("", include((urls, "paths_admin")))]


@hooks.register("construct_homepage_panels")
def add_paths_awaiting_review_panel(request, panels):
    """Reviewers see each waiting path with its steps, above Wagtail's list."""
    panels.append(PathsAwaitingReviewPanel(request))


@hooks.register("register_reports_menu_item")
def register_review_report_menu_item():
    return MenuItem(
        _("Paths to review"),
        reverse("paths_admin:review_due"),
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


@hooks.register("register_page_header_buttons")
@hooks.register("register_page_listing_more_buttons")
def path_review_button(page, user, *args, **kwargs):
    """A path waiting for this reviewer opens as one piece from its page menu."""
    if path_waiting_for(page, user):
        yield Button(
            _("Review the whole path"),
            reverse("paths_admin:review", args=[page.pk]),
            icon_name="tasks",
            priority=5,
            attrs={"data-path-review-button": ""},
        )


@hooks.register("after_edit_page")
def tell_the_editor_which_steps_went_along(request, page):
    """After "Submit for review" on a path: which steps went along."""
    if "action-submit" not in request.POST or page.specific_class is not PathPage:
        return
    count = len(steps_in_review(page))
    if count:
        messages.info(
            request,
            ngettext(
                "%(count)s changed step went to review with the path.",
                "%(count)s changed steps went to review with the path.",
                count,
            )
            % {"count": count},
        )


@hooks.register("polku_navigation")
def paths_index_in_navigation(locale):
    """The menu's path index of this language (core's menu)."""
    return {"paths_index": PathIndexPage.objects.live().filter(locale=locale).first()}
