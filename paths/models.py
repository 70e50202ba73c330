"""Self-care paths: themes, the path index, paths and their steps.

A path is a page; its steps are child pages (`PathStepPage`). A step's
`translation_key` is its stable identity (`step_key`): it survives editing,
reordering and translation. docs/paths.md explains the choice.
"""

import json
import uuid

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
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail.search import index

from core.models import BasePage

from .blocks import ANSWERABLE_BLOCK_TYPES, StepStreamBlock
from .permissions import ReviewedPublishingMixin
from .rendering import prepare_body

INTRO_FEATURES = ["h2", "h3", "bold", "italic", "link", "ol", "ul"]

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


class Theme(TranslatableMixin, models.Model):
    """A theme of the path index: mieli, päihteet, jaksaminen, … (editable)."""

    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(
        _("slug"), max_length=80, help_text=_("Used in the address: ?theme=mieli")
    )
    description = models.CharField(_("description"), max_length=250, blank=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order", "name"]
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        constraints = [
            models.UniqueConstraint(
                fields=["locale", "slug"], name="paths_theme_unique_slug_per_locale"
            )
        ]

    def __str__(self):
        return self.name


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


class PathIndexPage(ReviewedPublishingMixin, BasePage):
    """The paths of one language, grouped and filtered by theme."""

    body = RichTextField(_("body"), blank=True, features=INTRO_FEATURES)

    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["paths.PathPage"]
    page_description = _("The list of paths by theme. One per language.")
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("path index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        themes = list(Theme.objects.filter(locale=self.locale))
        paths = list(
            PathPage.objects.child_of(self)
            .live()
            .specific()
            .prefetch_related("themes")
            .order_by("path")
        )
        # Paths of other languages may point at the Finnish themes: match by key.
        selected = request.GET.get("theme", "")
        by_key = {theme.translation_key: theme for theme in themes}
        groups = []
        for theme in themes:
            if selected and theme.slug != selected:
                continue
            members = [
                path
                for path in paths
                if any(
                    by_key.get(t.translation_key) is theme for t in path.themes.all()
                )
            ]
            if members:
                groups.append({"theme": theme, "paths": members})
        context.update(
            themes=themes,
            selected_theme=selected,
            theme_groups=groups,
            unthemed=[path for path in paths if not path.themes.all()],
        )
        return context


class PathPage(ReviewedPublishingMixin, BasePage):
    """One self-care path: a public intro and ordered steps (child pages)."""

    ORDER_SEQUENTIAL = "sequential"
    ORDER_FREE = "free"

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
        choices=[
            (ORDER_SEQUENTIAL, _("Steps open in order")),
            (ORDER_FREE, _("Steps in any order")),
        ],
        default=ORDER_SEQUENTIAL,
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
        features=INTRO_FEATURES,
        help_text=_("Public: what the path contains and how it helps."),
    )
    who_sees_what = RichTextField(
        _("who sees what"),
        features=["bold", "link", "ul"],
        help_text=_(
            "Plainly: nobody reads answers in real time, staff never see individual "
            "answers."
        ),
    )
    completion_message = RichTextField(
        _("completion message"),
        features=["bold", "italic", "link", "ul"],
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
        return self.order_mode == self.ORDER_SEQUENTIAL

    @property
    def is_past_review(self):
        return self.review_by is not None and self.review_by < timezone.localdate()

    @cached_property
    def _steps(self):
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


def renew_block_ids(step):
    """Give the step's blocks new ids, in the page and in all its revisions."""
    renamed = {child.id: str(uuid.uuid4()) for child in step.body if child.id}
    if not renamed:
        return

    def rename(text):
        for old, new in renamed.items():
            text = text.replace(old, new)
        return text

    PathStepPage.objects.filter(pk=step.pk).update(
        body=json.loads(rename(json.dumps(step.body.get_prep_value())))
    )
    for revision in step.revisions.all():
        revision.content = json.loads(rename(json.dumps(revision.content)))
        revision.save(update_fields=["content"])


class PathStepPage(ReviewedPublishingMixin, Page):
    """One step of a path, composed from ready blocks."""

    summary = models.CharField(
        _("summary"),
        max_length=200,
        blank=True,
        help_text=_("One sentence: what this step is about (shown in the step list)."),
    )
    estimated_minutes = models.PositiveSmallIntegerField(
        _("estimated minutes"), null=True, blank=True
    )
    body = StreamField(StepStreamBlock(), verbose_name=_("content"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("estimated_minutes"),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
    ]
    parent_page_types = ["paths.PathPage"]
    subpage_types = []
    page_description = _(
        "A step of a path: text, exercises, questions and services from blocks."
    )

    class Meta:
        verbose_name = _("path step")
        verbose_name_plural = _("path steps")

    @property
    def step_key(self):
        """The stable identity of the step: the same in every language."""
        return self.translation_key

    @cached_property
    def path_page(self):
        parent = PathPage.objects.filter(path=self.path[: -self.steplen]).first()
        return parent or self.get_parent().specific

    @cached_property
    def _siblings(self):
        steps = self.path_page.get_steps()
        for step in steps:
            if step.pk == self.pk:
                self.__dict__["number"] = step.number
                self.__dict__["step_count"] = step.step_count
        return steps

    @cached_property
    def number(self):
        """1-based position on the path among live steps (None if not live)."""
        for step in self._siblings:
            if step.pk == self.pk:
                return step.number
        return None

    @cached_property
    def step_count(self):
        return len(self._siblings)

    @property
    def previous_step(self):
        if not self.number or self.number == 1:
            return None
        return self._siblings[self.number - 2]

    @property
    def next_step(self):
        if not self.number or self.number >= len(self._siblings):
            return None
        return self._siblings[self.number]

    def answerable_blocks(self):
        """(block id, block type, value) of every block a young person answers."""
        return [
            (child.id, child.block_type, child.value)
            for child in self.body
            if child.block_type in ANSWERABLE_BLOCK_TYPES
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["path"] = self.path_page
        context["steps"] = self._siblings
        # The step's own help box block replaces the site-wide one: once a page.
        context["help_box_in_content"] = any(
            child.block_type == "help_box" for child in self.body
        )
        prepare_body(self.body, request)
        return context

    @property
    def preview_sizes(self):
        return PHONE_PREVIEW_SIZES
