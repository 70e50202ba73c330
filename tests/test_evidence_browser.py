"""The evidence dashboard and the staff hand-on, in a real Chromium at 1280 px."""

import importlib
import re
from pathlib import Path

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.utils import formats, translation

from accounts.models import User
from evidence.months import add_months, last_whole_month
from referrals.models import ReferralLink, ReferredEnrolment, StaffMembership

from .conftest import DESKTOP, PHONE, axe_violations
from .staff import sign_in_browser
from .strongid import code_for_age, identify_in_browser

pytestmark = pytest.mark.browser
PASSWORD = "demo-password-for-browser-tests"
SHOTS = Path("/tmp/shots-issue-13")


@pytest.fixture
def demo(transactional_db, settings):
    """`make run`'s demo, with the groups a transactional flush removed."""

    rules = importlib.import_module("referrals.migrations.0002_groups").GROUPS
    access = Permission.objects.get(codename="access_admin")
    for name in ("Referring staff", "Managers"):
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(access)
        for app_label, model, actions in rules[name]:
            for action in actions:
                codename = action if "_" in action else f"{action}_{model}"
                group.permissions.add(
                    Permission.objects.get(
                        content_type__app_label=app_label, codename=codename
                    )
                )
    settings.DEMO_ADMIN_PASSWORD = PASSWORD
    call_command("load_demo", verbosity=0)
    SHOTS.mkdir(exist_ok=True)


def known_totp(username):
    """The demo login's TOTP, re-enrolled so that the test knows the secret."""
    user = User.objects.get(username=username)
    Authenticator.objects.filter(user=user).delete()
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return secret


def sign_in(page, base, username):
    sign_in_browser(page, base, username, known_totp(username), password=PASSWORD)


def test_demo_manager_sees_funnel_nps_age_bands_and_exports(browser, live_server, demo):
    """The demo manager (password + TOTP) sees the step funnel, NPS with its n
    and the age bands of a demo path, downloads CSV and XLSX, and finds no
    count under 5 anywhere on the page."""
    base = live_server.url
    context = browser.new_context(
        viewport=DESKTOP, locale="fi-FI", accept_downloads=True
    )
    page = context.new_page()
    try:
        sign_in(page, base, "johtaja")
        page.goto(f"{base}/admin/evidence/")
        page.screenshot(path=SHOTS / "dashboard-1280.png", full_page=True)
        assert page.locator("table[data-table=funnel]").is_visible()
        assert page.locator("figure.evidence-chart svg[role=img]").first.is_visible()
        nps = page.locator("[data-nps]").inner_text()
        assert re.search(r"NPS.*-?\d+.*n = \d+", nps), nps
        age = page.locator("table[data-table=age]").inner_text()
        assert "13–15" in age and "16–17" in age
        cells = page.locator("table.listing td:not([data-score])").all_inner_texts()
        counts = [
            int(m.group(1))
            for c in cells
            if (m := re.fullmatch(r"(?:≥ )?(\d+)", c.strip()))
        ]
        assert counts and min(counts) >= 5, counts
        # The period from month lists in Finnish, sent as a plain form.
        with translation.override("fi"):
            last = last_whole_month()
            first_label = formats.date_format(add_months(last, -2), "YEAR_MONTH_FORMAT")
        page.locator("select[name=start]").select_option(label=first_label)
        page.get_by_role("button", name="Näytä").click()
        page.wait_for_url(f"**start={add_months(last, -2):%Y-%m}**")
        assert page.locator("select[name=start] option:checked").inner_text() == (
            first_label
        )
        assert page.locator("table[data-table=funnel] thead th").count() == 5
        page.screenshot(path=SHOTS / "dashboard-3-months-1280.png", full_page=True)
        for kind in ("CSV", "XLSX"):
            with page.expect_download() as download:
                page.locator(
                    "section:has(table[data-table=funnel]) a", has_text=kind
                ).click()
            assert download.value.suggested_filename.endswith(kind.lower())
        assert axe_violations(page) == []
    finally:
        context.close()


def test_staff_link_reused_copied_postered_and_credited(
    browser, live_server, identity_provider, demo
):
    """A school nurse gets her link (her own service chosen for her), the same
    link the second time, copies it, opens the poster and the young person's
    view; a young person who starts through it at the test IdP is credited to
    the nurse's own service."""
    base = live_server.url.replace("localhost", "127.0.0.1")
    nurse = User.objects.get(username="terveydenhoitaja")
    own = StaffMembership.objects.get(user=nurse).service
    context = browser.new_context(viewport=DESKTOP, locale="fi-FI")
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base)
    page = context.new_page()
    young_context = browser.new_context(
        viewport=PHONE, locale="fi-FI", has_touch=True, is_mobile=True
    )
    young = young_context.new_page()
    try:
        sign_in(page, base, "terveydenhoitaja")
        page.goto(f"{base}/admin/")
        assert page.locator("[data-hand-on-panel]").is_visible()
        page.screenshot(path=SHOTS / "staff-home-1280.png", full_page=True)
        page.goto(f"{base}/admin/referrals/")
        form = page.locator("main form").first
        chosen = form.locator("select[name=service] option:checked").inner_text()
        assert chosen == own.name
        form.locator("button[type=submit]").click()
        page.wait_for_url("**/admin/referrals/*/")
        first = page.url
        page.goto(f"{base}/admin/referrals/")
        page.locator("main form").first.locator("button[type=submit]").click()
        page.wait_for_url("**/admin/referrals/*/")
        assert page.url == first
        short_url = page.locator("[data-short-url]").get_attribute("href")
        page.get_by_role("button", name="Kopioi linkki").click()
        assert page.evaluate("navigator.clipboard.readText()") == short_url
        page.screenshot(path=SHOTS / "link-1280.png", full_page=True)
        assert axe_violations(page) == []
        # On a phone the link page fits the screen, numbers included.
        page.set_viewport_size(PHONE)
        page.goto(f"{base}/admin/referrals/numbers/")
        page.screenshot(path=SHOTS / "numbers-375.png", full_page=True)
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        page.goto(first)
        page.screenshot(path=SHOTS / "link-375.png", full_page=True)
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        page.set_viewport_size(DESKTOP)
        page.locator("[data-poster]").click()
        assert page.get_by_text("Skannaa koodi puhelimesi kameralla").is_visible()
        # The QR code is an image of its own: wait until it has loaded.
        page.wait_for_function(
            "() => { const i = document.querySelector('img.poster__qr');"
            " return i && i.complete && i.naturalWidth > 0; }",
            timeout=30000,
        )
        page.screenshot(path=SHOTS / "poster-1280.png", full_page=True)
        page.emulate_media(media="print")
        page.screenshot(path=SHOTS / "poster-print.png", full_page=True)
        page.emulate_media(media="screen")
        page.go_back()
        with context.expect_page() as opened:
            page.locator("[data-view-as]").click()
        view = opened.value
        view.wait_for_load_state()
        assert view.get_by_text(f"{own.name} suositteli tätä polkua").is_visible()
        view.screenshot(path=SHOTS / "view-as-young-person-1280.png", full_page=True)

        link = ReferralLink.objects.get(
            created_by=nurse, path_key__isnull=False, code=short_url.rsplit("/", 1)[1]
        )
        assert link.opened == 0 and link.service_id == own.pk
        young.goto(short_url)
        identify_in_browser(
            young, identity_provider, code_for_age(14), start="Aloita polku"
        )
        young.wait_for_url(lambda url: "/authorize" not in url and "/r/" not in url)
        link.refresh_from_db()
        assert (link.opened, link.started) == (1, 1)
        referred = ReferredEnrolment.objects.select_related("link").latest("pk")
        assert referred.link.service_id == own.pk
    finally:
        context.close()
        young_context.close()
