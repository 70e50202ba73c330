"""A path handed on in a meeting, end to end in real browsers."""

import pytest
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
    yield_hotp_counters_from_time,
)
from django.contrib.auth.models import Permission

from accounts.models import User
from referrals.models import ReferralLink, StaffMembership

from .conftest import DESKTOP, PHONE, axe_violations
from .strongid import code_for_age
from .test_directory import directory_site  # noqa: F401  (fixture)
from .test_referrals import organisation

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("directory_site")]
PASSWORD = "a-long-staff-password-2026"


def referring_staff():
    """Ohjaamo staff with TOTP. (transactional_db drops the migrations' groups,
    so the staff permissions are given to the user directly.)"""
    user = User.objects.create_user("ohjaaja", password=PASSWORD, is_staff=True)
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="add_referrallink"),
    )
    StaffMembership.objects.create(user=user, organisation=organisation("kouvola"))
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return secret


def totp_code(secret):
    counters = list(yield_hotp_counters_from_time())
    return format_hotp_value(hotp_value(secret, counters[len(counters) // 2]))


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
        staff.goto(f"{base}/accounts/login/")
        staff.locator("input[name=login]").fill("ohjaaja")
        staff.locator("input[name=password]").fill(PASSWORD)
        staff.locator("form button[type=submit]").last.click()
        staff.locator("input[name=code]").fill(totp_code(secret))
        staff.locator("form button[type=submit]").last.click()
        staff.wait_for_url("**/")
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
        young.get_by_role("button", name="Aloita polku").tap()
        young.wait_for_url(f"{identity_provider}/authorize**")
        young.get_by_label("Henkilötunnus").fill(code_for_age(14))
        young.get_by_role("button", name="Tunnistaudu").tap()
        young.wait_for_url(lambda url: "/authorize" not in url and "/r/" not in url)
        link.refresh_from_db()
        assert (link.opened, link.started) == (1, 1)

        # This month is not a whole month yet: the numbers wait (docs/evidence.md).
        assert started_cell(staff, base).inner_text() == "alle 5"
    finally:
        staff_context.close()
        young_context.close()
