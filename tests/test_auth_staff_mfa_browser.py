"""Staff MFA in a real Chromium at 1280 px, through Wagtail's own admin forms."""

import re
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, Permission
from wagtail.models import Locale, Page
from wagtail.users.models import UserProfile

from accounts.models import User

from .staff import PASSWORD, fresh_totp_code, make_staff, sign_in_browser

pytestmark = pytest.mark.browser

SHOTS = Path("/tmp/shots-issue-10a")


def _shot(page, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def _base(live_server):
    return live_server.url.replace("localhost", "127.0.0.1")


def _sign_in(page, base, username, secret=None):
    sign_in_browser(page, base, username, secret, shot=lambda name: _shot(page, name))


@pytest.fixture
def editors_group(transactional_db):
    """Wagtail's "Editors" group, as its migration makes it (flushed here)."""
    group, _ = Group.objects.get_or_create(name="Editors")
    group.permissions.add(
        Permission.objects.get(
            content_type__app_label="wagtailadmin", codename="access_admin"
        )
    )
    return group


def _watch_csp(page, seen):
    """Collect CSP violations and script errors the page reports."""
    page.on(
        "console",
        lambda m: (
            seen.append(f"{page.url}: {m.text[:90]}")
            if "Content Security Policy" in m.text
            else None
        ),
    )
    page.on("pageerror", lambda e: seen.append(str(e)))


@pytest.fixture
def a_page(transactional_db):
    """One page under a root (the flush removed Wagtail's own tree)."""

    Locale.objects.get_or_create(language_code="fi")
    root = Page.get_first_root_node() or Page.add_root(title="Root", slug="root")
    return root.add_child(instance=Page(title="Etusivu", slug="etusivu"))


def test_editor_made_in_wagtail_admin_must_enrol_before_any_admin_page(
    browser, live_server, editors_group, a_page
):
    """An editor added with Admin → Users → Add user cannot open the admin
    before setting up an authenticator, and gets in after doing so."""
    base = _base(live_server)
    admin, secret = make_staff("chief", superuser=True)
    UserProfile.get_for_user(admin)

    chief_context = browser.new_context(
        viewport={"width": 1280, "height": 900}, locale="fi-FI"
    )
    chief = chief_context.new_page()
    csp_errors = []
    _watch_csp(chief, csp_errors)
    _sign_in(chief, base, "chief", secret)
    # The admin works under its CSP: dashboard and page editor.
    chief.goto(f"{base}/admin/")
    chief.goto(f"{base}/admin/pages/{a_page.pk}/edit/")
    chief.get_by_role(
        "button", name=re.compile("Tallenna luonnos|Save draft")
    ).wait_for()
    _shot(chief, "00-page-editor")
    chief.goto(f"{base}/admin/users/new/")
    assert chief.url.endswith("/admin/users/new/"), chief.url
    _shot(chief, "01-add-user-form")
    chief.locator("#id_username").fill("uusi-toimittaja")
    chief.locator("#id_email").fill("toimittaja@example.fi")
    chief.locator("#id_first_name").fill("Uusi")
    chief.locator("#id_last_name").fill("Toimittaja")
    chief.locator("#id_password1").fill(PASSWORD)
    chief.locator("#id_password2").fill(PASSWORD)
    chief.locator("#tab-label-roles").click()
    chief.get_by_role("checkbox", name="Editors", exact=True).check()
    _shot(chief, "02-roles-tab")
    chief.get_by_role("button", name="Luo").click()
    chief.wait_for_url("**/admin/users/")
    _shot(chief, "03-user-created")
    chief_context.close()

    editor = User.objects.get(username="uusi-toimittaja")
    assert not editor.is_staff
    assert editor.groups.filter(name="Editors").exists()

    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, locale="fi-FI"
    )
    page = context.new_page()
    _watch_csp(page, csp_errors)
    _sign_in(page, base, "uusi-toimittaja")
    for path in ("/admin/", "/admin/pages/", "/admin/users/", "/django-admin/"):
        page.goto(f"{base}{path}")
        assert "/admin" not in page.url, path
        assert re.search(r"/accounts/(2fa/totp/activate|reauthenticate)/", page.url)
    _shot(page, "04-editor-sent-to-enrol")

    # allauth asks for the password again before adding an authenticator.
    if "/accounts/reauthenticate/" in page.url:
        page.locator("input[name=password]").fill(PASSWORD)
        page.locator("input[name=password]").press("Enter")
        page.wait_for_url("**/accounts/2fa/totp/activate/**")
    _shot(page, "05-enrol-totp")
    enrol_secret = page.locator("#authenticator_secret").input_value()
    page.locator("input[name=code]").fill(fresh_totp_code(enrol_secret))
    page.locator("input[name=code]").press("Enter")
    page.wait_for_load_state()
    _shot(page, "06-after-enrolling")
    assert editor.authenticator_set.filter(type="totp").exists()

    # The enrolling session was opened by a password only: sign in again with
    # both factors, and the admin opens.
    page.goto(f"{base}/admin/")
    if "/accounts/login/" in page.url:
        _sign_in(page, base, "uusi-toimittaja", enrol_secret)
        page.goto(f"{base}/admin/")
    assert page.url == f"{base}/admin/"
    assert page.locator("main").count() == 1
    _shot(page, "07-editor-in-admin")
    context.close()
    assert csp_errors == []
