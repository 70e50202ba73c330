"""Referral links: the public landing, and the staff pages in the admin."""

import io
from urllib.parse import quote

import qrcode
import qrcode.image.svg
from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import F
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache

from core.ratelimit import rate_limited
from directory.cards import help_box_services
from directory.models import Service
from paths.pages import path_page

from .middleware import SESSION_KEY
from .models import ReferralLink, ReferralOpening
from .staff import (
    link_for,
    link_rows_with_paths,
    my_links,
    own_service,
    published_paths,
    staff_services,
)

# --- public ----------------------------------------------------------------


def short_link(request, code):
    """/r/<code>: the address in the QR code, sent on to the path's language."""
    link = get_object_or_404(ReferralLink, code=code.lower())
    with translation.override(link.language):
        return redirect(reverse("referrals:landing", args=[link.code]))


def _path_page(path_key):
    page = path_page(path_key)
    if page is None or not hasattr(page, "get_steps"):
        raise Http404
    return page


@never_cache
@rate_limited("referral_open", methods=("GET", "HEAD"))
def landing(request, code):
    """The path intro, naming the service that recommended it.

    Opening is counted once per browser session; the session remembers the
    link so that starting the path is credited to the service, anonymously.
    """
    link = get_object_or_404(ReferralLink, code=code)
    page = _path_page(link.path_key)
    if request.session.get(SESSION_KEY) != link.pk:
        # Staff looking at their own link ("view as a young person") or any
        # signed-in admin user is not an opening.
        if not request.user.has_perm("wagtailadmin.access_admin"):
            ReferralLink.objects.filter(pk=link.pk).update(opened=F("opened") + 1)
            ReferralOpening.bump(link)
        request.session[SESSION_KEY] = link.pk
    return render(
        request,
        "referrals/landing.html",
        {
            "page": page,
            "steps": page.get_steps(),
            "service": link.service.localized,
        },
    )


# --- staff (under /admin/, so the staff MFA rules apply) ---------------------


def _require_staff(request):
    if not request.user.has_perm("referrals.add_referrallink"):
        raise PermissionDenied


class ReferralForm(forms.Form):
    service = forms.ModelChoiceField(
        queryset=Service.objects.none(), label=_("On behalf of")
    )
    language = forms.ChoiceField(
        label=_("Language"),
        choices=settings.WAGTAIL_CONTENT_LANGUAGES,
    )

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["service"].queryset = staff_services(user).order_by("name")
        self.fields["service"].initial = own_service(user)


def paths_for_staff(request):
    """Published paths, what each contains and who it is for; create a link."""
    _require_staff(request)
    if request.method == "POST":
        form = ReferralForm(request.user, request.POST)
        path_key = request.POST.get("path_key")
        paths = {str(page.path_key): page for page in published_paths()}
        if form.is_valid() and path_key in paths:
            link = link_for(
                request.user,
                path_key,
                form.cleaned_data["service"],
                form.cleaned_data["language"],
            )
            return redirect("referrals_admin:link", code=link.code)
    rows = [
        {"page": page, "steps": page.get_steps(), "form": ReferralForm(request.user)}
        for page in published_paths()
    ]
    return render(
        request,
        "referrals/admin/paths.html",
        {
            "rows": rows,
            "can_refer": staff_services(request.user).exists(),
            "my_links": my_links(request.user),
        },
    )


def _message(link, page, short_url):
    """A ready text for e-mail or a text message, in the link's language."""
    with translation.override(link.language):
        subject = gettext("A path for you: %(title)s") % {"title": page.title}
        body = gettext(
            "Hi! Here is a path that may help you: %(title)s. Open it at "
            "%(url)s and identify with your bank ID or mobile certificate. "
            "No bank ID yet? Ask your school nurse or the Ohjaamo: they will "
            "help. – %(service)s"
        ) % {"title": page.title, "url": short_url, "service": link.service.localized}
    return subject, body


def _visible_link(request, code):
    _require_staff(request)
    link = get_object_or_404(ReferralLink.objects.select_related("service"), code=code)
    if not (
        request.user.has_perm("referrals.view_all_aggregates")
        or staff_services(request.user).filter(pk=link.service_id).exists()
    ):
        raise Http404
    return link


def _short_url(request, link):
    return request.build_absolute_uri(link.get_absolute_path())


def link_detail(request, code):
    link = _visible_link(request, code)
    page = _path_page(link.path_key)
    short_url = _short_url(request, link)
    subject, body = _message(link, page, short_url)
    with translation.override(link.language):
        landing_url = reverse("referrals:landing", args=[link.code])
    return render(
        request,
        "referrals/admin/link.html",
        {
            "link": link,
            "page": page,
            "short_url": short_url,
            "message": body,
            "mailto": f"mailto:?subject={quote(subject)}&body={quote(body)}",
            "sms": f"sms:?&body={quote(body)}",
            "landing_url": landing_url,
        },
    )


def _qr(request, link):
    qr = qrcode.QRCode(
        error_correction=qrcode.constants.ERROR_CORRECT_M, box_size=12, border=4
    )
    qr.add_data(_short_url(request, link))
    qr.make(fit=True)
    return qr


def qr_png(request, code):
    link = _visible_link(request, code)
    buffer = io.BytesIO()
    _qr(request, link).make_image().save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type="image/png")
    response["Content-Disposition"] = f'inline; filename="polku-{link.code}.png"'
    return response


def qr_svg(request, code):
    link = _visible_link(request, code)
    buffer = io.BytesIO()
    image = _qr(request, link).make_image(image_factory=qrcode.image.svg.SvgPathImage)
    image.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type="image/svg+xml")
    response["Content-Disposition"] = f'inline; filename="polku-{link.code}.svg"'
    return response


def poster(request, code):
    """A printable A4 page: the QR code, the path's description, the address."""
    link = _visible_link(request, code)
    with translation.override(link.language):
        page = _path_page(link.path_key)
        return render(
            request,
            "referrals/admin/poster.html",
            {
                "link": link,
                "page": page,
                "service": link.service.localized,
                "short_url": _short_url(request, link),
                "help_lines": help_box_services()[:5],
            },
        )


def numbers(request):
    """Numbers per link from the nightly counts, small and derivable ones hidden.

    Staff see their organisation's links; managers see every link. Totals
    per service, age band and month are on the evidence dashboard.
    """
    sees_all = request.user.has_perm("referrals.view_all_aggregates")
    if not (sees_all or request.user.has_perm("referrals.add_referrallink")):
        raise PermissionDenied
    links = ReferralLink.objects.select_related("service", "service__organisation")
    if not sees_all:
        links = links.filter(service__in=staff_services(request.user))
    link_rows = link_rows_with_paths(links)
    return render(
        request,
        "referrals/admin/numbers.html",
        {"link_rows": link_rows, "sees_all": sees_all},
    )
