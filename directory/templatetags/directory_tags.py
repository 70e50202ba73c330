import uuid

from django import template

from directory import cards

register = template.Library()


@register.inclusion_tag("directory/service_card.html", takes_context=True)
def service_card(context, service, heading_level=2, note="", preview=False):
    """A service's contact card: channels, open now / opens next, alternatives.

    `service` may be in any language; the card follows the active language.
    Used by the finder and by paths' service contact card block.
    """
    card = cards.card_for(service, preview=preview) if service else None
    if card is not None and not (preview or card.facts.live):
        card = None
    return {
        "card": card,
        "note": note,
        "heading_tag": f"h{max(2, min(int(heading_level), 4))}",
        # A service may appear twice on one page: ids must stay unique.
        "card_id": f"service-{uuid.uuid4().hex[:8]}",
        "request": context.get("request"),
    }


@register.inclusion_tag("directory/service_card.html", takes_context=True)
def service_card_for(context, card, heading_level=3):
    """A card the finder has already built (same template as `service_card`)."""
    return {
        "card": card,
        "heading_tag": f"h{max(2, min(int(heading_level), 4))}",
        # A service may appear twice on one page: ids must stay unique.
        "card_id": f"service-{uuid.uuid4().hex[:8]}",
        "request": context.get("request"),
    }
