"""The family centre network: municipalities, organisations and services.

`directory.Service` is a contract: paths' service contact card block is a
``SnippetChooserBlock("directory.Service")``.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import (
    DraftStateMixin,
    Locale,
    LockableMixin,
    Orderable,
    PreviewableMixin,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
)
from wagtail.search import index

from core.fields import MultipleChoiceField
from core.models import BasePage

from . import hours
from .blocks import OpeningExceptionsStreamBlock, OpeningHoursStreamBlock
from .kinds import ServiceKind


class ServiceTheme(models.TextChoices):
    """A service's themes: the slugs of the paths' themes (docs/directory.md)."""

    MIELI = "mieli", _("Mental health")
    PAIHTEET = "paihteet", _("Substance use")
    JAKSAMINEN = "jaksaminen", _("Coping in everyday life")


# The languages a service is offered in, by their own names as a card lists
# them ("Kielet: suomi, svenska"): a fact about the service, not the site's
# languages (settings.LANGUAGES), even though the two lists are alike today.
SERVICE_LANGUAGES = [("fi", "suomi"), ("sv", "svenska"), ("en", "English")]


class Municipality(models.Model):
    """A municipality a service can serve: the six of Kymenlaakso in the demo."""

    code = models.SlugField(
        _("code"), max_length=40, unique=True, help_text=_("Used in finder links.")
    )
    name = models.CharField(_("name in Finnish"), max_length=80)
    name_sv = models.CharField(_("name in Swedish"), max_length=80, blank=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [
        FieldPanel("name"),
        FieldPanel("name_sv"),
        FieldPanel("code"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")

    def __str__(self):
        return self.name

    def localized_name(self, language_code):
        if language_code == "sv" and self.name_sv:
            return self.name_sv
        return self.name


class Organisation(TranslatableMixin, index.Indexed, models.Model):
    """Who runs services: a municipality, the county, an NGO, a parish, …"""

    class Kind(models.TextChoices):
        MUNICIPALITY = "municipality", _("Municipality")
        COUNTY = "county", _("Wellbeing services county")
        NGO = "ngo", _("Non-governmental organisation")
        PARISH = "parish", _("Parish")
        SCHOOL = "school", _("School or educational institution")
        NATIONAL_LINE = "national_line", _("National helpline")

    name = models.CharField(_("name"), max_length=150)
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    website = models.URLField(_("website"), blank=True)
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("home municipality"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="organisations",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("kind"),
        FieldPanel("website"),
        FieldPanel("municipality"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("kind"),
        index.FilterField("locale"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self):
        return self.name


class Service(
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    PreviewableMixin,
    index.Indexed,
    TranslatableMixin,
    ClusterableModel,
):
    """A service a young person can contact, with its channels and hours."""

    name = models.CharField(_("name"), max_length=150)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="services",
    )
    kind = models.CharField(
        _("kind of service"),
        max_length=30,
        choices=ServiceKind.choices,
        blank=True,
        help_text=_(
            "Steps that ask for this kind show the one of the young person's "
            "municipality first, then regional and national ones."
        ),
    )
    description = models.TextField(
        _("description"),
        max_length=600,
        help_text=_(
            "In plain language, to a 13-year-old: what happens when you get in "
            "touch, and who it is for."
        ),
    )
    themes = MultipleChoiceField(_("themes"), choices=ServiceTheme.choices, blank=True)
    age_from = models.PositiveSmallIntegerField(_("age from"), null=True, blank=True)
    age_to = models.PositiveSmallIntegerField(_("age to"), null=True, blank=True)
    municipalities = ParentalManyToManyField(
        Municipality,
        verbose_name=_("municipalities served"),
        blank=True,
        related_name="services",
        help_text=_("Leave empty for a regional or national service."),
    )
    languages = MultipleChoiceField(
        _("languages served"), choices=SERVICE_LANGUAGES, blank=False
    )
    anonymous = models.BooleanField(
        _("can be used anonymously"),
        default=False,
        help_text=_("No name or identity needed."),
    )
    free = models.BooleanField(_("free of charge"), default=True)
    website = models.URLField(_("website"), blank=True)
    fallback = models.ForeignKey(
        "self",
        verbose_name=_("when closed, suggest"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Named on the card when this service is closed, e.g. a helpline that "
            "answers at night."
        ),
    )
    help_box_order = models.PositiveSmallIntegerField(
        _("position in the help box"),
        null=True,
        blank=True,
        help_text=_(
            "Set for the emergency and national lines shown on every page; "
            "smaller numbers first. Leave empty for other services."
        ),
    )
    review_by = models.DateField(
        _("review by"),
        null=True,
        blank=True,
        help_text=_("Check the details by this date; outdated entries are reported."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("organisation"),
        FieldPanel("kind"),
        FieldPanel("description"),
        FieldPanel("themes"),
        FieldRowPanel(
            [FieldPanel("age_from"), FieldPanel("age_to")], heading=_("Age range")
        ),
        FieldPanel("municipalities"),
        FieldPanel("languages"),
        MultiFieldPanel(
            [FieldPanel("anonymous"), FieldPanel("free"), FieldPanel("website")],
            heading=_("Good to know"),
        ),
        InlinePanel(
            "channels",
            heading=_("Contact channels"),
            help_text=_(
                "Numbers, links and hours are read from the Finnish version in "
                "every language: edit them there."
            ),
        ),
        FieldPanel("fallback"),
        FieldPanel("help_box_order"),
        FieldPanel("review_by"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("description"),
        index.RelatedFields("organisation", [index.SearchField("name")]),
        index.FilterField("locale"),
        index.FilterField("live"),
        index.FilterField("kind"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = _("service")
        verbose_name_plural = _("services")

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if self.age_from and self.age_to and self.age_from > self.age_to:
            raise ValidationError({"age_to": _("Must not be below the lower age.")})

    @cached_property
    def canonical(self):
        """The default-language version, which holds the facts for every language.

        Names and descriptions are translated; channels, hours, municipalities
        and the rest are read from here, so a number edited once changes in
        every language, in the finder, the contact cards and the help box.
        """
        default = Locale.get_default()
        if self.locale_id == default.pk:
            return self
        return self.get_translation_or_none(default) or self

    @property
    def contact_channels(self):
        return self.canonical.channels.all()

    def is_open(self, now=None):
        return any(channel.status(now).is_open for channel in self.contact_channels)

    def serves_age(self, age):
        facts = self.canonical
        return (facts.age_from or 0) <= age <= (facts.age_to or 200)

    def get_preview_template(self, request, mode_name):
        return "directory/service_preview.html"

    def get_preview_context(self, request, mode_name):
        context = super().get_preview_context(request, mode_name)
        context["service"] = self
        return context


class ContactChannel(Orderable):
    """One way to reach a service, with its own opening hours."""

    class Kind(models.TextChoices):
        PHONE = "phone", _("Phone")
        CHAT = "chat", _("Chat")
        SMS = "sms", _("Text message")
        FORM = "form", _("E-mail form")
        WALK_IN = "walk_in", _("Walk-in address")

    class Holidays(models.TextChoices):
        REGULAR = "regular", _("Regular hours")
        CLOSED = "closed", _("Closed")
        SUNDAY = "sunday", _("Sunday hours")

    service = ParentalKey(Service, on_delete=models.CASCADE, related_name="channels")
    kind = models.CharField(_("type"), max_length=10, choices=Kind.choices)
    value = models.CharField(
        _("number, address or link"),
        max_length=255,
        help_text=_(
            "Phone and text message: the number. Chat and e-mail form: the web "
            "address. Walk-in: the street address."
        ),
    )
    label = models.CharField(
        _("label"),
        max_length=80,
        blank=True,
        help_text=_("Optional, e.g. “Appointments” or “Youth chat”."),
    )
    always_open = models.BooleanField(_("open around the clock"), default=False)
    hours = StreamField(
        OpeningHoursStreamBlock(),
        blank=True,
        verbose_name=_("opening hours"),
        help_text=_("Empty with “open around the clock” off: hours not given."),
    )
    public_holidays = models.CharField(
        _("on public holidays"),
        max_length=10,
        choices=Holidays.choices,
        default=Holidays.CLOSED,
    )
    exceptions = StreamField(
        OpeningExceptionsStreamBlock(),
        blank=True,
        verbose_name=_("exceptions"),
        help_text=_("Dates with other hours, e.g. Christmas Eve or a summer break."),
    )

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("label")]),
        FieldPanel("value"),
        FieldPanel("always_open"),
        FieldPanel("hours"),
        FieldPanel("public_holidays"),
        FieldPanel("exceptions"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("contact channel")
        verbose_name_plural = _("contact channels")

    def __str__(self):
        return f"{self.get_kind_display()}: {self.value}"

    def clean(self):
        super().clean()
        if self.kind in (self.Kind.PHONE, self.Kind.SMS):
            if not any(ch.isdigit() for ch in self.value):
                raise ValidationError({"value": _("Enter a phone number.")})
        if self.kind in (self.Kind.CHAT, self.Kind.FORM):
            if not self.value.startswith(("https://", "http://")):
                raise ValidationError(
                    {"value": _("Enter a web address starting with https://.")}
                )

    def status(self, now=None):
        """Open now, until when, or when next (Europe/Helsinki)."""
        return hours.status(self, now)

    @property
    def digits(self):
        return "".join(ch for ch in self.value if ch.isdigit() or ch == "+")

    @property
    def href(self):
        """The link a tap opens: call, text, chat or form; none for an address."""
        if self.kind == self.Kind.PHONE:
            return f"tel:{self.digits}"
        if self.kind == self.Kind.SMS:
            return f"sms:{self.digits}"
        if self.kind in (self.Kind.CHAT, self.Kind.FORM):
            return self.value
        return ""


class ServiceFinderPage(BasePage):
    """Find a service by municipality, topic and whether it is open now."""

    content_panels = BasePage.content_panels
    parent_page_types = ["home.HomePage", "home.ContentPage"]
    subpage_types = []
    max_count_per_parent = 1
    page_description = _(
        "The service finder: every published service of the directory, with "
        "filters for municipality, topic and open now."
    )

    class Meta:
        verbose_name = _("service finder page")

    def get_context(self, request, *args, **kwargs):
        # finder.py reads these models: imported here to break the cycle.
        from .finder import find

        context = super().get_context(request, *args, **kwargs)
        context["form"], context["results"] = find(request.GET or None)
        context["filtered"] = bool(request.GET)
        return context
