"""The live directory, loaded once per process and per change.

Every page shows the help box and many show contact cards; all of them read
the same few dozen live services with their channels, hours, municipalities,
organisations and translations. They are loaded here in five queries, kept in
memory (`core.caching.memo`) and loaded again when an editor saves or
publishes anything in the directory (`core.signals`). Opening state is never
cached: cards compute it from these rows at the minute of the request.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from wagtail.models import Locale

from core import caching

DEPENDS = ("directory", "locales")


@dataclass
class Directory:
    by_pk: dict = field(default_factory=dict)  # default-language services
    by_key: dict = field(default_factory=dict)  # translation key -> the same
    translations: dict = field(default_factory=dict)  # (key, locale id) -> Service
    help_box: list = field(default_factory=list)
    by_any_pk: dict = field(default_factory=dict)  # every live version by pk

    def facts(self, service):
        """The default-language live version of `service`, from memory."""
        if service is None:
            return None
        found = self.by_pk.get(service.pk)
        if found is None:
            found = self.by_key.get(service.translation_key)
        return found

    def localized(self, facts, locale=None):
        """`facts` in the active language (itself where not translated)."""
        locale = locale or _active()
        if locale is None or facts.locale_id == locale.pk:
            return facts
        return self.translations.get((facts.translation_key, locale.pk), facts)


def _active():
    try:
        return Locale.get_active()
    except Locale.DoesNotExist:
        return None


def _load():
    # cards and the models import this module (via blocks): a cycle.
    from . import cards
    from .models import Service

    services = list(cards.live_services())
    by_pk = {service.pk: service for service in services}
    for service in services:
        service.__dict__["canonical"] = service
        # The "when closed, suggest" chain stays inside the live directory.
        service._state.fields_cache["fallback"] = by_pk.get(service.fallback_id)
        for channel in service.channels.all():
            # Shared by every request of this process: convert once.
            list(channel.hours)
            list(channel.exceptions)
    by_key = {service.translation_key: service for service in services}
    translations = {}
    for translation in (
        Service.objects.filter(live=True, translation_key__in=list(by_key))
        .exclude(pk__in=list(by_pk))
        .select_related("organisation")
    ):
        translation.__dict__["canonical"] = by_key[translation.translation_key]
        translations[translation.translation_key, translation.locale_id] = translation
    help_box = sorted(
        (service for service in services if service.help_box_order is not None),
        key=lambda service: (service.help_box_order, service.name),
    )
    by_any_pk = dict(by_pk)
    by_any_pk.update((service.pk, service) for service in translations.values())
    return Directory(
        by_pk=by_pk,
        by_key=by_key,
        translations=translations,
        help_box=help_box,
        by_any_pk=by_any_pk,
    )


def load():
    """The live directory of this generation."""
    return caching.memo(("directory",), _load, DEPENDS)
