"""What a contact card, the finder and the help box show about a service.

Text (name, description) comes from the service in the active language;
facts (channels, hours, municipalities, …) from the default-language version
(`Service.canonical`), so one edit changes every place and every language.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import get_language
from wagtail.models import Locale

from . import hours, snapshot
from .models import ContactChannel, Service

# Channels a young person can use from wherever they are, right now.
REMOTE_KINDS = {
    ContactChannel.Kind.PHONE,
    ContactChannel.Kind.CHAT,
    ContactChannel.Kind.SMS,
}
# The emergency number is never offered as "the next open alternative" to a
# closed chat: it is in the help box for emergencies, not for a talk.
EMERGENCY_NUMBERS = {"112"}
FALLBACK_DEPTH = 3


@dataclass
class ChannelCard:
    channel: ContactChannel
    state: hours.OpeningStatus
    status_text: str
    alternative: ChannelCard | None = None
    alternative_service: Service | None = None

    @property
    def is_open(self):
        return self.state.is_open

    @property
    def kind(self):
        return self.channel.kind

    @property
    def href(self):
        return self.channel.href


@dataclass
class ServiceCard:
    service: Service  # in the active language: name, description
    facts: Service  # the default-language version: everything else
    channels: list[ChannelCard] = field(default_factory=list)

    @property
    def is_open(self):
        return any(card.is_open for card in self.channels)

    @property
    def municipalities(self):
        language = get_language() or "fi"
        return [m.localized_name(language) for m in self.facts.municipalities.all()]

    @property
    def languages(self):
        labels = dict(Service._meta.get_field("languages").item_choices)
        return [labels[code] for code in self.facts.languages if code in labels]

    @property
    def organisation(self):
        # A translated service points at the translated organisation.
        return self.service.organisation


def _is_emergency(channel):
    return channel.digits in EMERGENCY_NUMBERS


def _channel_card(channel, now):
    state = channel.status(now)
    return ChannelCard(channel, state, hours.describe(state, now))


def _first_open(service, now, exclude=None):
    for channel in service.contact_channels:
        if (
            channel.pk == getattr(exclude, "pk", None)
            or channel.kind not in REMOTE_KINDS
        ):
            continue
        if _is_emergency(channel):
            continue
        card = _channel_card(channel, now)
        if card.is_open:
            return card
    return None


def next_open_alternative(service, channel, now=None):
    """For a closed channel: an open one to try instead, and whose it is.

    First another channel of the same service, then the service's own
    "when closed, suggest" chain, then the help box's lines in their order.
    """
    now = now or timezone.now()
    facts = service.canonical
    card = _first_open(facts, now, exclude=channel)
    if card:
        return service, card
    seen = {facts.pk}
    directory = snapshot.load()
    candidate = directory.facts(facts.fallback) if facts.fallback_id else None
    for _step in range(FALLBACK_DEPTH):
        if candidate is None or candidate.pk in seen or not candidate.live:
            break
        seen.add(candidate.pk)
        card = _first_open(candidate, now)
        if card:
            return directory.localized(candidate), card
        candidate = (
            directory.facts(candidate.fallback) if candidate.fallback_id else None
        )
    for line in help_box_services():
        if line.canonical.pk in seen:
            continue
        card = _first_open(line.canonical, now)
        if card:
            return line, card
    return None, None


def localize_all(services):
    """Each default-language service in the active language, in one query.

    The translation remembers its default-language version as `canonical`,
    so cards read the facts from the prefetched rows.
    """
    services = list(services)
    for service in services:
        service.__dict__["canonical"] = service
    try:
        locale = Locale.get_active()
    except Locale.DoesNotExist:
        return services
    directory = snapshot.load()
    if all(service.pk in directory.by_pk for service in services):
        return [directory.localized(service, locale) for service in services]
    if all(service.locale_id == locale.pk for service in services):
        return services
    translations = {
        translation.translation_key: translation
        for translation in Service.objects.filter(
            locale=locale,
            live=True,
            translation_key__in=[service.translation_key for service in services],
        ).select_related("organisation")
    }
    localized = []
    for service in services:
        translation = translations.get(service.translation_key, service)
        translation.__dict__["canonical"] = service
        localized.append(translation)
    return localized


def card_for(service, now=None, text=None, preview=False):
    """Everything a contact card shows about `service`, at `now`.

    `text` is the service in the active language when the caller has it
    already (see `localize_all`). A live service is read from the directory in
    memory (`snapshot`); a `preview` shows the object as given (unsaved edits).
    """
    now = now or timezone.now()
    known = None if preview or not service.pk else snapshot.load().facts(service)
    if known is not None and text is None:
        # The live directory in memory: no query for channels or translations.
        facts = known
        text = snapshot.load().localized(known)
    else:
        text = text or service.localized
        facts = service.canonical
    if text is not service:
        text.__dict__["canonical"] = facts
    card = ServiceCard(service=text, facts=facts)
    for channel in facts.channels.all():
        channel_card = _channel_card(channel, now)
        if (
            channel.kind == ContactChannel.Kind.CHAT
            and channel_card.state.known
            and not channel_card.is_open
        ):
            other, alternative = next_open_alternative(facts, channel, now)
            channel_card.alternative = alternative
            channel_card.alternative_service = other
        card.channels.append(channel_card)
    return card


def live_services():
    """Live services of the default language, ready for cards."""
    return (
        Service.objects.filter(live=True, locale=Locale.get_default())
        .select_related("organisation", "fallback")
        .prefetch_related(
            Prefetch(
                "channels", queryset=ContactChannel.objects.order_by("sort_order", "pk")
            ),
            "municipalities",
        )
    )


def help_box_services():
    """The lines of the help box, in the active language, in their order."""
    directory = snapshot.load()
    return [directory.localized(service) for service in directory.help_box]


def help_box_cards(now):
    """The help box's lines as contact cards: on every page (the help box) and
    under a self-check's highest band."""
    return [
        card_for(service.canonical, now, text=service)
        for service in help_box_services()
    ]
