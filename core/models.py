"""What every area's pages share: the abstract `BasePage` and the site settings.

The help box on every page reads the directory (docs/directory.md), not these
settings.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.models import Page
from wagtail.search import index


class BasePage(Page):
    """Fields and search behaviour that every public page shares."""

    introduction = models.TextField(
        _("introduction"),
        blank=True,
        max_length=400,
        help_text=_("One or two plain sentences shown under the title."),
    )

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    search_fields = [*Page.search_fields, index.SearchField("introduction")]

    class Meta:
        abstract = True


# Words teenagers type, and the words the pages use (search/synonyms.py).
DEFAULT_SYNONYMS = """ahistaa = ahdistus
ahistus = ahdistus
ahdistaa = ahdistus
ahdistunut = ahdistus
kiusataan = kiusaaminen
kiusattu = kiusaaminen
kiusaa = kiusaaminen
paniikkikohtaus = paniikki
jännittää = jännitys
mobbad = mobbning
mobbas = mobbning
mobbar = mobbning"""


@register_setting(icon="help")
class SiteSettings(BaseGenericSetting):
    quick_exit_url = models.URLField(
        _("quick exit address"),
        default="https://yle.fi/saa",
        help_text=_(
            "Where the quick exit button sends the visitor: a neutral, everyday page."
        ),
    )
    help_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("help right now page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("accessibility statement"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Linked from the footer of every page (Act 306/2019)."),
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("privacy notice"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Linked from the footer of every page (GDPR art. 13)."),
    )

    search_synonyms = models.TextField(
        _("search synonyms"),
        blank=True,
        default=DEFAULT_SYNONYMS,
        help_text=_(
            "One per line: a word young people type = the words the pages use, "
            "e.g. “ahistaa = ahdistus”. Any language."
        ),
    )

    panels = [
        FieldPanel("quick_exit_url"),
        FieldPanel("help_page"),
        FieldPanel("accessibility_page"),
        FieldPanel("privacy_page"),
        FieldPanel("search_synonyms"),
    ]

    class Meta:
        verbose_name = _("site settings")
