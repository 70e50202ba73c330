"""The home page and general content pages (help right now, accessibility
statement, privacy notice)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from core.models import BasePage

from .blocks import BaseStreamBlock


class HomePage(BasePage):
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))
    no_bank_id_text = RichTextField(
        _("no bank ID yet"),
        blank=True,
        editor="note",
        help_text=_("What to do when a young person has no bank ID or mobile ID."),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("body"),
        FieldPanel("no_bank_id_text"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    parent_page_types = ["wagtailcore.Page"]
    page_description = _("The front page of the portal, one per language.")

    class Meta:
        verbose_name = _("home page")


class ContentPage(BasePage):
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    parent_page_types = ["home.HomePage", "home.ContentPage"]
    subpage_types = ["home.ContentPage"]
    page_description = _(
        "A general page: help right now, accessibility statement, privacy notice."
    )

    class Meta:
        verbose_name = _("content page")
