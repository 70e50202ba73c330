"""wagtail-localize's "Publish immediately" cannot publish a path page past review.

"Sync translated pages" (`UpdateTranslationsView`) has a "Publish immediately"
checkbox that calls `save_target(publish=True)` for every translation without
asking whether the user may publish. For the path area that would put a
translation live without its own two reviews. For sources on path pages the
field is disabled (a posted value is ignored) and hidden, and the page says
why; the updated translations are saved as drafts and go through the review
like any other change.
"""

from django import forms
from django.contrib import messages
from django.utils.translation import gettext as _
from wagtail_localize.views.update_translations import UpdateTranslationsView

from .permissions import ReviewedPublishingMixin


def _reviewed_source(view):
    try:
        instance = view.object.get_source_instance()
    except Exception:  # noqa: BLE001 - a deleted source: leave the view as it is
        return False
    return isinstance(getattr(instance, "specific", instance), ReviewedPublishingMixin)


def install():
    if getattr(UpdateTranslationsView, "_paths_guarded", False):
        return
    original_get_form = UpdateTranslationsView.get_form

    def get_form(self):
        form = original_get_form(self)
        if "publish_translations" in form.fields and _reviewed_source(self):
            field = form.fields["publish_translations"]
            field.disabled = True
            field.initial = False
            field.widget = forms.HiddenInput()
            if self.request.method == "GET" and not getattr(self, "_told", False):
                self._told = True
                messages.info(
                    self.request,
                    _(
                        "Translations of paths are saved as drafts: each one is "
                        "published by its own review."
                    ),
                )
        return form

    UpdateTranslationsView.get_form = get_form
    UpdateTranslationsView._paths_guarded = True
