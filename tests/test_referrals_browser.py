"""A path handed on in a meeting, end to end in real browsers."""

import pytest
from django.contrib.auth.models import Permission

from referrals.models import ReferralLink, StaffMembership

from .conftest import DESKTOP, PHONE, axe_violations
from .directory_helpers import organisation
from .staff import make_staff, sign_in_browser
from .strongid import code_for_age, identify_in_browser

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("directory_site")]


def referring_staff():
    """Ohjaamo staff with TOTP. (transactional_db drops the migrations' groups,
    so the staff permissions are given to the user directly.)"""
    user, secret = make_staff("ohjaaja")
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="add_referrallink"),
    )
    StaffMembership.objects.create(user=user, organisation=organisation("kouvola"))
    return secret


def started_cell(page, base):
    page.goto(f"{base}/admin/referrals/numbers/")
    return page.locator("table").first.locator('td[data-count="started"]').first


def test_staff_link_is_opened_identified_and_counted(
    browser, live_server, identity_provider
):
    """Staff with MFA create a link; another browser opens its QR address,
    identifies as a 14-year-old and starts the path (the intro passing axe-core
    on the way); the staff numbers do not show a lone start."""
    base = live_server.url.replace("localhost", "127.0.0.1")
    secret = referring_staff()

    staff_context = browser.new_context(viewport=DESKTOP, locale="fi-FI")
    staff = staff_context.new_page()
    young_context = browser.new_context(
        viewport=PHONE, locale="fi-FI", has_touch=True, is_mobile=True
    )
    young = young_context.new_page()
    try:
        sign_in_browser(staff, base, "ohjaaja", secret)
        staff.goto(f"{base}/admin/referrals/")
        form = staff.locator("main form").first
        form.locator("select[name=service]").select_option(label="Ohjaamo Kouvola")
        form.locator("button[type=submit]").click()
        staff.wait_for_url("**/admin/referrals/*/")
        short_url = staff.locator("[data-short-url]").get_attribute("href")
        assert staff.locator("img[src$='qr.svg']").evaluate("i => i.naturalWidth") > 0
        link = ReferralLink.objects.get()
        assert short_url == f"{base}/r/{link.code}"

        young.goto(short_url)
        assert young.get_by_text("Ohjaamo Kouvola suositteli tätä polkua").is_visible()
        assert axe_violations(young) == []
        identify_in_browser(
            young, identity_provider, code_for_age(14), start="Aloita polku"
        )
        young.wait_for_url(lambda url: "/authorize" not in url and "/r/" not in url)
        link.refresh_from_db()
        assert (link.opened, link.started) == (1, 1)

        # This month is not a whole month yet: the numbers wait (docs/evidence.md).
        assert started_cell(staff, base).inner_text() == "alle 5"
    finally:
        staff_context.close()
        young_context.close()
