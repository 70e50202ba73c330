"""A self-care path: its public intro, who it is for, and its steps in order."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    HelpPanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.fields import RichTextField
from wagtail.models import Locale
from wagtail.search import index

from core.models import BasePage

from ..permissions import ReviewedPublishingMixin
from .themes import Theme

PHONE_PREVIEW_SIZES = [
    {
        "name": "mobile",
        "icon": "mobile-alt",
        "device_width": 375,
        "label": _("Preview on a phone (375 px)"),
    },
    {
        "name": "small-mobile",
        "icon": "mobile-alt",
        "device_width": 320,
        "label": _("Preview on a small phone (320 px)"),
    },
    {
        "name": "desktop",
        "icon": "desktop",
        "device_width": 1280,
        "label": _("Preview on a computer"),
    },
]


class PathPageForm(WagtailAdminPageForm):
    """Offer the themes of the default language only: one box per theme.

    Every language's index shows its own translation of a chosen theme
    (matched by `translation_key`), so translations need not be chosen.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "themes" in self.fields:
            self.fields["themes"].queryset = Theme.objects.filter(
                locale=Locale.get_default()
            )


class PathPage(ReviewedPublishingMixin, BasePage):
    """One self-care path: a public intro and ordered steps (child pages)."""

    class OrderMode(models.TextChoices):
        SEQUENTIAL = "sequential", _("Steps open in order")
        FREE = "free", _("Steps in any order")

    summary = models.CharField(
        _("summary"),
        max_length=200,
        help_text=_("One plain sentence for the path list: who it is for and why."),
    )
    themes = ParentalManyToManyField(
        "paths.Theme", blank=True, related_name="paths", verbose_name=_("themes")
    )
    age_min = models.PositiveSmallIntegerField(_("youngest age"), default=13)
    age_max = models.PositiveSmallIntegerField(_("oldest age"), default=17)
    duration_minutes = models.PositiveSmallIntegerField(
        _("estimated duration (minutes)"),
        default=30,
        help_text=_("The whole path, roughly. Shown on the intro."),
    )
    order_mode = models.CharField(
        _("order of steps"),
        max_length=12,
        choices=OrderMode.choices,
        default=OrderMode.SEQUENTIAL,
    )
    readable_without_identification = models.BooleanField(
        _("steps can be read without identification"),
        default=True,
        help_text=_(
            "Anyone can read the steps and try the exercises; answering and "
            "saving ask for strong identification."
        ),
    )
    intro = RichTextField(
        _("intro"),
        editor="body",
        help_text=_("Public: what the path contains and how it helps."),
    )
    who_sees_what = RichTextField(
        _("who sees what"),
        editor="note_list",
        help_text=_(
            "Plainly: nobody reads answers in real time, staff never see individual "
            "answers."
        ),
    )
    completion_message = RichTextField(
        _("completion message"),
        editor="short_list",
        help_text=_("Shown when the young person finishes the path."),
    )
    last_reviewed = models.DateField(
        _("last reviewed"), null=True, blank=True, help_text=_("Content last checked.")
    )
    review_by = models.DateField(
        _("review by"),
        null=True,
        blank=True,
        help_text=_("The path appears in the 'Paths to review' report after this."),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("summary"),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("age_min"), FieldPanel("age_max")]),
                FieldPanel("duration_minutes"),
                FieldPanel("order_mode"),
                FieldPanel("readable_without_identification"),
            ],
            heading=_("Who and how"),
        ),
        FieldPanel("intro"),
        FieldPanel("who_sees_what"),
        FieldPanel("completion_message"),
        HelpPanel(
            content=_(
                "Add the steps as child pages of this path (“Add child page”). "
                "Their order in the page tree is the order on the path."
            )
        ),
    ]
    review_panels = [
        FieldRowPanel([FieldPanel("last_reviewed"), FieldPanel("review_by")]),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(review_panels, heading=_("Review")),
            ObjectList(BasePage.promote_panels, heading=_("Promote")),
            ObjectList(BasePage.settings_panels, heading=_("Settings")),
        ]
    )
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("summary"),
        index.SearchField("intro"),
    ]
    parent_page_types = ["paths.PathIndexPage"]
    subpage_types = ["paths.PathStepPage"]
    page_description = _("A self-care path: a public intro and steps.")
    base_form_class = PathPageForm

    class Meta:
        verbose_name = _("path")
        verbose_name_plural = _("paths")

    def clean(self):
        super().clean()
        if self.age_min and self.age_max and self.age_min > self.age_max:
            raise ValidationError(
                {"age_max": _("The oldest age cannot be below the youngest.")}
            )
        if (
            self.last_reviewed
            and self.review_by
            and self.review_by < self.last_reviewed
        ):
            raise ValidationError(
                {"review_by": _("The review date cannot be before the last review.")}
            )

    @property
    def path_key(self):
        """The stable identity of the path across languages and edits."""
        return self.translation_key

    @property
    def is_sequential(self):
        return self.order_mode == self.OrderMode.SEQUENTIAL

    @property
    def is_past_review(self):
        return self.review_by is not None and self.review_by < timezone.localdate()

    @cached_property
    def _steps(self):
        # step.py imports PathPage: a mutual pair
        from .step import PathStepPage

        return list(
            PathStepPage.objects.child_of(self)
            .live()
            .order_by("path")
            .defer_streamfields()
        )

    def get_steps(self):
        """The live steps of this path in order (this page's language).

        Call it on `path.localized` for the active language; each step knows its
        `number` without further queries.
        """
        steps = self._steps
        for number, step in enumerate(steps, start=1):
            step.__dict__["number"] = number
            step.__dict__["path_page"] = self
            step.__dict__["step_count"] = len(steps)
        return steps

    def get_step(self, step_key):
        """The live step with this stable key, or None (e.g. removed since)."""
        return next(
            (step for step in self.get_steps() if str(step.step_key) == str(step_key)),
            None,
        )

    @property
    def first_step(self):
        steps = self.get_steps()
        return steps[0] if steps else None

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["steps"] = self.get_steps()
        return context

    @property
    def preview_sizes(self):
        return PHONE_PREVIEW_SIZES
