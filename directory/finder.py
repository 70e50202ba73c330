"""The public service finder: filter by municipality, theme and open now."""

from django import forms
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from . import cards
from .models import Municipality, Organisation, ServiceTheme


class FinderForm(forms.Form):
    """Plain GET form: works without JavaScript, bookmarkable."""

    municipality = forms.ChoiceField(label=_("Municipality"), required=False)
    theme = forms.ChoiceField(
        label=_("Topic"),
        required=False,
        choices=[("", _("All topics")), *ServiceTheme.choices],
    )
    open_now = forms.BooleanField(label=_("Open now"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        language = get_language() or "fi"
        self.fields["municipality"].choices = [
            ("", _("All municipalities")),
            *((m.code, m.localized_name(language)) for m in Municipality.objects.all()),
        ]


def _sort_key(card, municipality):
    facts = card.facts
    national = (
        facts.help_box_order is not None
        or facts.organisation.kind == Organisation.Kind.NATIONAL_LINE
    )
    local = bool(municipality) and any(
        m.code == municipality for m in facts.municipalities.all()
    )
    return (not local, national, card.service.name.casefold())


def find(data, now=None):
    """The form and the matching service cards, local services first."""
    now = now or timezone.now()
    form = FinderForm(data)
    filters = form.cleaned_data if form.is_valid() else {}
    municipality = filters.get("municipality")
    theme = filters.get("theme")
    facts = []
    for service in cards.live_services():
        places = [m.code for m in service.municipalities.all()]
        if municipality and places and municipality not in places:
            continue
        if theme and service.themes and theme not in service.themes:
            continue
        facts.append(service)
    results = []
    for service in cards.localize_all(facts):
        card = cards.card_for(service.canonical, now, text=service)
        if filters.get("open_now") and not card.is_open:
            continue
        results.append(card)
    results.sort(key=lambda card: _sort_key(card, municipality))
    return form, results
