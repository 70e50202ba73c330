"""Template tags of strong identification."""

from django import template
from django.urls import reverse

from accounts.views import broker_logout_url

register = template.Library()


@register.simple_tag(takes_context=True)
def quick_exit_broker_logout(context):
    """The broker's logout for the quick exit of a young person, or ""."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if request is None or not getattr(user, "is_young_person", False):
        return ""
    return broker_logout_url(request, reverse("core:quick_exit_away")) or ""
