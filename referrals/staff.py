"""What staff hand on and on whose behalf: their services, their links and
the numbers of those links. Used by the staff pages and the evidence app."""

from django.db import transaction
from wagtail import hooks
from wagtail.models import Locale

from accounts.models import User
from directory.models import Service
from paths.models import PathPage

from .models import ReferralLink, StaffMembership


def _membership(user):
    return StaffMembership.objects.filter(user=user).select_related("organisation")


def staff_services(user):
    """The live services a staff member may hand paths on behalf of."""
    services = Service.objects.filter(live=True, locale=Locale.get_default())
    if user.is_superuser:
        return services.select_related("organisation")
    membership = _membership(user).first()
    if membership is None:
        return services.none()
    organisation = membership.organisation
    return services.filter(
        organisation__translation_key=organisation.translation_key
    ).select_related("organisation")


def own_service(user):
    """The service a staff member's links are credited to by default: the one
    they work in, or their organisation's only service; else they choose."""
    services = staff_services(user)
    membership = _membership(user).first()
    if membership is not None and membership.service_id:
        own = services.filter(translation_key=membership.service.translation_key)
        if own.exists():
            return own.first()
    return services.first() if services.count() == 1 else None


def link_for(user, path_key, service, language):
    """The staff member's one link for this path, service and language: made
    on the first press, the same link on every press after it."""
    with transaction.atomic():
        # Two presses at once: the second waits for the first and finds its link.
        User.objects.select_for_update().filter(pk=user.pk).first()
        link = (
            ReferralLink.objects.filter(
                created_by=user, path_key=path_key, service=service, language=language
            )
            .order_by("created_at")
            .first()
        )
        if link is None:
            link = ReferralLink.objects.create(
                path_key=path_key, service=service, language=language, created_by=user
            )
    return link


def published_paths():
    """The published paths of the default language, for staff to hand on."""
    return (
        PathPage.objects.live()
        .filter(locale=Locale.get_default())
        .prefetch_related("themes")
        .order_by("title")
    )


def link_numbers(links):
    """Opened, started and completed per link, as published by the app that
    keeps the counts (evidence registers `polku_link_numbers`); the counts
    sit above this app, so it asks through the hook instead of importing."""
    rows = []
    for numbers in hooks.get_hooks("polku_link_numbers"):
        rows.extend(numbers(links))
    return rows


def my_links(user):
    """The staff member's links with their numbers (docs/evidence.md)."""
    links = ReferralLink.objects.filter(created_by=user).select_related("service")
    return link_rows_with_paths(links)


def link_rows_with_paths(links):
    """`link_numbers` of `links`, each row with its path's title ("–" when
    the path is no longer published)."""
    titles = {str(page.path_key): page.title for page in published_paths()}
    rows = link_numbers(list(links))
    for row in rows:
        row["path"] = titles.get(str(row["link"].path_key), "–")
    return rows
