"""One step of a path, composed from ready blocks, and its stable block ids."""

import json
import uuid

from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from ..blocks import ANSWERABLE_BLOCK_TYPES, StepStreamBlock
from ..permissions import ReviewedPublishingMixin
from ..rendering import prepare_body
from .path import PHONE_PREVIEW_SIZES, PathPage


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
